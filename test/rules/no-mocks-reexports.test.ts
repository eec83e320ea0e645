/**
 * testaudit/no-mocks on mocks that arrive other than by a plain import of the library: re-exported by
 * the project's own modules (`from tests import mock`, chains, `__init__.py` re-exports, star imports,
 * aliases), imported at run time (`importlib.import_module`, `__import__`, `pytest.importorskip`,
 * `sys.modules`), kept on `self` (`self.monkeypatch`), and AWS's `botocore.stub`; and imports under
 * `if TYPE_CHECKING:`, which are for annotations only. Real ESLint (RuleTester), real tree-sitter, real
 * files in temporary folders; nothing is mocked.
 */
import dedent from "dedent";
import { caseTrees } from "../temp-tree.js";
import { at, plugin, pythonRuleTester, type ExpectedError } from "../rule-tester.js";

const { inTree } = caseTrees("testaudit-no-mocks-reexports-");

const mockImport = (name: string, module: string, line: number, column: number, endColumn: number): ExpectedError => ({
  messageId: "mockImport", data: { name, module }, ...at(line, column, endColumn),
});
const mockUse = (name: string, module: string, line: number, column: number, endColumn: number): ExpectedError => ({
  messageId: "mockUse", data: { name, module }, ...at(line, column, endColumn),
});
const monkeypatchPatch = (method: string, line: number, column: number, endColumn: number): ExpectedError => ({
  messageId: "monkeypatchPatch", data: { method }, ...at(line, column, endColumn),
});

/** `tests/` is a package, so the tree's root is an import root of the test file. */
const PACKAGE = { "tests/__init__.py": "" };
const TEST_FILE = "tests/integration/test_orders.py";
const INTEGRATION = { "tests/integration/__init__.py": "" };

const USES_MOCK = dedent`
  from tests import mock


  def test_charge():
      with mock.patch("billing.gateway.charge"):
          assert True
`;

