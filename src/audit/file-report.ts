/**
 * One file's part of the audit: its tests, classes and mock uses from the test-file model, judged by
 * the same policy functions as the rules, with the options the user's config gives the rules.
 */
import { DEFAULT_BVJ_POLICY } from "../model/bvj.js";
import type { CollectedTest, Loc, TestFileModel } from "../model/test-file-model.js";
import { checkBases, requiredBases, type BasePolicyOptions } from "../policies/base-class.js";
import { auditBvj, type BvjPolicyOptions } from "../policies/bvj.js";
import { findMocks, type MockFinding, type MockPolicyOptions } from "../policies/mocks.js";
import type { FileReport, PolicyVerdicts, TestReport, ViolationReport } from "./report-types.js";

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

function within(inner: Loc, outer: Loc): boolean {
  const starts = inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.column >= outer.start.column);
  const ends = inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.column <= outer.end.column);
  return starts && ends;
}

/** The nearest place a mock finding reaches `test` from, or null. Imports alone mock nothing. */
function mockReach(test: CollectedTest, model: TestFileModel, findings: readonly MockFinding[]): TestReport["mockReach"] {
  const active = findings.filter((finding) => finding.kind !== "mockImport");
  if (active.some((finding) => within(finding.loc, test.loc))) {
    return "test";
  }
  const outsideTests = active.filter((finding) => !model.tests.some((other) => within(finding.loc, other.loc)));
  if (test.cls && outsideTests.some((finding) => within(finding.loc, test.cls!.loc))) {
    return "class";
  }
  return outsideTests.some((finding) => !model.classes.some((cls) => within(finding.loc, cls.loc))) ? "file" : null;
}

export function buildFileReport(path: string, model: TestFileModel, options: PolicyOptions, violations: ViolationReport[]): FileReport {
  const mocks = options.noMocks ? findMocks(model, options.noMocks) : [];
  const bvj = options.bvj ? auditBvj(model, options.bvj) : null;
  const baseFindings = options.baseClass ? checkBases(model, options.baseClass) : [];
  const bases = options.baseClass ? requiredBases(model, options.baseClass.bases) : [];
  const badClasses = new Set(baseFindings.flatMap((finding) => ("cls" in finding ? [finding.cls] : [])));
  const badTests = new Set(baseFindings.flatMap((finding) => (finding.kind === "testFunction" ? [finding.test] : [])));
  const missingImport = baseFindings.some((finding) => finding.kind === "missingImport");

  const tests: TestReport[] = model.tests.map((test) => {
    const reach = options.noMocks ? mockReach(test, model, mocks) : null;
    const coverage = bvj?.coverage.get(test) ?? null;
    return {
      id: test.id,
      name: test.name,
      line: test.nameLoc.start.line,
      className: test.cls?.name ?? null,
      skipped: test.skipped,
      todo: test.todo,
      parametrized: test.parametrized,
      mockReach: reach,
      bvj: coverage,
      compliant: {
        noMocks: options.noMocks ? reach === null : null,
        baseClass: options.baseClass ? !missingImport && !badTests.has(test) && !(test.cls !== null && badClasses.has(test.cls)) : null,
        bvj: bvj ? coverage === "complete" : null,
        maxTests: null,
      },
    };
  });
  const compliant: PolicyVerdicts = {
    noMocks: options.noMocks ? mocks.length === 0 : null,
    baseClass: options.baseClass ? baseFindings.length === 0 : null,
    bvj: bvj ? bvj.incompleteBlocks.length === 0 && bvj.uncovered.length === 0 && tests.every((test) => test.bvj === "complete") : null,
    maxTests: options.maxTests ? model.tests.length <= options.maxTests.max : null,
  };
  return {
    path,
    language: model.language,
    lines: model.lines,
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
