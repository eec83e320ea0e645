/**
 * testaudit/require-assertions on Python: every collected test reaches an assertion, in its body or in
 * the helpers it calls (functions of its file or imported from project files, methods of its class and
 * bases, the project's decorators around it), reported at the test's name. Unconditionally skipped
 * tests are left out unless `ignoreSkipped` is false.
 */
import dedent from "dedent";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { judgeAssertions } from "../../src/policies/assertions.js";
import { at, lintWithModel, plugin, pythonRuleTester, type Span } from "../rule-tester.js";
import { caseTrees } from "../temp-tree.js";

const rule = plugin.rules["require-assertions"] as never;
const { inTree } = caseTrees("testaudit-assertions-");

function noAssertion(name: string, span: Span): object {
  return { messageId: "noAssertion", data: { name }, ...span };
}

pythonRuleTester.run("require-assertions", rule, {
  valid: [
    {
      name: "assert statements, unittest's assert and fail methods, raise AssertionError",
      filename: "test_builtin.py",
      code: dedent`
        import unittest


        def test_a():
            assert 1 + 1 == 2


        def test_b():
            if 1 + 1 != 2:
                raise AssertionError("arithmetic")


        class TestC(unittest.TestCase):
            def test_c(self):
                self.assertEqual(1 + 1, 2)

            def test_d(self):
                with self.assertRaises(ZeroDivisionError):
                    1 / 0

            def test_e(self):
                self.fail("not written yet")

            def test_f(self):
                self.failUnless(True)
      `,
    },
    {
      name: "pytest.raises, pytest.warns, pytest.fail and pytest.deprecated_call, also imported by name",
      filename: "test_pytest_helpers.py",
      code: dedent`
        import warnings

        import pytest
        from pytest import raises as raising


        def test_a():
            with pytest.raises(ZeroDivisionError):
                1 / 0


        def test_b():
            with raising(ZeroDivisionError):
                1 / 0


        def test_c():
            pytest.warns(UserWarning, warnings.warn, "careful")


        def test_d():
            try:
                1 / 0
            except ZeroDivisionError:
                pytest.fail("divided by zero")


        def test_e():
            with pytest.deprecated_call():
                warnings.warn("old", DeprecationWarning)
      `,
    },
    {
      name: "calls whose name says they assert: assert_frame_equal, assert_that, a mock's assert_called_once",
      filename: "test_named.py",
      code: dedent`
        from pandas.testing import assert_frame_equal
        from hamcrest import assert_that, equal_to


        def test_a(frame, expected):
            assert_frame_equal(frame, expected)


        def test_b():
            assert_that(1 + 1, equal_to(2))


        def test_c(notifier):
            notifier.send.assert_called_once()
      `,
    },
    {
      name: "helpers of the file that assert, two calls deep, and a local alias of an assertion method",
      filename: "test_helpers.py",
      code: dedent`
        import unittest


        def check_total(order, total):
            assert order["total"] == total


        def check_order(order):
            check_total(order, 10)


        def test_a():
            check_order({"total": 10})


        class TestOrders(unittest.TestCase):
            def check_lines(self, order):
                self.assertEqual(len(order["lines"]), 1)

            def test_b(self):
                self.check_lines({"lines": [1]})

            def test_c(self):
                eq = self.assertEqual
                eq(1 + 1, 2)
      `,
    },
    {
      name: "methods of a base class, an override in the subclass, super() and a class-body alias",
      filename: "test_bases.py",
      code: dedent`
        import unittest


        class OrderTestCase(unittest.TestCase):
            ndiffAssertEqual = unittest.TestCase.assertEqual

            def check(self, order):
                pass

            def check_status(self, order):
                self.assertEqual(order["status"], "paid")


        class TestOrders(OrderTestCase):
            def check(self, order):
                self.assertIn("id", order)

            def test_a(self):
                self.check({"id": 1})

            def test_b(self):
                self.ndiffAssertEqual(1, 1)


        class TestRefunds(OrderTestCase):
            def check_status(self, order):
                super().check_status(order)

            def test_c(self):
                self.check_status({"status": "paid"})
      `,
    },
    {
      name: "a decorator of the file whose wrapper calls an asserting method",
      filename: "test_decorated.py",
      code: dedent`
        import unittest
        from functools import wraps


        class TestJumps(unittest.TestCase):
            def run_test(self, func, expected):
                self.assertEqual(func(), expected)

            def jump_test(expected):
                def decorator(func):
                    @wraps(func)
                    def test(self):
                        self.run_test(func, expected)
                    return test
                return decorator

            @jump_test(3)
            def test_a():
                return 3
      `,
    },
    {
      name: "a context manager class of the file that asserts when it closes",
      filename: "test_context.py",
      code: dedent`
        class ExpectEvents:
            def __init__(self, expected):
                self.expected = expected
                self.seen = []

            def __enter__(self):
                return self.seen

            def __exit__(self, *exc):
                assert self.seen == self.expected


        def test_a():
            with ExpectEvents(["created"]) as seen:
                seen.append("created")
      `,
    },
    {
      name: "assertFunctions: patterns on the called name, within a segment, across segments, and on the qualified name",
      filename: "test_options.py",
      options: [{ assertFunctions: ["verify_*", "self.check_*", "client.**.expect_status", "shop.testing.*"] }],
      code: dedent`
        import unittest

        from orders_sdk import verify_order_total
        from shop.testing import expect_paid


        def test_a(order):
            verify_order_total(order, 10)


        def test_b(client):
            client.get("/orders").expect_status(200)


        def test_c(order):
            expect_paid(order)


        class TestOrders(unittest.TestCase):
            def test_d(self):
                self.check_invoice(1)
      `,
    },
    {
      name: "a test skipped unconditionally is not judged by default; a .todo-like empty test under pytest.skip() either",
      filename: "test_skipped.py",
      code: dedent`
        import pytest


        @pytest.mark.skip(reason="not written yet")
        def test_a():
            pass


        def test_b():
            pytest.skip("not written yet")
      `,
    },
    inTree(
      {
        "tests/__init__.py": "",
        "tests/checks.py": dedent`
          def check_order(order):
              assert order["status"] == "paid"


          def check_refund(refund):
              check_order(refund["order"])
        `,
      },
      "tests/test_imported_helpers.py",
      {
        name: "helpers imported from a project file, by name and through the module",
        code: dedent`
          from tests import checks
          from tests.checks import check_order


          def test_a():
              check_order({"status": "paid"})


          def test_b():
              checks.check_refund({"order": {"status": "paid"}})
        `,
      },
    ),
  ],
  invalid: [
    {
      name: "tests that call nothing that asserts, a helper that does not assert, and pytest.approx without assert",
      filename: "test_missing.py",
      code: dedent`
        import unittest

        import pytest


        def create_order():
            return {"total": 10}


        def test_a():
            create_order()


        def test_b():
            pass


        def test_c():
            pytest.approx(10.0)


        class TestOrders(unittest.TestCase):
            def test_d(self):
                self.addCleanup(create_order)
      `,
      errors: [noAssertion("test_a", at(10, 5, 11)), noAssertion("test_b", at(14, 5, 11)), noAssertion("test_c", at(18, 5, 11)), noAssertion("test_d", at(23, 9, 15))],
    },
    {
      name: "an assertion in a fixture does not count, and a conditional skip is still judged",
      filename: "test_fixture_assert.py",
      code: dedent`
        import sys

        import pytest


        @pytest.fixture
        def order():
            created = {"total": 10}
            assert created["total"] == 10
            return created


        @pytest.mark.skipif(sys.platform == "win32", reason="no fork")
        def test_a(order):
            print(order)
      `,
      errors: [noAssertion("test_a", at(14, 5, 11))],
    },
    {
      name: "an inherited test is reported once, at its definition",
      filename: "test_inherited.py",
      code: dedent`
        class TestOrders:
            def test_a(self):
                print("created")


        class TestMoreOrders(TestOrders):
            pass


        class TestEvenMoreOrders(TestOrders):
            pass
      `,
      errors: [noAssertion("test_a", at(2, 9, 15))],
    },
    {
      name: "ignoreSkipped false: a skipped test is judged too",
      filename: "test_skipped_judged.py",
      options: [{ ignoreSkipped: false }],
      code: dedent`
        import pytest


        @pytest.mark.skip(reason="not written yet")
        def test_a():
            pass
      `,
      errors: [noAssertion("test_a", at(5, 5, 11))],
    },
    {
      name: "assertFunctions patterns match whole segments: verify_* is no verification.run",
      filename: "test_patterns.py",
      options: [{ assertFunctions: ["verify_*"] }],
      code: dedent`
        import verification


        def test_a():
            verification.run()
      `,
      errors: [noAssertion("test_a", at(4, 5, 11))],
    },
  ],
});

