/**
 * The no-test-doubles policy over a test-file model: classes that stand in for real services (named like
 * a fake, or inheriting from a mocking library's class) defined in a test file or imported into it from
 * the project, the places they are instantiated, and calls of the project's mock factories; and, per
 * test, the nearest such use that reaches it through the code that runs around it (the mock trace).
 * Shared by the `no-test-doubles` rule and the CLI's audit.
 */
import type { Loc, MockFacts, MockLister, NamedCall, ProjectClass, TestFileModel } from "../model/test-file-model.js";
import type { JudgeContext, PolicyVerdict } from "./policy.js";
import { reachJudgement } from "./judgement.js";

export interface TestDoublePolicyOptions {
  /** Regular expressions (source text) a stand-in class's name matches. */
  patterns: readonly string[];
  /** The project's mock factories, plain or dotted names: their calls, and calls of their methods, are uses of doubles. */
  factories: readonly string[];
}

export const DEFAULT_TEST_DOUBLE_PATTERNS: readonly string[] = ["^(Mock|Fake|Stub|Dummy|Spy)[A-Z]", "[a-z](Mock|Fake|Stub)$"];

export const DEFAULT_TEST_DOUBLE_OPTIONS: TestDoublePolicyOptions = { patterns: DEFAULT_TEST_DOUBLE_PATTERNS, factories: [] };

export type TestDoubleFindingKind = "doubleClass" | "doubleImport" | "doubleUse" | "factoryCall";

export interface TestDoubleFinding {
  kind: TestDoubleFindingKind;
  loc: Loc;
  /** What the message names: `name` as written; `cls` and `reason` for a class, `factory` for a factory call. */
  data: Record<string, string>;
}

/** The options compiled once: the patterns as regular expressions. */
interface CompiledOptions {
  patterns: readonly RegExp[];
  factories: readonly (readonly string[])[];
}

const compiled = new Map<string, CompiledOptions>();

function optionsKey(options: TestDoublePolicyOptions): string {
  return JSON.stringify([options.patterns, options.factories]);
}

function compile(options: TestDoublePolicyOptions): CompiledOptions {
  const key = optionsKey(options);
  let found = compiled.get(key);
  if (!found) {
    // No flags: the rule's schema (`format: "regex"`) checks each pattern compiles that way.
    found = { patterns: options.patterns.map((pattern) => new RegExp(pattern)), factories: options.factories.map((factory) => factory.split(".")) };
    compiled.set(key, found);
  }
  return found;
}

/** Why `cls` stands in for something real, or null when it does not (a test class never does). */
function doubleReason(cls: ProjectClass, options: CompiledOptions): string | null {
  if (cls.testClass) {
    return null;
  }
  if (cls.mockBase !== null) {
    return `it inherits from '${cls.mockBase}'`;
  }
  const pattern = options.patterns.find((candidate) => candidate.test(cls.name));
  return pattern ? `its name matches /${pattern.source}/` : null;
}

/** Whether the segments of `run` appear, in order and whole, in the dotted `name`. */
function holdsSegments(name: string, run: readonly string[]): boolean {
  const segments = name.split(".");
  for (let start = 0; start + run.length <= segments.length; start++) {
    if (run.every((segment, offset) => segments[start + offset] === segment)) {
      return true;
    }
  }
  return false;
}

/** The factory a call calls (itself or a method of it), by its name as written or through its import. */
function factoryOf(call: NamedCall, options: CompiledOptions): string | null {
  const factory = options.factories.find((run) => holdsSegments(call.written, run) || holdsSegments(call.qualifiedName, run));
  return factory ? factory.join(".") : null;
}

/** What a call is under the policy: an instance of a double, a factory call, or nothing. */
function callFinding(call: NamedCall, options: CompiledOptions): TestDoubleFinding | null {
  const reason = call.cls ? doubleReason(call.cls, options) : null;
  if (call.cls && reason !== null) {
    return { kind: "doubleUse", loc: call.loc, data: { name: call.written, cls: call.cls.name, reason } };
  }
  const factory = factoryOf(call, options);
  return factory === null ? null : { kind: "factoryCall", loc: call.loc, data: { name: call.written, factory } };
}

/** Every finding of the file, in source order (several may share a line). */
export function findTestDoubles(model: TestFileModel, options: TestDoublePolicyOptions): TestDoubleFinding[] {
  const compiledOptions = compile(options);
  const findings: TestDoubleFinding[] = [];
  for (const site of model.classSites()) {
    const reason = doubleReason(site.cls, compiledOptions);
    if (reason !== null) {
      findings.push({ kind: site.kind === "definition" ? "doubleClass" : "doubleImport", loc: site.loc, data: { name: site.written, cls: site.cls.name, reason } });
    }
  }
  for (const call of model.namedCalls()) {
    const finding = callFinding(call, compiledOptions);
    if (finding) {
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
}

/** The listers handed out so far, one per set of options. */
const listers = new Map<string, MockLister>();

/**
 * What a model's mock trace looks for under the policy `options`: the uses of doubles (instances made,
 * factories called) in a module's facts. The same options always get the same function, and a model
 * traces once per function: the rule and the CLI's audit share one trace of a file.
 */
export function reachingTestDoubles(options: TestDoublePolicyOptions): MockLister {
  const key = optionsKey(options);
  let lister = listers.get(key);
  if (!lister) {
    const compiledOptions = compile(options);
    lister = (facts: MockFacts) =>
      facts.namedCalls().flatMap((call) => {
        const finding = callFinding(call, compiledOptions);
        return finding ? [{ loc: finding.loc, name: call.written }] : [];
      });
    listers.set(key, lister);
  }
  return lister;
}

/**
 * The policy's verdicts: a test is compliant when no use of a double reaches it; the file when it also
 * holds no finding. A test's site is the use's line when it is in this file (reported there), else the
 * test's name (where the rule reports a use from another file).
 */
export function judgeTestDoubles(model: TestFileModel, options: TestDoublePolicyOptions, { path }: Pick<JudgeContext, "path">): PolicyVerdict {
  const findings = findTestDoubles(model, options);
  const traces = model.traceMocks(reachingTestDoubles(options));
  const reaches = model.tests.map((test) => {
    const reach = traces.get(test) ?? null;
    return reach && { path: reach.mock.path, line: reach.mock.loc.start.line };
  });
  return reachJudgement(path, findings.map((finding) => finding.loc.start.line), model.tests, reaches);
}
