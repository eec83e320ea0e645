/**
 * What a count counts and whether it is about the whole suite: the noun after it ("18 integration
 * tests", "412 lines", "11 test files"), what may follow that noun, "across 11 files", "17/18 tests
 * passed", and the words before it in its sentence.
 */
import { countAt, countFrom, ratioAt, type Count } from "./counts.js";
import { isPunctIn, isWord, isWordIn, type Tok } from "./tokens.js";
import {
  ACROSS, ACROSS_FILES_FOLLOW, FILE_ADJ, FILES_FOLLOW_OK, FOLLOW_OK, FOLLOW_PUNCT, NEUTRAL_PRE, NOT_TEST_NOUN_AFTER,
  PARTICIPLES, PASSED_FILLER, PASSED_VERBS, SENTENCE_BREAK, TEST_ADJ, TEST_NOUN_AFTER,
} from "./vocabulary.js";

/** "tests", "integration tests", "individual test methods", "test cases" at `j` → the index after. */
export function testNounAt(toks: readonly Tok[], j: number): number {
  let k = j;
  while (k < j + 3 && isWordIn(toks[k], TEST_ADJ)) {
    k += 1;
  }
  const t = toks[k];
  if (t?.kind !== "word") {
    return -1;
  }
  if (t.low === "tests" || t.low === "testcases" || t.low === "test-cases" || t.low === "test-methods" || t.low === "test-functions") {
    return k + 1;
  }
  if (t.low === "test") {
    const n = toks[k + 1];
    if (isWordIn(n, TEST_NOUN_AFTER)) {
      return k + 2;
    }
    if (isWordIn(n, NOT_TEST_NOUN_AFTER)) {
      return -1;
    }
    return k + 1;
  }
  return -1;
}

/** "lines", "lines of code", "LOC" at `j` → the index after. */
export function linesNounAt(toks: readonly Tok[], j: number): number {
  const t = toks[j];
  if (isWord(t, "lines")) {
    return isWord(toks[j + 1], "of") && isWord(toks[j + 2], "code") ? j + 3 : j + 1;
  }
  if (isWord(t, "loc") || isWord(t, "sloc") || isWord(t, "lines-of-code")) {
    return j + 1;
  }
  return -1;
}

/** "files", "test files", "integration test files" at `j`; with `requireTest`, only files named as test files. */
export function filesNounAt(toks: readonly Tok[], j: number, requireTest: boolean): number {
  let k = j;
  let sawTest = false;
  while (k < j + 3 && isWordIn(toks[k], FILE_ADJ)) {
    if (toks[k]!.low === "test" || toks[k]!.low === "spec") {
      sawTest = true;
    }
    k += 1;
  }
  const t = toks[k];
  if (isWord(t, "test-files") || isWord(t, "testfiles") || isWord(t, "spec-files")) {
    return k + 1;
  }
  if (!isWord(t, "files") && !(isWord(t, "modules") && sawTest)) {
    return -1;
  }
  return requireTest && !sawTest ? -1 : k + 1;
}

/** What follows a count's noun leaves the count whole ("18 tests covering X", not "3 tests failed"). */
export function followerOk(toks: readonly Tok[], j: number): boolean {
  const t = toks[j];
  if (t === undefined) {
    return true;
  }
  if (t.kind === "punct") {
    return FOLLOW_PUNCT.includes(t.text);
  }
  return t.kind === "word" && FOLLOW_OK.has(t.low);
}

/** After a test noun at `j`: "[created] across 11 [test] files" → the files count. */
export function acrossFilesAt(toks: readonly Tok[], j: number): Count | null {
  let k = j;
  if (isWordIn(toks[k], PARTICIPLES)) {
    k += 1;
  }
  if (!isWordIn(toks[k], ACROSS)) {
    return null;
  }
  const c = countFrom(toks, k + 1);
  if (c === null) {
    return null;
  }
  const after = filesNounAt(toks, c.next, false);
  if (after < 0) {
    return null;
  }
  // "… across 11 files" ends there or goes on neutrally, not "… across 11 files were flaky".
  const t = toks[after];
  const ok = t === undefined || isPunctIn(t, FOLLOW_PUNCT) || isWordIn(t, FILES_FOLLOW_OK) ||
    isWordIn(t, ACROSS_FILES_FOLLOW);
  return ok ? { ...c, next: after } : null;
}

/** A "N/M [tests] passed" (or, after a "Passed:" label, a bare "N/M") at `j`. */
export function passedRatioAt(toks: readonly Tok[], j: number, bare: boolean): { n: number; m: number; approx: boolean; num: number; next: number } | null {
  const r = ratioAt(toks, j);
  if (r === null) {
    return null;
  }
  let k = r.next;
  const noun = testNounAt(toks, k);
  if (noun >= 0) {
    k = noun;
  } else if (r.ofForm) {
    return null;
  }
  while (isWordIn(toks[k], PASSED_FILLER)) {
    k += 1;
  }
  if (isWordIn(toks[k], PASSED_VERBS)) {
    return { n: r.n, m: r.m, approx: r.approx, num: j, next: k + 1 };
  }
  if (bare && !r.ofForm && (toks[k] === undefined || toks[k]!.kind === "punct")) {
    return { n: r.n, m: r.m, approx: r.approx, num: j, next: k };
  }
  return null;
}

/**
 * The words before `start` in its sentence are neutral ("The suite has 171 tests", "In total, 171
 * tests"), not a scope ("Auth has 34 tests", "Backend (20 tests across 3 files)").
 */
export function neutralBefore(toks: readonly Tok[], start: number, floor: number): boolean {
  for (let k = start - 1, seen = 0; k >= floor; k -= 1, seen += 1) {
    if (seen >= 10) {
      return false;
    }
    const t = toks[k]!;
    if (t.kind === "punct") {
      if (SENTENCE_BREAK.includes(t.text)) {
        return true;
      }
      continue;
    }
    if (t.kind !== "word" || !NEUTRAL_PRE.has(t.low)) {
      return false;
    }
  }
  return true;
}


/**
 * The counts from `floor` on that no claim has taken and whose sentence is neutral before them, read
 * lazily: the caller marks `used` as it goes, and a count it marks is skipped.
 */
export function* neutralCounts(toks: readonly Tok[], floor: number, used: Uint8Array): Generator<Count> {
  for (let i = floor; i < toks.length; i += 1) {
    if (toks[i]!.kind !== "num" || used[i]) {
      continue;
    }
    const c = countAt(toks, i);
    if (c !== null && neutralBefore(toks, c.start, floor)) {
      yield c;
    }
  }
}
