/**
 * One file's part of the audit: its tests, classes and mock uses from the test-file model, judged by
 * the same policy functions as the rules, with the options the user's config gives the rules.
 */
import { DEFAULT_BVJ_POLICY } from "../model/bvj.js";
import type { MockTrace, TestFileModel } from "../model/test-file-model.js";
import { checkBases, requiredBases, type BasePolicyOptions } from "../policies/base-class.js";
import { auditBvj, type BvjPolicyOptions } from "../policies/bvj.js";
import { findMocks, reachingMocks, type MockPolicyOptions } from "../policies/mocks.js";
import { perPolicy } from "./policies.js";
import type { FileReport, MockReachReport, PolicyName, PolicyVerdicts, TestReport, ViolationReport } from "./report-types.js";

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

/** Per policy, the lines where the rules report what makes a verdict false: a verdict is exempted when every one is silenced. */
export type VerdictSites = Record<PolicyName, number[]>;

/** A file's report, not yet told what is exempted, and the sites of its file and test verdicts. */
export interface JudgedFile {
  report: FileReport;
  fileSites: VerdictSites;
  /** Parallel to `report.tests`. */
  testSites: VerdictSites[];
}

const noSites = (): VerdictSites => perPolicy(() => []);

/**
 * @param relativePath how the report writes an absolute path (relative to the working directory).
 */
export function buildFileReport(path: string, config: string | null, model: TestFileModel, options: PolicyOptions, violations: ViolationReport[], relativePath: (path: string) => string): JudgedFile {
  const noMocks = options.noMocks;
  const mocks = noMocks ? findMocks(model, noMocks) : [];
  // The lister the no-mocks rule traces with: a file the rule traced is not traced again.
  const traces = noMocks ? model.traceMocks(reachingMocks(noMocks)) : null;
  const bvj = options.bvj ? auditBvj(model, options.bvj) : null;
  const baseFindings = options.baseClass ? checkBases(model, options.baseClass) : [];
  const bases = options.baseClass ? requiredBases(model, options.baseClass.bases) : [];
  const badClasses = new Set(baseFindings.flatMap((finding) => ("cls" in finding ? [finding.cls] : [])));
  const badTests = new Set(baseFindings.flatMap((finding) => (finding.kind === "testFunction" ? [finding.test] : [])));
  const missingImport = baseFindings.find((finding) => finding.kind === "missingImport");
  // Where the rules report each finding (see lib/rules): a class at its name, a test at its name.
  const baseSite = (finding: (typeof baseFindings)[number]): number => ("cls" in finding ? finding.cls.nameLoc : finding.test.nameLoc).start.line;
  const bvjSite = (entry: NonNullable<typeof bvj>["incompleteBlocks"][number]): number => (entry.path === null ? entry.block.headingLoc : entry.test.nameLoc).start.line;
  const uncoveredSites = new Map((bvj?.uncovered ?? []).map((test) => [test.definitionKey, test.nameLoc.start.line]));
  const testSites: VerdictSites[] = [];

  const tests: TestReport[] = model.tests.map((test) => {
    const trace = traces?.get(test) ?? null;
    const reach = trace ? reachReport(trace, relativePath) : null;
    const coverage = bvj?.coverage.get(test) ?? null;
    const sites = noSites();
    if (reach) {
      // A mock in this file is reported where it is written; one from another file at the test.
      sites.noMocks.push(reach.mock.path === path ? reach.mock.line : test.nameLoc.start.line);
    }
    sites.baseClass.push(...baseFindings.filter((finding) => finding === missingImport || ("cls" in finding ? finding.cls === test.cls : finding.test === test)).map(baseSite));
    if (bvj && coverage === "missing") {
      sites.bvj.push(uncoveredSites.get(test.definitionKey) ?? test.nameLoc.start.line);
    } else if (bvj && coverage === "incomplete") {
      const blocks = new Set(bvj.blocksOf.get(test));
      sites.bvj.push(...bvj.incompleteBlocks.filter((entry) => blocks.has(entry.block)).map(bvjSite));
    }
    testSites.push(sites);
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
        baseClass: options.baseClass ? missingImport === undefined && !badTests.has(test) && !(test.cls !== null && badClasses.has(test.cls)) : null,
        bvj: bvj ? coverage === "complete" : null,
        maxTests: null,
      },
      exempted: perPolicy(() => false),
    };
  });
  const beyondMax = options.maxTests ? model.tests[options.maxTests.max] : undefined;
  const fileSites: VerdictSites = {
    noMocks: [...mocks.map((finding) => finding.loc.start.line), ...tests.flatMap((test, index) => (test.mockReach && test.mockReach.mock.path !== path ? testSites[index]!.noMocks : []))],
    baseClass: baseFindings.map(baseSite),
    bvj: [...(bvj?.incompleteBlocks.map(bvjSite) ?? []), ...uncoveredSites.values()],
    maxTests: beyondMax ? [beyondMax.nameLoc.start.line] : [],
  };
  const compliant: PolicyVerdicts = {
    noMocks: noMocks ? mocks.length === 0 && tests.every((test) => test.mockReach === null) : null,
    baseClass: options.baseClass ? baseFindings.length === 0 : null,
    bvj: bvj ? bvj.incompleteBlocks.length === 0 && bvj.uncovered.length === 0 && tests.every((test) => test.bvj === "complete") : null,
    maxTests: options.maxTests ? model.tests.length <= options.maxTests.max : null,
  };
  const report: FileReport = {
    path,
    language: model.language,
    config,
    lines: model.lines,
    lineFeeds: model.lineFeeds,
    parseError: null,
    readError: null,
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
    exempted: perPolicy(() => false),
    exemptions: [],
  };
  return { report, fileSites, testSites };
}

/** The report of a file no model was built for: one that does not parse or cannot be read. */
export function unreadFileReport(path: string, config: string | null, lines: { lines: number; lineFeeds: number }, problem: Pick<FileReport, "parseError" | "readError">, violations: ViolationReport[]): JudgedFile {
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
    compliant: perPolicy(() => null),
    exempted: perPolicy(() => false),
    exemptions: [],
  };
  return { report, fileSites: noSites(), testSites: [] };
}
