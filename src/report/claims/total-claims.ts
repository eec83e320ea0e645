/** Totals outside any file's section: "171 tests across 11 files", "Files Audited: 11", "171 individual test methods". */
import { acrossFilesAt, filesNounAt, followerOk, neutralCounts, testNounAt } from "./count-phrases.js";
import { countFrom } from "./counts.js";
import type { Line } from "./line.js";
import type { Sink } from "./sink.js";
import { isPunctIn, isWord, isWordIn } from "./tokens.js";
import { FILES_FOLLOW_OK } from "./vocabulary.js";

/** After a "Total Tests:" label. */
function labelledTestTotal(line: Line, v: number, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const c = countFrom(toks, v);
  if (c === null || used[c.num]) {
    return;
  }
  const tn = testNounAt(toks, c.next);
  const after = tn >= 0 ? tn : c.next;
  if (!followerOk(toks, after)) {
    return;
  }
  sink.add(line, c.num, "totalTests", c.value, c.approx);
  used[c.num] = 1;
  const files = acrossFilesAt(toks, after);
  if (files !== null) {
    sink.add(line, files.num, "totalFiles", files.value, files.approx);
    used[files.num] = 1;
  }
}

/** After a "Files Audited:" label. */
function labelledFileTotal(line: Line, v: number, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const c = countFrom(toks, v);
  if (c === null || used[c.num]) {
    return;
  }
  const fn = filesNounAt(toks, c.next, false);
  const t = toks[fn >= 0 ? fn : c.next];
  if (t === undefined || isPunctIn(t, "(,.;-")) {
    sink.add(line, c.num, "totalFiles", c.value, c.approx);
    used[c.num] = 1;
  }
}

/** Totals in a sentence: each count whose sentence says nothing before it that narrows it to a part of the suite. */
function sentenceTotals(line: Line, v: number, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  for (const c of neutralCounts(toks, v, used)) {
    const tn = testNounAt(toks, c.next);
    if (isWord(toks[c.start - 1], "of") && isWord(toks[c.start - 2], "total") && tn >= 0 && followerOk(toks, tn)) {
      sink.add(line, c.num, "totalTests", c.value, c.approx); // "a total of 171 tests"
      used[c.num] = 1;
      continue;
    }
    if (tn >= 0) {
      const files = acrossFilesAt(toks, tn);
      if (files !== null) {
        sink.add(line, c.num, "totalTests", c.value, c.approx);
        sink.add(line, files.num, "totalFiles", files.value, files.approx);
        used[c.num] = 1;
        used[files.num] = 1;
        continue;
      }
      let totalish = false;
      for (let k = c.next; k < tn; k += 1) {
        if (isWord(toks[k], "total") || isWord(toks[k], "individual")) {
          totalish = true;
        }
      }
      let after = tn;
      if (isWord(toks[tn], "in") && isWord(toks[tn + 1], "total")) {
        totalish = true;
        after = tn + 2;
      } else if (isWord(toks[tn], "total") || isWord(toks[tn], "overall") || isWord(toks[tn], "altogether")) {
        totalish = true;
        after = tn + 1;
      }
      if (totalish && followerOk(toks, after)) {
        sink.add(line, c.num, "totalTests", c.value, c.approx);
        used[c.num] = 1;
      }
      continue;
    }
    const fn = filesNounAt(toks, c.next, true);
    if (fn >= 0) {
      const t = toks[fn];
      if (t === undefined || isPunctIn(t, ",.);(-") || isWordIn(t, FILES_FOLLOW_OK) || (isWord(t, "in") && isWord(toks[fn + 1], "total"))) {
        sink.add(line, c.num, "totalFiles", c.value, c.approx);
        used[c.num] = 1;
      }
    }
  }
}

export function totalClaims(line: Line, used: Uint8Array, sink: Sink): void {
  const label = line.label;
  const v = label === null ? 0 : label.end + 1;
  if (label?.kind === "testCount") {
    labelledTestTotal(line, v, used, sink);
  } else if (label?.kind === "files") {
    labelledFileTotal(line, v, used, sink);
  } else if (label === null || label.kind === "neutral") {
    sentenceTotals(line, v, used, sink);
  }
}
