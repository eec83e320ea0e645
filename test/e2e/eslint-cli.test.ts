/**
 * End to end through the real eslint binary: the bundled example suite with the repository's flat
 * config, and a fixture tree in a temporary folder with its own eslint.config.js.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import dedent from "dedent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const eslintBin = join(dirname(createRequire(import.meta.url).resolve("eslint/package.json")), "bin", "eslint.js");

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[];
}

function eslint(args: string[], cwd: string): { status: number | null; results: LintResult[]; stderr: string } {
  const run = spawnSync(process.execPath, [eslintBin, "--format", "json", ...args], { cwd, encoding: "utf8" });
  return { status: run.status, results: run.stdout ? (JSON.parse(run.stdout) as LintResult[]) : [], stderr: run.stderr };
}

/** `file:line ruleId` for every message, sorted, paths relative to `base`. */
function findings(results: LintResult[], base: string): string[] {
  return results
    .flatMap((result) => result.messages.map((message) => `${relative(base, result.filePath)}:${message.line} ${message.ruleId ?? "fatal"}`))
    .sort();
}

describe("the bundled example suite", () => {
  it("reports each planted violation exactly once, in both languages, with the right rule and line, and nothing else", () => {
    const { status, results, stderr } = eslint(["-c", "eslint-plugin.config.js", "examples"], root);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    expect(findings(results, root)).toEqual([
      "examples/auth_service/tests/integration/test_sessions.py:10 testaudit/require-bvj",
      "examples/auth_service/tests/integration/test_sessions.py:18 testaudit/require-bvj",
      "examples/auth_service/tests/integration/test_sessions.py:23 testaudit/require-base-class",
      "examples/auth_service/tests/integration/test_sessions.py:31 testaudit/no-mocks",
      "examples/auth_service/tests/integration/test_tokens.py:65 testaudit/max-tests-per-file",
      "examples/billing_service/tests/integration/conftest.py:10 testaudit/no-mocks",
      "examples/billing_service/tests/integration/conftest.py:2 testaudit/no-mocks",
      "examples/billing_service/tests/integration/test_invoices.py:23 testaudit/no-mocks",
      "examples/billing_service/tests/integration/test_invoices.py:28 testaudit/no-mocks",
      "examples/billing_service/tests/integration/test_payments.py:18 testaudit/no-mocks",
      "examples/billing_service/tests/integration/test_payments.py:24 testaudit/no-mocks",
      "examples/billing_service/tests/integration/test_payments.py:25 testaudit/no-mocks",
      "examples/billing_service/tests/integration/test_payments.py:3 testaudit/no-mocks",
      "examples/billing_service/tests/integration/test_payments.py:30 testaudit/require-base-class",
      "examples/web/integration/cart.test.ts:13 testaudit/require-base-class",
      "examples/web/integration/cart.test.ts:18 testaudit/require-bvj",
      "examples/web/integration/cart.test.ts:3 testaudit/no-mocks",
    ]);
    for (const compliant of ["catalog.test.ts", "checkout.spec.ts"]) {
      const result = results.find((candidate) => candidate.filePath.endsWith(compliant));
      expect(result?.messages, compliant).toEqual([]);
    }
  });

  it("reports the tests of test_invoices.py, which name no mock, at their names: the conftest.py fixture their class requests patches", () => {
    const { results } = eslint(["-c", "eslint-plugin.config.js", "examples/billing_service"], root);
    const invoices = results.find((candidate) => candidate.filePath.endsWith("test_invoices.py"));
    const conftest = "examples/billing_service/tests/integration/conftest.py:10";
    expect(invoices?.messages.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 23, column: 9, message: `Test 'test_invoice_totals_match_line_items' runs under 'mock.patch' through fixture 'tax_service' (${conftest}).` },
      { line: 28, column: 9, message: `Test 'test_invoice_is_stored' runs under 'mock.patch' through fixture 'tax_service' (${conftest}).` },
    ]);
  });

  it("prints exactly the demo output README shows", () => {
    const run = spawnSync(process.execPath, ["scripts/demo.mjs"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(0);
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const shown = /<!-- demo-output-start -->\n```text\n([\s\S]*?)```\n<!-- demo-output-end -->/u.exec(readme)?.[1];
    expect(run.stdout).toBe(shown);
  });
});

