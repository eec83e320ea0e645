/**
 * An audit's file reports go to a temporary file as they are made and are read back one at a time
 * (src/audit/file-report-spool.ts); the report built a file at a time (assemble-report.ts) must say
 * what the same reports say held in an array: the totals counted over the array, JSON.stringify's text.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ReportAssembler } from "../../src/audit/assemble-report.js";
import { FileReportSpool } from "../../src/audit/file-report-spool.js";
import { jsonChunks } from "../../src/audit/formats/json-chunks.js";
import type { FileReport, PolicyReport } from "../../src/audit/report-types.js";
import { computeTotals } from "../../src/audit/totals.js";

const POLICIES: PolicyReport[] = [
  { key: "noMocks", ruleId: "testaudit/no-mocks", label: "No mocks", description: "", url: "", judgesTests: true, judgesFilesWithoutTests: true },
  { key: "baseClass", ruleId: "testaudit/require-base-class", label: "Base class", description: "", url: "", judgesTests: true, judgesFilesWithoutTests: false },
];

function fileReport(path: string, tests: { name: string; compliant: boolean | null; skipped?: boolean; exempted?: boolean }[], extra: Partial<FileReport> = {}): FileReport {
  return {
    path,
    language: "python",
    config: "eslint.config.js",
    lines: 10,
    lineFeeds: 10,
    parseError: null,
    readError: null,
    tests: tests.map((test, index) => ({
      id: `Tests::${test.name}`,
      name: test.name,
      line: 3 + index,
      className: "Tests",
      definedIn: null,
      skipped: test.skipped ?? false,
      skipReason: null,
      todo: false,
      parametrized: false,
      mockReach: null,
      bvj: null,
      compliant: { noMocks: test.compliant, baseClass: test.compliant },
      exempted: { noMocks: test.exempted ?? false, baseClass: false },
    })),
    classes: tests.length > 0 ? [{ name: "Tests", line: 2, bases: ["object"], tests: tests.length, reachesBase: false }] : [],
    mocks: [],
    violations: [],
    compliant: { noMocks: tests.every((test) => test.compliant !== false), baseClass: tests.length > 0 ? false : null },
    exempted: { noMocks: tests.some((test) => test.exempted === true), baseClass: false },
    exemptions: [],
    ...extra,
  };
}

const FILES: FileReport[] = [
  fileReport("tests/test_orders.py", [{ name: "test_total", compliant: true }, { name: "test_refund", compliant: false, exempted: true }]),
  fileReport("tests/a/test_café ☃.py", [{ name: "test_total", compliant: false }, { name: "test_skip", compliant: true, skipped: true }]),
  fileReport("tests/conftest.py", []),
  fileReport("tests/test_broken.py", [], { language: null, parseError: { line: 5, column: 23, message: "expected ':'" }, compliant: { noMocks: null, baseClass: null } }),
  fileReport("tests/b/test_big.py", Array.from({ length: 400 }, (_, index) => ({ name: `test_${"x".repeat(200)}_${index}`, compliant: index % 3 !== 0 }))),
];
const SORTED = [...FILES].sort((a, b) => (a.path < b.path ? -1 : 1));

describe("the spool of file reports", () => {
  let folder: string;
  let previousTmp: string | undefined;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "testaudit-spool-test-"));
    previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = folder;
  });
  afterEach(() => {
    process.env.TMPDIR = previousTmp;
    if (previousTmp === undefined) {
      delete process.env.TMPDIR;
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it("gives back what was appended, in path order, as often as it is read, and leaves no file behind", () => {
    const spool = new FileReportSpool();
    for (const file of FILES) {
      spool.append(file);
    }
    expect(readdirSync(folder)).toEqual([]);
    expect(spool.length).toBe(FILES.length);
    expect([...spool]).toEqual(SORTED);
    expect([...spool]).toEqual(SORTED);
  });

  it("is written as JSON.stringify writes the same reports in an array", () => {
    const spool = new FileReportSpool();
    for (const file of FILES) {
      spool.append(file);
    }
    expect([...jsonChunks({ files: spool, totals: { files: 5 } }, new Set(["files"]))].join("")).toBe(JSON.stringify({ files: SORTED, totals: { files: 5 } }, null, 2));
    expect([...jsonChunks({ files: new FileReportSpool() }, new Set(["files"]))].join("")).toBe(JSON.stringify({ files: [] }, null, 2));
  });

  it("assembles the totals, group totals and cross-file names the files held in an array give", () => {
    const assembler = new ReportAssembler(POLICIES, [{ name: "nested", glob: "tests/*/**" }]);
    for (const file of FILES) {
      assembler.add(file);
    }
    const run = { shard: null, fingerprint: "f", files: SORTED.map((file) => file.path), allFiles: { count: 5, digest: "d" } };
    const report = assembler.report({ cwd: "/project", run, rootConfig: "eslint.config.js", nestedConfigs: [], skipped: [] });
    expect(report.totals).toEqual(computeTotals(SORTED, POLICIES));
    expect(report.totals.policies.noMocks!.tests).toEqual({ compliant: 268, total: 404, percent: 66.3 });
    expect(report.totals.policies.noMocks!.exempted).toEqual({ files: 1, tests: 1 });
    expect(report.groups[0]!.totals).toEqual(computeTotals(SORTED.filter((file) => /^tests\/[^/]+\//u.test(file.path)), POLICIES));
    expect(report.crossFile.duplicateClasses.map((shared) => [shared.name, shared.places.map((place) => place.path)])).toEqual([
      ["Tests", ["tests/a/test_café ☃.py", "tests/b/test_big.py", "tests/test_orders.py"]],
    ]);
    expect(report.crossFile.collidingTests).toEqual([{ name: "test_total", places: [{ path: "tests/a/test_café ☃.py", line: 3 }, { path: "tests/test_orders.py", line: 3 }] }]);
    expect([...report.files]).toEqual(SORTED);
  });
});
