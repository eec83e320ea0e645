/**
 * Runs an audit: ESLint lints the paths with the user's own flat config (and its bulk suppressions),
 * the testaudit rules build each file's model on the way, and each file is judged with the options the
 * config gives those rules. Nothing is imported or run from the scanned code.
 */
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { ESLint, type Linter } from "eslint";
import { rules } from "../../lib/rules/index.js";
import { setModelSink } from "../model/get-model.js";
import { editorLineCount, lineFeedCount } from "../model/line-count.js";
import type { TestFileModel } from "../model/test-file-model.js";
import { packageInfo } from "../package-info.js";
import { buildFileReport, DEFAULT_POLICY_OPTIONS, type PolicyOptions } from "./file-report.js";
import { globRegExp } from "./glob.js";
import { auditedFiles, inShard, type Shard } from "./shard.js";
import { AUDIT_SCHEMA_VERSION, type AuditReport, type FileReport, type PolicyVerdicts, type ViolationReport } from "./report-types.js";
import { findCrossFile } from "./cross-file.js";
import { computeTotals } from "./totals.js";

export interface AuditOptions {
  cwd: string;
  patterns: string[];
  /** An explicit config file; otherwise ESLint's own lookup. */
  configFile?: string | undefined;
  groups: { name: string; glob: string }[];
  /** Audit only this part of the files (`--shard I/N`). */
  shard?: Shard | undefined;
  /** Told how far the audit has got; the files are counted up front only when this is given. */
  progress?: AuditProgress | undefined;
}

/** Follows an audit: first the number of files it will audit, then each file as its model is built. */
export interface AuditProgress {
  start(totalFiles: number): void;
  fileAudited(): void;
}

/** A problem with the command or the configuration rather than with the audited code (exit code 2). */
export class UsageError extends Error {}

/** The options a rule gets in `config`, over its defaults, or null where the rule is off. */
function ruleOptions<T extends object>(config: Linter.Config, name: keyof typeof rules, defaults: T): T | null {
  const entry = config.rules?.[`testaudit/${name}`];
  const [severity, options] = Array.isArray(entry) ? entry : [entry];
  if (severity === undefined || severity === 0 || severity === "off") {
    return null;
  }
  return { ...defaults, ...(options as Partial<T> | undefined) };
}

function policyOptions(config: Linter.Config): PolicyOptions {
  return {
    noMocks: ruleOptions(config, "no-mocks", DEFAULT_POLICY_OPTIONS.noMocks),
    baseClass: ruleOptions(config, "require-base-class", DEFAULT_POLICY_OPTIONS.baseClass),
    bvj: ruleOptions(config, "require-bvj", DEFAULT_POLICY_OPTIONS.bvj),
    maxTests: ruleOptions(config, "max-tests-per-file", DEFAULT_POLICY_OPTIONS.maxTests),
  };
}

/** The line counts of a file no model was built for, counted as for every other file. */
function countLines(path: string): { lines: number; lineFeeds: number } {
  try {
    const text = readFileSync(path, "latin1");
    return { lines: editorLineCount(text), lineFeeds: lineFeedCount(text) };
  } catch {
    return { lines: 0, lineFeeds: 0 };
  }
}

