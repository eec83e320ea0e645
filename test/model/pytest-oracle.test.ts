/**
 * testaudit's Python test counts against pytest's own (test/pytest-oracle.ts): each case is a folder of
 * real, importable Python files with its pytest configuration. Every case's folder goes into one tree,
 * which the testaudit binary audits once; pytest collects each case's folder on its own, as its
 * configuration is found from there. A case pins what pytest collects (so the tree is known to test
 * what it says) and expects testaudit to collect the same tests, id for id.
 */
import dedent from "dedent";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countsOf, idsWithin, inTurns, pytestTestIds, runPytest, testauditTestIds, type CommandResult, type TestIds } from "../pytest-oracle.js";
import { writeTree, type Files } from "../temp-tree.js";

interface OracleCase {
  /** The case's folder in the tree, and its test's name. */
  name: string;
  files: Files;
  /** The folders (relative to the case's) pytest is run on; default: the case's folder. */
  runs?: string[];
  /** Tests per file that pytest collects. */
  pytest: Record<string, number>;
}

/** A case whose configuration pytest refuses: it stops with an error, and testaudit warns and counts with pytest's defaults. */
interface RefusedCase {
  name: string;
  files: Files;
  /** What pytest's error says. */
  pytestError: string;
  /** Where testaudit's warning points: the file, and the line and column when the parser gives them. */
  warningAt: string;
  /** Tests per file that testaudit counts: pytest's defaults. */
  testaudit: Record<string, number>;
}

/** The same Python code for the configuration cases: which of its tests are collected shows the settings in force. */
const NAMING_PROBE = dedent`
  def test_function():
      pass


  def check_function():
      pass


  def verify_function():
      pass


  class TestClass:
      def test_method(self):
          pass

      def check_method(self):
          pass


  class CheckClass:
      def test_in_check(self):
          pass

      def check_in_check(self):
          pass


  class OrderTests:
      def test_in_tests(self):
          pass
`;

/** A unittest base class in a module that is not a test file, for the `pythonpath` cases. */
const INTEGRATION_CASE = dedent`
  import unittest


  class IntegrationCase(unittest.TestCase):
      pass
`;

const ORDER_CHECKS = dedent`
  from shop_testing import IntegrationCase


  class OrderChecks(IntegrationCase):
      def test_list(self):
          pass
`;

