/**
 * What pytest would collect from a Python file (src/model/python/collect-tests.ts, pytest-config.ts,
 * fnmatch.ts), observed through the real rules run by ESLint on files in temporary folders:
 * - `max-tests-per-file` with `max: 0` reports the number of collected tests;
 * - `require-bvj` with `from: ["function"]` reports every collected test definition by name (an
 *   inherited test is one definition, reported once, so `count` can exceed `names.length`).
 */
import dedent from "dedent";
import { ESLint } from "eslint";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plugin } from "../rule-tester.js";

const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** A fresh temporary folder holding `files` (relative names, `/`-separated). */
function project(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "testaudit-collection-"));
  folders.push(root);
  writeFiles(root, files);
  return root;
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, ...name.split("/"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

interface Collected {
  count: number;
  names: string[];
}

/** Lints `code` as the file `file` of the folder `root` and reads what pytest would collect. */
async function collect(root: string, file: string, code: string): Promise<Collected> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: {
      files: ["**/*.py"],
      language: "testaudit/python",
      plugins: { testaudit: plugin },
      rules: {
        "testaudit/max-tests-per-file": ["error", { max: 0 }],
        "testaudit/require-bvj": ["error", { from: ["function"] }],
      },
    },
  });
  const [result] = await eslint.lintText(code, { filePath: join(root, ...file.split("/")) });
  const messages = result!.messages;
  const unexpected = messages.filter((message) => message.ruleId === null || message.fatal);
  expect(unexpected).toEqual([]);
  const tooMany = messages.filter((message) => message.ruleId === "testaudit/max-tests-per-file");
  expect(tooMany.length).toBeLessThanOrEqual(1);
  const count = tooMany.length === 0 ? 0 : Number(/^File has (\d+) tests/u.exec(tooMany[0]!.message)![1]);
  const names = messages
    .filter((message) => message.ruleId === "testaudit/require-bvj")
    .map((message) => /^Test '([^']+)'/u.exec(message.message)![1]!);
  return { count, names };
}

