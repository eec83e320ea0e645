/** Policy percentages: "100% NO MOCKS compliance", "BVJ coverage: 95%", "98% of tests inherit from X". */
import { approxBefore, plusAt } from "./counts.js";
import type { Line } from "./line.js";
import { familyAt, subjectAt, type FamilyHit } from "./policy-words.js";
import type { Sink } from "./sink.js";
import { isPunct, isPunctIn, isWord, isWordIn, type Tok } from "./tokens.js";
import { CLAUSE_BREAK, NOT_COUNT_PREV } from "./vocabulary.js";

/** How far back from a percentage its clause is read for the policy it is about. */
const CLAUSE_LOOKBACK = 10;
/** How far after a percentage the policy may be named ("95% of tests use real services"). */
const POLICY_LOOKAHEAD = 16;

/** A percentage ("95%", "95 percent") whose number is at `i` → the index after it, or -1. */
function percentAt(toks: readonly Tok[], i: number): number {
  const t = toks[i];
  if (t?.kind !== "num" || t.value > 100) {
    return -1;
  }
  const n = toks[i + 1];
  if (!(isPunct(n, "%") || isWord(n, "percent"))) {
    return -1;
  }
  if (isPunctIn(toks[i - 1], "-/") && !t.space && toks[i - 2]?.kind === "num") {
    return -1; // "80-85%"
  }
  return i + 2;
}

/** The first policy word in toks[from, to), stopping at sentence ends and at the next percentage. */
function firstFamily(toks: readonly Tok[], from: number, to: number): FamilyHit | null {
  let pending: FamilyHit | null = null;
  for (let k = from; k < to; k += 1) {
    if (isPunctIn(toks[k], ".;|!?") || percentAt(toks, k) >= 0) {
      break;
    }
    const hit = familyAt(toks, k);
    if (hit === null) {
      continue;
    }
    if (pending !== null) {
      if (hit.family === "baseClassPercent" && hit.baseClass !== undefined) {
        return hit; // "base class compliance - tests inherit from X": name the class
      }
      continue;
    }
    if (hit.family === "baseClassPercent" && hit.baseClass === undefined) {
      pending = hit;
      continue;
    }
    return hit;
  }
  return pending;
}

/** `file`: the test file the line's claims are about; `blocked`: the line names several, so none is. */
export function percentClaims(line: Line, file: string | undefined, blocked: boolean, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  for (let i = 0; i < toks.length; i += 1) {
    const end = percentAt(toks, i);
    if (end < 0 || used[i]) {
      continue;
    }
    const prev = toks[i - 1];
    if (isPunct(prev, "$") || isWordIn(prev, NOT_COUNT_PREV)) {
      continue;
    }
    const pre = approxBefore(toks, i);
    const plus = plusAt(toks, end);
    const after = plus ? end + 1 : end;
    if (isWord(toks[after], "of") && subjectAt(toks, after + 1) < 0) {
      continue; // "100% of endpoints", "100% of the 3 WebSocket tests": not the suite's tests
    }
    // The clause before the number ("NO MOCKS compliance: 100%"), then the words after it.
    let from = i - pre;
    for (let steps = 0; from > 0 && steps < CLAUSE_LOOKBACK; steps += 1) {
      const before = toks[from - 1];
      if (isPunctIn(before, CLAUSE_BREAK) && before!.text !== ":") {
        break; // a label's ":" stays in the clause
      }
      from -= 1;
    }
    const hit = firstFamily(toks, from, i - pre) ?? firstFamily(toks, end, Math.min(toks.length, end + POLICY_LOOKAHEAD));
    if (hit === null || hit.family === "unrelated" || blocked) {
      continue;
    }
    used[i] = 1;
    sink.add(line, i, hit.family, toks[i]!.value, pre > 0 || plus, { file, baseClass: hit.family === "baseClassPercent" ? hit.baseClass : undefined });
  }
}
