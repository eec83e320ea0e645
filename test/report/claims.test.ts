/**
 * src/report/claims/: the checkable claims in hand-written audit reports. The fixtures in
 * test/fixtures/reports/ are reports in three styles (per-file sections, tables, plain-text prose);
 * each is checked claim by claim, and then a set of one-line reports probes the edges.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractClaims, extractReport, type Claim, type ClaimKind } from "../../src/report/claims/index.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "reports");

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

type Extra = Partial<Pick<Claim, "file" | "limit" | "limitLine" | "total" | "baseClass" | "identifier" | "of" | "scope">>;
/** [kind, line, stated, approximate, extra fields] */
type Row = [ClaimKind, number, number, boolean, Extra?];

/** The full Claim objects the rows describe; `text` is the report's line, trimmed. */
function expand(report: string, rows: readonly Row[]): Claim[] {
  const lines = report.split(/\r\n|\r|\n/u);
  return rows.map(([kind, line, stated, approximate, extra]) => ({
    kind,
    line,
    text: (lines[line - 1] ?? "").trim(),
    stated,
    approximate,
    ...extra,
  }));
}

function expectClaims(report: string, rows: readonly Row[]): void {
  expect(extractClaims(report)).toStrictEqual(expand(report, rows));
}

const LIFECYCLE = "orders_service/tests/integration/test_order_lifecycle.py";
const REFUNDS = "orders_service/tests/integration/test_order_refunds.py";
const LABELS = "shipping_service/tests/integration/test_label_printing.py";
const WEBHOOKS = "shipping_service/tests/integration/test_carrier_webhooks.py";

const PER_FILE_ROWS: Row[] = [
  ["totalTests", 10, 64, false],
  ["totalFiles", 10, 4, false],
  ["noMocksPercent", 11, 100, false],
  ["baseClassPercent", 12, 97, false, { baseClass: "FulfilmentBaseTestCase" }],
  ["bvjPercent", 13, 100, false],
  ["fileTests", 23, 21, false, { file: LIFECYCLE }],
  ["fileBytes", 24, 4812, false, { file: LIFECYCLE }],
  ["fileLines", 24, 287, false, { file: LIFECYCLE }],
  ["noMocksPercent", 26, 100, false, { file: LIFECYCLE }],
  ["fileTestsPassed", 27, 21, false, { file: LIFECYCLE, total: 21 }],
  ["fileTests", 31, 12, true, { file: REFUNDS }],
  ["fileLines", 32, 198, false, { file: REFUNDS }],
  ["fileTestsPassed", 38, 11, false, { file: REFUNDS, total: 12 }],
  ["fileTests", 42, 18, true, { file: LABELS }],
  ["baseClassPercent", 43, 100, false, { file: LABELS, baseClass: "FulfilmentBaseTestCase" }],
  ["fileTests", 47, 13, false, { file: WEBHOOKS }],
  ["noMocksPercent", 54, 100, false],
  ["filesOverLineLimit", 59, 2, false, { limit: 300 }],
  ["totalFiles", 62, 4, false],
  ["totalTests", 63, 64, false],
  ["totalLines", 64, 2900, true],
];

const CART = "checkout/tests/integration/test_cart_totals.py";
const COUPONS = "checkout/tests/integration/test_coupons.py";
const TAX = "checkout/tests/integration/test_tax_rules.py";
const GIFT = "checkout/tests/integration/test_gift_cards.py";

const TABLE_ROWS: Row[] = [
  ["fileTests", 9, 22, false, { file: CART }],
  ["fileLines", 9, 341, false, { file: CART }],
  ["fileTestsPassed", 9, 22, false, { file: CART, total: 22 }],
  ["fileTests", 10, 15, true, { file: COUPONS }],
  ["fileLines", 10, 260, false, { file: COUPONS }],
  ["fileTestsPassed", 10, 14, false, { file: COUPONS, total: 15 }],
  ["fileTests", 11, 1204, false, { file: TAX }],
  ["fileLines", 11, 9870, false, { file: TAX }],
  ["fileLines", 12, 120, false, { file: GIFT }],
  ["totalTests", 13, 1241, false],
  ["fileTests", 19, 9, false, { file: "web/integration/checkout.test.ts" }],
  ["fileTestsPassed", 19, 9, false, { file: "web/integration/checkout.test.ts", total: 9 }],
  ["fileTests", 20, 7, false, { file: "web/integration/refund.spec.ts" }],
  ["fileTestsPassed", 20, 6, false, { file: "web/integration/refund.spec.ts", total: 7 }],
  ["totalFiles", 26, 4, false],
  ["noMocksPercent", 27, 100, false],
  ["bvjPercent", 28, 95, false],
  ["noMocksPercent", 43, 100, false],
  ["baseClassPercent", 43, 100, false],
];

const PROSE_ROWS: Row[] = [
  ["totalTests", 8, 140, true],
  ["totalFiles", 8, 9, false],
  ["noMocksPercent", 9, 95, true],
  ["bvjPercent", 10, 100, false],
  ["filesOverLineLimit", 12, 3, false, { limit: 250 }],
  ["totalTestsPassed", 13, 137, false, { total: 140 }],
  ["fileTests", 17, 18, true, { file: "tests/integration/test_stock_levels.py" }],
  ["fileTestsPassed", 17, 17, false, { file: "tests/integration/test_stock_levels.py", total: 18 }],
  ["fileTests", 18, 24, false, { file: "tests/integration/test_reservations.py" }],
  ["fileLines", 18, 412, false, { file: "tests/integration/test_reservations.py" }],
  ["fileTests", 19, 31, true, { file: "tests/integration/test_suppliers.py" }],
  ["fileTests", 20, 20, true, { file: "tests/integration/test_pricing.py" }],
  ["fileLines", 22, 96, false, { file: "tests/integration/conftest.py" }],
];

