/**
 * Totals in parentheses after what they count: "Test Infrastructure: 95.8% compliant (287 files)",
 * "Test Methods (171)", "Integration tests (64 tests)". The words before the parenthesis must say the
 * count is of the suite's tests or test files, nothing narrower ("Real System Code (866 files)" and
 * "Auth Service (34 tests)" are no claims).
 */
import { filesNounAt, testNounAt } from "./count-phrases.js";
import { countAt } from "./counts.js";
import type { Line } from "./line.js";
import type { Sink } from "./sink.js";
import { allIn, isPunct, someIn, type Tok } from "./tokens.js";
import { PAREN_SUBJECT_VOCAB, TEST_WORDS } from "./vocabulary.js";

/** The words of toks[0, end) past numbers, percentages and punctuation. */
function subjectWords(toks: readonly Tok[], end: number): string[] {
  const words: string[] = [];
  for (let k = 0; k < end; k += 1) {
    const t = toks[k]!;
    if (t.kind === "word") {
      words.push(t.low);
    } else if (t.kind === "file" || t.kind === "ratio") {
      return [];
    }
  }
  return words;
}

export function parenClaims(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  for (let k = 0; k < toks.length; k += 1) {
    if (!isPunct(toks[k], "(")) {
      continue;
    }
    const c = countAt(toks, k + 1);
    if (c === null || used[c.num]) {
      return;
    }
    const words = subjectWords(toks, k);
    if (words.length === 0 || !someIn(words, TEST_WORDS) || !allIn(words, PAREN_SUBJECT_VOCAB)) {
      return;
    }
    const tests = testNounAt(toks, c.next);
    const files = tests < 0 ? filesNounAt(toks, c.next, false) : -1;
    const close = tests >= 0 ? tests : files >= 0 ? files : c.next;
    if (!isPunct(toks[close], ")")) {
      return;
    }
    const countsFiles = files >= 0 || (tests < 0 && (words.includes("files") || words.includes("file")));
    sink.add(line, c.num, countsFiles ? "totalFiles" : "totalTests", c.value, c.approx);
    used[c.num] = 1;
    return;
  }
}
