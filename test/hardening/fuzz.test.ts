/**
 * Property-based hardening: random and mutated Python and TypeScript test files go through the real
 * ESLint with every testaudit rule, and every result must be located messages only (a fatal parsing
 * error included), never an exception, within a time bound per file.
 *
 * The seed is fixed so CI runs the same cases every time; FUZZ_SEED and FUZZ_RUNS (cases per
 * property) run others or more locally, e.g. `FUZZ_RUNS=4000 FUZZ_SEED=7 npx vitest run test/hardening/fuzz.test.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ESLint } from "eslint";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEslint, messageProblems, PYTHON_PATH, ROOT, tempFolder, TS_PATH, type Language } from "./lint-harness.js";
import { mutatedArbitrary } from "./mutation.js";
import { pythonModuleArbitrary } from "./python-arbitrary.js";
import { tsModuleArbitrary } from "./ts-arbitrary.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_501);
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
/** Generous for a loaded 2-core CI machine: these files are a few KB, and lint in milliseconds. */
const MS_PER_CASE = 2_000;
/** A property's whole run, for vitest's own timeout: cases average well under 100 ms. */
const TEST_TIMEOUT_MS = 60_000 + RUNS * 200;

/**
 * The example suite's test files, by path relative to examples/ (which the temporary folder copies, so
 * their imports of the suite's base classes resolve to real files).
 */
function exampleSources(extension: string): Map<string, string> {
  const examples = join(ROOT, "examples");
  const isTestFile = (file: string): boolean => /(?:^|\/)(?:integration|e2e)\//u.test(file) && file.endsWith(extension) && !file.endsWith("__init__.py");
  const files = readdirSync(examples, { recursive: true, encoding: "utf8" }).filter(isTestFile);
  return new Map(files.map((file) => [file, readFileSync(join(examples, file), "utf8")]));
}

interface Tally {
  cases: number;
  /** ESLint runs: two per case. */
  lints: number;
  /** Runs that gave a fatal parsing error. */
  fatal: number;
  /** Runs that gave at least one rule's finding. */
  withFindings: number;
  slowestMs: number;
}

const total: Tally = { cases: 0, lints: 0, fatal: 0, withFindings: 0, slowestMs: 0 };
const tallies = new Map<string, Tally>();
/** Every rule with its defaults. */
let eslint: ESLint;
/**
 * Every file is linted a second time with demanding options (bases to resolve through the example
 * suite's files, required imports, a low test limit), Python ones with the tolerant option too, so
 * the rules also run on trees with errors.
 */
let demandingEslint: ESLint;
let folder: { path: string; remove(): void };

beforeAll(async () => {
  folder = tempFolder("testaudit-fuzz-", true);
  eslint = await createEslint(folder.path);
  demandingEslint = await createEslint(folder.path, { tolerant: true, demanding: true });
  // Loads the TypeScript parser and tree-sitter once, outside any case's time.
  await eslint.lintText("x = 1\n", { filePath: join(folder.path, PYTHON_PATH) });
  await eslint.lintText("export {};\n", { filePath: join(folder.path, TS_PATH) });
});

afterAll(() => {
  folder.remove();
  const line = (name: string, tally: Tally): string =>
    `${name}: ${tally.cases} cases, ${tally.lints} lint runs, ${tally.fatal} parsing errors, ${tally.withFindings} with findings, slowest ${tally.slowestMs.toFixed(0)} ms`;
  console.log([`fuzz (seed ${SEED}, ${RUNS} cases per property)`, ...[...tallies].map(([name, tally]) => `  ${line(name, tally)}`), `  ${line("total", total)}`].join("\n"));
});

/** Lints `text` as the file at `path` (relative to the folder), and reports any problem with the messages or the time. */
async function lintProblems(linter: ESLint, text: string, path: string, language: Language, tally: Tally): Promise<string[]> {
  const started = performance.now();
  const [result] = await linter.lintText(text, { filePath: join(folder.path, path) });
  const elapsed = performance.now() - started;
  const messages = result!.messages;
  for (const counts of [tally, total]) {
    counts.lints += 1;
    counts.slowestMs = Math.max(counts.slowestMs, elapsed);
    counts.fatal += messages.some((message) => message.fatal) ? 1 : 0;
    counts.withFindings += messages.some((message) => message.ruleId?.startsWith("testaudit/")) ? 1 : 0;
  }
  const problems = messageProblems(text, language, messages);
  if (elapsed > MS_PER_CASE) {
    problems.push(`took ${elapsed.toFixed(0)} ms, over ${MS_PER_CASE} ms`);
  }
  return problems;
}

/** One case: throws on anything but located messages in time, with default and with demanding options. */
async function lintsCleanly(text: string, path: string, language: Language, tally: Tally): Promise<void> {
  tally.cases += 1;
  total.cases += 1;
  const problems: string[] = [];
  for (const linter of [eslint, demandingEslint]) {
    problems.push(...(await lintProblems(linter, text, path, language, tally)));
  }
  if (problems.length > 0) {
    throw new Error(problems.join("\n"));
  }
}