describe("a fixture tree with its own eslint.config.js", () => {
  let tree: string;

  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), "testaudit-e2e-"));
    const write = (path: string, text: string): void => {
      mkdirSync(dirname(join(tree, path)), { recursive: true });
      writeFileSync(join(tree, path), `${text}\n`);
    };
    const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;
    write("eslint.config.js", dedent`
      import testaudit from ${JSON.stringify(plugin)};
      const { files } = testaudit.configs["recommended-python"];
      export default [
        ...testaudit.configs.recommended,
        { files, rules: { "testaudit/require-base-class": ["error", { bases: ["BaseIntegrationTest"] }] } },
      ];
    `);
    write("tests/integration/base.py", "import unittest\n\nclass BaseIntegrationTest(unittest.TestCase):\n    pass");
    write("tests/integration/test_compliant.py", dedent`
      """Orders against the real database.

      Business Value Justification:
      - Segment: Enterprise
      - Business Goal: Retention
      - Value Impact: Orders are never lost
      - Strategic Impact: Lost orders lose accounts
      """
      from .base import BaseIntegrationTest


      class TestOrders(BaseIntegrationTest):
          def test_order_is_saved(self):
              mock_order = {"id": 1}  # named mock_order, but a real dict sent to the real API
              note = "we never use unittest.mock or mocker here"
              self.assertTrue(mock_order and note)
    `);
    write("tests/integration/test_violations.py", dedent`
      """BVJ:
      - Segment: Enterprise
      - Business Goal: Retention
      - Value Impact: Orders are never lost
      - Strategic Impact: Lost orders lose accounts
      """
      from unittest import mock
      from .base import BaseIntegrationTest


      class TestOrders(BaseIntegrationTest):
          def test_uses_mock(self):
              with mock.patch("orders.save"):  # eslint-disable-line testaudit/no-mocks -- documented exception
                  pass
              mock.MagicMock()


      class TestHelpers:
          def test_unbased(self):
              pass
    `);
    write("tests/integration/test_broken.py", "def test_a(:\n    pass");
    write("tests/unit/test_not_integration.py", "from unittest import mock");
  });

  afterAll(() => {
    rmSync(tree, { recursive: true, force: true });
  });

  it("reports the planted violations once each, honours inline disables, and locates a syntax error", () => {
    const { status, results, stderr } = eslint(["."], tree);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    expect(findings(results, tree)).toEqual([
      "tests/integration/test_broken.py:1 fatal",
      "tests/integration/test_violations.py:15 testaudit/no-mocks",
      "tests/integration/test_violations.py:18 testaudit/require-base-class",
      "tests/integration/test_violations.py:7 testaudit/no-mocks",
    ]);
    const broken = results.find((result) => result.filePath.endsWith("test_broken.py"));
    expect(broken?.messages).toEqual([expect.objectContaining({ fatal: true, line: 1, column: 12, message: "Parsing error: invalid syntax" })]);
  });

  it("gives the same results with --concurrency 2 as in one thread", () => {
    const serial = eslint(["."], tree);
    const parallel = eslint([".", "--concurrency", "2"], tree);
    // With this few files ESLint warns that threads may not pay off; nothing else may be printed.
    const otherOutput = parallel.stderr.split("\n").filter((line) => line !== "" && !/ESLintPoorConcurrencyWarning|--trace-warnings/u.test(line));
    expect(otherOutput).toEqual([]);
    expect(findings(parallel.results, tree)).toEqual(findings(serial.results, tree));
  });
});
