/**
 * A normalized line cut into tokens by one hand-written scan (no regular expression runs over report
 * text), and the small tests the claim patterns make on single tokens.
 */
import { isDigit, isLetter } from "./chars.js";
import { codeExtension } from "./file-names.js";
import { parseNumber } from "./numbers.js";

type TokKind = "word" | "num" | "punct" | "file" | "ratio";

export interface Tok {
  kind: TokKind;
  /** As written, markup removed; for files the path as written; punct: one ASCII character. */
  text: string;
  low: string;
  /** num: its value; ratio: N in N/M. */
  value: number;
  /** ratio: M in N/M. */
  total: number;
  /** num: a whole number written without a decimal point. */
  int: boolean;
  /** Whitespace (or the start of the line) comes right before the token. */
  space: boolean;
}

/** Characters that make up words, numbers and paths. */
function isRunChar(c: number): boolean {
  return isDigit(c) || isLetter(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 47 /* / */ || c === 92 /* \ */ || c === 45 /* - */;
}

function makeTok(kind: TokKind, text: string, space: boolean, value = 0, total = 0, int = false): Tok {
  return { kind, text, low: kind === "word" || kind === "file" ? text.toLowerCase() : text, value, total, int, space };
}

/** One run of word characters → a token (a number, an N/M ratio, a file or a word). */
function classifyRun(run: string, space: boolean): Tok {
  const num = parseNumber(run);
  if (num !== null) {
    return makeTok("num", run, space, num.value, 0, num.int);
  }
  const slash = run.indexOf("/");
  if (slash > 0 && slash === run.lastIndexOf("/")) {
    const a = parseNumber(run.slice(0, slash));
    const b = parseNumber(run.slice(slash + 1));
    if (a !== null && b !== null && a.int && b.int) {
      return makeTok("ratio", run, space, a.value, b.value, true);
    }
  }
  if (codeExtension(run) !== null) {
    return makeTok("file", run, space);
  }
  let s = 0;
  let e = run.length;
  while (s < e && run.charCodeAt(s) === 95) {
    s += 1;
  }
  while (e > s && run.charCodeAt(e - 1) === 95) {
    e -= 1;
  }
  const word = s < e ? run.slice(s, e) : run;
  const inner = parseNumber(word);
  if (inner !== null) {
    return makeTok("num", word, space, inner.value, 0, inner.int);
  }
  return makeTok("word", word, space);
}

export function tokenize(s: string): Tok[] {
  const toks: Tok[] = [];
  const n = s.length;
  let i = 0;
  let space = true;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      space = true;
      i += 1;
      continue;
    }
    if (!isRunChar(c)) {
      toks.push(makeTok("punct", s[i] ?? "", space));
      space = false;
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (isRunChar(d)) {
        j += 1;
      } else if (d === 44 && isDigit(s.charCodeAt(j - 1)) && j + 1 < n && isDigit(s.charCodeAt(j + 1))) {
        j += 1; // thousands separator
      } else if (d === 58 && j === i + 1 && isLetter(c) && (s.charCodeAt(j + 1) === 92 || s.charCodeAt(j + 1) === 47)) {
        j += 1; // drive letter: C:\…
      } else {
        break;
      }
    }
    let e = j;
    while (e > i && (s.charCodeAt(e - 1) === 46 || s.charCodeAt(e - 1) === 45)) {
      e -= 1; // a sentence's full stop, a dangling hyphen
    }
    if (e > i) {
      toks.push(classifyRun(s.slice(i, e), space));
      if (e < j) {
        toks.push(makeTok("punct", s[e] ?? "", false));
      }
    } else {
      toks.push(makeTok("punct", s[i] ?? "", space));
    }
    space = false;
    i = j;
  }
  return toks;
}

export function isWordIn(t: Tok | undefined, set: ReadonlySet<string>): boolean {
  return t?.kind === "word" && set.has(t.low);
}

export function isWord(t: Tok | undefined, w: string): boolean {
  return t?.kind === "word" && t.low === w;
}

export function isPunct(t: Tok | undefined, p: string): boolean {
  return t?.kind === "punct" && t.text === p;
}

/** A punctuation token that is one of the characters of `marks` ("(,." …). */
export function isPunctIn(t: Tok | undefined, marks: string): boolean {
  return t?.kind === "punct" && marks.includes(t.text);
}

/** The words of toks[from, to), lower-case, past light punctuation; null when anything else is there. */
export function wordsOf(toks: readonly Tok[], from: number, to: number): string[] | null {
  const words: string[] = [];
  for (let i = from; i < to; i += 1) {
    const t = toks[i]!;
    if (t.kind === "word") {
      words.push(t.low);
    } else if (!isPunctIn(t, "#.()/&")) {
      return null;
    }
  }
  return words;
}

export function allIn(words: readonly string[], vocab: ReadonlySet<string>): boolean {
  for (const w of words) {
    if (!vocab.has(w)) {
      return false;
    }
  }
  return true;
}

export function someIn(words: readonly string[], vocab: ReadonlySet<string>): boolean {
  for (const w of words) {
    if (vocab.has(w)) {
      return true;
    }
  }
  return false;
}
