/**
 * Sizes of code: the lines of code of the audited files ("Lines of Code: ~6,200", "~6,200 lines of
 * test code"), the byte size of a named file ("integrate_audit.py (7,520 bytes)", "Size: 12,845
 * bytes" in a file's section) and its method count ("Methods: 12", "defines 12 methods"). A count
 * qualified by what kind of method it is ("12 event logging methods") is not read: the code cannot
 * tell which methods the report means.
 */
import { followerOk, linesNounAt, neutralCounts } from "./count-phrases.js";
import { countAt, countFrom } from "./counts.js";
import type { Line } from "./line.js";
import type { Sink } from "./sink.js";
import { isPunctIn, isWord, isWordIn, type Tok } from "./tokens.js";
import { BYTES_WORDS, METHOD_ADJ, METHOD_NOUNS } from "./vocabulary.js";

/** Files that are not code but whose size a report may give ("AUDIT_COMPLETE.md (5,857 bytes)"). */
const DOCUMENT_EXTENSIONS = new Set(["md", "txt", "json", "yaml", "yml", "toml", "ini", "cfg", "xml", "html", "csv", "rst", "sh"]);

function namedFile(t: Tok): string | null {
  if (t.kind === "file") {
    return t.text;
  }
  const dot = t.text.lastIndexOf(".");
  return t.kind === "word" && dot > 0 && DOCUMENT_EXTENSIONS.has(t.low.slice(dot + 1)) ? t.text : null;
}

/** "N methods", "N public methods" at the count `c` → the index after the noun, or -1. */
function methodsNounAfter(toks: readonly Tok[], next: number): number {
  const k = isWordIn(toks[next], METHOD_ADJ) ? next + 1 : next;
  return isWordIn(toks[k], METHOD_NOUNS) && !isWord(toks[next - 2], "test") ? k + 1 : -1;
}

/** Byte sizes and method counts right after a file's name: "x.py (7,520 bytes)", "x.py - 12 methods". */
function inlineSizes(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  for (let i = 0; i < toks.length; i += 1) {
    const file = namedFile(toks[i]!);
    if (file === null) {
      continue;
    }
    let k = i + 1;
    while (k < i + 3 && isPunctIn(toks[k], "(:-=,")) {
      k += 1;
    }
    const c = countFrom(toks, k);
    if (c === null || used[c.num]) {
      continue;
    }
    if (isWordIn(toks[c.next], BYTES_WORDS)) {
      sink.add(line, c.num, "fileBytes", c.value, c.approx, { file });
      used[c.num] = 1;
    } else if (methodsNounAfter(toks, c.next) >= 0 && toks[i]!.kind === "file") {
      sink.add(line, c.num, "fileMethods", c.value, c.approx, { file });
      used[c.num] = 1;
    }
  }
}

/** In a file's section: "Size: 12,845 bytes (450 lines)", "Methods: 12", "- 12 methods". */
function sectionSizes(line: Line, file: string, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const label = line.label;
  const words = label === null ? [] : toks.slice(0, label.end).filter((t) => t.kind === "word").map((t) => t.low);
  const from = label === null ? 0 : label.end + 1;
  for (let k = from; k < toks.length && k < from + 6; k += 1) {
    const c = toks[k]!.kind === "num" && !used[k] ? countAt(toks, k) : null;
    if (c === null) {
      continue;
    }
    if (isWordIn(toks[c.next], BYTES_WORDS)) {
      sink.add(line, c.num, "fileBytes", c.value, c.approx, { file });
      used[c.num] = 1;
    } else if ((methodsNounAfter(toks, c.next) >= 0 && k === from) || (words.length === 1 && isWordIn(toks[0], METHOD_NOUNS) && k === from && followerOk(toks, c.next))) {
      sink.add(line, c.num, "fileMethods", c.value, c.approx, { file });
      used[c.num] = 1;
    }
  }
}

/** Outside any file's section: the lines of code of the whole set of audited files. */
function totalLines(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const label = line.label;
  if (label?.kind === "lines") {
    const c = countFrom(toks, label.end + 1);
    if (c !== null && !used[c.num]) {
      const noun = linesNounAt(toks, c.next);
      if (followerOk(toks, noun >= 0 ? noun : c.next)) {
        sink.add(line, c.num, "totalLines", c.value, c.approx);
        used[c.num] = 1;
      }
    }
    return;
  }
  if (label !== null && label.kind !== "neutral") {
    return;
  }
  for (const c of neutralCounts(toks, label === null ? 0 : label.end + 1, used)) {
    // "6,200 lines of test code"
    const ofTestCode = isWord(toks[c.next], "lines") && isWord(toks[c.next + 1], "of") && isWord(toks[c.next + 3], "code");
    const noun = ofTestCode ? c.next + 4 : linesNounAt(toks, c.next);
    // Plain "N lines" is too often about one file; "lines of code" and "LOC" speak of a code base.
    const ofCode = noun >= 0 && !(isWord(toks[c.next], "lines") && noun === c.next + 1);
    if (ofCode && followerOk(toks, noun)) {
      sink.add(line, c.num, "totalLines", c.value, c.approx);
      used[c.num] = 1;
    }
  }
}

/** `sectionFile`: the file whose section the line is in; `inSection`: the line is in a section of files. */
export function codeSizeClaims(line: Line, sectionFile: string | null, inSection: boolean, used: Uint8Array, sink: Sink): void {
  inlineSizes(line, used, sink);
  let namesFile = false;
  for (const t of line.toks) {
    namesFile ||= namedFile(t) !== null;
  }
  if (namesFile) {
    return;
  }
  if (sectionFile !== null) {
    sectionSizes(line, sectionFile, used, sink);
  } else if (!inSection) {
    totalLines(line, used, sink);
  }
}
