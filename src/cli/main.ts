#!/usr/bin/env node
/**
 * `testaudit [paths...]`: audits test files with the user's own ESLint flat config and prints an honest
 * report. Exit codes: 0 clean, 1 a file or test not compliant with a policy whose rule is on (see
 * auditFails), an error-level rule violation or a file that does not parse, 2 a usage or configuration
 * error (the message names the bad flag, option or file). `testaudit verify` is verify-command.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatHtml } from "../audit/formats/html.js";
import { formatMarkdown } from "../audit/formats/markdown.js";
import { formatSarif } from "../audit/formats/sarif.js";
import { formatTable } from "../audit/formats/table.js";
import type { AuditReport } from "../audit/report-types.js";
import { auditFails, mergeReports, runAudit, UsageError } from "../audit/run-audit.js";
import { parseShard } from "../audit/shard.js";
import { progressBarFor } from "./progress.js";
import { runVerify, verifyArguments } from "./verify-command.js";

const USAGE = `Usage: testaudit [paths...] [options]
       testaudit verify REPORT [paths...] [options]
       testaudit merge SHARD.json... [options]

Audits the test files ESLint lints with your eslint.config.js and testaudit's rules, and exits 1
when a file or test is not compliant with a policy whose rule is on (a mock that reaches a test
through a fixture included); with verify, checks the claims of a written audit report (Markdown or
text) against the code and exits 1 when one is false (testaudit verify --help).

Options:
  --format table|json|markdown|sarif|html   output format (default: table)
  --output FILE                  write the report to FILE instead of standard output
  --group NAME=GLOB              also total the files matching GLOB as NAME (repeatable)
  --config FILE                  use this flat config file instead of ESLint's lookup
  --shard I/N                    audit only part I of N of the files (a stable hash partition);
                                 combine the parts' --format json reports with testaudit merge
  --no-progress                  no progress bar (one is drawn on standard error only when
                                 both output streams are a terminal and the audit takes a while)
  --help                         show this help
`;

const FORMATS = ["table", "json", "markdown", "sarif", "html"] as const;
type Format = (typeof FORMATS)[number];

function parseGroup(value: string): { name: string; glob: string } {
  const equals = value.indexOf("=");
  if (equals <= 0 || equals === value.length - 1) {
    throw new UsageError(`--group wants NAME=GLOB, got ${JSON.stringify(value)}.`);
  }
  return { name: value.slice(0, equals), glob: value.slice(equals + 1) };
}

function render(report: AuditReport, format: Format, toTerminal: boolean): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "markdown":
      return formatMarkdown(report);
    case "sarif":
      return formatSarif(report);
    case "html":
      return formatHtml(report);
    case "table":
      return formatTable(report, toTerminal);
  }
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
        progress: { type: "boolean", default: true },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}; got ${JSON.stringify(values.format)}.`);
  }
  const toTerminal = values.output === undefined && process.stdout.isTTY;
  const write = (output: string): void => {
    if (values.output === undefined) {
      process.stdout.write(output);
      return;
    }
    try {
      writeFileSync(values.output, output);
    } catch (error) {
      throw new UsageError(`--output ${values.output}: ${(error as Error).message}`);
    }
  };
  if (positionals[0] === "merge") {
    const reports = positionals.slice(1).map((path) => {
      try {
        return JSON.parse(readFileSync(path, "utf8")) as AuditReport;
      } catch (error) {
        throw new UsageError(`cannot read the report ${path}: ${(error as Error).message}`);
      }
    });
    const merged = mergeReports(reports);
    write(render(merged, format, toTerminal));
    return auditFails(merged) ? 1 : 0;
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard === null) {
    throw new UsageError(`--shard wants I/N with 1 <= I <= N, got ${JSON.stringify(values.shard)}.`);
  }
  const paths = positionals;
  const progress = values.progress ? progressBarFor(process.stdout, process.stderr, process.env) : undefined;
  let report: AuditReport;
  try {
    report = await runAudit({
      cwd: process.cwd(),
      patterns: paths.length > 0 ? paths : ["."],
      configFile: values.config,
      groups: values.group.map(parseGroup),
      shard,
      progress,
    });
  } finally {
    // Erased before anything else is written, the error message of a failed audit included.
    progress?.finish();
  }
  write(render(report, format, toTerminal));
  return auditFails(report) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`testaudit: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`testaudit: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    }
  },
);
