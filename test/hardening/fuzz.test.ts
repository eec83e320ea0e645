/**
 * Property-based hardening: random and mutated Python and TypeScript test files go through the real
 * ESLint with every testaudit rule, and every result must be located messages only (a fatal parsing
 * error included), never an exception, within a time bound per file.
 *
 * The seed is fixed so CI runs the same cases every time; FUZZ_SEED and FUZZ_RUNS (cases per
 * property) run others or more locally, e.g. `FUZZ_RUNS=4000 FUZZ_SEED=7 npx vitest run test/hardening/fuzz.test.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ESLint } from "eslint";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEslint, messageProblems, PYTHON_PATH, ROOT, tempFolder, TS_PATH, type Language } from "./lint-harness.js";
import { mutatedArbitrary } from "./mutation.js";
import { pythonModuleArbitrary } from "./python-arbitrary.js";
import { tsModuleArbitrary } from "./ts-arbitrary.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_501);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Generous for a loaded 2-core CI machine: these files are a few KB, and lint in milliseconds. */
const MS_PER_CASE = 2_000;

/**
 * The example suite's test files, by path relative to examples/ (which the temporary folder copies, so
 * their imports of the suite's base classes resolve to real files).
 */
function exampleSources(extension: string): Map<string, string> {
  const examples = join(ROOT, "examples");
  const isTestFile = (file: string): boolean => /(?:^|\/)(?:integration|e2e)\//u.test(file) && file.endsWith(extension) && !file.endsWith("__init__.py");
  const files = readdirSync(examples, { recursive: true, encoding: "utf8" }).filter(isTestFile);
  return new Map(files.map((file) => [relative(examples, join(examples, file)), readFileSync(join(examples, file), "utf8")]));
}

interface Tally {
  cases: number;
  /** ESLint runs: Python cases run twice, strict and tolerant. */
  lints: number;
  /** Runs that gave a fatal parsing error. */
  fatal: number;
  /** Runs that gave at least one rule's finding. */
  withFindings: number;
  slowestMs: number;
}

const total: Tally = { cases: 0, lints: 0, fatal: 0, withFindings: 0, slowestMs: 0 };
const tallies = new Map<string, Tally>();
let eslint: ESLint;
/** Python files are linted a second time with the tolerant option: then the rules run on trees with errors. */
let tolerantEslint: ESLint;
let folder: { path: string; remove(): void };

beforeAll(async () => {
  folder = tempFolder("testaudit-fuzz-", true);
  eslint = await createEslint(folder.path);
  tolerantEslint = await createEslint(folder.path, { tolerant: true });
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

/** One case: throws on anything but located messages in time, for Python both strict and tolerant. */
async function lintsCleanly(text: string, path: string, language: Language, tally: Tally): Promise<void> {
  tally.cases += 1;
  total.cases += 1;
  const linters = language === "python" ? [eslint, tolerantEslint] : [eslint];
  const problems: string[] = [];
  for (const linter of linters) {
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
  it("lints generated test modules to located messages", async () => {
    expectBothPaths(await check("Python, generated", pythonModuleArbitrary, (text, tally) => lintsCleanly(text, PYTHON_PATH, "python", tally)), 1 / 5);
  });

  it("lints mutated example files to located messages", async () => {
    expectBothPaths(await check("Python, mutated", mutatedArbitrary(exampleSources(".py")), ({ name, text }, tally) => lintsCleanly(text, name, "python", tally)), 1 / 10);
  });

  it("lints any string at all to located messages", async () => {
    const tally = await check("Python, any string", fc.string({ unit: "binary", maxLength: 200 }), (text, counts) => lintsCleanly(text, PYTHON_PATH, "python", counts));
    expect(tally.cases).toBe(RUNS);
  });
});

describe("TypeScript", () => {
  it("lints generated test files to located messages", async () => {
    expectBothPaths(await check("TypeScript, generated", tsModuleArbitrary, (text, tally) => lintsCleanly(text, TS_PATH, "ts", tally)), 1 / 5);
  });

  it("lints mutated example files to located messages", async () => {
    expectBothPaths(await check("TypeScript, mutated", mutatedArbitrary(exampleSources(".ts")), ({ name, text }, tally) => lintsCleanly(text, name, "ts", tally)), 1 / 10);
  });

  it("lints any string at all to located messages", async () => {
    const tally = await check("TypeScript, any string", fc.string({ unit: "binary", maxLength: 200 }), (text, counts) => lintsCleanly(text, TS_PATH, "ts", counts));
    expect(tally.cases).toBe(RUNS);
  });
});
