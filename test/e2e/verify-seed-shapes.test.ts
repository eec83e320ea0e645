/**
 * `testaudit verify` on reports shaped like the real ones it was built against (test/fixtures/reports/
 * seed-shapes/: their structure and kinds of claims, in words written here), each checked against a
 * tree generated to hold exactly the numbers the test names: per-file sections with a session's
 * totals; compliance evidence with size violations whose limit is stated elsewhere; proposed fixes
 * (scoped with --since over a real git repository); claims about the code base; a plain-text run
 * report (with real pytest results). Each claim's verdict and measured value, and the lines listed as
 * not understood.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeTree } from "../temp-tree.js";
import { suiteFileText, suiteTree, type SuiteFile } from "../verify-trees.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const bin = join(root, "dist/src/cli/main.js");
const shapes = join(root, "test/fixtures/reports/seed-shapes");

interface Result {
  claims: { kind: string; line: number; stated: number; measured: number | null; verdict: string; note?: string }[];
  notUnderstood: { line: number; why: string }[];
  summary: Record<string, number>;
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** The tree, with the report copied in as REPORT. */
function treeWith(files: Record<string, string>, report: string): string {
  const folder = writeTree(files, "testaudit-shapes-");
  folders.push(folder);
  copyFileSync(join(shapes, report), join(folder, "REPORT"));
  return folder;
}

function verify(folder: string, ...args: string[]): { status: number | null; result: Result } {
  const run = spawnSync(process.execPath, [bin, "verify", "REPORT", "--format", "json", ...args], { cwd: folder, encoding: "utf8" });
  expect(run.stderr).toBe("");
  return { status: run.status, result: JSON.parse(run.stdout) as Result };
}

function rows(result: Result): [number, string, number, number | null, string][] {
  return result.claims.map((check) => [check.line, check.kind, check.stated, check.measured, check.verdict]);
}

function notUnderstood(result: Result): number[] {
  return result.notUnderstood.map((item) => item.line);
}

describe("per-file sections of a session's new tests (session-sections.md)", () => {
  const suite: SuiteFile[] = [
    { path: "billing/tests/integration/test_invoice_flow.py", tests: 9, lines: 120 },
    { path: "billing/tests/integration/test_refund_flow.py", tests: 7, lines: 90 },
    { path: "tests/integration/test_ledger_sync.py", tests: 5, lines: 70, mocked: 2 },
    { path: "web/tests/integration/test_checkout_api.py", tests: 6, lines: 100 },
  ];

  it("finds the wrong file count, the mocks behind '100% no mocks' and a file's check mark, and lists the subset counts as not understood", () => {
    const { status, result } = verify(treeWith(suiteTree(suite), "session-sections.md"));
    expect(status).toBe(1);
    expect(rows(result)).toEqual([
      [7, "totalFiles", 4, null, "unverifiable"], // "written in this session": needs --since
      [10, "totalTests", 27, 27, "true"],
      [10, "totalFiles", 4, 4, "true"],
      [11, "noMocksPercent", 100, 92.6, "false"],
      [12, "baseClassPercent", 100, 100, "true"],
      [13, "bvjPercent", 100, 100, "true"],
      [14, "syntaxPercent", 100, 100, "true"],
      [22, "fileTests", 9, 9, "true"],
      [23, "noMocksPercent", 100, 100, "true"], // its "NO MOCKS Policy: ✅"
      [26, "fileTests", 8, 7, "false"],
      [29, "fileTests", 5, 5, "true"],
      [30, "noMocksPercent", 100, 60, "false"], // the ledger file's mocks, found by its own check mark
      [33, "fileTests", 6, 6, "true"],
      [38, "noMocksPercent", 100, 92.6, "false"],
      [39, "noMocksPercent", 100, 92.6, "false"],
      [46, "totalFiles", 4, 4, "true"],
      [47, "totalTests", 27, 27, "true"],
      [48, "totalLines", 400, 380, "approximate"],
    ]);
    expect(result.claims.find((check) => check.line === 30)!.note).toBe("3/5 tests no mock reaches in tests/integration/test_ledger_sync.py");
    // The per-service counts.
    expect(notUnderstood(result)).toEqual([42, 43]);
  });
});

