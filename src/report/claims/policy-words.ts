/**
 * Which of the three policies (no mocks, a required base class, Business Value Justifications) a word
 * speaks of, the base class it names, and the subject "all tests" that universal claims are about.
 */
import { isDigit, isLetter, isLower, isUpper } from "./chars.js";
import { isPunct, isWord, isWordIn, type Tok } from "./tokens.js";
import {
  CLASS_CASE, CLASS_LEAD, COMPILE_WORDS, EXTEND_WORDS, INHERIT_WORDS, MOCK_FREE, MOCK_WORDS, NEGATIONS, NO_ZERO, REAL_NOUNS, REAL_WORDS,
  SUBJECT_AFTER_TEST, SUBJECT_NOUNS, SYNTAX_AFTER, TEST_ADJ, UNRELATED, USE_PREPOSITIONS, USE_VERBS,
} from "./vocabulary.js";

type Family = "noMocksPercent" | "baseClassPercent" | "bvjPercent" | "syntaxPercent";

export interface FamilyHit {
  /** "unrelated": the words are about something else (coverage, pass rates), so a number there is no policy claim. */
  family: Family | "unrelated";
  baseClass?: string;
}

/** A CamelCase class name, possibly qualified ("SSotBaseTestCase", "base.SSotBaseTestCase"). */
function isClassName(text: string): boolean {
  const seg = lastSegment(text);
  if (seg.length < 2 || !isUpper(seg.charCodeAt(0))) {
    return false;
  }
  let lower = false;
  for (let i = 0; i < seg.length; i += 1) {
    const c = seg.charCodeAt(i);
    if (!(isLetter(c) || isDigit(c) || c === 95)) {
      return false;
    }
    if (isLower(c)) {
      lower = true;
    }
  }
  return lower;
}

function lastSegment(text: string): string {
  return text.slice(text.lastIndexOf(".") + 1);
}

/** A name ending like a base test class ("SSotBaseTestCase", "ApiBaseTest") → its last segment. */
export function baseTestClassName(t: Tok | undefined): string | undefined {
  return t !== undefined && (t.low.endsWith("testcase") || t.low.endsWith("basetest")) && isClassName(t.text) ? lastSegment(t.text) : undefined;
}

/** The class named right after an inheritance word at `j` ("inherit from X", "extend X"); undefined when none or several. */
function classAfter(toks: readonly Tok[], j: number): { name: string | undefined; baseWords: boolean } {
  let k = j;
  for (let s = 0; s < 3 && isWordIn(toks[k], CLASS_LEAD); s += 1) {
    k += 1;
  }
  const t = toks[k];
  if (t?.kind === "word" && isClassName(t.text)) {
    const n = toks[k + 1];
    if ((isWord(n, "or") || isWord(n, "and") || isPunct(n, ",") || isPunct(n, "/")) && toks[k + 2] !== undefined && isClassName(toks[k + 2]!.text)) {
      return { name: undefined, baseWords: true };
    }
    return { name: lastSegment(t.text), baseWords: true };
  }
  const base = isWord(t, "base") && (isWord(toks[k + 1], "class") || isWord(toks[k + 1], "classes") || isWord(toks[k + 1], "test"));
  return { name: undefined, baseWords: base };
}

/** The policy a word at `j` talks about, if any. */
export function familyAt(toks: readonly Tok[], j: number): FamilyHit | null {
  const t = toks[j]!;
  if (t.kind !== "word") {
    return null;
  }
  const low = t.low;
  if (MOCK_FREE.has(low)) {
    return { family: "noMocksPercent" };
  }
  if (MOCK_WORDS.has(low)) {
    if (isWordIn(toks[j - 1], NEGATIONS) || (isWordIn(toks[j - 2], NEGATIONS) && toks[j - 1]?.kind === "word") || isWord(toks[j + 1], "free") || isWord(toks[j + 1], "-free")) {
      return { family: "noMocksPercent" };
    }
    return { family: "unrelated" };
  }
  if (USE_VERBS.has(low)) {
    let k = j + 1;
    if (isWordIn(toks[k], USE_PREPOSITIONS)) {
      k += 1;
    }
    if (isWordIn(toks[k], REAL_WORDS)) {
      for (let m = k + 1; m <= k + 2; m += 1) {
        if (isWordIn(toks[m], REAL_NOUNS)) {
          return { family: "noMocksPercent" };
        }
      }
    }
    if (isWordIn(toks[k], NO_ZERO) && isWordIn(toks[k + 1], MOCK_WORDS)) {
      return { family: "noMocksPercent" };
    }
    return low === "use" || low === "uses" ? { family: "unrelated" } : null;
  }
  if ((low === "syntax" && isWordIn(toks[j + 1], SYNTAX_AFTER)) || COMPILE_WORDS.has(low)) {
    return { family: "syntaxPercent" };
  }
  if (low === "bvj" || low === "bvjs") {
    return { family: "bvjPercent" };
  }
  if ((low === "business" && isWord(toks[j + 1], "value") && (isWord(toks[j + 2], "justification") || isWord(toks[j + 2], "justifications"))) ||
    (low === "business-value" && (isWord(toks[j + 1], "justification") || isWord(toks[j + 1], "justifications")))) {
    return { family: "bvjPercent" };
  }
  if (INHERIT_WORDS.has(low)) {
    return { family: "baseClassPercent", baseClass: classAfter(toks, j + 1).name };
  }
  if (EXTEND_WORDS.has(low)) {
    const c = classAfter(toks, j + 1);
    return c.name !== undefined || c.baseWords ? { family: "baseClassPercent", baseClass: c.name } : null;
  }
  if (low === "base" && (isWord(toks[j + 1], "class") || isWord(toks[j + 1], "classes") || (isWord(toks[j + 1], "test") && isWordIn(toks[j + 2], CLASS_CASE)))) {
    return { family: "baseClassPercent" };
  }
  const named = baseTestClassName(t);
  if (named !== undefined) {
    return { family: "baseClassPercent", baseClass: named };
  }
  if (UNRELATED.has(low)) {
    return { family: "unrelated" };
  }
  return null;
}

/** "all tests", "every test method", "all 171 integration tests" at `j` → the index after. */
export function subjectAt(toks: readonly Tok[], j: number): number {
  let k = j;
  if (isWord(toks[k], "the") || isWord(toks[k], "of")) {
    k += 1;
    if (isWord(toks[k], "the")) {
      k += 1;
    }
  }
  if (toks[k]?.kind === "num" && toks[k]!.int) {
    k += 1;
  }
  let adj = 0;
  while (adj < 3 && isWordIn(toks[k], TEST_ADJ)) {
    k += 1;
    adj += 1;
  }
  const t = toks[k];
  if (!isWordIn(t, SUBJECT_NOUNS)) {
    return -1;
  }
  if (t!.low === "test") {
    return isWordIn(toks[k + 1], SUBJECT_AFTER_TEST) ? k + 2 : k + 1;
  }
  return isWordIn(toks[k + 1], SUBJECT_AFTER_TEST) ? -1 : k + 1;
}
