/** What `extractClaims` returns: one number a report states about the suite, and where it says it. */

export type ClaimKind =
  | "fileTests" // tests in a named file: "### 3. tests/integration/test_db.py" ... "**Test Methods:** 18 tests"; "test_db.py: 18 tests"; table rows
  | "fileTestsPassed" // "N/M tests passed" for a named test file (M is the claimed test count)
  | "totalTests" // "171 individual test methods", "171 tests across 11 files" (also yields totalFiles)
  | "totalFiles" // "across 11 files", "11 integration test files"
  | "noMocksPercent" // "100% NO MOCKS compliance", "95% of tests use real services (no mocks)"
  | "baseClassPercent" // "100% SSOT compliance - all tests inherit from SSotBaseTestCase", "... base class ..."
  | "bvjPercent" // "100% BVJ compliance", "every test includes a Business Value Justification" (= 100)
  | "fileLines" // "test_x.py (412 lines)", "test_x.py: 412 lines"
  | "filesOverLineLimit"; // "12 test files exceed the 300 line limit" (value 12, limit 300)

export interface Claim {
  kind: ClaimKind;
  line: number; // 1-based line in the report where the number is stated
  text: string; // the claim's source line, trimmed
  stated: number; // the number stated (percent as 0..100)
  approximate: boolean; // the report hedged it: "~18", "about 18", "approximately", "≈", "18+"
  file?: string; // for per-file claims: the path or file name as written
  limit?: number; // for filesOverLineLimit: the line limit
  total?: number; // for fileTestsPassed: M in "N/M"
  baseClass?: string; // for baseClassPercent when a class is named ("SSotBaseTestCase")
}
