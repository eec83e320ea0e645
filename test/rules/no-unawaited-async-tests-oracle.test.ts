/**
 * no-unawaited-async-tests against what pytest really does (Debian's pytest 7.2, no plugins): in a tree
 * of real, importable files where every async test asserts False, a test that runs fails, and one that
 * never runs passes (a coroutine unittest dropped) or is skipped (pytest's "async def functions are not
 * natively supported"). The rule must report only tests that never run, and every one of them except
 * those it cannot tell from the code (named `test_unknowable_*`). The audit's judgement must agree with
 * the rule, site for site.
 */
import { rmSync } from "node:fs";
import { join, relative } from "node:path";
import dedent from "dedent";
import { ESLint, type Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin, { getTestFileModel } from "../../src/index.js";
import { judgeUnawaitedAsyncTests, DEFAULT_UNAWAITED_ASYNC_OPTIONS } from "../../src/policies/unawaited-async.js";
import { runPytestTests, type TestOutcomes } from "../pytest-oracle.js";
import { writeTree } from "../temp-tree.js";

const TREE = {
  "pytest.ini": "[pytest]\n",
  "tests/__init__.py": "",
  "support/__init__.py": "from support.bases import ServiceCase\nfrom unittest import IsolatedAsyncioTestCase as AsyncCase\n",
  "support/bases.py": dedent`
    import asyncio
    import functools
    import unittest


    class ServiceCase(unittest.TestCase):
        def setUp(self):
            self.service = "orders"


    class LoopCase(unittest.TestCase):
        def _callTestMethod(self, method):
            result = method()
            if asyncio.iscoroutine(result):
                asyncio.run(result)


    class AsyncServiceCase(unittest.IsolatedAsyncioTestCase):
        pass


    class OrderChecks:
        async def test_mixin_stored(self):
            assert False


    def run_in_loop(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            asyncio.run(fn(*args, **kwargs))

        return wrapper


    def identity(fn):
        return fn


    async def test_imported_function():
        assert False
  `,
  "tests/test_unittest.py": dedent`
    import unittest
    from unittest import mock

    from support import AsyncCase, ServiceCase
    from support.bases import AsyncServiceCase, LoopCase, OrderChecks, identity, run_in_loop


    class PlainTests(unittest.TestCase):
        async def test_plain(self):
            assert False

        def test_sync(self):
            assert False


    class ReexportedTests(ServiceCase):
        async def test_reexported(self):
            assert False


    class MixedTests(OrderChecks, ServiceCase):
        pass


    class PatchedTests(unittest.TestCase):
        @unittest.skipIf(False, "never")
        @mock.patch("os.getcwd")
        async def test_patched(self, getcwd):
            assert False


    class AwaitedTests(AsyncCase):
        async def test_awaited(self):
            assert False


    class AwaitedServiceTests(AsyncServiceCase):
        async def test_awaited_service(self):
            assert False


    class LoopTests(LoopCase):
        async def test_loop(self):
            assert False


    class WrappedTests(unittest.TestCase):
        @run_in_loop
        async def test_wrapped(self):
            assert False

        @identity
        async def test_unknowable_identity(self):
            assert False
  `,
  "tests/test_pytest_style.py": dedent`
    from support.bases import OrderChecks, identity, run_in_loop, test_imported_function


    async def test_module():
        assert False


    class TestOrders:
        async def test_method(self):
            assert False

        class TestNested:
            async def test_nested(self):
                assert False


    class TestMixin(OrderChecks):
        pass


    @run_in_loop
    async def test_wrapped_function():
        assert False


    @identity
    async def test_unknowable_identity_function():
        assert False
  `,
  "hooked/conftest.py": dedent`
    import asyncio
    import inspect

    import pytest


    @pytest.hookimpl(tryfirst=True)
    def pytest_pyfunc_call(pyfuncitem):
        if inspect.iscoroutinefunction(pyfuncitem.obj):
            asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}))
            return True
        return None
  `,
  "hooked/test_hooked.py": "async def test_hooked():\n    assert False\n",
};

/** What pytest does with each test of the tree: pinned, so the tree is known to hold the cases it names. */
const PYTEST_OUTCOMES: TestOutcomes = {
  "hooked/test_hooked.py::test_hooked": "FAILED",
  "tests/test_pytest_style.py::TestMixin::test_mixin_stored": "SKIPPED",
  "tests/test_pytest_style.py::TestOrders::TestNested::test_nested": "SKIPPED",
  "tests/test_pytest_style.py::TestOrders::test_method": "SKIPPED",
  "tests/test_pytest_style.py::test_imported_function": "SKIPPED",
  "tests/test_pytest_style.py::test_module": "SKIPPED",
  "tests/test_pytest_style.py::test_unknowable_identity_function": "SKIPPED",
  "tests/test_pytest_style.py::test_wrapped_function": "FAILED",
  "tests/test_unittest.py::AwaitedServiceTests::test_awaited_service": "FAILED",
  "tests/test_unittest.py::AwaitedTests::test_awaited": "FAILED",
  "tests/test_unittest.py::LoopTests::test_loop": "FAILED",
  "tests/test_unittest.py::MixedTests::test_mixin_stored": "PASSED",
  "tests/test_unittest.py::PatchedTests::test_patched": "PASSED",
  "tests/test_unittest.py::PlainTests::test_plain": "PASSED",
  "tests/test_unittest.py::PlainTests::test_sync": "FAILED",
  "tests/test_unittest.py::ReexportedTests::test_reexported": "PASSED",
  "tests/test_unittest.py::WrappedTests::test_unknowable_identity": "PASSED",
  "tests/test_unittest.py::WrappedTests::test_wrapped": "FAILED",
};

/** A rule that reports, at each site, the id of every test the audit's judgement finds non-compliant. */
const judgementProbe = {
  rules: {
    judgement: {
      meta: { type: "problem", languages: ["testaudit/python"], schema: [] },
      create(context: Parameters<typeof getTestFileModel>[0] & { report(descriptor: object): void }) {
        return {
          module: () => {
            const model = getTestFileModel(context);
            const judgement = judgeUnawaitedAsyncTests(model, DEFAULT_UNAWAITED_ASYNC_OPTIONS);
            model.tests.forEach((test, index) => {
              for (const line of judgement.tests![index]!.sites) {
                context.report({ loc: { line, column: 0 }, message: test.id });
              }
            });
          },
        };
      },
    },
  },
};

describe("no-unawaited-async-tests against pytest 7.2", () => {
  let root = "";
  let outcomes: TestOutcomes = {};
  let results: ESLint.LintResult[] = [];

  beforeAll(async () => {
    root = writeTree(TREE, "testaudit-unawaited-oracle-");
    outcomes = await runPytestTests(root);
    const config: Linter.Config[] = [
      {
        files: ["**/*.py"],
        language: "testaudit/python",
        plugins: { testaudit: plugin, probe: judgementProbe } as Linter.Config["plugins"],
        rules: { "testaudit/no-unawaited-async-tests": "error", "probe/judgement": "error" },
      },
    ];
    results = await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config }).lintFiles(["**/*.py"]);
  }, 60_000);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** The node id of each test the judgement finds non-compliant. */
  const judged = (): string[] =>
    results.flatMap((result) => result.messages.filter((message) => message.ruleId === "probe/judgement").map((message) => `${relative(root, result.filePath)}::${message.message}`)).sort();

  it("runs the tree as pinned", () => {
    expect(outcomes).toEqual(PYTEST_OUTCOMES);
  });

  it("finds only tests that never run, and every one of them that the code tells", () => {
    const neverRun = Object.keys(outcomes).filter((id) => outcomes[id] !== "FAILED");
    expect(judged()).toEqual(neverRun.filter((id) => !id.includes("::test_unknowable_")).sort());
  });

  it("reports exactly where the judgement puts its sites", () => {
    for (const result of results) {
      const lines = (ruleId: string): number[] => result.messages.filter((message) => message.ruleId === ruleId).map((message) => message.line);
      expect(lines("testaudit/no-unawaited-async-tests"), relative(root, result.filePath)).toEqual(lines("probe/judgement"));
      expect(result.messages.filter((message) => message.fatal === true)).toEqual([]);
    }
    expect(results.map((result) => relative(root, result.filePath))).toContain(join("tests", "test_unittest.py"));
  });
});
