/**
 * Bad rule options stop ESLint with its configuration error, through the Node API, the eslint binary
 * and the testaudit binary, for every option of every rule.
 *
 * What ESLint 10 prints: the rule's name always; the option's name only for an unknown key (with the
 * list of known ones). For a bad value it prints the value and what was expected ("Value "12" should
 * be integer."), not which option holds it: its schema error formatting drops the path. So each case
 * below asserts the exact text ESLint prints, and the value is chosen to be recognisable.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlugin, PYTHON_PATH, ROOT, tempFolder } from "./lint-harness.js";

const run = promisify(execFile);
const ESLINT_BIN = join(dirname(createRequire(import.meta.url).resolve("eslint/package.json")), "bin", "eslint.js");
const TESTAUDIT_BIN = join(ROOT, "dist/src/cli/main.js");

type RuleName = "no-mocks" | "no-test-doubles" | "require-base-class" | "require-bvj" | "max-tests-per-file" | "no-unawaited-async-tests" | "max-lines" | "require-skip-reason" | "require-assertions";

interface BadOptions {
  rule: RuleName;
  /** The option the case gets wrong (null: the options as a whole). */
  option: string | null;
  options: unknown;
  /** What ESLint prints under `Key "rules": Key "testaudit/<rule>":`. */
  printed: string;
}