describe("fixture reports", () => {
  it("per-file sections: '### N. path' headings give their bullets a file", () => {
    expectClaims(fixture("per-file-sections.md"), PER_FILE_ROWS);
  });

  it("tables: file/tests/lines/passed columns, a Total row, a two-column metric table", () => {
    expectClaims(fixture("table-summary.md"), TABLE_ROWS);
  });

  it("plain-text prose: '~', '≈', 'about', 'approximately', 'N/M tests passed'", () => {
    expectClaims(fixture("prose-notes.md"), PROSE_ROWS);
  });

  it("CRLF and CR line ends give the same claims on the same lines", () => {
    for (const name of ["per-file-sections.md", "table-summary.md", "prose-notes.md"]) {
      const lf = fixture(name).replaceAll("\r\n", "\n");
      const lfClaims = extractClaims(lf);
      expect(lfClaims.length).toBeGreaterThan(5);
      expect(extractClaims(lf.replaceAll("\n", "\r\n"))).toStrictEqual(lfClaims);
      expect(extractClaims(lf.replaceAll("\n", "\r"))).toStrictEqual(lfClaims);
    }
  });

  it("every claim's text is its line, trimmed, and holds the stated number", () => {
    for (const name of ["per-file-sections.md", "table-summary.md", "prose-notes.md"]) {
      const report = fixture(name);
      const lines = report.split("\n");
      for (const claim of extractClaims(report)) {
        expect(claim.text).toBe(lines[claim.line - 1]!.trim());
        if (claim.stated !== 100 || !claim.kind.endsWith("Percent")) {
          expect(claim.text.replaceAll(",", "")).toContain(String(claim.stated));
        }
      }
    }
  });
});

/** One-line (or few-line) reports. */
function claimsOf(...lines: string[]): (Omit<Claim, "text" | "line"> & { line?: number })[] {
  return extractClaims(lines.join("\n")).map(({ text: _text, line, ...rest }) => (lines.length > 1 ? { line, ...rest } : rest));
}

