/**
 * Policy claims without a number, read as 100%: "All tests inherit from X", "Every test includes a
 * BVJ", "BVJ for every test", "Zero mocks in integration tests", "Zero mocks anywhere in the suite",
 * "No test uses mocks", "The suite is mock-free", "All files compile without errors", "No syntax errors".
 */
import type { Line } from "./line.js";
import { baseTestClassName, familyAt, subjectAt, type FamilyHit } from "./policy-words.js";
import type { Sink } from "./sink.js";
import { isPunctIn, isWord, isWordIn, type Tok } from "./tokens.js";
import {
  ADVERBS, ANYWHERE_WORDS, BEFORE_ALL_OK, BVJ_LEAD, CLAUSE_BREAK, COMPILE_WORDS, EXTEND_WORDS, FILE_ADJ, HAVE_VERBS,
  INHERIT_WORDS, MOCK_FREE, MOCK_WORDS, NO_TEST_VERBS, QUANTIFIERS, USE_VERBS,
} from "./vocabulary.js";

/** How far after a "have" verb a BVJ (or "no mocks") may be named: "includes a detailed BVJ". */
const HAVE_OBJECT_REACH = 5;

/** What "all tests <verb> …" at `v` claims, if it is one of the three policies. */
function predicateAt(toks: readonly Tok[], v: number): FamilyHit | null {
  let k = v;
  for (let s = 0; s < 2 && isWordIn(toks[k], ADVERBS); s += 1) {
    k += 1;
  }
  const t = toks[k];
  if (t?.kind !== "word") {
    return null;
  }
  if (INHERIT_WORDS.has(t.low) || EXTEND_WORDS.has(t.low)) {
    const hit = familyAt(toks, k);
    return hit !== null && hit.family === "baseClassPercent" ? hit : null;
  }
  const usedClass = t.low === "use" || t.low === "uses" ? baseTestClassName(toks[k + 1]) : undefined;
  if (usedClass !== undefined) {
    return { family: "baseClassPercent", baseClass: usedClass };
  }
  if (HAVE_VERBS.has(t.low)) {
    for (let m = k + 1; m <= k + HAVE_OBJECT_REACH && m < toks.length; m += 1) {
      if (isPunctIn(toks[m], CLAUSE_BREAK)) {
        break;
      }
      const hit = familyAt(toks, m);
      if (hit !== null && hit.family === "bvjPercent") {
        return hit;
      }
      if (hit !== null && hit.family === "noMocksPercent" && (t.low === "have" || t.low === "has" || t.low === "contain" || t.low === "contains")) {
        return hit; // "contain no mocks"
      }
    }
    return null;
  }
  if (USE_VERBS.has(t.low)) {
    const hit = familyAt(toks, k);
    return hit !== null && hit.family === "noMocksPercent" ? hit : null;
  }
  if ((t.low === "are" || t.low === "is") && isWordIn(toks[k + 1], MOCK_FREE)) {
    return { family: "noMocksPercent" };
  }
  if ((t.low === "avoid" || t.low === "avoids") && isWordIn(toks[k + 1], MOCK_WORDS)) {
    return { family: "noMocksPercent" };
  }
  return null;
}

/** "[a comprehensive] Business Value Justification for" + the "every test" at `a`, opening its clause. */
function bvjForEvery(toks: readonly Tok[], a: number): boolean {
  const j = toks[a - 2]!.low;
  if (j !== "bvj" && j !== "bvjs" && j !== "justification" && j !== "justifications") {
    return false;
  }
  let b = a - 2;
  if (j.startsWith("justification")) {
    b = isWord(toks[b - 1], "value") && isWord(toks[b - 2], "business") ? b - 2 : isWord(toks[b - 1], "business-value") ? b - 1 : -1;
  }
  if (b < 0) {
    return false;
  }
  let c = b - 1;
  while (c >= 0 && c > b - 4 && isWordIn(toks[c], BVJ_LEAD)) {
    c -= 1;
  }
  return c < 0 || isPunctIn(toks[c], CLAUSE_BREAK);
}

/** "[all] [171] [python] files compile" from `j`. */
function filesCompileAt(toks: readonly Tok[], j: number): boolean {
  let k = j;
  if (toks[k]?.kind === "num" && toks[k]!.int) {
    k += 1;
  }
  for (let adj = 0; adj < 3 && isWordIn(toks[k], FILE_ADJ); adj += 1) {
    k += 1;
  }
  if (!isWord(toks[k], "files")) {
    return false;
  }
  k += 1;
  for (let s = 0; s < 2 && isWordIn(toks[k], ADVERBS); s += 1) {
    k += 1;
  }
  return isWordIn(toks[k], COMPILE_WORDS);
}

