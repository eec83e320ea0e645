/**
 * A verdict must not depend on the folder testaudit runs in. In a monorepo, CI runs `testaudit
 * services/api` from the repository's root, where the service's own `tests` package is importable only
 * because pytest put the folder above it on `sys.path` when it imported `tests/conftest.py`. pytest
 * (Debian's 7.2), run the same way from the root, is the judge: it imports and runs both tests, and
 * the fixture's patch is what lets the second pass.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import dedent from "dedent";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/report-types.js";
import { ORACLE_PYTHON } from "../pytest-oracle.js";
import { writeTree } from "../temp-tree.js";

const repository = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const bin = join(repository, "dist/src/cli/main.js");
const plugin = pathToFileURL(join(repository, "dist/src/index.js")).href;

const monorepo = writeTree(
  {
    "eslint.config.mjs": dedent`
      import testaudit from ${JSON.stringify(plugin)};
      export default [
        { ...testaudit.configs["recommended-python"], files: ["**/*.py"], rules: { ...testaudit.configs["recommended-python"].rules, "testaudit/require-bvj": "off" } },
      ];
    `,
    "services/api/pyproject.toml": '[tool.pytest.ini_options]\npythonpath = ["src"]\ntestpaths = ["tests"]\n',
    "services/api/src/payments.py": 'def charge(amount):\n    raise RuntimeError("the real gateway is not reachable from a unit of CI")\n',
    "services/api/tests/__init__.py": "",
    "services/api/tests/conftest.py": 'pytest_plugins = ["tests.plugins.gateway"]\n',
    "services/api/tests/plugins/__init__.py": "",
    "services/api/tests/plugins/gateway.py": dedent`
      from unittest import mock

      import pytest


      @pytest.fixture
      def gateway():
          with mock.patch("payments.charge") as charge:
              yield charge
    `,
    "services/api/tests/framework/__init__.py": "",
    "services/api/tests/framework/base.py": "import unittest\n\n\nclass BaseTestCase(unittest.TestCase):\n    pass\n",
    // tests/integration is no package: its own folder is what pytest prepends for this file.
    "services/api/tests/integration/test_orders.py": dedent`
      import payments
      from tests.framework.base import BaseTestCase


      class TestOrders(BaseTestCase):
          def test_total(self):
              self.assertEqual(2 + 2, 4)


      def test_refund(gateway):
          payments.charge(10)
          assert gateway.called
    `,
  },
  "testaudit-monorepo-",
);
afterAll(() => {
  rmSync(monorepo, { recursive: true, force: true });
});

/** The audit's verdicts on the test file and its findings as `rule line:column`, run from `cwd` on `target`. */
function audit(cwd: string, target: string): { status: number | null; verdicts: unknown; findings: string[]; fixtureNamed: boolean } {
  const run = spawnSync(process.execPath, [bin, "--format", "json", "--no-progress", "--config", join(monorepo, "eslint.config.mjs"), target], { cwd, encoding: "utf8" });
  const report = JSON.parse(run.stdout) as AuditReport;
  const file = report.files.find((candidate) => candidate.path.endsWith("tests/integration/test_orders.py"))!;
  return {
    status: run.status,
    verdicts: file.tests.map((test) => [test.id, test.compliant.noMocks, test.compliant.baseClass]),
    findings: file.violations.map((violation) => `${violation.ruleId} ${violation.line}:${violation.column}`),
    fixtureNamed: file.violations.some((violation) => violation.message.includes("through fixture 'gateway'")),
  };
}

describe("the folder testaudit runs in", () => {
  it("pytest, run from the monorepo's root on the service, imports the tests package and runs both tests under the fixture's patch", () => {
    const run = spawnSync(ORACLE_PYTHON, ["-m", "pytest", "-v", "-p", "no:cacheprovider", "services/api"], {
      cwd: monorepo,
      encoding: "utf8",
      env: { PATH: "/usr/bin:/bin", LANG: "C.UTF-8", PYTHONDONTWRITEBYTECODE: "1", PYTHONNOUSERSITE: "1", PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" },
    });
    expect(run.stdout).toContain("tests/integration/test_orders.py::TestOrders::test_total PASSED");
    expect(run.stdout).toContain("tests/integration/test_orders.py::test_refund PASSED");
    expect(run.status).toBe(0);
  });

  it("changes no verdict: from the root, as from the service's folder, the base class is reached and the fixture's mock reaches test_refund", () => {
    const fromService = audit(join(monorepo, "services/api"), ".");
    const fromRoot = audit(monorepo, "services/api");
    expect(fromService).toEqual({
      status: 1,
      verdicts: [
        ["TestOrders::test_total", true, true],
        ["test_refund", false, false],
      ],
      findings: ["testaudit/no-mocks 10:5", "testaudit/require-base-class 10:5"],
      fixtureNamed: true,
    });
    expect(fromRoot).toEqual(fromService);
  });
});
