/**
 * Per-file claims: test counts, "N/M tests passed" and line counts, about a file named on the line
 * ("test_db.py: 18 tests, 412 lines") or about the file whose section the line is in ("- 18 tests").
 * A count about a file that is not a test file is no test count, but its line count still is a claim.
 * `used` marks the tokens already read as a claim's number, so that no number makes two claims.
 */
import { acrossFilesAt, followerOk, linesNounAt, passedRatioAt, testNounAt } from "./count-phrases.js";
import { countAt, countFrom, type Count } from "./counts.js";
import { isTestFileName } from "./file-names.js";
import type { Line } from "./line.js";
import type { Sink } from "./sink.js";
import { isPunctIn, isWord, isWordIn, type Tok } from "./tokens.js";
import { FILE_COUNT_VERBS, JOINERS, LEAD_VERBS } from "./vocabulary.js";

/** The count `c` followed by "tests" or "lines" is a claim about `file` → the index after the noun, or -1. */
function countClaim(line: Line, c: Count, file: string, isTest: boolean, used: Uint8Array, sink: Sink): number {
  const toks = line.toks;
  const tn = testNounAt(toks, c.next);
  if (tn >= 0 && followerOk(toks, tn) && acrossFilesAt(toks, tn) === null) {
    if (isTest) {
      sink.add(line, c.num, "fileTests", c.value, c.approx, { file });
    }
    used[c.num] = 1;
    return tn;
  }
  const ln = tn < 0 ? linesNounAt(toks, c.next) : -1;
  if (ln >= 0 && followerOk(toks, ln)) {
    sink.add(line, c.num, "fileLines", c.value, c.approx, { file });
    used[c.num] = 1;
    return ln;
  }
  return -1;
}

/** "N/M tests passed" about `file`, read from the line at `j` → the index after it, or -1. */
function passedClaim(line: Line, j: number, bare: boolean, file: string, isTest: boolean, used: Uint8Array, sink: Sink): number {
  const pr = passedRatioAt(line.toks, j, bare);
  if (pr === null) {
    return -1;
  }
  if (isTest) {
    sink.add(line, pr.num, "fileTestsPassed", pr.n, pr.approx, { file, total: pr.m });
  }
  used[pr.num] = 1;
  return pr.next;
}

function isJoiner(t: Tok | undefined): boolean {
  return t !== undefined && (t.kind === "word" || t.kind === "punct") && JOINERS.has(t.low);
}

/** "test_db.py: 18 tests, 412 lines", "test_db.py (17/18 tests passed)": counts right after a file name. */
export function inlineFileClaims(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  for (let i = 0; i < toks.length; i += 1) {
    const f = toks[i]!;
    if (f.kind !== "file") {
      continue;
    }
    if ((isJoiner(toks[i - 1]) && toks[i - 2]?.kind === "file") || (isJoiner(toks[i + 1]) && toks[i + 2]?.kind === "file")) {
      continue; // "test_a.py and test_b.py: 30 tests" counts both
    }
    const isTest = isTestFileName(f.text);
    let k = i + 1;
    for (let skipped = 0; skipped < 3 && k < toks.length && (isPunctIn(toks[k], ":-(=,)]") || isWordIn(toks[k], FILE_COUNT_VERBS)); skipped += 1) {
      k += 1;
    }
    for (let items = 0; items < 4; items += 1) {
      const afterPassed = passedClaim(line, k, false, f.text, isTest, used, sink);
      if (afterPassed >= 0) {
        k = afterPassed;
      } else {
        const c = countFrom(toks, k);
        const afterCount = c === null || used[c.num] ? -1 : countClaim(line, c, f.text, isTest, used, sink);
        if (afterCount < 0) {
          break;
        }
        k = afterCount;
      }
      let sep = 0;
      while (sep < 2 && k < toks.length && (isPunctIn(toks[k], ",;|()-") || isWord(toks[k], "and"))) {
        k += 1;
        sep += 1;
      }
      if (sep === 0) {
        break;
      }
    }
  }
}

/** Lines inside a section whose heading names one file: "- **Test Methods:** 19 tests", "- 412 lines". */
export function sectionFileClaims(line: Line, file: string, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const isTest = isTestFileName(file);
  const label = line.label;
  const v = label === null ? 0 : label.end + 1;
  const kind = label?.kind;
  if (kind === "testCount" || kind === "passed") {
    if (passedClaim(line, v, true, file, isTest, used, sink) < 0 && kind === "testCount") {
      const c = countFrom(toks, v);
      if (c !== null) {
        const tn = testNounAt(toks, c.next);
        const after = tn >= 0 ? tn : c.next;
        if (followerOk(toks, after) && acrossFilesAt(toks, after) === null) {
          if (isTest) {
            sink.add(line, c.num, "fileTests", c.value, c.approx, { file });
          }
          used[c.num] = 1;
        }
      }
    }
  } else if (kind === "lines") {
    const c = countFrom(toks, v);
    if (c !== null) {
      const ln = linesNounAt(toks, c.next);
      if (followerOk(toks, ln >= 0 ? ln : c.next)) {
        sink.add(line, c.num, "fileLines", c.value, c.approx, { file });
        used[c.num] = 1;
      }
    }
  } else if (kind === "size") {
    for (let k = v; k < toks.length && k < v + 8; k += 1) {
      if (toks[k]!.kind === "num" && !used[k]) {
        const c = countAt(toks, k);
        const ln = c === null ? -1 : linesNounAt(toks, c.next);
        if (c !== null && ln >= 0 && followerOk(toks, ln)) {
          sink.add(line, c.num, "fileLines", c.value, c.approx, { file });
          used[c.num] = 1;
          break;
        }
      }
    }
  } else if (label === null || kind === "neutral") {
    const c = countFrom(toks, isWordIn(toks[v], LEAD_VERBS) ? v + 1 : v);
    if (c !== null && !used[c.num]) {
      countClaim(line, c, file, isTest, used, sink);
    }
  }
  if (!isTest) {
    return;
  }
  for (let k = 0; k < toks.length; k += 1) {
    const t = toks[k]!;
    if ((t.kind === "ratio" || t.kind === "num") && !used[k]) {
      const after = passedClaim(line, k, false, file, true, used, sink);
      if (after >= 0) {
        k = after - 1;
      }
    }
  }
}
