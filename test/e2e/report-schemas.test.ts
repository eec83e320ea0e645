/**
 * The machine-readable outputs of the real `testaudit` binary against their schemas: the audit report
 * and verify's claims against the schemas testaudit publishes in docs/schema/, and both SARIF logs
 * against the SARIF 2.1.0 schema. Both languages, a file that does not parse, groups and cross-file
 * findings are in the audited trees, so every branch of the schemas is exercised.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/report-types.js";
import { POLICIES } from "../../src/policies/registry.js";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const require = createRequire(import.meta.url);
// ajv and ajv-formats are CommonJS packages; their default exports are the classes.
const Ajv2020 = (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).default;
const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;

function validator(schemaPath: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(root, schemaPath), "utf8")) as object);
}

/** The schema errors of `value`, readable in a failing expectation; empty when it is valid. */
function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`);
}

function testaudit(args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, "dist/src/cli/main.js"), ...args], { cwd, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const auditSchema = validator("docs/schema/audit-report.schema.json");
const verifySchema = validator("docs/schema/verify-report.schema.json");
const sarifSchema = validator("test/fixtures/schemas/sarif-2.1.0.json");

const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;
/** A tree with what the example suite lacks: a file that does not parse, shared class and test names, mocks behind a fixture. */
const oddTree = {
  "eslint.config.js": `import testaudit from ${JSON.stringify(plugin)};\nexport default [...testaudit.configs.recommended];\n`,
  // no-mocks does not report the test the conftest.py fixture reaches: the SARIF formatter adds that result.
  "eslint.trace-off.config.js": `import testaudit from ${JSON.stringify(plugin)};\nexport default [...testaudit.configs.recommended, { files: ["**/*.py"], rules: { "testaudit/no-mocks": ["error", { trace: false }] } }];\n`,
  "tests/integration/conftest.py": "import pytest\n\n@pytest.fixture\ndef gateway(mocker):\n    return mocker.Mock()\n",
  "tests/integration/test_a.py": "class TestShared:\n    def test_same(self, gateway):\n        assert gateway\n",
  "tests/integration/test_b.py": "class TestShared:\n    def test_same(self):\n        assert True\n",
  "tests/integration/test_broken.py": "def test_a(:\n    pass\n",
  "web/integration/cart.test.ts": "import { test, vi } from 'vitest';\nvi.mock('../cart');\ntest('adds', () => {});\n",
  // A written report with every field verify can print: files, limits, totals, identifiers, shares of files, scope, a line not understood.
  "REPORT.md": [
    "- 3 tests across 4 test files",
    "- tests/integration/test_a.py: 1 tests, 3 lines",
    "- 2/3 tests passed",
    "- 12 test file size issues (the 300-line limit)",
    "- 2 files containing `TestShared` references",
    "- 1 test files are mock-free (50%)",
    "- New tests: 2",
    "- Auth: 34 tests",
  ].join("\n"),
  // An exemption, and a name a SARIF URI must percent-encode.
  "tests/integration/test_space #1.py": "from unittest import mock  # eslint-disable-line testaudit/no-mocks -- vendor SDK\n",
  // A config file below the root, which the audit reports and does not load.
  "tests/integration/zz_nested/eslint.config.js": "export default [];\n",
  "tests/integration/zz_nested/test_nested.py": "def test_nested():\n    pass\n",
};

describe("report formats against their schemas", () => {
  const folder = writeTree(oddTree, "testaudit-schemas-");
  // A file that cannot be read, and one that is not read (a FIFO).
  symlinkSync("missing.py", join(folder, "tests/integration/test_dangling.py"));
  spawnSync("mkfifo", [join(folder, "tests/integration/test_pipe.py")]);
  afterAll(() => { rmSync(folder, { recursive: true, force: true }); });
  const examples = ["--config", "eslint-plugin.config.js", "examples", "--group", "python=examples/*_service/**", "--group", "web=examples/web/**"];

  it("the JSON audit report of the example suite matches docs/schema/audit-report.schema.json", () => {
    const run = testaudit([...examples, "--format", "json"]);
    expect(run.stderr).toMatch(/^testaudit: the gate fails: /u);
    const report = JSON.parse(run.stdout) as AuditReport;
    expect(errorsOf(auditSchema, report)).toEqual([]);
    expect(report.groups).toHaveLength(2);
  });

  it("the schema's policy lists are the registry's: every verdict, flag and total has one key per policy, and the report names each", () => {
    const check = spawnSync(process.execPath, ["scripts/generate-report-schema.mjs", "--check"], { cwd: root, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    const report = JSON.parse(testaudit([...examples, "--format", "json"]).stdout) as AuditReport;
    expect(report.policies.map((policy) => policy.key)).toEqual(POLICIES.map((policy) => policy.key));
    expect(report.policies.map((policy) => policy.ruleId)).toEqual(POLICIES.map((policy) => `testaudit/${policy.ruleName}`));
  });

  it("so does the report of a tree with a parse error, shared names and a mock behind a conftest.py fixture", () => {
    const run = testaudit([".", "--format", "json"], folder);
    const report = JSON.parse(run.stdout) as AuditReport;
    expect(errorsOf(auditSchema, report)).toEqual([]);
    // The branches the schema's oneOf and null cases cover are really in this report.
    expect(report.files.find((file) => file.path === "tests/integration/test_broken.py")?.parseError).not.toBeNull();
    expect(report.crossFile.duplicateClasses.map((shared) => shared.name)).toEqual(["TestShared"]);
    expect(report.files.find((file) => file.path === "tests/integration/test_a.py")?.tests[0]?.mockReach?.via).toBe("fixture");
    expect(report.files.find((file) => file.path === "tests/integration/test_dangling.py")?.readError?.code).toBe("ENOENT");
    expect(report.nestedConfigs.map((config) => config.path)).toEqual(["tests/integration/zz_nested/eslint.config.js"]);
    expect(report.skipped).toEqual([{ path: "tests/integration/test_pipe.py", reason: "fifo" }]);
    expect(report.files.find((file) => file.path === "tests/integration/test_space #1.py")?.exemptions.map((exemption) => exemption.justification)).toEqual(["vendor SDK"]);
  });

  it("the schema rejects what it should: a report missing a field, or a wrong mockReach", () => {
    const report = JSON.parse(testaudit([".", "--format", "json"], folder).stdout) as AuditReport;
    const { totals: _dropped, ...withoutTotals } = report;
    expect(errorsOf(auditSchema, withoutTotals)).toEqual(["/ must have required property 'totals' {\"missingProperty\":\"totals\"}"]);
    const wrong = structuredClone(report);
    wrong.files.find((file) => file.path === "tests/integration/test_a.py")!.tests[0]!.mockReach!.via = "elsewhere" as "test";
    expect(errorsOf(auditSchema, wrong).some((error) => error.startsWith("/files/1/tests/0/mockReach/via must be equal to one of the allowed values"))).toBe(true);
  });

  it("verify --format json matches docs/schema/verify-report.schema.json", () => {
    const run = testaudit(["verify", "AUDIT_REPORT.md", "--config", "../eslint-plugin.config.js", ".", "--format", "json"], join(root, "examples"));
    const result = JSON.parse(run.stdout) as { claims: unknown[] };
    expect(result.claims.length).toBeGreaterThan(0);
    expect(errorsOf(verifySchema, result)).toEqual([]);
    const wrong = structuredClone(result) as { claims: { verdict: string }[] };
    wrong.claims[0]!.verdict = "probably";
    expect(errorsOf(verifySchema, wrong).some((error) => error.startsWith("/claims/0/verdict must be equal to one of the allowed values"))).toBe(true);
  });

  it("the SARIF of an audit is valid SARIF 2.1.0, for the example suite and the odd tree, with a result at each test a mock from another file reaches", () => {
    const reachedTest = "Test 'test_same' runs under 'mocker' through fixture 'gateway' (tests/integration/conftest.py:4).";
    for (const [args, cwd] of [[examples, root], [["."], folder], [["--config", "eslint.trace-off.config.js", "."], folder]] as const) {
      const sarif = JSON.parse(testaudit([...args, "--format", "sarif"], cwd).stdout) as { runs: { results: { ruleId: string; message: { text: string } }[] }[] };
      expect(errorsOf(sarifSchema, sarif)).toEqual([]);
      const results = sarif.runs[0]!.results;
      expect(results.filter((result) => result.ruleId === "testaudit/no-mocks" && result.message.text.startsWith("Test '")).length, args.join(" ")).toBe(cwd === root ? 2 : 1);
      if (cwd === folder) {
        expect(results.map((result) => result.message.text)).toContain(reachedTest);
      }
    }
  });

  it("the SARIF of verify is valid SARIF 2.1.0", () => {
    const run = testaudit(["verify", "AUDIT_REPORT.md", "--config", "../eslint-plugin.config.js", ".", "--format", "sarif"], join(root, "examples"));
    const sarif = JSON.parse(run.stdout) as { runs: { results: unknown[] }[] };
    expect(errorsOf(sarifSchema, sarif)).toEqual([]);
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it("verify's JSON and SARIF with every optional field and a line not understood match their schemas", () => {
    const json = JSON.parse(testaudit(["verify", "REPORT.md", "--format", "json"], folder).stdout) as { claims: Record<string, unknown>[]; notUnderstood: unknown[] };
    expect(errorsOf(verifySchema, json)).toEqual([]);
    const fields = new Set(json.claims.flatMap((check) => Object.keys(check)));
    expect([...fields].sort()).toEqual(["file", "identifier", "kind", "limit", "line", "measured", "note", "of", "scope", "stated", "text", "total", "verdict"]);
    expect(json.notUnderstood).toHaveLength(1);
    const sarif = JSON.parse(testaudit(["verify", "REPORT.md", "--format", "sarif"], folder).stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(errorsOf(sarifSchema, sarif)).toEqual([]);
    expect(new Set(sarif.runs[0]!.results.map((result) => result.ruleId))).toEqual(new Set(["testaudit/false-claim", "testaudit/unverifiable-claim", "testaudit/not-understood"]));
  });

  it("the SARIF schema catches an invalid log", () => {
    expect(errorsOf(sarifSchema, { version: "2.1.0", runs: [{ tool: {} }] })).not.toEqual([]);
  });
});