/** A value of the wrong JSON type for every option, some values the option's own schema rejects, and an unknown key per rule. */
const CASES: BadOptions[] = [
  { rule: "no-mocks", option: "modules", options: { modules: 5 }, printed: "Value 5 should be array." },
  { rule: "no-mocks", option: "modules", options: { modules: [""] }, printed: 'Value "" should NOT be shorter than 1 characters.' },
  { rule: "no-mocks", option: "modules", options: { modules: ["nock", "nock"] }, printed: 'Value ["nock","nock"] should NOT have duplicate items (items ## 1 and 0 are identical).' },
  { rule: "no-mocks", option: "allow", options: { allow: "unittest.mock.sentinel" }, printed: 'Value "unittest.mock.sentinel" should be array.' },
  { rule: "no-mocks", option: "allow", options: { allow: [3] }, printed: "Value 3 should be string." },
  { rule: "no-mocks", option: "trace", options: { trace: "fixtures" }, printed: 'Value "fixtures" should be boolean.' },
  {
    rule: "no-mocks",
    option: "modulez",
    options: { modulez: ["nock"] },
    printed: 'Value {"modules":[],"allow":[],"trace":true,"modulez":["nock"]} should NOT have additional properties.\n\t\tUnexpected property "modulez". Expected properties: "modules", "allow", "trace".',
  },
  { rule: "no-test-doubles", option: "patterns", options: { patterns: "^Fake" }, printed: 'Value "^Fake" should be array.' },
  { rule: "no-test-doubles", option: "patterns", options: { patterns: ["Fake("] }, printed: 'Value "Fake(" should match format "regex".' },
  { rule: "no-test-doubles", option: "factories", options: { factories: "SSotMockFactory" }, printed: 'Value "SSotMockFactory" should be array.' },
  {
    rule: "no-test-doubles",
    option: "factories",
    options: { factories: ["SSotMockFactory()"] },
    printed: 'Value "SSotMockFactory()" should match pattern "^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$".',
  },
  {
    rule: "no-test-doubles",
    option: "pattern",
    options: { pattern: ["^Fake"] },
    printed:
      'Value {"patterns":["^(Mock|Fake|Stub|Dummy|Spy)[A-Z]","[a-z](Mock|Fake|Stub)$"],"factories":[],"pattern":["^Fake"]} should NOT have additional properties.\n\t\tUnexpected property "pattern". Expected properties: "patterns", "factories".',
  },
  { rule: "require-base-class", option: "bases", options: { bases: "SSotBaseTestCase" }, printed: 'Value "SSotBaseTestCase" should be array.' },
  {
    rule: "require-base-class",
    option: "bases",
    options: { bases: ["not a class!"] },
    printed: 'Value "not a class!" should match pattern "^(?:[@\\w$.-]+(?:/[\\w$.-]+)*\\.)?[A-Za-z_$][\\w$]*$".',
  },
  { rule: "require-base-class", option: "allowFunctions", options: { allowFunctions: "yes" }, printed: 'Value "yes" should be boolean.' },
  { rule: "require-base-class", option: "imports", options: { imports: "test_framework.ssot" }, printed: 'Value "test_framework.ssot" should be array.' },
  { rule: "require-base-class", option: "imports", options: { imports: [""] }, printed: 'Value "" should NOT be shorter than 1 characters.' },
  {
    rule: "require-base-class",
    option: "base",
    options: { base: ["SSotBaseTestCase"] },
    printed:
      'Value {"bases":[],"allowFunctions":false,"imports":[],"base":["SSotBaseTestCase"]} should NOT have additional properties.\n\t\tUnexpected property "base". Expected properties: "bases", "allowFunctions", "imports".',
  },
  { rule: "require-bvj", option: "from", options: { from: "function" }, printed: 'Value "function" should be array.' },
  { rule: "require-bvj", option: "from", options: { from: ["method"] }, printed: 'Value "method" should be equal to one of the allowed values.' },
  { rule: "require-bvj", option: "from", options: { from: [] }, printed: "Value [] should NOT have fewer than 1 items." },
  { rule: "require-bvj", option: "fields", options: { fields: "Segment" }, printed: 'Value "Segment" should be array.' },
  { rule: "require-bvj", option: "segments", options: { segments: "Enterprise" }, printed: 'Value "Enterprise" should be array.' },
  { rule: "require-bvj", option: "segments", options: { segments: [7] }, printed: "Value 7 should be string." },
  { rule: "require-bvj", option: "placeholders", options: { placeholders: { TODO: true } }, printed: 'Value {"TODO":true} should be array.' },
  {
    rule: "require-bvj",
    option: "field",
    options: { field: ["Segment"] },
    printed:
      'Value {"from":["function","class","module"],"fields":["Segment","Business Goal","Value Impact","Strategic Impact"],"segments":["Free","Early","Mid","Enterprise","Platform/Internal"],"placeholders":["TODO","TBD","N/A","","..."],"field":["Segment"]} should NOT have additional properties.\n\t\tUnexpected property "field". Expected properties: "from", "fields", "segments", "placeholders".',
  },
  { rule: "max-tests-per-file", option: "max", options: { max: "12" }, printed: 'Value "12" should be integer.' },
  { rule: "max-tests-per-file", option: "max", options: { max: 1.5 }, printed: "Value 1.5 should be integer." },
  { rule: "max-tests-per-file", option: "max", options: { max: -1 }, printed: "Value -1 should be >= 0." },
  {
    rule: "max-tests-per-file",
    option: "maximum",
    options: { maximum: 12 },
    printed: 'Value {"max":50,"maximum":12} should NOT have additional properties.\n\t\tUnexpected property "maximum". Expected properties: "max".',
  },
  { rule: "max-tests-per-file", option: null, options: "strict", printed: 'Value "strict" should be object.' },
  { rule: "no-unawaited-async-tests", option: "asyncBases", options: { asyncBases: "LoopTestCase" }, printed: 'Value "LoopTestCase" should be array.' },
  { rule: "no-unawaited-async-tests", option: "asyncBases", options: { asyncBases: [""] }, printed: 'Value "" should NOT be shorter than 1 characters.' },
  {
    rule: "no-unawaited-async-tests",
    option: "asyncBase",
    options: { asyncBase: ["LoopTestCase"] },
    printed: 'Value {"asyncBases":[],"asyncBase":["LoopTestCase"]} should NOT have additional properties.\n\t\tUnexpected property "asyncBase". Expected properties: "asyncBases".',
  },
  { rule: "max-lines", option: "max", options: { max: "300" }, printed: 'Value "300" should be integer.' },
  { rule: "max-lines", option: "max", options: { max: -1 }, printed: "Value -1 should be >= 0." },
  { rule: "max-lines", option: "skipBlankLines", options: { skipBlankLines: "yes" }, printed: 'Value "yes" should be boolean.' },
  { rule: "max-lines", option: "skipComments", options: { skipComments: 1 }, printed: "Value 1 should be boolean." },
  {
    rule: "max-lines",
    option: "skipComment",
    options: { skipComment: true },
    printed:
      'Value {"max":300,"skipBlankLines":false,"skipComments":false,"skipComment":true} should NOT have additional properties.\n\t\tUnexpected property "skipComment". Expected properties: "max", "skipBlankLines", "skipComments".',
  },
  { rule: "max-lines", option: null, options: 300, printed: "Value 300 should be object." },
  { rule: "require-skip-reason", option: "allowSkips", options: { allowSkips: "never" }, printed: 'Value "never" should be boolean.' },
  {
    rule: "require-skip-reason",
    option: "allowSkip",
    options: { allowSkip: false },
    printed: 'Value {"allowSkips":true,"allowSkip":false} should NOT have additional properties.\n\t\tUnexpected property "allowSkip". Expected properties: "allowSkips".',
  },
  { rule: "require-assertions", option: "assertFunctions", options: { assertFunctions: "verify_*" }, printed: 'Value "verify_*" should be array.' },
  { rule: "require-assertions", option: "assertFunctions", options: { assertFunctions: ["verify order"] }, printed: 'Value "verify order" should match pattern "^[^\\s]+$".' },
  { rule: "require-assertions", option: "ignoreSkipped", options: { ignoreSkipped: 0 }, printed: "Value 0 should be boolean." },
  {
    rule: "require-assertions",
    option: "assertFunctionNames",
    options: { assertFunctionNames: ["expect"] },
    printed:
      'Value {"assertFunctions":[],"ignoreSkipped":true,"assertFunctionNames":["expect"]} should NOT have additional properties.\n\t\tUnexpected property "assertFunctionNames". Expected properties: "assertFunctions", "ignoreSkipped".',
  },
];

