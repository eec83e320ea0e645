/** A line's leading label ("Total Tests:", "Files over 300 lines:") and what it says the number after it counts. */
import { labelLineLimit } from "./limits.js";
import { allIn, someIn, wordsOf, type Tok } from "./tokens.js";
import {
  FILE_LABEL_VOCAB, LINES_LABEL_VOCAB, NEUTRAL_LABELS, PASSED_LABEL_VOCAB, PASSED_WORDS, SIZE_LABEL_VOCAB,
  TEST_LABEL_VOCAB, TEST_WORDS,
} from "./vocabulary.js";

/** "neutral" labels say nothing of what the number counts; "other" ones say it counts something else. */
type LabelKind = "testCount" | "passed" | "files" | "lines" | "size" | "neutral" | "other";

export interface Label {
  /** Index of the ":" that ends the label. */
  end: number;
  kind: LabelKind;
  /** For a "Files over 300 lines:" label: the limit. */
  limit?: number;
}

/** The label made of toks[0, end), where toks[end] is its ":". */
export function classifyLabel(toks: readonly Tok[], end: number): Label {
  const overLimit = labelLineLimit(toks, end);
  if (overLimit !== null) {
    return { end, kind: "other", limit: overLimit };
  }
  const words = wordsOf(toks, 0, end);
  if (words === null || words.length === 0) {
    return { end, kind: "other" };
  }
  if (someIn(words, TEST_WORDS) && allIn(words, TEST_LABEL_VOCAB) && !(words.includes("file"))) {
    return { end, kind: "testCount" };
  }
  if (someIn(words, PASSED_WORDS) && allIn(words, PASSED_LABEL_VOCAB)) {
    return { end, kind: "passed" };
  }
  if ((words.includes("files") || words.includes("file")) && allIn(words, FILE_LABEL_VOCAB)) {
    return { end, kind: "files" };
  }
  if ((words.includes("lines") || words.includes("loc") || words.includes("sloc") || words.includes("line")) && allIn(words, LINES_LABEL_VOCAB)) {
    return { end, kind: "lines" };
  }
  if ((words.includes("size") || words.includes("length")) && allIn(words, SIZE_LABEL_VOCAB)) {
    return { end, kind: "size" };
  }
  if (allIn(words, NEUTRAL_LABELS)) {
    return { end, kind: "neutral" };
  }
  return { end, kind: "other" };
}
