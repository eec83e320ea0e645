/**
 * Inline config comments that set a testaudit rule (`# eslint testaudit/max-tests-per-file: ["error",
 * { "max": 80 }] -- generated cases`, `/* eslint testaudit/no-mocks: "off" *\/`). ESLint lints the file
 * with them; the audit judges it with the config, and a verdict the comment turns from non-compliant to
 * compliant (or unchecked) is an exemption of kind "inlineConfig", at the comment, with its reason.
 */
import { ConfigCommentParser } from "@eslint/plugin-kit";
import type { AnyPolicy } from "../policies/registry.js";
import type { PolicyOptions } from "./file-report.js";
import { optionsOver, policyOfRule } from "./policies.js";
import type { PolicyName } from "./report-types.js";

const parser = new ConfigCommentParser();

/** One testaudit rule set by a comment. */
export interface InlineRuleConfig {
  policy: PolicyName;
  ruleId: string;
  /** The rule entry as written: a severity, or `[severity, options]`. */
  entry: unknown;
  line: number;
  justification: string | null;
}

interface CommentLike {
  /** JS comments. */
  value?: string;
  /** Python comments (with the `#`). */
  text?: string;
  loc: { start: { line: number } };
}

/** The policies' rules the inline config comments of `sourceCode` set, in source order. */
export function inlineRuleConfigs(sourceCode: unknown, policies: readonly { key: string; ruleId: string }[]): InlineRuleConfig[] {
  const nodes = (sourceCode as { getInlineConfigNodes?: () => CommentLike[] }).getInlineConfigNodes?.() ?? [];
  const found: InlineRuleConfig[] = [];
  for (const node of nodes) {
    const text = node.value ?? node.text?.replace(/^#/u, "") ?? "";
    const directive = parser.parseDirective(text);
    if (directive?.label !== "eslint") {
      continue;
    }
    const parsed = parser.parseJSONLikeConfig(directive.value);
    if (!parsed.ok) {
      continue;
    }
    for (const [ruleId, entry] of Object.entries(parsed.config)) {
      const policy = policyOfRule(policies, ruleId);
      if (policy !== undefined) {
        found.push({ policy, ruleId, entry, line: node.loc.start.line, justification: directive.justification === "" ? null : directive.justification });
      }
    }
  }
  return found;
}

/** The options the policies are judged with once the comments apply over `options` (the config's), as ESLint applies them. */
export function withInlineConfig(options: PolicyOptions, configs: readonly InlineRuleConfig[], policies: readonly AnyPolicy[]): PolicyOptions {
  const applied: PolicyOptions = { ...options };
  for (const config of configs) {
    const policy = policies.find((entry) => entry.key === config.policy);
    if (policy) {
      applied[config.policy] = optionsOver(policy, applied[config.policy] ?? null, config.entry);
    }
  }
  return applied;
}
