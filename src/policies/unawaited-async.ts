/**
 * The awaited-tests policy over a test-file model: a test must not start work its runner never waits
 * for, since then it passes (or is skipped) whatever that work does. In Python, an `async def` test that
 * no runner awaits: on a unittest.TestCase that is no IsolatedAsyncioTestCase (unittest calls it, drops
 * the coroutine and counts a pass), or pytest-style with no async plugin set up to run it (pytest skips
 * it with a warning; from pytest 8.4 on it fails). In JS/TS, a promise a test's function makes in a
 * statement of its own and neither returns nor awaits. Where the model cannot tell (a base outside the
 * project, a decorator that may wrap the function, a plugin or hook it cannot see through), nothing is
 * found. Shared by the `no-unawaited-async-tests` rule and the CLI's audit.
 */
import type { ClassFacts, CollectedTest, CoroutineFacts, DroppedPromise, Loc, PytestAsyncSupport, TestFileModel } from "../model/test-file-model.js";
import type { PolicyJudgement } from "./judgement.js";

export interface UnawaitedAsyncOptions {
  /** More base classes (plain or dotted names) whose runner awaits `async def` test methods. */
  asyncBases: readonly string[];
}

export const DEFAULT_UNAWAITED_ASYNC_OPTIONS: UnawaitedAsyncOptions = { asyncBases: [] };

/**
 * unittest.TestCase subclasses whose runner awaits (or, for Tornado, refuses) a coroutine test method:
 * the standard library's, asynctest's and aiounittest's, Twisted trial's TestCase (recent versions),
 * Django's test cases (from Django 3.1), and Tornado's AsyncTestCase, which fails an undecorated one.
 */
export const ASYNC_TEST_CASES: readonly string[] = [
  "unittest.IsolatedAsyncioTestCase",
  "unittest.async_case.IsolatedAsyncioTestCase",
  "asynctest.TestCase",
  "asynctest.case.TestCase",
  "aiounittest.AsyncTestCase",
  "twisted.trial.unittest.TestCase",
  "django.test.SimpleTestCase",
  "django.test.testcases.SimpleTestCase",
  "tornado.testing.AsyncTestCase",
];

/** pytest marks that hand a coroutine test to an async plugin: pytest-asyncio, AnyIO, pytest-trio, pytest-tornado. */
const RUNNER_MARKS: ReadonlySet<string> = new Set(["asyncio", "anyio", "trio", "gen_test"]);

/** `pytest.mark.x`, `mark.x`: a mark, which leaves the function as it is. */
const MARK = /(?:^|\.)mark\.\w+$/u;

/** Decorators that leave a coroutine function a coroutine function: marks, unittest's skips, unittest.mock's patchers. */
const KEEPS_COROUTINE = [MARK, /^(?:unittest\.)?(?:skip|skipIf|skipUnless|expectedFailure)$/u, /^(?:(?:unittest\.)?mock\.)?patch(?:\.(?:object|dict|multiple))?$/u];

/**
 * Plugins that run a coroutine test only when a mark or a setting asks (pytest-asyncio, AnyIO, pytest-trio)
 * and pytest's own plugins, by module or entry-point name (`-p`, `pytest_plugins`) and by distribution
 * (`required_plugins`). Any other plugin may run every coroutine test (pytest-tornasync does).
 */
const MARK_DRIVEN_PLUGINS: ReadonlySet<string> = new Set([
  "asyncio", "pytest_asyncio", "pytest_asyncio.plugin", "pytest-asyncio",
  "anyio", "anyio.pytest_plugin",
  "trio", "pytest_trio", "pytest_trio.plugin", "pytest-trio",
  "pytester",
]);

/** Hooks that call the test function: a conftest.py that defines one may run coroutines itself. */
const CALLING_HOOKS: ReadonlySet<string> = new Set(["pytest_pyfunc_call", "pytest_runtest_call", "pytest_runtest_protocol"]);

/** Hooks that can mark, wrap or replace collected tests or load plugins: they count when their text speaks of coroutines or plugins. */
const CHANGING_HOOKS: ReadonlySet<string> = new Set([
  "pytest_collection_modifyitems", "pytest_itemcollected", "pytest_pycollect_makeitem", "pytest_pycollect_makemodule",
  "pytest_collection", "pytest_generate_tests", "pytest_runtest_setup", "pytest_configure", "pytest_sessionstart",
  "pytest_load_initial_conftests", "pytest_cmdline_main", "pytest_plugin_registered", "pytest_addhooks",
]);

/** pytest's reading of a boolean setting's false values. */
const FALSE_WORDS: ReadonlySet<string> = new Set(["n", "no", "f", "false", "off", "0"]);