describe("per-file claims", () => {
  it("a file named inline, then its counts", () => {
    expect(claimsOf("- `tests/test_db.py`: 18 tests")).toStrictEqual([
      { kind: "fileTests", stated: 18, approximate: false, file: "tests/test_db.py" },
    ]);
    expect(claimsOf("test_db.py: 412 lines")).toStrictEqual([
      { kind: "fileLines", stated: 412, approximate: false, file: "test_db.py" },
    ]);
    expect(claimsOf("1. test_x.py (412 lines)")).toStrictEqual([
      { kind: "fileLines", stated: 412, approximate: false, file: "test_x.py" },
    ]);
    expect(claimsOf("web/cart.test.ts - 9 integration tests, 120 LOC")).toStrictEqual([
      { kind: "fileTests", stated: 9, approximate: false, file: "web/cart.test.ts" },
      { kind: "fileLines", stated: 120, approximate: false, file: "web/cart.test.ts" },
    ]);
    expect(claimsOf("test_db.py: 17/18 passed, test_api.py: 12 tests")).toStrictEqual([
      { kind: "fileTestsPassed", stated: 17, approximate: false, file: "test_db.py", total: 18 },
      { kind: "fileTests", stated: 12, approximate: false, file: "test_api.py" },
    ]);
    expect(claimsOf("tests/test_db.py: 17 of 18 tests passed")).toStrictEqual([
      { kind: "fileTestsPassed", stated: 17, approximate: false, file: "tests/test_db.py", total: 18 },
    ]);
  });

  it("a link's text and target name one file", () => {
    expect(claimsOf("- [test_db.py](tests/integration/test_db.py): 18 tests")).toStrictEqual([
      { kind: "fileTests", stated: 18, approximate: false, file: "tests/integration/test_db.py" },
    ]);
  });

  it("hedges: '~', 'about', 'approximately', '≈', '18+', 'over', 'at least'", () => {
    const approx = (line: string): boolean[] => claimsOf(line).map((c) => c.approximate);
    expect(approx("test_a.py: ~18 tests")).toStrictEqual([true]);
    expect(approx("test_a.py: about 18 tests")).toStrictEqual([true]);
    expect(approx("test_a.py: approximately 18 tests")).toStrictEqual([true]);
    expect(approx("test_a.py: ≈18 tests")).toStrictEqual([true]);
    expect(approx("test_a.py: 18+ tests")).toStrictEqual([true]);
    expect(approx("test_a.py: over 18 tests")).toStrictEqual([true]);
    expect(approx("test_a.py: at least 18 tests")).toStrictEqual([true]);
    expect(approx("test_a.py: 18 tests")).toStrictEqual([false]);
  });

  it("thousands separators", () => {
    expect(claimsOf("tests/test_big.py: 1,204 tests (12,480 lines)")).toStrictEqual([
      { kind: "fileTests", stated: 1204, approximate: false, file: "tests/test_big.py" },
      { kind: "fileLines", stated: 12480, approximate: false, file: "tests/test_big.py" },
    ]);
  });

  it("a heading's file lasts until a heading of the same or higher level, a file heading or a rule", () => {
    const report = [
      "## Files", //                              1
      "### tests/test_a.py", //                   2
      "- Test Methods: 3", //                     3
      "#### Details", //                          4  deeper: still test_a.py
      "- 4 tests covering refunds", //            5
      "### tests/test_b.py", //                   6  a new file
      "- Tests: 5", //                            7
      "### Notes", //                             8  same level: the file ends
      "- Test Methods: 6", //                     9  a total now
      "### tests/test_c.py", //                   10
      "- Lines: 77", //                           11
      "---", //                                   12 a rule ends it too
      "- Tests: 8", //                            13
    ];
    expect(claimsOf(...report)).toStrictEqual([
      { line: 3, kind: "fileTests", stated: 3, approximate: false, file: "tests/test_a.py" },
      { line: 5, kind: "fileTests", stated: 4, approximate: false, file: "tests/test_a.py" },
      { line: 7, kind: "fileTests", stated: 5, approximate: false, file: "tests/test_b.py" },
      { line: 9, kind: "totalTests", stated: 6, approximate: false },
      { line: 11, kind: "fileLines", stated: 77, approximate: false, file: "tests/test_c.py" },
      { line: 13, kind: "totalTests", stated: 8, approximate: false },
    ]);
  });

  it("a line naming only a file reads as a heading; a list item naming a file covers its indented lines", () => {
    const report = [
      "**1. tests/integration/test_auth.py**", //  1  bold pseudo-heading
      "- Test Methods: 19 tests", //               2
      "", //                                       3
      "**2. tests/integration/test_db.py** ✅", // 4
      "- Test Methods: 12 tests", //               5
      "", //                                       6
      "## Totals", //                              7  a real heading ends it
      "- Test Methods: 31", //                     8
      "File: `src/report_writer.py`", //           9  a "File:" label line
      "Size: 12,845 bytes (450 lines)", //         10
      "===", //                                    11
      "  * tests/test_sync.py (8,120 bytes)", //   12 a list item...
      "      - 6 comprehensive test cases", //     13 ...covers its sub-items
      "  * tests/test_jobs.py: 4 tests", //        14
      "Tests: 30", //                              15 back at the margin: a total
    ];
    expect(claimsOf(...report)).toStrictEqual([
      { line: 2, kind: "fileTests", stated: 19, approximate: false, file: "tests/integration/test_auth.py" },
      { line: 5, kind: "fileTests", stated: 12, approximate: false, file: "tests/integration/test_db.py" },
      { line: 8, kind: "totalTests", stated: 31, approximate: false },
      { line: 10, kind: "fileBytes", stated: 12845, approximate: false, file: "src/report_writer.py" },
      { line: 10, kind: "fileLines", stated: 450, approximate: false, file: "src/report_writer.py" },
      { line: 12, kind: "fileBytes", stated: 8120, approximate: false, file: "tests/test_sync.py" },
      { line: 13, kind: "fileTests", stated: 6, approximate: false, file: "tests/test_sync.py" },
      { line: 14, kind: "fileTests", stated: 4, approximate: false, file: "tests/test_jobs.py" },
      { line: 15, kind: "totalTests", stated: 30, approximate: false },
    ]);
  });

  it("a plain-text 'Test Suite:' line gives the results below it a file, up to the next rule", () => {
    const report = [
      "TEST RESULTS", //                                  1
      "============", //                                  2
      "Test Suite: test_sync_integration.py", //          3
      "Test 1: Basic sync ............ PASS", //          4
      "Overall: 5/6 tests passed (83%)", //               5
      "============", //                                  6
      "Overall: 6/6 tests passed", //                     7  no file any more: the suite's
    ];
    expect(claimsOf(...report)).toStrictEqual([
      { line: 5, kind: "fileTestsPassed", stated: 5, approximate: false, file: "test_sync_integration.py", total: 6 },
      { line: 7, kind: "totalTestsPassed", stated: 6, approximate: false, total: 6 },
    ]);
  });

  it("a heading naming two files gives its bullets no file, and no totals either", () => {
    expect(claimsOf("### test_a.py and test_b.py", "- Test Methods: 30", "- 100% no mocks")).toStrictEqual([]);
  });

  it("policy claims inside a file's section carry the file", () => {
    expect(claimsOf("### tests/test_a.py", "- Every test includes a BVJ block", "- 90% of tests use real services")).toStrictEqual([
      { line: 2, kind: "bvjPercent", stated: 100, approximate: false, file: "tests/test_a.py" },
      { line: 3, kind: "noMocksPercent", stated: 90, approximate: false, file: "tests/test_a.py" },
    ]);
  });

  it("emoji, check marks and their mojibake around the numbers", () => {
    expect(claimsOf("- ‚úÖ tests/test_a.py ‚úÖ 18/18 tests passed üéØ")).toStrictEqual([
      { kind: "fileTestsPassed", stated: 18, approximate: false, file: "tests/test_a.py", total: 18 },
    ]);
    expect(claimsOf("✅ **tests/test_a.py** — *12 tests* ✓")).toStrictEqual([
      { kind: "fileTests", stated: 12, approximate: false, file: "tests/test_a.py" },
    ]);
    expect(claimsOf("- ✓ __100%__ _no mocks_ ✓")).toStrictEqual([{ kind: "noMocksPercent", stated: 100, approximate: false }]);
  });

  it("a test count for a file that is not a test file is skipped; its line count is not", () => {
    expect(claimsOf("src/app/billing.py: 12 tests, 300 lines")).toStrictEqual([
      { kind: "fileLines", stated: 300, approximate: false, file: "src/app/billing.py" },
    ]);
  });

  it("a metric table inside a file's section belongs to that file; a status cell gives N/M passed", () => {
    const report = [
      "### tests/test_a.py", //                 1
      "| Metric | Value |", //                  2
      "|---|---|", //                           3
      "| Test methods | 9 |", //                4
      "| Lines | 120 |", //                     5
      "", //                                    6
      "| Test file | Status |", //              7
      "|---|---|", //                           8
      "| tests/test_b.py | ❌ 3/9 passed |", // 9
    ];
    expect(claimsOf(...report)).toStrictEqual([
      { line: 4, kind: "fileTests", stated: 9, approximate: false, file: "tests/test_a.py" },
      { line: 5, kind: "fileLines", stated: 120, approximate: false, file: "tests/test_a.py" },
      { line: 9, kind: "fileTestsPassed", stated: 3, approximate: false, file: "tests/test_b.py", total: 9 },
    ]);
  });

  it("tables without a file column find the one file in the row", () => {
    const report = ["| Name | Test count |", "|---|---|", "| `tests/test_a.py` | 7 |", "| `tests/test_b.py` and `tests/test_c.py` | 9 |"];
    expect(claimsOf(...report)).toStrictEqual([{ line: 3, kind: "fileTests", stated: 7, approximate: false, file: "tests/test_a.py" }]);
  });
});

