/**
 * `testaudit verify` end to end: the real binary on generated suites, with report fixtures written
 * here, real pytest results and a real git repository. Every claim kind's verdict and measured value,
 * how a report is read (encodings, binary, empty), obfuscated claims, scope and exit codes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTree } from "../temp-tree.js";
import { suiteFileText, suiteTree, type SuiteFile } from "../verify-trees.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const bin = join(root, "dist/src/cli/main.js");

interface Check {
  kind: string;
  line: number;
  stated: number;
  measured: number | null;
  verdict: string;
  note?: string;
}
interface Result {
  report: { encoding: string };
  claims: Check[];
  notUnderstood: { line: number; text: string }[];
  summary: Record<string, number>;
}

function testaudit(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function verifyJson(cwd: string, report: string, ...args: string[]): { status: number | null; result: Result; stderr: string } {
  const run = testaudit(["verify", report, "--format", "json", ...args], cwd);
  return { status: run.status, result: JSON.parse(run.stdout || "null") as Result, stderr: run.stderr };
}

/** [line, kind, stated, measured, verdict] of each claim. */
function verdicts(result: Result): [number, string, number, number | null, string][] {
  return result.claims.map((check) => [check.line, check.kind, check.stated, check.measured, check.verdict]);
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});

function tree(files: Record<string, string>): string {
  const folder = writeTree(files, "testaudit-verify-");
  folders.push(folder);
  return folder;
}

/** 20 tests in 3 files: 2 mocked tests, 6 tests off the base class, 4 without a BVJ block; one file over 300 lines. */
const LEDGER_SUITE: SuiteFile[] = [
  { path: "tests/integration/test_orders.py", tests: 10, lines: 320, mocked: 2 },
  { path: "tests/integration/test_refunds.py", tests: 6, lines: 120, base: false },
  { path: "tests/integration/test_labels.py", tests: 4, lines: 80, bvj: false },
];
const LEDGER_SOURCES = {
  "src/ledger.py": "class LedgerWriter:\n    def write(self):\n        pass\n\n    def flush(self):\n        pass\n\n\nclass LedgerWriterMode:\n    pass\n",
  "src/billing.py": "from src.ledger import LedgerWriter\n\nWRITER = LedgerWriter()\n",
  "src/notes.py": "# LedgerWriterMode is an enum, not the writer\n",
};

const LEDGER_REPORT = [
  "# Ledger suite audit", //                                                   1
  "<!-- counted by hand -->", //                                               2
  "- **20 tests** across **3 test files**", //                                 3
  "- **100% NO M\u041ECKS compliance** (base: SSotBaseTestCase)", //          4
  "- 18/20 tests mock-free", //                                                5
  "- Zero mocks anywhere in the suite", //                                     6
  "- 2 test files using SSOT patterns (66.7%)", //                             7
  "- 80% BVJ compliance", //                                                   8
  "- All files compile without errors", //                                     9
  "- **Lines of Code:** ~520", //                                              10
  "- 1 test file size issue", //                                               11
  "- Test files exceeding the 300-line limit get split", //                    12
  "- `tests/integration/test_orders.py` exceeds the limit", //                 13
  "- `tests/integration/test_refunds.py` (120 lines)", //                      14
  "- `tests/integration/test_gone.py`: 12 tests", //                           15
  `- \`src/ledger.py\` (${Buffer.byteLength(LEDGER_SOURCES["src/ledger.py"])} bytes)`, //   16
  "- `src/ledger.py`: 2 methods", //                                           17
  "- 2 files containing `LedgerWriter` references", //                         18
  "- 2 distinct LedgerWriter classes", //                                      19
  "- Single LedgerWriter implementation", //                                   20
  "- 20/20 tests passed", //                                                   21
  "- Execution Time: ~1 second", //                                            22
  "- ✅ Auth Service: 34 tests", //                                            23
  "- 16 tests carry a BVJ block", //                                           24
  "- 2 test files are mock-free", //                                           25
].join("\n");

