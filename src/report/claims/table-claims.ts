/**
 * Markdown tables: per-file rows ("| tests/test_db.py | 18 | 17/18 passed | 412 |") under a header
 * that says which column counts what, a "Total" row, and two-column metric tables ("| Files audited
 * | 12 |"), which read like labelled lines.
 */
import { linesNounAt, passedRatioAt, testNounAt } from "./count-phrases.js";
import { countFrom, type Count } from "./counts.js";
import { distinctFiles, isTestFileName, soleFile } from "./file-names.js";
import { parseLine, type Line } from "./line.js";
import { lineClaims, type ReportContext } from "./line-claims.js";
import { splitRow } from "./markdown.js";
import { normalize, stripMarkers } from "./markup.js";
import type { Section } from "./sections.js";
import type { Sink } from "./sink.js";
import { allIn, isPunctIn, someIn, tokenize, wordsOf, type Tok } from "./tokens.js";
import {
  FILE_HEADER_WORDS, LINES_HEADER_VOCAB, PASSED_LABEL_VOCAB, PASSED_WORDS, TESTS_HEADER_KEY, TESTS_HEADER_VOCAB,
  TOTAL_CELL_VOCAB, TOTAL_CELLS,
} from "./vocabulary.js";

interface Cell {
  toks: Tok[];
  /** The cell's words, or null when it holds anything but words. */
  words: string[] | null;
}

/** Which column holds what; -1 where no header says so. */
interface Columns {
  file: number;
  tests: number;
  passed: number;
  lines: number;
}

function parseCell(cell: string): Cell {
  const toks = tokenize(stripMarkers(normalize(cell)).content);
  return { toks, words: wordsOf(toks, 0, toks.length) };
}

function columnsOf(header: readonly string[][]): Columns {
  const cols: Columns = { file: -1, tests: -1, passed: -1, lines: -1 };
  header.forEach((words, c) => {
    if (words.length === 0) {
      return;
    }
    if (cols.file < 0 && someIn(words, FILE_HEADER_WORDS) && !words.includes("lines") && !words.includes("count")) {
      cols.file = c;
    } else if (cols.tests < 0 && someIn(words, TESTS_HEADER_KEY) && allIn(words, TESTS_HEADER_VOCAB)) {
      cols.tests = c;
    } else if (cols.passed < 0 && someIn(words, PASSED_WORDS) && allIn(words, PASSED_LABEL_VOCAB)) {
      cols.passed = c;
    } else if (cols.lines < 0 && (words.includes("lines") || words.includes("loc") || words.includes("sloc")) && allIn(words, LINES_HEADER_VOCAB)) {
      cols.lines = c;
    }
  });
  return cols;
}

/** "Total", "Grand total", "All files": a row of totals. */
function isTotalCell(words: string[] | null): boolean {
  return words !== null && words.length > 0 && words.length <= 3 && TOTAL_CELLS.has(words[0]!) && allIn(words, TOTAL_CELL_VOCAB);
}

/** A cell holding a count and nothing more than its noun (`noun`: "tests", "lines"). */
function cellCount(cell: Cell | undefined, noun: (toks: readonly Tok[], j: number) => number): Count | null {
  if (cell === undefined) {
    return null;
  }
  const toks = cell.toks;
  const cnt = countFrom(toks, 0);
  if (cnt === null) {
    return null;
  }
  const n = noun(toks, cnt.next);
  const t = toks[n >= 0 ? n : cnt.next];
  return t === undefined || isPunctIn(t, "(,") ? cnt : null;
}

function isCountColumn(cols: Columns, c: number): boolean {
  return c === cols.tests || c === cols.passed || c === cols.lines;
}

/** The one file a row is about: named in the file column, else in any cell that is not a count's. */
function rowFile(cells: readonly Cell[], cols: Columns): string | null {
  if (cols.file >= 0) {
    return soleFile(distinctFiles(cells[cols.file]?.toks ?? []));
  }
  const found: string[] = [];
  cells.forEach((cell, c) => {
    if (!isCountColumn(cols, c)) {
      found.push(...distinctFiles(cell.toks));
    }
  });
  return soleFile(found);
}

function rowClaims(row: Line, cells: readonly Cell[], cols: Columns, section: Section | null, sink: Sink): void {
  const file = rowFile(cells, cols);
  if (file === null) {
    const fileWords = cols.file >= 0 ? (cells[cols.file]?.words ?? null) : null;
    if (section === null && (isTotalCell(cells[0]?.words ?? null) || isTotalCell(fileWords))) {
      const tests = cellCount(cells[cols.tests], testNounAt);
      if (tests !== null) {
        sink.add(row, cols.tests, "totalTests", tests.value, tests.approx);
      }
    }
    return;
  }
  const isTest = isTestFileName(file);
  const tests = cellCount(cells[cols.tests], testNounAt);
  if (tests !== null && isTest) {
    sink.add(row, cols.tests, "fileTests", tests.value, tests.approx, { file });
  }
  const lineCount = cellCount(cells[cols.lines], linesNounAt);
  if (lineCount !== null) {
    sink.add(row, cols.lines, "fileLines", lineCount.value, lineCount.approx, { file });
  }
  if (!isTest) {
    return;
  }
  if (cols.passed >= 0) {
    const pr = passedRatioAt(cells[cols.passed]?.toks ?? [], 0, true);
    if (pr !== null) {
      sink.add(row, cols.passed, "fileTestsPassed", pr.n, pr.approx, { file, total: pr.m });
    } else {
      // "| 18 | 17 |": the passed count out of the tests column's count.
      const passed = cellCount(cells[cols.passed], testNounAt);
      if (passed !== null && tests !== null && !tests.approx && passed.value <= tests.value) {
        sink.add(row, cols.passed, "fileTestsPassed", passed.value, passed.approx, { file, total: tests.value });
      }
    }
  }
  cells.forEach((cell, c) => {
    if (isCountColumn(cols, c) || c === cols.file) {
      return;
    }
    for (let k = 0; k < cell.toks.length; k += 1) {
      const pr = passedRatioAt(cell.toks, k, false);
      if (pr !== null) {
        sink.add(row, c, "fileTestsPassed", pr.n, pr.approx, { file, total: pr.m });
        break;
      }
    }
  });
}

/**
 * A Markdown table starting at `start` (header, separator, rows) → the index after it. `lines` are
 * the report's lines as a reader sees them; `written`, as written, are what claims quote.
 */
export function tableClaims(lines: readonly string[], written: readonly string[], start: number, section: Section | null, sink: Sink, context: ReportContext): number {
  const header = splitRow(lines[start]!).map((c) => parseCell(c).words ?? []);
  let end = start + 2;
  while (end < lines.length && lines[end]!.includes("|") && lines[end]!.trim() !== "") {
    end += 1;
  }
  const cols = columnsOf(header);
  const isMetricTable = cols.tests < 0 && cols.passed < 0 && cols.lines < 0 && header.length === 2;
  for (let r = start + 2; r < end; r += 1) {
    const raw = lines[r]!;
    const cells = splitRow(raw);
    if (isMetricTable) {
      // "| Files audited | 12 |" reads as "Files audited: 12".
      const line = parseLine(`${cells[0] ?? ""}: ${cells[1] ?? ""}`, r + 1);
      line.text = written[r]!.trim();
      lineClaims(line, section, sink, context);
      continue;
    }
    const row: Line = { no: r + 1, text: written[r]!.trim(), heading: 0, toks: [], label: null };
    rowClaims(row, cells.map(parseCell), cols, section, sink);
  }
  return end;
}