/** "anywhere", "at all", "in the suite", "across the codebase", "in all tests" after "zero mocks" at `j`. */
function everywhereAt(toks: readonly Tok[], j: number): boolean {
  if (isWordIn(toks[j], ANYWHERE_WORDS)) {
    const end = isWord(toks[j], "at") ? (isWord(toks[j + 1], "all") ? j + 2 : -1) : j + 1;
    // "anywhere" alone, or "anywhere in the suite"; not "anywhere in production code".
    return end >= 0 && (!(isWord(toks[end], "in") || isWord(toks[end], "across")) || inTheSuite(toks, end));
  }
  return inTheSuite(toks, j);
}

/** "in the suite", "across the codebase", "in the tests" at `j`. */
function inTheSuite(toks: readonly Tok[], j: number): boolean {
  if (!(isWord(toks[j], "in") || isWord(toks[j], "across"))) {
    return false;
  }
  if (subjectAt(toks, isWordIn(toks[j + 1], QUANTIFIERS) ? j + 2 : j + 1) >= 0) {
    return true;
  }
  let k = isWord(toks[j + 1], "the") || isWord(toks[j + 1], "our") ? j + 2 : j + 1;
  if (isWord(toks[k], "test") || isWord(toks[k], "integration")) {
    k += 1;
  }
  return isWord(toks[k], "suite") || isWord(toks[k], "suites") || isWord(toks[k], "codebase");
}

/** `file`: the test file the line's claims are about; `blocked`: the line names several, so none is. */
export function universalClaims(line: Line, file: string | undefined, blocked: boolean, sink: Sink): void {
  if (blocked) {
    return;
  }
  const toks = line.toks;
  const emit = (pos: number, hit: FamilyHit): void => {
    if (hit.family === "unrelated" || sink.has(line.no, hit.family, file)) {
      return;
    }
    sink.add(line, pos, hit.family, 100, false, { file, baseClass: hit.family === "baseClassPercent" ? hit.baseClass : undefined });
  };
  for (let a = 0; a < toks.length; a += 1) {
    const t = toks[a]!;
    if (t.kind !== "word") {
      continue;
    }
    const prev = toks[a - 1];
    const atClauseStart = prev === undefined || isPunctIn(prev, CLAUSE_BREAK) || isWordIn(prev, BEFORE_ALL_OK);
    if (t.low === "all" && atClauseStart && filesCompileAt(toks, a + 1)) {
      emit(a, { family: "syntaxPercent" });
      continue;
    }
    if (t.low === "all" || t.low === "every" || t.low === "each") {
      const s = subjectAt(toks, a + 1);
      if (s < 0) {
        continue;
      }
      if (atClauseStart) {
        const hit = predicateAt(toks, s);
        if (hit !== null) {
          emit(a, hit);
        }
      } else if (isWord(prev, "for") && toks[a - 2] !== undefined && bvjForEvery(toks, a)) {
        emit(a, { family: "bvjPercent" });
      }
      continue;
    }
    if ((t.low === "zero" || t.low === "no") && atClauseStart && isWord(toks[a + 1], "syntax") && (isWord(toks[a + 2], "errors") || isWord(toks[a + 2], "error"))) {
      emit(a, { family: "syntaxPercent" });
      continue;
    }
    if ((t.low === "zero" || t.low === "no") && atClauseStart && isWordIn(toks[a + 1], MOCK_WORDS)) {
      if (everywhereAt(toks, a + 2)) {
        emit(a, { family: "noMocksPercent" });
      }
      continue;
    }
    if (isWord(t, "suite") && (isWord(toks[a + 1], "is") || isWord(toks[a + 1], "remains"))) {
      let k = a + 2;
      for (let s = 0; s < 2 && isWordIn(toks[k], ADVERBS); s += 1) {
        k += 1;
      }
      if (isWordIn(toks[k], MOCK_FREE)) {
        emit(a, { family: "noMocksPercent" });
      }
      continue;
    }
    if (t.low === "no" && atClauseStart) {
      const s = subjectAt(toks, a + 1);
      if (s >= 0 && isWordIn(toks[s], NO_TEST_VERBS) && isWordIn(toks[s + (isWord(toks[s + 1], "any") ? 2 : 1)], MOCK_WORDS)) {
        emit(a, { family: "noMocksPercent" });
      }
    }
  }
}
