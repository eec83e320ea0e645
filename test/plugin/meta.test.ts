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
    [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { [`testaudit/${name}`]: entry } } as Linter.Config],
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

  describe("configs.recommended", () => {
    const recommended = plugin.configs.recommended;

    it("applies to integration-test Python files only", () => {
      expect(recommended.files).toEqual(["**/tests/integration/**/*.py", "**/integration/**/test_*.py", "**/integration/**/*_test.py"]);
    });

    it("sets the testaudit/python language and registers the plugin", () => {
      expect(recommended.language).toBe("testaudit/python");
      expect(recommended.plugins?.testaudit).toBe(plugin);
    });

    it("enables all four rules", () => {
      expect(ruleNames).toHaveLength(4);
      expect(Object.keys(recommended.rules ?? {}).sort()).toEqual(ruleNames.map((name) => `testaudit/${name}`).sort());
      for (const entry of Object.values(recommended.rules ?? {})) {
        const severity = Array.isArray(entry) ? entry[0] : entry;
        expect(["error", "warn", 2, 1]).toContain(severity);
      }
    });

    it("works in ESLint as given: it lints an integration test and leaves other files alone", () => {
      const linter = new Linter({ configType: "flat" });
      const code = "from unittest import mock\n";
      const inside = linter.verify(code, [recommended], "services/shop/tests/integration/test_orders.py");
      expect(inside.map((message) => message.ruleId)).toEqual(["testaudit/no-mocks"]);
      // A unit test is outside the config: ESLint only warns that no configuration matches it.
      const outside = linter.verify(code, [recommended], "services/shop/tests/unit/test_orders.py");
      expect(outside.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual([
        { ruleId: null, message: expect.stringMatching(/^No matching configuration found/u) as unknown as string },
      ]);
    });

    it("takes rule options from a later config object with the same files, as the rule docs show", () => {
      const linter = new Linter({ configType: "flat" });
      const config: Linter.Config[] = [
        recommended,
        { files: recommended.files, rules: { "testaudit/no-mocks": ["error", { allow: ["unittest.mock"] }], "testaudit/max-tests-per-file": ["error", { max: 0 }] } },
      ];
      const messages = linter.verify("from unittest import mock\n", config, "tests/integration/test_orders.py");
      expect(messages).toEqual([]);
    });
  });
});
