/**
 * The number a claim states: whether it is a count at all (not an id, a date part, a range end, a list
 * member or a percent), the hedges around it ("~18", "about 18", "18+"), and "N/M" ratios.
 */
import { isPunct, isPunctIn, isWord, isWordIn, type Tok } from "./tokens.js";
import { APPROX_PAIRS, APPROX_WORDS, MONTHS, NOT_COUNT_PREV } from "./vocabulary.js";

export interface Count {
  value: number;
  approx: boolean;
  /** First token of the count, approximation words included. */
  start: number;
  num: number;
  next: number;
}

interface Ratio {
  n: number;
  m: number;
  approx: boolean;
  next: number;
  /** Written "N of M", which needs a noun after it to be about tests. */
  ofForm: boolean;
}

/** Length of an approximation marker ending right before index `i` (0 when none). */
export function approxBefore(toks: readonly Tok[], i: number): number {
  const p = toks[i - 1];
  if (p === undefined) {
    return 0;
  }
  if (isPunctIn(p, "~<>")) {
    return 1;
  }
  if (isPunct(p, "=") && isPunctIn(toks[i - 2], "<>")) {
    return 2;
  }
  if (isWordIn(p, APPROX_WORDS)) {
    return 1;
  }
  const q = toks[i - 2];
  for (const [a, b] of APPROX_PAIRS) {
    if (isWord(q, a) && isWord(p, b)) {
      return 2;
    }
  }
  if (isWord(p, "of") && isWord(q, "excess") && isWord(toks[i - 3], "in")) {
    return 3;
  }
  return 0;
}

/** Length of an approximation marker starting at `j` (0 when none). */
export function approxAt(toks: readonly Tok[], j: number): number {
  const t = toks[j];
  if (t === undefined) {
    return 0;
  }
  if (isPunctIn(t, "~<>")) {
    return isPunct(toks[j + 1], "=") ? 2 : 1;
  }
  if (isWordIn(t, APPROX_WORDS)) {
    return 1;
  }
  for (const [a, b] of APPROX_PAIRS) {
    if (isWord(t, a) && isWord(toks[j + 1], b)) {
      return isWord(t, "in") ? (isWord(toks[j + 2], "of") ? 3 : 0) : 2;
    }
  }
  return 0;
}

/** A "+" written right after the number at `k - 1` ("18+") hedges it. */
export function plusAt(toks: readonly Tok[], k: number): boolean {
  const t = toks[k];
  return isPunct(t, "+") && !t!.space;
}

/** Whether the number at `j` is a count (not an id, a date part, a range end, a list member or a percent). */
function countable(toks: readonly Tok[], j: number): boolean {
  const t = toks[j];
  if (t?.kind !== "num") {
    return false;
  }
  const prev = toks[j - 1];
  const next = toks[j + 1];
  const next2 = toks[j + 2];
  const prev2 = toks[j - 2];
  if (isPunctIn(prev, "$#€£@") && !t.space) {
    return false;
  }
  if (isPunct(prev, "$") || isWordIn(prev, NOT_COUNT_PREV) || isWordIn(prev, MONTHS)) {
    return false;
  }
  if (isPunct(next, "%") || isWord(next, "percent")) {
    return false;
  }
  if (isPunct(next, ":") && !next!.space && next2?.kind === "num" && !next2.space) {
    return false; // a time of day
  }
  if (isPunct(prev, ":") && !t.space && prev2?.kind === "num" && !prev!.space) {
    return false; // the minutes of a time of day
  }
  const rangeOrList = (sep: Tok | undefined, other: Tok | undefined): boolean =>
    other?.kind === "num" && sep !== undefined &&
    ((sep.kind === "punct" && (sep.text === "-" || sep.text === "/" || sep.text === "," || sep.text === "x")) ||
      (sep.kind === "word" && (sep.low === "to" || sep.low === "of" || sep.low === "x" || sep.low === "and" || sep.low === "or")));
  if (rangeOrList(next, next2) || rangeOrList(prev, prev2)) {
    return false;
  }
  if (isWord(next, "x") || isWord(prev, "x")) {
    return false;
  }
  if (plusAt(toks, j + 1) && next2?.kind === "num" && !next2.space) {
    return false; // arithmetic
  }
  return true;
}

/** The whole-number count whose number is at `i`, with its approximation marks. */
export function countAt(toks: readonly Tok[], i: number): Count | null {
  const t = toks[i];
  if (t?.kind !== "num" || !t.int || !countable(toks, i)) {
    return null;
  }
  const pre = approxBefore(toks, i);
  let approx = pre > 0;
  let next = i + 1;
  if (plusAt(toks, next)) {
    approx = true;
    next += 1;
  }
  return { value: t.value, approx, start: i - pre, num: i, next };
}

/** A count starting at `j`, possibly with approximation words first. */
export function countFrom(toks: readonly Tok[], j: number): Count | null {
  const t = toks[j];
  if (t === undefined) {
    return null;
  }
  if (t.kind === "num") {
    return countAt(toks, j);
  }
  const a = approxAt(toks, j);
  return a > 0 ? countAt(toks, j + a) : null;
}

/** "N/M", "N / M" or "N of M" at `j` → its parts. */
export function ratioAt(toks: readonly Tok[], j: number): Ratio | null {
  const a = approxAt(toks, j);
  const k = j + a;
  const t = toks[k];
  if (t === undefined) {
    return null;
  }
  let r: Omit<Ratio, "approx"> | null = null;
  if (t.kind === "ratio") {
    r = { n: t.value, m: t.total, next: k + 1, ofForm: false };
  } else if (t.kind === "num" && t.int) {
    const sep = toks[k + 1];
    const b = toks[k + 2];
    if (b?.kind === "num" && b.int && (isPunct(sep, "/") || isWord(sep, "of"))) {
      r = { n: t.value, m: b.value, next: k + 3, ofForm: isWord(sep, "of") };
    }
  }
  if (r === null || r.m <= 0 || r.n > r.m) {
    return null;
  }
  const prev = toks[k - 1];
  if (isPunctIn(prev, "$#") || isWordIn(prev, NOT_COUNT_PREV)) {
    return null;
  }
  return { ...r, approx: a > 0 };
}
