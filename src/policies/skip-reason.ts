/**
 * The skip-reason policy over a test-file model: every mark that skips a collected test or expects it
 * to fail must say why; with `allowSkips: false`, no integration test may be skipped at all. Shared by
 * the `require-skip-reason` rule and the CLI's audit.
 */
import type { CollectedTest, Loc, SkipMark, TestFileModel } from "../model/test-file-model.js";
import type { PolicyJudgement } from "./judgement.js";

export interface SkipReasonOptions {
  /** false: a mark that skips a test is a finding whatever its reason. */
  allowSkips: boolean;
}

export type SkipFindingKind = "missingReason" | "skipNotAllowed";

export interface SkipFinding {
  kind: SkipFindingKind;
  mark: SkipMark;
  /** Where it is reported: at the mark, or, for a mark of another file, where this file brings in the first test it applies to. */
  loc: Loc;
  /** The tests it applies to, in the order of the model's tests. */
  tests: CollectedTest[];
}

function kindOf(mark: SkipMark, { allowSkips }: SkipReasonOptions): SkipFindingKind | null {
  if (mark.kind === "skip" && !allowSkips) {
    return "skipNotAllowed";
  }
  return mark.reason === null ? "missingReason" : null;
}

/** Every finding of the file: one per mark (a class's or the module's mark once for all its tests), in source order. */
export function findSkipProblems(model: TestFileModel, options: SkipReasonOptions): SkipFinding[] {
  const findings = new Map<SkipMark, SkipFinding>();
  for (const test of model.tests) {
    for (const mark of test.skips) {
      const kind = kindOf(mark, options);
      if (kind === null) {
        continue;
      }
      let finding = findings.get(mark);
      if (!finding) {
        // A mark of another file is reported at the first test it reaches here.
        finding = { kind, mark, loc: mark.path === undefined ? mark.loc : test.nameLoc, tests: [] };
        findings.set(mark, finding);
      }
      if (!finding.tests.includes(test)) {
        finding.tests.push(test);
      }
    }
  }
  return [...findings.values()].sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
}

/** The file is compliant when no mark is a finding; each test when no mark that applies to it is. */
export function judgeSkipReasons(model: TestFileModel, options: SkipReasonOptions): PolicyJudgement {
  const findings = findSkipProblems(model, options);
  const sitesOf = new Map<CollectedTest, Set<number>>();
  for (const finding of findings) {
    for (const test of finding.tests) {
      const sites = sitesOf.get(test) ?? new Set<number>();
      sites.add(finding.loc.start.line);
      sitesOf.set(test, sites);
    }
  }
  const lines = (sites: Iterable<number>): number[] => [...new Set(sites)].sort((a, b) => a - b);
  return {
    compliant: findings.length === 0,
    sites: lines(findings.map((finding) => finding.loc.start.line)),
    tests: model.tests.map((test) => {
      const sites = sitesOf.get(test);
      return { compliant: sites === undefined, sites: sites ? lines(sites) : [] };
    }),
  };
}
