/**
 * pytest itself as the judge of what testaudit counts: in a folder of real, importable Python files
 * (test/temp-tree.ts writes one), Debian's pytest (`/usr/bin/python3 -m pytest`, pytest 7.2) lists what
 * it collects, and the real `testaudit` binary reports what it counts. Both are read as test ids per
 * file (`Class::Nested::test_name`), with the cases of a parametrized test folded into one, as testaudit
 * counts them.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AuditReport } from "../src/audit/report-types.js";

/** The oracle's interpreter: Debian's python3, whose pytest is python3-pytest (not a pyenv or venv pytest on PATH). */
export const ORACLE_PYTHON = "/usr/bin/python3";

const repository = dirname(dirname(fileURLToPath(import.meta.url)));
const testauditBin = join(repository, "dist/src/cli/main.js");

/** Relative path (with `/`) → the sorted ids of the tests collected from it; files without tests are left out. */
export type TestIds = Record<string, string[]>;

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

/**
 * Only what pytest needs: no PYTEST_ADDOPTS, PYTHONPATH or user site-packages from the environment, no
 * plugins installed beside pytest, and no bytecode left in the tree.
 */
const PYTEST_ENV = {
  PATH: "/usr/bin:/bin",
  LANG: "C.UTF-8",
  PYTHONDONTWRITEBYTECODE: "1",
  PYTHONNOUSERSITE: "1",
  PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1",
};

/**
 * `pytest --collect-only` on `folder` of the tree at `root`, leaving out `ignore`. The tree is the
 * rootdir, so node ids are relative to it whichever configuration file pytest picks.
 */
export function runPytest(root: string, folder = ".", ignore: readonly string[] = []): Promise<CommandResult> {
  const args = ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", `--rootdir=${root}`, ...ignore.map((path) => `--ignore=${path}`), folder];
  return run(ORACLE_PYTHON, args, { cwd: root, env: PYTEST_ENV });
}

/** What pytest made of each test it ran: its node id (`tests/test_a.py::Class::test_name`) → PASSED, FAILED, SKIPPED, ERROR, XFAIL or XPASS. */
export type TestOutcomes = Record<string, string>;

/**
 * Runs the tests of `folder` of the tree at `root` (`pytest -v`, the tree as rootdir) and reads each
 * test's outcome from the verbose lines. pytest exits 1 when a test fails, which is an outcome too.
 */
export async function runPytestTests(root: string, folder = "."): Promise<TestOutcomes> {
  const args = ["-m", "pytest", "-v", "-p", "no:cacheprovider", `--rootdir=${root}`, folder];
  const result = await run(ORACLE_PYTHON, args, { cwd: root, env: PYTEST_ENV });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`pytest exited ${String(result.status)} in ${join(root, folder)}:\n${result.stdout}${result.stderr}`);
  }
  const outcomes: TestOutcomes = {};
  for (const match of result.stdout.matchAll(/^(\S+::\S+) (PASSED|FAILED|SKIPPED|ERROR|XFAIL|XPASS)\b/gmu)) {
    outcomes[match[1]!] = match[2]!;
  }
  return outcomes;
}

