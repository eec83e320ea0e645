/**
 * Line-limit claims: "12 test files exceed the 300 line limit", "Test files over 300 lines: 12",
 * "tests/test_big.py exceeds the 300-line limit", and the ones that leave the limit to another line of
 * the report: "12 test file size issues", "Test File Size Violations (12)", "12 files over the limit".
 * Those get the limit the report states elsewhere ("Test files exceeding 300-line limit") when it
 * states one; index.ts fills it in after reading the whole report.
 */
import { filesNounAt, neutralCounts } from "./count-phrases.js";
import { countAt, countFrom } from "./counts.js";
import type { Line } from "./line.js";
import { limitSpecAt, overPhraseAt } from "./limits.js";
import type { Sink } from "./sink.js";
import { isPunct, isPunctIn, isWord, isWordIn, type Tok } from "./tokens.js";
import { ARTICLES, LIMIT_WORDS, SIZE_ISSUE_WORDS } from "./vocabulary.js";

/** "[test] file size issues", "oversized test files" at `j` → the index after, or -1. */
function sizeIssueAt(toks: readonly Tok[], j: number): number {
  let k = j;
  if (isWord(toks[k], "oversized") || isWord(toks[k], "over-sized") || isWord(toks[k], "overlong")) {
    const files = filesNounAt(toks, k + 1, false);
    return files;
  }
  while (k < j + 2 && (isWord(toks[k], "test") || isWord(toks[k], "integration"))) {
    k += 1;
  }
  if (isWord(toks[k], "file") && isWord(toks[k + 1], "size")) {
    k += 2;
  } else if (isWord(toks[k], "file-size") || isWord(toks[k], "size") || isWord(toks[k], "line-count") || isWord(toks[k], "length")) {
    k += 1;
  } else {
    return -1;
  }
  return isWordIn(toks[k], SIZE_ISSUE_WORDS) ? k + 1 : -1;
}

/** "the limit", "the line limit", "the size limit" with no number at `j` → the index after, or -1. */
function bareLimitAt(toks: readonly Tok[], j: number): number {
  let k = j;
  while (k < j + 2 && isWordIn(toks[k], ARTICLES)) {
    k += 1;
  }
  if (isWord(toks[k], "line") || isWord(toks[k], "size") || isWord(toks[k], "file-size") || isWord(toks[k], "length")) {
    k += 1;
  }
  return k > j && isWordIn(toks[k], LIMIT_WORDS) ? k + 1 : -1;
}

/**
 * Size issues, wherever the count stands: "12 test file size issues" (even inside "(3 SSOT + 12 test
 * file size issues)": the phrase says what it counts), "Test File Size Violations (12)", "Test File
 * Size Optimization: 12 violations".
 */
function sizeIssues(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const label = line.label;
  for (let k = 0; k < toks.length; k += 1) {
    const c = toks[k]!.kind === "num" && !used[k] ? countAt(toks, k) : null;
    if (c !== null && sizeIssueAt(toks, c.next) >= 0) {
      sink.add(line, c.num, "filesOverLineLimit", c.value, c.approx);
      used[c.num] = 1;
      return;
    }
    const after = sizeIssueAt(toks, k);
    if (after >= 0 && isPunct(toks[after], "(")) {
      const n = countAt(toks, after + 1);
      if (n !== null && isPunct(toks[n.next], ")") && !used[n.num]) {
        sink.add(line, n.num, "filesOverLineLimit", n.value, n.approx);
        used[n.num] = 1;
        return;
      }
    }
    if (label !== null && k < label.end && isWord(toks[k], "file") && isWord(toks[k + 1], "size")) {
      const n = countFrom(toks, label.end + 1);
      if (n !== null && isWordIn(toks[n.next], SIZE_ISSUE_WORDS) && !used[n.num]) {
        sink.add(line, n.num, "filesOverLineLimit", n.value, n.approx);
        used[n.num] = 1;
        return;
      }
    }
  }
}

/** "tests/test_big.py exceeds the 300-line limit" → the file is over it. */
function fileOverLimit(line: Line, sink: Sink): void {
  const toks = line.toks;
  for (let i = 0; i < toks.length; i += 1) {
    if (toks[i]!.kind !== "file") {
      continue;
    }
    let k = i + 1;
    if (isPunct(toks[k], "(")) {
      while (k < toks.length && k < i + 6 && !isPunct(toks[k], ")")) {
        k += 1;
      }
      k += 1;
    }
    const over = overPhraseAt(toks, k);
    if (over < 0) {
      continue;
    }
    const lim = limitSpecAt(toks, over);
    if (lim !== null) {
      sink.add(line, i, "fileOverLineLimit", 1, false, { file: toks[i]!.text, limit: lim.limit });
    } else if (bareLimitAt(toks, over) >= 0) {
      sink.add(line, i, "fileOverLineLimit", 1, false, { file: toks[i]!.text });
    }
  }
}

export function lineLimitClaims(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const label = line.label;
  if (label?.limit !== undefined) {
    const c = countFrom(toks, label.end + 1);
    if (c !== null) {
      const t = toks[c.next];
      if (t === undefined || isPunctIn(t, "(.,") || isWord(t, "files")) {
        sink.add(line, c.num, "filesOverLineLimit", c.value, c.approx, { limit: label.limit });
        used[c.num] = 1;
      }
    }
    return;
  }
  fileOverLimit(line, sink);
  sizeIssues(line, used, sink);
  if (label !== null && label.kind !== "neutral") {
    return;
  }
  const floor = label === null ? 0 : label.end + 1;
  for (const c of neutralCounts(toks, floor, used)) {
    // "(12) files over the 300-line limit"
    const next = isPunct(toks[c.next], ")") && isPunct(toks[c.start - 1], "(") ? c.next + 1 : c.next;
    const fn = filesNounAt(toks, next, false);
    const over = fn < 0 ? -1 : overPhraseAt(toks, fn);
    const lim = over < 0 ? null : limitSpecAt(toks, over);
    if (lim !== null) {
      sink.add(line, c.num, "filesOverLineLimit", c.value, c.approx, { limit: lim.limit });
      used[c.num] = 1;
    } else if (over >= 0 && bareLimitAt(toks, over) >= 0) {
      sink.add(line, c.num, "filesOverLineLimit", c.value, c.approx);
      used[c.num] = 1;
    }
  }
}