/** The same Python code for every configuration test: which of its tests are collected shows the settings in force. */
const NAMING_PROBE = dedent`
  def test_function():
      pass


  def check_function():
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

describe("pytest's default naming", () => {
  it("collects `test`-prefixed functions and the `test`-prefixed methods of `Test`-prefixed classes", async () => {
    const code = dedent`
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
    `;
    expect(await collect(project(), "test_defaults.py", code)).toEqual({ count: 4, names: ["test_a", "testb", "test_m", "test_prefix_only"] });
  });

  it("collects from files named test_*.py or *_test.py only", async () => {
    const root = project();
    expect(await collect(root, "test_x.py", NAMING_PROBE)).toEqual({ count: 2, names: ["test_function", "test_method"] });
    expect(await collect(root, "x_test.py", NAMING_PROBE)).toEqual({ count: 2, names: ["test_function", "test_method"] });
    expect(await collect(root, "helpers.py", NAMING_PROBE)).toEqual({ count: 0, names: [] });
    expect(await collect(root, "conftest.py", NAMING_PROBE)).toEqual({ count: 0, names: [] });
    expect(await collect(root, "tests/__init__.py", NAMING_PROBE)).toEqual({ count: 0, names: [] });
    expect(await collect(root, "testing.py", NAMING_PROBE)).toEqual({ count: 0, names: [] });
  });
});

describe("test classes", () => {
  it("does not collect a class that defines __init__ or __new__", async () => {
    const code = dedent`
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


      class TestPlain:
          def test_c(self):
              pass
    `;
    expect(await collect(project(), "test_init.py", code)).toEqual({ count: 1, names: ["test_c"] });
  });

  it("does not collect a class that inherits __init__ or __new__ from a same-file base", async () => {
    const code = dedent`
      class Base:
          def __init__(self):
              pass


      class NewBase:
          def __new__(cls):
              return object.__new__(cls)


      class Middle(NewBase):
          pass


      class TestInheritsInit(Base):
          def test_a(self):
              pass


      class TestInheritsNewTwoLevelsUp(Middle):
          def test_b(self):
              pass


      class TestFine:
          def test_c(self):
              pass
    `;
    expect(await collect(project(), "test_init.py", code)).toEqual({ count: 1, names: ["test_c"] });
  });

  it("does not collect a class with __test__ = False, own or inherited; a subclass may set it back to True", async () => {
    const code = dedent`
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
    `;
    // TestEnabledAgain::test_c and TestEnabledAgain::test_a (inherited).
    expect(await collect(project(), "test_dunder_test.py", code)).toEqual({ count: 2, names: ["test_a", "test_c"] });
  });

  it("collects subclasses of library test cases whose hierarchy is known (Django REST framework, asyncio)", async () => {
    const code = dedent`
      import unittest
      from rest_framework.test import APITestCase


      class OrderApiChecks(APITestCase):
          def test_list(self):
              pass


      class AsyncChecks(unittest.IsolatedAsyncioTestCase):
          async def test_wait(self):
              pass
    `;
    expect(await collect(project(), "test_library_cases.py", code)).toEqual({ count: 2, names: ["test_list", "test_wait"] });
  });

  it("collects a class that sets __test__ = True whatever its name, as pytest does", async () => {
    const code = dedent`
      class CheckoutChecks:
          __test__ = True

          def test_total(self):
              pass


      class CheckoutHelpers:
          def test_not_collected(self):
              pass
    `;
    expect(await collect(project(), "test_opt_in.py", code)).toEqual({ count: 1, names: ["test_total"] });
  });

  it("collects nested test classes of test classes, and only those", async () => {
    const code = dedent`
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
    `;
    expect(await collect(project(), "test_nested.py", code)).toEqual({ count: 3, names: ["test_outer", "test_inner", "test_innermost"] });
  });

  it("does not collect classes or functions defined inside functions", async () => {
    const code = dedent`
      def make_tests():
          class TestMade:
              def test_made(self):
                  pass

          def test_local():
              pass

          return TestMade


      def test_real():
          class TestLocal:
              def test_local_method(self):
                  pass
    `;
    expect(await collect(project(), "test_local.py", code)).toEqual({ count: 1, names: ["test_real"] });
  });

  it("collects test methods inherited from same-file classes in each collecting class", async () => {
    const code = dedent`
      class TestBase:
          def test_shared(self):
              pass


      class TestChild(TestBase):
          def test_own(self):
              pass
    `;
    // TestBase::test_shared, TestChild::test_shared, TestChild::test_own.
    expect(await collect(project(), "test_inherit.py", code)).toEqual({ count: 3, names: ["test_shared", "test_own"] });
  });
});

describe("unittest.TestCase subclasses", () => {
  it("are collected whatever their name, with only their test* methods", async () => {
    const code = dedent`
      import unittest
      import unittest as ut
      from unittest import TestCase, IsolatedAsyncioTestCase


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
    `;
    expect(await collect(project(), "test_unittest.py", code)).toEqual({
      count: 6,
      names: ["test_total", "testSpelledLikeJava", "test_imported", "test_aliased", "test_async", "test_with_init"],
    });
  });

  it("are recognised through a same-file base class, and inherit its test methods", async () => {
    const code = dedent`
      import unittest


      class Base(unittest.TestCase):
          def test_base(self):
              pass


      class Derived(Base):
          def test_derived(self):
              pass
    `;
    // Base::test_base, Derived::test_base, Derived::test_derived.
    expect(await collect(project(), "test_unittest.py", code)).toEqual({ count: 3, names: ["test_base", "test_derived"] });
  });

  it("ignore python_functions: unittest only runs test* methods", async () => {
    const root = project({ "pytest.ini": "[pytest]\npython_functions = check_\n" });
    const code = dedent`
      import unittest


      class Case(unittest.TestCase):
          def check_a(self):
              pass

          def test_b(self):
              pass
    `;
    expect(await collect(root, "test_unittest.py", code)).toEqual({ count: 1, names: ["test_b"] });
  });
});

describe("pytest settings from configuration files", () => {
  it("reads python_files, python_classes and python_functions from pytest.ini", async () => {
    const root = project({
      "pytest.ini": dedent`
        [pytest]
        python_files = check_*.py
        python_classes = Check
        python_functions = check_
      `,
    });
    expect(await collect(root, "check_orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["check_function", "check_in_check"] });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({ count: 0, names: [] });
  });

  it("reads multi-line values and ignores comments and other sections in pytest.ini", async () => {
    const root = project({
      "pytest.ini": dedent`
        [other]
        python_functions = nothing

        [pytest]
        # the check_ prefix is ours
        python_functions =
            check_
            test
        ; python_classes = Nothing
        addopts = -q
      `,
    });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({
      count: 4,
      names: ["test_function", "check_function", "test_method", "check_method"],
    });
  });

  it("reads [tool.pytest.ini_options] of pyproject.toml: strings split on white space", async () => {
    const root = project({
      "pyproject.toml": dedent`
        [project]
        name = "shop"

        [tool.pytest.ini_options]
        python_files = "check_*.py test_*.py"
        python_classes = 'Check'
        python_functions = "check_"

        [tool.other]
        python_functions = "test"
      `,
    });
    expect(await collect(root, "check_orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["check_function", "check_in_check"] });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["check_function", "check_in_check"] });
  });

  it("reads [tool.pytest.ini_options] of pyproject.toml: arrays, on one line or several", async () => {
    const root = project({
      "pyproject.toml": dedent`
        [tool.pytest.ini_options]
        python_files = [
            "check_*.py",  # the new style
            "*_spec.py",
        ]
        python_classes = ["Check", "Test"]
        python_functions = [
            "check_",
        ]
        addopts = ["-q"]
      `,
    });
    const expected = { count: 3, names: ["check_function", "check_method", "check_in_check"] };
    expect(await collect(root, "check_orders.py", NAMING_PROBE)).toEqual(expected);
    expect(await collect(root, "orders_spec.py", NAMING_PROBE)).toEqual(expected);
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({ count: 0, names: [] });
  });

  it("reads pytest 9's native [tool.pytest] table of pyproject.toml", async () => {
    const root = project({ "pyproject.toml": '[tool.pytest]\npython_functions = ["check_"]\n' });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["check_function", "check_method"] });
  });

  it("reads [tool.pytest.ini_options] when pyproject.toml also has native [tool.pytest] settings, as pytest 7 and 8 do", async () => {
    // pytest 9 refuses such a file; pytest 7.2, this project's oracle, reads ini_options and ignores the rest.
    const root = project({ "pyproject.toml": '[tool.pytest]\npython_functions = ["test"]\n\n[tool.pytest.ini_options]\npython_functions = "check_"\n' });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["check_function", "check_method"] });
  });

  it("reads pytest 9's pytest.toml and .pytest.toml, which win over pytest.ini, even without a [pytest] table", async () => {
    const root = project({
      "pytest.toml": '[pytest]\npython_functions = ["check_"]\n',
      "pytest.ini": "[pytest]\npython_functions = test\n",
      "hidden/.pytest.toml": "# pytest's defaults\n",
      "hidden/tox.ini": "[pytest]\npython_functions = check_\n",
    });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["check_function", "check_method"] });
    expect(await collect(root, "hidden/test_orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["test_function", "test_method"] });
  });

  it("warns once and counts with pytest's defaults where pytest 9 refuses a string for a list setting in TOML mode", async () => {
    const root = project({ "pytest.toml": '[pytest]\npython_functions = "check_"\n' });
    const warnings: Error[] = [];
    const listener = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on("warning", listener);
    try {
      expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["test_function", "test_method"] });
      expect(await collect(root, "test_again.py", NAMING_PROBE)).toEqual({ count: 2, names: ["test_function", "test_method"] });
      // Node emits a warning on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", listener);
    }
    expect(warnings.map((warning) => warning.message)).toEqual([
      `${join(root, "pytest.toml")}: pytest stops on this configuration (config option 'python_functions' expects a list of strings); testaudit counts the tests under it with pytest's default settings.`,
    ]);
  });

  it("reads the [pytest] section of tox.ini", async () => {
    const root = project({ "tox.ini": "[tox]\nenvlist = py312\n\n[pytest]\npython_functions = check_\n" });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["check_function", "check_method"] });
  });

  it("reads the [tool:pytest] section of setup.cfg", async () => {
    const root = project({ "setup.cfg": "[metadata]\nname = shop\n\n[tool:pytest]\npython_classes =\n    Check\n    Order\n" });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual({ count: 3, names: ["test_function", "test_in_check", "test_in_tests"] });
  });
});

