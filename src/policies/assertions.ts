/**
 * The assertion policy over a test-file model: every collected test must reach an assertion, in its
 * body or in the helpers it calls. Which calls are assertions is decided here: a built-in set per
 * language, plus the `assertFunctions` patterns. Shared by the `require-assertions` rule and the CLI's
 * audit.
 */
import type { AssertionFinder, CallFact, CollectedTest, TestFileModel } from "../model/test-file-model.js";
import type { PolicyJudgement } from "./judgement.js";

export interface AssertionPolicyOptions {
  /** More assertion functions, as patterns on the called name: `*` within a name, `**` across dots. */
  assertFunctions: readonly string[];
  /** Tests an unconditional skip mark applies to are not judged (they do not run). */
  ignoreSkipped: boolean;
}

/** pytest's assertion helpers, by qualified name. */
const PYTHON_ASSERTION_CALLS = new Set(["pytest.raises", "pytest.warns", "pytest.fail", "pytest.deprecated_call"]);

/** Python calls whose name says they assert: `self.assertEqual`, `assert_frame_equal`, `mock.assert_called_once`, `self.fail`, `self.failUnless`. */
const PYTHON_ASSERTION_NAME = /(?:^|\.)assert[^.]*$|^self\.fail[^.]*$/u;

/** JS/TS assertion libraries, as the qualified name of a call starts (`chai.expect`, `node:assert.strictEqual`). */
const JS_ASSERTION_MODULES = new Set(["chai", "assert", "node:assert", "assert/strict", "node:assert/strict", "should", "expect", "power-assert", "uvu/assert"]);

/** JS/TS calls whose written name is an assertion: `expect(...)` (Jest, Vitest, Playwright; `.soft`, `.poll`, `.assertions`), `assert(...)`, `should(...)`. */
const JS_ASSERTION_PATTERNS = ["expect", "assert", "should"];

/** `*` matches within a dotted name's segment, `**` across segments; a pattern also matches the names it is a prefix of by whole segments (`expect` matches `expect.soft`). */
function compilePattern(pattern: string): RegExp {
  const segments = pattern.split(".").map((segment) => (segment === "**" ? ".*" : segment.split("*").map((part) => part.replace(/[\\^$.|?+()[\]{}]/gu, "\\$&")).join("[^.]*")));
  return new RegExp(`^${segments.join("\\.")}(?:\\.|$)`, "u");
}

function moduleOf(qualified: string): string {
  return qualified.split(".", 1)[0]!;
}

function isBuiltInAssertion(language: TestFileModel["language"], call: CallFact, jsPatterns: readonly RegExp[]): boolean {
  if (language === "python") {
    return (call.qualified !== null && PYTHON_ASSERTION_CALLS.has(call.qualified)) || PYTHON_ASSERTION_NAME.test(call.written);
  }
  return jsPatterns.some((pattern) => pattern.test(call.written)) || (call.qualified !== null && JS_ASSERTION_MODULES.has(moduleOf(call.qualified)));
}

const BUILT_IN_JS = JS_ASSERTION_PATTERNS.map(compilePattern);

/** The finders handed out so far, one per language and set of patterns: a model traces once per finder. */
const finders = new Map<string, AssertionFinder>();

/** What a model's assertion trace looks for under the policy: the same language and patterns always get the same function. */
export function assertionFinder(language: TestFileModel["language"], assertFunctions: readonly string[]): AssertionFinder {
  const key = JSON.stringify([language, assertFunctions]);
  let finder = finders.get(key);
  if (!finder) {
    const patterns = assertFunctions.map(compilePattern);
    const matches = (call: CallFact): boolean =>
      isBuiltInAssertion(language, call, BUILT_IN_JS) || patterns.some((pattern) => pattern.test(call.written) || (call.qualified !== null && pattern.test(call.qualified)));
    finder = (facts) => {
      const call = facts.calls.find(matches);
      return facts.assertStatement ?? (call ? { loc: call.loc, name: call.written } : null);
    };
    finders.set(key, finder);
  }
  return finder;
}

/** Whether the policy judges `test`: a `.todo` test has no body yet, and a test skipped unconditionally does not run. */
function isJudged(test: CollectedTest, { ignoreSkipped }: AssertionPolicyOptions): boolean {
  return !test.todo && !(ignoreSkipped && test.skips.some((mark) => mark.kind === "skip" && !mark.conditional));
}

/**
 * The judged tests that reach no assertion, each with the test the rule reports it at. A definition is
 * judged once for all the tests it gives (a method inherited by several classes): it asserts when one of
 * them reaches an assertion, and is reported at the first. A test whose definition cannot be read is not
 * judged.
 */
function unassertedTests(model: TestFileModel, options: AssertionPolicyOptions): Map<CollectedTest, CollectedTest> {
  const traces = model.traceAssertions(assertionFinder(model.language, options.assertFunctions));
  const byDefinition = new Map<object, CollectedTest[]>();
  for (const test of model.tests) {
    if (isJudged(test, options) && traces.has(test)) {
      byDefinition.set(test.definitionKey, [...(byDefinition.get(test.definitionKey) ?? []), test]);
    }
  }
  const unasserted = new Map<CollectedTest, CollectedTest>();
  for (const tests of byDefinition.values()) {
    if (tests.every((test) => traces.get(test) === null)) {
      for (const test of tests) {
        unasserted.set(test, tests[0]!);
      }
    }
  }
  return unasserted;
}

/** The tests the rule reports, at their names, in source order: one per definition. */
export function findTestsWithoutAssertions(model: TestFileModel, options: AssertionPolicyOptions): CollectedTest[] {
  return [...new Set(unassertedTests(model, options).values())];
}

/** Each test is compliant when it reaches an assertion or is not judged; the file when all its tests are. */
export function judgeAssertions(model: TestFileModel, options: AssertionPolicyOptions): PolicyJudgement {
  const unasserted = unassertedTests(model, options);
  const tests = model.tests.map((test) => {
    const reportedAt = unasserted.get(test);
    return reportedAt ? { compliant: false, sites: [reportedAt.nameLoc.start.line] } : { compliant: true, sites: [] };
  });
  const sites = [...new Set(tests.flatMap((test) => test.sites))].sort((a, b) => a - b);
  return { compliant: sites.length === 0, sites, tests };
}
