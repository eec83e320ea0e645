/**
 * Shareable flat configs. Each carries `files`, so it never applies a Python language or rule to files
 * of another language.
 */
import type { Linter } from "eslint";
import { rules, type RuleName } from "../lib/rules/index.js";

/** Integration-test Python files, wherever the integration folder sits. */
export const PYTHON_INTEGRATION_FILES = [
  "**/tests/integration/**/*.py",
  "**/integration/**/test_*.py",
  "**/integration/**/*_test.py",
];

export function createConfigs(plugin: object): { recommended: Linter.Config } {
  const recommendedRules = Object.fromEntries(
    (Object.keys(rules) as RuleName[])
      .filter((name) => rules[name].meta?.docs?.recommended)
      .map((name) => [`testaudit/${name}`, "error"]),
  ) as Linter.RulesRecord;
  return {
    recommended: {
      name: "testaudit/recommended",
      files: PYTHON_INTEGRATION_FILES,
      plugins: { testaudit: plugin as never },
      language: "testaudit/python",
      rules: recommendedRules,
    },
  };
}
