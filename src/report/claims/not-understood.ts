/**
 * The lines a reader would take for checkable claims but the extractor did not read: a count, a
 * percentage, a ratio or a universal word ("all", "every", "zero", "none") on a line that also speaks
 * of what testaudit measures (tests, test files, mocks, base classes, BVJ blocks, lines, syntax, test
 * results). verify lists them, so that "checked and true" is never confused with "not read".
 */
import { countAt } from "./counts.js";
import type { Line } from "./line.js";
import { baseTestClassName } from "./policy-words.js";
import { isPunct, isWordIn, type Tok } from "./tokens.js";
import { MOCK_FREE, MOCK_WORDS } from "./vocabulary.js";

export interface NotUnderstood {
  line: number;
  /** The line as written, trimmed. */
  text: string;
  /** What made it look checkable: the number or universal word, and the word it spoke of. */
  why: string;
}

const UNIVERSAL: ReadonlySet<string> = new Set(["all", "every", "each", "none", "zero", "no", "never", "fully", "entire", "entirely", "completely"]);

const SUBJECTS: ReadonlySet<string> = new Set([
  "test", "tests", "testcase", "testcases", "test-files", "files", "file", "lines", "line", "loc", "sloc", "methods",
  "classes", "bytes", "passed", "passing", "pass", "failed", "failing", "skipped", "bvj", "bvjs", "justification",
  "inherit", "inherits", "inheriting", "inheritance", "base", "syntax", "compile", "compiles", "ssot", "fakes", "stubs",
  "patch", "patched", "real", "size",
  ...MOCK_WORDS, ...MOCK_FREE,
]);

/** The first number that is a count or a percentage, or the first universal word. */
function quantity(toks: readonly Tok[]): string | null {
  for (let i = 0; i < toks.length; i += 1) {
    const t = toks[i]!;
    if (t.kind === "ratio") {
      return t.text;
    }
    if (t.kind === "num" && (isPunct(toks[i + 1], "%") || countAt(toks, i) !== null)) {
      return isPunct(toks[i + 1], "%") ? `${t.text}%` : t.text;
    }
    if (isWordIn(t, UNIVERSAL)) {
      return t.low;
    }
  }
  return null;
}

function subject(toks: readonly Tok[]): string | null {
  for (const t of toks) {
    if (isWordIn(t, SUBJECTS)) {
      return t.low;
    }
    if (t.kind === "word" && baseTestClassName(t) !== undefined) {
      return t.text;
    }
  }
  return null;
}

/** Why `line` looks like a claim, or null when it does not. */
export function looksCheckable(line: Line): string | null {
  const amount = quantity(line.toks);
  if (amount === null) {
    return null;
  }
  const about = subject(line.toks);
  return about === null ? null : `"${amount}" and "${about}"`;
}
