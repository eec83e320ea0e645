/**
 * `testaudit verify REPORT [paths...]`: reads a written audit report, extracts its checkable claims,
 * measures each against an audit of the paths (and the tree, --results, --since) and prints verdicts.
 *
 * Exit codes: 0 no claim is false; 1 a claim is false; 2 a usage error (printed with verify's help);
 * 3 the report could not be read (missing, binary, not UTF-8/UTF-16, too large), the
 * test results could not be read, or no claim could be checked at all (none found, or every one
 * unverifiable), unless --allow-empty.
 */
import { parseArgs } from "node:util";
import { formatVerifyJson, formatVerifySarif, formatVerifyTable, summarize, type VerifyResult } from "../audit/formats/verify-formats.js";
import { runAudit, UsageError } from "../audit/run-audit.js";
import { verifyClaims } from "../audit/verify.js";
import { packageInfo } from "../package-info.js";
import { extractReport } from "../report/claims/index.js";
import { readReport, ReportReadError } from "../report/read-report.js";
import { ChangedFilesError, changedFiles } from "../verify/changed-files.js";
import { CodeTree } from "../verify/code-tree.js";
import { JUnitError, TestResults } from "../verify/test-results.js";
import { progressBarFor } from "./progress.js";
import { formatChecksGithub } from "../audit/formats/github.js";
import { EXIT } from "./exit-codes.js";
import { writeOutput } from "./output.js";

const VERIFY_USAGE = `Usage: testaudit verify REPORT [paths...] [options]

Checks the claims of a written audit report (Markdown or text, UTF-8 or UTF-16) against the code
under paths (default: .): test counts, totals, policy percentages and shares, line limits, lines
of code, file sizes, references and classes across the tree, and, with --results, test outcomes.
Lines that look checkable but were not read as claims are listed as "not understood".

Exit codes: 0 no claim is false, 1 a claim is false, 2 a usage error, 3 the report or the results
could not be read, or no claim could be checked at all (see --allow-empty).

Options:
  --format table|json|sarif|github   output format (default: table; github: workflow annotations)
  --output FILE               write to FILE instead of standard output
  --config FILE               use this flat config file instead of ESLint's lookup
  --results FILE              JUnit XML of a test run (pytest --junitxml, Vitest's or Jest's junit
                              reporter); repeatable. Without it, claims about test runs
                              ("6/6 tests passed", timings) are unverifiable
  --since REV                 measure claims about new, added or proposed tests over the files
                              added or changed since REV (git diff --name-status REV, and
                              untracked files)
  --allow-empty               exit 0 rather than 3 when no claim could be checked
  --no-progress               no progress bar
  --help                      show this help
`;

const FORMATS = ["table", "json", "sarif", "github"] as const;
type Format = (typeof FORMATS)[number];

/** Exit code 3: an input could not be read, or nothing could be checked. */
const UNREADABLE = EXIT.internal;

/** Options that take a value, of the audit and of verify: their values are no command word. */
const VALUE_OPTIONS = ["format", "output", "config", "group", "shard", "results", "since"] as const;

/**
 * The arguments of verify when the command line's first positional argument is "verify", wherever
 * options stand (`testaudit --config c.js verify REPORT`); null for any other command.
 */
export function verifyArguments(argv: string[]): string[] | null {
  const { tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: "string", multiple: true }])),
  });
  const first = tokens.find((token) => token.kind === "positional");
  return first?.kind === "positional" && first.value === "verify" ? [...argv.slice(0, first.index), ...argv.slice(first.index + 1)] : null;
}

/** Runs verify; a usage error is printed with verify's own help (exit code 2). */
export async function runVerify(argv: string[]): Promise<number> {
  try {
    return await verify(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`testaudit: ${error.message}\n\n${VERIFY_USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function verify(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        format: { type: "string", default: "table" },
        output: { type: "string" },
        config: { type: "string" },
        results: { type: "string", multiple: true, default: [] },
        since: { type: "string" },
        "allow-empty": { type: "boolean", default: false },
        progress: { type: "boolean", default: true },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(VERIFY_USAGE);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`verify prints ${FORMATS.join(", ")}; got --format ${JSON.stringify(values.format)}.`);
  }
  const [reportPath, ...paths] = positionals;
  if (reportPath === undefined) {
    throw new UsageError("verify needs the report to check: testaudit verify REPORT [paths...].");
  }
  const cwd = process.cwd();
  let changed: { since: string; files: string[] } | null = null;
  let report;
  let results: TestResults | null;
  try {
    report = readReport(reportPath);
    results = values.results.length > 0 ? TestResults.read(values.results) : null;
  } catch (error) {
    if (error instanceof ReportReadError || error instanceof JUnitError) {
      process.stderr.write(`testaudit: ${error.message}\n`);
      return UNREADABLE;
    }
    throw error;
  }
  if (values.since !== undefined) {
    try {
      changed = { since: values.since, files: changedFiles(cwd, values.since) };
    } catch (error) {
      throw error instanceof ChangedFilesError ? new UsageError(error.message) : error;
    }
  }
  const extracted = extractReport(report.text);
  const progress = values.progress ? progressBarFor(process.stdout, process.stderr, process.env) : undefined;
  let audit;
  try {
    audit = await runAudit({ cwd, patterns: paths.length > 0 ? paths : ["."], configFile: values.config, groups: [], progress });
  } finally {
    progress?.finish();
  }
  // Claims look files up by name and over --since subsets, many times over: verify holds the file reports.
  const checks = verifyClaims(extracted.claims, { audit: { ...audit, files: [...audit.files] }, tree: new CodeTree(cwd, paths.length > 0 ? paths : ["."]), results, changed });
  const summary = summarize(checks, extracted.notUnderstood);
  const result: VerifyResult = {
    report: { path: reportPath, encoding: report.encoding, bytes: report.bytes },
    claims: checks,
    notUnderstood: extracted.notUnderstood,
    summary,
    results: results === null ? null : { files: [...results.files], ...results.total() },
    since: changed === null ? null : { revision: changed.since, changedFiles: changed.files.length },
  };
  const toTerminal = values.output === undefined && process.stdout.isTTY;
  const output =
    format === "json" ? formatVerifyJson(result)
    : format === "sarif" ? formatVerifySarif(result, packageInfo.version)
    : format === "github" ? formatChecksGithub(checks, reportPath)
    : formatVerifyTable(result, toTerminal);
  writeOutput(output, values.output);
  if (summary.false > 0) {
    return 1;
  }
  const checked = summary.true + summary.approximate;
  if (checked === 0 && !values["allow-empty"]) {
    process.stderr.write(
      summary.claims === 0
        ? `testaudit: ${reportPath} holds no checkable claim (read as ${report.encoding}); --allow-empty accepts that\n`
        : `testaudit: none of the ${summary.claims} claims of ${reportPath} could be checked (all unverifiable); --allow-empty accepts that\n`,
    );
    return UNREADABLE;
  }
  return 0;
}
