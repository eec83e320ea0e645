/**
 * The file-length policy over a test-file model: at most `max` lines, counted as ESLint core's
 * `max-lines` counts them, optionally leaving out blank lines and lines of comments only (Python:
 * docstrings too). Shared by the `max-lines` rule, the CLI's audit and `verify`'s line-limit claims.
 */
import { BLANK_LINE, COMMENT_LINE } from "../model/line-kinds.js";
import type { TestFileModel } from "../model/test-file-model.js";
import type { PolicyJudgement } from "./judgement.js";

export interface LineCountOptions {
  skipBlankLines: boolean;
  skipComments: boolean;
}

export interface MaxLinesOptions extends LineCountOptions {
  max: number;
}

export const DEFAULT_MAX_LINES_OPTIONS: MaxLinesOptions = { max: 300, skipBlankLines: false, skipComments: false };

/** The kinds of line the options leave out of the count. */
function skippedKinds(options: LineCountOptions): number {
  return (options.skipBlankLines ? BLANK_LINE : 0) | (options.skipComments ? COMMENT_LINE : 0);
}

/** How many lines of the file count under `options`. */
export function countLines(model: Pick<TestFileModel, "lineKinds">, options: LineCountOptions): number {
  const skipped = skippedKinds(options);
  if (skipped === 0) {
    return model.lineKinds.length;
  }
  let count = 0;
  for (const kind of model.lineKinds) {
    if ((kind & skipped) === 0) {
      count += 1;
    }
  }
  return count;
}

export interface MaxLinesFinding {
  /** The first counted line past the limit, where the rule reports. */
  line: number;
  /** How many lines count. */
  actual: number;
}

/** The file's finding when more than `max` lines count, or null. */
export function findMaxLinesViolation(model: Pick<TestFileModel, "lineKinds">, options: MaxLinesOptions): MaxLinesFinding | null {
  const skipped = skippedKinds(options);
  let count = 0;
  let firstBeyond = 0;
  model.lineKinds.forEach((kind, index) => {
    if ((kind & skipped) === 0) {
      count += 1;
      if (count === options.max + 1) {
        firstBeyond = index + 1;
      }
    }
  });
  return count > options.max ? { line: firstBeyond, actual: count } : null;
}

/** File-only: the file complies when at most `max` lines count; the site is the first line past the limit. */
export function judgeMaxLines(model: TestFileModel, options: MaxLinesOptions): PolicyJudgement {
  const finding = findMaxLinesViolation(model, options);
  return { compliant: finding === null, sites: finding ? [finding.line] : [], tests: null };
}