describe("which configuration file pytest uses", () => {
  const CHECK_ONLY = "[pytest]\npython_functions = check_\n";
  const CHECK_NAMES = { count: 2, names: ["check_function", "check_method"] };
  const DEFAULT_NAMES = { count: 2, names: ["test_function", "test_method"] };

  it("pytest.ini wins over pyproject.toml, tox.ini and setup.cfg in the same folder", async () => {
    const root = project({
      "pytest.ini": CHECK_ONLY,
      "pyproject.toml": '[tool.pytest.ini_options]\npython_functions = "test"\n',
      "tox.ini": "[pytest]\npython_functions = test\n",
      "setup.cfg": "[tool:pytest]\npython_functions = test\n",
    });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
  });

  it("a pytest.ini wins even without a [pytest] section (pytest's defaults then apply)", async () => {
    const root = project({ "pytest.ini": "# settings live elsewhere\n", "tox.ini": CHECK_ONLY });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual(DEFAULT_NAMES);
  });

  it(".pytest.ini counts like pytest.ini", async () => {
    const root = project({ ".pytest.ini": CHECK_ONLY, "pyproject.toml": '[tool.pytest.ini_options]\npython_functions = "test"\n' });
    expect(await collect(root, "test_orders.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
  });

  it("pyproject.toml wins over tox.ini and setup.cfg, but only with a pytest table", async () => {
    const withTable = project({ "pyproject.toml": '[tool.pytest.ini_options]\npython_functions = "check_"\n', "tox.ini": "[pytest]\npython_functions = test\n" });
    expect(await collect(withTable, "test_orders.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
    const withoutTable = project({ "pyproject.toml": '[project]\nname = "shop"\n', "tox.ini": CHECK_ONLY });
    expect(await collect(withoutTable, "test_orders.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
  });

  it("tox.ini wins over setup.cfg, but only with a [pytest] section", async () => {
    const withSection = project({ "tox.ini": CHECK_ONLY, "setup.cfg": "[tool:pytest]\npython_functions = test\n" });
    expect(await collect(withSection, "test_orders.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
    const withoutSection = project({ "tox.ini": "[tox]\nenvlist = py312\n", "setup.cfg": "[tool:pytest]\npython_functions = check_\n" });
    expect(await collect(withoutSection, "test_orders.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
  });

  it("the nearest folder with a configuration wins; folders without one are passed through", async () => {
    const root = project({
      "pytest.ini": CHECK_ONLY,
      "tests/unit/tox.ini": "[pytest]\npython_functions = test\n",
      "tests/unit/setup.cfg": "[metadata]\nname = shop\n",
    });
    expect(await collect(root, "test_top.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
    expect(await collect(root, "tests/test_middle.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
    expect(await collect(root, "tests/unit/test_deep.py", NAMING_PROBE)).toEqual(DEFAULT_NAMES);
    expect(await collect(root, "tests/unit/more/test_deeper.py", NAMING_PROBE)).toEqual(DEFAULT_NAMES);
  });

  it("sees edits to the configuration of a parent folder", async () => {
    const root = project({ "pytest.ini": CHECK_ONLY, "tests/.keep": "" });
    expect(await collect(root, "tests/test_orders.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
    writeFiles(root, { "pytest.ini": "[pytest]\npython_functions = test\n# now the default again\n" });
    expect(await collect(root, "tests/test_orders.py", NAMING_PROBE)).toEqual(DEFAULT_NAMES);
    writeFiles(root, { "tests/tox.ini": CHECK_ONLY });
    expect(await collect(root, "tests/test_orders.py", NAMING_PROBE)).toEqual(CHECK_NAMES);
    writeFiles(root, { "tests/pytest.toml": "[pytest]\n" });
    expect(await collect(root, "tests/test_orders.py", NAMING_PROBE)).toEqual(DEFAULT_NAMES);
  });
});

describe("prefix-or-glob matching of python_classes and python_functions", () => {
  it("matches `*Tests Check` as a glob or a prefix", async () => {
    const root = project({ "pytest.ini": "[pytest]\npython_classes = *Tests Check\n" });
    const code = dedent`
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
    `;
    // "*Tests" is a glob: it matches names ending in Tests, not names starting with it.
    expect(await collect(root, "test_orders.py", code)).toEqual({ count: 2, names: ["test_glob", "test_prefix"] });
  });

  it("matches `check_* test` as a glob or a prefix", async () => {
    const root = project({ "pytest.ini": "[pytest]\npython_functions = check_* test\n" });
    const code = dedent`
      def check_glob():
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
    `;
    expect(await collect(root, "test_orders.py", code)).toEqual({
      count: 4,
      names: ["check_glob", "testprefix", "check_method", "test_method"],
    });
  });

  it("follows Python's fnmatch for character sets: [seq], [!seq], ranges and a leading ]", async () => {
    const root = project({
      "pytest.ini": dedent`
        [pytest]
        python_files = spec_[!x]*.py
        python_functions = verify_[a-c]* check_[]]* probe_[^z]* scan_[z-a]*
      `,
    });
    const code = dedent`
      def verify_a():
          pass


      def verify_d():
          pass


      def check_x():
          pass


      def probe_a():
          pass


      def probe_z():
          pass


      def scan_a():
          pass
    `;
    // "[^z]" is "^" or "z" in fnmatch, not a negation; "[z-a]" is an empty range that matches nothing.
    expect(await collect(root, "spec_orders.py", code)).toEqual({ count: 2, names: ["verify_a", "probe_z"] });
    expect(await collect(root, "spec_x.py", code)).toEqual({ count: 0, names: [] });
  });

  it("matches python_files patterns with a slash against the path", async () => {
    const root = project({ "pytest.ini": "[pytest]\npython_files = tests/*.py\n" });
    expect(await collect(root, "tests/orders.py", NAMING_PROBE)).toEqual({ count: 2, names: ["test_function", "test_method"] });
    expect(await collect(root, "orders.py", NAMING_PROBE)).toEqual({ count: 0, names: [] });
  });
});