describe("compliance evidence with size violations whose limit is stated elsewhere (evidence-violations.md)", () => {
  const suite: SuiteFile[] = [
    { path: "tests/integration/test_runner_matrix.py", tests: 12, lines: 640 },
    { path: "tests/integration/test_gateway_timeouts.py", tests: 8, lines: 330 },
    { path: "tests/integration/test_cache_vpc.py", tests: 5, lines: 150 },
    { path: "tests/integration/test_auth_edges.py", tests: 6, lines: 200 },
    { path: "tests/integration/test_health_routes.py", tests: 4, lines: 90 },
  ];

  it("checks the test file count in parentheses and every statement of the 2 files over 300 lines", () => {
    const { status, result } = verify(treeWith(suiteTree(suite), "evidence-violations.md"));
    expect(status).toBe(0);
    expect(rows(result)).toEqual([
      [14, "totalFiles", 5, 5, "true"],
      [15, "filesOverLineLimit", 2, 2, "true"],
      [25, "filesOverLineLimit", 2, 2, "true"],
      [29, "fileLines", 640, 640, "true"],
      [32, "filesOverLineLimit", 2, 2, "true"],
    ]);
    expect(result.claims[1]!.note).toBe("audited files over 300 lines (stated on line 27): tests/integration/test_gateway_timeouts.py, tests/integration/test_runner_matrix.py");
    // "Production Code: 100.0% COMPLIANT (412 files)" is about code testaudit does not audit.
    expect(notUnderstood(result)).toEqual([13]);
  });

  it("finds a wrong count of oversized files", () => {
    const { status, result } = verify(treeWith(suiteTree(suite.map((file) => ({ ...file, lines: Math.min(file.lines ?? 0, 300) }))), "evidence-violations.md"));
    expect(status).toBe(1);
    expect(rows(result).filter(([, kind]) => kind === "filesOverLineLimit").map(([, , stated, measured, verdict]) => [stated, measured, verdict])).toEqual([
      [2, 0, "false"],
      [2, 0, "false"],
      [2, 0, "false"],
    ]);
  });
});

describe("proposed fixes, scoped to a change with --since (proposed-fixes.md)", () => {
  function git(cwd: string, ...args: string[]): string {
    return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
  }

  it("measures 'all proposed tests' over the two files the change adds, and the file share over the tree", () => {
    const before: SuiteFile[] = [
      { path: "tests/integration/test_db_pool.py", tests: 8, lines: 350 },
      { path: "tests/integration/test_migrations.py", tests: 6 },
      { path: "tests/integration/test_env_access.py", tests: 4 },
      { path: "tests/integration/test_deploy_config.py", tests: 5 },
    ];
    const folder = treeWith(suiteTree(before), "proposed-fixes.md");
    git(folder, "init", "-q");
    git(folder, "add", "-A");
    git(folder, "commit", "-q", "-m", "baseline");
    const baseline = git(folder, "rev-parse", "HEAD").trim();
    for (const file of [{ path: "tests/integration/test_db_timeouts.py", tests: 3 }, { path: "tests/integration/test_vpc_routes.py", tests: 2, base: false }]) {
      writeFileSync(join(folder, file.path), suiteFileText(file));
    }
    const expected = (proposed: [number | null, string]): [number, string, number, number | null, string][] => [
      [16, "filesOverLineLimit", 1, 1, "true"],
      [20, "baseClassCount", 5, 5, "true"],
      [20, "baseClassPercent", 83.3, 83.3, "true"],
      [21, "baseClassPercent", 100, ...proposed],
      [22, "baseClassPercent", 100, 92.9, "false"],
    ];
    const unscoped = verify(folder);
    expect(rows(unscoped.result)).toEqual(expected([null, "unverifiable"]));
    const scoped = verify(folder, "--since", baseline);
    expect(scoped.status).toBe(1);
    expect(rows(scoped.result)).toEqual(expected([60, "false"]));
    expect(scoped.result.claims[3]!.note).toBe(`3/5 tests reaching the required base over the 2 audited files changed since ${baseline}`);
    // The generic score, and the claims about fixes and "test infrastructure" rather than tests.
    expect(notUnderstood(scoped.result)).toEqual([9, 12, 13]);
  });
});