/** Runs the property and returns its tally, which the summary prints under `name`. */
async function check<T>(name: string, arbitrary: fc.Arbitrary<T>, lint: (value: T, tally: Tally) => Promise<void>): Promise<Tally> {
  const tally: Tally = { cases: 0, lints: 0, fatal: 0, withFindings: 0, slowestMs: 0 };
  tallies.set(name, tally);
  await fc.assert(
    fc.asyncProperty(arbitrary, (value) => lint(value, tally)),
    { seed: SEED, numRuns: RUNS },
  );
  return tally;
}

/**
 * A generator whose files never parse tests only the error path, and one whose files always parse
 * never reaches it: both kinds must come out, and at least `findingShare` of the runs must reach a
 * rule's finding (mutations break most files on purpose).
 */
function expectBothPaths(tally: Tally, findingShare: number): void {
  expect(tally.cases).toBe(RUNS);
  expect(tally.fatal).toBeGreaterThanOrEqual(tally.lints / 20);
  expect(tally.withFindings).toBeGreaterThanOrEqual(tally.lints * findingShare);
}

describe("Python", () => {
  it("lints generated test modules to located messages", { timeout: TEST_TIMEOUT_MS }, async () => {
    expectBothPaths(await check("Python, generated", pythonModuleArbitrary, (text, tally) => lintsCleanly(text, PYTHON_PATH, "python", tally)), 1 / 5);
  });

  it("lints mutated example files to located messages", { timeout: TEST_TIMEOUT_MS }, async () => {
    expectBothPaths(await check("Python, mutated", mutatedArbitrary(exampleSources(".py")), ({ name, text }, tally) => lintsCleanly(text, name, "python", tally)), 1 / 10);
  });

  it("lints any string at all to located messages", { timeout: TEST_TIMEOUT_MS }, async () => {
    const tally = await check("Python, any string", fc.string({ unit: "binary", maxLength: 200 }), (text, counts) => lintsCleanly(text, PYTHON_PATH, "python", counts));
    expect(tally.cases).toBe(RUNS);
  });
});

describe("TypeScript", () => {
  it("lints generated test files to located messages", { timeout: TEST_TIMEOUT_MS }, async () => {
    expectBothPaths(await check("TypeScript, generated", tsModuleArbitrary, (text, tally) => lintsCleanly(text, TS_PATH, "ts", tally)), 1 / 5);
  });

  it("lints mutated example files to located messages", { timeout: TEST_TIMEOUT_MS }, async () => {
    expectBothPaths(await check("TypeScript, mutated", mutatedArbitrary(exampleSources(".ts")), ({ name, text }, tally) => lintsCleanly(text, name, "ts", tally)), 1 / 10);
  });

  it("lints any string at all to located messages", { timeout: TEST_TIMEOUT_MS }, async () => {
    const tally = await check("TypeScript, any string", fc.string({ unit: "binary", maxLength: 200 }), (text, counts) => lintsCleanly(text, TS_PATH, "ts", counts));
    expect(tally.cases).toBe(RUNS);
  });
});

/** Cases the properties found (shrunk by fast-check), kept so each fix stays fixed. */
describe("what fuzzing found", () => {
  const lint = async (linter: ESLint, text: string, path: string): Promise<string[]> => {
    const [result] = await linter.lintText(text, { filePath: join(folder.path, path) });
    return result!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? "fatal"} ${message.message}`);
  };

  it("reports an unterminated string of a CRLF file where CPython does", async () => {
    const text = '\r\nclass client:\r\n    def test_client():\r\n        "\r\n        ## BVJ\r\n        \r\n        "\r\n        )\r\n    ';
    expect(await lint(eslint, text, PYTHON_PATH)).toEqual(["4:9 fatal Parsing error: unterminated string literal (detected at line 4)"]);
  });

  it("treats an import whose module name holds a NUL (tolerant Python) as a module that is not there", async () => {
    const text = "from test_fra\0mework.ssot import SSotBaseTestCase\n\n\nclass PaymentTests(SSotBaseTestCase):\n    def test_refund(self):\n        pass\n";
    expect(await lint(demandingEslint, text, PYTHON_PATH)).toEqual([
      "4:7 testaudit/require-base-class Cannot tell whether test class 'PaymentTests' inherits from 'test_framework.ssot.SSotBaseTestCase': base 'SSotBaseTestCase' not found in the project's files.",
      "5:9 testaudit/require-base-class Test file imports none of 'test_framework.ssot'.",
      "5:9 testaudit/require-bvj Test 'test_refund' has no Business Value Justification block in its own or class docstring.",
    ]);
  });
});
