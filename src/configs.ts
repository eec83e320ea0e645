/**
 * Shareable flat configs. Each carries `files`, so it never applies a Python language or rule to files
 * of another language.
 */
import type { Linter } from "eslint";
import { rules, type RuleName } from "../lib/rules/index.js";
import { dependencyStamp } from "./model/dependencies.js";
import { lazyTsParser } from "./ts-parser.js";

/** Integration and end-to-end Python test files, wherever their folders sit. */
export const PYTHON_INTEGRATION_FILES = [
  "**/tests/integration/**/*.py",
  "**/integration/**/test_*.py",
  "**/integration/**/*_test.py",
  "**/e2e/**/test_*.py",
  "**/e2e/**/*_test.py",
];

const JS_EXTENSIONS = "{js,jsx,ts,tsx,mjs,cjs,mts,cts}";

/** Integration and end-to-end JS/TS test files (`*.test.ts`, `*.spec.js`, ...). */
export const JS_INTEGRATION_FILES = [`**/integration/**/*.{test,spec}.${JS_EXTENSIONS}`, `**/e2e/**/*.{test,spec}.${JS_EXTENSIONS}`];

// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- ESLint's Plugin.configs is a Record, which only a type alias satisfies (an interface has no implicit index signature).
export type TestauditConfigs = {
  /** Both languages: the Python config and the JS/TS config, with the rules meant for every suite. */
  recommended: Linter.Config[];
  "recommended-python": Linter.Config;
  "recommended-js": Linter.Config;
  /** Both languages, with every rule, as eslint-plugin-jest's `all`: a new rule joins it in a minor release. */
  strict: Linter.Config[];
  "strict-python": Linter.Config;
  "strict-js": Linter.Config;
};

/** The rules of `names` at "error". */
function errors(names: readonly RuleName[]): Linter.RulesRecord {
  return Object.fromEntries(names.map((name) => [`testaudit/${name}`, "error"]));
}

export function createConfigs(plugin: object): TestauditConfigs {
  const names = Object.keys(rules) as RuleName[];
  const recommendedRules = errors(names.filter((name) => rules[name].meta?.docs?.recommended));
  // ESLint's cache keys on the config: this stamp changes when a file another file's results depend on does.
  const settings = { testaudit: { dependencies: dependencyStamp(process.cwd()) } };
  const python = (name: string, configRules: Linter.RulesRecord): Linter.Config => ({
    name: `testaudit/${name}-python`,
    files: PYTHON_INTEGRATION_FILES,
    plugins: { testaudit: plugin },
    language: "testaudit/python",
    settings,
    rules: configRules,
  });
  const js = (name: string, configRules: Linter.RulesRecord): Linter.Config => ({
    name: `testaudit/${name}-js`,
    files: JS_INTEGRATION_FILES,
    plugins: { testaudit: plugin },
    // One parser for JS and TS alike: TypeScript syntax (types, decorators, satisfies) parses everywhere.
    languageOptions: { parser: lazyTsParser },
    settings,
    rules: configRules,
  });
  const strictRules = errors(names);
  const configs = {
    "recommended-python": python("recommended", recommendedRules),
    "recommended-js": js("recommended", recommendedRules),
    "strict-python": python("strict", strictRules),
    "strict-js": js("strict", strictRules),
  };
  return { ...configs, recommended: [configs["recommended-python"], configs["recommended-js"]], strict: [configs["strict-python"], configs["strict-js"]] };
}
