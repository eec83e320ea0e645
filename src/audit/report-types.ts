/**
 * The audit report: what `testaudit` measures, per file, per test and in total. `--format json` prints
 * this object. A change that removes or renames a field
 * raises `schemaVersion`.
 */
export const AUDIT_SCHEMA_VERSION = 3;

/** A policy's key in verdicts and totals (`noMocks`): the `key` of its registry entry. */
export type PolicyName = string;

/** A policy as the report names it: what every format shows for it, without the registry at hand. */
export interface PolicyReport {
  key: PolicyName;
  /** `testaudit/no-mocks`. */
  ruleId: string;
  label: string;
  /** The rule's one-line description and its doc page. */
  description: string;
  url: string;
  /** Whether each test gets a verdict, or only whole files do. */
  judgesTests: boolean;
  /** Whether files without tests are judged too. */
  judgesFilesWithoutTests: boolean;
}

/** Compliance per policy: true, false, or null where the policy's rule is off for the file (or, for a test, where the policy judges files only). */
export type PolicyVerdicts = Record<PolicyName, boolean | null>;

/** Per policy: whether a `false` verdict is exempted (silenced by a directive, the suppressions file, an ignore or a narrower config). */
export type PolicyExemptions = Record<PolicyName, boolean>;

/**
 * How a finding or a file was exempted from the gate: an inline `eslint-disable` directive, an inline
 * `eslint` config comment that turns the rule off or relaxes it, the bulk suppressions file, a config that ignores the test file, or a nested config that turns the policy's
 * rule off where the root config has it on.
 */
export type ExemptionKind = "directive" | "inlineConfig" | "suppressionsFile" | "ignore" | "narrowerConfig";

export interface ExemptionReport {
  kind: ExemptionKind;
  ruleId: string;
  policy: PolicyName;
  /** The silenced finding's line; null when the whole file is exempted and no finding marks a line. */
  line: number | null;
  /** The silenced finding's message; null with `line`. */
  message: string | null;
  /** A directive's or config comment's text after `--`; null when it gives none, and for the other kinds. */
  justification: string | null;
  /** The file that exempts: the suppressions file, or the config that ignores or narrows; null for a comment in the file. */
  source: string | null;
}

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
  /** Why it is skipped (or expected to fail), as its nearest skip mark says; null when it gives no reason or is not skipped. */
  skipReason: string | null;
  todo: boolean;
  parametrized: boolean;
  /** Where the nearest mock that reaches the test is, and what it is reached through; null for none. */
  mockReach: MockReachReport | null;
  bvj: "complete" | "incomplete" | "missing" | null;
  compliant: PolicyVerdicts;
  exempted: PolicyExemptions;
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
  /** The config file ESLint's own lookup gives this file (or `--config`); null when none does. */
  config: string | null;
  /** The file did not parse: no tests could be read from it (not "0 tests"). */
  parseError: { line: number; column: number; message: string } | null;
  /** The file could not be read (unreadable, vanished during the run, a dangling symlink): nothing is known of it. */
  readError: { code: string; message: string } | null;
  tests: TestReport[];
  classes: ClassReport[];
  mocks: MockUseReport[];
  violations: ViolationReport[];
  compliant: PolicyVerdicts;
  exempted: PolicyExemptions;
  /** Every silenced finding of a testaudit rule, and every policy the whole file is exempted from. */
  exemptions: ExemptionReport[];
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
  filesWithReadErrors: number;
  tests: number;
  skipped: number;
  todo: number;
  violations: number;
  /** Exemption entries of all files (what `--max-exemptions` counts). */
  exemptions: number;
  /** Compliant / checked, and how many of the non-compliant files and tests are exempted. */
  policies: Record<PolicyName, { files: Ratio; tests: Ratio; exempted: { files: number; tests: number } }>;
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

/** A config file below the root that ESLint's lookup gives some audited files (a finding unless allowed). */
export interface NestedConfigReport {
  path: string;
  /** How many audited files it governs. */
  files: number;
  /** Whether the audit used it (`--allow-nested-config`); otherwise its files were audited with the root config and the config was never loaded. */
  used: boolean;
}

/** A path the audit did not read: a FIFO, socket or device, or a symlink that leaves the project root. */
export interface SkippedReport {
  path: string;
  reason: "fifo" | "socket" | "device" | "outsideRoot";
}

/** What makes shard reports mergeable: which part of which run a report is. */
export interface RunReport {
  /** I/N of `--shard I/N`; null for an unsharded or merged report. */
  shard: { index: number; count: number } | null;
  /** A digest of the tool version, the options and every file's config and rule options: equal for the shards of one run. */
  fingerprint: string;
  /** The files this report audited, sorted. */
  files: string[];
  /** How many files the whole run audits, and a digest of their sorted paths: what the merged shards must add up to. */
  allFiles: { count: number; digest: string };
}

export interface AuditReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  cwd: string;
  run: RunReport;
  /** The policies judged, in the registry's order: the keys of every verdict and total. */
  policies: PolicyReport[];
  /** The config governing the working directory (`--config`, or ESLint's lookup from it); null for none. */
  rootConfig: string | null;
  nestedConfigs: NestedConfigReport[];
  skipped: SkippedReport[];
  files: FileReport[];
  totals: Totals;
  groups: GroupReport[];
  crossFile: CrossFileFindings;
}
