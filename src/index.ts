/**
 * eslint-plugin-testaudit: the `testaudit/python` language and the rules that audit test suites.
 */
import type { ESLint, Linter } from "eslint";
import { rules, type RuleName } from "../lib/rules/index.js";
import { PythonLanguage } from "../parsers/python/python-language.js";
import { createConfigs } from "./configs.js";
import { packageInfo } from "./package-info.js";

const plugin = {
  meta: { name: packageInfo.name, version: packageInfo.version, namespace: "testaudit" },
  languages: { python: new PythonLanguage() },
  rules,
  configs: {} as ReturnType<typeof createConfigs>,
};
// The configs refer to the plugin itself, so they are made once the plugin exists.
plugin.configs = createConfigs(plugin);

export default plugin satisfies ESLint.Plugin;

/** The options object of each testaudit rule as a config gives it: any property may be left out. */
export type TestauditRuleOptions = {
  [Name in RuleName]: Partial<NonNullable<NonNullable<(typeof rules)[Name]["meta"]>["defaultOptions"]>[0]>;
};

/** Typed `rules` for a config object: `const config: Linter.Config<TestauditRulesConfig> = { ... }`. */
export type TestauditRulesConfig = {
  [Name in RuleName as `testaudit/${Name}`]?: Linter.RuleEntry<[TestauditRuleOptions[Name]]>;
};
export { PythonLanguage } from "../parsers/python/python-language.js";
export { PythonSourceCode, type PythonLanguageOptions } from "../parsers/python/python-source-code.js";
export type { PyNode, PyLocation, PyPosition } from "../parsers/python/py-node.js";
export type * from "./model/test-file-model.js";
export { getTestFileModel } from "./model/get-model.js";
