/**
 * The skip marks the model reads (CollectedTest.skips, skipped, skipReason), against pytest itself: in a
 * tree of harmless test files where every mark applies (conditions hold), Debian's pytest 7.2 runs the
 * tests and says which it skipped and why, and which it ran as expected failures and why; the model must
 * say the same from the files' text. Marks are resolved through imports (`from unittest import skip as
 * sk`, `from pytest import mark`), and come from decorators, `pytestmark`, classes, base classes in
 * another file, and skip calls in a test's body.
 */
import dedent from "dedent";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CollectedTest, TestFileModel } from "../../src/index.js";
import { pytestOutcomes, type PytestOutcome } from "../pytest-oracle.js";
import { lintWithModel } from "../rule-tester.js";
import { writeTree } from "../temp-tree.js";

const FILES = {
  "tests/__init__.py": "",
  "tests/base.py": dedent`
    import unittest


    @unittest.skip("the base class is skipped")
    class SkippedChecks:
        def test_inherited(self):
            pass
  `,
  "tests/test_marks.py": dedent`
    import unittest

    import pytest as pt
    from pytest import mark
    from unittest import skip as sk


    def skip(reason):
        return lambda function: function


    @skip("not a skip")
    def test_own_decorator():
        pass


    def test_plain():
        pass


    @pt.mark.skip
    def test_bare():
        pass


    @mark.skip("positional")
    def test_positional():
        pass


    @mark.skipif(True, reason="condition holds")
    def test_skipif():
        pass


    @mark.xfail(reason="bug 1234")
    def test_xfail():
        assert False


    def test_body_skip():
        pt.skip("skipped in the body")


    def test_body_xfail():
        if True:
            pt.xfail("expected to fail in the body")


    class TestUnittest(unittest.TestCase):
        @sk("aliased unittest skip")
        def test_alias(self):
            pass

        @unittest.skipIf(True, "skipIf holds")
        def test_skip_if(self):
            pass

        @unittest.skipUnless(False, "skipUnless fails")
        def test_skip_unless(self):
            pass

        @unittest.expectedFailure
        def test_expected_failure(self):
            self.fail("fails")

        def test_skip_test(self):
            self.skipTest("skipTest in the body")

        def test_raise_skip(self):
            raise unittest.SkipTest("raised SkipTest")


    @unittest.skip("skipped class")
    class TestSkippedClass(unittest.TestCase):
        def test_a(self):
            pass


    class TestSubclassOfSkipped(TestSkippedClass):
        def test_b(self):
            pass


    class TestPytestmark:
        pytestmark = mark.skip(reason="class pytestmark")

        def test_c(self):
            pass
  `,
  "tests/test_module_mark.py": dedent`
    import pytest

    pytestmark = [pytest.mark.usefixtures(), pytest.mark.skip(reason="the whole module")]


    def test_d():
        pass


    class TestE:
        def test_e(self):
            pass
  `,
  "tests/test_inherits.py": dedent`
    import unittest

    from tests.base import SkippedChecks


    class TestOrders(SkippedChecks, unittest.TestCase):
        def test_own(self):
            pass
  `,
};

/** pytest's message for a skip mark that gives no reason. */
const DEFAULT_REASONS: Record<string, string> = { "pytest.mark.skip": "unconditional skip" };

const root = writeTree(FILES, "testaudit-skip-marks-");
const scratch = mkdtempSync(join(tmpdir(), "testaudit-skip-oracle-"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** The model of the tree's file at `path` (relative), as the rules get it. */
function modelOf(path: string): TestFileModel {
  const { messages, model } = lintWithModel(readFileSync(join(root, path), "utf8"), join(root, path), "max-tests-per-file", { max: 100 }, root);
  expect(messages).toEqual([]);
  return model;
}

/** What pytest should do with `test`, by its marks. */
function predicted(test: CollectedTest): PytestOutcome {
  const skip = test.skips.find((mark) => mark.kind === "skip");
  if (skip) {
    return { outcome: "skipped", reason: skip.reason ?? DEFAULT_REASONS[skip.api] ?? `(${skip.api} without a reason)` };
  }
  const xfail = test.skips.find((mark) => mark.kind === "xfail");
  return xfail ? { outcome: "xfailed", reason: xfail.reason ?? "" } : { outcome: "ran", reason: "" };
}

describe("skip marks, against pytest 7.2", () => {
  const testFiles = Object.keys(FILES).filter((path) => /\/test_[^/]*\.py$/u.test(path));

  it("skips and expects to fail the tests pytest does, with pytest's reasons", async () => {
    const fromPytest = await pytestOutcomes(root, scratch);
    const fromModel: Record<string, PytestOutcome> = {};
    for (const path of testFiles) {
      for (const test of modelOf(path).tests) {
        fromModel[`${path}::${test.id}`] = predicted(test);
      }
    }
    expect(Object.keys(fromModel)).toHaveLength(22);
    expect(fromModel).toEqual(fromPytest);
  }, 60_000);

  it("exposes the reason of the nearest skip, and marks skipped only what a decorator, a group or the module skips", () => {
    const tests = new Map(modelOf("tests/test_marks.py").tests.map((test) => [test.id, test]));
    const facts = (id: string): Pick<CollectedTest, "skipped" | "skipReason"> => ({ skipped: tests.get(id)!.skipped, skipReason: tests.get(id)!.skipReason });
    expect(facts("test_own_decorator")).toEqual({ skipped: false, skipReason: null });
    expect(facts("test_bare")).toEqual({ skipped: true, skipReason: null });
    expect(facts("test_skipif")).toEqual({ skipped: true, skipReason: "condition holds" });
    expect(facts("test_xfail")).toEqual({ skipped: false, skipReason: null });
    // A skip call in the body skips when the test runs: the test is not declared skipped, but has a reason.
    expect(facts("test_body_skip")).toEqual({ skipped: false, skipReason: "skipped in the body" });
    expect(facts("TestSubclassOfSkipped::test_b")).toEqual({ skipped: true, skipReason: "skipped class" });
    expect(tests.get("test_body_xfail")!.skips.map(({ api, conditional, scope }) => ({ api, conditional, scope }))).toEqual([{ api: "pytest.xfail", conditional: true, scope: "body" }]);
  });

  it("marks a base class's mark of another file with that file's path, and shares one mark among the tests it applies to", () => {
    const [inherited, own] = modelOf("tests/test_inherits.py").tests;
    expect(inherited?.id).toBe("TestOrders::test_inherited");
    expect(own?.id).toBe("TestOrders::test_own");
    expect(inherited?.skips[0]?.path).toBe(join(root, "tests/base.py"));
    expect(inherited?.skips[0]?.loc.start.line).toBe(4);
    expect(own?.skips[0]).toBe(inherited?.skips[0]);
  });
});