export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const models = new Map<string, TestFileModel>();
  let eslint: ESLint;
  let results: ESLint.LintResult[];
  setModelSink((model) => {
    // Models outlive the lint run here: they must not keep every file's syntax tree alive.
    model.detachFromTree();
    models.set(model.filename, model);
    options.progress?.fileAudited();
  });
  try {
    eslint = new ESLint({ cwd: options.cwd, overrideConfigFile: options.configFile, applySuppressions: true });
    if (options.shard) {
      const shard = options.shard;
      const files = (await auditedFiles(eslint, options.cwd, options.patterns)).filter((file) => inShard(relative(options.cwd, file).split(sep).join("/"), shard));
      options.progress?.start(files.length);
      results = files.length === 0 ? [] : await eslint.lintFiles(files);
    } else {
      if (options.progress) {
        options.progress.start((await auditedFiles(eslint, options.cwd, options.patterns)).length);
      }
      results = await eslint.lintFiles(options.patterns);
    }
  } catch (error) {
    throw new UsageError((error as Error).message);
  } finally {
    setModelSink(undefined);
  }

  const files: FileReport[] = [];
  for (const result of results) {
    const path = relative(options.cwd, result.filePath).split(sep).join("/");
    const fatal = result.messages.find((message) => message.fatal === true);
    const violations: ViolationReport[] = result.messages
      .filter((message) => !message.fatal && message.ruleId !== null)
      .map((message) => ({ ruleId: message.ruleId!, line: message.line, column: message.column, severity: message.severity, message: message.message }));
    const model = models.get(result.filePath);
    if (model) {
      const config = (await eslint.calculateConfigForFile(result.filePath)) as Linter.Config;
      files.push(buildFileReport(path, model, policyOptions(config), violations, (absolute) => relative(options.cwd, absolute).split(sep).join("/")));
    } else if (fatal) {
      files.push({
        path,
        language: null,
        ...countLines(result.filePath),
        parseError: { line: fatal.line, column: fatal.column, message: fatal.message },
        tests: [],
        classes: [],
        mocks: [],
        violations,
        compliant: { noMocks: null, baseClass: null, bvj: null, maxTests: null },
      });
    }
  }
  if (results.length > 0 && files.length === 0 && !options.shard) {
    throw new UsageError(
      `ESLint linted ${results.length} file(s) but no testaudit rule ran on any of them: enable testaudit's rules for these files in your eslint.config.js (for example with ...testaudit.configs.recommended).`,
    );
  }
  return assembleReport(options.cwd, files, options.groups);
}

/** The report of a set of file reports: totals, groups and cross-file findings all follow from the files. */
export function assembleReport(cwd: string, files: FileReport[], groups: readonly { name: string; glob: string }[]): AuditReport {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    tool: { name: "testaudit", version: packageInfo.version },
    cwd,
    files: sorted,
    totals: computeTotals(sorted),
    groups: groups.map((group) => {
      const pattern = globRegExp(group.glob);
      return { name: group.name, glob: group.glob, totals: computeTotals(sorted.filter((file) => pattern.test(file.path))) };
    }),
    crossFile: findCrossFile(sorted),
  };
}

/**
 * Whether the audit fails the gate (exit code 1): a file does not parse, a rule reports an error, or a
 * file or a test is not compliant with a policy whose rule is on. Compliance is the audit's own
 * judgement, so a test that a mock reaches through a fixture fails it whatever no-mocks' `trace`
 * option says, and so does a finding silenced by an `eslint-disable` comment or a bulk suppression.
 */
export function auditFails(report: AuditReport): boolean {
  const noncompliant = (verdicts: PolicyVerdicts): boolean => Object.values(verdicts).includes(false);
  return (
    report.totals.filesWithParseErrors > 0 ||
    report.files.some((file) => file.violations.some((violation) => violation.severity === 2) || noncompliant(file.compliant) || file.tests.some((test) => noncompliant(test.compliant)))
  );
}

/** Shard reports combined into one: equal to the report of an unsharded run over the same files. */
export function mergeReports(reports: readonly AuditReport[]): AuditReport {
  const [first] = reports;
  if (!first) {
    throw new UsageError("merge needs at least one report.");
  }
  const byPath = new Map<string, FileReport>();
  for (const report of reports) {
    if (report.schemaVersion !== AUDIT_SCHEMA_VERSION) {
      throw new UsageError(`cannot merge a report of schema version ${report.schemaVersion}; this testaudit writes version ${AUDIT_SCHEMA_VERSION}.`);
    }
    for (const file of report.files) {
      byPath.set(file.path, file);
    }
  }
  return assembleReport(first.cwd, [...byPath.values()], first.groups);
}
