#!/usr/bin/env node
/**
 * `testaudit [paths...]`: audits test files with the user's own ESLint flat config and prints an honest
 * report. Exit codes: 0 clean, 1 rule violations or files that do not parse, 2 a usage or
 * configuration error (the message names the bad flag, option or file).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatMarkdown } from "../audit/formats/markdown.js";
import { formatSarif } from "../audit/formats/sarif.js";
import { formatTable } from "../audit/formats/table.js";
import type { AuditReport } from "../audit/report-types.js";
import { runAudit, UsageError } from "../audit/run-audit.js";

const USAGE = `Usage: testaudit [paths...] [options]

Audits the test files ESLint lints with your eslint.config.js and testaudit's rules.

Options:
  --format table|json|markdown|sarif   output format (default: table)
  --output FILE                  write the report to FILE instead of standard output
  --group NAME=GLOB              also total the files matching GLOB as NAME (repeatable)
  --config FILE                  use this flat config file instead of ESLint's lookup
  --help                         show this help
`;

const FORMATS = ["table", "json", "markdown", "sarif"] as const;
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
    case "table":
      return formatTable(report, toTerminal);
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", default: "table" },
        output: { type: "string" },
        group: { type: "string", multiple: true, default: [] },
        config: { type: "string" },
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
  const report = await runAudit({
    cwd: process.cwd(),
    patterns: positionals.length > 0 ? positionals : ["."],
    configFile: values.config,
    groups: values.group.map(parseGroup),
  });
  const output = render(report, format, values.output === undefined && process.stdout.isTTY === true);
  if (values.output === undefined) {
    process.stdout.write(output);
  } else {
    try {
      writeFileSync(values.output, output);
    } catch (error) {
      throw new UsageError(`--output ${values.output}: ${(error as Error).message}`);
    }
  }
  const failed = report.totals.filesWithParseErrors > 0 || report.files.some((file) => file.violations.some((violation) => violation.severity === 2));
  return failed ? 1 : 0;
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
