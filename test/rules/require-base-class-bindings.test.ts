/**
 * testaudit/require-base-class on bases bound the ways Python binds names: module-level aliases
 * (`BaseTestCase = SSotBaseTestCase`), chains of them, `__all__` and star imports, re-exports through
 * `__init__.py`, names bound differently on `try`/`if` branches, `if TYPE_CHECKING:` imports, and bases
 * only running the code could tell. Real ESLint (RuleTester), real tree-sitter, real files in
 * temporary folders; nothing is mocked.
 */
import dedent from "dedent";
import { caseTrees } from "../temp-tree.js";
import { at, plugin, pythonRuleTester, type ExpectedError } from "../rule-tester.js";

const { inTree } = caseTrees("testaudit-base-bindings-");

const SSOT = "'SSotBaseTestCase'";
const DEFAULT_BASES = "'unittest.TestCase'";
const ssotOption = [{ bases: ["SSotBaseTestCase"] }];
const dottedOption = [{ bases: ["test_framework.ssot.SSotBaseTestCase"] }];

/** The project's base, defined once, as the monorepos this was measured on define it; `tests/` is a package, so the tree's root is an import root. */
const FRAMEWORK = {
  "tests/__init__.py": "",
  "test_framework/__init__.py": "",
  "test_framework/ssot.py": dedent`
    import unittest


    class SSotBaseTestCase(unittest.TestCase):
        pass
  `,
};

const TEST = dedent`
  from test_framework.base import BaseTestCase


  class TestInvoices(BaseTestCase):
      def test_total(self):
          pass
`;

function undetermined(name: string, bases: string, base: string, reason: string, line: number, column: number, endColumn: number): ExpectedError {
  return { messageId: "undeterminedBase", data: { name, bases, base: `'${base}'`, reason }, ...at(line, column, endColumn) };
}

function missingBase(name: string, bases: string, line: number, column: number, endColumn: number): ExpectedError {
  return { messageId: "missingBase", data: { name, bases }, ...at(line, column, endColumn) };
}

function unresolvedBase(name: string, bases: string, unresolved: string, line: number, column: number, endColumn: number): ExpectedError {
  return { messageId: "unresolvedBase", data: { name, bases, unresolved: `base '${unresolved}'` }, ...at(line, column, endColumn) };
}