describe("totals", () => {
  it("tests across files, labelled totals, 'N individual test methods', 'a total of N tests'", () => {
    expect(claimsOf("Total: 171 tests across 11 files")).toStrictEqual([
      { kind: "totalTests", stated: 171, approximate: false },
      { kind: "totalFiles", stated: 11, approximate: false },
    ]);
    expect(claimsOf("The suite has 171 tests in 11 integration test files.")).toStrictEqual([
      { kind: "totalTests", stated: 171, approximate: false },
      { kind: "totalFiles", stated: 11, approximate: false },
    ]);
    expect(claimsOf("- 171 individual test methods")).toStrictEqual([{ kind: "totalTests", stated: 171, approximate: false }]);
    expect(claimsOf("We wrote a total of 1,050 tests.")).toStrictEqual([{ kind: "totalTests", stated: 1050, approximate: false }]);
    expect(claimsOf("Number of tests: ~200")).toStrictEqual([{ kind: "totalTests", stated: 200, approximate: true }]);
    expect(claimsOf("Test files: 11")).toStrictEqual([{ kind: "totalFiles", stated: 11, approximate: false }]);
    expect(claimsOf("This audit validates 11 integration test files.")).toStrictEqual([
      { kind: "totalFiles", stated: 11, approximate: false },
    ]);
  });

  it("files over the line limit, in prose and as a label", () => {
    expect(claimsOf("12 test files exceed the 300 line limit")).toStrictEqual([
      { kind: "filesOverLineLimit", stated: 12, approximate: false, limit: 300 },
    ]);
    expect(claimsOf("~5 files are over 500 lines")).toStrictEqual([
      { kind: "filesOverLineLimit", stated: 5, approximate: true, limit: 500 },
    ]);
    expect(claimsOf("4 test files exceed the line limit of 400 lines.")).toStrictEqual([
      { kind: "filesOverLineLimit", stated: 4, approximate: false, limit: 400 },
    ]);
    expect(claimsOf("Test files over 300 lines: 7")).toStrictEqual([
      { kind: "filesOverLineLimit", stated: 7, approximate: false, limit: 300 },
    ]);
  });
});

describe("policy percentages", () => {
  it("percent forms", () => {
    expect(claimsOf("NO MOCKS compliance: 100%")).toStrictEqual([{ kind: "noMocksPercent", stated: 100, approximate: false }]);
    expect(claimsOf("Mock-free tests: >90%")).toStrictEqual([{ kind: "noMocksPercent", stated: 90, approximate: true }]);
    expect(claimsOf("≥ 95% of tests are mock-free")).toStrictEqual([{ kind: "noMocksPercent", stated: 95, approximate: true }]);
    expect(claimsOf("> 95% of tests are mock-free (a blockquote, not a bound)")).toStrictEqual([
      { kind: "noMocksPercent", stated: 95, approximate: false },
    ]);
    expect(claimsOf("Base class compliance: 98.5%")).toStrictEqual([{ kind: "baseClassPercent", stated: 98.5, approximate: false }]);
    expect(claimsOf("95% of test classes extend IntegrationTestCase")).toStrictEqual([
      { kind: "baseClassPercent", stated: 95, approximate: false, baseClass: "IntegrationTestCase" },
    ]);
    expect(claimsOf("80% of tests inherit from the shared base class")).toStrictEqual([
      { kind: "baseClassPercent", stated: 80, approximate: false },
    ]);
    expect(claimsOf("BVJ compliance: 100 percent")).toStrictEqual([{ kind: "bvjPercent", stated: 100, approximate: false }]);
  });

  it("'all' and 'every' mean 100%", () => {
    expect(claimsOf("All tests inherit from test_framework.ssot.SSotBaseTestCase")).toStrictEqual([
      { kind: "baseClassPercent", stated: 100, approximate: false, baseClass: "SSotBaseTestCase" },
    ]);
    expect(claimsOf("Every integration test has a Business Value Justification")).toStrictEqual([
      { kind: "bvjPercent", stated: 100, approximate: false },
    ]);
    expect(claimsOf("- Detailed business value justification for every test")).toStrictEqual([
      { kind: "bvjPercent", stated: 100, approximate: false },
    ]);
    expect(claimsOf("All 64 tests hit real services")).toStrictEqual([{ kind: "noMocksPercent", stated: 100, approximate: false }]);
    expect(claimsOf("No test uses mocks.")).toStrictEqual([{ kind: "noMocksPercent", stated: 100, approximate: false }]);
  });

  it("an unrelated percent next to an 'all' claim stays unclaimed", () => {
    expect(claimsOf("**93% coverage** - all tests inherit from BillingTestCase")).toStrictEqual([
      { kind: "baseClassPercent", stated: 100, approximate: false, baseClass: "BillingTestCase" },
    ]);
  });

  it("an explicit percent wins over the 'all' on the same line", () => {
    expect(claimsOf("100% SSOT compliance - all tests properly inherit from SSotBaseTestCase")).toStrictEqual([
      { kind: "baseClassPercent", stated: 100, approximate: false, baseClass: "SSotBaseTestCase" },
    ]);
  });
});

