/** The phrases of a line-limit claim: "exceed", "are over", "the 300-line limit", "the line limit of 300". */
import { parseNumber } from "./numbers.js";
import { isPunct, isWord, isWordIn, type Tok } from "./tokens.js";
import { ARTICLES, FILES_WORDS, LIMIT_LABEL_LEAD, LIMIT_WORDS, OVER_FILLER, OVER_PAIRS, OVER_WORDS } from "./vocabulary.js";

/** "exceed", "are over", "with more than" at `j` → the index after, or -1. */
export function overPhraseAt(toks: readonly Tok[], j: number): number {
  let k = j;
  while (k < j + 3 && isWordIn(toks[k], OVER_FILLER)) {
    k += 1;
  }
  const t = toks[k];
  if (isWordIn(t, OVER_WORDS)) {
    return k + 1;
  }
  if (isPunct(t, ">")) {
    return isPunct(toks[k + 1], "=") ? k + 2 : k + 1;
  }
  if (isWordIn(t, OVER_PAIRS) && isWord(toks[k + 1], "than")) {
    return k + 2;
  }
  return -1;
}

/** "300 lines", "the 300-line limit", "the line limit of 300", "the limit (300 lines)" at `j`. */
export function limitSpecAt(toks: readonly Tok[], j: number): { limit: number; next: number } | null {
  let k = j;
  while (k < j + 2 && isWordIn(toks[k], ARTICLES)) {
    k += 1;
  }
  const t = toks[k];
  if (t === undefined) {
    return null;
  }
  const skipLimitWord = (i: number): number => (isWordIn(toks[i], LIMIT_WORDS) ? i + 1 : i);
  if (t.kind === "num" && t.int && t.value > 0) {
    const n = toks[k + 1];
    if (isWord(n, "line") || isWord(n, "lines") || isWord(n, "loc")) {
      return { limit: t.value, next: skipLimitWord(k + 2) };
    }
    if (isPunct(n, "-") && !n!.space && (isWord(toks[k + 2], "line") || isWord(toks[k + 2], "lines"))) {
      return { limit: t.value, next: skipLimitWord(k + 3) };
    }
    return null;
  }
  if (t.kind === "word") {
    const dash = t.low.indexOf("-line");
    if (dash > 0 && (t.low.endsWith("-line") || t.low.endsWith("-lines"))) {
      const v = parseNumber(t.low.slice(0, dash));
      if (v !== null && v.int && v.value > 0 && dash + 6 >= t.low.length) {
        return { limit: v.value, next: skipLimitWord(k + 1) };
      }
      return null;
    }
    let m = k;
    if (isWord(toks[m], "line") || isWord(toks[m], "size") || isWord(toks[m], "file-size") || isWord(toks[m], "length")) {
      m += 1;
    }
    if (!isWordIn(toks[m], LIMIT_WORDS)) {
      return null;
    }
    m += 1;
    if (isWord(toks[m], "of") || isPunct(toks[m], "(")) {
      m += 1;
    } else {
      return null;
    }
    const v = toks[m];
    if (v?.kind !== "num" || !v.int || v.value <= 0) {
      return null;
    }
    m += 1;
    if (isWord(toks[m], "lines") || isWord(toks[m], "line")) {
      m += 1;
    }
    if (isPunct(toks[m], ")")) {
      m += 1;
    }
    return { limit: v.value, next: m };
  }
  return null;
}

/** A label of the form "Test files over 300 lines" (ending at the ":" at `end`) → 300. */
export function labelLineLimit(toks: readonly Tok[], end: number): number | null {
  let k = 0;
  while (k < end && k < 4 && isWordIn(toks[k], LIMIT_LABEL_LEAD)) {
    k += 1;
  }
  if (!isWordIn(toks[k], FILES_WORDS)) {
    return null;
  }
  const over = overPhraseAt(toks, k + 1);
  if (over < 0) {
    return null;
  }
  const lim = limitSpecAt(toks, over);
  return lim !== null && lim.next === end ? lim.limit : null;
}

/**
 * The line limits a line states as limits ("the 300-line limit", "line limit of 300", "exceeding 300
 * lines"), for claims that leave their limit to another line of the report.
 */
export function statedLimits(toks: readonly Tok[]): number[] {
  const limits: number[] = [];
  for (let j = 0; j < toks.length; j += 1) {
    const lim = limitSpecAt(toks, j);
    if (lim === null) {
      continue;
    }
    let named = overPhraseAt(toks, Math.max(0, j - 1)) === j || overPhraseAt(toks, Math.max(0, j - 2)) === j;
    for (let k = j; k < lim.next && !named; k += 1) {
      named = isWordIn(toks[k], LIMIT_WORDS);
    }
    if (named) {
      limits.push(lim.limit);
      j = lim.next - 1;
    }
  }
  return limits;
}
