/**
 * testaudit/no-mocks's `trace` option: each test a mock from another file reaches (a conftest.py
 * fixture, an autouse fixture, an imported helper, a base class's setUp, a conftest.py's top level) is
 * reported at its name, once; mocks in the test file stay reported where they are written only.
 * Real ESLint (RuleTester), real tree-sitter, real files in temporary folder trees.
 */
import { dirname, join, relative, sep } from "node:path";
import dedent from "dedent";
import { caseTrees } from "../temp-tree.js";
import { at, jsRuleTester, plugin, pythonRuleTester, type ExpectedError, type Span } from "../rule-tester.js";

const { inTree } = caseTrees("testaudit-no-mocks-trace-");

/** Where every Python case's test file sits in its tree; each tree has a pytest.ini at its root, pytest's rootdir. */
const TEST_FILE = "tests/integration/test_invoices.py";

const PYTEST_INI = { "pytest.ini": "[pytest]\n" };

/** A fixture that patches, in a conftest.py: the patch is on line 8. */
const PATCHING_FIXTURE = dedent`
  from unittest import mock

  import pytest


  @pytest.fixture
  def tax_service():
      with mock.patch("billing.tax.rate_for", return_value=0.2):
          yield
`;

interface Reach {
  test: string;
  mock: string;
  route: string;
  /** Where the mock is written: `file:line`, the file relative to the tree. */
  mockAt: string;
}

interface TraceCase {
  name: string;
  code: string;
  options?: [{ trace?: boolean }];
}

/** A valid case whose test file is TEST_FILE in a tree of `files`. */
function clean(files: Record<string, string>, testCase: TraceCase): TraceCase & { filename: string } {
  return inTree({ ...PYTEST_INI, ...files }, TEST_FILE, testCase);
}

/**
 * An invalid case whose test file is TEST_FILE in a tree of `files`: the rule's other reports `errors`,
 * then its mockReach reports `reaches`. Their location is relative to the folder RuleTester lints from
 * (the working directory), known only once the tree is written, so it is read when the case runs.
 */
function traced(files: Record<string, string>, testCase: TraceCase & { errors?: ExpectedError[] }, reaches: (Reach & Span)[] = []): TraceCase & { errors: ExpectedError[]; filename: string } {
  const reachErrors = reaches.map(({ test, mock, route, mockAt, ...span }): ExpectedError => ({
    messageId: "mockReach",
    get data() {
      const [file, line] = mockAt.split(":") as [string, string];
      const treeRoot = placed.filename.slice(0, -TEST_FILE.length);
      // The tree is outside the working directory RuleTester lints from: the path is relative to the test's folder.
      return { test, mock, route, location: `${relative(dirname(placed.filename), join(treeRoot, file)).split(sep).join("/")}:${line}` };
    },
    ...span,
  }));
  const placed = inTree({ ...PYTEST_INI, ...files }, TEST_FILE, { ...testCase, errors: [...(testCase.errors ?? []), ...reachErrors] });
  return placed;
}

const throughTaxService = { mock: "mock.patch", route: "through fixture 'tax_service'", mockAt: "tests/integration/conftest.py:8" };

