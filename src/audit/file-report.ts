/**
 * One file's part of the audit: its tests and classes from the test-file model, judged by each policy
 * of the registry with the options the user's config gives its rule.
 */
import type { TestFileModel } from "../model/test-file-model.js";
import type { PolicyVerdict, ReportDetails } from "../policies/policy.js";
import type { AnyPolicy } from "../policies/registry.js";
import { perPolicy } from "./policies.js";
import type { FileReport, PolicyName, PolicyVerdicts, TestReport, ViolationReport } from "./report-types.js";

/** The options each policy's rule has for a file (over the rule's defaults), or null where the rule is off. */
export type PolicyOptions = Record<PolicyName, object | null>;

/** Per policy, the lines where the rules report what makes a verdict false: a verdict is exempted when every one is silenced. */
export type VerdictSites = Record<PolicyName, number[]>;

/** A file's report, not yet told what is exempted, and the sites of its file and test verdicts. */
export interface JudgedFile {
  report: FileReport;
  fileSites: VerdictSites;
  /** Parallel to `report.tests`. */
  testSites: VerdictSites[];
}

/** What the policies add to the report of the test at `index`. */
function testDetails(details: readonly ReportDetails[], index: number): NonNullable<ReportDetails["tests"]>[number] {
  return Object.assign({}, ...details.map((detail) => detail.tests?.[index] ?? {})) as NonNullable<ReportDetails["tests"]>[number];
}

/**
 * @param absolutePath the file.
 * @param relativePath how the report writes an absolute path (relative to the working directory).
 */
export function buildFileReport(absolutePath: string, config: string | null, model: TestFileModel, policies: readonly AnyPolicy[], options: PolicyOptions, violations: ViolationReport[], relativePath: (path: string) => string): JudgedFile {
  const verdicts = new Map<PolicyName, PolicyVerdict>();
  for (const policy of policies) {
    const policyOptions = options[policy.key] ?? null;
    if (policyOptions !== null) {
      verdicts.set(policy.key, policy.judge(model, policyOptions, { path: absolutePath, relativePath }));
    }
  }
  const details = [...verdicts.values()].flatMap((verdict) => (verdict.details ? [verdict.details] : []));
  const testSites = model.tests.map((_, index) => perPolicy(policies, (key) => verdicts.get(key)?.tests?.[index]?.sites ?? []));
  const tests: TestReport[] = model.tests.map((test, index) => ({
    id: test.id,
    name: test.name,
    line: test.nameLoc.start.line,
    className: test.cls?.name ?? null,
    definedIn: test.origin ? { path: relativePath(test.origin.path), line: test.origin.line } : null,
    skipped: test.skipped,
    skipReason: test.skipReason,
    todo: test.todo,
    parametrized: test.parametrized,
    mockReach: null,
    bvj: null,
    ...testDetails(details, index),
    compliant: perPolicy(policies, (key) => verdicts.get(key)?.tests?.[index]?.compliant ?? null),
    exempted: perPolicy(policies, () => false),
  }));
  const classesReachBase = details.find((detail) => detail.classesReachBase)?.classesReachBase;
  const report: FileReport = {
    path: relativePath(absolutePath),
    language: model.language,
    config,
    lines: model.lines,
    lineFeeds: model.lineFeeds,
    parseError: null,
    readError: null,
    tests,
    classes: model.classes.map((cls, index) => ({
      name: cls.name,
      line: cls.nameLoc.start.line,
      bases: cls.bases.map((base) => base.written),
      tests: cls.tests.length,
      reachesBase: classesReachBase?.[index] ?? null,
    })),
    mocks: details.flatMap((detail) => detail.mocks ?? []),
    violations,
    compliant: perPolicy(policies, (key): boolean | null => verdicts.get(key)?.compliant ?? null) satisfies PolicyVerdicts,
    exempted: perPolicy(policies, () => false),
    exemptions: [],
  };
  return { report, fileSites: perPolicy(policies, (key) => verdicts.get(key)?.sites ?? []), testSites };
}

/** The report of a file no model was built for: one that does not parse or cannot be read. */
export function unreadFileReport(path: string, config: string | null, policies: readonly AnyPolicy[], lines: { lines: number; lineFeeds: number }, problem: Pick<FileReport, "parseError" | "readError">, violations: ViolationReport[]): JudgedFile {
  const report: FileReport = {
    path,
    language: null,
    config,
    ...lines,
    ...problem,
    tests: [],
    classes: [],
    mocks: [],
    violations,
    compliant: perPolicy(policies, () => null),
    exempted: perPolicy(policies, () => false),
    exemptions: [],
  };
  return { report, fileSites: perPolicy(policies, () => []), testSites: [] };
}
