/**
 * RuleTester matrix for `testaudit/no-mocks`: every import form, use form, fixture and monkeypatch
 * method the rule must report (one report per line, the first finding on it), the look-alikes it must
 * leave alone, its options, and inline disable directives. Real ESLint, real tree-sitter.
 */
import dedent from "dedent";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { at, plugin, pythonRuleTester, type ExpectedError as SharedExpectedError } from "../rule-tester.js";

type MessageId = "mockImport" | "mockUse" | "mockFixture" | "monkeypatchPatch";

type ExpectedError = SharedExpectedError<MessageId>;

const mockImport = (name: string, module: string, span: ReturnType<typeof at>): ExpectedError => ({
  messageId: "mockImport", data: { name, module }, ...span,
});
const mockUse = (name: string, module: string, span: ReturnType<typeof at>): ExpectedError => ({
  messageId: "mockUse", data: { name, module }, ...span,
});
const mockFixture = (name: string, module: string, span: ReturnType<typeof at>): ExpectedError => ({
  messageId: "mockFixture", data: { name, module }, ...span,
});
const monkeypatchPatch = (method: string, span: ReturnType<typeof at>): ExpectedError => ({
  messageId: "monkeypatchPatch", data: { method }, ...span,
});

const FILENAME = "test_x.py";

/** `import <module>` or `from <module> import <member>` for each fake-service library, one per case. */
const SERVICE_FAKE_IMPORTS: { code: string; name: string; module: string; column: number; endColumn: number }[] = [
  { code: "import responses", name: "responses", module: "responses", column: 8, endColumn: 17 },
  { code: "import requests_mock", name: "requests_mock", module: "requests_mock", column: 8, endColumn: 21 },
  { code: "import respx", name: "respx", module: "respx", column: 8, endColumn: 13 },
  { code: "import httpretty", name: "httpretty", module: "httpretty", column: 8, endColumn: 17 },
  { code: "from aioresponses import aioresponses", name: "aioresponses.aioresponses", module: "aioresponses", column: 26, endColumn: 38 },
  { code: "from pytest_httpx import HTTPXMock", name: "pytest_httpx.HTTPXMock", module: "pytest_httpx", column: 26, endColumn: 35 },
  { code: "import fakeredis", name: "fakeredis", module: "fakeredis", column: 8, endColumn: 17 },
  { code: "import mongomock", name: "mongomock", module: "mongomock", column: 8, endColumn: 17 },
  { code: "from moto import mock_aws", name: "moto.mock_aws", module: "moto", column: 18, endColumn: 26 },
  { code: "from freezegun import freeze_time", name: "freezegun.freeze_time", module: "freezegun", column: 23, endColumn: 34 },
  { code: "import time_machine", name: "time_machine", module: "time_machine", column: 8, endColumn: 20 },
];

