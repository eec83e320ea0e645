/**
 * testaudit/require-skip-reason on Python: every mark that skips a collected test or expects it to fail
 * gives a reason (a decorator, a `pytestmark` entry, a skip call in the test's body), reported once at
 * the mark, with a suggestion that writes a placeholder reason where the API takes one.
 */
import dedent from "dedent";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { judgeSkipReasons } from "../../src/policies/skip-reason.js";
import { at, lintWithModel, plugin, pythonRuleTester, type Span } from "../rule-tester.js";
import { caseTrees } from "../temp-tree.js";

const rule = plugin.rules["require-skip-reason"] as never;
const { inTree } = caseTrees("testaudit-skip-reason-");

/** A report of a mark without a reason, with the suggestion's output (or no suggestion). */
function missing(api: string, effect: string, span: Span, output: string | null, where = ""): object {
  return {
    messageId: "missingReason",
    data: { api, effect, where },
    ...span,
    suggestions: output === null ? [] : [{ messageId: "addReason", data: { reason: '"TODO"' }, output }],
  };
}

pythonRuleTester.run("require-skip-reason", rule, {
  valid: [
    {
      name: "pytest marks with reasons, by keyword and by position",
      filename: "test_marks.py",
      code: dedent`
        import sys
        import pytest


        @pytest.mark.skip(reason="the sandbox is down")
        def test_a():
            pass


        @pytest.mark.skip("the sandbox is down")
        def test_b():
            pass


        @pytest.mark.skipif(sys.platform == "win32", reason="no fork on Windows")
        def test_c():
            pass


        @pytest.mark.xfail(reason="bug 1234", strict=True)
        def test_d():
            pass
      `,
    },
    {
      name: "unittest decorators with reasons, through aliases and from-imports",
      filename: "test_unittest_marks.py",
      code: dedent`
        import sys
        import unittest as ut
        from unittest import skip, skipUnless


        class TestOrders(ut.TestCase):
            @skip("the sandbox is down")
            def test_a(self):
                pass

            @ut.skipIf(sys.platform == "win32", "no fork on Windows")
            def test_b(self):
                pass

            @skipUnless(hasattr(sys, "getrefcount"), reason="needs refcounts")
            def test_c(self):
                pass
      `,
    },
    {
      name: "a reason that is no string literal is a reason",
      filename: "test_reasons.py",
      code: dedent`
        import pytest

        REASON = "the sandbox is down"


        @pytest.mark.skip(reason=REASON)
        def test_a():
            pass


        @pytest.mark.skip(reason=f"{REASON} today")
        def test_b():
            pass


        def test_c():
            pytest.skip("the " "sandbox")
      `,
    },
    {
      name: "skip calls with reasons in the test's body",
      filename: "test_body.py",
      code: dedent`
        import os
        import unittest

        import pytest


        def test_a():
            if not os.environ.get("SANDBOX"):
                pytest.skip("needs the sandbox")
            pytest.xfail(reason="bug 1234")


        class TestB(unittest.TestCase):
            def test_b(self):
                self.skipTest("needs the sandbox")

            def test_c(self):
                raise unittest.SkipTest("needs the sandbox")
      `,
    },
    {
      name: "expectedFailure takes no reason: a comment above, after or below it gives one",
      filename: "test_expected.py",
      code: dedent`
        import unittest


        class TestOrders(unittest.TestCase):
            # bpo-1234: rounding differs
            @unittest.expectedFailure
            def test_a(self):
                pass

            @unittest.expectedFailure  # bpo-1234
            def test_b(self):
                pass

            @unittest.expectedFailure
            # See bpo-1234
            def test_c(self):
                pass
      `,
    },
    {
      name: "a function of the file called skip is not unittest's, and marks on functions pytest does not collect do not count",
      filename: "test_own_skip.py",
      code: dedent`
        import pytest


        def skip(reason=None):
            return lambda fn: fn


        @skip
        def test_a():
            pass


        @pytest.mark.skip
        def helper():
            pass


        @pytest.fixture
        @pytest.mark.skip
        def test_fixture():
            return 1
      `,
    },
    {
      name: "a module pytestmark and a class pytestmark with reasons; usefixtures is no skip",
      filename: "test_pytestmark.py",
      code: dedent`
        import pytest

        pytestmark = [pytest.mark.usefixtures("db"), pytest.mark.skipif("sys.platform == 'win32'", reason="no fork")]


        class TestOrders:
            pytestmark = pytest.mark.xfail(reason="bug 1234")

            def test_a(self):
                pass
      `,
    },
    {
      name: "a skip call inside a nested function is not the test's",
      filename: "test_nested.py",
      code: dedent`
        import pytest


        def test_a():
            def later():
                pytest.skip()

            assert later
      `,
    },
    {
      name: "allowSkips false: an expected failure with a reason is allowed",
      filename: "test_xfail.py",
      options: [{ allowSkips: false }],
      code: dedent`
        import pytest


        @pytest.mark.xfail(reason="bug 1234")
        def test_a():
            pass
      `,
    },
  ],
  invalid: [
    {
      name: "a bare @pytest.mark.skip gets reason=... in a call",
      filename: "test_bare.py",
      code: dedent`
        import pytest


        @pytest.mark.skip
        def test_a():
            pass
      `,
      errors: [
        missing("pytest.mark.skip", "skips a test", at(4, 2, 18), dedent`
          import pytest


          @pytest.mark.skip(reason="TODO")
          def test_a():
              pass
        `),
      ],
    },
    {
      name: "empty calls, a condition without a reason, a trailing comma, a blank reason and None",
      filename: "test_calls.py",
      code: dedent`
        import sys

        from pytest import mark


        @mark.skip()
        def test_a():
            pass


        @mark.skipif(sys.platform == "win32")
        def test_b():
            pass


        @mark.skipif(
            sys.platform == "win32",
        )
        def test_c():
            pass


        @mark.xfail(reason="  ")
        def test_d():
            pass


        @mark.xfail(reason=None, strict=True)
        def test_e():
            pass
      `,
      errors: [
        missing("pytest.mark.skip", "skips a test", at(6, 2, 13), dedent`
          import sys

          from pytest import mark


          @mark.skip(reason="TODO")
          def test_a():
              pass


          @mark.skipif(sys.platform == "win32")
          def test_b():
              pass


          @mark.skipif(
              sys.platform == "win32",
          )
          def test_c():
              pass


          @mark.xfail(reason="  ")
          def test_d():
              pass


          @mark.xfail(reason=None, strict=True)
          def test_e():
              pass
        `),
        missing("pytest.mark.skipif", "skips a test", at(11, 2, 38), dedent`
          import sys

          from pytest import mark


          @mark.skip()
          def test_a():
              pass


          @mark.skipif(sys.platform == "win32", reason="TODO")
          def test_b():
              pass


          @mark.skipif(
              sys.platform == "win32",
          )
          def test_c():
              pass


          @mark.xfail(reason="  ")
          def test_d():
              pass


          @mark.xfail(reason=None, strict=True)
          def test_e():
              pass
        `),
        missing("pytest.mark.skipif", "skips a test", { line: 16, column: 2, endLine: 18, endColumn: 2 }, dedent`
            import sys

            from pytest import mark


            @mark.skip()
            def test_a():
                pass


            @mark.skipif(sys.platform == "win32")
            def test_b():
                pass


            @mark.skipif(
                sys.platform == "win32", reason="TODO",
            )
            def test_c():
                pass


            @mark.xfail(reason="  ")
            def test_d():
                pass


            @mark.xfail(reason=None, strict=True)
            def test_e():
                pass
          `),
        missing("pytest.mark.xfail", "expects a test to fail", at(23, 2, 25), dedent`
          import sys

          from pytest import mark


          @mark.skip()
          def test_a():
              pass


          @mark.skipif(sys.platform == "win32")
          def test_b():
              pass


          @mark.skipif(
              sys.platform == "win32",
          )
          def test_c():
              pass


          @mark.xfail(reason="TODO")
          def test_d():
              pass


          @mark.xfail(reason=None, strict=True)
          def test_e():
              pass
        `),
        missing("pytest.mark.xfail", "expects a test to fail", at(28, 2, 38), dedent`
          import sys

          from pytest import mark


          @mark.skip()
          def test_a():
              pass


          @mark.skipif(sys.platform == "win32")
          def test_b():
              pass


          @mark.skipif(
              sys.platform == "win32",
          )
          def test_c():
              pass


          @mark.xfail(reason="  ")
          def test_d():
              pass


          @mark.xfail(reason="TODO", strict=True)
          def test_e():
              pass
        `),
      ],
    },
    {
      name: "unittest's skip takes its reason by position; expectedFailure takes none, so no suggestion",
      filename: "test_unittest.py",
      code: dedent`
        import sys
        import unittest
        from unittest import skip


        class TestOrders(unittest.TestCase):
            @unittest.skip
            def test_a(self):
                pass

            @skip("")
            def test_b(self):
                pass

            @unittest.skipIf(sys.platform == "win32", "")
            def test_c(self):
                pass

            @unittest.expectedFailure
            def test_d(self):
                pass
      `,
      errors: [
        missing("unittest.skip", "skips a test", at(7, 6, 19), dedent`
          import sys
          import unittest
          from unittest import skip


          class TestOrders(unittest.TestCase):
              @unittest.skip("TODO")
              def test_a(self):
                  pass

              @skip("")
              def test_b(self):
                  pass

              @unittest.skipIf(sys.platform == "win32", "")
              def test_c(self):
                  pass

              @unittest.expectedFailure
              def test_d(self):
                  pass
        `),
        missing("unittest.skip", "skips a test", at(11, 6, 14), dedent`
          import sys
          import unittest
          from unittest import skip


          class TestOrders(unittest.TestCase):
              @unittest.skip
              def test_a(self):
                  pass

              @skip("TODO")
              def test_b(self):
                  pass

              @unittest.skipIf(sys.platform == "win32", "")
              def test_c(self):
                  pass

              @unittest.expectedFailure
              def test_d(self):
                  pass
        `),
        missing("unittest.skipIf", "skips a test", at(15, 6, 50), dedent`
          import sys
          import unittest
          from unittest import skip


          class TestOrders(unittest.TestCase):
              @unittest.skip
              def test_a(self):
                  pass

              @skip("")
              def test_b(self):
                  pass

              @unittest.skipIf(sys.platform == "win32", "TODO")
              def test_c(self):
                  pass

              @unittest.expectedFailure
              def test_d(self):
                  pass
        `),
        missing("unittest.expectedFailure", "expects a test to fail", at(19, 6, 30), null),
      ],
    },
    {
      name: "skip calls in the body: pytest.skip() gets a keyword, self.skipTest a positional string",
      filename: "test_body_calls.py",
      code: dedent`
        import os
        import unittest

        import pytest


        def test_a():
            if not os.environ.get("SANDBOX"):
                pytest.skip()


        class TestB(unittest.TestCase):
            def test_b(self):
                self.skipTest(" ")
      `,
      errors: [
        missing("pytest.skip", "skips a test", at(9, 9, 22), dedent`
          import os
          import unittest

          import pytest


          def test_a():
              if not os.environ.get("SANDBOX"):
                  pytest.skip(reason="TODO")


          class TestB(unittest.TestCase):
              def test_b(self):
                  self.skipTest(" ")
        `),
        missing("self.skipTest", "skips a test", at(14, 9, 27), dedent`
          import os
          import unittest

          import pytest


          def test_a():
              if not os.environ.get("SANDBOX"):
                  pytest.skip()


          class TestB(unittest.TestCase):
              def test_b(self):
                  self.skipTest("TODO")
        `),
      ],
    },
    {
      name: "a class mark is reported once for all its tests, and for the tests a subclass inherits",
      filename: "test_class_mark.py",
      code: dedent`
        import unittest


        @unittest.skip
        class TestOrders(unittest.TestCase):
            def test_a(self):
                pass

            def test_b(self):
                pass


        class TestMoreOrders(TestOrders):
            def test_c(self):
                pass
      `,
      errors: [
        missing("unittest.skip", "skips the tests of its class", at(4, 2, 15), dedent`
          import unittest


          @unittest.skip("TODO")
          class TestOrders(unittest.TestCase):
              def test_a(self):
                  pass

              def test_b(self):
                  pass


          class TestMoreOrders(TestOrders):
              def test_c(self):
                  pass
        `),
      ],
    },
    {
      name: "module and class pytestmark entries",
      filename: "test_pytestmark_missing.py",
      code: dedent`
        import pytest

        pytestmark = [pytest.mark.usefixtures("db"), pytest.mark.skip]


        class TestOrders:
            pytestmark = pytest.mark.xfail()

            def test_a(self):
                pass

            def test_b(self):
                pass
      `,
      errors: [
        missing("pytest.mark.skip", "skips every test in the file", at(3, 46, 62), dedent`
          import pytest

          pytestmark = [pytest.mark.usefixtures("db"), pytest.mark.skip(reason="TODO")]


          class TestOrders:
              pytestmark = pytest.mark.xfail()

              def test_a(self):
                  pass

              def test_b(self):
                  pass
        `),
        missing("pytest.mark.xfail", "expects the tests of its class to fail", at(7, 18, 37), dedent`
          import pytest

          pytestmark = [pytest.mark.usefixtures("db"), pytest.mark.skip]


          class TestOrders:
              pytestmark = pytest.mark.xfail(reason="TODO")

              def test_a(self):
                  pass

              def test_b(self):
                  pass
        `),
      ],
    },
    {
      name: "the suggestion keeps CRLF line ends and tab indentation",
      filename: "test_crlf.py",
      code: "import pytest\r\n\r\n\r\nclass TestOrders:\r\n\t@pytest.mark.skip\r\n\tdef test_a(self):\r\n\t\tpass\r\n",
      errors: [
        missing("pytest.mark.skip", "skips a test", at(5, 3, 19), "import pytest\r\n\r\n\r\nclass TestOrders:\r\n\t@pytest.mark.skip(reason=\"TODO\")\r\n\tdef test_a(self):\r\n\t\tpass\r\n"),
      ],
    },
    {
      name: "allowSkips false: every skip is reported, with its reason or not; an expected failure still needs a reason",
      filename: "test_not_allowed.py",
      options: [{ allowSkips: false }],
      code: dedent`
        import sys

        import pytest


        @pytest.mark.skipif(sys.platform == "win32", reason="no fork")
        def test_a():
            pytest.skip()


        @pytest.mark.xfail
        def test_b():
            pass
      `,
      errors: [
        { messageId: "skipNotAllowed", data: { api: "pytest.mark.skipif", effect: "skips a test", where: "" }, ...at(6, 2, 63), suggestions: [] },
        { messageId: "skipNotAllowed", data: { api: "pytest.skip", effect: "skips a test", where: "" }, ...at(8, 5, 18), suggestions: [] },
        missing("pytest.mark.xfail", "expects a test to fail", at(11, 2, 19), dedent`
          import sys

          import pytest


          @pytest.mark.skipif(sys.platform == "win32", reason="no fork")
          def test_a():
              pytest.skip()


          @pytest.mark.xfail(reason="TODO")
          def test_b():
              pass
        `),
      ],
    },
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          import unittest


          @unittest.skip
          class OrderChecks:
              def test_a(self):
                  pass

              @unittest.expectedFailure
              def test_b(self):
                  pass
        `,
      },
      "tests/test_inherited.py",
      {
        name: "a mark of another file is reported once, at the class that brings its first test in, naming where it is, with no suggestion",
        code: dedent`
          import unittest

          from tests.base import OrderChecks


          class TestOrders(OrderChecks, unittest.TestCase):
              def test_c(self):
                  pass
        `,
        errors: [
          missing("unittest.skip", "skips the tests of its class", at(6, 7, 17), null, " (the mark is in base.py:4)"),
          missing("unittest.expectedFailure", "expects a test to fail", at(6, 7, 17), null, " (the mark is in base.py:9)"),
        ],
      },
    ),
  ],
});

describe("require-skip-reason options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify(
      "def test_a():\n    pass\n",
      [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { "testaudit/require-skip-reason": ["error", options] } }],
      "test_a.py",
    );

  for (const [name, options, message] of [
    ["a string allowSkips", { allowSkips: "no" }, /Value "no" should be boolean/u],
    ["a misspelt option", { allowSkip: false }, /Unexpected property "allowSkip"\. Expected properties: "allowSkips"/u],
  ] as const) {
    it(`rejects ${name}`, () => {
      expect(() => lint(options)).toThrow(/Key "rules": Key "testaudit\/require-skip-reason":/u);
      expect(() => lint(options)).toThrow(message);
    });
  }
});

describe("judgeSkipReasons, the policy the audit counts", () => {
  const code = dedent`
    import pytest

    pytestmark = pytest.mark.xfail


    class TestOrders:
        pytestmark = pytest.mark.skip(reason="the sandbox is down")

        def test_a(self):
            pass

        @pytest.mark.skip
        def test_b(self):
            pass


    def test_c():
        pytest.skip("needs the sandbox")
  `;

  it("finds a test non-compliant at exactly the lines the rule reports for its marks", () => {
    const { messages, model } = lintWithModel(code, "test_judged.py", "require-skip-reason", { allowSkips: true });
    expect(messages.map((message) => message.line)).toEqual([3, 12]);
    const judgement = judgeSkipReasons(model, { allowSkips: true });
    expect(judgement.compliant).toBe(false);
    expect(judgement.sites).toEqual([3, 12]);
    expect(Object.fromEntries(model.tests.map((test, index) => [test.id, judgement.tests?.[index]]))).toEqual({
      "TestOrders::test_a": { compliant: false, sites: [3] },
      "TestOrders::test_b": { compliant: false, sites: [3, 12] },
      test_c: { compliant: false, sites: [3] },
    });
  });

  it("with allowSkips false, also at every skip, whatever its reason", () => {
    const { messages, model } = lintWithModel(code, "test_judged.py", "require-skip-reason", { allowSkips: false });
    const judgement = judgeSkipReasons(model, { allowSkips: false });
    expect(judgement.sites).toEqual([...new Set(messages.map((message) => message.line))]);
    expect(judgement.sites).toEqual([3, 7, 12, 18]);
    expect(judgement.tests?.map((test) => test.sites)).toEqual([[3, 7], [3, 7, 12], [3, 18]]);
  });

  it("finds a file whose marks all give reasons compliant", () => {
    const { messages, model } = lintWithModel('import pytest\n\n\n@pytest.mark.skip(reason="later")\ndef test_a():\n    pass\n\n\ndef test_b():\n    pass\n', "test_judged.py", "require-skip-reason", { allowSkips: true });
    expect(messages).toEqual([]);
    expect(judgeSkipReasons(model, { allowSkips: true })).toEqual({ compliant: true, sites: [], tests: [{ compliant: true, sites: [] }, { compliant: true, sites: [] }] });
  });
});
