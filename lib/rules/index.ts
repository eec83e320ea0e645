/**
 * The plugin's rules: one per policy in the registry (src/policies/registry.ts), which the plugin, its
 * configs, the docs and the meta-tests iterate.
 */
import { POLICIES } from "../../src/policies/registry.js";

type Policies = (typeof POLICIES)[number];

export type Rules = { [Entry in Policies as Entry["ruleName"]]: Entry["rule"] };

export const rules = Object.fromEntries(POLICIES.map((policy) => [policy.ruleName, policy.rule])) as Rules;

export type RuleName = keyof Rules;
