/**
 * The repository keeps its own promises: the real eslint binary with eslint.config.js finds nothing in
 * the sources, the scripts and the tests (typescript-eslint's strict type-checked rules, eslint-plugin-
 * eslint-plugin on the rules, and testaudit's own no-mocks on our tests); and the real eslint-doc-generator
 * finds the rule docs' headers and README's rules table as the rules' meta writes them.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const eslintBin = join(root, "node_modules/eslint/bin/eslint.js");
const docGeneratorBin = join(root, "node_modules/.bin/eslint-doc-generator");
/** The folder eslint-doc-generator reads the plugin from (see scripts/doc-generator/plugin.cjs). */
const DOC_GENERATOR_PLUGIN = "scripts/doc-generator";
/** A type-checked lint of the whole repository takes 30 to 60 s on two busy cores. */
const LINT_TIMEOUT_MS = 300_000;

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

function run(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

describe("the repository lint (eslint.config.js)", () => {
  let lint: SpawnSyncReturns<string>;
  let results: LintResult[] = [];

  beforeAll(() => {
    lint = run([eslintBin, "--config", "eslint.config.js", "--format", "json", "."], root);
    results = lint.stdout ? (JSON.parse(lint.stdout) as LintResult[]) : [];
  }, LINT_TIMEOUT_MS);

  it("finds nothing in the sources, scripts and tests", () => {
    const findings = results.flatMap((result) =>
      result.messages.map((message) => `${relative(root, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? "fatal"} ${message.message}`),
    );
    expect(findings).toEqual([]);
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(0);
  });

  it("lints every folder of code, and none of the built, example or fixture files", () => {
    const folders = new Set(results.map((result) => relative(root, result.filePath).split("/")[0]));
    expect([...folders].sort()).toEqual([".eslint-doc-generatorrc.js", "bench", "eslint-plugin.config.js", "eslint.config.js", "lib", "parsers", "scripts", "src", "test", "vitest.config.ts"]);
    const linted = results.map((result) => relative(root, result.filePath));
    expect(linted).toContain("test/plugin/hygiene.test.ts");
    expect(linted).toContain("scripts/doc-generator/plugin.cjs");
    expect(linted.filter((path) => path.startsWith("test/fixtures/"))).toEqual([]);
  });

  it("applies the type-checked rules, the rule-authoring rules and testaudit's own rules where they belong", async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, "eslint.config.js") });
    /** The severity (2 for error) of each rule the config turns on for `path`. */
    const severitiesOf = async (path: string): Promise<Record<string, number>> => {
      const { rules } = (await eslint.calculateConfigForFile(path)) as { rules: Record<string, [number, ...unknown[]]> };
      const entries = Object.entries(rules).map(([name, [severity]]): [string, number] => [name, severity]);
      return Object.fromEntries(entries.filter(([, severity]) => severity !== 0));
    };
    const source = await severitiesOf("src/model/get-model.ts");
    const rule = await severitiesOf("lib/rules/no-mocks.ts");
    const test = await severitiesOf("test/plugin/hygiene.test.ts");
    expect(source).toMatchObject({ "@typescript-eslint/no-unsafe-call": 2, "@typescript-eslint/prefer-optional-chain": 2, "no-debugger": 2 });
    expect(Object.keys(source).filter((name) => !/^(?:@typescript-eslint\/)?[a-z-]+$/u.test(name))).toEqual([]);
    expect(rule).toMatchObject({ "eslint-plugin/require-meta-schema-description": 2, "@typescript-eslint/no-unsafe-call": 2 });
    expect(test).toMatchObject({ "testaudit/no-mocks": 2, "testaudit/max-tests-per-file": 2, "@typescript-eslint/no-unsafe-call": 2 });
    expect(Object.keys(test).filter((name) => name.startsWith("testaudit/")).sort()).toEqual(["testaudit/max-tests-per-file", "testaudit/no-mocks"]);
  });
});

describe("the generated docs (eslint-doc-generator)", () => {
  it("has every rule doc header and README's rules table as the rules' meta writes them", () => {
    const check = run([docGeneratorBin, DOC_GENERATOR_PLUGIN, "--check"], root);
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  describe("on a copy whose doc no longer matches the rule's meta", () => {
    let copy: string;

    beforeAll(() => {
      copy = mkdtempSync(join(tmpdir(), "testaudit-hygiene-"));
      for (const path of [".eslint-doc-generatorrc.js", "README.md", "docs/rules", DOC_GENERATOR_PLUGIN]) {
        cpSync(join(root, path), join(copy, path), { recursive: true });
      }
      // The copy's plugin.cjs loads ../../dist: the real build, through a link.
      symlinkSync(join(root, "dist"), join(copy, "dist"), "dir");
      const doc = join(copy, "docs/rules/no-mocks.md");
      writeFileSync(doc, readFileSync(doc, "utf8").replace("Disallow mocking libraries, fake services and patching fixtures in integration tests\n", "Disallow mocks\n"));
    });

    afterAll(() => {
      rmSync(copy, { recursive: true, force: true });
    });

    it("fails the check, naming the doc and showing the line meta expects", () => {
      const check = run([docGeneratorBin, DOC_GENERATOR_PLUGIN, "--check"], copy);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain("A rule doc is out-of-date: ../../docs/rules/no-mocks.md");
      expect(check.stderr).toContain("- Disallow mocking libraries, fake services and patching fixtures in integration tests");
      expect(check.stderr).toContain("+ Disallow mocks");
    });
  });
});