export type UnawaitedFinding =
  /** An `async def` test on a unittest.TestCase whose runner never awaits it. */
  | { kind: "unawaitedTestCase"; test: CollectedTest; cls: ClassFacts; loc: Loc }
  /** A pytest-style `async def` test no async plugin is set up to run. */
  | { kind: "unrunCoroutine"; test: CollectedTest; loc: Loc }
  /** A JS/TS test that makes a promise and drops it. */
  | { kind: "droppedPromise"; test: CollectedTest; promise: DroppedPromise; loc: Loc };

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

function isRunnerMark(name: string): boolean {
  return MARK.test(name) && RUNNER_MARKS.has(lastSegment(name));
}

/** Where a Python finding about `test` is reported: where its class collects it, for an inherited test. */
function testSite(test: CollectedTest): Loc {
  return test.inherited && test.cls ? test.cls.nameLoc : test.nameLoc;
}

/** Whether a known base may stand between the test and its runner: a decorator that may wrap it, or a class method that calls tests. */
function mayBeWrapped(coroutine: CoroutineFacts): boolean {
  return coroutine.runnerMethods.length > 0 || coroutine.decorators.some((name) => !KEEPS_COROUTINE.some((pattern) => pattern.test(name)));
}

/** A class that does not reach unittest.TestCase for certain, or whose bases cannot all be followed. */
function mayBeTestCase(model: TestFileModel, cls: ClassFacts): boolean {
  const resolution = model.resolveBases(cls, ["unittest.TestCase"]);
  return resolution.reached || resolution.unresolved.length > 0 || resolution.undetermined.length > 0;
}

/** Whether the configuration, the conftest.py files and their plugins may run a coroutine test without a mark. */
function runsUnmarkedCoroutines(support: PytestAsyncSupport): boolean {
  if (support.asyncioMode !== null && support.asyncioMode.trim().toLowerCase() !== "strict") {
    return true;
  }
  if (support.trioMode !== null && !FALSE_WORDS.has(support.trioMode.trim().toLowerCase())) {
    return true;
  }
  // A plugin the project does not hold may run every coroutine test; the project's own are read for their hooks.
  const distribution = (name: string): string => name.split(/[<>=!~;[ ]/u, 1)[0]!;
  if (support.plugins.some((plugin) => plugin.path === null && !MARK_DRIVEN_PLUGINS.has(distribution(plugin.name)))) {
    return true;
  }
  return support.hooks.some((hook) => CALLING_HOOKS.has(hook.name) || (CHANGING_HOOKS.has(hook.name) && hook.mentionsAsync));
}

function unawaitedCoroutine(model: TestFileModel, test: CollectedTest, coroutine: CoroutineFacts, asyncBases: readonly string[]): UnawaitedFinding | null {
  if (mayBeWrapped(coroutine)) {
    return null;
  }
  const cls = test.cls;
  if (cls?.unittest) {
    const resolution = model.resolveBases(cls, asyncBases);
    const notAsync = !resolution.reached && resolution.unresolved.length === 0 && resolution.undetermined.length === 0;
    return notAsync ? { kind: "unawaitedTestCase", test, cls, loc: testSite(test) } : null;
  }
  if (cls && mayBeTestCase(model, cls)) {
    return null;
  }
  if (coroutine.decorators.some(isRunnerMark) || coroutine.pytestmarks.some((name) => isRunnerMark(name) || !MARK.test(name))) {
    return null;
  }
  const support = model.pytestAsyncSupport();
  if (!support || runsUnmarkedCoroutines(support) || support.requestedFixtures(test).has("anyio_backend")) {
    return null;
  }
  return { kind: "unrunCoroutine", test, loc: testSite(test) };
}

/** Every finding, test by test in the model's order. */
export function findUnawaitedAsyncTests(model: TestFileModel, options: UnawaitedAsyncOptions): UnawaitedFinding[] {
  const findings: UnawaitedFinding[] = [];
  const asyncBases = [...ASYNC_TEST_CASES, ...options.asyncBases];
  for (const test of model.tests) {
    if (test.coroutine) {
      const finding = unawaitedCoroutine(model, test, test.coroutine, asyncBases);
      if (finding) {
        findings.push(finding);
      }
    }
    // With a `done` parameter the runner waits for the test to call it, which it may do once a promise settles.
    if (test.callback && !test.callback.doneParameter) {
      for (const promise of test.callback.droppedPromises) {
        findings.push({ kind: "droppedPromise", test, promise, loc: promise.loc });
      }
    }
  }
  return findings;
}

export function judgeUnawaitedAsyncTests(model: TestFileModel, options: UnawaitedAsyncOptions): PolicyJudgement {
  const findings = findUnawaitedAsyncTests(model, options);
  const sitesOf = new Map<CollectedTest, number[]>();
  for (const finding of findings) {
    sitesOf.set(finding.test, [...(sitesOf.get(finding.test) ?? []), finding.loc.start.line]);
  }
  return {
    compliant: findings.length === 0,
    sites: findings.map((finding) => finding.loc.start.line),
    tests: model.tests.map((test) => {
      const sites = sitesOf.get(test) ?? [];
      return { compliant: sites.length === 0, sites };
    }),
  };
}
