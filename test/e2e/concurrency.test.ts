/**
 * `eslint --concurrency`: the real eslint binary with the plugin's recommended config, run in one thread,
 * with `--concurrency 2` and with `--concurrency auto`, must report exactly the same thing. With threads,
 * every worker loads the plugin, and so tree-sitter's native binding, on its own.
 *
 * Corpus (deterministic, chosen to keep the three runs near 30 s on two cores): every sixth `*.py`
 * file of CPython's test suite in sorted path order and every `badsyntax_*.py` fixture (about 135
 * files), copied under `tests/integration/` so the recommended globs take them, and 150 files of the
 * benchmark's generated JS/TS corpus (bench/generate-js-corpus.mjs, its default seed).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateJsCorpus } from "../../bench/generate-js-corpus.mjs";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const eslintBin = join(dirname(createRequire(import.meta.url).resolve("eslint/package.json")), "bin", "eslint.js");

/** Debian's libpython3.11-testsuite: the benchmark's Python corpus. */
const CPYTHON_TESTS = "/usr/lib/python3.11/test";
const JS_FILES = 150;
/** ESLint's own number (lib/eslint/eslint.js, AUTO_FILES_PER_WORKER): `auto` starts one worker per 50 files. */
const AUTO_FILES_PER_WORKER = 50;

interface LintMessage {
  ruleId: string | null;
  message: string;
  fatal?: boolean;
}

interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  source?: string;
}

interface Run {
  /** Results sorted by path, paths relative to the tree, without each file's source text. */
  results: LintResult[];
  /** What ESLint's debug log says it did: "single-thread" or the number of worker threads. */
  threads: string;
}

function pythonFilesUnder(directory: string): string[] {
  const files: string[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        visit(path);
      } else if (entry.isFile() && entry.name.endsWith(".py")) {
        files.push(relative(directory, path));
      }
    }
  };
  visit(directory);
  return files.sort();
}

/**
 * The worker threads ESLint starts for `auto`: one per 50 files, at most half the cores, and none
 * rather than one. On a two-core machine that is always none.
 */
function expectedAutoThreads(fileCount: number): string {
  const workers = Math.min(Math.ceil(fileCount / AUTO_FILES_PER_WORKER), availableParallelism() >> 1);
  return workers <= 1 ? "single-thread" : String(workers);
}

describe("eslint --concurrency on the benchmark corpus", () => {
  let tree: string;
  let pythonFiles: string[];
  let jsFiles: string[];
  let serial: Run;

  function eslint(extraArgs: string[]): Run {
    const report = join(tree, `report-${extraArgs.join("") || "serial"}.json`);
    // ESLint's debug log is the one place that says whether it started worker threads.
    const run = spawnSync(process.execPath, [eslintBin, "--format", "json", "--output-file", report, ...extraArgs, "cpython", "web"], {
      cwd: join(tree, "project"),
      encoding: "utf8",
      // Without colours the debug lines are plain text, whatever the environment asks for.
      env: { ...process.env, DEBUG: "eslint:eslint", DEBUG_COLORS: "no" },
    });
    const log = run.stderr.split("\n");
    const threadLine = log.find((line) => / eslint:eslint Linting (?:in single-thread mode|using \d+ worker thread)/u.test(line));
    // With threads ESLint may warn that they did not pay off; nothing else may be printed.
    const otherOutput = log.filter((line) => line !== "" && !/ eslint:eslint |ESLintPoorConcurrencyWarning|--trace-warnings/u.test(line));
    expect({ status: run.status, otherOutput }).toEqual({ status: 1, otherOutput: [] });
    const results = (JSON.parse(readFileSync(report, "utf8")) as LintResult[])
      .map(({ source: _source, ...result }) => ({ ...result, filePath: relative(tree, result.filePath) }))
      .sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
    const threads = /using (\d+) worker/u.exec(threadLine ?? "")?.[1] ?? (threadLine ? "single-thread" : "not logged");
    return { results, threads };
  }

  beforeAll(() => {
    if (!existsSync(CPYTHON_TESTS)) {
      throw new Error(`${CPYTHON_TESTS} is missing: install Debian's libpython3.11-testsuite (apt-get install -y libpython3.11-testsuite).`);
    }
    tree = mkdtempSync(join(tmpdir(), "testaudit-concurrency-"));
    const project = join(tree, "project");
    pythonFiles = pythonFilesUnder(CPYTHON_TESTS).filter((path, index) => index % 6 === 0 || basename(path).startsWith("badsyntax_"));
    for (const file of pythonFiles) {
      const target = join(project, "cpython/tests/integration", file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(CPYTHON_TESTS, file), target);
    }
    jsFiles = generateJsCorpus(join(project, "web"), { files: JS_FILES }).files;
    const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;
    writeFileSync(join(project, "eslint.config.js"), `import testaudit from ${JSON.stringify(plugin)};\n\nexport default testaudit.configs.recommended;\n`);
    serial = eslint([]);
  });

  afterAll(() => {
    if (tree) {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it("lints every corpus file in one thread, with problems from every rule and no crash", () => {
    expect(serial.threads).toBe("single-thread");
    expect(serial.results.length).toBe(pythonFiles.length + jsFiles.length);
    const count = (predicate: (message: LintMessage) => boolean): number =>
      serial.results.reduce((sum, result) => sum + result.messages.filter(predicate).length, 0);
    // A plugin that failed to load in a thread would show as "tree-sitter failed" or as rules not running.
    expect(count((message) => message.fatal === true && !message.message.startsWith("Parsing error:"))).toBe(0);
    expect(count((message) => message.message.includes("tree-sitter failed"))).toBe(0);
    expect(count((message) => message.fatal === true)).toBeGreaterThan(0);
    for (const rule of ["no-mocks", "require-base-class", "require-bvj", "max-tests-per-file"]) {
      expect(count((message) => message.ruleId === `testaudit/${rule}`), rule).toBeGreaterThan(0);
    }
  });

  it("--concurrency 2 starts two worker threads and reports exactly what one thread does", () => {
    const parallel = eslint(["--concurrency", "2"]);
    expect(parallel.threads).toBe("2");
    expect(parallel.results).toEqual(serial.results);
  }, 120_000);

  it("--concurrency auto reports exactly what one thread does", () => {
    const auto = eslint(["--concurrency", "auto"]);
    expect(auto.threads).toBe(expectedAutoThreads(pythonFiles.length + jsFiles.length));
    expect(auto.results).toEqual(serial.results);
  }, 120_000);
});
