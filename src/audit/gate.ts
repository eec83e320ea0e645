/**
 * The gate: why an audit fails (exit code 1). Every audited test and file must comply with every
 * policy whose rule is on, at any severity, unless an exemption lets it pass; a file that does not
 * parse or cannot be read, an error-level violation of a testaudit rule (an inline config comment can
 * make a rule stricter than the config the verdicts follow), a nested config the audit was not allowed
 * to use, or more exemptions than `--max-exemptions` fail it too.
 */
import { policyOfRule } from "./policies.js";
import type { AuditReport } from "./report-types.js";

export interface GateOptions {
  /** Fail when there are more exemptions than this; undefined for no limit. */
  maxExemptions?: number | undefined;
}

/** Each reason the report fails the gate, as a line for a person; empty when it passes. */
export function gateFailures(report: AuditReport, options: GateOptions): string[] {
  const { totals } = report;
  const reasons: string[] = [];
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  if (totals.filesWithParseErrors > 0) {
    reasons.push(`${count(totals.filesWithParseErrors, "file does", "files do")} not parse`);
  }
  if (totals.filesWithReadErrors > 0) {
    reasons.push(`${count(totals.filesWithReadErrors, "file", "files")} could not be read`);
  }
  const failing = report.policies.map((entry) => entry.key).flatMap((policy) => {
    const files = report.files.filter((file) => file.compliant[policy] === false && !file.exempted[policy]).length;
    const tests = report.files.reduce((sum, file) => sum + file.tests.filter((test) => test.compliant[policy] === false && !test.exempted[policy]).length, 0);
    return files + tests > 0 ? [`${policy} (${count(tests, "test", "tests")}, ${count(files, "file", "files")})`] : [];
  });
  if (failing.length > 0) {
    reasons.push(`not compliant and not exempted: ${failing.join(", ")}`);
  }
  // Other rules in the user's config are ESLint's business, not a policy's.
  const errors = report.files.reduce((sum, file) => sum + file.violations.filter((violation) => violation.severity === 2 && policyOfRule(report.policies, violation.ruleId) !== undefined).length, 0);
  if (errors > 0) {
    reasons.push(count(errors, "error-level rule violation", "error-level rule violations"));
  }
  for (const nested of report.nestedConfigs.filter((config) => !config.used)) {
    reasons.push(`nested config ${nested.path} would govern ${count(nested.files, "audited file", "audited files")} (audited with the root config; --allow-nested-config to use it)`);
  }
  if (options.maxExemptions !== undefined && totals.exemptions > options.maxExemptions) {
    reasons.push(`${count(totals.exemptions, "exemption", "exemptions")}, more than --max-exemptions ${options.maxExemptions}`);
  }
  return reasons;
}
