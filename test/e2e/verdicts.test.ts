/**
 * One fixture tree with the idioms of real monorepos that testaudit used to misjudge, run once through
 * the real `eslint` binary and once through the real `testaudit` binary: a base class reached through
 * a legacy alias, mocks re-exported by the project's own modules, tests inherited from a mixin and
 * imported from another file, a pytest.ini, a latin-1 file and lone CR line ends, a missing colon, a
 * mock that reaches tests only through a conftest.py fixture, and line counts. Debian's pytest says
 * what is collected. Nothing is mocked.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import dedent from "dedent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/report-types.js";
import { writeTree } from "../temp-tree.js";
import { pytestTestIds, type TestIds } from "../pytest-oracle.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const eslintBin = join(dirname(createRequire(import.meta.url).resolve("eslint/package.json")), "bin", "eslint.js");
const testauditBin = join(root, "dist/src/cli/main.js");

const FILES = {
  "eslint.config.js": dedent`
    import testaudit from ${JSON.stringify(join(root, "dist/src/index.js"))};

    export default [
      ...testaudit.configs.recommended,
      {
        files: testaudit.configs["recommended-python"].files,
        rules: {
          "testaudit/require-base-class": ["error", { bases: ["test_framework.ssot.SSotBaseTestCase"] }],
          "testaudit/require-bvj": "off",
        },
      },
    ];
  `,
  "pytest.ini": "[pytest]\npython_classes = Test *Tests\n",
  "test_framework/__init__.py": "",
  "test_framework/ssot.py": "import unittest\n\n\nclass SSotBaseTestCase(unittest.TestCase):\n    pass\n",
  // The legacy name a monorepo's base module ends with, and the mock its utilities re-export.
  "test_framework/base.py": "from test_framework.ssot import SSotBaseTestCase\n\n__all__ = [\"BaseTestCase\"]\n\nBaseTestCase = SSotBaseTestCase  # legacy name\n",
  "test_framework/testutils.py": "import unittest\nfrom unittest import mock\n",
  "test_framework/mixins.py": "class HealthChecks:\n    def test_health(self):\n        pass\n",
  "tests/__init__.py": "",
  "tests/integration/__init__.py": "",
  "tests/integration/conftest.py": dedent`
    import pytest
    from unittest import mock


    @pytest.fixture
    def tax_service():
        with mock.patch("billing.tax.rate", return_value=0):
            yield
  `,
  "tests/integration/test_orders.py": dedent`
    from test_framework.base import BaseTestCase
    from test_framework.mixins import HealthChecks


    class OrderTests(HealthChecks, BaseTestCase):
        def test_create(self):
            pass
  `,
  "tests/integration/test_legacy.py": dedent`
    from test_framework.testutils import mock, unittest


    class LegacyTests(unittest.TestCase):
        @mock.patch("billing.gateway.charge")
        def test_charge(self, charge):
            pass
  `,
  "tests/integration/test_invoices.py": dedent`
    from test_framework.ssot import SSotBaseTestCase


    def test_total(tax_service):
        pass
  `,
};

/** A file CPython cannot compile: written after pytest has collected the tree, which it would stop. */
const BROKEN = {
  "tests/integration/test_broken.py": dedent`
    from test_framework.ssot import SSotBaseTestCase


    class BrokenTests(SSotBaseTestCase):
        def test_bad(self)
            pass
  `,
};

/** Written as bytes: a latin-1 file with its cookie, and a file whose lines end with a lone CR. */
const BYTES = {
  "tests/integration/test_cafe.py": Buffer.from(
    "# -*- coding: latin-1 -*-\nfrom test_framework.ssot import SSotBaseTestCase\n\n\nclass CafeTests(SSotBaseTestCase):\n    def test_caf\xe9(self):\n        pass\n",
    "latin1",
  ),
  "tests/integration/test_classic_mac.py": Buffer.from("from test_framework.ssot import SSotBaseTestCase\r\r\rclass MacTests(SSotBaseTestCase):\r    def test_cr(self):\r        pass\r"),
};