const CONFIGURATION_CASES: OracleCase[] = [
  {
    name: "pyproject-array-with-a-quoted-word-in-a-comment",
    files: {
      "pyproject.toml": dedent`
        [tool.pytest.ini_options]
        python_classes = [
            "Test",  # "Check" classes are helpers, not tests
        ]
      `,
      "test_orders.py": NAMING_PROBE,
    },
    // Before smol-toml, the comment's "Check" was read as a second pattern: 3 tests.
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "pyproject-multi-line-arrays-with-comments",
    files: {
      "pyproject.toml": dedent`
        [project]
        name = "shop"

        [tool.pytest.ini_options]
        python_files = [
            "check_*.py",   # the team's naming
            # "test_*.py", retired
            "*_spec.py",
        ]
        python_functions = ["check_", "verify_",]  # "test" is not one of them
        python_classes = ['Check']
        xfail_strict = true

        [tool.other]
        python_functions = "test"
      `,
      "check_orders.py": NAMING_PROBE,
      "orders_spec.py": NAMING_PROBE,
      "test_orders.py": NAMING_PROBE,
    },
    pytest: { "check_orders.py": 3, "orders_spec.py": 3 },
  },
  {
    name: "pyproject-strings-hold-several-patterns-split-as-shlex-does",
    files: {
      "pyproject.toml": dedent`
        [tool.pytest.ini_options]
        python_files = "check_*.py test_*.py"
        python_classes = 'Check Test'
        python_functions = "check_ 'verify_'"
      `,
      "check_orders.py": NAMING_PROBE,
      "test_orders.py": NAMING_PROBE,
    },
    pytest: { "check_orders.py": 4, "test_orders.py": 4 },
  },
  {
    name: "ini-values-with-quotes",
    files: { "pytest.ini": "[pytest]\npython_functions = \"check_\" 'verify_'\n", "test_orders.py": NAMING_PROBE },
    pytest: { "test_orders.py": 3 },
  },
  {
    name: "python-files-pattern-with-a-path",
    files: {
      "pytest.ini": "[pytest]\npython_files = checks/*.py\n",
      "checks/orders.py": NAMING_PROBE,
      // fnmatch's `*` crosses folders: checks/deep/payments.py matches checks/*.py.
      "checks/deep/payments.py": NAMING_PROBE,
      "orders.py": NAMING_PROBE,
      "test_root.py": NAMING_PROBE,
    },
    pytest: { "checks/orders.py": 2, "checks/deep/payments.py": 2 },
  },
  {
    name: "python-classes-glob-and-prefix",
    files: {
      "pytest.ini": "[pytest]\npython_classes = *Tests Check\n",
      "test_orders.py": dedent`
        class OrderTests:
            def test_glob(self):
                pass


        class CheckoutSuite:
            def test_prefix(self):
                pass


        class TestsForNothing:
            def test_not_a_prefix_of_star_tests(self):
                pass


        class TestOrders:
            def test_default_prefix_replaced(self):
                pass
      `,
    },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "python-functions-globs-and-prefix",
    files: {
      "pytest.ini": "[pytest]\npython_functions = check_* *_check test\n",
      "test_orders.py": dedent`
        def check_glob():
            pass


        def order_check():
            pass


        def testprefix():
            pass


        def check():
            pass


        def verify_x():
            pass


        class TestOrders:
            def check_method(self):
                pass

            def test_method(self):
                pass
      `,
    },
    pytest: { "test_orders.py": 5 },
  },
  {
    name: "ini-continuation-lines-comments-and-colon",
    files: {
      "pytest.ini": dedent`
        # pytest settings for the checks
        [pytest]  ; iniconfig drops a comment after the header
        python_files:
            check_*.py
            # retired: test_*.py
            ; also retired: *_test.py

            *_spec.py
        python_functions = check_ ; verify_
        python_classes = Check  # Test
        xfail_strict: true
      `,
      "check_orders.py": NAMING_PROBE,
      "orders_spec.py": NAMING_PROBE,
      "test_orders.py": NAMING_PROBE,
    },
    // In a value, `;` and `#` are not comments: `verify_` and `Test` are patterns too (so are `;` and `#`).
    pytest: { "check_orders.py": 4, "orders_spec.py": 4 },
  },
  {
    name: "an-empty-value-collects-nothing",
    files: { "pytest.ini": "[pytest]\npython_functions =\n", "test_orders.py": NAMING_PROBE },
    pytest: {},
  },
  {
    name: "tox-ini-pytest-section",
    files: {
      "tox.ini": dedent`
        [tox]
        envlist = py311

        [testenv]
        deps =
            pytest
        commands =
            pytest {posargs}

        [pytest]
        python_functions = check_
      `,
      "test_orders.py": NAMING_PROBE,
    },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "setup-cfg-tool-pytest-section",
    files: {
      "setup.cfg": "[metadata]\nname = shop\n\n[tool:pytest]\npython_classes =\n    Check\n    Order\n",
      "test_orders.py": NAMING_PROBE,
    },
    pytest: { "test_orders.py": 3 },
  },
  {
    name: "pytest-ini-wins-in-its-folder",
    files: {
      "pytest.ini": "[pytest]\npython_functions = check_\n",
      "pyproject.toml": '[tool.pytest.ini_options]\npython_functions = "verify_"\n',
      "tox.ini": "[pytest]\npython_functions = verify_\n",
      "setup.cfg": "[tool:pytest]\npython_functions = verify_\n",
      "test_orders.py": NAMING_PROBE,
    },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "an-empty-pytest-ini-wins",
    files: { "pytest.ini": "# settings live elsewhere\n", "tox.ini": "[pytest]\npython_functions = check_\n", "test_orders.py": NAMING_PROBE },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "an-empty-dot-pytest-ini-does-not-count",
    files: { ".pytest.ini": "# not a configuration for pytest 7 and 8\n", "tox.ini": "[pytest]\npython_functions = check_\n", "test_orders.py": NAMING_PROBE },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "dot-pytest-ini-with-a-section-wins",
    files: { ".pytest.ini": "[pytest]\npython_functions = check_\n", "pyproject.toml": '[tool.pytest.ini_options]\npython_functions = "verify_"\n', "test_orders.py": NAMING_PROBE },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "pyproject-without-a-pytest-table-does-not-count",
    files: { "pyproject.toml": '[project]\nname = "shop"\n', "tox.ini": "[pytest]\npython_functions = check_\n", "test_orders.py": NAMING_PROBE },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "pyproject-with-an-empty-pytest-table-wins",
    files: { "pyproject.toml": "[tool.pytest.ini_options]\n", "tox.ini": "[pytest]\npython_functions = check_\n", "test_orders.py": NAMING_PROBE },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "tox-ini-without-a-pytest-section-does-not-count",
    files: { "tox.ini": "[tox]\nenvlist = py311\n", "setup.cfg": "[tool:pytest]\npython_functions = check_\n", "test_orders.py": NAMING_PROBE },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "a-section-name-with-spaces-is-another-section",
    files: { "tox.ini": "[ pytest ]\npython_functions = check_\n", "setup.cfg": "[tool:pytest]\npython_functions = verify_\n", "test_orders.py": NAMING_PROBE },
    pytest: { "test_orders.py": 1 },
  },
  {
    name: "nested-folders-the-nearest-configuration-wins",
    files: {
      "pytest.ini": "[pytest]\npython_functions = check_\n",
      "test_top.py": NAMING_PROBE,
      // A folder whose setup.cfg has no [tool:pytest] is passed through.
      "tests/setup.cfg": "[metadata]\nname = shop\n",
      "tests/test_middle.py": NAMING_PROBE,
      "services/billing/tox.ini": "[pytest]\nxfail_strict = true\n",
      "services/billing/test_billing.py": NAMING_PROBE,
      "services/billing/unit/test_unit.py": NAMING_PROBE,
    },
    // pytest run on services/billing finds its tox.ini; run on the root it would use the root's pytest.ini everywhere.
    runs: [".", "services/billing"],
    pytest: { "test_top.py": 2, "tests/test_middle.py": 2, "services/billing/test_billing.py": 2, "services/billing/unit/test_unit.py": 2 },
  },
  {
    name: "pythonpath-from-pyproject",
    files: {
      "pyproject.toml": '[tool.pytest.ini_options]\npythonpath = ["src"]\n',
      "src/shop_testing.py": INTEGRATION_CASE,
      "tests/test_orders.py": ORDER_CHECKS,
    },
    // OrderChecks is collected as a unittest.TestCase, which testaudit sees only through `pythonpath`.
    pytest: { "tests/test_orders.py": 1 },
  },
  {
    name: "pythonpath-from-ini-with-a-quoted-folder-name",
    files: {
      "pytest.ini": '[pytest]\npythonpath = "support lib"\n',
      "support lib/shop_testing.py": INTEGRATION_CASE,
      "tests/test_orders.py": ORDER_CHECKS,
    },
    pytest: { "tests/test_orders.py": 1 },
  },
];

