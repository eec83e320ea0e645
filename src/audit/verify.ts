/**
 * `testaudit verify`: each checkable claim of a written report, measured against an audit of the code.
 * A claim is true when the measure equals what is stated, approximate when the report hedged it ("~18")
 * and the measure is within 10% (at least 1), false otherwise, and unverifiable when there is nothing
 * to measure (a file the audit did not see, a policy no rule checks).
 */
import type { Claim } from "../report/claims/index.js";
import type { AuditReport, FileReport, Ratio } from "./report-types.js";

export type Verdict = "true" | "false" | "approximate" | "unverifiable";

export interface ClaimCheck {
  kind: Claim["kind"];
  line: number;
  text: string;
  stated: number;
  measured: number | null;
  verdict: Verdict;
  /** Why a claim is unverifiable, or what was measured when it is not obvious. */
  note?: string;
}

/** The audited file a claim names: by its path, or by a unique file name. */
function findFile(report: AuditReport, named: string): FileReport | string {
  const wanted = named.replace(/\\/gu, "/").replace(/^\.\//u, "");
  const exact = report.files.filter((file) => file.path === wanted || file.path.endsWith(`/${wanted}`));
  if (exact.length === 1) {
    return exact[0]!;
  }
  return exact.length === 0 ? `no audited file is ${named}` : `${named} names ${exact.length} audited files`;
}

function percentOf(ratio: Ratio): number | null {
  return ratio.percent;
}

function measure(claim: Claim, report: AuditReport): { measured: number | null; note?: string } {
  const { totals } = report;
  switch (claim.kind) {
    case "fileTests":
    case "fileTestsPassed":
    case "fileLines": {
      const file = claim.file === undefined ? "no file named" : findFile(report, claim.file);
      if (typeof file === "string") {
        return { measured: null, note: file };
      }
      if (claim.kind === "fileLines") {
        // Report authors often quote `wc -l`, which does not count a last line without a line end.
        if (file.lineFeeds !== file.lines && claim.stated === file.lineFeeds) {
          return { measured: file.lineFeeds, note: `${file.lineFeeds} lines by wc -l, ${file.lines} as an editor shows them` };
        }
        return { measured: file.lines };
      }
      return file.parseError ? { measured: null, note: `${file.path} does not parse` } : { measured: file.tests.length, note: file.path };
    }
    case "totalTests":
      return { measured: totals.tests };
    case "totalFiles":
      return { measured: totals.testFiles };
    case "noMocksPercent":
      return { measured: percentOf(totals.policies.noMocks.tests), note: "tests no mock reaches" };
    case "baseClassPercent":
      return { measured: percentOf(totals.policies.baseClass.tests), note: "tests in a class reaching the required base" };
    case "bvjPercent":
      return { measured: percentOf(totals.policies.bvj.tests), note: "tests covered by a complete BVJ block" };
    case "filesOverLineLimit":
      return claim.limit === undefined ? { measured: null, note: "no line limit stated" } : { measured: report.files.filter((file) => file.lines > claim.limit!).length };
  }
}

function judge(claim: Claim, measured: number | null): Verdict {
  if (measured === null) {
    return "unverifiable";
  }
  const stated = claim.kind === "fileTestsPassed" && claim.total !== undefined ? claim.total : claim.stated;
  if (measured === stated) {
    return "true";
  }
  return claim.approximate && Math.abs(measured - stated) <= Math.max(1, stated * 0.1) ? "approximate" : "false";
}

export function verifyClaims(claims: readonly Claim[], report: AuditReport): ClaimCheck[] {
  return claims.map((claim) => {
    const { measured, note } = measure(claim, report);
    const stated = claim.kind === "fileTestsPassed" && claim.total !== undefined ? claim.total : claim.stated;
    return { kind: claim.kind, line: claim.line, text: claim.text, stated, measured, verdict: judge(claim, measured), ...(note === undefined ? {} : { note }) };
  });
}