describe("tricky negatives: no claims", () => {
  const negatives: [string, string][] = [
    ["a date", "**Date:** 2025-09-14 17:41 UTC"],
    ["a spelled-out date", "Audit Completed: February 4, 2026"],
    ["versions", "requests 2.32.5, Python 3.12 and Node 20 with pytest 8"],
    ["dollar amounts", "- **Business Impact:** $200K+ enterprise security sales, $2.3M ARR"],
    ["line ranges", "Examined `clickhouse_client.py` (Lines 1-30) and `smd.py` (Lines 1314-1330)"],
    ["a single line reference", "See tests/test_db.py line 42 for the 3 tests that matter"],
    ["section numbers", "1. **Section 3.3 Implementation Strategy** ✅ PERFECT"],
    ["a numbered section heading", "### 2. Tests"],
    ["issue numbers", "Issue #1116: 12 tests were migrated"],
    ["enumerated test names", "Test 6: Concurrent Logging ............ ✓ PASS"],
    ["coverage percent", "- 100% test coverage for SSOT factory patterns"],
    ["uptime percent", "- **$300K+ Revenue Protection** - 99.9% uptime validation through resilience testing"],
    ["a score", "- **Compliance Score:** 100% across all checklist requirements"],
    ["generic compliance", "### ✅ OVERALL COMPLIANCE STATUS: **98.7% COMPLIANT** - ENTERPRISE READY"],
    ["a percent range", "WebSocket events: 80-85% success"],
    ["a reduction", "Automated testing reduces manual QA by 80%"],
    ["percent of mocks, not of no-mocks", "0% of tests use mocks"],
    ["a subset label", "- ✅ Auth Service: 34 tests (comprehensive auth workflows)"],
    ["a subset label with files", "- Backend Service: 20+ tests across 3 files"],
    ["failed tests", "- tests/test_db.py: 3 tests failed"],
    ["skipped tests", "- 3 tests were skipped on CI"],
    ["a count shared by two files", "test_a.py and test_b.py: 30 tests"],
    ["files using a pattern", "1,200+ files already using this pattern"],
    ["arithmetic", "5 threads x 10 events each = 50 total"],
    ["files referencing a phrase, not an identifier", "Found 901 files containing auth bypass references"],
    ["a time of day before a count", "Report generated 2025-09-14 17:41 UTC"],
    ["a share of a subset", "Auth has 34 tests using real services"],
    ["a requirement about new tests", "All new tests must inherit from SSotBaseTestCase"],
    ["no mocks in production code, informally", "Zero mocks anywhere in production code"],
    ["a ranking", "Top 10 slowest tests in test_db.py"],
    ["an instruction", "Ensure every test includes a BVJ before merging."],
    ["a requirement", "All new tests must inherit from SSotBaseTestCase"],
    ["a negation", "Not all tests inherit from SSotBaseTestCase"],
    ["an almost", "Almost all tests use real services"],
    ["a policy name without a mark", "- **NO MOCKS Policy:** Uses real HTTP requests, actual JWT tokens"],
    ["a time", "Run started 17:41, 18 tests queued"],
    ["a glob", "pytest collects test_*.py: 18 tests"],
    ["tests with a property", "tests/test_db.py has 2 tests with mocks"],
    ["tests needing work", "tests/test_db.py: 3 tests need rework"],
    ["removed tests", "Removed 14 tests across 3 files"],
    ["a scope in parentheses", "- Backend (20 tests across 3 files)"],
    ["a scope before a comma", "For the backend, 20 tests across 3 files"],
    ["a predicate after the files", "171 tests across 11 files were flaky"],
    ["a percent of something else", "100% of endpoints use real services"],
    ["a percent of some tests", "100% of the 3 WebSocket tests use real services"],
    ["a percent of pull requests", "100% of PRs include a BVJ"],
    ["a failing-tests label", "Failed tests: 3"],
    ["mock usage", "Mock usage: 5%"],
    ["a modal", "All tests should inherit from SSotBaseTestCase"],
    ["a condition", "If all tests inherit from BaseTestCase, the audit passes"],
    ["suites, not tests", "Every suite inherits from BaseTestCase"],
    ["no mocks in production code", "Zero mocks in production code"],
    ["a range in a file's count", "test_a.py: 12-14 tests"],
    ["alternatives in a file's count", "test_a.py: 12 or 13 tests"],
    ["a struck-through count", "~~12 tests~~ in test_a.py"],
  ];
  it.each(negatives)("%s", (_name, line) => {
    expect(extractClaims(line)).toStrictEqual([]);
  });

  it("fenced code blocks are skipped", () => {
    const report = ["```json", '{ "total_tests": 171, "files": 11 }', "Test Methods: 171", "```", "~~~", "- 100% NO MOCKS compliance", "~~~"];
    expect(extractClaims(report.join("\n"))).toStrictEqual([]);
  });

  it("tables without a tests, lines or passed column and more than two columns are skipped", () => {
    const report = [
      "| Component | Risk Level | SSOT Compliance | Evidence |",
      "|-----------|------------|-----------------|----------|",
      "| **Test Infrastructure** | LOW | ✅ COMPLIANT | 293 test files use SSotBaseTestCase |",
      "| Database | LOW | 100% | tests/test_db.py (18 tests) |",
    ];
    expect(extractClaims(report.join("\n"))).toStrictEqual([]);
  });

  it("table cells that are not plain counts, and columns that are not counts of tests", () => {
    const report = [
      "| File | Line | Failures | Tests passed |", // a line number, failures, passed without a test count
      "|---|---|---|---|",
      "| tests/test_a.py | 42 | 2 | 16 |",
      "",
      "| File | Tests |",
      "|---|---|",
      "| tests/test_b.py | 12 failing |",
      "| tests/test_c.py | 12-14 |",
      "| tests/test_d.py | 17/18 |",
      "| src/app.py | 12 |", // not a test file
      "",
      "| Metric | Value |",
      "|---|---|",
      "| Auth tests | 34 |",
      "| Uptime | 99.9% |",
    ];
    expect(extractClaims(report.join("\n"))).toStrictEqual([]);
  });

  it("an empty report and a report of blanks", () => {
    expect(extractClaims("")).toStrictEqual([]);
    expect(extractClaims("\r\n\n  \n\t\n")).toStrictEqual([]);
  });
});

