/**
 * Where mocks reach tests from, end to end: the real `testaudit` binary on a temporary suite where
 * mocks hide behind helpers, setup methods of a base class in another file, fixtures defined in the
 * test file, imported, star-imported by a conftest.py, loaded through `pytest_plugins`, requested
 * through `usefixtures`, autouse fixtures, and module and conftest.py top levels; and JS/TS hooks.
 * The real `eslint` binary on the same suite reports, at each test, the mocks from other files.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import dedent from "dedent";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditReport, MockReachReport } from "../../src/audit/report-types.js";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;
const eslintBin = join(dirname(createRequire(import.meta.url).resolve("eslint/package.json")), "bin", "eslint.js");

const suite = {
  "eslint.config.js": dedent`
    import testaudit from ${JSON.stringify(plugin)};
    export default [...testaudit.configs.recommended];
  `,
  "pytest.ini": "[pytest]\n",
  "conftest.py": dedent`
    import pytest
    from fixtures.shared import *

    pytest_plugins = ["plugins.clock"]

    @pytest.fixture
    def real_db():
        return connect("postgresql://localhost/test")
  `,
  "fixtures/__init__.py": "",
  "fixtures/shared.py": dedent`
    import pytest
    from unittest.mock import MagicMock

    @pytest.fixture
    def payment_gateway(mocker):
        return mocker.Mock()

    @pytest.fixture
    def email_service(smtp_server):
        return EmailService(smtp_server)

    @pytest.fixture(name="smtp_server")
    def smtp_double():
        return MagicMock()
  `,
  "plugins/__init__.py": "",
  "plugins/clock.py": dedent`
    import pytest
    from unittest import mock

    @pytest.fixture
    def frozen_clock():
        with mock.patch("time.time", return_value=0):
            yield
  `,
  "tests/integration/test_fixtures.py": dedent`
    import pytest
    from fixtures.shared import payment_gateway as gateway_fixture

    def test_conftest_star_import(payment_gateway):
        assert payment_gateway

    def test_fixture_chain(email_service):
        assert email_service

    def test_pytest_plugins(frozen_clock):
        assert frozen_clock is None

    def test_real_service(real_db):
        assert real_db

    @pytest.mark.usefixtures("frozen_clock")
    class TestMarked:
        def test_marked(self):
            assert True
  `,
  "tests/integration/test_override.py": dedent`
    import pytest

    @pytest.fixture
    def payment_gateway():
        return RealGateway()

    def test_overridden(payment_gateway):
        assert payment_gateway
  `,
  "tests/integration/autouse/conftest.py": dedent`
    import pytest

    @pytest.fixture(autouse=True)
    def quiet_logs(monkeypatch):
        monkeypatch.setattr("logging.disable", print)
  `,
  "tests/integration/autouse/test_autouse.py": dedent`
    def test_anything():
        assert True
  `,
  "tests/integration/helpers/builders.py": dedent`
    from unittest import mock

    def build_fake_client():
        return mock.Mock()
  `,
  "tests/integration/helpers/test_helpers.py": dedent`
    from unittest import mock
    from builders import build_fake_client

    def make_stub():
        return mock.Mock()

    def indirect():
        return make_stub()

    def test_module_helper():
        assert indirect()

    def test_imported_helper():
        assert build_fake_client()

    def test_calls_nothing():
        assert True

    class TestMethods:
        def _stub(self):
            return mock.Mock()

        def test_method_helper(self):
            assert self._stub()
  `,
  "tests/integration/setup/base.py": dedent`
    import unittest
    from unittest import mock

    class IntegrationBase(unittest.TestCase):
        def setUp(self):
            self.patcher = mock.patch("services.payments.charge")
            self.patcher.start()
  `,
  "tests/integration/setup/test_setup.py": dedent`
    import unittest
    from unittest import mock
    from base import IntegrationBase

    class TestInherited(IntegrationBase):
        def test_from_base_setup(self):
            assert True

    @mock.patch("services.mail.send")
    class TestDecorated(unittest.TestCase):
        def test_class_decorator(self, send):
            assert send
  `,
  "tests/integration/toplevel/test_module.py": dedent`
    import os
    from unittest import mock

    mock.patch.dict(os.environ, {"MODE": "fake"}).start()

    def test_under_module_patch():
        assert os.environ["MODE"]
  `,
  "tests/integration/conftest_top/conftest.py": dedent`
    import sys
    from unittest.mock import MagicMock

    sys.modules["payments_sdk"] = MagicMock()
  `,
  "tests/integration/conftest_top/test_sdk.py": dedent`
    def test_sdk():
        assert True
  `,
  "web/integration/hooks.test.ts": dedent`
    import { beforeEach, describe, expect, it, vi } from "vitest";

    describe("with a spy", () => {
      beforeEach(() => {
        vi.spyOn(console, "log");
      });
      it("is reached by the hook", () => {
        expect(1).toBe(1);
      });
    });

    describe("without", () => {
      it("is not reached", () => {
        expect(1).toBe(1);
      });
    });
  `,
};

describe("testaudit traces mocks through the code around each test", () => {
  const folder = writeTree(suite, "testaudit-reach-");
  afterAll(() => { rmSync(folder, { recursive: true, force: true }); });
  const run = spawnSync(process.execPath, [join(root, "dist/src/cli/main.js"), ".", "--format", "json"], { cwd: folder, encoding: "utf8" });
  // An empty report when the run failed, so the first test shows its stderr.
  const report = JSON.parse(run.stdout || '{"files":[]}') as AuditReport;
  const reach = new Map<string, MockReachReport | null>(report.files.flatMap((file) => file.tests.map((test) => [`${file.path}::${test.id}`, test.mockReach] as const)));
  const reachOf = (id: string): MockReachReport | null | undefined => reach.get(id);

  it("runs without errors", () => {
    expect(run.stderr).toMatch(/^testaudit: the gate fails: [^\n]*\n$/u);
    expect(run.status).toBe(1);
  });

  it("follows fixtures star-imported by a conftest.py, chains of fixtures and renamed fixtures", () => {
    expect(reachOf("tests/integration/test_fixtures.py::test_conftest_star_import")).toEqual({
      via: "fixture",
      through: [{ name: "payment_gateway", path: "fixtures/shared.py", line: 5 }],
      mock: { path: "fixtures/shared.py", line: 5, column: 21, name: "mocker" },
    });
    expect(reachOf("tests/integration/test_fixtures.py::test_fixture_chain")).toEqual({
      via: "fixture",
      through: [
        { name: "email_service", path: "fixtures/shared.py", line: 9 },
        { name: "smtp_server", path: "fixtures/shared.py", line: 13 },
      ],
      mock: { path: "fixtures/shared.py", line: 14, column: 12, name: "MagicMock" },
    });
  });

  it("follows fixtures of pytest_plugins modules, requested by parameter or by usefixtures on a class", () => {
    const viaPlugin = {
      via: "fixture",
      through: [{ name: "frozen_clock", path: "plugins/clock.py", line: 5 }],
      mock: { path: "plugins/clock.py", line: 6, column: 10, name: "mock.patch" },
    };
    expect(reachOf("tests/integration/test_fixtures.py::test_pytest_plugins")).toEqual(viaPlugin);
    expect(reachOf("tests/integration/test_fixtures.py::TestMarked::test_marked")).toEqual({ ...viaPlugin, via: "fixture" });
  });

  it("finds no mock behind real fixtures, and a test module's own fixture overrides the conftest's", () => {
    expect(reachOf("tests/integration/test_fixtures.py::test_real_service")).toBeNull();
    expect(reachOf("tests/integration/test_override.py::test_overridden")).toBeNull();
  });

  it("applies autouse fixtures of the conftest.py chain to every test below them", () => {
    expect(reachOf("tests/integration/autouse/test_autouse.py::test_anything")).toEqual({
      via: "autouse",
      through: [{ name: "quiet_logs", path: "tests/integration/autouse/conftest.py", line: 4 }],
      mock: { path: "tests/integration/autouse/conftest.py", line: 5, column: 5, name: "monkeypatch.setattr" },
    });
  });

  it("follows the helpers a test calls, in the file, imported, and methods of its class; not helpers it does not call", () => {
    expect(reachOf("tests/integration/helpers/test_helpers.py::test_module_helper")).toEqual({
      via: "helper",
      through: [
        { name: "indirect", path: "tests/integration/helpers/test_helpers.py", line: 7 },
        { name: "make_stub", path: "tests/integration/helpers/test_helpers.py", line: 4 },
      ],
      mock: { path: "tests/integration/helpers/test_helpers.py", line: 5, column: 12, name: "mock.Mock" },
    });
    expect(reachOf("tests/integration/helpers/test_helpers.py::test_imported_helper")).toEqual({
      via: "helper",
      through: [{ name: "build_fake_client", path: "tests/integration/helpers/builders.py", line: 3 }],
      mock: { path: "tests/integration/helpers/builders.py", line: 4, column: 12, name: "mock.Mock" },
    });
    expect(reachOf("tests/integration/helpers/test_helpers.py::test_calls_nothing")).toBeNull();
    expect(reachOf("tests/integration/helpers/test_helpers.py::TestMethods::test_method_helper")).toEqual({
      via: "helper",
      through: [{ name: "TestMethods._stub", path: "tests/integration/helpers/test_helpers.py", line: 20 }],
      mock: { path: "tests/integration/helpers/test_helpers.py", line: 21, column: 16, name: "mock.Mock" },
    });
  });

  it("follows setUp inherited from a base class in another file, and class decorators", () => {
    expect(reachOf("tests/integration/setup/test_setup.py::TestInherited::test_from_base_setup")).toEqual({
      via: "setup",
      through: [{ name: "IntegrationBase.setUp", path: "tests/integration/setup/base.py", line: 5 }],
      mock: { path: "tests/integration/setup/base.py", line: 6, column: 24, name: "mock.patch" },
    });
    expect(reachOf("tests/integration/setup/test_setup.py::TestDecorated::test_class_decorator")).toEqual({
      via: "class",
      through: [],
      mock: { path: "tests/integration/setup/test_setup.py", line: 9, column: 2, name: "mock.patch" },
    });
  });

  it("applies the top level of the test module and of conftest.py files to every test", () => {
    expect(reachOf("tests/integration/toplevel/test_module.py::test_under_module_patch")).toEqual({
      via: "module",
      through: [],
      mock: { path: "tests/integration/toplevel/test_module.py", line: 4, column: 1, name: "mock.patch.dict" },
    });
    expect(reachOf("tests/integration/conftest_top/test_sdk.py::test_sdk")).toEqual({
      via: "conftest",
      through: [],
      mock: { path: "tests/integration/conftest_top/conftest.py", line: 4, column: 31, name: "MagicMock" },
    });
  });

  it("counts a JS/TS describe block's hooks for its own tests only", () => {
    expect(reachOf("web/integration/hooks.test.ts::with a spy > is reached by the hook")).toEqual({
      via: "setup",
      through: [],
      mock: { path: "web/integration/hooks.test.ts", line: 5, column: 5, name: "vi.spyOn" },
    });
    expect(reachOf("web/integration/hooks.test.ts::without > is not reached")).toBeNull();
  });

  it("eslint reports, at its name, each test a mock from another file reaches (those in the test file are reported where they are written)", () => {
    const lint = spawnSync(process.execPath, [eslintBin, "--format", "json", "."], { cwd: folder, encoding: "utf8" });
    expect(lint.stderr).toBe("");
    const results = JSON.parse(lint.stdout) as { filePath: string; messages: { messageId?: string; line: number; column: number; message: string }[] }[];
    const reaches = results.flatMap((result) =>
      result.messages.filter((message) => message.messageId === "mockReach").map((message) => `${relative(folder, result.filePath)}:${message.line}:${message.column} ${message.message}`),
    );
    expect(reaches).toEqual([
      "tests/integration/autouse/test_autouse.py:1:5 Test 'test_anything' runs under 'monkeypatch.setattr' through autouse fixture 'quiet_logs' (tests/integration/autouse/conftest.py:5).",
      "tests/integration/conftest_top/test_sdk.py:1:5 Test 'test_sdk' runs under 'MagicMock' at the top level of conftest.py (tests/integration/conftest_top/conftest.py:4).",
      "tests/integration/helpers/test_helpers.py:13:5 Test 'test_imported_helper' runs under 'mock.Mock' through helper 'build_fake_client' (tests/integration/helpers/builders.py:4).",
      "tests/integration/setup/test_setup.py:6:9 Test 'test_from_base_setup' runs under 'mock.patch' through setup method 'setUp' of base 'IntegrationBase' (tests/integration/setup/base.py:6).",
      "tests/integration/test_fixtures.py:4:5 Test 'test_conftest_star_import' runs under 'mocker' through fixture 'payment_gateway' (fixtures/shared.py:5).",
      "tests/integration/test_fixtures.py:7:5 Test 'test_fixture_chain' runs under 'MagicMock' through fixture 'email_service' → 'smtp_server' (fixtures/shared.py:14).",
      "tests/integration/test_fixtures.py:10:5 Test 'test_pytest_plugins' runs under 'mock.patch' through fixture 'frozen_clock' (plugins/clock.py:6).",
      "tests/integration/test_fixtures.py:18:9 Test 'test_marked' runs under 'mock.patch' through fixture 'frozen_clock' (plugins/clock.py:6).",
    ]);
  });

  it("makes a test file non-compliant when a test reaches a mock from elsewhere", () => {
    const autouse = report.files.find((file) => file.path === "tests/integration/autouse/test_autouse.py")!;
    expect(autouse.mocks).toEqual([]);
    expect(autouse.compliant.noMocks).toBe(false);
    const override = report.files.find((file) => file.path === "tests/integration/test_override.py")!;
    expect(override.compliant.noMocks).toBe(true);
  });
});
