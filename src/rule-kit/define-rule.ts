/**
 * What every testaudit rule shares: its type, its docs URL, the languages it runs on, and the way it
 * reads the file's test model once per file.
 */
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { LanguageOptions, RuleContext, RuleDefinition, RuleVisitor, SourceCode } from "@eslint/core";
import { flushDependencies } from "../model/dependencies.js";
import { packageInfo } from "../package-info.js";
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

/** The rule's page as released with this version (the `vX.Y.Z` tag), not as it is on main today. */
export function docsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/v${packageInfo.version}/docs/rules/${ruleName}.md`;
}

/**
 * A visitor that hands the file's test model to `check` once, when the file's root is entered: `module`
 * for Python, `Program` for JS/TS (each language has only one of them). The files `check` made the
 * model read (a mock trace's conftest.py files and imported modules) are then recorded for `--cache`.
 */
export function onTestFile<RuleOptions extends unknown[], MessageIds extends string>(
  context: TestauditRuleContext<RuleOptions, MessageIds>,
  check: (model: TestFileModel) => void,
): RuleVisitor {
  const visitRoot = (): void => {
    check(getTestFileModel(context));
    flushDependencies(context.cwd);
  };
  return { module: visitRoot, Program: visitRoot };
}

/**
 * How a message names another file: relative to ESLint's working directory, or, for a file outside it,
 * relative to the linted file's folder.
 */
export function displayPath(context: { cwd: string; filename: string }, path: string): string {
  const fromCwd = relative(context.cwd, path);
  const shown = fromCwd.startsWith("..") || isAbsolute(fromCwd) ? relative(dirname(resolve(context.cwd, context.filename)), path) : fromCwd;
  return shown.split(sep).join("/");
}

/** Longest text a message quotes from the linted file: a message names a value, it does not copy a docstring. */
const MAX_QUOTED = 80;

/** `text` as a message quotes it: cut to MAX_QUOTED characters with an ellipsis. */
export function quoted(text: string): string {
  return `'${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text}'`;
}

/** `'A'`, `'A' or 'B'`, `'A', 'B' or 'C'`. */
export function quotedList(items: readonly string[], conjunction = "or"): string {
  const quotedItems = items.map(quoted);
  return quotedItems.length <= 1 ? (quotedItems[0] ?? "") : `${quotedItems.slice(0, -1).join(", ")} ${conjunction} ${quotedItems.at(-1)!}`;
}
