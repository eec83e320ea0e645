/**
 * The plugin's metadata and its rule registry: every rule file is registered and tested, every rule's meta
 * follows the conventions (type, languages, description, messages, options), and the plugin object exposes
 * its name, namespace, version, language and recommended config.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { rules, type RuleName } from "../../lib/rules/index.js";
import plugin, { PythonLanguage } from "../../src/index.js";

const RULES_FOLDER = fileURLToPath(new URL("../../lib/rules/", import.meta.url));
const RULE_TESTS_FOLDER = fileURLToPath(new URL("../rules/", import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL("../../package.json", import.meta.url));

const ruleNames = Object.keys(rules) as RuleName[];

/** The options object of a rule's schema (every rule takes at most one options object). */
function optionsSchema(name: RuleName): { type?: string; properties?: Record<string, unknown>; additionalProperties?: unknown } {
  const schema = rules[name].meta!.schema as unknown[];
  expect(Array.isArray(schema)).toBe(true);
  expect(schema).toHaveLength(1);
  return schema[0] as { type?: string; properties?: Record<string, unknown>; additionalProperties?: unknown };
}

/** Lints one line of Python with the rule configured as `entry`; throws when ESLint rejects the options. */
function lintWith(name: RuleName, entry: Linter.RuleEntry): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(
    "import os\n",
    [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { [`testaudit/${name}`]: entry } }],
    "tests/integration/test_meta.py",
  );
}

describe("the rule registry", () => {
  it("holds exactly the rule files of lib/rules", () => {
    const files = readdirSync(RULES_FOLDER)
      .filter((file) => file.endsWith(".ts") && file !== "index.ts")
      .map((file) => basename(file, ".ts"))
      .sort();
    expect([...ruleNames].sort()).toEqual(files);
  });

  it.each(ruleNames)("%s has a test file test/rules/<name>.test.ts", (name) => {
    expect(existsSync(`${RULE_TESTS_FOLDER}${name}.test.ts`)).toBe(true);
  });
});

describe.each(ruleNames)("rule %s", (name) => {
  const meta = rules[name].meta!;

  it("has a type and runs on the testaudit/python language", () => {
    expect(["problem", "suggestion", "layout"]).toContain(meta.type);
    expect(meta.languages).toContain("testaudit/python");
  });

  it("has a description that starts with Enforce, Require or Disallow and ends without a period", () => {
    expect(meta.docs?.description).toMatch(/^(Enforce|Require|Disallow) .+[^. ]$/u);
  });

  it("has messages that start with a capital letter or a quote and end with a period", () => {
    const messages = Object.entries(meta.messages ?? {});
    expect(messages.length).toBeGreaterThan(0);
    for (const [messageId, message] of messages) {
      expect(message, messageId).toMatch(/^[A-Z'"].*\.$/su);
    }
  });

  it("has one options object that accepts no unknown key", () => {
    const schema = optionsSchema(name);
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
  });

  it("has defaultOptions with a default for exactly the schema's keys, which the schema accepts", () => {
    const schema = optionsSchema(name);
    const defaults = meta.defaultOptions as unknown[] | undefined;
    expect(Array.isArray(defaults)).toBe(true);
    expect(defaults).toHaveLength(1);
    expect(Object.keys(defaults![0] as object).sort()).toEqual(Object.keys(schema.properties ?? {}).sort());
    // ESLint validates rule options against meta.schema and throws on a mismatch.
    expect(() => lintWith(name, ["error", defaults![0]])).not.toThrow();
    expect(() => lintWith(name, ["error", { ...(defaults![0] as object), notAnOption: true }])).toThrow(/Unexpected property "notAnOption"/u);
  });
});

describe("the plugin object", () => {
  const manifest = JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { name: string; version: string };

  it("names itself, its namespace and its version", () => {
    expect(plugin.meta.name).toBe("eslint-plugin-testaudit");
    expect(plugin.meta.name).toBe(manifest.name);
    expect(plugin.meta.namespace).toBe("testaudit");
    expect(plugin.meta.version).toBe(manifest.version);
  });

  it("exports the Python language and the registry's rules", () => {
    expect(plugin.languages.python).toBeInstanceOf(PythonLanguage);
    expect(plugin.rules).toBe(rules);
  });

  describe("configs", () => {
    const python = plugin.configs["recommended-python"];
    const js = plugin.configs["recommended-js"];

    it("makes recommended the Python config and the JS/TS config", () => {
      expect(plugin.configs.recommended).toEqual([python, js]);
    });

    it("applies to integration and end-to-end test files only", () => {
      expect(python.files).toEqual([
        "**/tests/integration/**/*.py", "**/integration/**/test_*.py", "**/integration/**/*_test.py",
        "**/e2e/**/test_*.py", "**/e2e/**/*_test.py",
      ]);
      expect(js.files).toEqual([
        "**/integration/**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}",
        "**/e2e/**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}",
      ]);
    });

    it("sets the Python language for .py files and the TypeScript parser for JS/TS, registering the plugin in both", () => {
      expect(python.language).toBe("testaudit/python");
      expect(python.plugins?.testaudit).toBe(plugin);
      expect(js.language).toBeUndefined();
      expect(js.languageOptions?.parser).toBeDefined();
      expect(js.plugins?.testaudit).toBe(plugin);
    });

    it("enables in both exactly the rules whose meta says recommended", () => {
      const recommended = ruleNames.filter((name) => rules[name].meta?.docs?.recommended === true);
      expect([...recommended].sort()).toEqual(["max-tests-per-file", "no-mocks", "no-unawaited-async-tests", "require-base-class", "require-bvj"]);
      for (const config of [python, js]) {
        expect(Object.keys(config.rules ?? {}).sort()).toEqual(recommended.map((name) => `testaudit/${name}`).sort());
        for (const entry of Object.values(config.rules ?? {})) {
          const severity = Array.isArray(entry) ? entry[0] : entry;
          expect(["error", "warn", 2, 1]).toContain(severity);
        }
      }
    });

    it("works in ESLint as given: it lints integration tests of both languages and leaves other files alone", () => {
      const linter = new Linter({ configType: "flat" });
      const inside = linter.verify("from unittest import mock\n", plugin.configs.recommended, "services/shop/tests/integration/test_orders.py");
      expect(inside.map((message) => message.ruleId)).toEqual(["testaudit/no-mocks"]);
      const typescript = linter.verify('import sinon from "sinon";\nconst n: number = 1;\n', plugin.configs.recommended, "web/e2e/orders.spec.ts");
      expect(typescript.map((message) => message.ruleId)).toEqual(["testaudit/no-mocks"]);
      // A unit test is outside the config: ESLint only warns that no configuration matches it.
      const outside = linter.verify("from unittest import mock\n", plugin.configs.recommended, "services/shop/tests/unit/test_orders.py");
      expect(outside.map(({ ruleId }) => ruleId)).toEqual([null]);
      expect(outside[0]?.message).toMatch(/^No matching configuration found/u);
    });

    it("takes rule options from a later config object with the same files, as the rule docs show", () => {
      const linter = new Linter({ configType: "flat" });
      const config: Linter.Config[] = [
        ...plugin.configs.recommended,
        { files: python.files, rules: { "testaudit/no-mocks": ["error", { allow: ["unittest.mock"] }], "testaudit/max-tests-per-file": ["error", { max: 0 }] } },
      ];
      const messages = linter.verify("from unittest import mock\n", config, "tests/integration/test_orders.py");
      expect(messages).toEqual([]);
    });
  });
});
