/**
 * testaudit/no-unawaited-async-tests on Python files: an `async def` test on a unittest.TestCase that is
 * not an async test case (unittest calls it, drops the coroutine and counts a pass), and a pytest-style
 * `async def` test that no mark, setting, plugin or hook gives to an async plugin (pytest skips it). Where
 * the model cannot tell (a base or plugin outside the project, a decorator that may wrap the function, a
 * hook that may run coroutines), nothing is reported. What pytest really does with such tests is checked
 * in no-unawaited-async-tests-oracle.test.ts.
 */
import dedent from "dedent";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { caseTrees, type Files } from "../temp-tree.js";
import { plugin, pythonRuleTester, type ExpectedError } from "../rule-tester.js";

const rule = plugin.rules["no-unawaited-async-tests"] as never;

const { inTree } = caseTrees("testaudit-unawaited-");

/** The report of an `async def` test on a unittest.TestCase that is not an async test case, at `line`:`column` for `length` characters. */
function testCase(test: string, cls: string, line: number, column: number, length = test.length): ExpectedError {
  return { messageId: "unawaitedTestCase", data: { test: `'${test}'`, cls: `'${cls}'` }, line, column, endLine: line, endColumn: column + length };
}

/** The report of a pytest-style `async def` test no async plugin runs. */
function unrun(test: string, line: number, column: number, length = test.length): ExpectedError {
  return { messageId: "unrunCoroutine", data: { test: `'${test}'` }, line, column, endLine: line, endColumn: column + length };
}

/** A project with a pytest.ini holding `settings`, and `files`. */
function project(settings: string, files: Files = {}): Files {
  return { "pytest.ini": `[pytest]\n${settings}`, "tests/__init__.py": "", ...files };
}

const TEST_FILE = "tests/test_orders.py";

/** Base classes and tests in another file of the project, which the test file inherits or imports. */
const SUPPORT: Files = {
  "tests/__init__.py": "",
  "support/__init__.py": "from support.cases import ServiceCase\n",
  "support/cases.py": dedent`
    import asyncio
    import unittest

    import pytest

    from support.loop import in_loop


    class ServiceCase(unittest.TestCase):
        async def test_service_is_up(self):
            pass


    class LoopCase(unittest.TestCase):
        def _callTestMethod(self, method):
            asyncio.run(method())


    class WrappedChecks:
        @in_loop
        async def test_wrapped(self):
            pass


    class MarkedChecks:
        pytestmark = pytest.mark.asyncio

        async def test_marked(self):
            pass


    class PlainChecks:
        async def test_plain(self):
            pass


    async def test_shared():
        pass
  `,
  "support/loop.py": "import asyncio\n\n\ndef in_loop(fn):\n    return lambda *args: asyncio.run(fn(*args))\n",
};