describe("verdicts a team can gate on, on idioms of real monorepos", () => {
  let tree: string;
  let lint: { status: number | null; messages: string[] };
  let audit: { status: number | null; report: AuditReport };
  let pytest: TestIds;

  beforeAll(async () => {
    tree = writeTree(FILES, "testaudit-verdicts-");
    for (const [path, bytes] of Object.entries(BYTES)) {
      mkdirSync(dirname(join(tree, path)), { recursive: true });
      writeFileSync(join(tree, path), bytes);
    }
    pytest = await pytestTestIds(tree);
    for (const [path, text] of Object.entries(BROKEN)) {
      writeFileSync(join(tree, path), `${text}\n`);
    }
    const eslint = spawnSync(process.execPath, [eslintBin, "--format", "json", "."], { cwd: tree, encoding: "utf8" });
    const results = JSON.parse(eslint.stdout) as { filePath: string; messages: { line: number; column: number; message: string; ruleId: string | null }[] }[];
    lint = {
      status: eslint.status,
      messages: results.flatMap((result) => result.messages.map((message) => `${relative(tree, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? "fatal"} ${message.message}`)),
    };
    const run = spawnSync(process.execPath, [testauditBin, "--format", "json"], { cwd: tree, encoding: "utf8" });
    audit = { status: run.status, report: JSON.parse(run.stdout) as AuditReport };
  });

  afterAll(() => {
    rmSync(tree, { recursive: true, force: true });
  });

  it("shows exactly these findings in eslint, each where a user fixes it", () => {
    expect(lint.messages.toSorted()).toEqual([
      "tests/integration/test_broken.py:5:23 fatal Parsing error: expected ':'",
      "tests/integration/test_invoices.py:4:5 testaudit/require-base-class Test function 'test_total' is not in a class that inherits from 'test_framework.ssot.SSotBaseTestCase'.",
      "tests/integration/test_invoices.py:4:5 testaudit/no-mocks Test 'test_total' runs under 'mock.patch' through fixture 'tax_service' (tests/integration/conftest.py:7).",
      "tests/integration/test_legacy.py:1:38 testaudit/no-mocks Import of 'test_framework.testutils.mock' brings in the mocking library 'unittest.mock'; integration tests must use real services.",
      "tests/integration/test_legacy.py:4:7 testaudit/require-base-class Test class 'LegacyTests' does not inherit from 'test_framework.ssot.SSotBaseTestCase'.",
      "tests/integration/test_legacy.py:5:6 testaudit/no-mocks 'mock.patch' comes from the mocking library 'unittest.mock'; integration tests must use real services.",
      "tests/integration/conftest.py:2:22 testaudit/no-mocks Import of 'unittest.mock' brings in the mocking library 'unittest.mock'; integration tests must use real services.",
      "tests/integration/conftest.py:7:10 testaudit/no-mocks 'mock.patch' comes from the mocking library 'unittest.mock'; integration tests must use real services.",
    ].toSorted());
    expect(lint.status).toBe(1);
  });

  it("counts per file exactly the tests pytest collects", () => {
    const counted: TestIds = {};
    for (const file of audit.report.files) {
      if (file.tests.length > 0) {
        counted[file.path] = file.tests.map((test) => test.id).sort();
      }
    }
    // testaudit reports the broken file as a parse error, never as 0 tests.
    expect(counted).toEqual(pytest);
    expect(Object.keys(pytest).sort()).toEqual(["test_cafe.py", "test_classic_mac.py", "test_invoices.py", "test_legacy.py", "test_orders.py"].map((name) => `tests/integration/${name}`));
    expect(audit.report.files.find((file) => file.path.endsWith("test_broken.py"))!.parseError).toEqual({ line: 5, column: 23, message: "Parsing error: expected ':'" });
  });

  it("says where an inherited test is defined", () => {
    const orders = audit.report.files.find((file) => file.path.endsWith("test_orders.py"))!;
    expect(orders.tests.map((test) => [test.id, test.line, test.definedIn])).toEqual([
      ["OrderTests::test_health", 5, { path: "test_framework/mixins.py", line: 2 }],
      ["OrderTests::test_create", 6, null],
    ]);
  });

  it("counts lines as an editor shows them, and exits 1 because tests are not compliant", () => {
    const lines = Object.fromEntries(audit.report.files.map((file) => [file.path.replace("tests/integration/", ""), file.lines]));
    expect(lines).toMatchObject({ "test_orders.py": 7, "test_classic_mac.py": 6, "test_cafe.py": 7, "test_broken.py": 6 });
    expect(audit.report.totals.policies.noMocks?.tests).toEqual({ compliant: 4, total: 6, percent: 66.7 });
    expect(audit.status).toBe(1);
  });
});
