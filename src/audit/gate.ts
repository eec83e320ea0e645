/**
 * The gate: why an audit fails (exit code 1). Every audited test and file must comply with every
 * policy whose rule is on, at any severity, unless an exemption lets it pass; a file that does not
 * parse or cannot be read, an error-level violation of a testaudit rule (an inline config comment can
 * make a rule stricter than the config the verdicts follow), a nested config the audit was not allowed
 * to use, or more exemptions than `--max-exemptions` fail it too.
 */
import { policyOfRule } from "./policies.js";
import type { AuditResult } from "./assemble-report.js";
import type { PolicyName } from "./report-types.js";

export interface GateOptions {
  /** Fail when there are more exemptions than this; undefined for no limit. */
  maxExemptions?: number | undefined;
}

/** Each reason the report fails the gate, as a line for a person; empty when it passes. */
export function gateFailures(report: AuditResult, options: GateOptions): string[] {
  const { totals } = report;
  const reasons: string[] = [];
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  if (totals.filesWithParseErrors > 0) {
    reasons.push(`${count(totals.filesWithParseErrors, "file does", "files do")} not parse`);
  }
  if (totals.filesWithReadErrors > 0) {
    reasons.push(`${count(totals.filesWithReadErrors, "file", "files")} could not be read`);
  }
  const failingCounts = new Map<PolicyName, { files: number; tests: number }>(report.policies.map((entry) => [entry.key, { files: 0, tests: 0 }]));
  let errors = 0;
  for (const file of report.files) {
    for (const [policy, failing] of failingCounts) {
      failing.files += file.compliant[policy] === false && !file.exempted[policy] ? 1 : 0;
      for (const test of file.tests) {
        failing.tests += test.compliant[policy] === false && !test.exempted[policy] ? 1 : 0;
      }
    }
    // Other rules in the user's config are ESLint's business, not a policy's.
    for (const violation of file.violations) {
      errors += violation.severity === 2 && policyOfRule(report.policies, violation.ruleId) !== undefined ? 1 : 0;
    }
  }
  const failing = [...failingCounts].flatMap(([policy, { files, tests }]) => (files + tests > 0 ? [`${policy} (${count(tests, "test", "tests")}, ${count(files, "file", "files")})`] : []));
  if (failing.length > 0) {
    reasons.push(`not compliant and not exempted: ${failing.join(", ")}`);
  }
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
