/**
 * The `testaudit` binary end to end, on the bundled example suite and on temporary trees.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/report-types.js";
import { packageInfo } from "../../src/package-info.js";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const bin = join(root, "dist/src/cli/main.js");

function testaudit(args: string[], cwd = root, env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const examples = ["--config", "eslint-plugin.config.js", "examples"];

describe("testaudit on the example suite", () => {
  const json = testaudit([...examples, "--format", "json", "--group", "python=examples/*_service/**", "--group", "web=examples/web/**"]);
  const report = JSON.parse(json.stdout) as AuditReport;

  it("exits 1 because the suite has violations, and says why on standard error", () => {
    expect(json.stderr).toBe("testaudit: the gate fails: not compliant and not exempted: noMocks (7 tests, 5 files), baseClass (4 tests, 3 files), bvj (3 tests, 2 files), maxTests (0 tests, 1 file); 17 error-level rule violations\n");
    expect(json.status).toBe(1);
  });

  it("counts tests per file, including .each, skipped and fixme tests, in both languages", () => {
    const counts = Object.fromEntries(report.files.map((file) => [file.path, file.tests.length]));
    expect(counts).toEqual({
      "examples/auth_service/tests/integration/__init__.py": 0,
      "examples/auth_service/tests/integration/test_sessions.py": 3,
      "examples/auth_service/tests/integration/test_tokens.py": 13,
      "examples/billing_service/tests/integration/__init__.py": 0,
      "examples/billing_service/tests/integration/conftest.py": 0,
      "examples/billing_service/tests/integration/test_invoices.py": 2,
      "examples/billing_service/tests/integration/test_payments.py": 3,
      "examples/web/e2e/checkout.spec.ts": 2,
      "examples/web/integration/cart.test.ts": 2,
      "examples/web/integration/catalog.test.ts": 2,
    });
    expect(report.totals).toMatchObject({ files: 10, testFiles: 7, tests: 27, skipped: 1, violations: 17, filesWithParseErrors: 0 });
  });

  it("computes compliance per policy from the same policies as the rules", () => {
    const none = { files: 0, tests: 0 };
    expect(report.totals.policies).toEqual({
      noMocks: { files: { compliant: 5, total: 10, percent: 50 }, tests: { compliant: 20, total: 27, percent: 74.1 }, exempted: none },
      baseClass: { files: { compliant: 4, total: 7, percent: 57.1 }, tests: { compliant: 23, total: 27, percent: 85.2 }, exempted: none },
      bvj: { files: { compliant: 5, total: 7, percent: 71.4 }, tests: { compliant: 24, total: 27, percent: 88.9 }, exempted: none },
      maxTests: { files: { compliant: 6, total: 7, percent: 85.7 }, tests: { compliant: 0, total: 0, percent: null }, exempted: none },
      awaitedAsync: { files: { compliant: 7, total: 7, percent: 100 }, tests: { compliant: 27, total: 27, percent: 100 }, exempted: none },
      // Rules outside recommended, which the example config uses: not checked.
      assertions: { files: { compliant: 0, total: 0, percent: null }, tests: { compliant: 0, total: 0, percent: null }, exempted: none },
      skipReason: { files: { compliant: 0, total: 0, percent: null }, tests: { compliant: 0, total: 0, percent: null }, exempted: none },
      maxLines: { files: { compliant: 0, total: 0, percent: null }, tests: { compliant: 0, total: 0, percent: null }, exempted: none },
      noTestDoubles: { files: { compliant: 0, total: 0, percent: null }, tests: { compliant: 0, total: 0, percent: null }, exempted: none },
    });
  });

  it("says where a mock reaches each test from", () => {
    const reach = Object.fromEntries(
      report.files.flatMap((file) => file.tests.filter((test) => test.mockReach !== null).map((test) => [test.id, `${test.mockReach!.via}: ${test.mockReach!.mock.name} at line ${test.mockReach!.mock.line}`])),
    );
    expect(reach).toEqual({
      "InvoiceTests::test_invoice_totals_match_line_items": "fixture: mock.patch at line 10",
      "InvoiceTests::test_invoice_is_stored": "fixture: mock.patch at line 10",
      "PaymentTests::test_charge_card": "test: patch at line 18",
      "PaymentTests::test_refund": "test: mocker at line 24",
      test_session_expiry: "test: monkeypatch.setattr at line 31",
      "cart > keeps items between visits": "module: vi.mock at line 3",
      "cart > empties after checkout": "module: vi.mock at line 3",
    });
  });

  it("totals groups of paths", () => {
    expect(report.groups.map((group) => [group.name, group.totals.testFiles, group.totals.tests])).toEqual([
      ["python", 4, 21],
      ["web", 3, 6],
    ]);
  });

  it("prints exactly the table README shows", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const shown = /<!-- audit-output-start -->\n```text\n([\s\S]*?)```\n<!-- audit-output-end -->/u.exec(readme)?.[1];
    expect(testaudit(examples).stdout).toBe(shown);
  });

  it("writes a self-contained HTML page with its charts", () => {
    const html = testaudit([...examples, "--format", "html", "--group", "web=examples/web/**"]).stdout;
    expect(html.startsWith("<!doctype html>")).toBe(true);
    // Self-contained: no scripts, stylesheets or images fetched from anywhere.
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//u);
    expect(html).toContain('<p id="summary">27 tests (1 skipped, 0 todo) in 7 test files; 10 files audited, 0 with parse errors, 0 unreadable; 17 rule violations; 0 exemptions.</p>');
    for (const chart of ["compliance", "group-0", "tests-per-file"]) {
      expect(html).toContain(`<figure id="${chart}"><svg role="img"`);
    }
    expect(html).toContain(
      "<tr><td>fixture</td><td>tax_service (examples/billing_service/tests/integration/conftest.py:8) → mock.patch</td><td><code>examples/billing_service/tests/integration/conftest.py:10:10</code></td>",
    );
    const perFile = /<figure id="tests-per-file">[\s\S]*?<\/figure>/u.exec(html)![0];
    expect([...perFile.matchAll(/class="bar" data-value="(\d+)"/gu)].map((match) => Number(match[1]))).toEqual([3, 13, 2, 3, 2, 2, 2]);
  });

  it("writes Markdown and a terminal table with the same numbers", () => {
    const markdown = testaudit([...examples, "--format", "markdown"]).stdout;
    expect(markdown).toContain("27 tests (1 skipped, 0 todo) in 7 test files; 10 files audited, 0 with parse errors, 0 unreadable; 17 rule violations; 0 exemptions.");
    expect(markdown).toContain("| No mocks | 5/10 (50%) | 20/27 (74.1%) |  |");
    expect(markdown).toContain(
      "| fixture | `tax_service (examples/billing_service/tests/integration/conftest.py:8) → mock.patch` | `examples/billing_service/tests/integration/conftest.py:10:10` | 2: `examples/billing_service/tests/integration/test_invoices.py::InvoiceTests::test_invoice_totals_match_line_items, examples/billing_service/tests/integration/test_invoices.py::InvoiceTests::test_invoice_is_stored` |",
    );
    expect(markdown).toContain("| `examples/web/integration/cart.test.ts` | 22 | 2 | 2 | 3 | noMocks, baseClass, bvj |");
    const table = testaudit(examples).stdout;
    expect(table).toContain("BVJ block            5/7 (71.4%)      24/27 (88.9%)");
    // Skipped tests are listed with their reasons, in both formats.
    expect(table).toContain("skipped tests\nexamples/web/e2e/checkout.spec.ts:20  checkout > pays with a gift card: (no reason given)\n");
    expect(markdown).toContain("| `examples/web/e2e/checkout.spec.ts:20` | `checkout > pays with a gift card` | `(no reason given)` |");
    expect(table).not.toContain("\u001B[");
  });
});

describe("testaudit --shard and merge", () => {
  it("splits the files into parts that hold each once, and merges them into the unsharded report", () => {
    const groups = ["--group", "web=examples/web/**"];
    const full = testaudit([...examples, ...groups, "--format", "json"]).stdout;
    const folder = mkdtempSync(join(tmpdir(), "testaudit-shards-"));
    try {
      const parts = [1, 2, 3].map((index) => {
        const out = join(folder, `shard-${index}.json`);
        const run = testaudit([...examples, ...groups, "--shard", `${index}/3`, "--format", "json", "--output", out]);
        expect(run.stderr).toMatch(/^(?:testaudit: the gate fails: [^\n]*\n)?$/u);
        return out;
      });
      const sizes = parts.map((part) => (JSON.parse(readFileSync(part, "utf8")) as AuditReport).files.length);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(10);
      expect(sizes.filter((size) => size > 0).length).toBeGreaterThan(1);
      const merged = testaudit(["merge", ...parts, "--format", "json"]);
      expect(merged.status).toBe(1);
      expect(merged.stdout).toBe(full);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("rejects a malformed --shard", () => {
    const run = testaudit([...examples, "--shard", "4/3"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--shard wants I/N with 1 <= I <= N, got "4/3".');
  });
});

describe("testaudit verify on the example suite's written report", () => {
  const verify = (format: string): { status: number | null; stdout: string; stderr: string } =>
    testaudit(["verify", "AUDIT_REPORT.md", "--config", "../eslint-plugin.config.js", ".", "--format", format], join(root, "examples"));

  it("gets every planted true, false and approximate claim right, and exits 1", () => {
    const run = verify("json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { report: object; claims: { line: number; kind: string; stated: number; measured: number | null; verdict: string; text: string; note?: string }[]; notUnderstood: unknown[]; summary: object };
    expect(result.report).toEqual({ path: "AUDIT_REPORT.md", encoding: "utf-8", bytes: readFileSync(join(root, "examples/AUDIT_REPORT.md")).length });
    expect(result.claims.map(({ line, kind, stated, measured, verdict }) => [line, kind, stated, measured, verdict])).toEqual([
      [5, "totalTests", 27, 27, "true"],
      [5, "totalFiles", 7, 7, "true"],
      [6, "noMocksPercent", 100, 74.1, "false"],
      [7, "bvjPercent", 100, 88.9, "false"],
      [8, "baseClassPercent", 85, 85.2, "approximate"],
      [13, "fileTests", 3, 3, "true"],
      [14, "fileLines", 32, 32, "true"],
      [17, "fileTests", 12, 13, "false"],
      [20, "fileTests", 3, 3, "true"],
      // Nothing ran: the code alone cannot say whether 3 tests passed.
      [21, "fileTestsPassed", 3, null, "unverifiable"],
      [24, "fileTests", 2, 2, "true"],
      [28, "filesOverLineLimit", 0, 0, "true"],
    ]);
    expect(result.claims[9]!.note).toContain("needs test results");
    expect(result.claims.every((check) => check.text.length > 0)).toBe(true);
    expect(result.notUnderstood).toEqual([]);
    expect(result.summary).toEqual({ claims: 12, true: 7, false: 3, approximate: 1, unverifiable: 1, notUnderstood: 0 });
  });

  it("points SARIF results at the report's lines: errors for false claims, notes for unverifiable ones", () => {
    const sarif = JSON.parse(verify("sarif").stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((result) => [result.ruleId, result.level, result.locations[0]!.physicalLocation.artifactLocation.uri, result.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ["testaudit/false-claim", "error", "AUDIT_REPORT.md", 6],
      ["testaudit/false-claim", "error", "AUDIT_REPORT.md", 7],
      ["testaudit/false-claim", "error", "AUDIT_REPORT.md", 17],
      ["testaudit/unverifiable-claim", "note", "AUDIT_REPORT.md", 21],
    ]);
  });

  it("prints the table README shows", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const shown = /<!-- verify-output-start -->\n```text\n([\s\S]*?)```\n<!-- verify-output-end -->/u.exec(readme)?.[1];
    expect(verify("table").stdout).toBe(shown);
  });

  it("takes options before the verify command as well as after it", () => {
    const run = testaudit(["--config", "../eslint-plugin.config.js", "--format", "json", "verify", "AUDIT_REPORT.md", "."], join(root, "examples"));
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { summary: object }).summary).toEqual({ claims: 12, true: 7, false: 3, approximate: 1, unverifiable: 1, notUnderstood: 0 });
  });

  it("exits 3 when the report cannot be read, and 2 without one", () => {
    const missing = testaudit(["verify", "NO_SUCH_REPORT.md"]);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain("cannot read the report NO_SUCH_REPORT.md");
    const none = testaudit(["verify"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("verify needs the report to check");
    const format = testaudit(["verify", "examples/AUDIT_REPORT.md", "--format", "html"]);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('verify prints table, json, sarif, github; got --format "html".');
    expect(format.stderr).toContain("Usage: testaudit verify REPORT [paths...] [options]");
  });
});

describe("testaudit's exit codes and errors", () => {
  const trees: string[] = [];
  afterAll(() => {
    for (const tree of trees) {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  function tree(files: Record<string, string>): string {
    const folder = writeTree(files, "testaudit-cli-");
    trees.push(folder);
    return folder;
  }

  const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;
  const config = `import testaudit from ${JSON.stringify(plugin)};\nexport default [...testaudit.configs.recommended];\n`;

  it("exits 0 on a compliant suite and writes --output", () => {
    const folder = tree({
      "eslint.config.js": config,
      "tests/integration/test_orders.py": 'import unittest\n\nclass TestOrders(unittest.TestCase):\n    def test_list(self):\n        """BVJ:\n        - Segment: Mid\n        - Business Goal: Retention\n        - Value Impact: Orders load\n        - Strategic Impact: Trust\n        """\n',
    });
    const out = join(mkdtempSync(join(tmpdir(), "testaudit-out-")), "report.json");
    trees.push(dirname(out));
    const run = testaudit(["--format", "json", "--output", out], folder);
    expect(run).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect((JSON.parse(readFileSync(out, "utf8")) as AuditReport).totals).toMatchObject({ tests: 1, violations: 0 });
  });

  it("keeps each file's report in a temporary file it deletes at once, and exits 3 with one line when the temporary folder cannot hold it", () => {
    const folder = tree({
      "eslint.config.js": config,
      "tests/integration/test_orders.py": "import unittest\n\nclass TestOrders(unittest.TestCase):\n    def test_list(self):\n        pass\n",
    });
    const temporary = mkdtempSync(join(tmpdir(), "testaudit-tmpdir-"));
    trees.push(temporary);
    const audited = testaudit(["--format", "json"], folder, { ...process.env, TMPDIR: temporary });
    expect(audited.status).toBe(1);
    expect((JSON.parse(audited.stdout) as AuditReport).files.map((file) => [file.path, file.tests.length])).toEqual([["tests/integration/test_orders.py", 1]]);
    expect(readdirSync(temporary)).toEqual([]);
    const missing = join(temporary, "gone");
    const run = testaudit(["--format", "json"], folder, { ...process.env, TMPDIR: missing });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`^testaudit: cannot make the audit's temporary file of file reports in ${missing} \\(set TMPDIR to change the folder\\): ENOENT[^\\n]*\\n$`, "u"));
  });

  /** A suite whose only problem is a conftest.py fixture that patches: the conftest.py is outside the linted files. */
  const onlyAFixtureReaches = (noMocksOptions: object): Record<string, string> => ({
    "eslint.config.js": [
      `import testaudit from ${JSON.stringify(plugin)};`,
      "export default [",
      "  ...testaudit.configs.recommended,",
      `  { files: testaudit.configs["recommended-python"].files, rules: { "testaudit/no-mocks": ["error", ${JSON.stringify(noMocksOptions)}] } },`,
      "];",
    ].join("\n"),
    "pytest.ini": "[pytest]\n",
    "tests/conftest.py": 'from unittest import mock\n\nimport pytest\n\n\n@pytest.fixture\ndef tax_service():\n    with mock.patch("billing.tax.rate_for", return_value=0.2):\n        yield\n',
    "tests/integration/test_invoices.py": [
      '"""Invoices.\n\nBVJ:\n- Segment: Mid\n- Business Goal: Revenue accuracy\n- Value Impact: Billed what was used\n- Strategic Impact: Disputes cost renewals\n"""',
      "import unittest\n\nimport pytest\n\n",
      '@pytest.mark.usefixtures("tax_service")\nclass TestInvoices(unittest.TestCase):\n    def test_total(self):\n        pass\n\n    def test_emailed(self):\n        pass\n\n',
      "class TestNumbers(unittest.TestCase):\n    def test_number(self):\n        pass\n",
    ].join("\n"),
  });

  interface Sarif {
    runs: { results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
  }
  const sarifResults = (sarif: Sarif): string[][] =>
    sarif.runs[0]!.results.map((result) => [result.ruleId, result.level, `${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.locations[0]!.physicalLocation.region.startLine}`, result.message.text]);
  const reachedResults = [
    ["testaudit/no-mocks", "error", "tests/integration/test_invoices.py:16", "Test 'test_total' runs under 'mock.patch' through fixture 'tax_service' (tests/conftest.py:8)."],
    ["testaudit/no-mocks", "error", "tests/integration/test_invoices.py:19", "Test 'test_emailed' runs under 'mock.patch' through fixture 'tax_service' (tests/conftest.py:8)."],
  ];

  it("exits 1 when the only problem is a mock that reaches tests through a conftest.py fixture, with a SARIF result at each test", () => {
    const folder = tree(onlyAFixtureReaches({}));
    const json = testaudit(["--format", "json"], folder);
    expect(json.stderr).toBe("testaudit: the gate fails: not compliant and not exempted: noMocks (2 tests, 1 file); 2 error-level rule violations\n");
    expect(json.status).toBe(1);
    const [file] = (JSON.parse(json.stdout) as AuditReport).files;
    expect(file!.tests.map((test) => [test.id, test.compliant.noMocks])).toEqual([["TestInvoices::test_total", false], ["TestInvoices::test_emailed", false], ["TestNumbers::test_number", true]]);
    // no-mocks reported them (trace is on by default): the SARIF results are its violations, once each.
    expect(file!.violations.map((violation) => violation.line)).toEqual([16, 19]);
    const sarif = testaudit(["--format", "sarif"], folder);
    expect(sarif.status).toBe(1);
    expect(sarifResults(JSON.parse(sarif.stdout) as Sarif)).toEqual(reachedResults);
  });

  it("exits 1 with the same SARIF results when no-mocks' trace option is off, and so does merge", () => {
    const folder = tree(onlyAFixtureReaches({ trace: false }));
    const json = testaudit(["--format", "json", "--output", join(folder, "audit.json")], folder);
    expect(json).toMatchObject({ status: 1, stderr: "testaudit: the gate fails: not compliant and not exempted: noMocks (2 tests, 1 file)\n" });
    expect((JSON.parse(readFileSync(join(folder, "audit.json"), "utf8")) as AuditReport).totals.violations).toBe(0);
    const sarif = testaudit(["--format", "sarif"], folder);
    expect(sarif.status).toBe(1);
    expect(sarifResults(JSON.parse(sarif.stdout) as Sarif)).toEqual(reachedResults);
    expect(testaudit(["merge", "audit.json", "--format", "json"], folder).status).toBe(1);
  });

  it("exits 0 on the same suite once the fixture is real", () => {
    const files = onlyAFixtureReaches({});
    const folder = tree({ ...files, "tests/conftest.py": "import pytest\n\n\n@pytest.fixture\ndef tax_service():\n    yield RealTaxService()\n" });
    expect(testaudit([], folder)).toMatchObject({ status: 0, stderr: "" });
  });

  it("reports a file that does not parse with its location, and exits 1", () => {
    const folder = tree({ "eslint.config.js": config, "tests/integration/test_broken.py": "def test_a(:\n    pass\n" });
    const run = testaudit(["--format", "json"], folder);
    expect(run.status).toBe(1);
    const [file] = (JSON.parse(run.stdout) as AuditReport).files;
    expect(file).toMatchObject({ path: "tests/integration/test_broken.py", parseError: { line: 1, column: 12, message: "Parsing error: invalid syntax" }, tests: [] });
    expect(testaudit([], folder).stdout).toContain("0 tests in 0 test files (1 file audited); no violations; 1 file did not parse\n");
  });

  it("leaves nothing in a project without node_modules (a Python repository): the cache's manifest lives elsewhere", () => {
    const folder = tree({ "eslint.config.js": config, "tests/integration/test_orders.py": "class TestOrders:\n    def test_list(self):\n        pass\n" });
    testaudit([], folder);
    expect(existsSync(join(folder, "node_modules"))).toBe(false);
  });

  it("prints its version", () => {
    const run = testaudit(["--version"]);
    expect(run).toMatchObject({ status: 0, stdout: `testaudit ${packageInfo.version}\n`, stderr: "" });
  });

  it("matches --group globs as ESLint matches files: classes, nested braces and negation", () => {
    const report = JSON.parse(
      testaudit([...examples, "--format", "json", "--group", "classes=examples/[ab]*_service/**", "--group", "braces=examples/{web/{e2e,integration},auth_service}/**", "--group", "negated=!examples/web/**"]).stdout,
    ) as AuditReport;
    expect(report.groups.map((group) => [group.name, group.totals.files])).toEqual([
      ["classes", 7],
      ["braces", 6],
      ["negated", 7],
    ]);
  });

  it("exits 2 naming the bad flag, format, group or config file", () => {
    // One line each, pointing at --help: not the whole help, not a stack trace.
    const unknown = testaudit(["--colour"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^testaudit: Unknown option '--colour'\.[^\n]* \(see testaudit --help\)\n$/u);
    const format = testaudit([...examples, "--format", "xml"]);
    expect(format.status).toBe(2);
    expect(format.stderr).toBe('testaudit: --format must be one of table, json, markdown, sarif, html, github; got "xml". (see testaudit --help)\n');
    const group = testaudit([...examples, "--group", "web"]);
    expect(group.status).toBe(2);
    expect(group.stderr).toBe('testaudit: --group wants NAME=GLOB, got "web". (see testaudit --help)\n');
    const missing = testaudit(["--config", "no-such.config.js", "examples"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("testaudit: --config no-such.config.js: no such file. (see testaudit --help)\n");
    const exemptions = testaudit([...examples, "--max-exemptions", "some"]);
    expect(exemptions.status).toBe(2);
    expect(exemptions.stderr).toBe('testaudit: --max-exemptions wants a whole number, got "some". (see testaudit --help)\n');
  });

  it("finds classes and test names shared across files, and prints violations as SARIF 2.1.0", () => {
    const suite = 'import unittest\n\nclass BaseCase(unittest.TestCase):\n    pass\n\nclass TestOrders(BaseCase):\n    def test_list(self):\n        pass\n';
    const folder = tree({
      "eslint.config.js": config,
      "tests/integration/test_a.py": suite,
      "tests/integration/test_b.py": suite.replace("TestOrders", "TestRefunds"),
    });
    const report = JSON.parse(testaudit(["--format", "json"], folder).stdout) as AuditReport;
    expect(report.crossFile).toEqual({
      duplicateClasses: [{ name: "BaseCase", places: [{ path: "tests/integration/test_a.py", line: 3 }, { path: "tests/integration/test_b.py", line: 3 }] }],
      collidingTests: [{ name: "test_list", places: [{ path: "tests/integration/test_a.py", line: 7 }, { path: "tests/integration/test_b.py", line: 7 }] }],
    });
    const sarif = JSON.parse(testaudit(["--format", "sarif"], folder).stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    const [run] = sarif.runs;
    // Every rule of the plugin, by id, whether the config turns it on or not.
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toEqual([
      "testaudit/max-lines", "testaudit/max-tests-per-file", "testaudit/no-mocks", "testaudit/no-test-doubles", "testaudit/no-unawaited-async-tests",
      "testaudit/require-assertions", "testaudit/require-base-class", "testaudit/require-bvj", "testaudit/require-skip-reason",
    ]);
    expect(run!.results.map((result) => [result.ruleId, result.level, result.locations[0]!.physicalLocation.artifactLocation.uri, result.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ["testaudit/require-bvj", "error", "tests/integration/test_a.py", 7],
      ["testaudit/require-bvj", "error", "tests/integration/test_b.py", 7],
    ]);
  });

  it("exits 2 with one line naming the config and the fix when an ESM config sits in a CommonJS package (npm init -y)", () => {
    const folder = tree({ "package.json": '{ "type": "commonjs" }', "eslint.config.js": config, "tests/integration/test_a.py": "def test_a():\n    pass\n" });
    const run = testaudit([], folder);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("testaudit:"))).toEqual([
      'testaudit: cannot load the ESLint config eslint.config.js: Cannot use import statement outside a module (the config is ESM but package.json says "type": "commonjs": name it eslint.config.mjs) (see testaudit --help)',
    ]);
  });

  it("exits 2 when the config runs no testaudit rule", () => {
    const folder = tree({ "eslint.config.js": "export default [];\n", "app.test.js": "test('a', () => {});\n" });
    const run = testaudit([], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no testaudit rule is on for any of them");
  });
});