describe("claims about the code base (codebase-violations.md)", () => {
  const sources = {
    "src/realtime/socket_manager.py": "class SocketManager:\n    pass\n\n\nclass SocketManagerMode:\n    pass\n",
    "src/realtime/unified.py": "from src.realtime.socket_manager import SocketManager\n\n\nclass UnifiedSocketManager(SocketManager):\n    pass\n",
    "src/realtime/pool.py": 'class SocketManager:\n    """A second one."""\n',
    "src/realtime/factory.py": "class SocketManagerFactory:\n    pass\n",
    "src/app/routes.py": "from src.realtime.socket_manager import SocketManager\nfrom src.realtime.factory import SocketManagerFactory\n",
    "src/services/session_service.py": "class SessionService:\n    pass\n",
  };

  it("searches the tree for the identifiers and the class index for their classes", () => {
    const { status, result } = verify(treeWith(suiteTree([{ path: "tests/integration/test_sockets.py", tests: 3 }], sources), "codebase-violations.md"));
    expect(status).toBe(0);
    expect(rows(result)).toEqual([
      [15, "filesReferencing", 5, 4, "true"], // 4 files name SocketManager; grep -l finds 5 (SocketManagerFactory)
      [16, "distinctClasses", 3, 4, "approximate"],
      [17, "filesReferencing", 2, 2, "true"],
      [22, "singleImplementation", 1, 1, "true"],
    ]);
    expect(result.claims[1]!.note).toBe("class names holding SocketManager: SocketManager, SocketManagerFactory, SocketManagerMode, UnifiedSocketManager");
    // A score, a phrase that names no identifier, a target.
    expect(notUnderstood(result)).toEqual([6, 18, 26]);
  });
});

describe("a plain-text run report (plain-text-run.txt)", () => {
  const sources = {
    "src/orchestrator/audit_log.py": '"""Audit log."""\n\n\nclass AuditLog:\n    def write(self, event):\n        return event\n\n    def query(self, kind):\n        return kind\n\n    def stats(self):\n        return {}\n',
    "scripts/integrate_audit.py": "import sys\n\nprint(sys.argv)\n",
    "docs/AUDIT_GUIDE.md": "# Audit guide\n\nRun the tests.\n",
  };
  const suite: SuiteFile[] = [{ path: "tests/integration/test_audit_log.py", tests: 6, failing: 1 }];

  it("leaves the run's claims unverifiable without results, and checks sizes and counts", () => {
    const { status, result } = verify(treeWith(suiteTree(suite, sources), "plain-text-run.txt"));
    expect(status).toBe(1);
    expect(rows(result)).toEqual([
      [7, "allTestsPassed", 100, null, "unverifiable"],
      [14, "totalTestsPassed", 6, null, "unverifiable"],
      [22, "fileBytes", 172, 172, "true"],
      [22, "fileLines", 12, 12, "true"],
      [23, "fileMethods", 3, 3, "true"],
      [26, "fileBytes", 40, 28, "false"],
      [28, "fileTests", 6, 6, "true"],
      [31, "fileBytes", 30, 30, "true"],
      [38, "testDuration", 2, null, "unverifiable"],
      [39, "allTestsPassed", 100, null, "unverifiable"],
      [44, "fileTestsPassed", 6, null, "unverifiable"],
    ]);
    expect(notUnderstood(result)).toEqual([]);
  });

  it("finds 'ALL TESTS PASSED' false against a real pytest run with a failing test", () => {
    const folder = treeWith(suiteTree(suite, sources), "plain-text-run.txt");
    const run = spawnSync("/usr/bin/python3", ["-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=junit.xml", "tests"], { cwd: folder, encoding: "utf8" });
    expect(run.stdout).toContain("1 failed, 5 passed");
    const { result } = verify(folder, "--results", "junit.xml");
    expect(rows(result).filter(([, kind]) => kind.includes("Passed"))).toEqual([
      [7, "allTestsPassed", 100, 83.3, "false"],
      [14, "totalTestsPassed", 6, 5, "false"],
      [39, "allTestsPassed", 100, 83.3, "false"],
      [44, "fileTestsPassed", 6, 5, "false"],
    ]);
    expect(result.claims.find((check) => check.line === 44)!.note).toBe("5 passed, 1 failed, 0 errors, 0 skipped of 6 in the results");
  });
});