describe("linear time on hostile input", () => {
  const MB = 1 << 20;
  const hostile: [string, string][] = [
    ["digits", "1".repeat(MB)],
    ["digits with commas", "1,".repeat(MB / 2)],
    ["digits and dots", "1.".repeat(MB / 2)],
    ["a path", "a/".repeat(MB / 2) + "test_x.py"],
    ["tildes", "~".repeat(MB)],
    ["hashes", "#".repeat(MB)],
    ["percent signs", "100% ".repeat(MB / 5)],
    ["counts and nouns", "test_a.py: 1 tests, ".repeat(MB / 20)],
    ["totals", "171 tests across 11 files ".repeat(MB / 26)],
    ["universal claims", "all tests inherit from X and ".repeat(MB / 29)],
    ["bullets", "- ".repeat(MB / 2)],
    ["pipes", "|".repeat(MB)],
    ["separators", "| a |\n|" + "-|".repeat(MB / 2)],
    ["emphasis", "*_".repeat(MB / 2)],
    ["mojibake", "‚úÖ".repeat(MB / 3)],
    ["ratios", "1/1 ".repeat(MB / 4)],
    ["hyphen runs", "300-line-".repeat(MB / 9)],
    ["unclosed comments", "<!--".repeat(MB / 4)],
    ["comment ends", "-->".repeat(MB / 3)],
    ["tags", "<b>".repeat(MB / 3)],
    ["tag openers", "<span class=".repeat(MB / 12)],
    ["look-alike letters", "M\u041ECKS ".repeat(MB / 6)],
    ["emphasis inside numbers", "1**0**0% ".repeat(MB / 9)],
    ["full-width digits", "\uFF11\uFF10\uFF10\uFF05 ".repeat(MB / 5)],
    ["size issues", "12 test file size issues (3) ".repeat(MB / 29)],
    ["references", "684 files containing `WebSocketManager` references ".repeat(MB / 51)],
  ];
  it.each(hostile)("a 1 MB line of %s", (_name, line) => {
    expect(line.length).toBeGreaterThan(MB - 64);
    const started = performance.now();
    const claims = extractClaims(line);
    const elapsed = performance.now() - started;
    expect(Array.isArray(claims)).toBe(true);
    // A backtracking pattern would take minutes on these; a linear scan takes well under a second
    // (the bound is loose because test machines are shared and noisy).
    expect(elapsed).toBeLessThan(5000);
  });

  it("time grows linearly: 8x the input takes well under 64x the time", () => {
    const unit = "- test_a.py: ~18 tests, 17/18 tests passed; 100% no mocks; all tests inherit from BaseTestCase ";
    const time = (copies: number): number => {
      const text = unit.repeat(copies);
      const started = performance.now();
      extractClaims(text);
      return performance.now() - started;
    };
    time(500); // warm up
    const small = Math.max(time(2_000), 1);
    const large = time(16_000);
    expect(large / small).toBeLessThan(40);
  });
});

