/**
 * testaudit/require-base-class: real ESLint (RuleTester and Linter), real tree-sitter and, for
 * cross-file resolution, real Python files in temporary folder trees. Nothing is mocked.
 */
import { rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import dedent from "dedent";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { caseTrees, writeTree } from "../temp-tree.js";
import { at, plugin, pythonRuleTester, type ExpectedError as SharedExpectedError } from "../rule-tester.js";

const DEFAULT_BASES = "'unittest.TestCase'";
const SSOT = "'SSotBaseTestCase'";
const SSOT_DOTTED = "'test_framework.ssot.SSotBaseTestCase'";

const { inTree } = caseTrees("testaudit-require-base-class-");

type ExpectedError = SharedExpectedError<"missingBase" | "unresolvedBase" | "testFunction">;

function missingBase(name: string, bases: string, position: ReturnType<typeof at>): ExpectedError {
  return { messageId: "missingBase", data: { name, bases }, ...position };
}

/** `unresolved`: the quoted bases as the message lists them (`'A'`, `'A' and 'B'`). */
function unresolvedBase(name: string, bases: string, unresolved: string, position: ReturnType<typeof at>): ExpectedError {
  return { messageId: "unresolvedBase", data: { name, bases, unresolved: `${unresolved.includes("' and '") ? "bases" : "base"} ${unresolved}` }, ...position };
}

function testFunction(name: string, bases: string, position: ReturnType<typeof at>): ExpectedError {
  return { messageId: "testFunction", data: { name, bases }, ...position };
}

const ssotOption = [{ bases: ["SSotBaseTestCase"] }];
const dottedOption = [{ bases: ["test_framework.ssot.SSotBaseTestCase"] }];

/** A test file pytest collects, linted from the repository folder (no other Python file is near it). */
const INLINE = "test_require_base_class.py";

pythonRuleTester.run("require-base-class", plugin.rules["require-base-class"], {
  assertionOptions: { requireMessage: "messageId", requireLocation: true, requireData: true },
  valid: [
    {
      name: "unittest.case.TestCase and IsolatedAsyncioTestCase are unittest.TestCase",
      filename: INLINE,
      code: dedent`
        import unittest
        from unittest import case


        class TestOrders(case.TestCase):
            def test_list(self):
                pass


        class TestAsyncOrders(unittest.IsolatedAsyncioTestCase):
            async def test_list(self):
                pass
      `,
    },
    {
      name: "Django's and Django REST framework's test cases reach unittest.TestCase",
      filename: INLINE,
      code: dedent`
        from django.test import TransactionTestCase
        from rest_framework.test import APITestCase


        class OrderApiChecks(APITestCase):
            def test_list(self):
                pass


        class TestOrderTransactions(TransactionTestCase):
            def test_rollback(self):
                pass
      `,
    },
    // ---- default option: unittest.TestCase ----
    {
      name: "default: unittest.TestCase through `import unittest`",
      filename: INLINE,
      code: dedent`
        import unittest

        class TestBilling(unittest.TestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "default: TestCase through `from unittest import TestCase`",
      filename: INLINE,
      code: dedent`
        from unittest import TestCase

        class TestBilling(TestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "default: aliased `from unittest import TestCase as TC`",
      filename: INLINE,
      code: dedent`
        from unittest import TestCase as TC

        class TestBilling(TC):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "default: aliased module `import unittest as ut`",
      filename: INLINE,
      code: dedent`
        import unittest as ut

        class TestBilling(ut.TestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "default: star import of the stdlib module `from unittest import *`",
      filename: INLINE,
      code: dedent`
        from unittest import *

        class TestBilling(TestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "default: multi-level chain of classes in the same file",
      filename: INLINE,
      code: dedent`
        import unittest

        class Base(unittest.TestCase):
            pass

        class Middle(Base):
            def helper(self):
                pass

        class TestBilling(Middle):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "default: a mixin first, the required base second",
      filename: INLINE,
      code: dedent`
        import unittest

        class DatabaseMixin:
            pass

        class TestBilling(DatabaseMixin, unittest.TestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "default: a base class that is itself collected (unittest, any name) reaches the base",
      filename: INLINE,
      code: dedent`
        import unittest

        class SharedChecks(unittest.TestCase):
            def test_shared(self):
                pass

        class TestBilling(SharedChecks):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "default: a base defined inside `try`/`if` at module level is followed",
      filename: INLINE,
      code: dedent`
        import sys
        import unittest

        if sys.version_info >= (3, 8):
            class Base(unittest.TestCase):
                pass
        else:
            class Base(unittest.TestCase):
                pass

        class TestBilling(Base):
            def test_charge(self):
                pass
      `,
    },

    // ---- option `bases`: plain and dotted names ----
    {
      name: "plain option: direct base",
      filename: INLINE,
      options: ssotOption,
      code: dedent`
        from test_framework.ssot import SSotBaseTestCase

        class TestBilling(SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "plain option: dotted base `ssot.SSotBaseTestCase`",
      filename: INLINE,
      options: ssotOption,
      code: dedent`
        from test_framework import ssot

        class TestBilling(ssot.SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "plain option: an unresolved mixin does not matter when another base reaches",
      filename: INLINE,
      options: ssotOption,
      code: dedent`
        from test_framework.ssot import SSotBaseTestCase

        class TestBilling(UnknownMixin, SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "dotted option: `from test_framework.ssot import SSotBaseTestCase`",
      filename: INLINE,
      options: dottedOption,
      code: dedent`
        from test_framework.ssot import SSotBaseTestCase

        class TestBilling(SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "dotted option: aliased import of the class",
      filename: INLINE,
      options: dottedOption,
      code: dedent`
        from test_framework.ssot import SSotBaseTestCase as Base

        class TestBilling(Base):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "dotted option: `from test_framework import ssot` + `ssot.SSotBaseTestCase`",
      filename: INLINE,
      options: dottedOption,
      code: dedent`
        from test_framework import ssot

        class TestBilling(ssot.SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "dotted option: `import test_framework.ssot` + full dotted base",
      filename: INLINE,
      options: dottedOption,
      code: dedent`
        import test_framework.ssot

        class TestBilling(test_framework.ssot.SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "dotted option: `import test_framework.ssot as ssot`",
      filename: INLINE,
      options: dottedOption,
      code: dedent`
        import test_framework.ssot as ssot

        class TestBilling(ssot.SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "dotted option matched by suffix: option `ssot.SSotBaseTestCase`",
      filename: INLINE,
      options: [{ bases: ["ssot.SSotBaseTestCase"] }],
      code: dedent`
        from test_framework import ssot

        class TestBilling(ssot.SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "several bases: reaching any one of them is enough",
      filename: INLINE,
      options: [{ bases: ["SSotBaseTestCase", "unittest.TestCase"] }],
      code: dedent`
        import unittest

        class TestBilling(unittest.TestCase):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "plain option: same-file chain to the base",
      filename: INLINE,
      options: ssotOption,
      code: dedent`
        from test_framework.ssot import SSotBaseTestCase

        class BillingBase(SSotBaseTestCase):
            pass

        class TestBilling(BillingBase):
            def test_charge(self):
                pass
      `,
    },

    // ---- classes that hold no collected tests are not reported ----
    {
      name: "helper class whose name pytest does not collect",
      filename: INLINE,
      code: dedent`
        class BillingHelper:
            def test_like_helper(self):
                pass
      `,
    },
    {
      name: "Test class with __init__ is not collected",
      filename: INLINE,
      code: dedent`
        class TestBilling:
            def __init__(self):
                self.amount = 1

            def test_charge(self):
                pass
      `,
    },
    {
      name: "Test class with __new__ is not collected",
      filename: INLINE,
      code: dedent`
        class TestBilling:
            def __new__(cls):
                return super().__new__(cls)

            def test_charge(self):
                pass
      `,
    },
    {
      name: "Test class with __init__ inherited from a same-file base is not collected",
      filename: INLINE,
      code: dedent`
        class Configured:
            def __init__(self):
                self.amount = 1

        class TestBilling(Configured):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "__test__ = False",
      filename: INLINE,
      code: dedent`
        class TestBilling:
            __test__ = False

            def test_charge(self):
                pass
      `,
    },
    {
      name: "__test__ = False inherited from a same-file base",
      filename: INLINE,
      code: dedent`
        class NotCollected:
            __test__ = False

        class TestBilling(NotCollected):
            def test_charge(self):
                pass
      `,
    },
    {
      name: "Test classes defined inside a function",
      filename: INLINE,
      code: dedent`
        def make_suite():
            class TestInner:
                def test_charge(self):
                    pass

            return TestInner
      `,
    },
    {
      name: "Test class holding only fixtures and helpers",
      filename: INLINE,
      code: dedent`
        import pytest

        class TestBilling:
            @pytest.fixture
            def test_account(self):
                return 1

            @pytest.fixture(autouse=True)
            def setup_db(self):
                yield

            def helper(self):
                pass
      `,
    },
    {
      name: "empty Test class",
      filename: INLINE,
      code: dedent`
        class TestBilling:
            pass
      `,
    },
    {
      name: "Test classes nested in a unittest class are not collected",
      filename: INLINE,
      code: dedent`
        import unittest

        class TestOuter(unittest.TestCase):
            class TestInner:
                def test_inner(self):
                    pass

            def test_outer(self):
                pass
      `,
    },
    {
      name: "module-level fixture named like a test is not a test",
      filename: INLINE,
      code: dedent`
        import pytest

        @pytest.fixture
        def test_account():
            return 1
      `,
    },
    {
      name: "a file pytest does not collect (helpers.py)",
      filename: "helpers.py",
      code: dedent`
        class TestBilling:
            def test_charge(self):
                pass

        def test_function():
            pass
      `,
    },
    {
      name: "conftest.py is not a test module",
      filename: "conftest.py",
      code: dedent`
        def test_function():
            pass
      `,
    },

    // ---- allowFunctions ----
    {
      name: "allowFunctions: true allows module-level test functions",
      filename: INLINE,
      options: [{ allowFunctions: true }],
      code: dedent`
        import pytest

        def test_charge():
            pass

        @pytest.mark.parametrize("amount", [1, 2])
        def test_refund(amount):
            pass
      `,
    },
    {
      name: "allowFunctions: true with bases still accepts good classes",
      filename: INLINE,
      options: [{ bases: ["SSotBaseTestCase"], allowFunctions: true }],
      code: dedent`
        class TestBilling(SSotBaseTestCase):
            def test_charge(self):
                pass

        def test_refund():
            pass
      `,
    },
    {
      name: "functions that are not tests are not reported",
      filename: INLINE,
      code: dedent`
        def helper():
            pass

        def check_charge():
            pass
      `,
    },

    // ---- cross-file resolution against real files ----
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          from test_framework.ssot import SSotBaseTestCase

          class BillingBase(SSotBaseTestCase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: relative import `from .base import BillingBase`",
        options: ssotOption,
        code: dedent`
          from .base import BillingBase

          class TestBilling(BillingBase):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/integration/__init__.py": "",
        "tests/shared/__init__.py": "",
        "tests/shared/base.py": dedent`
          import unittest

          class SharedBase(unittest.TestCase):
              pass
        `,
      },
      "tests/integration/test_billing.py",
      {
        name: "cross-file: two-dot relative import `from ..shared.base import SharedBase`",
        code: dedent`
          from ..shared.base import SharedBase

          class TestBilling(SharedBase):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: `from . import base` + `base.Base`",
        code: dedent`
          from . import base

          class TestBilling(base.Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "pkg/__init__.py": "",
        "pkg/mod.py": dedent`
          from test_framework.ssot import SSotBaseTestCase

          class Base(SSotBaseTestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "cross-file: `from pkg import mod` + `mod.Base`",
        options: ssotOption,
        code: dedent`
          from pkg import mod

          class TestBilling(mod.Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "pkg/__init__.py": "",
        "pkg/mod.py": dedent`
          from test_framework.ssot import SSotBaseTestCase

          class Base(SSotBaseTestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "cross-file: `import pkg.mod` + `pkg.mod.Base`",
        options: ssotOption,
        code: dedent`
          import pkg.mod

          class TestBilling(pkg.mod.Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "pkg/__init__.py": "",
        "pkg/mod.py": dedent`
          from test_framework.ssot import SSotBaseTestCase

          class Base(SSotBaseTestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "cross-file: `import pkg.mod as m` + `m.Base`",
        options: ssotOption,
        code: dedent`
          import pkg.mod as m

          class TestBilling(m.Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "pkg/__init__.py": "",
        "pkg/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "cross-file: star import `from pkg.base import *`",
        code: dedent`
          from pkg.base import *

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "pkg/__init__.py": "from .base import Base\n",
        "pkg/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "cross-file: re-export through the package __init__.py",
        code: dedent`
          from pkg import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "pkg/__init__.py": "from .base import *\n",
        "pkg/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "cross-file: star re-export through __init__.py, imported by name",
        code: dedent`
          from pkg import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "pkg/__init__.py": "from .base import *\n",
        "pkg/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "cross-file: star import of a package that star-imports its module",
        code: dedent`
          from pkg import *

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "cross-file: absolute import of a module in the file's own folder",
        code: dedent`
          from base import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/integration/__init__.py": "",
        "tests/support/__init__.py": "",
        "tests/support/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "tests/integration/test_billing.py",
      {
        name: "cross-file: absolute import from the folder above the top package",
        code: dedent`
          from tests.support.base import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/integration/__init__.py": "",
        "tests/support.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "tests/integration/test_billing.py",
      {
        name: "cross-file: absolute import from a package ancestor folder",
        code: dedent`
          from support import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/a.py": dedent`
          from .b import Lower

          class Upper(Lower):
              pass
        `,
        "tests/b.py": dedent`
          from test_framework.ssot import SSotBaseTestCase

          class Lower(SSotBaseTestCase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: multi-level chain through two files",
        options: ssotOption,
        code: dedent`
          from .a import Upper

          class Middle(Upper):
              pass

          class TestBilling(Middle):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          try:
              from .ssot import SSotBaseTestCase
          except ImportError:
              SSotBaseTestCase = object

          class Base(SSotBaseTestCase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: imports inside try/except are read",
        options: ssotOption,
        code: dedent`
          from .base import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: a class pytest would not collect by name is collected as unittest through another file",
        code: dedent`
          from .base import Base

          class BillingChecks(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "test_framework/__init__.py": "from .ssot import SSotBaseTestCase\n",
        "test_framework/ssot.py": dedent`
          import unittest

          class SSotBaseTestCase(unittest.TestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "dotted option: the class re-exported through the package __init__.py",
        options: dottedOption,
        code: dedent`
          from test_framework import SSotBaseTestCase

          class TestBilling(SSotBaseTestCase):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "test_framework/__init__.py": "",
        "test_framework/ssot.py": dedent`
          import unittest

          class SSotBaseTestCase(unittest.TestCase):
              pass
        `,
        "test_framework/billing.py": dedent`
          from .ssot import SSotBaseTestCase

          class BillingBase(SSotBaseTestCase):
              pass
        `,
      },
      "test_billing.py",
      {
        name: "dotted option: reached through a project class that imports it relatively",
        options: dottedOption,
        code: dedent`
          from test_framework.billing import BillingBase

          class TestBilling(BillingBase):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "test_framework/__init__.py": "",
        "test_framework/ssot.py": dedent`
          class SSotBaseTestCase:
              pass
        `,
      },
      "test_billing.py",
      {
        name: "dotted option: star import of the module defining the class",
        options: dottedOption,
        code: dedent`
          from test_framework.ssot import *

          class TestBilling(SSotBaseTestCase):
              def test_charge(self):
                  pass
        `,
      },
    ),

    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          from unittest import TestCase

          class TestCase(TestCase):
              maxDiff = None
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: `class TestCase(TestCase)` extends the imported TestCase, not itself",
        code: dedent`
          from .base import TestCase

          class TestBilling(TestCase):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass

          def broken(:
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: a base file with a syntax error elsewhere is still read, not imported",
        code: dedent`
          from .base import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
    {
      name: "same file: `class TestCase(TestCase)` extends the imported TestCase",
      filename: INLINE,
      code: dedent`
        from unittest import TestCase

        class TestCase(TestCase):
            maxDiff = None

        class TestBilling(TestCase):
            def test_charge(self):
                pass
      `,
    },

    // ---- pytest configuration ----
    inTree(
      {
        "pytest.ini": dedent`
          [pytest]
          python_classes = *Tests
        `,
      },
      "tests/test_billing.py",
      {
        name: "pytest.ini python_classes = *Tests: a Test-prefixed class is no longer collected",
        code: dedent`
          class TestBilling:
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "pytest.ini": dedent`
          [pytest]
          python_classes = *Tests
        `,
      },
      "tests/test_billing.py",
      {
        name: "pytest.ini python_classes = *Tests: BillingTests with the base",
        options: ssotOption,
        code: dedent`
          class BillingTests(SSotBaseTestCase):
              def test_charge(self):
                  pass
        `,
      },
    ),
    inTree(
      {
        "pytest.ini": dedent`
          [pytest]
          pythonpath = src
        `,
        "src/mylib/__init__.py": "",
        "src/mylib/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "pytest.ini pythonpath = src: `from mylib.base import Base` resolves to src/mylib/base.py",
        code: dedent`
          from mylib.base import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
      },
    ),
  ],

  invalid: [
    // ---- missingBase ----
    {
      name: "default: a Test class with no base",
      filename: INLINE,
      code: dedent`
        class TestBilling:
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(1, 7, 18))],
    },
    {
      name: "default: `object` is a builtin, so the base is missing, not unresolved",
      filename: INLINE,
      code: dedent`
        class TestBilling(object):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(1, 7, 18))],
    },
    {
      name: "stdlib base `abc.ABC` is not unresolved",
      filename: INLINE,
      code: dedent`
        import abc

        class TestBilling(abc.ABC):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(3, 7, 18))],
    },
    {
      name: "stdlib base `from abc import ABC` is not unresolved",
      filename: INLINE,
      code: dedent`
        from abc import ABC

        class TestBilling(ABC):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(3, 7, 18))],
    },
    {
      name: "stdlib base from a stdlib star import `from abc import *` is not unresolved",
      filename: INLINE,
      code: dedent`
        from abc import *

        class TestBilling(ABC):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(3, 7, 18))],
    },
    {
      name: "unresolved: a name from a star import of a module with no file outside the stdlib",
      filename: INLINE,
      code: dedent`
        from project_support import *

        class TestBilling(BillingBase):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(3, 7, 18))],
    },
    {
      name: "stdlib base with a subscript `typing.Generic[T]` is not unresolved",
      filename: INLINE,
      code: dedent`
        from typing import Generic, TypeVar

        T = TypeVar("T")

        class TestBilling(Generic[T]):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(5, 7, 18))],
    },
    {
      name: "same-file chain that never reaches the base",
      filename: INLINE,
      code: dedent`
        class Base:
            pass

        class Middle(Base):
            pass

        class TestBilling(Middle):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(7, 7, 18))],
    },
    {
      name: "plain option: unittest.TestCase is not the required base; the class is collected by unittest whatever its name",
      filename: INLINE,
      options: ssotOption,
      code: dedent`
        import unittest

        class BillingChecks(unittest.TestCase):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("BillingChecks", SSOT, at(3, 7, 20))],
    },
    {
      name: "plain option: a different class of the same module does not count",
      filename: INLINE,
      options: ssotOption,
      code: dedent`
        from test_framework import ssot

        class TestBilling(ssot.OtherBaseTestCase):
            def test_charge(self):
                pass
      `,
      // test_framework is not a file near the test, so `ssot.OtherBaseTestCase` cannot be resolved.
      errors: [unresolvedBase("TestBilling", SSOT, "'ssot.OtherBaseTestCase'", at(3, 7, 18))],
    },
    {
      name: "dotted option: the same class name from another module does not count",
      filename: INLINE,
      options: dottedOption,
      code: dedent`
        from other_framework.ssot import SSotBaseTestCase

        class TestBilling(SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", SSOT_DOTTED, "'SSotBaseTestCase'", at(3, 7, 18))],
    },
    {
      name: "two bases in the option are listed with `or`",
      filename: INLINE,
      options: [{ bases: ["SSotBaseTestCase", "unittest.TestCase"] }],
      code: dedent`
        class TestBilling:
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", "'SSotBaseTestCase' or 'unittest.TestCase'", at(1, 7, 18))],
    },
    {
      name: "three bases in the option",
      filename: INLINE,
      options: [{ bases: ["SSotBaseTestCase", "AsyncBaseTestCase", "unittest.TestCase"] }],
      code: dedent`
        class TestBilling:
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", "'SSotBaseTestCase', 'AsyncBaseTestCase' or 'unittest.TestCase'", at(1, 7, 18))],
    },
    {
      name: "a Test base class and its subclass are both reported (the subclass inherits the tests)",
      filename: INLINE,
      code: dedent`
        class TestBase:
            def test_common(self):
                pass

        class TestBilling(TestBase):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBase", DEFAULT_BASES, at(1, 7, 15)), missingBase("TestBilling", DEFAULT_BASES, at(5, 7, 18))],
    },
    {
      name: "a subclass holding only inherited tests is reported",
      filename: INLINE,
      options: ssotOption,
      code: dedent`
        class Checks:
            def test_common(self):
                pass

        class TestBilling(Checks):
            pass
      `,
      errors: [missingBase("TestBilling", SSOT, at(5, 7, 18))],
    },
    {
      name: "a nested Test class of a pytest class is collected and checked",
      filename: INLINE,
      options: ssotOption,
      code: dedent`
        class TestOuter(SSotBaseTestCase):
            def test_outer(self):
                pass

            class TestInner:
                def test_inner(self):
                    pass
      `,
      errors: [missingBase("TestInner", SSOT, at(5, 11, 20))],
    },
    {
      name: "a decorated class is reported at its name",
      filename: INLINE,
      code: dedent`
        import pytest

        @pytest.mark.usefixtures("db")
        class TestBilling:
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(4, 7, 18))],
    },
    {
      name: "a class with only a skipped, parametrized or async test is still reported",
      filename: INLINE,
      code: dedent`
        import pytest

        class TestBilling:
            @pytest.mark.skip(reason="later")
            @pytest.mark.parametrize("amount", [1])
            async def test_charge(self, amount):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(3, 7, 18))],
    },
    {
      name: "a class whose __test__ = True is collected despite the helper name",
      filename: INLINE,
      code: dedent`
        class BillingChecks:
            __test__ = True

            def test_charge(self):
                pass
      `,
      errors: [missingBase("BillingChecks", DEFAULT_BASES, at(1, 7, 20))],
    },
    {
      name: "any builtin class is a known base, not an unresolved one",
      filename: INLINE,
      code: dedent`
        class TestErrors(KeyError):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestErrors", DEFAULT_BASES, at(1, 7, 17))],
    },

    // ---- unresolvedBase ----
    {
      name: "unresolved: a name defined nowhere",
      filename: INLINE,
      code: dedent`
        class TestBilling(BillingBase):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(1, 7, 18))],
    },
    {
      name: "unresolved: the imported module has no file",
      filename: INLINE,
      code: dedent`
        from project_support.base import BillingBase

        class TestBilling(BillingBase):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(3, 7, 18))],
    },
    {
      name: "unresolved: a dotted base through an unfound module",
      filename: INLINE,
      code: dedent`
        import project_support.base

        class TestBilling(project_support.base.BillingBase):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'project_support.base.BillingBase'", at(3, 7, 18))],
    },
    {
      name: "unresolved: two bases are both named, with `and`",
      filename: INLINE,
      code: dedent`
        from project_support import DatabaseMixin, BillingBase

        class TestBilling(DatabaseMixin, BillingBase):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'DatabaseMixin' and 'BillingBase'", at(3, 7, 18))],
    },
    {
      name: "unresolved: one base resolves without reaching, the other is unresolved",
      filename: INLINE,
      code: dedent`
        class Helper:
            pass

        class TestBilling(Helper, BillingBase):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(4, 7, 18))],
    },
    {
      name: "unresolved: deep in a same-file chain",
      filename: INLINE,
      code: dedent`
        class Base(BillingBase):
            pass

        class TestBilling(Base):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(4, 7, 18))],
    },
    {
      name: "unresolved: a relative import with no file near the test",
      filename: INLINE,
      code: dedent`
        from .base import BillingBase

        class TestBilling(BillingBase):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(3, 7, 18))],
    },

    // ---- testFunction ----
    {
      name: "module-level test functions are reported",
      filename: INLINE,
      code: dedent`
        import pytest

        def test_charge():
            pass

        @pytest.mark.parametrize("amount", [1, 2])
        def test_refund(amount):
            pass

        async def test_async_refund():
            pass
      `,
      errors: [
        testFunction("test_charge", DEFAULT_BASES, at(3, 5, 16)),
        testFunction("test_refund", DEFAULT_BASES, at(7, 5, 16)),
        testFunction("test_async_refund", DEFAULT_BASES, at(10, 11, 28)),
      ],
    },
    {
      name: "allowFunctions: false (explicit) with a good class and a bad function",
      filename: INLINE,
      options: [{ bases: ["SSotBaseTestCase"], allowFunctions: false }],
      code: dedent`
        class TestBilling(SSotBaseTestCase):
            def test_charge(self):
                pass

        def test_refund():
            pass
      `,
      errors: [testFunction("test_refund", SSOT, at(5, 5, 16))],
    },
    {
      name: "allowFunctions: true still reports classes",
      filename: INLINE,
      options: [{ allowFunctions: true }],
      code: dedent`
        def test_refund():
            pass

        class TestBilling:
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(4, 7, 18))],
    },
    {
      name: "classes and functions reported together, in source order",
      filename: INLINE,
      code: dedent`
        def test_first():
            pass

        class TestBilling(BillingBase):
            def test_charge(self):
                pass

        def test_last():
            pass
      `,
      errors: [
        testFunction("test_first", DEFAULT_BASES, at(1, 5, 15)),
        unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(4, 7, 18)),
        testFunction("test_last", DEFAULT_BASES, at(8, 5, 14)),
      ],
    },

    // ---- cycles ----
    {
      name: "cycle: two classes of the same file inheriting from each other",
      filename: INLINE,
      code: dedent`
        class A(B):
            pass

        class B(A):
            pass

        class TestBilling(A):
            def test_charge(self):
                pass
      `,
      errors: [missingBase("TestBilling", DEFAULT_BASES, at(7, 7, 18))],
    },
    {
      name: "cycle: two Test classes inheriting from each other",
      filename: INLINE,
      code: dedent`
        class TestA(TestB):
            def test_a(self):
                pass

        class TestB(TestA):
            def test_b(self):
                pass
      `,
      errors: [missingBase("TestA", DEFAULT_BASES, at(1, 7, 12)), missingBase("TestB", DEFAULT_BASES, at(5, 7, 12))],
    },
    {
      name: "cycle: a class inheriting from itself names a base that does not exist yet",
      filename: INLINE,
      code: dedent`
        class TestBilling(TestBilling):
            def test_charge(self):
                pass
      `,
      errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'TestBilling'", at(1, 7, 18))],
    },

    // ---- cross-file ----
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          class BillingBase:
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: the imported base is read and does not reach the required base",
        options: ssotOption,
        code: dedent`
          from .base import BillingBase

          class TestBilling(BillingBase):
              def test_charge(self):
                  pass
        `,
        errors: [missingBase("TestBilling", SSOT, at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          from abc import ABC

          class BillingBase(ABC):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: a chain ending at a stdlib base is missing, not unresolved",
        code: dedent`
          from .base import BillingBase

          class TestBilling(BillingBase):
              def test_charge(self):
                  pass
        `,
        errors: [missingBase("TestBilling", DEFAULT_BASES, at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          class OtherBase:
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: the module file exists but lacks the name",
        code: dedent`
          from .base import BillingBase

          class TestBilling(BillingBase):
              def test_charge(self):
                  pass
        `,
        errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          class OtherBase:
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: `from . import base` + `base.BillingBase` missing from the module",
        code: dedent`
          from . import base

          class TestBilling(base.BillingBase):
              def test_charge(self):
                  pass
        `,
        errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'base.BillingBase'", at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
      },
      "tests/test_billing.py",
      {
        name: "cross-file: the relatively imported module has no file",
        code: dedent`
          from .base import BillingBase

          class TestBilling(BillingBase):
              def test_charge(self):
                  pass
        `,
        errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          from .mixins import DatabaseMixin

          class BillingBase(IntegrationBase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: the unresolved name deep in another file is named",
        code: dedent`
          from .base import BillingBase

          class TestBilling(BillingBase):
              def test_charge(self):
                  pass
        `,
        errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'IntegrationBase'", at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: a unittest class of any name is collected through another file's base",
        options: ssotOption,
        code: dedent`
          from .base import Base

          class BillingChecks(Base):
              def test_charge(self):
                  pass
        `,
        errors: [missingBase("BillingChecks", SSOT, at(3, 7, 20))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/a.py": dedent`
          from .b import B

          class A(B):
              pass
        `,
        "tests/b.py": dedent`
          from .a import A

          class B(A):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file cycle: two files whose classes inherit from each other",
        code: dedent`
          from .a import A

          class TestBilling(A):
              def test_charge(self):
                  pass
        `,
        errors: [missingBase("TestBilling", DEFAULT_BASES, at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/a.py": "from .b import Base\n",
        "tests/b.py": "from .a import Base\n",
      },
      "tests/test_billing.py",
      {
        name: "cross-file cycle: two files re-exporting a name from each other",
        code: dedent`
          from .a import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
        errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'Base'", at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/a.py": "from .b import *\n",
        "tests/b.py": "from .a import *\n",
      },
      "tests/test_billing.py",
      {
        name: "cross-file cycle: two files star-importing each other",
        code: dedent`
          from .a import *

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
        errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'Base'", at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "from .test_billing import *\n",
      },
      "tests/test_billing.py",
      {
        name: "cross-file cycle: the package __init__.py star-imports the test module",
        code: dedent`
          from tests import *

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
        errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'Base'", at(3, 7, 18))],
      },
    ),

    inTree(
      {
        "other_framework/__init__.py": "",
        "other_framework/ssot.py": dedent`
          class SSotBaseTestCase:
              pass
        `,
      },
      "test_billing.py",
      {
        name: "dotted option: a class of the same name defined in another module does not count",
        options: dottedOption,
        code: dedent`
          from other_framework import ssot

          class TestBilling(ssot.SSotBaseTestCase):
              def test_charge(self):
                  pass
        `,
        errors: [missingBase("TestBilling", SSOT_DOTTED, at(3, 7, 18))],
      },
    ),
    inTree(
      {},
      "test_billing.py",
      {
        name: "dotted option: a class of the same name defined in the test file does not count",
        options: dottedOption,
        code: dedent`
          class SSotBaseTestCase:
              pass

          class TestBilling(SSotBaseTestCase):
              def test_charge(self):
                  pass
        `,
        errors: [missingBase("TestBilling", SSOT_DOTTED, at(4, 7, 18))],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "",
        "tests/base.py": dedent`
          from .mixins import DatabaseMixin

          class BillingBase(BillingBase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "cross-file: a base class inheriting from its own, never bound, name",
        code: dedent`
          from .base import BillingBase

          class TestBilling(BillingBase):
              def test_charge(self):
                  pass
        `,
        errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'BillingBase'", at(3, 7, 18))],
      },
    ),

    // ---- pytest configuration ----
    inTree(
      {
        "pytest.ini": dedent`
          [pytest]
          python_classes = *Tests
        `,
      },
      "tests/test_billing.py",
      {
        name: "pytest.ini python_classes = *Tests: BillingTests is a test class",
        code: dedent`
          class TestHelpers:
              def test_not_collected(self):
                  pass

          class BillingTests:
              def test_charge(self):
                  pass
        `,
        errors: [missingBase("BillingTests", DEFAULT_BASES, at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "pytest.ini": dedent`
          [pytest]
          pythonpath = src
        `,
        "src/mylib/__init__.py": "",
        "src/mylib/base.py": dedent`
          class Base:
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "pytest.ini pythonpath = src: the base in src/mylib/base.py is read and does not reach",
        code: dedent`
          from mylib.base import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
        errors: [missingBase("TestBilling", DEFAULT_BASES, at(3, 7, 18))],
      },
    ),
    inTree(
      {
        "src/mylib/__init__.py": "",
        "src/mylib/base.py": dedent`
          import unittest

          class Base(unittest.TestCase):
              pass
        `,
      },
      "tests/test_billing.py",
      {
        name: "without pythonpath, src/mylib is not an import root",
        code: dedent`
          from mylib.base import Base

          class TestBilling(Base):
              def test_charge(self):
                  pass
        `,
        errors: [unresolvedBase("TestBilling", DEFAULT_BASES, "'Base'", at(3, 7, 18))],
      },
    ),
  ],
});

function lintWith(linter: Linter, code: string, filename: string, ruleConfig: unknown): Linter.LintMessage[] {
  return linter.verify(
    code,
    [
      {
        files: ["**/*.py"],
        language: "testaudit/python",
        plugins: { testaudit: plugin },
        rules: { "testaudit/require-base-class": ruleConfig },
      } as Linter.Config,
    ],
    filename,
  );
}

describe("require-base-class options", () => {
  const code = dedent`
    class TestBilling:
        def test_charge(self):
            pass
  `;
  const lintOptions = (options: unknown): Linter.LintMessage[] =>
    lintWith(new Linter({ configType: "flat" }), code, "test_billing.py", ["error", options]);

  it("treats `bases: []` as the default: unittest.TestCase for Python", () => {
    expect(lintOptions({ bases: [] }).map((message) => message.message)).toEqual([
      "Test class 'TestBilling' does not inherit from 'unittest.TestCase'.",
    ]);
  });

  it("rejects a base that is not a dotted name with ESLint's schema error", () => {
    // ESLint 10 prints `Value <value> <ajv message>` for an error inside an option's value, without its path.
    expect(() => lintOptions({ bases: ["not a name"] })).toThrow(/Key "testaudit\/require-base-class":[\s\S]*Value "not a name" should match pattern/u);
  });

  it("rejects an unknown key, naming it and the known options", () => {
    expect(() => lintOptions({ base: ["SSotBaseTestCase"] })).toThrow(
      /Key "testaudit\/require-base-class":[\s\S]*Unexpected property "base"\. Expected properties: "bases", "allowFunctions", "imports"\./u,
    );
  });

  it("rejects a base that is not a dotted name, showing it", () => {
    expect(() => lintOptions({ bases: ["ssot/SSotBaseTestCase"] })).toThrow(
      /Key "testaudit\/require-base-class":\n\tValue "ssot\/SSotBaseTestCase" should match pattern/u,
    );
  });

  it("rejects repeated bases", () => {
    expect(() => lintOptions({ bases: ["SSotBaseTestCase", "SSotBaseTestCase"] })).toThrow(
      /Key "testaudit\/require-base-class":\n\tValue \["SSotBaseTestCase","SSotBaseTestCase"\] should NOT have duplicate items/u,
    );
  });

  it("rejects a non-boolean allowFunctions", () => {
    expect(() => lintOptions({ allowFunctions: "yes" })).toThrow('Key "testaudit/require-base-class":\n\tValue "yes" should be boolean.');
  });
});

describe("require-base-class with real files", () => {
  it("resolves absolute imports against the working directory", () => {
    const root = writeTree({
      "support/base.py": dedent`
        import unittest

        class Base(unittest.TestCase):
            pass
      `,
    });
    try {
      const code = dedent`
        from support.base import Base

        class TestBilling(Base):
            def test_charge(self):
                pass
      `;
      const filename = join(root, "suite", "test_billing.py");
      // The test's folder has no __init__.py, so only the working directory can find `support`.
      expect(lintWith(new Linter({ configType: "flat", cwd: root }), code, filename, "error")).toEqual([]);
      // Linted from the test's own folder, nothing finds `support`.
      const messages = lintWith(new Linter({ configType: "flat", cwd: join(root, "suite") }), code, filename, "error");
      expect(messages.map(({ ruleId, messageId, line, column, endLine, endColumn, message }) => ({ ruleId, messageId, line, column, endLine, endColumn, message }))).toEqual([
        {
          ruleId: "testaudit/require-base-class",
          messageId: "unresolvedBase",
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 18,
          message: "Cannot tell whether test class 'TestBilling' inherits from 'unittest.TestCase': base 'Base' not found in the project's files.",
        },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("sees a base file rewritten between two lints (same size, newer mtime)", () => {
    const root = writeTree({
      "tests/__init__.py": "",
      "tests/base.py": "class Base(AlphaBase):\n    pass\n",
    });
    try {
      const code = dedent`
        from .base import Base

        class TestBilling(Base):
            def test_charge(self):
                pass
      `;
      const filename = join(root, "tests", "test_billing.py");
      writeFileSync(filename, `${code}\n`);
      const linter = new Linter({ configType: "flat", cwd: root });
      const config = ["error", { bases: ["AlphaBase"] }];
      expect(lintWith(linter, code, filename, config)).toEqual([]);

      // Same length, so only the modification time tells the summary cache the file changed.
      const basePath = join(root, "tests", "base.py");
      writeFileSync(basePath, "class Base(OmegaBase):\n    pass\n");
      const later = new Date(Date.now() + 60_000);
      utimesSync(basePath, later, later);

      const messages = lintWith(linter, code, filename, config);
      expect(messages.map(({ messageId, line, column, endLine, endColumn, message }) => ({ messageId, line, column, endLine, endColumn, message }))).toEqual([
        {
          messageId: "unresolvedBase",
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 18,
          message: "Cannot tell whether test class 'TestBilling' inherits from 'AlphaBase': base 'OmegaBase' not found in the project's files.",
        },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