/** What testaudit already modelled before it read configuration as pytest does; here pytest confirms it. */
const DEFAULT_COLLECTION_CASES: OracleCase[] = [
  {
    name: "default-naming",
    files: {
      "test_defaults.py": dedent`
        def test_a():
            pass


        def testb():
            pass


        def helper():
            pass


        def Test_capitalised():
            pass


        class TestX:
            def test_m(self):
                pass

            def helper(self):
                pass


        class Testing:
            def test_prefix_only(self):
                pass


        class MyTest:
            def test_not_collected(self):
                pass


        class test_lowercase:
            def test_not_collected_either(self):
                pass
      `,
      "orders_test.py": NAMING_PROBE,
      "helpers.py": NAMING_PROBE,
      "conftest.py": "def check_helper():\n    pass\n",
      "testing.py": NAMING_PROBE,
    },
    pytest: { "test_defaults.py": 4, "orders_test.py": 2 },
  },
  {
    name: "unittest-classes-whatever-their-name",
    files: {
      "test_unittest.py": dedent`
        import unittest
        import unittest as ut
        from unittest import IsolatedAsyncioTestCase, TestCase


        class CheckoutChecks(unittest.TestCase):
            def setUp(self):
                pass

            def helper(self):
                pass

            def check_total(self):
                pass

            def test_total(self):
                pass

            def testSpelledLikeJava(self):
                pass


        class Imported(TestCase):
            def test_imported(self):
                pass


        class Aliased(ut.TestCase):
            def test_aliased(self):
                pass


        class Async(IsolatedAsyncioTestCase):
            async def test_async(self):
                pass


        class WithInit(unittest.TestCase):
            def __init__(self, methodName="runTest"):
                super().__init__(methodName)

            def test_with_init(self):
                pass


        class Base(unittest.TestCase):
            def test_base(self):
                pass


        class Derived(Base):
            def test_derived(self):
                pass
      `,
    },
    pytest: { "test_unittest.py": 9 },
  },
  {
    name: "unittest-ignores-python-functions",
    files: {
      "pytest.ini": "[pytest]\npython_functions = check_\n",
      "test_unittest.py": "import unittest\n\n\nclass Case(unittest.TestCase):\n    def check_a(self):\n        pass\n\n    def test_b(self):\n        pass\n",
    },
    pytest: { "test_unittest.py": 1 },
  },
  {
    name: "classes-with-init-or-new-are-not-collected",
    files: {
      "test_init.py": dedent`
        class TestWithInit:
            def __init__(self):
                self.x = 1

            def test_a(self):
                pass


        class TestWithNew:
            def __new__(cls):
                return super().__new__(cls)

            def test_b(self):
                pass


        class Base:
            def __init__(self):
                pass


        class TestInheritsInit(Base):
            def test_c(self):
                pass


        class TestPlain:
            def test_d(self):
                pass
      `,
    },
    pytest: { "test_init.py": 1 },
  },
  {
    name: "dunder-test-in-the-same-file",
    files: {
      "test_dunder_test.py": dedent`
        class TestDisabled:
            __test__ = False

            def test_a(self):
                pass


        class TestInheritsDisabled(TestDisabled):
            def test_b(self):
                pass


        class TestEnabledAgain(TestDisabled):
            __test__ = True

            def test_c(self):
                pass


        class CheckoutChecks:
            __test__ = True

            def test_total(self):
                pass


        class CheckoutHelpers:
            def test_not_collected(self):
                pass
      `,
    },
    pytest: { "test_dunder_test.py": 3 },
  },
  {
    name: "nested-classes",
    files: {
      "test_nested.py": dedent`
        class TestOuter:
            def test_outer(self):
                pass

            class TestInner:
                def test_inner(self):
                    pass

                class TestInnermost:
                    def test_innermost(self):
                        pass

            class Helper:
                def test_in_helper(self):
                    pass


        class Outer:
            class TestInNonTestClass:
                def test_never(self):
                    pass
      `,
    },
    pytest: { "test_nested.py": 3 },
  },
  {
    name: "parametrized-tests-count-once",
    files: {
      "test_parametrized.py": dedent`
        import pytest


        @pytest.mark.parametrize("currency", ["EUR", "USD", "GBP"])
        def test_total(currency):
            pass


        class TestRefunds:
            @pytest.mark.parametrize(("amount", "note"), [(1, "a::b"), (2, "[x]")])
            def test_refund(self, amount, note):
                pass
      `,
    },
    pytest: { "test_parametrized.py": 2 },
  },
  {
    name: "same-file-inheritance-fixtures-and-local-definitions",
    files: {
      "test_inherit.py": dedent`
        import pytest


        class TestBase:
            def test_shared(self):
                pass


        class TestChild(TestBase):
            def test_own(self):
                pass


        @pytest.fixture
        def test_data():
            return 1


        def make_tests():
            class TestMade:
                def test_made(self):
                    pass

            def test_local():
                pass

            return TestMade


        def test_twice():
            pass


        def test_twice():
            pass
      `,
    },
    pytest: { "test_inherit.py": 4 },
  },
];