/** Adds the node ids of `pytest -q --collect-only` output (they come first, up to the first blank line) to `ids`. */
function readNodeIds(output: string, ids: Map<string, Set<string>>): void {
  for (const line of output.split("\n")) {
    if (line === "") {
      return;
    }
    const separator = line.indexOf("::");
    if (separator === -1) {
      continue;
    }
    const file = line.slice(0, separator);
    // `test_total[EUR-2]`: the parameters come after the function's name, which holds no `[`.
    const test = line.slice(separator + 2).replace(/\[.*$/su, "");
    const tests = ids.get(file) ?? new Set<string>();
    tests.add(test);
    ids.set(file, tests);
  }
}

function sortedIds(ids: Map<string, Iterable<string>>): TestIds {
  return Object.fromEntries(
    [...ids]
      .map(([file, tests]) => [file, [...tests].sort()] as const)
      .filter(([, tests]) => tests.length > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * What pytest collects in the tree at `root`, run once on each of `runs` (folders relative to the
 * tree). A run leaves out the other runs' folders inside its own, so a nested project is collected by
 * the run that starts in it, with the configuration pytest finds from there.
 */
export async function pytestTestIds(root: string, runs: readonly string[] = ["."]): Promise<TestIds> {
  const ids = new Map<string, Set<string>>();
  for (const folder of runs) {
    const inside = runs.filter((other) => other !== folder && (folder === "." || other.startsWith(`${folder}/`)));
    const result = await runPytest(root, folder, inside);
    // 5 is pytest's "no tests collected".
    if (result.status !== 0 && result.status !== 5) {
      throw new Error(`pytest exited ${String(result.status)} in ${join(root, folder)}:\n${result.stdout}${result.stderr}`);
    }
    readNodeIds(result.stdout, ids);
  }
  return sortedIds(ids);
}

/**
 * The ESLint config testaudit audits the tree with: every Python file, with testaudit's Python language
 * and a rule that counts tests and never fires.
 */
function auditConfig(): string {
  const plugin = pathToFileURL(join(repository, "dist/src/index.js")).href;
  return [
    `import testaudit from ${JSON.stringify(plugin)};`,
    "export default [",
    '  { ...testaudit.configs["recommended-python"], files: ["**/*.py"], rules: { "testaudit/max-tests-per-file": ["error", { max: 10000 }] } },',
    "];",
    "",
  ].join("\n");
}

/** Runs the built `testaudit` binary on the tree at `root` (its config is written beside the tree's files, as `eslint.config.mjs`). */
function runTestaudit(root: string): Promise<CommandResult> {
  const config = join(root, "eslint.config.mjs");
  writeFileSync(config, auditConfig());
  return run(process.execPath, [testauditBin, "--format", "json", "--no-progress", "--config", config, "."], { cwd: root });
}

/** What testaudit counts in the tree at `root`, from the JSON report of the real binary, and what it warned about on stderr. */
export async function testauditTestIds(root: string): Promise<{ ids: TestIds; stderr: string }> {
  const result = await runTestaudit(root);
  if (result.status !== 0) {
    throw new Error(`testaudit exited ${String(result.status)} in ${root}:\n${result.stdout}${result.stderr}`);
  }
  const report = JSON.parse(result.stdout) as AuditReport;
  return { ids: sortedIds(new Map(report.files.map((file) => [file.path, file.tests.map((test) => test.id)]))), stderr: result.stderr };
}

/** The ids of the files under `folder`, with paths relative to it. */
export function idsWithin(ids: TestIds, folder: string): TestIds {
  return Object.fromEntries(Object.entries(ids).filter(([file]) => file.startsWith(`${folder}/`)).map(([file, tests]) => [file.slice(folder.length + 1), tests]));
}

/** Test counts per file, for messages and reports that speak of numbers. */
export function countsOf(ids: TestIds): Record<string, number> {
  return Object.fromEntries(Object.entries(ids).map(([file, tests]) => [file, tests.length]));
}

/**
 * Starts `tasks` at most `concurrency` at a time (the machines have two cores) and returns each task's
 * promise, so a test can wait for its own result while the others run.
 */
export function inTurns<T>(tasks: readonly (() => Promise<T>)[], concurrency = 2): Promise<T>[] {
  let running = 0;
  const waiting: (() => void)[] = [];
  const inTurn = async (task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
  return tasks.map((task) => {
    const result = inTurn(task);
    // Each test awaits its own result; one that fails before its test runs must not count as unhandled.
    result.catch(() => undefined);
    return result;
  });
}

/** What pytest did with one test: skipped it (and why), ran it as an expected failure (and why), or ran it. */
export interface PytestOutcome {
  outcome: "skipped" | "xfailed" | "ran";
  /** pytest's reason: its skip message without `Skipped: `, or the xfail reason; "" when it ran. */
  reason: string;
}

/**
 * A pytest plugin that writes, for each test, what pytest did with it (see PytestOutcome) to the JSON
 * file named by TESTAUDIT_OUTCOMES, keyed by node id.
 */
const OUTCOME_PLUGIN = `
import json, os

outcomes = {}

def pytest_runtest_logreport(report):
    if hasattr(report, "wasxfail"):
        # An xfail raised at run time (pytest.xfail, expectedFailure) is told as "reason: <why>".
        reason = report.wasxfail
        outcomes[report.nodeid] = {"outcome": "xfailed", "reason": reason[len("reason: "):] if reason.startswith("reason: ") else reason}
    elif report.skipped:
        message = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        outcomes[report.nodeid] = {"outcome": "skipped", "reason": message[len("Skipped: "):] if message.startswith("Skipped: ") else message}
    elif report.when == "call":
        outcomes.setdefault(report.nodeid, {"outcome": "ran", "reason": ""})

def pytest_sessionfinish(session):
    with open(os.environ["TESTAUDIT_OUTCOMES"], "w") as file:
        json.dump(outcomes, file)
`;

/** Runs pytest on the tree at `root` (tests and all: they must be harmless) and reads what it did with each test, by node id. */
export async function pytestOutcomes(root: string, scratch: string): Promise<Record<string, PytestOutcome>> {
  writeFileSync(join(scratch, "testaudit_outcomes.py"), OUTCOME_PLUGIN);
  const outcomes = join(scratch, "outcomes.json");
  const args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "testaudit_outcomes", `--rootdir=${root}`, "."];
  const result = await run(ORACLE_PYTHON, args, { cwd: root, env: { ...PYTEST_ENV, PYTHONPATH: scratch, TESTAUDIT_OUTCOMES: outcomes } });
  // 0: all passed or skipped; 1: some failed.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`pytest exited ${String(result.status)} in ${root}:\n${result.stdout}${result.stderr}`);
  }
  return JSON.parse(readFileSync(outcomes, "utf8")) as Record<string, PytestOutcome>;
}
