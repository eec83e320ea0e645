/**
 * One file's part of the audit: its tests, classes and mock uses from the test-file model, judged by
 * the same policy functions as the rules, with the options the user's config gives the rules.
 */
import { DEFAULT_BVJ_POLICY } from "../model/bvj.js";
import type { MockTrace, TestFileModel } from "../model/test-file-model.js";
import { checkBases, requiredBases, type BasePolicyOptions } from "../policies/base-class.js";
import { auditBvj, type BvjPolicyOptions } from "../policies/bvj.js";
import { findMocks, reachingMocks, type MockPolicyOptions } from "../policies/mocks.js";
import type { FileReport, MockReachReport, PolicyVerdicts, TestReport, ViolationReport } from "./report-types.js";

/** The options of each policy's rule for a file, or null where the rule is off. */
export interface PolicyOptions {
  noMocks: MockPolicyOptions | null;
  baseClass: BasePolicyOptions | null;
  bvj: BvjPolicyOptions | null;
  maxTests: { max: number } | null;
}

export const DEFAULT_POLICY_OPTIONS = {
  noMocks: { modules: [], allow: [] } satisfies MockPolicyOptions,
  baseClass: { bases: [], allowFunctions: false, imports: [] } satisfies BasePolicyOptions,
  bvj: { from: ["function", "class", "module"], ...DEFAULT_BVJ_POLICY } satisfies BvjPolicyOptions,
  maxTests: { max: 50 },
};

/** A mock trace as the report shows it: paths relative to the working directory, 1-based columns. */
function reachReport(trace: MockTrace, relativePath: (path: string) => string): MockReachReport {
  return {
    via: trace.via,
    through: trace.through.map((step) => ({ name: step.name, path: relativePath(step.path), line: step.line })),
    mock: { path: relativePath(trace.mock.path), line: trace.mock.loc.start.line, column: trace.mock.loc.start.column + 1, name: trace.mock.name },
  };
}

/**
 * @param relativePath how the report writes an absolute path (relative to the working directory).
 */
export function buildFileReport(path: string, model: TestFileModel, options: PolicyOptions, violations: ViolationReport[], relativePath: (path: string) => string): FileReport {
  const noMocks = options.noMocks;
  const mocks = noMocks ? findMocks(model, noMocks) : [];
  // The lister the no-mocks rule traces with: a file the rule traced is not traced again.
  const traces = noMocks ? model.traceMocks(reachingMocks(noMocks)) : null;
  const bvj = options.bvj ? auditBvj(model, options.bvj) : null;
  const baseFindings = options.baseClass ? checkBases(model, options.baseClass) : [];
  const bases = options.baseClass ? requiredBases(model, options.baseClass.bases) : [];
  const badClasses = new Set(baseFindings.flatMap((finding) => ("cls" in finding ? [finding.cls] : [])));
  const badTests = new Set(baseFindings.flatMap((finding) => (finding.kind === "testFunction" ? [finding.test] : [])));
  const missingImport = baseFindings.some((finding) => finding.kind === "missingImport");

  const tests: TestReport[] = model.tests.map((test) => {
    const trace = traces?.get(test) ?? null;
    const reach = trace ? reachReport(trace, relativePath) : null;
    const coverage = bvj?.coverage.get(test) ?? null;
    return {
      id: test.id,
      name: test.name,
      line: test.nameLoc.start.line,
      className: test.cls?.name ?? null,
      definedIn: test.origin ? { path: relativePath(test.origin.path), line: test.origin.line } : null,
      skipped: test.skipped,
      todo: test.todo,
      parametrized: test.parametrized,
      mockReach: reach,
      bvj: coverage,
      compliant: {
        noMocks: noMocks ? reach === null : null,
        baseClass: options.baseClass ? !missingImport && !badTests.has(test) && !(test.cls !== null && badClasses.has(test.cls)) : null,
        bvj: bvj ? coverage === "complete" : null,
        maxTests: null,
      },
    };
  });
  const compliant: PolicyVerdicts = {
    noMocks: noMocks ? mocks.length === 0 && tests.every((test) => test.mockReach === null) : null,
    baseClass: options.baseClass ? baseFindings.length === 0 : null,
    bvj: bvj ? bvj.incompleteBlocks.length === 0 && bvj.uncovered.length === 0 && tests.every((test) => test.bvj === "complete") : null,
    maxTests: options.maxTests ? model.tests.length <= options.maxTests.max : null,
  };
  return {
    path,
    language: model.language,
    lines: model.lines,
    lineFeeds: model.lineFeeds,
    parseError: null,
    tests,
    classes: model.classes.map((cls) => ({
      name: cls.name,
      line: cls.nameLoc.start.line,
      bases: cls.bases.map((base) => base.written),
      tests: cls.tests.length,
      reachesBase: bases.length > 0 && cls.tests.length > 0 ? !badClasses.has(cls) : null,
    })),
    mocks: mocks.map((finding) => ({ line: finding.loc.start.line, column: finding.loc.start.column + 1, kind: finding.kind, name: finding.data.name ?? finding.data.method ?? "" })),
    violations,
    compliant,
  };
}