/** Collection that reads other files: test methods, `__test__` and `__init__` inherited from them, tests imported from them. */
const CROSS_FILE_CASES: OracleCase[] = [
  {
    name: "test-methods-inherited-from-a-base-class-in-another-file",
    files: {
      "checks_base.py": "class BaseChecks:\n    def test_shared(self):\n        pass\n",
      "test_orders.py": "from checks_base import BaseChecks\n\n\nclass TestOrders(BaseChecks):\n    def test_own(self):\n        pass\n",
    },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "unittest-test-methods-inherited-from-another-file",
    files: {
      "base_case.py": "import unittest\n\n\nclass BaseCase(unittest.TestCase):\n    def test_shared(self):\n        pass\n",
      "test_orders.py": "from base_case import BaseCase\n\n\nclass OrderCase(BaseCase):\n    def test_own(self):\n        pass\n",
    },
    // OrderCase::test_own and ::test_shared, and the imported BaseCase::test_shared.
    pytest: { "test_orders.py": 3 },
  },
  {
    name: "dunder-test-false-inherited-from-another-file",
    files: {
      "not_a_test.py": "class NotATest:\n    __test__ = False\n",
      "test_orders.py": "from not_a_test import NotATest\n\n\nclass TestOrders(NotATest):\n    def test_a(self):\n        pass\n",
    },
    pytest: {},
  },
  {
    name: "init-inherited-from-another-file",
    files: {
      "with_init.py": "class WithInit:\n    def __init__(self):\n        pass\n",
      "test_orders.py": "from with_init import WithInit\n\n\nclass TestOrders(WithInit):\n    def test_a(self):\n        pass\n",
    },
    pytest: {},
  },
  {
    name: "test-classes-and-functions-imported-into-a-test-module",
    files: {
      "shared_checks.py": "class TestShared:\n    def test_a(self):\n        pass\n\n\ndef test_helper():\n    pass\n",
      "test_imports.py": "from shared_checks import TestShared, test_helper\n",
    },
    pytest: { "test_imports.py": 2 },
  },
];