const LEDGER_VERDICTS: [number, string, number, number | null, string][] = [
  [3, "totalTests", 20, 20, "true"],
  [3, "totalFiles", 3, 3, "true"],
  [4, "noMocksPercent", 100, 90, "false"],
  [5, "noMocksCount", 18, 18, "true"],
  [6, "noMocksPercent", 100, 90, "false"],
  [7, "baseClassCount", 2, 2, "true"],
  [7, "baseClassPercent", 66.7, 66.7, "true"],
  [8, "bvjPercent", 80, 80, "true"],
  [9, "syntaxPercent", 100, 100, "true"],
  [10, "totalLines", 520, 520, "true"],
  [11, "filesOverLineLimit", 1, 1, "true"],
  [13, "fileOverLineLimit", 1, 1, "true"],
  [14, "fileLines", 120, 120, "true"],
  [15, "fileTests", 12, null, "unverifiable"],
  [16, "fileBytes", 124, 124, "true"],
  [17, "fileMethods", 2, 2, "true"],
  [18, "filesReferencing", 2, 2, "true"],
  [19, "distinctClasses", 2, 2, "true"],
  [20, "singleImplementation", 1, 1, "true"],
  [21, "totalTestsPassed", 20, null, "unverifiable"],
  [22, "testDuration", 1, null, "unverifiable"],
  [24, "bvjCount", 16, 16, "true"],
  [25, "noMocksCount", 2, 2, "true"],
];

