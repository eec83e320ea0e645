/** What `extractClaims` returns: one number a report states about the suite, and where it says it. */

export type ClaimKind =
  | "fileTests" // tests in a named file: "### 3. tests/integration/test_db.py" ... "**Test Methods:** 18 tests"; "test_db.py: 18 tests"; table rows
  | "fileTestsPassed" // "N/M tests passed" for a named test file (needs test results)
  | "totalTests" // "171 individual test methods", "171 tests across 11 files" (also yields totalFiles), "Test Methods (171)"
  | "totalFiles" // "across 11 files", "11 integration test files", "Test infrastructure (287 files)"
  | "totalTestsPassed" // "6/6 tests passed" about the whole suite (needs test results)
  | "allTestsPassed" // "ALL TESTS PASSED", "all tests pass" (stated 100, percent passed; needs test results)
  | "testDuration" // "Execution Time: ~2 seconds" (seconds; needs test results)
  | "noMocksPercent" // "100% NO MOCKS compliance", "95% of tests use real services (no mocks)", "Zero mocks anywhere"
  | "baseClassPercent" // "100% SSOT compliance - all tests inherit from SSotBaseTestCase", "... base class ..."
  | "bvjPercent" // "100% BVJ compliance", "every test includes a Business Value Justification" (= 100)
  | "noMocksCount" // "27/27 tests mock-free" (stated 27, total 27), "12 test files are mock-free"
  | "baseClassCount" // "293 test files using SSOT patterns (95.9%)" (the count; the percentage is a baseClassPercent of files)
  | "bvjCount" // "40 tests carry a BVJ block"
  | "syntaxPercent" // "All files compile without errors", "100% syntax validation" (files that parse)
  | "fileLines" // "test_x.py (412 lines)", "test_x.py: 412 lines"
  | "totalLines" // "Lines of Code: ~6,200" (lines of the audited files)
  | "filesOverLineLimit" // "12 test files exceed the 300 line limit", "12 test file size issues" (limit stated elsewhere)
  | "fileOverLineLimit" // "tests/test_big.py exceeds the 300-line limit" (stated 1: the file is over)
  | "fileBytes" // "integrate_audit.py (7,520 bytes)", "Size: 12,845 bytes"
  | "fileMethods" // "audit.py ... 12 methods" (def statements in a Python file)
  | "filesReferencing" // "684 files containing `WebSocketManager` references" (files in the tree naming the identifier)
  | "distinctClasses" // "10+ distinct WebSocketManager classes" (class names holding the identifier)
  | "singleImplementation"; // "Single AgentService implementation" (stated 1: files defining a class of that name)

export interface Claim {
  kind: ClaimKind;
  line: number; // 1-based line in the report where the number is stated
  text: string; // the claim's source line, trimmed
  stated: number; // the number stated (percent as 0..100)
  approximate: boolean; // the report hedged it: "~18", "about 18", "approximately", "≈", "18+"
  file?: string; // for per-file claims: the path or file name as written
  limit?: number; // for filesOverLineLimit / fileOverLineLimit: the line limit
  limitLine?: number; // where the limit is stated, when that is another line of the report
  total?: number; // fileTestsPassed, totalTestsPassed, *Count: M in "N/M"
  baseClass?: string; // for baseClassPercent when a class is named ("SSotBaseTestCase")
  identifier?: string; // filesReferencing, distinctClasses, singleImplementation: the name searched for
  of?: "files"; // a policy percentage or count over test files rather than tests
  scope?: "changed"; // the claim is about new, added, proposed or this session's tests
}