CROSS_FILE_CASES.push(
  {
    name: "dunder-test-true-in-a-subclass-collects-again",
    files: {
      "abstract_checks.py": "class AbstractChecks:\n    __test__ = False\n\n    def test_shared(self):\n        pass\n",
      "test_orders.py": "from abstract_checks import AbstractChecks\n\n\nclass OrderChecks(AbstractChecks):\n    __test__ = True\n\n    def test_own(self):\n        pass\n",
    },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "a-base-through-a-module-alias-and-a-chain-of-files",
    files: {
      "level_one.py": "class LevelOne:\n    def test_one(self):\n        pass\n",
      "level_two.py": "from level_one import LevelOne\n\n\nclass LevelTwo(LevelOne):\n    def test_two(self):\n        pass\n\n\nLegacyBase = LevelTwo\n",
      "test_orders.py": "import level_two\n\n\nclass TestOrders(level_two.LegacyBase):\n    def test_three(self):\n        pass\n",
    },
    pytest: { "test_orders.py": 3 },
  },
  {
    name: "a-mixin-of-another-file-beside-unittest",
    files: {
      "mixins.py": "class ChecksMixin:\n    def test_mixed_in(self):\n        pass\n\n    def helper(self):\n        pass\n",
      "test_orders.py": "import unittest\n\nfrom mixins import ChecksMixin\n\n\nclass OrderChecks(ChecksMixin, unittest.TestCase):\n    def test_own(self):\n        pass\n",
    },
    pytest: { "test_orders.py": 2 },
  },
  {
    name: "imported-classes-under-other-names-and-by-star-import",
    files: {
      "shared.py": [
        "import unittest",
        "",
        "__all__ = ['TestStarred', 'SharedCase']",
        "",
        "",
        "class TestShared:",
        "    def test_a(self):",
        "        pass",
        "",
        "",
        "class TestStarred:",
        "    def test_b(self):",
        "        pass",
        "",
        "",
        "class SharedCase(unittest.TestCase):",
        "    def test_c(self):",
        "        pass",
        "",
      ].join("\n"),
      // `Shared` matches no python_classes pattern; a unittest case is collected whatever its name.
      "test_imports.py": "from shared import *\nfrom shared import TestShared as Shared\nfrom shared import SharedCase as Renamed\n",
    },
    pytest: { "test_imports.py": 3 },
  },
  {
    name: "a-package-with-relative-imports-and-a-base-that-is-a-test-module",
    files: {
      "suite/__init__.py": "",
      "suite/test_base.py": "class TestBase:\n    def test_base(self):\n        pass\n",
      "suite/test_orders.py": "from .test_base import TestBase\n\n\nclass TestOrders(TestBase):\n    def test_orders(self):\n        pass\n",
    },
    // test_orders.py: its own TestOrders (2) and the imported TestBase (1).
    pytest: { "suite/test_base.py": 1, "suite/test_orders.py": 3 },
  },
);

