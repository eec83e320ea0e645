/**
 * testaudit/max-tests-per-file: at most `max` collected tests per file, reported once at the first
 * test beyond the limit.
 */
import dedent from "dedent";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { plugin, pythonRuleTester } from "../rule-tester.js";

const rule = plugin.rules["max-tests-per-file"] as never;

/** `count` module-level tests, `def test_<i>` at line 3i + 1. */
function generatedTests(count: number): string {
  return Array.from({ length: count }, (_, i) => `def test_${i}():\n    pass\n`).join("\n");
}

pythonRuleTester.run("max-tests-per-file", rule, {
  valid: [
    { name: "exactly the default maximum of 50", filename: "test_many.py", code: generatedTests(50) },
    { name: "no tests at all with max 0", filename: "test_empty.py", code: "import pytest\n", options: [{ max: 0 }] },
    { name: "exactly max", filename: "test_a.py", code: "def test_a():\n    pass\n", options: [{ max: 1 }] },
    {
      name: "a file pytest does not collect has no tests",
      filename: "helpers.py",
      code: generatedTests(3),
      options: [{ max: 0 }],
    },
    {
      name: "a parametrized test counts once",
      filename: "test_a.py",
      options: [{ max: 1 }],
      code: dedent`
        import pytest


        @pytest.mark.parametrize("x", [1, 2, 3])
        @pytest.mark.parametrize("y", [4, 5])
        def test_product(x, y):
            pass
      `,
    },
    {
      name: "a name defined twice in one scope counts once",
      filename: "test_a.py",
      options: [{ max: 2 }],
      code: dedent`
        def test_a():
            pass


        def test_a():
            pass


        class TestX:
            def test_m(self):
                pass

            def test_m(self):
                pass
      `,
    },
    {
      name: "nested functions and classes inside tests are not tests",
      filename: "test_a.py",
      options: [{ max: 1 }],
      code: dedent`
        def test_outer():
            def test_inner():
                pass

            class TestLocal:
                def test_local(self):
                    pass

            test_inner()
      `,
    },
    {
      name: "fixtures are not tests, however they are spelt",
      filename: "test_a.py",
      options: [{ max: 0 }],
      code: dedent`
        import pytest
        from pytest import fixture


        @pytest.fixture
        def test_data():
            return 1


        @pytest.fixture(scope="module")
        def test_server():
            yield 1


        @fixture
        def test_client():
            return 1


        class TestX:
            @pytest.fixture(autouse=True)
            def test_setup(self):
                pass
      `,
    },
    {
      name: "helpers, non-test classes and non-callable test names are not counted",
      filename: "test_a.py",
      options: [{ max: 1 }],
      code: dedent`
        test_value = 3


        def helper():
            pass


        class Helpers:
            def test_like(self):
                pass


        class TestX:
            test_attribute = 4

            def helper(self):
                pass

            def test_only(self):
                pass
      `,
    },
  ],

  invalid: [
    {
      name: "the default maximum: the 51st test is reported",
      filename: "test_many.py",
      code: generatedTests(51),
      errors: [{ messageId: "tooManyTests", data: { count: "51", max: "50" }, line: 151, column: 5, endLine: 151, endColumn: 12 }],
    },
    {
      name: "reported once, at the first test beyond max, with the full count",
      filename: "test_a.py",
      options: [{ max: 1 }],
      code: dedent`
        def test_a():
            pass

        def test_b():
            pass

        def test_c():
            pass
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "3", max: "1" }, line: 4, column: 5, endLine: 4, endColumn: 11 }],
    },
    {
      name: "max 0 reports the first test",
      filename: "test_a.py",
      options: [{ max: 0 }],
      code: dedent`
        import pytest


        class TestX:
            def test_m(self):
                pass


        def test_z():
            pass
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "0" }, line: 5, column: 9, endLine: 5, endColumn: 15 }],
    },
    {
      name: "async tests count",
      filename: "test_a.py",
      options: [{ max: 1 }],
      code: dedent`
        async def test_a():
            pass


        class TestX:
            async def test_m(self):
                pass
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "1" }, line: 6, column: 15, endLine: 6, endColumn: 21 }],
    },
    {
      name: "a parametrized test counts once among others",
      filename: "test_a.py",
      options: [{ max: 1 }],
      code: dedent`
        import pytest


        @pytest.mark.parametrize("x", range(100))
        def test_many(x):
            pass


        def test_one():
            pass
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "1" }, line: 9, column: 5, endLine: 9, endColumn: 13 }],
    },
    {
      name: "a name defined twice counts once, and the later definition is the one kept",
      filename: "test_a.py",
      options: [{ max: 0 }],
      code: dedent`
        def test_a():
            pass


        def test_a():
            pass
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "1", max: "0" }, line: 5, column: 5, endLine: 5, endColumn: 11 }],
    },
    {
      name: "a method defined twice in a class counts once, the later one kept",
      filename: "test_a.py",
      options: [{ max: 0 }],
      code: dedent`
        class TestX:
            def test_m(self):
                pass

            def test_m(self):
                pass
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "1", max: "0" }, line: 5, column: 9, endLine: 5, endColumn: 15 }],
    },
    {
      name: "nested functions are not counted",
      filename: "test_a.py",
      options: [{ max: 1 }],
      code: dedent`
        def test_a():
            def test_nested():
                pass


        def test_b():
            def test_nested():
                pass
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "1" }, line: 6, column: 5, endLine: 6, endColumn: 11 }],
    },
    {
      name: "fixtures are not counted",
      filename: "test_a.py",
      options: [{ max: 1 }],
      code: dedent`
        import pytest


        @pytest.fixture
        def test_data():
            return 1


        def test_a(test_data):
            pass


        def test_b(test_data):
            pass
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "1" }, line: 13, column: 5, endLine: 13, endColumn: 11 }],
    },
    {
      name: "test methods inherited from a same-file test class count again in the subclass",
      filename: "test_a.py",
      options: [{ max: 4 }],
      code: dedent`
        class TestBase:
            def test_a(self):
                pass

            def test_b(self):
                pass


        class TestChild(TestBase):
            def test_c(self):
                pass
      `,
      // TestBase::test_a, TestBase::test_b, TestChild::test_a, TestChild::test_b, TestChild::test_c.
      errors: [{ messageId: "tooManyTests", data: { count: "5", max: "4" }, line: 10, column: 9, endLine: 10, endColumn: 15 }],
    },
    {
      name: "test methods of a same-file mixin count in the test class only; an override counts once",
      filename: "test_a.py",
      options: [{ max: 2 }],
      code: dedent`
        class Checks:
            def test_a(self):
                pass

            def test_b(self):
                pass


        class TestChild(Checks):
            def test_b(self):
                pass

            def test_c(self):
                pass
      `,
      // TestChild::test_a (inherited), TestChild::test_b (its own override), TestChild::test_c.
      errors: [{ messageId: "tooManyTests", data: { count: "3", max: "2" }, line: 13, column: 9, endLine: 13, endColumn: 15 }],
    },
  ],
});

describe("max-tests-per-file options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify(
      "def test_a():\n    pass\n",
      [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { "testaudit/max-tests-per-file": ["error", options] } }],
      "test_a.py",
    );

  for (const [name, options, message] of [
    ["a negative max", { max: -1 }, /Value -1 should be >= 0/u],
    ["a fractional max", { max: 1.5 }, /Value 1\.5 should be integer/u],
    ["a string max", { max: "3" }, /Value "3" should be integer/u],
    ["a misspelt option", { maximum: 3 }, /Unexpected property "maximum"\. Expected properties: "max"/u],
  ] as const) {
    it(`rejects ${name}`, () => {
      expect(() => lint(options)).toThrow(/Key "rules": Key "testaudit\/max-tests-per-file":/u);
      expect(() => lint(options)).toThrow(message);
    });
  }
});
