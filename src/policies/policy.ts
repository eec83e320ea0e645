/**
 * A policy: a rule and the judgement the audit makes with it. The registry (registry.ts) holds one
 * entry per policy; the plugin's rules, the audit's columns, totals, formats and the report schema's
 * policy lists all come from it, so a new policy is one entry.
 */
import type { FileReport, TestReport } from "../audit/report-types.js";
import type { TestFileModel } from "../model/test-file-model.js";
import type { TestauditRule } from "../rule-kit/define-rule.js";
import type { PolicyJudgement } from "./judgement.js";

/** Where the judged file is, and how the report writes paths. */
export interface JudgeContext {
  /** The file, absolute. */
  path: string;
  /** How the report writes an absolute path: relative to the working directory, with `/`. */
  relativePath: (path: string) => string;
}

/** What a policy adds to the file's report besides verdicts: the evidence a reader acts on. */
export interface ReportDetails {
  mocks?: FileReport["mocks"];
  /** Parallel to `model.tests`. */
  tests?: Partial<Pick<TestReport, "mockReach" | "bvj">>[];
  /** Parallel to `model.classes`: whether each reaches a required base (null when none is required or it has no tests). */
  classesReachBase?: (boolean | null)[];
}

export interface PolicyVerdict extends PolicyJudgement {
  details?: ReportDetails;
}

export interface Policy<RuleName extends string = string, Options extends object = object> {
  /** The policy's key in the report's verdicts and totals (`noMocks`). */
  key: string;
  /** The rule's name in the plugin (`no-mocks`); its id is `testaudit/<name>`. */
  ruleName: RuleName;
  rule: TestauditRule<[Options], string>;
  /** The policy's row in every format (`No mocks`). */
  label: string;
  /** Whether each test gets a verdict (a "tests compliant" column), or only whole files do. */
  judgesTests: boolean;
  /** Whether a file without tests is judged too (a helper module full of mocks fails no-mocks). */
  judgesFilesWithoutTests: boolean;
  /**
   * The verdicts the rule's findings make, with the options the config gives the rule (over the rule's
   * `meta.defaultOptions`).
   */
  judge(model: TestFileModel, options: Options, context: JudgeContext): PolicyVerdict;
}

/** A registry entry, typed by its rule's name and options. */
export function definePolicy<RuleName extends string, Options extends object>(policy: Policy<RuleName, Options>): Policy<RuleName, Options> {
  return policy;
}

/** The options the rule's `meta.defaultOptions` give: what the audit judges with when a config gives none. */
export function defaultOptionsOf(policy: Policy): object {
  return policy.rule.meta?.defaultOptions?.[0] ?? {};
}

export function ruleIdOf(policy: Pick<Policy, "ruleName">): string {
  return `testaudit/${policy.ruleName}`;
}