pythonRuleTester.run("no-unawaited-async-tests (Python)", rule, {
  valid: [
    {
      name: "plain functions and methods",
      filename: "test_a.py",
      code: dedent`
        import unittest


        def test_plain():
            assert True


        class OrderTests(unittest.TestCase):
            def test_sync(self):
                self.assertTrue(True)
      `,
    },
    {
      name: "IsolatedAsyncioTestCase, as unittest's attribute, imported, aliased and through unittest.async_case",
      filename: "test_a.py",
      code: dedent`
        import unittest
        import unittest as ut
        from unittest import IsolatedAsyncioTestCase
        from unittest import IsolatedAsyncioTestCase as Async
        from unittest.async_case import IsolatedAsyncioTestCase as Deep


        class A(unittest.IsolatedAsyncioTestCase):
            async def test_a(self):
                pass


        class B(IsolatedAsyncioTestCase):
            async def test_b(self):
                pass


        class C(Async):
            async def test_c(self):
                pass


        class D(Deep):
            async def test_d(self):
                pass


        class E(ut.IsolatedAsyncioTestCase):
            async def test_e(self):
                pass


        AsyncBase = IsolatedAsyncioTestCase


        class F(AsyncBase):
            async def test_f(self):
                pass
      `,
    },
    {
      name: "a project base on IsolatedAsyncioTestCase, and a subclass of it",
      filename: "test_a.py",
      code: dedent`
        import unittest


        class ServiceTestCase(unittest.IsolatedAsyncioTestCase):
            async def asyncSetUp(self):
                pass


        class OrderTests(ServiceTestCase):
            async def test_create(self):
                pass


        class RefundTests(OrderTests):
            async def test_refund(self):
                pass
      `,
    },
    {
      name: "library async test cases: asynctest, aiounittest, Twisted trial, Django, Tornado, aiohttp",
      filename: "test_a.py",
      code: dedent`
        import asynctest
        import aiounittest
        from aiohttp.test_utils import AioHTTPTestCase
        from django.test import TestCase as DjangoTestCase
        from rest_framework.test import APITestCase
        from tornado.testing import AsyncTestCase
        from twisted.trial import unittest as trial


        class A(asynctest.TestCase):
            async def test_a(self):
                pass


        class B(aiounittest.AsyncTestCase):
            async def test_b(self):
                pass


        class C(trial.TestCase):
            async def test_c(self):
                pass


        class D(DjangoTestCase):
            async def test_d(self):
                pass


        class E(APITestCase):
            async def test_e(self):
                pass


        class F(AsyncTestCase):
            async def test_f(self):
                pass


        class G(AioHTTPTestCase):
            async def test_g(self):
                pass
      `,
    },
    {
      name: "a base outside the project is not known not to await: not reported",
      filename: "test_a.py",
      code: dedent`
        from company_testing import AsyncServiceCase


        class OrderTests(AsyncServiceCase):
            async def test_create(self):
                pass
      `,
    },
    {
      name: "a base computed at run time or bound on two branches is not reported",
      filename: "test_a.py",
      code: dedent`
        import unittest

        try:
            from unittest import IsolatedAsyncioTestCase as Base
        except ImportError:
            Base = unittest.TestCase


        class OrderTests(Base):
            async def test_create(self):
                pass


        class Computed(make_base()):
            async def test_computed(self):
                pass
      `,
    },
    {
      name: "asyncBases: the project's own async base, by plain and dotted name",
      filename: "test_a.py",
      options: [{ asyncBases: ["LoopTestCase", "support.runner.AsyncRunnerCase"] }],
      code: dedent`
        import unittest


        class LoopTestCase(unittest.TestCase):
            def run(self, result=None):
                return super().run(result)


        class OrderTests(LoopTestCase):
            async def test_create(self):
                pass
      `,
    },
    {
      name: "a class that overrides how unittest calls tests (run, _callTestMethod, __call__) may await them",
      filename: "test_a.py",
      code: dedent`
        import asyncio
        import unittest


        class LoopTestCase(unittest.TestCase):
            def _callTestMethod(self, method):
                asyncio.run(method())


        class OrderTests(LoopTestCase):
            async def test_create(self):
                pass


        class Called(unittest.TestCase):
            def __call__(self, *args, **kwargs):
                return super().__call__(*args, **kwargs)

            async def test_called(self):
                pass
      `,
    },
    {
      name: "a decorator that may wrap the coroutine function into a plain one is not reported",
      filename: "test_a.py",
      code: dedent`
        import unittest
        from helpers import run_in_loop, sync


        class OrderTests(unittest.TestCase):
            @run_in_loop
            async def test_create(self):
                pass

            @sync()
            async def test_cancel(self):
                pass


        @run_in_loop
        async def test_module():
            pass


        @run_in_loop
        class TestWrappedClass:
            async def test_in_class(self):
                pass
      `,
    },
    {
      name: "pytest marks of async plugins: on the test, its class, a class's or the module's pytestmark",
      filename: "test_a.py",
      code: dedent`
        import pytest
        from pytest import mark

        pytestmark = [pytest.mark.integration, pytest.mark.anyio]


        @pytest.mark.asyncio
        async def test_asyncio():
            pass


        @mark.trio
        async def test_trio():
            pass


        @pytest.mark.asyncio(loop_scope="module")
        class TestOrders:
            async def test_create(self):
                pass


        class TestRefunds:
            pytestmark = pytest.mark.asyncio

            async def test_refund(self):
                pass


        class TestCarts:
            class TestNested:
                async def test_nested(self):
                    pass
      `,
    },
    {
      name: "the marks of an enclosing class and of a base class count",
      filename: "test_a.py",
      code: dedent`
        import pytest


        class AsyncBase:
            pytestmark = pytest.mark.asyncio


        class TestOrders(AsyncBase):
            async def test_create(self):
                pass


        @pytest.mark.anyio
        class TestOuter:
            class TestInner:
                async def test_inner(self):
                    pass
      `,
    },
    {
      name: "a pytestmark the model cannot read may hold an async mark",
      filename: "test_a.py",
      code: dedent`
        from helpers import ASYNC_MARKS

        pytestmark = ASYNC_MARKS[0]


        async def test_create():
            pass
      `,
    },
    {
      name: "anyio_backend requested by parameter or usefixtures runs the test under AnyIO's plugin",
      filename: "test_a.py",
      code: dedent`
        import pytest


        async def test_parameter(anyio_backend):
            pass


        @pytest.mark.usefixtures("anyio_backend")
        async def test_usefixtures():
            pass


        @pytest.fixture
        async def client(anyio_backend):
            yield object()


        async def test_through_a_fixture(client):
            pass
      `,
    },
    {
      name: "a pytest-style class whose base may be a TestCase is not reported as pytest-style",
      filename: "test_a.py",
      code: dedent`
        from company_testing import Base


        class TestOrders(Base):
            async def test_create(self):
                pass
      `,
    },
    {
      name: "async functions that are no tests: helpers, fixtures, and a file pytest does not collect",
      filename: "test_a.py",
      code: dedent`
        import pytest


        async def helper():
            pass


        @pytest.fixture
        async def test_data():
            return 1


        class TestOrders:
            async def make_order(self):
                pass
      `,
    },
    { name: "a module pytest does not collect", filename: "helpers.py", code: "async def test_like():\n    pass\n" },
    inTree(SUPPORT, TEST_FILE, {
      name: "tests inherited from another file carry its decorators, marks and runner methods",
      code: dedent`
        import unittest

        from support.cases import LoopCase, MarkedChecks, WrappedChecks


        class TestWrapped(WrappedChecks):
            pass


        class TestMarked(MarkedChecks):
            pass


        class LoopTests(LoopCase):
            async def test_loop(self):
                pass


        class WrappedCaseTests(WrappedChecks, unittest.TestCase):
            pass
      `,
    }),
    inTree(project("asyncio_mode = auto"), TEST_FILE, { name: "asyncio_mode = auto", code: "async def test_create():\n    pass\n" }),
    inTree(project("addopts = --strict-markers --asyncio-mode=auto"), TEST_FILE, { name: "--asyncio-mode=auto in addopts", code: "async def test_create():\n    pass\n" }),
    inTree(project("trio_mode = true"), TEST_FILE, { name: "trio_mode = true", code: "async def test_create():\n    pass\n" }),
    inTree({ "pyproject.toml": '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n' }, TEST_FILE, { name: "asyncio_mode in pyproject.toml", code: "async def test_create():\n    pass\n" }),
    inTree(project("addopts = -p pytest_tornasync"), TEST_FILE, { name: "a plugin the config names and the project does not hold may run every coroutine", code: "async def test_create():\n    pass\n" }),
    inTree(project("required_plugins = pytest-tornasync>=0.6"), TEST_FILE, { name: "a required plugin that may run every coroutine", code: "async def test_create():\n    pass\n" }),
    inTree(project("", { "conftest.py": 'pytest_plugins = ["aiohttp.pytest_plugin"]\n' }), TEST_FILE, {
      name: "pytest_plugins naming a plugin the project does not hold",
      code: "async def test_create():\n    pass\n",
    }),
    inTree(project("", { "tests/conftest.py": 'pytest_plugins = ["tests.plugins.loop"]\n', "tests/plugins/__init__.py": "", "tests/plugins/loop.py": dedent`
      import asyncio
      import inspect

      import pytest


      @pytest.hookimpl(tryfirst=True)
      def pytest_pyfunc_call(pyfuncitem):
          if inspect.iscoroutinefunction(pyfuncitem.obj):
              asyncio.run(pyfuncitem.obj(**pyfuncitem.funcargs))
              return True
          return None
    ` }), TEST_FILE, {
      name: "a project plugin module whose pytest_pyfunc_call runs coroutines",
      code: "async def test_create():\n    pass\n",
    }),
    inTree(project("", { "conftest.py": dedent`
      import pytest


      def pytest_collection_modifyitems(items):
          for item in items:
              if item.get_closest_marker("asyncio") is None and getattr(item.obj, "__code__", None):
                  item.add_marker(pytest.mark.asyncio)
    ` }), TEST_FILE, {
      name: "a conftest.py hook that marks tests for asyncio",
      code: "async def test_create():\n    pass\n",
    }),
    inTree(project("", { "tests/conftest.py": "import pytest\n\n\n@pytest.fixture\ndef anyio_backend():\n    return 'asyncio'\n\n\n@pytest.fixture\nasync def db(anyio_backend):\n    yield object()\n" }), TEST_FILE, {
      name: "a conftest.py fixture that requests anyio_backend",
      code: "async def test_create(db):\n    pass\n",
    }),
  ],

  invalid: [
    {
      name: "an async test on unittest.TestCase, however it is imported",
      filename: "test_a.py",
      code: dedent`
        import unittest
        import unittest as ut
        from unittest import TestCase
        from unittest import TestCase as Case


        class A(unittest.TestCase):
            async def test_a(self):
                self.assertTrue(False)


        class B(TestCase):
            async def test_b(self):
                pass


        class C(Case):
            async def test_c(self):
                pass


        class D(ut.TestCase):
            def test_sync(self):
                pass

            async def test_d(self):
                pass
      `,
      errors: [testCase("test_a", "A", 8, 15), testCase("test_b", "B", 13, 15), testCase("test_c", "C", 18, 15), testCase("test_d", "D", 26, 15)],
    },
    {
      name: "inherited async tests are reported where each class collects them",
      filename: "test_a.py",
      code: dedent`
        import unittest


        class OrderChecks:
            async def test_stored(self):
                pass


        class BaseTests(unittest.TestCase):
            async def test_base(self):
                pass


        class PostgresOrders(OrderChecks, BaseTests):
            pass
      `,
      errors: [testCase("test_base", "BaseTests", 10, 15), testCase("test_stored", "PostgresOrders", 14, 7, 14), testCase("test_base", "PostgresOrders", 14, 7, 14)],
    },
    {
      name: "a project base on TestCase, through an alias, and skips and patches that keep the coroutine",
      filename: "test_a.py",
      code: dedent`
        import unittest
        from unittest import mock

        BaseTestCase = unittest.TestCase


        class ServiceTestCase(BaseTestCase):
            def setUp(self):
                self.service = object()


        @mock.patch("os.getcwd")
        class OrderTests(ServiceTestCase):
            @unittest.skipIf(False, "never")
            async def test_create(self, getcwd):
                pass

            @mock.patch.object(unittest, "main")
            @unittest.expectedFailure
            async def test_cancel(self, main, getcwd):
                pass
      `,
      errors: [testCase("test_create", "OrderTests", 15, 15), testCase("test_cancel", "OrderTests", 20, 15)],
    },
    {
      name: "asyncBases that the class does not reach change nothing",
      filename: "test_a.py",
      options: [{ asyncBases: ["LoopTestCase"] }],
      code: "import unittest\n\n\nclass OrderTests(unittest.TestCase):\n    async def test_create(self):\n        pass\n",
      errors: [testCase("test_create", "OrderTests", 5, 15)],
    },
    {
      name: "pytest-style async tests without a mark: module functions, plain classes and nested classes",
      filename: "test_a.py",
      code: dedent`
        import pytest

        pytestmark = pytest.mark.integration


        async def test_create():
            pass


        @pytest.mark.parametrize("sku", ["BOOK-1"])
        @pytest.mark.skip(reason="flaky")
        async def test_sku(sku):
            pass


        class TestOrders:
            pytestmark = [pytest.mark.slow]

            async def test_in_class(self, tmp_path):
                pass

            class TestNested:
                async def test_nested(self):
                    pass
      `,
      errors: [unrun("test_create", 6, 11), unrun("test_sku", 12, 11), unrun("test_in_class", 19, 15), unrun("test_nested", 23, 19)],
    },
    {
      name: "a mark of another plugin is no async mark",
      filename: "test_a.py",
      code: "import pytest\n\n\n@pytest.mark.asyncio_cooperative_like\n@pytest.mark.timeout(5)\nasync def test_create():\n    pass\n",
      errors: [unrun("test_create", 6, 11)],
    },
    inTree(project("addopts = -o asyncio_mode=auto"), TEST_FILE, {
      name: "-o asyncio_mode=auto in addopts changes nothing: pytest reads -o from its command line only",
      code: "async def test_create():\n    pass\n",
      errors: [unrun("test_create", 1, 11)],
    }),
    inTree(SUPPORT, TEST_FILE, {
      name: "tests inherited and imported from another file: reported where this file collects them",
      code: dedent`
        from support import ServiceCase
        from support.cases import PlainChecks, test_shared


        class OrderTests(ServiceCase):
            async def test_create(self):
                pass


        class TestOrders(PlainChecks):
            pass
      `,
      // pytest collects the imported ServiceCase here too, at its import; test_shared at its own.
      errors: [
        testCase("test_service_is_up", "ServiceCase", 1, 21, 11),
        unrun("test_shared", 2, 40),
        testCase("test_service_is_up", "OrderTests", 5, 7, 10),
        testCase("test_create", "OrderTests", 6, 15),
        unrun("test_plain", 10, 7, 10),
      ],
    }),
    inTree(project("asyncio_mode = strict"), TEST_FILE, { name: "asyncio_mode = strict needs marks", code: "async def test_create():\n    pass\n", errors: [unrun("test_create", 1, 11)] }),
    inTree(project("trio_mode = false\naddopts = -p no:asyncio -p pytester"), TEST_FILE, {
      name: "trio_mode off, a plugin turned off and pytest's own pytester",
      code: "async def test_create():\n    pass\n",
      errors: [unrun("test_create", 1, 11)],
    }),
    inTree(project("addopts = -p anyio -p pytest_asyncio\nrequired_plugins = pytest-asyncio>=0.23 anyio"), TEST_FILE, {
      name: "pytest-asyncio and AnyIO loaded, but neither mark nor mode asks them",
      code: "async def test_create():\n    pass\n",
      errors: [unrun("test_create", 1, 11)],
    }),
    inTree(project("", { "conftest.py": dedent`
      import pytest

      pytest_plugins = ["pytest_asyncio"]


      def pytest_configure(config):
          config.addinivalue_line("markers", "slow: a slow test")


      def pytest_collection_modifyitems(config, items):
          for item in items:
              if "slow" in item.keywords and not config.getoption("--runslow", default=False):
                  item.add_marker(pytest.mark.skip(reason="slow"))


      @pytest.fixture
      def anyio_backend():
          return "asyncio"
    ` }), TEST_FILE, {
      name: "a conftest.py whose hooks only register and skip, and whose anyio_backend fixture the test does not request",
      code: "async def test_create(tmp_path):\n    pass\n",
      errors: [unrun("test_create", 1, 11)],
    }),
  ],
});

describe("no-unawaited-async-tests options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify("import os\n", [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { "testaudit/no-unawaited-async-tests": ["error", options] } }], "test_a.py");

  for (const [name, options, message] of [
    ["asyncBases as a string", { asyncBases: "LoopTestCase" }, /Value "LoopTestCase" should be array/u],
    ["an empty base name", { asyncBases: [""] }, /Value "" should NOT be shorter than 1 characters/u],
    ["a misspelt option", { asyncBase: ["LoopTestCase"] }, /Unexpected property "asyncBase"\. Expected properties: "asyncBases"/u],
  ] as const) {
    it(`rejects ${name}`, () => {
      expect(() => lint(options)).toThrow(/Key "rules": Key "testaudit\/no-unawaited-async-tests":/u);
      expect(() => lint(options)).toThrow(message);
    });
  }
});
