/**
 * Which non-compliant verdicts are exempted, and the list of exemptions a report shows. A verdict is
 * exempted when every line where the rules report what makes it false holds a silenced finding of the
 * policy's rule and no finding that is not silenced, or when the whole file is exempted from the policy
 * (a config ignores it, or a nested config turns the rule off). An exempted verdict stays `false`: the
 * percentages count it as not compliant; only the gate lets it pass.
 */
import type { JudgedFile, VerdictSites } from "./file-report.js";
import { perPolicy, policyOfRule } from "./policies.js";
import type { ExemptionKind, ExemptionReport, FileReport, PolicyName, PolicyReport } from "./report-types.js";

/** A finding of a testaudit rule that ESLint did not report as a violation, and why. */
export interface SilencedFinding {
  ruleId: string;
  line: number;
  message: string;
  kind: ExemptionKind;
  justification: string | null;
  source: string | null;
}

/** Verdicts an inline config comment turns from non-compliant, per test and for the file, and the comment. */
export interface InlineExemption {
  file: boolean;
  /** Parallel to the report's tests. */
  tests: boolean[];
  entry: ExemptionReport;
}

/** The whole file is exempted from a policy: a config ignores it, or a nested config turns the rule off. */
export interface WholeFileExemption {
  kind: "ignore" | "narrowerConfig";
  /** The config that does it. */
  source: string;
}

export function applyExemptions(
  policies: readonly PolicyReport[],
  judged: JudgedFile,
  silenced: readonly SilencedFinding[],
  wholeFile: Partial<Record<PolicyName, WholeFileExemption>>,
  inline: Partial<Record<PolicyName, InlineExemption>> = {},
): FileReport {
  const { report } = judged;
  const entries: ExemptionReport[] = silenced.flatMap((finding) => {
    const policy = policyOfRule(policies, finding.ruleId);
    return policy === undefined ? [] : [{ kind: finding.kind, ruleId: finding.ruleId, policy, line: finding.line, message: finding.message, justification: finding.justification, source: finding.source }];
  });
  const silencedLines = perPolicy(policies, (policy) => new Set(entries.filter((entry) => entry.policy === policy).map((entry) => entry.line)));
  const reportedLines = perPolicy(policies, (policy) => new Set(report.violations.filter((violation) => policyOfRule(policies, violation.ruleId) === policy).map((violation) => violation.line)));
  const exempted = (verdict: boolean | null, sites: VerdictSites, policy: PolicyName, byComment: boolean): boolean =>
    verdict === false &&
    (byComment || wholeFile[policy] !== undefined || (sites[policy]!.length > 0 && sites[policy]!.every((line) => silencedLines[policy]!.has(line) && !reportedLines[policy]!.has(line))));
  for (const exemption of Object.values(inline)) {
    if (exemption && (exemption.file || exemption.tests.includes(true))) {
      entries.push(exemption.entry);
    }
  }

  for (const { key: policy, ruleId } of policies) {
    const whole = wholeFile[policy];
    // A file exempted as a whole is listed even where no finding marks a line (a mock reaching from another file, say).
    if (whole && report.compliant[policy] === false && !entries.some((entry) => entry.policy === policy)) {
      entries.push({ kind: whole.kind, ruleId, policy, line: null, message: null, justification: null, source: whole.source });
    }
  }
  return {
    ...report,
    tests: report.tests.map((test, index) => ({ ...test, exempted: perPolicy(policies, (policy) => exempted(test.compliant[policy] ?? null, judged.testSites[index]!, policy, inline[policy]?.tests[index] === true)) })),
    exempted: perPolicy(policies, (policy) => exempted(report.compliant[policy] ?? null, judged.fileSites, policy, inline[policy]?.file === true)),
    exemptions: entries.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}