const REFUSED_CASES: RefusedCase[] = [
  {
    name: "pyproject-with-a-toml-syntax-error",
    files: { "pyproject.toml": '[tool.pytest.ini_options]\npython_functions = [\n    "check_"\nxfail_strict = true\n', "test_orders.py": NAMING_PROBE },
    pytestError: "pyproject.toml: ",
    warningAt: "pyproject.toml:4:1",
    testaudit: { "test_orders.py": 2 },
  },
  {
    name: "ini-line-that-is-no-setting",
    files: { "tox.ini": "[pytest]\npython_functions = check_\n{posargs}\n", "test_orders.py": NAMING_PROBE },
    pytestError: "tox.ini:3: unexpected line: '{posargs}'",
    warningAt: "tox.ini:3",
    testaudit: { "test_orders.py": 2 },
  },
  {
    name: "ini-indented-setting-after-a-header",
    files: { "pytest.ini": "[pytest]\n    python_functions = check_\n", "test_orders.py": NAMING_PROBE },
    pytestError: "pytest.ini:2: unexpected value continuation",
    warningAt: "pytest.ini:2",
    testaudit: { "test_orders.py": 2 },
  },
  {
    name: "ini-setting-given-twice",
    files: { "pytest.ini": "[pytest]\npython_functions = check_\npython_functions = verify_\n", "test_orders.py": NAMING_PROBE },
    pytestError: "pytest.ini:3: duplicate name 'python_functions'",
    warningAt: "pytest.ini:3",
    testaudit: { "test_orders.py": 2 },
  },
  {
    name: "setup-cfg-with-a-pytest-section",
    files: { "setup.cfg": "[pytest]\npython_functions = check_\n", "test_orders.py": NAMING_PROBE },
    pytestError: "[pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead",
    warningAt: "setup.cfg",
    testaudit: { "test_orders.py": 2 },
  },
  {
    name: "ini-value-with-an-unclosed-quote",
    files: { "pytest.ini": "[pytest]\npython_functions = \"check_\n", "test_orders.py": NAMING_PROBE },
    pytestError: "No closing quotation",
    warningAt: "pytest.ini",
    testaudit: { "test_orders.py": 2 },
  },
];

/**
 * Writes the cases' folders into one tree and starts the runs: testaudit once on the whole tree, pytest
 * once per folder it is run on. Returns each case's pytest result and testaudit's, to be awaited by the
 * case's test.
 */
function startRuns<Case extends { name: string; files: Files }, PytestResult>(
  cases: readonly Case[],
  collect: (root: string, testCase: Case) => Promise<PytestResult>,
): { pytest: Map<string, Promise<PytestResult>>; testaudit: () => Promise<{ ids: TestIds; stderr: string }> } {
  const pytest = new Map<string, Promise<PytestResult>>();
  let testaudit: Promise<{ ids: TestIds; stderr: string }> | undefined;
  let root: string | undefined;
  beforeAll(() => {
    root = writeTree(Object.fromEntries(cases.flatMap((testCase) => Object.entries(testCase.files).map(([path, text]) => [`${testCase.name}/${path}`, text]))), "testaudit-oracle-");
    const tree = root;
    testaudit = testauditTestIds(tree);
    // Vitest runs a file's tests in order: the runs start in that order, two at a time.
    const runs = inTurns(cases.map((testCase) => () => collect(`${tree}/${testCase.name}`, testCase)));
    cases.forEach((testCase, index) => pytest.set(testCase.name, runs[index]!));
  });
  afterAll(() => {
    if (root !== undefined) {
      rmSync(root, { recursive: true, force: true });
    }
  });
  return { pytest, testaudit: () => testaudit! };
}

/** Each case as a test that testaudit collects what pytest collects. */
function describeAgreement(title: string, cases: readonly OracleCase[]): void {
  describe(title, () => {
    const runs = startRuns(cases, (root, testCase) => pytestTestIds(root, testCase.runs));
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const pytest = await runs.pytest.get(testCase.name)!;
        const { ids, stderr } = await runs.testaudit();
        expect(countsOf(pytest)).toEqual(testCase.pytest);
        expect(idsWithin(ids, testCase.name)).toEqual(pytest);
        expect(stderr).not.toContain(`/${testCase.name}/`);
      });
    }
  });
}

describeAgreement("pytest configuration read as pytest reads it", CONFIGURATION_CASES);
describeAgreement("collection by name, inheritance and markers", DEFAULT_COLLECTION_CASES);

describe("configuration pytest refuses: testaudit warns and counts with pytest's defaults", () => {
  const runs = startRuns(REFUSED_CASES, (root): Promise<CommandResult> => runPytest(root));
  for (const testCase of REFUSED_CASES) {
    it(testCase.name, async () => {
      const pytest = await runs.pytest.get(testCase.name)!;
      const { ids, stderr } = await runs.testaudit();
      expect(pytest.status).not.toBe(0);
      expect(`${pytest.stdout}${pytest.stderr}`).toContain(testCase.pytestError);
      expect(countsOf(idsWithin(ids, testCase.name))).toEqual(testCase.testaudit);
      const warnings = stderr.split("\n").filter((line) => line.includes(`/${testCase.name}/`));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`/${testCase.name}/${testCase.warningAt}: pytest stops on this configuration (`);
    });
  }
});

describeAgreement("collection across files: inherited and imported tests, and inherited __test__ and __init__", CROSS_FILE_CASES);