pythonRuleTester.run("no-mocks (re-exports and run-time imports)", plugin.rules["no-mocks"], {
  valid: [
    inTree(
      { "tests/__init__.py": "from tests.helpers import make_order\n", "tests/helpers.py": "def make_order():\n    return {}\n", ...INTEGRATION },
      TEST_FILE,
      {
        name: "a project module that re-exports only its own helpers",
        code: dedent`
          from tests import make_order


          def test_order():
              assert make_order() == {}
        `,
      },
    ),
    inTree(
      { "tests/__init__.py": "from unittest import mock\n", ...INTEGRATION },
      TEST_FILE,
      { name: "allow: an allowed library stays allowed when re-exported", options: [{ allow: ["unittest.mock"] }], code: USES_MOCK },
    ),
    {
      name: "imports under `if TYPE_CHECKING:` are for annotations: neither they nor annotation uses are reported",
      filename: "test_orders.py",
      code: dedent`
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from unittest.mock import MagicMock


        def build(client: "MagicMock") -> None:
            pass


        def check(client: MagicMock) -> None:
            pass
      `,
    },
    {
      name: "importlib with a name that is no mocking library",
      filename: "test_orders.py",
      code: dedent`
        import importlib

        billing = importlib.import_module("billing.service")


        def test_charge():
            assert billing.charge(1)
      `,
    },
  ],
  invalid: [
    inTree(
      { "tests/__init__.py": "from unittest import mock\n", ...INTEGRATION },
      TEST_FILE,
      {
        name: "`from tests import mock` where tests/__init__.py imports unittest's",
        code: USES_MOCK,
        errors: [mockImport("tests.mock", "unittest.mock", 1, 19, 23), mockUse("mock.patch", "unittest.mock", 5, 10, 20)],
      },
    ),
    inTree(
      {
        ...PACKAGE,
        "mypkg/__init__.py": "",
        "mypkg/compat.py": dedent`
          try:
              from unittest import mock
          except ImportError:
              import mock
        `,
        "mypkg/testutils.py": dedent`
          import unittest

          from mypkg.compat import mock
        `,
        ...INTEGRATION,
      },
      TEST_FILE,
      {
        name: "a chain: testutils re-exports compat's mock, bound on both branches of a try",
        code: dedent`
          from mypkg.testutils import mock, unittest


          class TestOrders(unittest.TestCase):
              @mock.patch("billing.gateway.charge")
              def test_charge(self, charge):
                  self.assertTrue(charge)
        `,
        errors: [mockImport("mypkg.testutils.mock", "unittest.mock", 1, 29, 33), mockUse("mock.patch", "unittest.mock", 5, 6, 16)],
      },
    ),
    inTree(
      { ...PACKAGE, "tests/helpers.py": "from unittest.mock import *\n", ...INTEGRATION },
      TEST_FILE,
      {
        name: "a name a helper module star-imports from the library",
        code: dedent`
          from tests.helpers import patch


          @patch("billing.gateway.charge")
          def test_charge(charge):
              assert charge
        `,
        errors: [mockImport("tests.helpers.patch", "unittest.mock", 1, 27, 32), mockUse("patch", "unittest.mock", 4, 2, 7)],
      },
    ),
    inTree(
      {
        "tests/__init__.py": "from .support import *\n",
        "tests/support.py": dedent`
          import unittest.mock

          __all__ = ["FakeGateway"]

          FakeGateway = unittest.mock.MagicMock
        `,
        ...INTEGRATION,
      },
      TEST_FILE,
      {
        name: "an alias in a module star-imported by __init__.py, listed in __all__",
        code: dedent`
          from tests import FakeGateway


          def test_charge():
              gateway = FakeGateway()
              assert gateway.charge(1)
        `,
        errors: [mockImport("tests.FakeGateway", "unittest.mock", 1, 19, 30), mockUse("FakeGateway", "unittest.mock", 5, 15, 26)],
      },
    ),
    inTree(
      { ...PACKAGE, "tests/compat.py": 'import pytest\n\nmock = pytest.importorskip("unittest.mock")\n', ...INTEGRATION },
      TEST_FILE,
      {
        name: "a project module that imports the library with pytest.importorskip",
        code: dedent`
          from tests.compat import mock


          def test_charge():
              assert mock.sentinel.charge
        `,
        errors: [mockImport("tests.compat.mock", "unittest.mock", 1, 26, 30), mockUse("mock.sentinel.charge", "unittest.mock", 5, 12, 32)],
      },
    ),
    {
      name: "pytest.importorskip in the test file",
      filename: "test_orders.py",
      code: dedent`
        import pytest

        mock = pytest.importorskip("unittest.mock")


        def test_charge():
            with mock.patch("billing.gateway.charge"):
                assert True
      `,
      errors: [mockImport("unittest.mock", "unittest.mock", 3, 8, 44), mockUse("mock.patch", "unittest.mock", 7, 10, 20)],
    },
    {
      name: "importlib.import_module, __import__ and sys.modules",
      filename: "test_orders.py",
      code: dedent`
        import importlib
        import sys


        def test_charge():
            patcher = importlib.import_module("unittest.mock").patch("billing.gateway.charge")
            fake = __import__("mock").MagicMock()
            spy = sys.modules["unittest.mock"].create_autospec(print)
            assert patcher and fake and spy
      `,
      errors: [
        mockImport("unittest.mock", "unittest.mock", 6, 15, 55),
        mockImport("mock", "mock", 7, 12, 30),
        mockImport("unittest.mock", "unittest.mock", 8, 11, 39),
      ],
    },
    {
      name: "a module imported at run time and bound to a name in a function",
      filename: "test_orders.py",
      code: dedent`
        import importlib


        def test_charge():
            library = importlib.import_module("unittest.mock")
            with library.patch("billing.gateway.charge"):
                assert True
      `,
      errors: [mockImport("unittest.mock", "unittest.mock", 5, 15, 55), mockUse("library.patch", "unittest.mock", 6, 10, 23)],
    },
    {
      name: "`self.monkeypatch` kept by a unittest-style class",
      filename: "test_orders.py",
      code: dedent`
        import unittest

        import pytest


        class TestOrders(unittest.TestCase):
            @pytest.fixture(autouse=True)
            def _keep(self, monkeypatch):
                self.monkeypatch = monkeypatch

            def test_charge(self):
                self.monkeypatch.setattr("billing.gateway.charge", print)
                self.monkeypatch.setenv("APP_ENV", "test")
      `,
      errors: [monkeypatchPatch("setattr", 12, 9, 33)],
    },
    {
      name: "botocore's Stubber stands in for AWS",
      filename: "test_orders.py",
      code: dedent`
        from botocore.stub import Stubber


        def test_upload(s3):
            with Stubber(s3) as stubber:
                stubber.add_response("put_object", {})
      `,
      errors: [mockImport("botocore.stub.Stubber", "botocore.stub", 1, 27, 34), mockUse("Stubber", "botocore.stub", 5, 10, 17)],
    },
  ],
});
