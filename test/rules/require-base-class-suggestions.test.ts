/**
 * testaudit/require-base-class's suggestion, with the exact text it writes (RuleTester also checks that
 * it parses): a Python test class's `unittest.TestCase` base, however written, replaced with the first of
 * `bases`, written through what the file already imports or imported from the module a dotted base names;
 * no suggestion where the file cannot tell where a plain base lives, where the name is taken, for other
 * bases, or in JS/TS. Real ESLint, real tree-sitter.
 */
import type { RuleTester } from "eslint";
import dedent from "dedent";
import { at, jsRuleTester, plugin, pythonRuleTester, type ExpectedError, type Span } from "../rule-tester.js";

const rule = plugin.rules["require-base-class"];
const FILENAME = "test_payments.py";
const SSOT = "test_framework.ssot.SSotBaseTestCase";
const DOTTED = [{ bases: [SSOT] }];

function missingBase(name: string, span: Span, suggestions: RuleTester.SuggestionOutput[], bases = `'${SSOT}'`): ExpectedError & { suggestions: RuleTester.SuggestionOutput[] } {
  return { messageId: "missingBase", data: { name, bases }, ...span, suggestions };
}

const replaced = (base: string, testCase: string, output: string): RuleTester.SuggestionOutput => ({ messageId: "replaceBase", data: { base, testCase }, output });
const imported = (base: string, testCase: string, module: string, output: string): RuleTester.SuggestionOutput => ({ messageId: "replaceBaseAndImport", data: { base, testCase, module }, output });