describe("every claim kind against a generated suite", () => {
  let folder: string;
  beforeAll(() => {
    folder = tree(suiteTree(LEDGER_SUITE, { ...LEDGER_SOURCES, "AUDIT.md": LEDGER_REPORT }));
  });

  it("gives each claim its verdict and measured value, and exits 1 for the false ones", () => {
    const { status, result, stderr } = verifyJson(folder, "AUDIT.md");
    expect(stderr).toBe("");
    expect(status).toBe(1);
    expect(verdicts(result)).toEqual(LEDGER_VERDICTS);
    const notes = Object.fromEntries(result.claims.filter((check) => check.note !== undefined).map((check) => [`${check.line} ${check.kind}`, check.note]));
    expect(notes["4 noMocksPercent"]).toBe("18/20 tests no mock reaches");
    expect(notes["7 baseClassPercent"]).toBe("2/3 files reaching the required base");
    expect(notes["11 filesOverLineLimit"]).toBe("audited files over 300 lines (stated on line 12): tests/integration/test_orders.py");
    expect(notes["15 fileTests"]).toBe("file not found: the tree holds no tests/integration/test_gone.py");
    expect(notes["18 filesReferencing"]).toBe("source files naming LedgerWriter: 2 as a whole identifier, 3 anywhere (as grep -l counts)");
    expect(notes["19 distinctClasses"]).toBe("class names holding LedgerWriter: LedgerWriter, LedgerWriterMode");
    expect(notes["21 totalTestsPassed"]).toContain("needs test results");
    expect(result.notUnderstood).toEqual([{ line: 23, text: "- ✅ Auth Service: 34 tests", why: '"34" and "tests"' }]);
    expect(result.summary).toEqual({ claims: 23, true: 18, false: 2, approximate: 0, unverifiable: 3, notUnderstood: 1 });
    expect(notes["25 noMocksCount"]).toBe("2/3 files no mock reaches");
  });

  it("checks test-run claims against real pytest results", () => {
    const xml = join(folder, "junit.xml");
    const run = spawnSync("/usr/bin/python3", ["-m", "pytest", "-q", "-p", "no:cacheprovider", `--junitxml=${xml}`, "tests"], { cwd: folder, encoding: "utf8" });
    expect(run.stdout).toContain("20 passed");
    const { result } = verifyJson(folder, "AUDIT.md", "--results", "junit.xml");
    const passed = result.claims.find((check) => check.kind === "totalTestsPassed")!;
    expect([passed.measured, passed.verdict, passed.note]).toEqual([20, "true", "20 passed, 0 failed, 0 errors, 0 skipped of 20 in the results"]);
    // A timing belongs to the run the report describes: another run's results neither confirm nor refute it.
    const duration = result.claims.find((check) => check.kind === "testDuration")!;
    expect([duration.measured, duration.verdict]).toEqual([null, "unverifiable"]);
    expect(duration.note).toMatch(/^timings vary from run to run: the results give [\d.]+ s summed over 20 test cases$/u);
  });

  it("lists the unverifiable claims with their reasons and the lines not understood in the table", () => {
    const run = testaudit(["verify", "AUDIT.md"], folder);
    expect(run.stdout).toContain("AUDIT.md: read as utf-8, ");
    expect(run.stdout).toContain("unverifiable, and why\nAUDIT.md:15  file not found: the tree holds no tests/integration/test_gone.py\n");
    expect(run.stdout).toContain("not understood (read these yourself: testaudit took no claim from them)\nAUDIT.md:23  - ✅ Auth Service: 34 tests\n");
    expect(run.stdout).toContain("23 claims: 18 true, 2 false, 0 approximate, 3 unverifiable; 1 line not understood");
  });

  it("marks false claims as errors and the rest as notes in SARIF", () => {
    const sarif = JSON.parse(testaudit(["verify", "AUDIT.md", "--format", "sarif"], folder).stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((result) => [result.ruleId, result.level, result.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ["testaudit/false-claim", "error", 4],
      ["testaudit/false-claim", "error", 6],
      ["testaudit/unverifiable-claim", "note", 15],
      ["testaudit/unverifiable-claim", "note", 21],
      ["testaudit/unverifiable-claim", "note", 22],
      ["testaudit/not-understood", "note", 23],
    ]);
  });
});

describe("reading the report", () => {
  let folder: string;
  const report = "# Audit\n- 100% NO MOCKS compliance\n- 20 tests across 3 files\n";
  beforeAll(() => {
    folder = tree(suiteTree(LEDGER_SUITE));
    writeFileSync(join(folder, "utf8.md"), report);
    // What PowerShell's `Get-Content … > REPORT.md` writes: UTF-16 LE with a byte order mark.
    writeFileSync(join(folder, "powershell.md"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report.replaceAll("\n", "\r\n"), "utf16le")]));
    writeFileSync(join(folder, "binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    writeFileSync(join(folder, "empty.md"), "");
    writeFileSync(join(folder, "prose.md"), "# Notes\nThe team met on Tuesday.\n");
    writeFileSync(join(folder, "only-missing.md"), "- `tests/integration/test_gone.py`: 12 tests\n");
  });

  it("a UTF-16 report gives the verdicts of the same report in UTF-8", () => {
    const utf8 = verifyJson(folder, "utf8.md");
    const utf16 = verifyJson(folder, "powershell.md");
    expect(utf8.status).toBe(1);
    expect(utf16.status).toBe(1);
    expect(utf16.result.report.encoding).toBe("utf-16le with BOM");
    expect(verdicts(utf16.result)).toEqual(verdicts(utf8.result));
    expect(verdicts(utf8.result)).toEqual([
      [2, "noMocksPercent", 100, 90, "false"],
      [3, "totalTests", 20, 20, "true"],
      [3, "totalFiles", 3, 3, "true"],
    ]);
  });

  it.each([
    ["a binary file", "binary.md", "testaudit: the report binary.md holds binary data"],
    ["an empty report", "empty.md", "testaudit: empty.md holds no checkable claim (read as empty); --allow-empty accepts that"],
    ["/dev/null", "/dev/null", "testaudit: /dev/null holds no checkable claim (read as empty)"],
    ["/dev/zero", "/dev/zero", "testaudit: the report /dev/zero is larger than 2097152 bytes"],
    ["a report without claims", "prose.md", "testaudit: prose.md holds no checkable claim (read as utf-8)"],
    ["a report whose only claim is about a missing file", "only-missing.md", "testaudit: none of the 1 claims of only-missing.md could be checked (all unverifiable)"],
    ["a missing report", "missing.md", "testaudit: cannot read the report missing.md: ENOENT"],
  ])("%s exits 3 with a message", (_name, report, message) => {
    const run = testaudit(["verify", report], folder);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(message);
  });

  it("--allow-empty accepts a report with nothing to check, never one that cannot be read", () => {
    expect(testaudit(["verify", "empty.md", "--allow-empty"], folder).status).toBe(0);
    expect(testaudit(["verify", "only-missing.md", "--allow-empty"], folder).status).toBe(0);
    expect(testaudit(["verify", "binary.md", "--allow-empty"], folder).status).toBe(3);
  });

  it("results that cannot be read exit 3 too", () => {
    writeFileSync(join(folder, "bomb.xml"), '<!DOCTYPE x [<!ENTITY a "aaaa">]><testsuite><testcase name="&a;"/></testsuite>');
    const run = testaudit(["verify", "utf8.md", "--results", "bomb.xml"], folder);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("has a document type declaration");
  });
});

describe("obfuscated and informal wording still gives the false claim", () => {
  let folder: string;
  beforeAll(() => {
    folder = tree(suiteTree(LEDGER_SUITE));
  });

  it.each([
    ["a Cyrillic О in MOCKS", "- 100% NO M\u041ECKS compliance"],
    ["an HTML comment inside the number", "- 100<!-- -->% NO MOCKS compliance"],
    ["full-width digits", "- \uFF11\uFF10\uFF10% NO MOCKS compliance"],
    ["emphasis across the number", "- **10**0% NO MOCKS compliance"],
    ["a zero-width space in the word", "- 100% NO MO\u200BCKS compliance"],
    ["an informal ratio", "- 20/20 tests mock-free"],
    ["an informal universal", "- Zero mocks anywhere in the suite"],
  ])("%s", (name, line) => {
    writeFileSync(join(folder, "report.md"), `# Audit\n${line}\n`);
    const { status, result } = verifyJson(folder, "report.md");
    expect(status, name).toBe(1);
    expect(result.claims.map((check) => [check.kind, check.measured, check.verdict])).toEqual([[line.includes("20/20") ? "noMocksCount" : "noMocksPercent", line.includes("20/20") ? 18 : 90, "false"]]);
  });
});

describe("a line limit the report does not state", () => {
  it("is the one the config gives the max-lines rule, or the claim is unverifiable when the rule is off", () => {
    const report = ["- 2 test files exceed the line limit", "- tests/integration/test_refunds.py exceeds the line limit"].join("\n");
    const withRule = tree(
      suiteTree(LEDGER_SUITE, {
        "AUDIT.md": report,
        "eslint.config.js": [
          `import testaudit from ${JSON.stringify(join(root, "dist/src/index.js"))};`,
          "export default [",
          "  ...testaudit.configs.recommended,",
          '  { files: testaudit.configs["recommended-python"].files, rules: { "testaudit/max-lines": ["error", { max: 100 }] } },',
          "];",
        ].join("\n"),
      }),
    );
    const judged = verifyJson(withRule, "AUDIT.md");
    // At 100 lines, test_orders.py (320) and test_refunds.py (120) are over, test_labels.py (80) is not.
    expect(verdicts(judged.result)).toEqual([
      [1, "filesOverLineLimit", 2, 2, "true"],
      [2, "fileOverLineLimit", 1, 1, "true"],
    ]);
    expect(judged.result.claims[0]!.note).toBe("of 3 files the max-lines rule judges, over its configured limit: tests/integration/test_orders.py, tests/integration/test_refunds.py");
    const without = verifyJson(tree(suiteTree(LEDGER_SUITE, { "AUDIT.md": report })), "AUDIT.md");
    expect(verdicts(without.result)).toEqual([
      [1, "filesOverLineLimit", 2, null, "unverifiable"],
      [2, "fileOverLineLimit", 1, null, "unverifiable"],
    ]);
    expect(without.result.claims[0]!.note).toBe("no line limit stated, and the max-lines rule is off");
  });
});

describe("scope: claims about new tests and about files the tree does not hold", () => {
  function git(cwd: string, ...args: string[]): string {
    return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
  }

  it("measures 'new' and 'proposed' tests over the files changed since --since (git diff --name-status, untracked files too)", () => {
    const folder = tree(suiteTree(LEDGER_SUITE));
    git(folder, "init", "-q");
    git(folder, "add", "-A");
    git(folder, "commit", "-q", "-m", "base");
    const base = git(folder, "rev-parse", "HEAD").trim();
    // The change: a new committed file off the base class, a new untracked file, and an edited one.
    writeFileSync(join(folder, "tests/integration/test_payouts.py"), suiteFileText({ path: "tests/integration/test_payouts.py", tests: 3, base: false }));
    git(folder, "add", "tests/integration/test_payouts.py");
    git(folder, "commit", "-q", "-m", "payouts");
    writeFileSync(join(folder, "tests/integration/test_statements.py"), suiteFileText({ path: "tests/integration/test_statements.py", tests: 2 }));
    writeFileSync(join(folder, "tests/integration/test_labels.py"), suiteFileText({ path: "tests/integration/test_labels.py", tests: 4, lines: 80 }));
    writeFileSync(
      join(folder, "AUDIT.md"),
      ["# Session audit", "- We added 9 new tests across 3 files", "- ✅ All proposed tests inherit from SSotBaseTestCase", "- 25 tests across 5 test files"].join("\n"),
    );
    const without = verifyJson(folder, "AUDIT.md");
    expect(verdicts(without.result)).toEqual([
      [2, "totalTests", 9, null, "unverifiable"],
      [2, "totalFiles", 3, null, "unverifiable"],
      [3, "baseClassPercent", 100, null, "unverifiable"],
      [4, "totalTests", 25, 25, "true"],
      [4, "totalFiles", 5, 5, "true"],
    ]);
    expect(without.result.claims[0]!.note).toBe("needs --since REV: the claim is about new, added or proposed tests");
    const scoped = verifyJson(folder, "AUDIT.md", "--since", base);
    expect(scoped.status).toBe(1);
    expect(verdicts(scoped.result)).toEqual([
      [2, "totalTests", 9, 9, "true"],
      [2, "totalFiles", 3, 3, "true"],
      // The committed payouts file's 3 tests are off the base: 6 of the 9 changed tests reach it.
      [3, "baseClassPercent", 100, 66.7, "false"],
      [4, "totalTests", 25, 25, "true"],
      [4, "totalFiles", 5, 5, "true"],
    ]);
    expect(scoped.result.claims[2]!.note).toBe(`6/9 tests reaching the required base over the 3 audited files changed since ${base}`);
    const bad = testaudit(["verify", "AUDIT.md", "--since", "no-such-revision"], folder);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("diff --name-status --no-renames -z no-such-revision -- failed");
  });

  it("totals are unverifiable against a tree that holds none of the files the report names", () => {
    const folder = tree(suiteTree(LEDGER_SUITE, { "AUDIT.md": "- 171 tests across 11 files\n- 100% NO MOCKS compliance\n### auth/tests/integration/test_login.py\n- Test Methods: 19 tests\n" }));
    const { status, result } = verifyJson(folder, "AUDIT.md");
    expect(status).toBe(3);
    expect(verdicts(result)).toEqual([
      [1, "totalTests", 171, null, "unverifiable"],
      [1, "totalFiles", 11, null, "unverifiable"],
      [2, "noMocksPercent", 100, null, "unverifiable"],
      [4, "fileTests", 19, null, "unverifiable"],
    ]);
    expect(result.claims[0]!.note).toBe("the tree holds none of the 1 files the report names, so its totals are not this tree's");
  });
});
