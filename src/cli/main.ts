#!/usr/bin/env node
/**
 * `testaudit [paths...]`: audits test files with the user's own ESLint flat config and prints an honest
 * report. Exit codes (exit-codes.ts): 0 clean, 1 the gate fails (gate.ts), 2 a usage or configuration
 * error (one line naming the bad flag, option or file), 3 an internal error or an unwritable output.
 * `testaudit verify` is verify-command.ts, `testaudit merge` merge-command.ts.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { TemporaryFileError } from "../audit/errors.js";
import { UsageError } from "../audit/run-audit.js";
import { parseShard } from "../audit/shard.js";
import { packageInfo } from "../package-info.js";
import { auditCommand, type ReportOptions } from "./audit-command.js";
import { EXIT } from "./exit-codes.js";
import { mergeCommand } from "./merge-command.js";
import { guardClosedPipes, OutputError } from "./output.js";
import { AUDIT_FORMATS, type AuditFormat } from "./render.js";
import { USAGE } from "./usage.js";
import { runVerify, verifyArguments } from "./verify-command.js";

function parseGroup(value: string): { name: string; glob: string } {
  const equals = value.indexOf("=");
  if (equals <= 0 || equals === value.length - 1) {
    throw new UsageError(`--group wants NAME=GLOB, got ${JSON.stringify(value)}.`);
  }
  return { name: value.slice(0, equals), glob: value.slice(equals + 1) };
}

function parseMaxExemptions(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^\d+$/u.test(value)) {
    throw new UsageError(`--max-exemptions wants a whole number, got ${JSON.stringify(value)}.`);
  }
  return Number(value);
}

async function main(argv: string[]): Promise<number> {
  const verifyArgv = verifyArguments(argv);
  if (verifyArgv !== null) {
    return runVerify(verifyArgv);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        format: { type: "string", default: "table" },
        output: { type: "string" },
        group: { type: "string", multiple: true, default: [] },
        config: { type: "string" },
        shard: { type: "string" },
        "allow-nested-config": { type: "boolean", default: false },
        "max-exemptions": { type: "string" },
        "exit-zero": { type: "boolean", default: false },
        progress: { type: "boolean", default: true },
        version: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return EXIT.clean;
  }
  if (values.version) {
    process.stdout.write(`testaudit ${packageInfo.version}\n`);
    return EXIT.clean;
  }
  const format = values.format as AuditFormat;
  if (!AUDIT_FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${AUDIT_FORMATS.join(", ")}; got ${JSON.stringify(values.format)}.`);
  }
  if (values.config !== undefined && !existsSync(resolve(values.config))) {
    throw new UsageError(`--config ${values.config}: no such file.`);
  }
  const reportOptions: ReportOptions = { format, output: values.output, exitZero: values["exit-zero"], maxExemptions: parseMaxExemptions(values["max-exemptions"]) };
  if (positionals[0] === "merge") {
    return mergeCommand(positionals.slice(1), reportOptions);
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard === null) {
    throw new UsageError(`--shard wants I/N with 1 <= I <= N, got ${JSON.stringify(values.shard)}.`);
  }
  const paths = positionals;
  const audit = { cwd: process.cwd(), patterns: paths.length > 0 ? paths : ["."], configFile: values.config, allowNestedConfig: values["allow-nested-config"], groups: values.group.map(parseGroup), shard };
  return auditCommand(audit, { ...reportOptions, progress: values.progress });
}

guardClosedPipes();
main(process.argv.slice(2)).then(
  (code) => {
    // An output error reported on the stream (see guardClosedPipes) keeps its code.
    process.exitCode ??= code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`testaudit: ${error.message.replace(/\n/gu, " ")} (see testaudit --help)\n`);
      process.exitCode = EXIT.usage;
    } else if (error instanceof OutputError || error instanceof TemporaryFileError) {
      process.stderr.write(`testaudit: ${error.message}\n`);
      process.exitCode = EXIT.internal;
    } else {
      process.stderr.write(`testaudit: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = EXIT.internal;
    }
  },
);
