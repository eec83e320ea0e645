/**
 * The policies the audit judges and the rule behind each: the one list that totals, exemptions and the
 * formats iterate, so a policy added here reaches every per-policy count.
 */
import type { RuleName } from "../../lib/rules/index.js";
import type { PolicyName } from "./report-types.js";

export const POLICY_RULES: Record<PolicyName, RuleName> = {
  noMocks: "no-mocks",
  baseClass: "require-base-class",
  bvj: "require-bvj",
  maxTests: "max-tests-per-file",
};

export const POLICY_NAMES = Object.keys(POLICY_RULES) as PolicyName[];

/** The policy a rule id (`testaudit/no-mocks`) judges, or undefined for any other rule. */
export function policyOfRule(ruleId: string | null): PolicyName | undefined {
  return POLICY_NAMES.find((policy) => ruleId === `testaudit/${POLICY_RULES[policy]}`);
}

/** A record with one entry per policy. */
export function perPolicy<T>(value: (policy: PolicyName) => T): Record<PolicyName, T> {
  return Object.fromEntries(POLICY_NAMES.map((policy) => [policy, value(policy)])) as Record<PolicyName, T>;
}
