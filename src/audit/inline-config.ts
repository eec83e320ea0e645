/**
 * Inline config comments that set a testaudit rule (`# eslint testaudit/max-tests-per-file: ["error",
 * { "max": 80 }] -- generated cases`, `/* eslint testaudit/no-mocks: "off" *\/`). ESLint lints the file
 * with them; the audit judges it with the config, and a verdict the comment turns from non-compliant to
 * compliant (or unchecked) is an exemption of kind "inlineConfig", at the comment, with its reason.
 */
import { ConfigCommentParser } from "@eslint/plugin-kit";
import { DEFAULT_POLICY_OPTIONS, type PolicyOptions } from "./file-report.js";
import { perPolicy, policyOfRule } from "./policies.js";
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

/** The testaudit rules the inline config comments of `sourceCode` set, in source order. */
export function inlineRuleConfigs(sourceCode: unknown): InlineRuleConfig[] {
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
      const policy = policyOfRule(ruleId);
      if (policy !== undefined) {
        found.push({ policy, ruleId, entry, line: node.loc.start.line, justification: directive.justification === "" ? null : directive.justification });
      }
    }
  }
  return found;
}

function isOff(severity: unknown): boolean {
  return severity === 0 || severity === "off";
}

/** The options the policies are judged with once the comments apply over `options` (the config's), as ESLint applies them. */
export function withInlineConfig(options: PolicyOptions, configs: readonly InlineRuleConfig[]): PolicyOptions {
  const applied: Record<PolicyName, unknown> = { ...options };
  for (const config of configs) {
    const [severity, ruleOptions] = Array.isArray(config.entry) ? (config.entry as unknown[]) : [config.entry];
    const defaults = DEFAULT_POLICY_OPTIONS[config.policy] as object;
    // A severity alone keeps the options the config gave; options written in the comment replace them.
    applied[config.policy] = isOff(severity) ? null : ruleOptions === undefined ? (applied[config.policy] ?? defaults) : { ...defaults, ...(ruleOptions as object) };
  }
  return perPolicy((policy) => applied[policy]) as PolicyOptions;
}