describe("claim kinds read since reports were checked against real ones (issue 10)", () => {
  it("test results: suite-wide N/M passed, 'all tests passed', durations", () => {
    expect(claimsOf("- ✅ 6/6 tests passed with 100% success rate")).toStrictEqual([{ kind: "totalTestsPassed", stated: 6, approximate: false, total: 6 }]);
    expect(claimsOf("Status: ✓ COMPLETE - ALL TESTS PASSED")).toStrictEqual([{ kind: "allTestsPassed", stated: 100, approximate: false }]);
    expect(claimsOf("Execution Time: ~2 seconds")).toStrictEqual([{ kind: "testDuration", stated: 2, approximate: true }]);
    expect(claimsOf("Test duration: 350ms")).toStrictEqual([{ kind: "testDuration", stated: 0.35, approximate: false }]);
    expect(claimsOf("Test Suite: test_sync.py", "Result: ALL TESTS PASSED ✓")).toStrictEqual([{ line: 2, kind: "allTestsPassed", stated: 100, approximate: false, file: "test_sync.py" }]);
    expect(claimsOf("Ensure all tests pass before merging.")).toStrictEqual([]);
    expect(claimsOf("All tests should pass")).toStrictEqual([]);
  });

  it("totals in parentheses after a test subject", () => {
    expect(claimsOf("- **Test Infrastructure:** 95.8% compliant (287 files) with 12 minor violations")).toStrictEqual([{ kind: "totalFiles", stated: 287, approximate: false }]);
    expect(claimsOf("Test Methods (171)")).toStrictEqual([{ kind: "totalTests", stated: 171, approximate: false }]);
    expect(claimsOf("- **Real System Code:** 100.0% COMPLIANT (866 files)")).toStrictEqual([]);
    expect(claimsOf("- Auth Service (34 tests)")).toStrictEqual([]);
  });

  it("policy shares as counts of files or tests, with their percentage", () => {
    expect(claimsOf("- ✅ **293 test files** using SSOT patterns (95.9% compliance)", "Base: SSotBaseTestCase")).toStrictEqual([
      { line: 1, kind: "baseClassCount", stated: 293, approximate: false, of: "files" },
      { line: 1, kind: "baseClassPercent", stated: 95.9, approximate: false, of: "files" },
    ]);
    // Without a base test class named anywhere, "SSOT patterns" names no policy testaudit checks.
    expect(claimsOf("- 293 test files using SSOT patterns (95.9%)")).toStrictEqual([]);
    expect(claimsOf("27/27 tests mock-free")).toStrictEqual([{ kind: "noMocksCount", stated: 27, approximate: false, total: 27 }]);
    expect(claimsOf("40 tests carry a BVJ block")).toStrictEqual([{ kind: "bvjCount", stated: 40, approximate: false }]);
    expect(claimsOf("12 test files are mock-free")).toStrictEqual([{ kind: "noMocksCount", stated: 12, approximate: false, of: "files" }]);
  });

  it("informal universal claims", () => {
    expect(claimsOf("Zero mocks anywhere in the suite")).toStrictEqual([{ kind: "noMocksPercent", stated: 100, approximate: false }]);
    expect(claimsOf("No mocks at all.")).toStrictEqual([{ kind: "noMocksPercent", stated: 100, approximate: false }]);
    expect(claimsOf("The suite is completely mock-free")).toStrictEqual([{ kind: "noMocksPercent", stated: 100, approximate: false }]);
    expect(claimsOf("- **100% syntax validation** - All files compile without errors")).toStrictEqual([{ kind: "syntaxPercent", stated: 100, approximate: false }]);
    expect(claimsOf("All 11 test files compile")).toStrictEqual([{ kind: "syntaxPercent", stated: 100, approximate: false }]);
    expect(claimsOf("No syntax errors.")).toStrictEqual([{ kind: "syntaxPercent", stated: 100, approximate: false }]);
  });

  it("line limits: size issues whose limit is stated elsewhere, a limit on another line, a named file over it", () => {
    const report = [
      "- Total Violations: 15 violations (3 SSOT + 12 test file size issues)", // 1
      "#### Test File Size Violations (12)", //                                2
      "Nature: test files exceeding the 300-line limit", //                    3
      "(12) files over the limit", //                                          4
      "`tests/test_big.py` (4,668 lines) exceeds the limit", //                5
      "Test File Size Optimization: 12 violations", //                         6
    ];
    expect(claimsOf(...report)).toStrictEqual([
      { line: 1, kind: "filesOverLineLimit", stated: 12, approximate: false, limit: 300, limitLine: 3 },
      { line: 2, kind: "filesOverLineLimit", stated: 12, approximate: false, limit: 300, limitLine: 3 },
      { line: 4, kind: "filesOverLineLimit", stated: 12, approximate: false, limit: 300, limitLine: 3 },
      { line: 5, kind: "fileOverLineLimit", stated: 1, approximate: false, file: "tests/test_big.py", limit: 300, limitLine: 3 },
      { line: 5, kind: "fileLines", stated: 4668, approximate: false, file: "tests/test_big.py" },
      { line: 6, kind: "filesOverLineLimit", stated: 12, approximate: false, limit: 300, limitLine: 3 },
    ]);
    // Two different limits: no claim borrows either.
    expect(claimsOf("12 test file size issues", "a 300-line limit", "a 500-line limit")).toStrictEqual([{ line: 1, kind: "filesOverLineLimit", stated: 12, approximate: false }]);
    expect(claimsOf("tests/test_big.py exceeds the 300-line limit")).toStrictEqual([{ kind: "fileOverLineLimit", stated: 1, approximate: false, file: "tests/test_big.py", limit: 300 }]);
  });

  it("sizes: lines of code, byte sizes and method counts of named files", () => {
    expect(claimsOf("- **Lines of Code:** ~6,200")).toStrictEqual([{ kind: "totalLines", stated: 6200, approximate: true }]);
    expect(claimsOf("The suite is 6,200 lines of test code.")).toStrictEqual([{ kind: "totalLines", stated: 6200, approximate: false }]);
    expect(claimsOf("✓ integrate_audit.py (7,520 bytes)")).toStrictEqual([{ kind: "fileBytes", stated: 7520, approximate: false, file: "integrate_audit.py" }]);
    expect(claimsOf("✓ AUDIT_GUIDE.md (5,857 bytes)")).toStrictEqual([{ kind: "fileBytes", stated: 5857, approximate: false, file: "AUDIT_GUIDE.md" }]);
    expect(claimsOf("File: src/ledger.py", "Methods: 12", "- 14 methods")).toStrictEqual([
      { line: 2, kind: "fileMethods", stated: 12, approximate: false, file: "src/ledger.py" },
      { line: 3, kind: "fileMethods", stated: 14, approximate: false, file: "src/ledger.py" },
    ]);
    expect(claimsOf("File: src/ledger.py", "- 12 specialized event logging methods")).toStrictEqual([]);
  });

  it("references, distinct classes and single implementations", () => {
    expect(claimsOf("- Found **684 files** containing `WebSocketManager` class references")).toStrictEqual([
      { kind: "filesReferencing", stated: 684, approximate: false, identifier: "WebSocketManager" },
    ]);
    expect(claimsOf("76 files contain `connection_pool` references")).toStrictEqual([{ kind: "filesReferencing", stated: 76, approximate: false, identifier: "connection_pool" }]);
    expect(claimsOf("- **10+ distinct WebSocketManager classes** across the codebase")).toStrictEqual([
      { kind: "distinctClasses", stated: 10, approximate: true, identifier: "WebSocketManager" },
    ]);
    expect(claimsOf("#### Single AgentService Implementation:")).toStrictEqual([{ kind: "singleImplementation", stated: 1, approximate: false, identifier: "AgentService" }]);
    expect(claimsOf("Only one LedgerWriter class remains")).toStrictEqual([{ kind: "singleImplementation", stated: 1, approximate: false, identifier: "LedgerWriter" }]);
  });

  it("scope: new, added, proposed and this session's tests", () => {
    expect(claimsOf("We added 12 new tests across 3 files")).toStrictEqual([
      { kind: "totalTests", stated: 12, approximate: false, scope: "changed" },
      { kind: "totalFiles", stated: 3, approximate: false, scope: "changed" },
    ]);
    expect(claimsOf("New tests: 12")).toStrictEqual([{ kind: "totalTests", stated: 12, approximate: false, scope: "changed" }]);
    expect(claimsOf("Test files changed: 5")).toStrictEqual([{ kind: "totalFiles", stated: 5, approximate: false, scope: "changed" }]);
    expect(claimsOf("- ✅ **All proposed tests** inherit from canonical SSOT base classes")).toStrictEqual([{ kind: "baseClassPercent", stated: 100, approximate: false, scope: "changed" }]);
    expect(claimsOf("Total Tests: 40 created during this session")).toStrictEqual([{ kind: "totalTests", stated: 40, approximate: false, scope: "changed" }]);
  });
});