describe("require-assertions options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify(
      "def test_a():\n    pass\n",
      [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { "testaudit/require-assertions": ["error", options] } }],
      "test_a.py",
    );

  for (const [name, options, message] of [
    ["a string assertFunctions", { assertFunctions: "verify_*" }, /Value "verify_\*" should be array/u],
    ["a pattern with a space", { assertFunctions: ["verify order"] }, /should match pattern/u],
    ["a string ignoreSkipped", { ignoreSkipped: "yes" }, /Value "yes" should be boolean/u],
    ["a misspelt option", { assertFunctionNames: ["verify_*"] }, /Unexpected property "assertFunctionNames"\. Expected properties: "assertFunctions", "ignoreSkipped"/u],
  ] as const) {
    it(`rejects ${name}`, () => {
      expect(() => lint(options)).toThrow(/Key "rules": Key "testaudit\/require-assertions":/u);
      expect(() => lint(options)).toThrow(message);
    });
  }
});

describe("judgeAssertions, the policy the audit counts", () => {
  it("finds a test non-compliant at exactly the line the rule reports it, and an inherited test at its definition", () => {
    const code = dedent`
      class TestOrders:
          def test_a(self):
              print("created")

          def test_b(self):
              assert True


      class TestMoreOrders(TestOrders):
          def test_c(self):
              pass
    `;
    const { messages, model } = lintWithModel(code, "test_judged.py", "require-assertions", { assertFunctions: [], ignoreSkipped: true });
    expect(messages.map((message) => message.line)).toEqual([2, 10]);
    const judgement = judgeAssertions(model, { assertFunctions: [], ignoreSkipped: true });
    expect(judgement.compliant).toBe(false);
    expect(judgement.sites).toEqual([2, 10]);
    expect(Object.fromEntries(model.tests.map((test, index) => [test.id, judgement.tests?.[index]]))).toEqual({
      "TestOrders::test_a": { compliant: false, sites: [2] },
      "TestMoreOrders::test_a": { compliant: false, sites: [2] },
      "TestOrders::test_b": { compliant: true, sites: [] },
      "TestMoreOrders::test_b": { compliant: true, sites: [] },
      "TestMoreOrders::test_c": { compliant: false, sites: [10] },
    });
  });

  it("agrees with the rule on a JS/TS file, and leaves a skipped test out as the rule does", () => {
    const code = 'import { expect, it } from "vitest";\n\nit("a", () => {});\nit.skip("b", () => {});\nit("c", () => { expect(1).toBe(1); });\n';
    const { messages, model } = lintWithModel(code, "orders.test.ts", "require-assertions", { assertFunctions: [], ignoreSkipped: true });
    expect(messages.map((message) => message.line)).toEqual([3]);
    expect(judgeAssertions(model, { assertFunctions: [], ignoreSkipped: true })).toEqual({
      compliant: false,
      sites: [3],
      tests: [{ compliant: false, sites: [3] }, { compliant: true, sites: [] }, { compliant: true, sites: [] }],
    });
  });
});