pythonRuleTester.run("no-mocks", plugin.rules["no-mocks"], {
  valid: [
    // Names that merely contain "mock".
    {
      filename: FILENAME,
      code: dedent`
        def test_orders():
            mock_data = load_orders()
            mocked_user = real_user()
            assert mock_data and mocked_user
      `,
    },
    { filename: FILENAME, code: "import myapp.mocking_policy\n" },
    { filename: FILENAME, code: "from myapp import mockery\n" },
    { filename: FILENAME, code: "import mockery\nimport mock_helpers\nfrom mockito_like import when\n" },
    // A local variable named `patch`, with no mock import anywhere.
    {
      filename: FILENAME,
      code: dedent`
        patch = {"a": 1}
        patch["a"]


        def test_patch():
            patch = {"b": 2}
            assert patch["b"] == 2
      `,
    },
    // HTTP PATCH is not unittest.mock.patch.
    {
      filename: FILENAME,
      code: dedent`
        import requests


        def test_update(session):
            requests.patch("http://localhost/orders/1", json={})
            session.patch("/orders/1")
      `,
    },
    // The word mock in strings and comments.
    {
      filename: FILENAME,
      code: dedent`
        # We never mock: unittest.mock, mocker and monkeypatch.setattr are banned here.
        def test_docs():
            """Uses no mock.patch, no MagicMock, no mocker."""
            text = "from unittest.mock import patch"
            other = 'mocker.patch("x")'
            assert text and other  # mock-free
      `,
    },
    // `mocker` as a dict key and as a keyword argument name.
    {
      filename: FILENAME,
      code: dedent`
        def test_config(client):
            settings = {"mocker": "off", "session_mocker": None}
            client.configure(mocker=False, httpx_mock=None)
            assert settings["mocker"] == "off"
      `,
    },
    // Attribute names that look like fixtures or mock modules.
    { filename: FILENAME, code: "def test_attr(self):\n    self.mocker.start()\n    app.mock.reset()\n" },
    // Relative imports never name the third-party `mock` package.
    { filename: FILENAME, code: "from .mock import helper\nfrom . import mock\nfrom ..mock import *\nfrom .fakes.mock import server\n" },
    // unittest itself is fine.
    {
      filename: FILENAME,
      code: dedent`
        import unittest
        from unittest import TestCase


        class TestOrders(unittest.TestCase):
            def test_total(self):
                self.assertEqual(unittest.TestCase, TestCase)
      `,
    },
    // monkeypatch's environment helpers stay allowed.
    {
      filename: FILENAME,
      code: dedent`
        def test_env(monkeypatch, tmp_path):
            monkeypatch.setenv("APP_ENV", "test")
            monkeypatch.delenv("HOME", raising=False)
            monkeypatch.chdir(tmp_path)
            monkeypatch.syspath_prepend(str(tmp_path))
            with monkeypatch.context() as mp:
                mp.setenv("A", "1")
      `,
    },
    // `setattr` on something that is not a monkeypatch object.
    { filename: FILENAME, code: "def test_settings(settings):\n    settings.setattr('DEBUG', True)\n    setattr(settings, 'DEBUG', True)\n" },
    // `mocker` never requested: a module-level name of that spelling is not the fixture.
    { filename: FILENAME, code: "from myapp.testing import mocker\n\n\ndef test_x():\n    mocker.run()\n" },
    // Fixtures of other names requested through usefixtures and getfixturevalue.
    {
      filename: FILENAME,
      code: dedent`
        import pytest


        @pytest.mark.usefixtures("db", "mocker_config")
        def test_db(request):
            request.getfixturevalue("live_server")
      `,
    },
    // Disable directives.
    {
      filename: FILENAME,
      code: dedent`
        # eslint-disable-next-line rule-to-test/no-mocks -- the legacy suite is migrated in ORD-12
        from unittest.mock import patch
        import mock  # eslint-disable-line rule-to-test/no-mocks
      `,
    },
    {
      filename: FILENAME,
      code: dedent`
        def test_legacy(
            mocker,  # eslint-disable-line rule-to-test/no-mocks
        ):
            # eslint-disable-next-line rule-to-test/no-mocks -- replaced in ORD-13
            mocker.patch("app.db")
      `,
    },
    // Options: `allow` exempts a module and everything below it.
    {
      filename: FILENAME,
      code: dedent`
        from freezegun import freeze_time
        import freezegun.api


        @freeze_time("2024-01-01")
        def test_clock():
            freezegun.api.FakeDatetime.now()
      `,
      options: [{ allow: ["freezegun"] }],
    },
    // allow `pytest_mock` exempts the mocker fixtures and the import.
    {
      filename: FILENAME,
      code: dedent`
        from pytest_mock import MockerFixture


        @pytest.mark.usefixtures("session_mocker")
        def test_spy(mocker: MockerFixture, request):
            mocker.spy(app, "save")
            request.getfixturevalue("class_mocker")
      `,
      options: [{ allow: ["pytest_mock"] }],
    },
    // allow `_pytest.monkeypatch` exempts monkeypatch's patching methods.
    {
      filename: FILENAME,
      code: dedent`
        import pytest


        def test_patching(monkeypatch):
            monkeypatch.setattr("os.getcwd", lambda: "/")
            monkeypatch.delattr("os.sep")
            monkeypatch.setitem(CONFIG, "debug", True)
            monkeypatch.delitem(CONFIG, "cache")
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr("os.getpid", lambda: 1)
      `,
      options: [{ allow: ["_pytest.monkeypatch"] }],
    },
    // `modules` bans only the module and its submodules, not a sibling with a common prefix.
    {
      filename: FILENAME,
      code: "import myproject\nimport myproject.fakesworld\nfrom myproject import real\n\nmyproject.services.start()\n",
      options: [{ modules: ["myproject.fakes"] }],
    },
    // Empty options behave as the defaults.
    { filename: FILENAME, code: "import os\n", options: [{}] },
    { filename: FILENAME, code: "import os\n", options: [{ modules: [], allow: [] }] },
  ],

  invalid: [
    // ---- Imports of unittest.mock in every form ----
    {
      filename: FILENAME,
      code: "import unittest.mock\n",
      errors: [mockImport("unittest.mock", "unittest.mock", at(1, 8, 21))],
    },
    {
      filename: FILENAME,
      code: "import unittest.mock as m\n",
      errors: [mockImport("unittest.mock", "unittest.mock", at(1, 8, 26))],
    },
    {
      filename: FILENAME,
      code: "from unittest import mock\n",
      errors: [mockImport("unittest.mock", "unittest.mock", at(1, 22, 26))],
    },
    {
      filename: FILENAME,
      code: "from unittest import mock as um\n",
      errors: [mockImport("unittest.mock", "unittest.mock", at(1, 22, 32))],
    },
    {
      // Two banned names on one line: one report, at the first.
      filename: FILENAME,
      code: "from unittest.mock import patch, MagicMock as MM\n",
      errors: [mockImport("unittest.mock.patch", "unittest.mock", at(1, 27, 32))],
    },
    {
      // A harmless name first on the line: the report is at the banned one.
      filename: FILENAME,
      code: "from unittest import TestCase, mock\n",
      errors: [mockImport("unittest.mock", "unittest.mock", at(1, 32, 36))],
    },
    {
      // A parenthesised import: one report per line.
      filename: FILENAME,
      code: dedent`
        from unittest.mock import (  # the old way
            patch,
            MagicMock as MM,
            AsyncMock, call,
        )
      `,
      errors: [
        mockImport("unittest.mock.patch", "unittest.mock", at(2, 5, 10)),
        mockImport("unittest.mock.MagicMock", "unittest.mock", at(3, 5, 20)),
        mockImport("unittest.mock.AsyncMock", "unittest.mock", at(4, 5, 14)),
      ],
    },
    {
      filename: FILENAME,
      code: "from unittest.mock import *\n",
      errors: [mockImport("unittest.mock", "unittest.mock", at(1, 27, 28))],
    },
    {
      // A backslash continuation: the report is on the line that names the module.
      filename: FILENAME,
      code: "import os, \\\n    unittest.mock\n",
      errors: [mockImport("unittest.mock", "unittest.mock", at(2, 5, 18))],
    },
    {
      // `try/except ImportError: mock = None` does not hide the import.
      filename: FILENAME,
      code: dedent`
        try:
            from unittest import mock
        except ImportError:
            mock = None


        def test_x():
            mock.patch("app.db")
      `,
      errors: [
        mockImport("unittest.mock", "unittest.mock", at(2, 26, 30)),
        mockUse("mock.patch", "unittest.mock", at(8, 5, 15)),
      ],
    },

    // ---- Imports of mock, pytest_mock, asynctest ----
    {
      filename: FILENAME,
      code: "import mock\nfrom mock import patch\nimport os, mock\n",
      errors: [
        mockImport("mock", "mock", at(1, 8, 12)),
        mockImport("mock.patch", "mock", at(2, 18, 23)),
        mockImport("mock", "mock", at(3, 12, 16)),
      ],
    },
    {
      filename: FILENAME,
      code: "import pytest_mock\nfrom pytest_mock import MockerFixture\nimport pytest_mock.plugin as pm\n",
      errors: [
        mockImport("pytest_mock", "pytest_mock", at(1, 8, 19)),
        mockImport("pytest_mock.MockerFixture", "pytest_mock", at(2, 25, 38)),
        mockImport("pytest_mock.plugin", "pytest_mock", at(3, 8, 32)),
      ],
    },
    {
      filename: FILENAME,
      code: "import asynctest\nfrom asynctest import CoroutineMock\n",
      errors: [
        mockImport("asynctest", "asynctest", at(1, 8, 17)),
        mockImport("asynctest.CoroutineMock", "asynctest", at(2, 23, 36)),
      ],
    },
    {
      // An import inside a test function is still an import, and binds the name there.
      filename: FILENAME,
      code: dedent`
        def test_local():
            from unittest.mock import patch
            patch("app.db")


        def test_other():
            patch("app.db")
      `,
      errors: [
        mockImport("unittest.mock.patch", "unittest.mock", at(2, 31, 36)),
        mockUse("patch", "unittest.mock", at(3, 5, 10)),
      ],
    },

    // ---- Imports of request and service fakes ----
    ...SERVICE_FAKE_IMPORTS.map(({ code, name, module, column, endColumn }) => ({
      filename: FILENAME,
      code: `${code}\n`,
      errors: [mockImport(name, module, at(1, column, endColumn))],
    })),

    // ---- Uses of names bound by mock imports ----
    {
      filename: FILENAME,
      code: dedent`
        from unittest.mock import patch


        @patch("app.clock")
        def test_patch():
            patch("app.db")
            with patch("app.cache") as cache:
                assert cache
            with open("f") as fh, patch.dict("os.environ", {}):
                pass
      `,
      errors: [
        mockImport("unittest.mock.patch", "unittest.mock", at(1, 27, 32)),
        mockUse("patch", "unittest.mock", at(4, 2, 7)),
        mockUse("patch", "unittest.mock", at(6, 5, 10)),
        mockUse("patch", "unittest.mock", at(7, 10, 15)),
        mockUse("patch.dict", "unittest.mock", at(9, 27, 37)),
      ],
    },
    {
      filename: FILENAME,
      code: dedent`
        from unittest import mock


        class TestOrders:
            @mock.patch.object(Orders, "save")
            def test_save(self, save):
                assert save
      `,
      errors: [
        mockImport("unittest.mock", "unittest.mock", at(1, 22, 26)),
        mockUse("mock.patch.object", "unittest.mock", at(5, 6, 23)),
      ],
    },
    {
      // Aliases: `MM()` and `m.patch` resolve to unittest.mock; passing a mock as an argument is a use.
      filename: FILENAME,
      code: dedent`
        from unittest.mock import MagicMock as MM
        import unittest.mock as m


        def test_alias():
            client = MM()
            m.patch("app.queue")
            run(MM, factory=m.Mock)
            handler = m.sentinel.token
      `,
      errors: [
        mockImport("unittest.mock.MagicMock", "unittest.mock", at(1, 27, 42)),
        mockImport("unittest.mock", "unittest.mock", at(2, 8, 26)),
        mockUse("MM", "unittest.mock", at(6, 14, 16)),
        mockUse("m.patch", "unittest.mock", at(7, 5, 12)),
        mockUse("MM", "unittest.mock", at(8, 9, 11)),
        mockUse("m.sentinel.token", "unittest.mock", at(9, 15, 31)),
      ],
    },
    {
      // A mock used as a base class, in a default value and in an f-string.
      filename: FILENAME,
      code: dedent`
        import mock


        class FakeClient(mock.MagicMock):
            pass


        def test_defaults(value=mock.sentinel.default):
            assert f"{mock.ANY}"
      `,
      errors: [
        mockImport("mock", "mock", at(1, 8, 12)),
        mockUse("mock.MagicMock", "mock", at(4, 18, 32)),
        mockUse("mock.sentinel.default", "mock", at(8, 25, 46)),
        mockUse("mock.ANY", "mock", at(9, 15, 23)),
      ],
    },
    {
      // Decorators and context managers of the service fakes.
      filename: FILENAME,
      code: dedent`
        import responses
        from moto import mock_aws
        from freezegun import freeze_time
        import time_machine


        @mock_aws
        @freeze_time("2024-01-01")
        @responses.activate
        def test_services():
            responses.add(responses.GET, "http://localhost/orders")
            with time_machine.travel(0):
                pass
      `,
      errors: [
        mockImport("responses", "responses", at(1, 8, 17)),
        mockImport("moto.mock_aws", "moto", at(2, 18, 26)),
        mockImport("freezegun.freeze_time", "freezegun", at(3, 23, 34)),
        mockImport("time_machine", "time_machine", at(4, 8, 20)),
        mockUse("mock_aws", "moto", at(7, 2, 10)),
        mockUse("freeze_time", "freezegun", at(8, 2, 13)),
        mockUse("responses.activate", "responses", at(9, 2, 20)),
        mockUse("responses.add", "responses", at(11, 5, 18)),
        mockUse("time_machine.travel", "time_machine", at(12, 10, 29)),
      ],
    },

    // ---- unittest.mock through `import unittest` ----
    {
      filename: FILENAME,
      code: dedent`
        import unittest


        class TestOrders(unittest.TestCase):
            @unittest.mock.patch("app.clock")
            def test_save(self, clock):
                with unittest.mock.patch("app.db"):
                    self.assertTrue(clock)
      `,
      errors: [
        mockUse("unittest.mock.patch", "unittest.mock", at(5, 6, 25)),
        mockUse("unittest.mock.patch", "unittest.mock", at(7, 14, 33)),
      ],
    },
    {
      // `import unittest.mock` binds `unittest`: its TestCase stays fine, its mock does not.
      filename: FILENAME,
      code: dedent`
        import unittest.mock


        class TestOrders(unittest.TestCase):
            def test_save(self):
                unittest.mock.MagicMock()
      `,
      errors: [
        mockImport("unittest.mock", "unittest.mock", at(1, 8, 21)),
        mockUse("unittest.mock.MagicMock", "unittest.mock", at(6, 9, 32)),
      ],
    },

    // ---- Shadowing ----
    {
      // A function-local `patch` shadows the import inside that function only; a parameter does too.
      filename: FILENAME,
      code: dedent`
        from unittest.mock import patch


        def test_local():
            patch = {"a": 1}
            assert patch["a"] == 1


        def test_parameter(patch):
            patch.apply()


        def test_module_level():
            patch("app.db")
      `,
      errors: [
        mockImport("unittest.mock.patch", "unittest.mock", at(1, 27, 32)),
        mockUse("patch", "unittest.mock", at(14, 5, 10)),
      ],
    },
    {
      // A nested function sees the enclosing function's local, not the import.
      filename: FILENAME,
      code: dedent`
        import mock


        def test_nested():
            mock = Recorder()

            def inner():
                return mock.calls

            assert inner() == []
      `,
      errors: [mockImport("mock", "mock", at(1, 8, 12))],
    },

    {
      // Comprehension loop names stay in the comprehension (Python 3): they hide neither an import nor a
      // fixture from the rest of the function, and a mock used inside a comprehension is still reported.
      filename: FILENAME,
      code: dedent`
        from unittest.mock import patch
        import mock


        def test_comprehensions(mocker):
            names = [patch for patch in ["a", "b"]]
            patch("app.db")
            by_name = {key: mock for mock in registry}
            mock.patch("app.queue")
            total = sum(1 for mocker in range(3))
            mocker.patch("app.cache")
            doubles = {mock.ANY for _ in range(2)}
      `,
      errors: [
        mockImport("unittest.mock.patch", "unittest.mock", at(1, 27, 32)),
        mockImport("mock", "mock", at(2, 8, 12)),
        mockFixture("mocker", "pytest_mock", at(5, 25, 31)),
        mockUse("patch", "unittest.mock", at(7, 5, 10)),
        mockUse("mock.patch", "mock", at(9, 5, 15)),
        mockFixture("mocker", "pytest_mock", at(11, 5, 11)),
        mockUse("mock.ANY", "mock", at(12, 16, 24)),
      ],
    },

    // ---- pytest-mock fixtures ----
    {
      // A fixture in conftest.py that hands out a mocker patch.
      filename: "tests/conftest.py",
      code: dedent`
        import pytest


        @pytest.fixture
        def frozen_clock(mocker):
            return mocker.patch("time.time", return_value=0)
      `,
      errors: [
        mockFixture("mocker", "pytest_mock", at(5, 18, 24)),
        mockFixture("mocker", "pytest_mock", at(6, 12, 18)),
      ],
    },
    {
      filename: FILENAME,
      code: dedent`
        def test_save(mocker):
            mocker.patch("app.db")
            spy = mocker.spy(app, "save")
            run(mocker)
            assert spy.called
      `,
      errors: [
        mockFixture("mocker", "pytest_mock", at(1, 15, 21)),
        mockFixture("mocker", "pytest_mock", at(2, 5, 11)),
        mockFixture("mocker", "pytest_mock", at(3, 11, 17)),
        mockFixture("mocker", "pytest_mock", at(4, 9, 15)),
      ],
    },
    {
      filename: FILENAME,
      code: dedent`
        def test_scopes(
            class_mocker,
            module_mocker,
            package_mocker,
            session_mocker,
        ):
            class_mocker.patch("a")
            module_mocker.patch("b")
            package_mocker.patch("c")
            session_mocker.patch("d")
      `,
      errors: [
        mockFixture("class_mocker", "pytest_mock", at(2, 5, 17)),
        mockFixture("module_mocker", "pytest_mock", at(3, 5, 18)),
        mockFixture("package_mocker", "pytest_mock", at(4, 5, 19)),
        mockFixture("session_mocker", "pytest_mock", at(5, 5, 19)),
        mockFixture("class_mocker", "pytest_mock", at(7, 5, 17)),
        mockFixture("module_mocker", "pytest_mock", at(8, 5, 18)),
        mockFixture("package_mocker", "pytest_mock", at(9, 5, 19)),
        mockFixture("session_mocker", "pytest_mock", at(10, 5, 19)),
      ],
    },
    {
      // Typed, defaulted and keyword-only parameters; a method; uses in a nested function and a lambda.
      filename: FILENAME,
      code: dedent`
        class TestOrders:
            def test_typed(self, mocker: "MockerFixture"):
                def helper():
                    return mocker.stub()
                factory = lambda: mocker.MagicMock()

            async def test_kw(self, *, session_mocker=None):
                await session_mocker.AsyncMock()()
      `,
      errors: [
        mockFixture("mocker", "pytest_mock", at(2, 26, 32)),
        mockFixture("mocker", "pytest_mock", at(4, 20, 26)),
        mockFixture("mocker", "pytest_mock", at(5, 27, 33)),
        mockFixture("session_mocker", "pytest_mock", at(7, 32, 46)),
        mockFixture("session_mocker", "pytest_mock", at(8, 15, 29)),
      ],
    },
    {
      // Reassigning the fixture's name does not hide it: the value still comes from pytest-mock.
      filename: FILENAME,
      code: dedent`
        def test_rebind(mocker):
            mocker = mocker.patch("app.db")
            mocker.assert_called_once()
      `,
      errors: [
        mockFixture("mocker", "pytest_mock", at(1, 17, 23)),
        mockFixture("mocker", "pytest_mock", at(2, 14, 20)),
        mockFixture("mocker", "pytest_mock", at(3, 5, 11)),
      ],
    },
    {
      filename: FILENAME,
      code: dedent`
        def test_http(
            requests_mock,
            httpx_mock,
            respx_mock,
        ):
            requests_mock.get("http://localhost/a", json={})
            httpx_mock.add_response(json={})
            respx_mock.get("http://localhost/b")
      `,
      errors: [
        mockFixture("requests_mock", "requests_mock", at(2, 5, 18)),
        mockFixture("httpx_mock", "pytest_httpx", at(3, 5, 15)),
        mockFixture("respx_mock", "respx", at(4, 5, 15)),
        mockFixture("requests_mock", "requests_mock", at(6, 5, 18)),
        mockFixture("httpx_mock", "pytest_httpx", at(7, 5, 15)),
        mockFixture("respx_mock", "respx", at(8, 5, 15)),
      ],
    },
    {
      // Requested by name: usefixtures (on a function, on a class, as pytestmark) and getfixturevalue.
      filename: FILENAME,
      code: dedent`
        import pytest

        pytestmark = pytest.mark.usefixtures("respx_mock")


        @pytest.mark.usefixtures("db", "mocker")
        def test_marked():
            pass


        @pytest.mark.usefixtures("httpx_mock")
        class TestMarked:
            def test_dynamic(self, request):
                fake = request.getfixturevalue("mocker")
                real = request.getfixturevalue("db")
      `,
      errors: [
        mockFixture("respx_mock", "respx", at(3, 38, 50)),
        mockFixture("mocker", "pytest_mock", at(6, 32, 40)),
        mockFixture("httpx_mock", "pytest_httpx", at(11, 26, 38)),
        mockFixture("mocker", "pytest_mock", at(14, 40, 48)),
      ],
    },

    // ---- monkeypatch ----
    {
      filename: FILENAME,
      code: dedent`
        def test_patching(monkeypatch, tmp_path):
            monkeypatch.setattr("os.getcwd", lambda: "/")
            monkeypatch.delattr("os.sep")
            monkeypatch.setitem(CONFIG, "debug", True)
            monkeypatch.delitem(CONFIG, "cache")
            monkeypatch.setenv("APP_ENV", "test")
            monkeypatch.delenv("HOME")
            monkeypatch.chdir(tmp_path)
            monkeypatch.syspath_prepend(str(tmp_path))
      `,
      errors: [
        monkeypatchPatch("setattr", at(2, 5, 24)),
        monkeypatchPatch("delattr", at(3, 5, 24)),
        monkeypatchPatch("setitem", at(4, 5, 24)),
        monkeypatchPatch("delitem", at(5, 5, 24)),
      ],
    },
    {
      filename: FILENAME,
      code: dedent`
        import pytest


        def test_context(monkeypatch):
            with monkeypatch.context() as mp:
                mp.setattr("os.getpid", lambda: 1)
                mp.setenv("A", "1")


        def test_class_context():
            with pytest.MonkeyPatch.context() as mp:
                mp.setitem(CONFIG, "debug", True)
            patcher = pytest.MonkeyPatch()
            patcher.delattr("os.sep")
      `,
      errors: [
        monkeypatchPatch("setattr", at(6, 9, 19)),
        monkeypatchPatch("setitem", at(12, 9, 19)),
        monkeypatchPatch("delattr", at(14, 5, 20)),
      ],
    },

    // ---- One report per line: the first finding on it ----
    {
      filename: FILENAME,
      code: dedent`
        from unittest.mock import MagicMock; import mock


        def test_mixed(mocker, monkeypatch):
            run(mocker, MagicMock(), mock.ANY)
            monkeypatch.setattr("a.b", MagicMock()); mocker.stub()
            value = MagicMock(); mocker.patch("x")
      `,
      errors: [
        mockImport("unittest.mock.MagicMock", "unittest.mock", at(1, 27, 36)),
        mockFixture("mocker", "pytest_mock", at(4, 16, 22)),
        mockFixture("mocker", "pytest_mock", at(5, 9, 15)),
        monkeypatchPatch("setattr", at(6, 5, 24)),
        mockUse("MagicMock", "unittest.mock", at(7, 13, 22)),
      ],
    },

    // ---- Options ----
    {
      // `modules` adds banned modules (with their submodules) to the defaults.
      filename: "tests/integration/test_orders.py",
      code: dedent`
        from myproject.fakes import fake_db
        import myproject.fakes.http
        from myproject import fakes
        import myproject
        import mock


        def test_orders():
            fake_db()
            fakes.payments.charge()
            myproject.fakes.http.serve()
            myproject.real.run()
      `,
      options: [{ modules: ["myproject.fakes"] }],
      errors: [
        mockImport("myproject.fakes.fake_db", "myproject.fakes", at(1, 29, 36)),
        mockImport("myproject.fakes.http", "myproject.fakes", at(2, 8, 28)),
        mockImport("myproject.fakes", "myproject.fakes", at(3, 23, 28)),
        mockImport("mock", "mock", at(5, 8, 12)),
        mockUse("fake_db", "myproject.fakes", at(9, 5, 12)),
        mockUse("fakes.payments.charge", "myproject.fakes", at(10, 5, 26)),
        mockUse("myproject.fakes.http.serve", "myproject.fakes", at(11, 5, 31)),
      ],
    },
    {
      // `allow` exempts only what it names.
      filename: FILENAME,
      code: dedent`
        from freezegun import freeze_time
        import time_machine


        def test_clock(mocker, monkeypatch):
            monkeypatch.setattr("time.time", lambda: 0)
      `,
      options: [{ allow: ["freezegun"] }],
      errors: [
        mockImport("time_machine", "time_machine", at(2, 8, 20)),
        mockFixture("mocker", "pytest_mock", at(5, 16, 22)),
        monkeypatchPatch("setattr", at(6, 5, 24)),
      ],
    },
    {
      // allow `pytest_mock` leaves the other fixtures and monkeypatch banned.
      filename: FILENAME,
      code: dedent`
        def test_http(mocker, httpx_mock, monkeypatch):
            mocker.patch("a")
            monkeypatch.delitem(CONFIG, "a")
      `,
      options: [{ allow: ["pytest_mock"] }],
      errors: [
        mockFixture("httpx_mock", "pytest_httpx", at(1, 23, 33)),
        monkeypatchPatch("delitem", at(3, 5, 24)),
      ],
    },
    {
      // allow `_pytest.monkeypatch` leaves mocker banned.
      filename: FILENAME,
      code: "def test_x(monkeypatch, mocker):\n    monkeypatch.setattr('a.b', 1)\n",
      options: [{ allow: ["_pytest.monkeypatch"] }],
      errors: [mockFixture("mocker", "pytest_mock", at(1, 25, 31))],
    },
    {
      // allow a submodule of a banned module: the rest of it stays banned.
      filename: FILENAME,
      code: "from unittest.mock import sentinel\nfrom unittest.mock import patch\n",
      options: [{ allow: ["unittest.mock.sentinel"] }],
      errors: [mockImport("unittest.mock.patch", "unittest.mock", at(2, 27, 32))],
    },

    // ---- Disable directives ----
    {
      // Each directive covers only its own line.
      filename: FILENAME,
      code: dedent`
        # eslint-disable-next-line rule-to-test/no-mocks -- kept until ORD-12
        from unittest.mock import patch
        import mock  # eslint-disable-line rule-to-test/no-mocks
        import responses


        def test_x(mocker):  # eslint-disable-line rule-to-test/no-mocks
            patch("app.db")
      `,
      errors: [
        mockImport("responses", "responses", at(4, 8, 17)),
        mockUse("patch", "unittest.mock", at(8, 5, 10)),
      ],
    },
    {
      // Other linters' suppressions do not silence this rule.
      filename: FILENAME,
      code: "import mock  # noqa: F401  # type: ignore\n",
      errors: [mockImport("mock", "mock", at(1, 8, 12))],
    },
  ],
});

