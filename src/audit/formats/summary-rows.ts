/** The rows every human-readable format shows: one per policy, files and tests compliant / checked, and what is exempted. */
import type { PolicyName, PolicyReport, Ratio, Totals } from "../report-types.js";

export function formatRatio(ratio: Ratio): string {
  return ratio.percent === null ? "not checked" : `${ratio.compliant}/${ratio.total} (${ratio.percent}%)`;
}

/** `1 file`, `2 files`: a count with its noun. */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/** The one-line summary the Markdown and HTML reports open with. */
export function summarySentence(totals: Totals): string {
  return (
    `${plural(totals.tests, "test")} (${totals.skipped} skipped, ${totals.todo} todo) in ${plural(totals.testFiles, "test file")}; ` +
    `${plural(totals.files, "file")} audited, ${totals.filesWithParseErrors} with parse errors, ${totals.filesWithReadErrors} unreadable; ` +
    `${plural(totals.violations, "rule violation")}; ${plural(totals.exemptions, "exemption")}.`
  );
}

/** `3 tests, 1 file exempted`; empty when nothing is. */
export function formatExempted(exempted: { files: number; tests: number }): string {
  const parts = [...(exempted.tests > 0 ? [plural(exempted.tests, "test")] : []), ...(exempted.files > 0 ? [plural(exempted.files, "file")] : [])];
  return parts.length === 0 ? "" : `${parts.join(", ")} exempted`;
}

/** One row per policy, in the report's order; a policy that judges files only has no tests figure. */
export function policyRows(policies: readonly PolicyReport[], totals: Totals): { policy: PolicyName; label: string; files: string; tests: string; exempted: string }[] {
  return policies.map((policy) => {
    const total = totals.policies[policy.key]!;
    return {
      policy: policy.key,
      label: policy.label,
      files: formatRatio(total.files),
      tests: policy.judgesTests ? formatRatio(total.tests) : "",
      exempted: formatExempted(total.exempted),
    };
  });
}

/** Where an exemption is: `path:line`, or the path alone for a whole file. */
export function exemptionPlace(path: string, line: number | null): string {
  return line === null ? path : `${path}:${line}`;
}

/** Why: a directive's justification, or the file that exempts. */
export function exemptionReason(exemption: { kind: string; justification: string | null; source: string | null }): string {
  if (exemption.kind === "directive" || exemption.kind === "inlineConfig") {
    return exemption.justification ?? "(no reason given after --)";
  }
  return exemption.kind === "suppressionsFile" ? `listed in ${exemption.source ?? "eslint-suppressions.json"}` : `${exemption.kind === "ignore" ? "ignored by" : "rule off in"} ${exemption.source ?? "a config"}`;
}
