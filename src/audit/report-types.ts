/**
 * The audit report: what `testaudit` measures, per file, per test and in total. `--format json` prints
 * this object. A change that removes or renames a field
 * raises `schemaVersion`.
 */
export const AUDIT_SCHEMA_VERSION = 1;

export type PolicyName = "noMocks" | "baseClass" | "bvj" | "maxTests";

/** Compliance of one policy: true, false, or null where the policy's rule is off for the file. */
export type PolicyVerdicts = Record<PolicyName, boolean | null>;

export interface MockUseReport {
  line: number;
  column: number;
  kind: "mockImport" | "mockUse" | "mockApi" | "mockFixture" | "monkeypatchPatch";
  name: string;
}

/**
 * How a mock reaches a test. `via`: in the test itself ("test"); a helper function or method it calls
 * ("helper"); its class's setup method ("setup") or class body ("class"; in JS/TS, a class-based
 * suite outside its tests); a fixture it requests, defined in the file, imported or in a conftest.py
 * ("fixture"); an autouse fixture ("autouse"); the file's top level ("module"); the top level of a
 * conftest.py or plugin module ("conftest"). In JS/TS, "setup" is a `describe` block holding the test,
 * outside any test (hooks).
 */
export interface MockReachReport {
  via: "test" | "helper" | "setup" | "class" | "fixture" | "autouse" | "module" | "conftest";
  /** The functions, methods and fixtures between the test and the mock, from the test outwards. */
  through: { name: string; path: string; line: number }[];
  /** The mock: where it is used and what it is (paths relative to the working directory). */
  mock: { path: string; line: number; column: number; name: string };
}

export interface TestReport {
  /** `Class::Nested::test_name` (Python) or `describe > inner > title` (JS/TS). */
  id: string;
  name: string;
  line: number;
  className: string | null;
  /** The file and line of the test function's definition when that is another file (inherited from a base class there, or imported); the test's own `line` is then where this file brings it in. */
  definedIn: { path: string; line: number } | null;
  skipped: boolean;
  todo: boolean;
  parametrized: boolean;
  /** Where the nearest mock that reaches the test is, and what it is reached through; null for none. */
  mockReach: MockReachReport | null;
  bvj: "complete" | "incomplete" | "missing" | null;
  compliant: PolicyVerdicts;
}

export interface ClassReport {
  name: string;
  line: number;
  bases: string[];
  tests: number;
  /** Reaches a required base; null when no base is required for the file. */
  reachesBase: boolean | null;
}

export interface ViolationReport {
  ruleId: string;
  line: number;
  column: number;
  severity: 1 | 2;
  message: string;
}

export interface FileReport {
  /** Relative to the working directory, with `/`. */
  path: string;
  language: "python" | "js" | null;
  /** Lines as an editor shows them: a last line without a line end counts, nothing after a final one does. */
  lines: number;
  /** Line feeds, as `wc -l` counts lines: one less than `lines` when the last line has no line end. */
  lineFeeds: number;
  /** The file did not parse: no tests could be read from it (not "0 tests"). */
  parseError: { line: number; column: number; message: string } | null;
  tests: TestReport[];
  classes: ClassReport[];
  mocks: MockUseReport[];
  violations: ViolationReport[];
  compliant: PolicyVerdicts;
}

export interface Ratio {
  compliant: number;
  total: number;
  /** 0–100 with one decimal; null when total is 0. */
  percent: number | null;
}

export interface Totals {
  files: number;
  testFiles: number;
  filesWithParseErrors: number;
  tests: number;
  skipped: number;
  todo: number;
  violations: number;
  policies: Record<PolicyName, { files: Ratio; tests: Ratio }>;
}

export interface GroupReport {
  name: string;
  glob: string;
  totals: Totals;
}

/** A name found in more than one file, with where. */
export interface SharedName {
  name: string;
  places: { path: string; line: number }[];
}

/** What only a view across files shows. */
export interface CrossFileFindings {
  /** Classes of the same name in several files: a single source of truth broken. */
  duplicateClasses: SharedName[];
  /** Test functions of the same name in several files. */
  collidingTests: SharedName[];
}

export interface AuditReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  cwd: string;
  files: FileReport[];
  totals: Totals;
  groups: GroupReport[];
  crossFile: CrossFileFindings;
}