/** ESLint's whole message for a case. */
function expectedMessage({ rule, printed }: BadOptions): string {
  return `Key "rules": Key "testaudit/${rule}":\n\t${printed}\n`;
}

function label(badOptions: BadOptions): string {
  return `${badOptions.rule} ${JSON.stringify(badOptions.options)}`;
}

const rulesFor = (badOptions: BadOptions): Record<string, unknown> => ({ [`testaudit/${badOptions.rule}`]: ["error", badOptions.options] });

let folder: { path: string; remove(): void };

beforeAll(() => {
  folder = tempFolder("testaudit-options-");
  const file = join(folder.path, PYTHON_PATH);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, "import unittest\n");
  // One config for every binary run: the rule entry under test comes in through the environment.
  const plugin = pathToFileURL(join(ROOT, "dist/src/index.js")).href;
  writeFileSync(
    join(folder.path, "eslint.config.js"),
    `import testaudit from ${JSON.stringify(plugin)};\n\nexport default [\n  ...testaudit.configs.recommended,\n  { files: ["**/*.py"], rules: JSON.parse(process.env.TESTAUDIT_RULES) },\n];\n`,
  );
});

afterAll(() => {
  folder.remove();
});

/** Runs a binary with the rule entry in the config; resolves with its exit code and output either way. */
async function runBinary(args: string[], rules: Record<string, unknown>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: folder.path, env: { ...process.env, TESTAUDIT_RULES: JSON.stringify(rules) } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the cases", () => {
  it("cover every option of every rule's schema, and an unknown key for each rule", async () => {
    const plugin = await loadPlugin();
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const schema = (rule.meta?.schema as { properties: Record<string, { type: string }> }[])[0]!;
      const cases = CASES.filter((badOptions) => badOptions.rule === name);
      for (const [option, { type }] of Object.entries(schema.properties)) {
        const wrongType = cases.find((badOptions) => {
          const value = (badOptions.options as Record<string, unknown>)[option];
          const actual = Array.isArray(value) ? "array" : typeof value;
          return badOptions.option === option && value !== undefined && actual !== type && !(type === "integer" && actual === "number");
        });
        expect(wrongType, `${name} ${option}: a value of the wrong type`).toBeDefined();
      }
      expect(cases.some((badOptions) => badOptions.option !== null && !(badOptions.option in schema.properties)), `${name}: an unknown key`).toBe(true);
    }
  });
});

describe("through the Node API", () => {
  it.each(CASES.map((badOptions) => [label(badOptions), badOptions] as const))("%s", async (_label, badOptions) => {
    const plugin = await loadPlugin();
    const eslint = new ESLint({
      cwd: folder.path,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended, { files: ["**/*.py"], rules: rulesFor(badOptions) as never }],
    });
    await expect(eslint.lintText("import unittest\n", { filePath: join(folder.path, PYTHON_PATH) })).rejects.toHaveProperty("message", expectedMessage(badOptions));
  });
});

describe("through the eslint binary", () => {
  it.concurrent.each(CASES.map((badOptions) => [label(badOptions), badOptions] as const))("%s", async (_label, badOptions) => {
    const { code, stdout, stderr } = await runBinary([ESLINT_BIN, "tests"], rulesFor(badOptions));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    // ESLint's crash banner, then the error with its stack.
    expect(stderr.startsWith(`\nOops! Something went wrong! :(\n\nESLint: `)).toBe(true);
    expect(stderr).toContain(`\nError: ${expectedMessage(badOptions)}\n    at `);
  });
});

describe("through the testaudit binary", () => {
  it.concurrent.each(CASES.filter((badOptions) => badOptions.rule === "max-tests-per-file").map((badOptions) => [label(badOptions), badOptions] as const))(
    "%s",
    async (_label, badOptions) => {
      const { code, stdout, stderr } = await runBinary([TESTAUDIT_BIN, "tests"], rulesFor(badOptions));
      expect(code).toBe(2);
      expect(stdout).toBe("");
      // One line naming the config and the bad option, and where the help is.
      expect(stderr).toContain(`testaudit: cannot load the ESLint config eslint.config.js: ${expectedMessage(badOptions).replace(/\s+/gu, " ").trim()}`);
      expect(stderr.endsWith(" (see testaudit --help)\n")).toBe(true);
    },
  );
});

describe("the Python language's own option", () => {
  it("rejects a non-boolean tolerant with ESLint's languageOptions error naming it", async () => {
    const plugin = await loadPlugin();
    const eslint = new ESLint({
      cwd: folder.path,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended, { files: ["**/*.py"], languageOptions: { tolerant: "yes" } }],
    });
    await expect(eslint.lintText("import unittest\n", { filePath: join(folder.path, PYTHON_PATH) })).rejects.toHaveProperty(
      "message",
      'Key "languageOptions": Expected "tolerant" to be a boolean, got string.',
    );
  });
});
