/**
 * The tests-per-file policy: a file holds at most `max` collected tests. Shared by the
 * `max-tests-per-file` rule and the CLI's audit.
 */
import type { CollectedTest, TestFileModel } from "../model/test-file-model.js";
import type { PolicyVerdict } from "./policy.js";

export interface MaxTestsOptions {
  max: number;
}

/** The first test past the limit, where the rule reports, so the finding stays on one stable line; undefined within it. */
export function firstTestBeyond(model: TestFileModel, { max }: MaxTestsOptions): CollectedTest | undefined {
  return model.tests[max];
}

/** A verdict of the file only: the limit is the file's, no test breaks it alone. */
export function judgeMaxTests(model: TestFileModel, options: MaxTestsOptions): PolicyVerdict {
  const beyond = firstTestBeyond(model, options);
  return { compliant: beyond === undefined, sites: beyond ? [beyond.nameLoc.start.line] : [], tests: null };
}