describe("a policy label with a check mark", () => {
  it("reads as 100% for the section's file, or for the suite", () => {
    expect(claimsOf("### tests/test_a.py", "- **NO MOCKS Policy:** ✅ Uses real HTTP requests", "- BVJ: ✓ complete")).toStrictEqual([
      { line: 2, kind: "noMocksPercent", stated: 100, approximate: false, file: "tests/test_a.py" },
      { line: 3, kind: "bvjPercent", stated: 100, approximate: false, file: "tests/test_a.py" },
    ]);
    expect(claimsOf("- **Mock-free:** ✅")).toStrictEqual([{ kind: "noMocksPercent", stated: 100, approximate: false }]);
  });

  it("not with a cross, without a mark, or for a label that names no policy testaudit checks", () => {
    expect(claimsOf("- NO MOCKS Policy: ❌ two fixtures patch")).toStrictEqual([]);
    expect(claimsOf("- NO MOCKS Policy: see below ✅")).toStrictEqual([]);
    expect(claimsOf("- SSOT Compliance: ✅ uses the base")).toStrictEqual([]);
  });
});

describe("what a reader sees: obfuscation and hidden text", () => {
  const noMocks = [{ kind: "noMocksPercent", stated: 100, approximate: false }];
  it.each([
    ["a Cyrillic О in MOCKS", "100% NO M\u041ECKS compliance"],
    ["a Greek Ο and a Cyrillic о", "100% n\u043E m\u039Fcks compliance"],
    ["an HTML comment inside the number", "100<!-- -->% NO MOCKS compliance"],
    ["a tag inside the number", "1<b>0</b>0% NO MOCKS compliance"],
    ["emphasis split across the number", "**10**0% NO MOCKS compliance"],
    ["emphasis inside the word", "100% NO MO**CKS** compliance"],
    ["full-width digits and percent sign", "\uFF11\uFF10\uFF10\uFF05 NO MOCKS compliance"],
    ["a zero-width space inside the word", "100% NO MO\u200BCKS compliance"],
    ["a soft hyphen inside the word", "100% NO MO\u00ADCKS compliance"],
  ])("%s", (_name, line) => {
    expect(claimsOf(line)).toStrictEqual(noMocks);
  });

  it("keeps the claim's text as written", () => {
    const [claim] = extractClaims("100% NO M\u041ECKS compliance");
    expect(claim!.text).toBe("100% NO M\u041ECKS compliance");
  });

  it("reads nothing inside an HTML comment, also across lines", () => {
    expect(extractClaims("<!--\n- 100% NO MOCKS compliance\n-->\n- 12 tests across 3 files")).toStrictEqual([
      { kind: "totalTests", line: 4, text: "- 12 tests across 3 files", stated: 12, approximate: false },
      { kind: "totalFiles", line: 4, text: "- 12 tests across 3 files", stated: 3, approximate: false },
    ]);
    expect(extractClaims("- 100% NO MOCKS compliance <!-- not really -->")).toHaveLength(1);
  });

  it("reads table cells as a reader sees them, and quotes the row as written", () => {
    const report = ["| File | Tests |", "|---|---|", "| tests/test_a.py | 1<!-- 2 -->8 |", "<!--", "| tests/test_b.py | 9 |", "-->"];
    expect(extractClaims(report.join("\n"))).toStrictEqual([
      { kind: "fileTests", line: 3, text: "| tests/test_a.py | 1<!-- 2 -->8 |", stated: 18, approximate: false, file: "tests/test_a.py" },
    ]);
  });

  it("leaves words of other scripts alone", () => {
    expect(claimsOf("100% тест compliance")).toStrictEqual([]);
  });
});

describe("not understood", () => {
  it("lists the lines that look checkable but gave no claim, and no others", () => {
    const report = [
      "# Audit", //                                            1
      "- 171 tests across 11 files", //                          2 a claim
      "- ✅ Auth Service: 34 tests", //                          3 a subset: not read
      "- **NO MOCKS Policy:** ❌ two fixtures patch", //          4 a cross is no claim
      "- All 171 tests demonstrate excellent compliance", //    5 a universal word and tests
      "Date: 2025-09-14, revenue $2.3M", //                      6 nothing about tests
      "- Large test files exceeding 300 line limit", //          7 states a limit: used, not listed
      "```", //                                                  8
      "12 tests in a code block", //                             9 code is not read
      "```", //                                                  10
    ];
    expect(extractReport(report.join("\n")).notUnderstood).toStrictEqual([
      { line: 3, text: "- ✅ Auth Service: 34 tests", why: '"34" and "tests"' },
      { line: 4, text: "- **NO MOCKS Policy:** ❌ two fixtures patch", why: '"no" and "mocks"' },
      { line: 5, text: "- All 171 tests demonstrate excellent compliance", why: '"all" and "tests"' },
    ]);
  });

  it("lists table rows too", () => {
    const report = ["| Service | Tests |", "|---|---|", "| auth | 34 tests |"];
    expect(extractReport(report.join("\n")).notUnderstood).toStrictEqual([{ line: 3, text: "| auth | 34 tests |", why: '"34" and "tests"' }]);
  });
});
