/** The rows every human-readable format shows: one per policy, files and tests compliant / checked. */
import type { PolicyName, Ratio, Totals } from "../report-types.js";

export const POLICY_LABELS: Record<PolicyName, string> = {
  noMocks: "No mocks",
  baseClass: "Shared base class",
  bvj: "BVJ block",
  maxTests: "Tests per file",
};

export function formatRatio(ratio: Ratio): string {
  return ratio.percent === null ? "not checked" : `${ratio.compliant}/${ratio.total} (${ratio.percent}%)`;
}

export function policyRows(totals: Totals): { label: string; files: string; tests: string }[] {
  return (Object.keys(POLICY_LABELS) as PolicyName[]).map((policy) => ({
    label: POLICY_LABELS[policy],
    files: formatRatio(totals.policies[policy].files),
    tests: policy === "maxTests" ? "" : formatRatio(totals.policies[policy].tests),
  }));
}