describe("no-mocks options schema", () => {
  const lint = (options: unknown): void => {
    const linter = new Linter({ configType: "flat" });
    linter.verify(
      "import os\n",
      [
        {
          files: ["**/*.py"],
          language: "testaudit/python",
          plugins: { testaudit: plugin },
          rules: { "testaudit/no-mocks": ["error", options] },
        },
      ],
      FILENAME,
    );
  };

  it("accepts the documented options", () => {
    expect(() => { lint({ modules: ["myproject.fakes"], allow: ["freezegun"] }); }).not.toThrow();
  });

  it("rejects an unknown option, naming it", () => {
    expect(() => { lint({ modules: [], banned: ["x"] }); }).toThrow(/Unexpected property "banned"/u);
  });

  it("rejects a misspelt option, naming it", () => {
    expect(() => { lint({ allowed: ["freezegun"] }); }).toThrow(/"allowed"/u);
  });

  it("rejects `modules` that is not an array", () => {
    // ESLint names the offending value, not its key, for type errors.
    expect(() => { lint({ modules: "myproject.fakes" }); }).toThrow(/"myproject\.fakes" should be array/u);
  });

  it("rejects `allow` entries that are not non-empty strings", () => {
    expect(() => { lint({ allow: [3] }); }).toThrow(/Value 3 should be string/u);
    expect(() => { lint({ allow: [""] }); }).toThrow(/should NOT be shorter than 1 characters/u);
  });

  it("rejects duplicate `modules` entries", () => {
    expect(() => { lint({ modules: ["a.fakes", "a.fakes"] }); }).toThrow(/duplicate items/u);
  });
});
