/**
 * A policy's share stated as a count, often with its percentage: "293 test files using SSOT patterns
 * (95.9%)", "27/27 tests mock-free", "40 tests carry a BVJ block". The count is of compliant tests or
 * test files (a *Count claim, with M of "N/M" as its total), the percentage a policy percentage over
 * the same unit. "SSOT" names the base-class policy only in a report that names a base test class.
 */
import { filesNounAt, neutralBefore, testNounAt } from "./count-phrases.js";
import { countAt, type Count } from "./counts.js";
import type { Line } from "./line.js";
import { familyAt, type FamilyHit } from "./policy-words.js";
import type { Sink } from "./sink.js";
import { isPunct, isPunctIn, isWord, isWordIn, type Tok } from "./tokens.js";
import { CLAUSE_BREAK, MOCK_FREE } from "./vocabulary.js";

/** How far after the noun the policy may be named: "293 test files [are] using SSOT patterns". */
const PREDICATE_REACH = 5;

export interface ShareContext {
  /** The report names a base test class, so "SSOT patterns" means inheriting it. */
  ssotIsBase: boolean;
}

const COUNT_KIND = { noMocksPercent: "noMocksCount", baseClassPercent: "baseClassCount", bvjPercent: "bvjCount" } as const;

function predicate(toks: readonly Tok[], from: number, context: ShareContext): { hit: FamilyHit; next: number } | null {
  for (let k = from; k < toks.length && k < from + PREDICATE_REACH; k += 1) {
    const t = toks[k]!;
    if (isPunctIn(t, CLAUSE_BREAK) && !(isPunct(t, "-") && isWordIn(toks[k + 1], MOCK_FREE))) {
      return null;
    }
    if (isWordIn(t, MOCK_FREE)) {
      return { hit: { family: "noMocksPercent" }, next: k + 1 };
    }
    if (isWord(t, "ssot") && context.ssotIsBase) {
      return { hit: { family: "baseClassPercent" }, next: k + 1 };
    }
    const hit = familyAt(toks, k);
    if (hit !== null) {
      return hit.family === "unrelated" || hit.family === "syntaxPercent" ? null : { hit, next: k + 1 };
    }
  }
  return null;
}

/** "(95.9%)", "(95.9% compliance)" within a few tokens after `from`. */
function percentAfter(toks: readonly Tok[], from: number): number {
  for (let k = from; k < toks.length && k < from + 6; k += 1) {
    if (isPunct(toks[k], "(")) {
      const t = toks[k + 1];
      return t?.kind === "num" && t.value <= 100 && isPunct(toks[k + 2], "%") ? k + 1 : -1;
    }
  }
  return -1;
}

function shareAt(line: Line, c: Count | null, ratio: Tok | null, numAt: number, used: Uint8Array, sink: Sink, context: ShareContext): void {
  const toks = line.toks;
  const next = numAt + (c === null ? 1 : c.next - c.num);
  const tests = testNounAt(toks, next);
  const files = tests < 0 ? filesNounAt(toks, next, true) : -1;
  if (tests < 0 && files < 0) {
    return;
  }
  const found = predicate(toks, tests >= 0 ? tests : files, context);
  if (found === null) {
    return;
  }
  const family = found.hit.family as keyof typeof COUNT_KIND;
  const of = files >= 0 ? "files" : undefined;
  const baseClass = found.hit.baseClass;
  const stated = c === null ? ratio!.value : c.value;
  sink.add(line, numAt, COUNT_KIND[family], stated, c?.approx ?? false, { of, baseClass, total: ratio?.total });
  used[numAt] = 1;
  const percent = percentAfter(toks, found.next);
  if (percent >= 0 && !used[percent]) {
    sink.add(line, percent, family, toks[percent]!.value, false, { of, baseClass });
    used[percent] = 1;
  }
}

export function shareClaims(line: Line, used: Uint8Array, sink: Sink, context: ShareContext): void {
  const toks = line.toks;
  const floor = line.label === null ? 0 : line.label.end + 1;
  for (let i = floor; i < toks.length; i += 1) {
    const t = toks[i]!;
    if (used[i] || isWord(toks[i - 1], "all") || isWord(toks[i - 1], "every")) {
      continue;
    }
    if (t.kind === "ratio" && neutralBefore(toks, i, floor)) {
      shareAt(line, null, t, i, used, sink, context);
    } else if (t.kind === "num") {
      const c = countAt(toks, i);
      if (c !== null && neutralBefore(toks, c.start, floor)) {
        shareAt(line, c, null, i, used, sink, context);
      }
    }
  }
}