pythonRuleTester.run("no-mocks (trace)", plugin.rules["no-mocks"], {
  valid: [
    clean(
      { "tests/integration/conftest.py": PATCHING_FIXTURE },
      {
        name: "trace: false leaves a test reached through a conftest.py fixture alone",
        options: [{ trace: false }],
        code: "def test_total(tax_service):\n    assert tax_service is None\n",
      },
    ),
    clean(
      {
        "tests/conftest.py": PATCHING_FIXTURE,
        "tests/integration/conftest.py": dedent`
          import pytest


          @pytest.fixture
          def tax_service():
              yield RealTaxService()
        `,
      },
      {
        name: "a nearer conftest.py's clean fixture overrides a patching one further up",
        code: "def test_total(tax_service):\n    assert tax_service\n",
      },
    ),
    clean(
      { "tests/integration/conftest.py": PATCHING_FIXTURE },
      {
        name: "a test that requests nothing from the conftest.py is not reached",
        code: "def test_total(real_db):\n    assert real_db\n",
      },
    ),
  ],
  invalid: [
    traced(
      { "tests/integration/conftest.py": PATCHING_FIXTURE },
      {
        name: "a conftest.py fixture requested by parameter",
        code: "def test_total(tax_service):\n    assert tax_service is None\n",
      },
      [{ test: "test_total", ...throughTaxService, ...at(1, 5, 15) }],
    ),
    traced(
      { "tests/integration/conftest.py": PATCHING_FIXTURE },
      {
        name: "a conftest.py fixture requested by usefixtures on the class, for each of its tests",
        code: dedent`
          import pytest


          @pytest.mark.usefixtures("tax_service")
          class TestInvoices:
              def test_total(self):
                  assert True

              def test_stored(self):
                  assert True
        `,
      },
      [
        { test: "test_total", ...throughTaxService, ...at(6, 9, 19) },
        { test: "test_stored", ...throughTaxService, ...at(9, 9, 20) },
      ],
    ),
    traced(
      { "tests/integration/conftest.py": PATCHING_FIXTURE },
      {
        name: "a conftest.py fixture requested by the module's pytestmark",
        code: dedent`
          import pytest

          pytestmark = pytest.mark.usefixtures("tax_service")


          def test_total():
              assert True
        `,
      },
      [{ test: "test_total", ...throughTaxService, ...at(6, 5, 15) }],
    ),
    traced(
      {
        "tests/integration/conftest.py": dedent`
          import pytest


          @pytest.fixture(autouse=True)
          def quiet_logs(monkeypatch):
              monkeypatch.setattr("logging.disable", print)
        `,
      },
      {
        name: "an autouse fixture of the conftest.py",
        code: "def test_total():\n    assert True\n",
      },
      [{ test: "test_total", mock: "monkeypatch.setattr", route: "through autouse fixture 'quiet_logs'", mockAt: "tests/integration/conftest.py:6", ...at(1, 5, 15) }],
    ),
    traced(
      {
        "tests/conftest.py": dedent`
          import pytest
          from unittest.mock import MagicMock


          @pytest.fixture
          def email_service(smtp_server):
              return EmailService(smtp_server)


          @pytest.fixture(name="smtp_server")
          def smtp_double():
              return MagicMock()
        `,
      },
      {
        name: "a chain of fixtures in a conftest.py further up, with a renamed fixture",
        code: "def test_receipt_is_mailed(email_service):\n    assert email_service\n",
      },
      [{ test: "test_receipt_is_mailed", mock: "MagicMock", route: "through fixture 'email_service' → 'smtp_server'", mockAt: "tests/conftest.py:12", ...at(1, 5, 27) }],
    ),
    traced(
      {
        "tests/integration/helpers.py": dedent`
          from unittest import mock


          def fake_gateway():
              return mock.Mock()
        `,
      },
      {
        name: "a helper imported from another module",
        code: "from helpers import fake_gateway\n\n\ndef test_charge():\n    assert fake_gateway()\n",
      },
      [{ test: "test_charge", mock: "mock.Mock", route: "through helper 'fake_gateway'", mockAt: "tests/integration/helpers.py:5", ...at(4, 5, 16) }],
    ),
    traced(
      {
        "tests/integration/base.py": dedent`
          import unittest
          from unittest import mock


          class IntegrationBase(unittest.TestCase):
              def setUp(self):
                  mock.patch("billing.clock.now").start()

              def gateway(self):
                  return mock.MagicMock()
        `,
      },
      {
        name: "setUp of a base class in another file, and a method of that base the test calls",
        code: dedent`
          from base import IntegrationBase


          class TestInvoices(IntegrationBase):
              def test_total(self):
                  assert True

              def test_charge(self):
                  assert self.gateway()
        `,
      },
      [
        { test: "test_total", mock: "mock.patch", route: "through setup method 'setUp' of base 'IntegrationBase'", mockAt: "tests/integration/base.py:7", ...at(5, 9, 19) },
        { test: "test_charge", mock: "mock.MagicMock", route: "through method 'IntegrationBase.gateway'", mockAt: "tests/integration/base.py:10", ...at(8, 9, 20) },
      ],
    ),
    traced(
      {
        "tests/integration/support.py": dedent`
          from unittest import mock


          def connect():
              return mock.MagicMock()
        `,
        "tests/integration/base.py": dedent`
          import unittest
          from unittest import mock


          @mock.patch.dict("os.environ", {"BILLING_MODE": "fake"})
          class PatchedBase(unittest.TestCase):
              pass
        `,
      },
      {
        name: "the test class's own setUp calling a helper of another module, and a class decorator of a base in another file",
        code: dedent`
          import unittest

          from base import PatchedBase
          from support import connect


          class TestInvoices(unittest.TestCase):
              def setUp(self):
                  self.db = connect()

              def test_total(self):
                  assert self.db


          class TestRefunds(PatchedBase):
              def test_refund(self):
                  assert True
        `,
      },
      [
        { test: "test_total", mock: "mock.MagicMock", route: "through its setup method 'setUp' → 'connect'", mockAt: "tests/integration/support.py:5", ...at(11, 9, 19) },
        { test: "test_refund", mock: "mock.patch.dict", route: "through the body of a base class", mockAt: "tests/integration/base.py:5", ...at(16, 9, 20) },
      ],
    ),
    traced(
      {
        "tests/integration/conftest.py": dedent`
          import sys
          from unittest.mock import MagicMock

          sys.modules["payments_sdk"] = MagicMock()
        `,
      },
      {
        name: "the top level of a conftest.py",
        code: "def test_sdk():\n    assert True\n",
      },
      [{ test: "test_sdk", mock: "MagicMock", route: "at the top level of conftest.py", mockAt: "tests/integration/conftest.py:4", ...at(1, 5, 13) }],
    ),
    traced(
      {
        "tests/conftest.py": dedent`
          import pytest


          @pytest.fixture
          def tax_service():
              yield RealTaxService()
        `,
        "tests/integration/conftest.py": PATCHING_FIXTURE,
      },
      {
        name: "a nearer conftest.py's patching fixture overrides a clean one further up, and is the one named",
        code: "def test_total(tax_service):\n    assert tax_service is None\n",
      },
      [{ test: "test_total", ...throughTaxService, ...at(1, 5, 15) }],
    ),
    traced(
      { "tests/integration/conftest.py": PATCHING_FIXTURE },
      {
        name: "a mock in the test file is reported where it is written, not again at the test it reaches",
        code: dedent`
          from unittest import mock


          def test_total(tax_service):
              with mock.patch("billing.invoices.send"):
                  assert True
        `,
        errors: [
          { messageId: "mockImport", data: { name: "unittest.mock", module: "unittest.mock" }, ...at(1, 22, 26) },
          { messageId: "mockUse", data: { name: "mock.patch", module: "unittest.mock" }, ...at(5, 10, 20) },
        ],
      },
    ),
    traced(
      {},
      {
        name: "a fixture of the test file that patches is reported at its patch only",
        code: dedent`
          import pytest


          @pytest.fixture
          def clock(monkeypatch):
              monkeypatch.setattr("billing.clock.now", lambda: 0)


          def test_total(clock):
              assert True
        `,
        errors: [{ messageId: "monkeypatchPatch", data: { method: "setattr" }, ...at(6, 5, 24) }],
      },
    ),
    traced(
      { "tests/integration/conftest.py": PATCHING_FIXTURE },
      {
        name: "trace: false keeps the rule's other reports",
        options: [{ trace: false }],
        code: "from unittest import mock\n\n\ndef test_total(tax_service):\n    assert tax_service is None\n",
        errors: [{ messageId: "mockImport", data: { name: "unittest.mock", module: "unittest.mock" }, ...at(1, 22, 26) }],
      },
    ),
  ],
});

/** JS/TS traces never leave the test file: `trace` changes nothing there. */
const jsCode = dedent`
  import { beforeEach, describe, expect, it, vi } from "vitest";
  import { resetDatabase } from "../support/database";

  describe("invoices", () => {
    beforeEach(() => {
      vi.spyOn(console, "warn");
      resetDatabase();
    });

    it("totals the line items", () => {
      expect(1).toBe(1);
    });
  });
`;
const jsErrors: ExpectedError[] = [{ messageId: "mockApi", data: { name: "vi.spyOn", module: "vi.spyOn" }, ...at(6, 5, 13) }];
const jsFiles = { "tests/support/database.ts": 'import { vi } from "vitest";\n\nexport const resetDatabase = vi.fn();\n' };

jsRuleTester.run("no-mocks (trace, JS/TS)", plugin.rules["no-mocks"], {
  valid: [],
  invalid: [
    inTree(jsFiles, "tests/integration/invoices.test.ts", { name: "js: a hook's spy is reported where it is written only", code: jsCode, errors: jsErrors }),
    inTree(jsFiles, "tests/integration/invoices.test.ts", { name: "js: the same with trace: false", code: jsCode, options: [{ trace: false }], errors: jsErrors }),
  ],
});
