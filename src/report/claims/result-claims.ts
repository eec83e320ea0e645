/**
 * Claims about a test run rather than the code: "6/6 tests passed" about the whole suite, "ALL TESTS
 * PASSED", "Execution Time: ~2 seconds". Code alone cannot check them; test results can (--results).
 * "N/M tests passed" about one file is read with the file's other claims (file-claims.ts).
 */
import { passedRatioAt } from "./count-phrases.js";
import { approxAt } from "./counts.js";
import type { Line } from "./line.js";
import { parseNumber } from "./numbers.js";
import { subjectAt } from "./policy-words.js";
import type { Sink } from "./sink.js";
import { allIn, isPunctIn, isWordIn, someIn, wordsOf, type Tok } from "./tokens.js";
import {
  BEFORE_ALL_OK, CLAUSE_BREAK, DURATION_LABEL_KEY, DURATION_LABEL_VOCAB, MILLIS_WORDS, MINUTES_WORDS, PASSED_FILLER,
  PASSED_VERBS, SECONDS_WORDS,
} from "./vocabulary.js";

const ALL: ReadonlySet<string> = new Set(["all", "every"]);

/** "~2 seconds", "2.5s", "350 ms" at `j` → seconds, or null. */
function durationAt(toks: readonly Tok[], j: number): { seconds: number; num: number } | null {
  const t = toks[j];
  if (t === undefined) {
    return null;
  }
  if (t.kind === "num") {
    const unit = toks[j + 1];
    const scale = isWordIn(unit, SECONDS_WORDS) ? 1 : isWordIn(unit, MINUTES_WORDS) ? 60 : isWordIn(unit, MILLIS_WORDS) ? 0.001 : 0;
    return scale === 0 ? null : { seconds: t.value * scale, num: j };
  }
  if (t.kind === "word") {
    // "2.5s", "350ms", "2m": the tokenizer keeps a number and its unit together.
    let digits = 0;
    while (digits < t.low.length && ((t.low.charCodeAt(digits) >= 48 && t.low.charCodeAt(digits) <= 57) || t.low[digits] === ".")) {
      digits += 1;
    }
    const value = parseNumber(t.low.slice(0, digits));
    const unit = t.low.slice(digits);
    const scale = unit === "s" ? 1 : unit === "ms" ? 0.001 : unit === "m" || unit === "min" ? 60 : 0;
    return value === null || scale === 0 ? null : { seconds: value.value * scale, num: j };
  }
  return null;
}

/** `file`: the test file the line is about (its section's), or undefined for the suite. */
export function resultClaims(line: Line, file: string | undefined, inFileSection: boolean, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const label = line.label;
  if (label !== null) {
    const words = wordsOf(toks, 0, label.end);
    if (words !== null && words.length > 0 && someIn(words, DURATION_LABEL_KEY) && allIn(words, DURATION_LABEL_VOCAB)) {
      const hedge = approxAt(toks, label.end + 1);
      const duration = durationAt(toks, label.end + 1 + hedge);
      if (duration !== null) {
        sink.add(line, duration.num, "testDuration", Math.round(duration.seconds * 1000) / 1000, hedge > 0, { file });
        used[duration.num] = 1;
      }
      return;
    }
  }
  if (!inFileSection) {
    const bare = label?.kind === "passed";
    for (let k = label === null ? 0 : label.end + 1; k < toks.length; k += 1) {
      const t = toks[k]!;
      if ((t.kind === "ratio" || t.kind === "num") && !used[k]) {
        const pr = passedRatioAt(toks, k, bare);
        if (pr !== null) {
          sink.add(line, pr.num, "totalTestsPassed", pr.n, pr.approx, { total: pr.m });
          used[pr.num] = 1;
          k = pr.next - 1;
        }
      }
    }
  }
  for (let a = 0; a < toks.length; a += 1) {
    if (!isWordIn(toks[a], ALL)) {
      continue;
    }
    const prev = toks[a - 1];
    if (!(prev === undefined || isPunctIn(prev, CLAUSE_BREAK) || isWordIn(prev, BEFORE_ALL_OK))) {
      continue;
    }
    let k = subjectAt(toks, a + 1);
    if (k < 0) {
      continue;
    }
    while (isWordIn(toks[k], PASSED_FILLER)) {
      k += 1;
    }
    if (isWordIn(toks[k], PASSED_VERBS)) {
      sink.add(line, a, "allTestsPassed", 100, false, { file });
    }
  }
}
