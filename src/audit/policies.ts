/**
 * The audit's view of the policy registry: the policies it judges (the registry's by default, or a
 * list given to runAudit), looked up by rule id, iterated per policy, and named in the report.
 */
import { defaultOptionsOf, ruleIdOf } from "../policies/policy.js";
import type { AnyPolicy } from "../policies/registry.js";
import type { PolicyName, PolicyReport } from "./report-types.js";

/** A record with one entry per policy, in the policies' order. */
export function perPolicy<T>(policies: readonly { key: PolicyName }[], value: (key: PolicyName) => T): Record<PolicyName, T> {
  return Object.fromEntries(policies.map((policy) => [policy.key, value(policy.key)]));
}

/** The policy a rule id (`testaudit/no-mocks`) judges, or undefined for any other rule. */
export function policyOfRule(policies: readonly { key: PolicyName; ruleId: string }[], ruleId: string | null): PolicyName | undefined {
  return policies.find((policy) => policy.ruleId === ruleId)?.key;
}

/** The policies as the report names them. */
export function policyReports(policies: readonly AnyPolicy[]): PolicyReport[] {
  return policies.map((policy) => ({
    key: policy.key,
    ruleId: ruleIdOf(policy),
    label: policy.label,
    description: policy.rule.meta?.docs?.description ?? "",
    url: policy.rule.meta?.docs?.url ?? "",
    judgesTests: policy.judgesTests,
    judgesFilesWithoutTests: policy.judgesFilesWithoutTests,
  }));
}

/** The options a policy's rule gets from a config entry over the rule's `meta.defaultOptions`, as ESLint merges them; null when the entry turns it off. */
export function optionsOver(policy: AnyPolicy, base: object | null, entry: unknown): object | null {
  const [severity, options] = Array.isArray(entry) ? (entry as unknown[]) : [entry];
  if (severity === undefined || severity === 0 || severity === "off") {
    return null;
  }
  // A severity alone keeps the options already in force; options written replace them over the defaults.
  return options === undefined ? (base ?? defaultOptionsOf(policy)) : { ...defaultOptionsOf(policy), ...(options as object) };
}
