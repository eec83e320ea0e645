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
import type { TestFileModel } from "../model/test-file-model.js";
import { packageInfo } from "../package-info.js";
import { buildFileReport, DEFAULT_POLICY_OPTIONS, type PolicyOptions } from "./file-report.js";
import { globRegExp } from "./glob.js";
import { AUDIT_SCHEMA_VERSION, type AuditReport, type FileReport, type ViolationReport } from "./report-types.js";
import { findCrossFile } from "./cross-file.js";
import { computeTotals } from "./totals.js";

export interface AuditOptions {
  cwd: string;
  patterns: string[];
  /** An explicit config file; otherwise ESLint's own lookup. */
  configFile?: string | undefined;
  groups: { name: string; glob: string }[];
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

function countLines(path: string): number {
  try {
    const text = readFileSync(path, "utf8");
    return text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  } catch {
    return 0;
  }
}

export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const models = new Map<string, TestFileModel>();
  let eslint: ESLint;
  let results: ESLint.LintResult[];
  setModelSink((model) => models.set(model.filename, model));
  try {
    eslint = new ESLint({ cwd: options.cwd, overrideConfigFile: options.configFile, applySuppressions: true });
    results = await eslint.lintFiles(options.patterns);
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
      files.push(buildFileReport(path, model, policyOptions(config), violations));
    } else if (fatal) {
      files.push({
        path,
        language: null,
        lines: countLines(result.filePath),
        parseError: { line: fatal.line, column: fatal.column, message: fatal.message },
        tests: [],
        classes: [],
        mocks: [],
        violations,
        compliant: { noMocks: null, baseClass: null, bvj: null, maxTests: null },
      });
    }
  }
  if (results.length > 0 && files.length === 0) {
    throw new UsageError(
      `ESLint linted ${results.length} file(s) but no testaudit rule ran on any of them: enable testaudit's rules for these files in your eslint.config.js (for example with ...testaudit.configs.recommended).`,
    );
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    tool: { name: "testaudit", version: packageInfo.version },
    cwd: options.cwd,
    files,
    totals: computeTotals(files),
    groups: options.groups.map((group) => {
      const pattern = globRegExp(group.glob);
      return { ...group, totals: computeTotals(files.filter((file) => pattern.test(file.path))) };
    }),
    crossFile: findCrossFile(files),
  };
}
