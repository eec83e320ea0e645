/**
 * What every testaudit rule shares: its type, its docs URL, the languages it runs on, and the way it
 * reads the file's test model once per file.
 */
import type { LanguageOptions, RuleContext, RuleDefinition, RuleVisitor, SourceCode } from "@eslint/core";
import { getTestFileModel } from "../model/get-model.js";
import type { TestFileModel } from "../model/test-file-model.js";

export const REPOSITORY_URL = "https://github.com/testaudit/eslint-plugin-testaudit";

export type TestauditRule<RuleOptions extends unknown[], MessageIds extends string> = RuleDefinition<{
  LangOptions: LanguageOptions;
  Code: SourceCode;
  RuleOptions: RuleOptions;
  Visitor: RuleVisitor;
  Node: unknown;
  MessageIds: MessageIds;
  ExtRuleDocs: { recommended: boolean };
}>;

export type TestauditRuleContext<RuleOptions extends unknown[], MessageIds extends string> = RuleContext<{
  LangOptions: LanguageOptions;
  Code: SourceCode;
  RuleOptions: RuleOptions;
  Node: unknown;
  MessageIds: MessageIds;
}>;

/** The languages every rule supports, as ESLint's `meta.languages` names them: Python, and JS/TS. */
export const RULE_LANGUAGES = ["testaudit/python", "js/js"];

export function docsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleName}.md`;
}

/**
 * A visitor that hands the file's test model to `check` once, when the file's root is entered: `module`
 * for Python, `Program` for JS/TS (each language has only one of them).
 */
export function onTestFile<RuleOptions extends unknown[], MessageIds extends string>(
  context: TestauditRuleContext<RuleOptions, MessageIds>,
  check: (model: TestFileModel) => void,
): RuleVisitor {
  const visitRoot = (): void => {
    check(getTestFileModel(context));
  };
  return { module: visitRoot, Program: visitRoot };
}

/** `'A'`, `'A' or 'B'`, `'A', 'B' or 'C'`. */
export function quotedList(items: readonly string[], conjunction = "or"): string {
  const quoted = items.map((item) => `'${item}'`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted.at(-1)!}`;
}