pythonRuleTester.run("require-base-class suggestions", rule, {
  valid: [],
  invalid: [
    {
      name: "unittest.TestCase: replaced with the dotted base's class, imported after the last top-level import",
      filename: FILENAME,
      options: DOTTED,
      code: dedent`
        """Payment tests."""
        import unittest

        import httpx


        class TestRefunds(unittest.TestCase):
            def test_refund(self):
                self.assertTrue(httpx)
      `,
      errors: [
        missingBase("TestRefunds", at(7, 7, 18), [
          imported(
            "SSotBaseTestCase",
            "unittest.TestCase",
            "test_framework.ssot",
            '"""Payment tests."""\nimport unittest\n\nimport httpx\nfrom test_framework.ssot import SSotBaseTestCase\n\n\nclass TestRefunds(SSotBaseTestCase):\n    def test_refund(self):\n        self.assertTrue(httpx)',
          ),
        ]),
      ],
    },
    {
      name: "TestCase imported by name, and under an alias beside an unresolved mixin: each replaced in place",
      filename: FILENAME,
      options: DOTTED,
      code: dedent`
        from unittest import TestCase
        from unittest import TestCase as TC


        class TestRefunds(TestCase):
            def test_refund(self):
                pass


        class TestCharges(AuditMixin, TC):
            def test_charge(self):
                pass
      `,
      errors: [
        missingBase("TestRefunds", at(5, 7, 18), [
          imported(
            "SSotBaseTestCase",
            "TestCase",
            "test_framework.ssot",
            "from unittest import TestCase\nfrom unittest import TestCase as TC\nfrom test_framework.ssot import SSotBaseTestCase\n\n\nclass TestRefunds(SSotBaseTestCase):\n    def test_refund(self):\n        pass\n\n\nclass TestCharges(AuditMixin, TC):\n    def test_charge(self):\n        pass",
          ),
        ]),
        {
          messageId: "unresolvedBase",
          data: { name: "TestCharges", bases: `'${SSOT}'`, unresolved: "base 'AuditMixin'" },
          ...at(10, 7, 18),
          suggestions: [
            imported(
              "SSotBaseTestCase",
              "TC",
              "test_framework.ssot",
              "from unittest import TestCase\nfrom unittest import TestCase as TC\nfrom test_framework.ssot import SSotBaseTestCase\n\n\nclass TestRefunds(TestCase):\n    def test_refund(self):\n        pass\n\n\nclass TestCharges(AuditMixin, SSotBaseTestCase):\n    def test_charge(self):\n        pass",
            ),
          ],
        },
      ],
    },
    {
      name: "the file already imports the base, or the module it is in: written through that, no import added",
      filename: FILENAME,
      options: DOTTED,
      code: dedent`
        import unittest

        from test_framework import ssot


        class TestRefunds(unittest.TestCase):
            def test_refund(self):
                pass
      `,
      errors: [
        missingBase("TestRefunds", at(6, 7, 18), [
          replaced("ssot.SSotBaseTestCase", "unittest.TestCase", "import unittest\n\nfrom test_framework import ssot\n\n\nclass TestRefunds(ssot.SSotBaseTestCase):\n    def test_refund(self):\n        pass"),
        ]),
      ],
    },
    {
      name: "a plain base name the file imports: written as it is",
      filename: FILENAME,
      options: [{ bases: ["SSotBaseTestCase"] }],
      code: "import unittest\n\nfrom test_framework.ssot import SSotBaseTestCase\n\n\nclass TestRefunds(unittest.TestCase):\n    def test_refund(self):\n        pass\n",
      errors: [
        missingBase(
          "TestRefunds",
          at(6, 7, 18),
          [replaced("SSotBaseTestCase", "unittest.TestCase", "import unittest\n\nfrom test_framework.ssot import SSotBaseTestCase\n\n\nclass TestRefunds(SSotBaseTestCase):\n    def test_refund(self):\n        pass\n")],
          "'SSotBaseTestCase'",
        ),
      ],
    },
    {
      name: "no top-level import (unittest imported in a try block): the import goes after the module docstring; CRLF kept",
      filename: FILENAME,
      options: DOTTED,
      code: '"""Payment tests."""\r\ntry:\r\n    import unittest\r\nexcept ImportError:\r\n    raise\r\n\r\n\r\nclass TestRefunds(unittest.TestCase):\r\n    def test_refund(self):\r\n        pass\r\n',
      errors: [
        missingBase("TestRefunds", at(8, 7, 18), [
          imported(
            "SSotBaseTestCase",
            "unittest.TestCase",
            "test_framework.ssot",
            '"""Payment tests."""\r\nfrom test_framework.ssot import SSotBaseTestCase\r\n\r\ntry:\r\n    import unittest\r\nexcept ImportError:\r\n    raise\r\n\r\n\r\nclass TestRefunds(SSotBaseTestCase):\r\n    def test_refund(self):\r\n        pass\r\n',
          ),
        ]),
      ],
    },
    {
      name: "imports after the class do not count: the new import goes before the class statement",
      filename: FILENAME,
      options: DOTTED,
      code: "import unittest\n\n\nclass TestRefunds(unittest.TestCase):\n    def test_refund(self):\n        pass\n\n\nimport httpx\n",
      errors: [
        missingBase("TestRefunds", at(4, 7, 18), [
          imported(
            "SSotBaseTestCase",
            "unittest.TestCase",
            "test_framework.ssot",
            "import unittest\nfrom test_framework.ssot import SSotBaseTestCase\n\n\nclass TestRefunds(SSotBaseTestCase):\n    def test_refund(self):\n        pass\n\n\nimport httpx\n",
          ),
        ]),
      ],
    },
    {
      name: "no suggestion: a plain base the file does not bind (where it lives is unknown)",
      filename: FILENAME,
      options: [{ bases: ["SSotBaseTestCase"], imports: ["test_framework.ssot"] }],
      code: "import unittest\n\nimport test_framework.ssot.helpers\n\n\nclass TestRefunds(unittest.TestCase):\n    def test_refund(self):\n        pass\n",
      errors: [missingBase("TestRefunds", at(6, 7, 18), [], "'SSotBaseTestCase'")],
    },
    {
      name: "no suggestion: the base's name is bound to something else in the file",
      filename: FILENAME,
      options: DOTTED,
      code: "import unittest\n\nSSotBaseTestCase = None\n\n\nclass TestRefunds(unittest.TestCase):\n    def test_refund(self):\n        pass\n",
      errors: [missingBase("TestRefunds", at(6, 7, 18), [])],
    },
    {
      name: "no suggestion: another unittest base (IsolatedAsyncioTestCase), or a project base that inherits TestCase",
      filename: FILENAME,
      options: DOTTED,
      code: dedent`
        import unittest


        class Base(unittest.TestCase):
            pass


        class TestRefunds(unittest.IsolatedAsyncioTestCase):
            async def test_refund(self):
                pass


        class TestCharges(Base):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestRefunds", at(8, 7, 18), []), missingBase("TestCharges", at(13, 7, 18), [])],
    },
  ],
});

jsRuleTester.run("require-base-class suggestions (JS/TS)", rule, {
  valid: [],
  invalid: [
    {
      name: "no suggestion for a class-based suite: JS/TS has no standard base to replace",
      filename: "orders.test.ts",
      options: [{ bases: ["BaseIntegrationTest"] }],
      code: 'import { suite, test } from "@testdeck/mocha";\n\n@suite\nclass OrderTests {\n  @test\n  creates() {}\n}\n',
      errors: [missingBase("OrderTests", at(4, 7, 17), [], "'BaseIntegrationTest'")],
    },
  ],
});