pythonRuleTester.run("require-base-class (names as Python binds them)", plugin.rules["require-base-class"], {
  assertionOptions: { requireMessage: "messageId", requireLocation: true, requireData: true },
  valid: [
    ...[ssotOption, dottedOption].map((options) =>
      inTree(
        {
          ...FRAMEWORK,
          "test_framework/base.py": dedent`
            from test_framework.ssot import SSotBaseTestCase

            BaseTestCase = SSotBaseTestCase  # legacy name
          `,
        },
        "tests/test_invoices.py",
        { name: `a legacy alias at the end of the base module (${options[0]!.bases[0]!})`, options, code: TEST },
      ),
    ),
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": dedent`
          from test_framework import ssot

          __all__ = ["BaseIntegrationTest"]

          BaseIntegrationTest = ssot.SSotBaseTestCase
        `,
      },
      "tests/test_invoices.py",
      {
        name: "an alias of `module.Base`, listed in __all__ and star-imported",
        options: dottedOption,
        code: dedent`
          from test_framework.base import *


          class TestInvoices(BaseIntegrationTest):
              def test_total(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": dedent`
          from .ssot import SSotBaseTestCase

          LegacyBase = SSotBaseTestCase
          OlderBase = LegacyBase
          BaseTestCase = OlderBase
        `,
      },
      "tests/test_invoices.py",
      { name: "a chain of aliases", options: dottedOption, code: TEST },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "test_framework/__init__.py": "from .ssot import SSotBaseTestCase as BaseTestCase\n",
        "test_framework/ssot.py": FRAMEWORK["test_framework/ssot.py"],
        "test_framework/base.py": "from test_framework import BaseTestCase\n",
      },
      "tests/test_invoices.py",
      { name: "re-exported under another name by the package's __init__.py", options: dottedOption, code: TEST },
    ),
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": dedent`
          try:
              from test_framework.fast import SSotBaseTestCase as BaseTestCase
          except ImportError:
              from test_framework.ssot import SSotBaseTestCase as BaseTestCase
        `,
        "test_framework/fast.py": "from .ssot import SSotBaseTestCase\n",
      },
      "tests/test_invoices.py",
      { name: "try/except ImportError: both branches reach the base", options: dottedOption, code: TEST },
    ),
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": dedent`
          import sys

          from test_framework import ssot

          if sys.version_info >= (3, 11):
              BaseTestCase = ssot.SSotBaseTestCase
          elif sys.version_info >= (3, 9):
              from test_framework.ssot import SSotBaseTestCase as BaseTestCase
          else:
              class BaseTestCase(ssot.SSotBaseTestCase):
                  pass
        `,
      },
      "tests/test_invoices.py",
      { name: "if/elif/else: every branch reaches the base", options: ssotOption, code: TEST },
    ),
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": dedent`
          from typing import TYPE_CHECKING

          if TYPE_CHECKING:
              from other_framework import BaseTestCase
          else:
              from test_framework.ssot import SSotBaseTestCase as BaseTestCase
        `,
      },
      "tests/test_invoices.py",
      { name: "an `if TYPE_CHECKING:` import never runs: the else branch binds the base", options: dottedOption, code: TEST },
    ),
    inTree(
      FRAMEWORK,
      "tests/test_invoices.py",
      {
        name: "an alias in the test file itself",
        options: dottedOption,
        code: dedent`
          from test_framework.ssot import SSotBaseTestCase

          Base = SSotBaseTestCase


          class TestInvoices(Base):
              def test_total(self):
                  pass
        `,
      },
    ),
    {
      name: "default base: a module imported with importlib",
      filename: "test_invoices.py",
      code: dedent`
        import importlib

        ut = importlib.import_module("unittest")


        class TestInvoices(ut.TestCase):
            def test_total(self):
                pass
      `,
    },
    {
      name: "a base rebound later in the module: the class statement saw the first binding",
      filename: "test_invoices.py",
      code: dedent`
        import unittest

        Base = unittest.TestCase


        class TestInvoices(Base):
            def test_total(self):
                pass


        Base = object
      `,
    },
  ],
  invalid: [
    inTree(
      {
        "tests/__init__.py": "",
        "mypkg/__init__.py": "",
        "mypkg/testutils.py": dedent`
          import unittest
          from unittest import mock
        `,
      },
      "tests/test_invoices.py",
      {
        name: "`unittest` re-exported by a project module is the standard library's: known not to be the project's base",
        options: ssotOption,
        code: dedent`
          from mypkg.testutils import unittest


          class TestInvoices(unittest.TestCase):
              def test_total(self):
                  pass
        `,
        errors: [missingBase("TestInvoices", SSOT, 4, 7, 19)],
      },
    ),
    {
      name: "`*bases`: only running the code tells",
      filename: "test_invoices.py",
      code: dedent`
        import unittest

        bases = (unittest.TestCase,)


        class TestInvoices(*bases):
            def test_total(self):
                pass
      `,
      errors: [undetermined("TestInvoices", DEFAULT_BASES, "*bases", "is unpacked from a sequence when the module runs", 6, 7, 19)],
    },
    {
      name: "a base computed by a call in the class statement",
      filename: "test_invoices.py",
      code: dedent`
        def make_base():
            import unittest
            return unittest.TestCase


        class TestInvoices(make_base()):
            def test_total(self):
                pass
      `,
      errors: [undetermined("TestInvoices", DEFAULT_BASES, "make_base()", "is computed by a call when the module runs", 6, 7, 19)],
    },
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": dedent`
          from test_framework.ssot import SSotBaseTestCase


          def _with_retries(cls):
              return type(cls.__name__, (cls,), {})


          BaseTestCase = _with_retries(SSotBaseTestCase)
        `,
      },
      "tests/test_invoices.py",
      {
        name: "an alias bound to a call's result in another module",
        options: ssotOption,
        code: TEST,
        errors: [undetermined("TestInvoices", SSOT, "BaseTestCase", "is computed by a call when the module runs", 4, 7, 19)],
      },
    ),
    {
      name: "a name bound only inside a function (`global`)",
      filename: "test_invoices.py",
      code: dedent`
        def install():
            global Base
            import unittest
            Base = unittest.TestCase


        install()


        class TestInvoices(Base):
            def test_total(self):
                pass
      `,
      errors: [undetermined("TestInvoices", DEFAULT_BASES, "Base", "is rebound inside a function ('global')", 10, 7, 19)],
    },
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": dedent`
          try:
              from test_framework.ssot import SSotBaseTestCase as BaseTestCase
          except ImportError:
              BaseTestCase = object
        `,
      },
      "tests/test_invoices.py",
      {
        name: "try/except: one branch reaches the base, the other does not",
        options: ssotOption,
        code: TEST,
        errors: [undetermined("TestInvoices", SSOT, "BaseTestCase", "is bound to different classes on different branches, and not all of them reach it", 4, 7, 19)],
      },
    ),
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": dedent`
          import unittest

          BaseTestCase = unittest.TestCase
        `,
      },
      "tests/test_invoices.py",
      {
        name: "an alias chain that ends at unittest.TestCase: known not to reach the project's base",
        options: ssotOption,
        code: TEST,
        errors: [missingBase("TestInvoices", SSOT, 4, 7, 19)],
      },
    ),
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": "BaseTestCase = None\n",
      },
      "tests/test_invoices.py",
      {
        name: "an alias bound to a value that is no class",
        options: ssotOption,
        code: TEST,
        errors: [undetermined("TestInvoices", SSOT, "BaseTestCase", "is bound to something that is not a class", 4, 7, 19)],
      },
    ),
    inTree(
      {
        ...FRAMEWORK,
        "test_framework/base.py": dedent`
          from test_framework.ssot import SSotBaseTestCase

          __all__ = ["SSotBaseTestCase"]

          BaseIntegrationTest = SSotBaseTestCase
        `,
      },
      "tests/test_invoices.py",
      {
        name: "a star import brings only the names of __all__",
        options: ssotOption,
        code: dedent`
          from test_framework.base import *


          class TestInvoices(BaseIntegrationTest):
              def test_total(self):
                  pass
        `,
        errors: [unresolvedBase("TestInvoices", SSOT, "BaseIntegrationTest", 4, 7, 19)],
      },
    ),
  ],
});
