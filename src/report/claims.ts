/**
 * The checkable claims in a hand-written audit report (Markdown or plain text): test counts per file,
 * totals, "N/M tests passed", line counts and the compliance percentages for the three policies
 * testaudit checks (no mocks, a required base class, Business Value Justification blocks).
 *
 * The extractor is deliberately conservative: a number becomes a claim only when the words around it
 * say plainly what it counts. Dates, versions, money, line ranges, section and issue numbers,
 * enumerations and percentages about anything else (coverage, uptime, success rates, scores) are
 * skipped, and so is anything scoped to a subset ("Auth Service: 34 tests", "3 tests failed").
 *
 * Per-file claims name their file on the line ("test_db.py: 18 tests", a table row) or inherit it:
 * a heading that names one file gives it to the lines below until a heading of the same or a higher
 * level, another file's heading or a thematic break ("---", "==="); a line naming only a file
 * ("**2. tests/test_db.py**", "File: x.py", "Test Suite: test_x.py") works like a heading below all
 * the others (it also ends at a line indented less than itself); a list item that starts with a file
 * covers the more deeply indented lines under it. A section whose heading names several files gives
 * its lines no file and no totals. Fenced code blocks are skipped.
 *
 * Everything here is linear in the size of the report: lines are cut into tokens by one hand-written
 * scan, and every pattern looks at a bounded window of tokens around a number. No regular expression
 * runs over report text.
 */

export type ClaimKind =
  | "fileTests" // tests in a named file: "### 3. tests/integration/test_db.py" ... "**Test Methods:** 18 tests"; "test_db.py: 18 tests"; table rows
  | "fileTestsPassed" // "N/M tests passed" for a named test file (M is the claimed test count)
  | "totalTests" // "171 individual test methods", "171 tests across 11 files" (also yields totalFiles)
  | "totalFiles" // "across 11 files", "11 integration test files"
  | "noMocksPercent" // "100% NO MOCKS compliance", "95% of tests use real services (no mocks)"
  | "baseClassPercent" // "100% SSOT compliance - all tests inherit from SSotBaseTestCase", "... base class ..."
  | "bvjPercent" // "100% BVJ compliance", "every test includes a Business Value Justification" (= 100)
  | "fileLines" // "test_x.py (412 lines)", "test_x.py: 412 lines"
  | "filesOverLineLimit"; // "12 test files exceed the 300 line limit" (value 12, limit 300)

export interface Claim {
  kind: ClaimKind;
  line: number; // 1-based line in the report where the number is stated
  text: string; // the claim's source line, trimmed
  stated: number; // the number stated (percent as 0..100)
  approximate: boolean; // the report hedged it: "~18", "about 18", "approximately", "≈", "18+"
  file?: string; // for per-file claims: the path or file name as written
  limit?: number; // for filesOverLineLimit: the line limit
  total?: number; // for fileTestsPassed: M in "N/M"
  baseClass?: string; // for baseClassPercent when a class is named ("SSotBaseTestCase")
}

// ---------------------------------------------------------------------------------------------------
// Tokens

type TokKind = "word" | "num" | "punct" | "file" | "ratio";

interface Tok {
  kind: TokKind;
  /** As written, markup removed; for files the path as written. */
  text: string;
  low: string;
  /** num: its value; ratio: N in N/M. */
  value: number;
  /** ratio: M in N/M. */
  total: number;
  /** num: a whole number written without a decimal point. */
  int: boolean;
  /** Whitespace (or the start of the line) comes right before the token. */
  space: boolean;
}

const CODE_EXTENSIONS = new Set([
  "py", "pyi", "ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs",
  "go", "rb", "java", "kt", "kts", "rs", "cs", "php", "swift", "scala", "ex", "exs",
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters that make up words, numbers and paths. */
function isRunChar(c: number): boolean {
  return isDigit(c) || isLetter(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 47 /* / */ || c === 92 /* \ */ || c === 45 /* - */;
}

/** "171", "1,200", "98.7", "12,845.5" → the value; anything else → null. */
function parseNumber(s: string): { value: number; int: boolean } | null {
  const n = s.length;
  if (n === 0 || n > 24) {
    return null;
  }
  let i = 0;
  let digits = "";
  let group = 0;
  let sawComma = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      digits += s[i];
      group += 1;
      if (sawComma && group > 3) {
        return null;
      }
    } else if (c === 44 /* , */) {
      if (group === 0 || (sawComma ? group !== 3 : group > 3)) {
        return null;
      }
      sawComma = true;
      group = 0;
    } else {
      break;
    }
    i += 1;
  }
  if (digits.length === 0 || (sawComma && group !== 3)) {
    return null;
  }
  if (i === n) {
    return { value: Number(digits), int: true };
  }
  if (s.charCodeAt(i) !== 46 /* . */ || i + 1 === n) {
    return null;
  }
  for (let k = i + 1; k < n; k += 1) {
    if (!isDigit(s.charCodeAt(k))) {
      return null;
    }
  }
  return { value: Number(digits + s.slice(i)), int: false };
}

/** The extension of a code file named by `s`, or null ("test_db.py" → "py"). */
function codeExtension(s: string): string | null {
  const dot = s.lastIndexOf(".");
  if (dot <= 0 || dot === s.length - 1) {
    return null;
  }
  const ext = s.slice(dot + 1).toLowerCase();
  if (!CODE_EXTENSIONS.has(ext)) {
    return null;
  }
  const slash = Math.max(s.lastIndexOf("/"), s.lastIndexOf("\\"));
  const stem = s.slice(slash + 1, dot);
  for (let i = 0; i < stem.length; i += 1) {
    if (isLetter(stem.charCodeAt(i))) {
      return ext;
    }
  }
  return null;
}

const TEST_DIRS = new Set(["test", "tests", "__tests__", "spec", "specs", "e2e", "integration_tests", "testing"]);

/** Names a test file by the usual conventions: test_x.py, x_test.go, x.test.ts, XTest.java, tests/… */
function isTestFileName(path: string): boolean {
  const parts = path.replaceAll("\\", "/").split("/");
  const base = parts[parts.length - 1] ?? "";
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const low = stem.toLowerCase();
  if (
    low.startsWith("test_") || low.startsWith("test-") || low === "test" || low === "tests" ||
    low.endsWith("_test") || low.endsWith("_tests") || low.endsWith("-test") || low.endsWith("_spec") ||
    low.endsWith(".test") || low.endsWith(".spec") || low.includes(".test.") || low.includes(".spec.")
  ) {
    return true;
  }
  if (stem.endsWith("Test") || stem.endsWith("Tests") || stem.endsWith("IT")) {
    return true;
  }
  if (stem.startsWith("Test") && stem.length > 4 && stem.charCodeAt(4) >= 65 && stem.charCodeAt(4) <= 90) {
    return true;
  }
  for (let i = 0; i < parts.length - 1; i += 1) {
    if (TEST_DIRS.has((parts[i] ?? "").toLowerCase())) {
      return true;
    }
  }
  return false;
}

function makeTok(kind: TokKind, text: string, space: boolean, value = 0, total = 0, int = false): Tok {
  return { kind, text, low: kind === "word" || kind === "file" ? text.toLowerCase() : text, value, total, int, space };
}

/** One run of word characters → a token (a number, an N/M ratio, a file or a word). */
function classifyRun(run: string, space: boolean): Tok {
  const num = parseNumber(run);
  if (num !== null) {
    return makeTok("num", run, space, num.value, 0, num.int);
  }
  const slash = run.indexOf("/");
  if (slash > 0 && slash === run.lastIndexOf("/")) {
    const a = parseNumber(run.slice(0, slash));
    const b = parseNumber(run.slice(slash + 1));
    if (a !== null && b !== null && a.int && b.int) {
      return makeTok("ratio", run, space, a.value, b.value, true);
    }
  }
  if (codeExtension(run) !== null) {
    return makeTok("file", run, space);
  }
  let s = 0;
  let e = run.length;
  while (s < e && run.charCodeAt(s) === 95) {
    s += 1;
  }
  while (e > s && run.charCodeAt(e - 1) === 95) {
    e -= 1;
  }
  const word = s < e ? run.slice(s, e) : run;
  const inner = parseNumber(word);
  if (inner !== null) {
    return makeTok("num", word, space, inner.value, 0, inner.int);
  }
  return makeTok("word", word, space);
}

function tokenize(s: string): Tok[] {
  const toks: Tok[] = [];
  const n = s.length;
  let i = 0;
  let space = true;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      space = true;
      i += 1;
      continue;
    }
    if (!isRunChar(c)) {
      toks.push(makeTok("punct", s[i] ?? "", space));
      space = false;
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (isRunChar(d)) {
        j += 1;
      } else if (d === 44 && isDigit(s.charCodeAt(j - 1)) && j + 1 < n && isDigit(s.charCodeAt(j + 1))) {
        j += 1; // thousands separator
      } else if (d === 58 && j === i + 1 && isLetter(c) && (s.charCodeAt(j + 1) === 92 || s.charCodeAt(j + 1) === 47)) {
        j += 1; // drive letter: C:\…
      } else {
        break;
      }
    }
    let e = j;
    while (e > i && (s.charCodeAt(e - 1) === 46 || s.charCodeAt(e - 1) === 45)) {
      e -= 1; // a sentence's full stop, a dangling hyphen
    }
    if (e > i) {
      toks.push(classifyRun(s.slice(i, e), space));
      if (e < j) {
        toks.push(makeTok("punct", s[e] ?? "", false));
      }
    } else {
      toks.push(makeTok("punct", s[i] ?? "", space));
    }
    space = false;
    i = j;
  }
  return toks;
}

/**
 * Markup and decoration out, plain ASCII in: emphasis and code marks, emoji, check marks and their
 * mojibake become spaces; dashes become " - "; "≈", "≥", "≤" become "~"; "~~" (strikethrough) goes.
 */
function normalize(raw: string): string {
  let out = "";
  const n = raw.length;
  for (let i = 0; i < n; i += 1) {
    const c = raw.charCodeAt(i);
    if (c === 42 /* * */ || c === 96 /* ` */ || c === 9 /* tab */) {
      out += " ";
    } else if (c === 126 /* ~ */ && raw.charCodeAt(i + 1) === 126) {
      out += " ";
      i += 1;
    } else if (c === 92 /* \ */ && i + 1 < n && "_*#|[]()~>+-.!`\\".includes(raw[i + 1] ?? "")) {
      out += raw[i + 1];
      i += 1;
    } else if (c < 128) {
      out += raw[i];
    } else if (c === 0x2248 || c === 0x2265 || c === 0x2264 || c === 0x223c || c === 0xff5e) {
      out += "~";
    } else if (c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 0x2212) {
      out += " - ";
    } else {
      out += " ";
    }
  }
  return out;
}

const LIMIT_LABEL_LEAD = new Set(["number", "of", "no", "count", "test", "spec", "integration", "python"]);
const FILES_WORDS = new Set(["files", "file"]);
const ARTICLES = new Set(["the", "a", "an", "our", "its", "their"]);
const PASSED_FILLER = new Set(["have", "has", "are", "were", "all"]);
const PASSED_VERBS = new Set(["passed", "passing", "pass", "passes", "succeeded", "succeeding", "green", "ok"]);
const FILE_COUNT_VERBS = new Set(["has", "contains", "with", "includes", "defines", "holds"]);
const FILES_FOLLOW_OK = new Set(["created", "audited", "reviewed", "analyzed", "analysed", "examined", "inspected", "validated", "checked", "scanned", "total", "altogether", "overall"]);
const CLASS_LEAD = new Set(["from", "the", "directly", "properly", "a", "our", "shared", "common", "canonical", "ssot"]);
const USE_PREPOSITIONS = new Set(["against", "on", "with", "to"]);
const NO_ZERO = new Set(["no", "zero"]);
const CLASS_CASE = new Set(["class", "case", "classes"]);
const QUANTIFIERS = new Set(["all", "any", "the", "every"]);
const NO_TEST_VERBS = new Set(["uses", "use", "contains", "contain", "imports", "import"]);

// ---------------------------------------------------------------------------------------------------
// Lines

type LabelKind = "testCount" | "passed" | "files" | "lines" | "size" | "neutral" | "file" | "other";

interface Label {
  /** Index of the ":" that ends the label. */
  end: number;
  kind: LabelKind;
  /** For a "Files over 300 lines:" label: the limit. */
  limit?: number;
}

interface Line {
  no: number;
  text: string;
  heading: number;
  toks: Tok[];
  label: Label | null;
}

/** Blockquote, heading, bullet, checkbox and enumerator markers off the front of a normalized line. */
function stripMarkers(s: string): { heading: number; content: string } {
  let p = 0;
  const n = s.length;
  const skipSpaces = (): void => {
    while (p < n && s.charCodeAt(p) === 32) {
      p += 1;
    }
  };
  skipSpaces();
  while (p < n && s[p] === ">") {
    p += 1;
    skipSpaces();
  }
  let heading = 0;
  if (s[p] === "#") {
    let q = p;
    while (q < n && s[q] === "#" && q - p < 7) {
      q += 1;
    }
    if (q - p <= 6 && (q === n || s[q] === " ")) {
      heading = q - p;
      p = q;
      skipSpaces();
    }
  }
  for (let round = 0; round < 4; round += 1) {
    const c = s[p];
    const after = (k: number): boolean => p + k >= n || s[p + k] === " ";
    if ((c === "-" || c === "+") && after(1)) {
      p += 1;
    } else if (c === "[" && s[p + 2] === "]" && (s[p + 1] === " " || s[p + 1] === "x" || s[p + 1] === "X")) {
      p += 3;
    } else if (c !== undefined && isDigit(c.charCodeAt(0))) {
      let q = p;
      while (q < n && q - p < 4 && isDigit(s.charCodeAt(q))) {
        q += 1;
      }
      if (q - p <= 3 && (s[q] === "." || s[q] === ")") && (q + 1 >= n || s[q + 1] === " ")) {
        p = q + 1;
      } else {
        break;
      }
    } else if (c !== undefined && isLetter(c.charCodeAt(0)) && (s[p + 1] === "." || s[p + 1] === ")") && after(2)) {
      p += 2;
    } else if (c === "(" && s[p + 2] === ")" && s[p + 1] !== undefined && (isLetter(s.charCodeAt(p + 1)) || isDigit(s.charCodeAt(p + 1))) && after(3)) {
      p += 3;
    } else {
      break;
    }
    skipSpaces();
  }
  return { heading, content: s.slice(p) };
}

function wordsOf(toks: readonly Tok[], from: number, to: number): string[] | null {
  const words: string[] = [];
  for (let i = from; i < to; i += 1) {
    const t = toks[i]!;
    if (t.kind === "word") {
      words.push(t.low);
    } else if (t.kind === "punct" && (t.text === "#" || t.text === "." || t.text === "(" || t.text === ")" || t.text === "/" || t.text === "&")) {
      continue;
    } else {
      return null;
    }
  }
  return words;
}

const TEST_WORDS = new Set(["test", "tests", "testcases"]);
const TEST_LABEL_VOCAB = new Set([
  "test", "tests", "testcases", "methods", "method", "cases", "case", "functions", "function", "total", "number", "of",
  "count", "no", "created", "written", "collected", "integration", "unit", "e2e", "individual", "overall", "audited",
  "found", "defined", "in", "file",
]);
const PASSED_WORDS = new Set(["passed", "passing", "pass", "passes"]);
const PASSED_LABEL_VOCAB = new Set(["tests", "test", "passed", "passing", "pass", "passes", "results", "result", "cases", "methods", "status", "run"]);
const FILE_LABEL_VOCAB = new Set([
  "files", "file", "test", "tests", "total", "audited", "reviewed", "analyzed", "analysed", "examined", "number", "of",
  "count", "integration", "spec", "scanned", "checked", "no", "created", "inspected",
]);
const LINES_LABEL_VOCAB = new Set(["lines", "line", "loc", "sloc", "count", "of", "code", "total", "number"]);
const SIZE_LABEL_VOCAB = new Set(["size", "length", "file"]);
const NEUTRAL_LABELS = new Set([
  "summary", "total", "totals", "overall", "result", "results", "key", "achievement", "achievements", "finding",
  "findings", "highlights", "highlight", "scope", "tldr", "tl", "dr", "bottom", "line", "metrics", "audit", "done",
  "note", "status", "update", "verdict", "conclusion", "evidence", "outcome", "final", "assessment", "the", "and",
  "executive", "in", "short", "brief", "numbers", "headline", "suite", "report", "overview",
]);

function allIn(words: readonly string[], vocab: ReadonlySet<string>): boolean {
  for (const w of words) {
    if (!vocab.has(w)) {
      return false;
    }
  }
  return true;
}

function someIn(words: readonly string[], vocab: ReadonlySet<string>): boolean {
  for (const w of words) {
    if (vocab.has(w)) {
      return true;
    }
  }
  return false;
}

function classifyLabel(toks: readonly Tok[], end: number): Label {
  for (let i = 0; i < end; i += 1) {
    if (toks[i]!.kind === "file") {
      return { end, kind: "file" };
    }
  }
  const overLimit = labelLineLimit(toks, end);
  if (overLimit !== null) {
    return { end, kind: "other", limit: overLimit };
  }
  const words = wordsOf(toks, 0, end);
  if (words === null || words.length === 0) {
    return { end, kind: "other" };
  }
  if (someIn(words, TEST_WORDS) && allIn(words, TEST_LABEL_VOCAB) && !(words.includes("file"))) {
    return { end, kind: "testCount" };
  }
  if (someIn(words, PASSED_WORDS) && allIn(words, PASSED_LABEL_VOCAB)) {
    return { end, kind: "passed" };
  }
  if ((words.includes("files") || words.includes("file")) && allIn(words, FILE_LABEL_VOCAB)) {
    return { end, kind: "files" };
  }
  if ((words.includes("lines") || words.includes("loc") || words.includes("sloc") || words.includes("line")) && allIn(words, LINES_LABEL_VOCAB)) {
    return { end, kind: "lines" };
  }
  if ((words.includes("size") || words.includes("length")) && allIn(words, SIZE_LABEL_VOCAB)) {
    return { end, kind: "size" };
  }
  if (allIn(words, NEUTRAL_LABELS)) {
    return { end, kind: "neutral" };
  }
  return { end, kind: "other" };
}

/** A label of the form "Test files over 300 lines" → 300. */
function labelLineLimit(toks: readonly Tok[], end: number): number | null {
  let k = 0;
  while (k < end && k < 4 && isWordIn(toks[k], LIMIT_LABEL_LEAD)) {
    k += 1;
  }
  if (!isWordIn(toks[k], FILES_WORDS)) {
    return null;
  }
  const over = overPhraseAt(toks, k + 1);
  if (over < 0) {
    return null;
  }
  const lim = limitSpecAt(toks, over);
  return lim !== null && lim.next === end ? lim.limit : null;
}

function parseLine(raw: string, no: number): Line {
  const { heading, content } = stripMarkers(normalize(raw));
  const toks = tokenize(content);
  let label: Label | null = null;
  for (let i = 1; i < toks.length && i <= 12; i += 1) {
    const t = toks[i]!;
    if (t.kind === "punct" && t.text === ":") {
      const next = toks[i + 1];
      if (next === undefined || next.space) {
        label = classifyLabel(toks, i);
      }
      break;
    }
  }
  return { no, text: raw.trim(), heading, toks, label };
}

// ---------------------------------------------------------------------------------------------------
// Token patterns (each looks at a bounded window)

function isWordIn(t: Tok | undefined, set: ReadonlySet<string>): boolean {
  return t !== undefined && t.kind === "word" && set.has(t.low);
}

function isWord(t: Tok | undefined, w: string): boolean {
  return t !== undefined && t.kind === "word" && t.low === w;
}

function isPunct(t: Tok | undefined, p: string): boolean {
  return t !== undefined && t.kind === "punct" && t.text === p;
}

const APPROX_WORDS = new Set(["about", "approximately", "approx", "around", "roughly", "nearly", "almost", "circa", "ca", "over", "some"]);
const APPROX_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["more", "than"], ["at", "least"], ["upwards", "of"], ["close", "to"], ["north", "of"], ["greater", "than"], ["in", "excess"],
];

/** Length of an approximation marker ending right before index `i` (0 when none). */
function approxBefore(toks: readonly Tok[], i: number): number {
  const p = toks[i - 1];
  if (p === undefined) {
    return 0;
  }
  if (p.kind === "punct" && (p.text === "~" || p.text === "<" || p.text === ">")) {
    return 1;
  }
  if (p.kind === "punct" && p.text === "=" && (isPunct(toks[i - 2], "<") || isPunct(toks[i - 2], ">"))) {
    return 2;
  }
  if (isWordIn(p, APPROX_WORDS)) {
    return 1;
  }
  const q = toks[i - 2];
  for (const [a, b] of APPROX_PAIRS) {
    if (isWord(q, a) && isWord(p, b)) {
      return 2;
    }
  }
  if (isWord(p, "of") && isWord(q, "excess") && isWord(toks[i - 3], "in")) {
    return 3;
  }
  return 0;
}

/** Length of an approximation marker starting at `j` (0 when none). */
function approxAt(toks: readonly Tok[], j: number): number {
  const t = toks[j];
  if (t === undefined) {
    return 0;
  }
  if (t.kind === "punct" && (t.text === "~" || t.text === "<" || t.text === ">")) {
    return isPunct(toks[j + 1], "=") ? 2 : 1;
  }
  if (isWordIn(t, APPROX_WORDS)) {
    return 1;
  }
  for (const [a, b] of APPROX_PAIRS) {
    if (isWord(t, a) && isWord(toks[j + 1], b)) {
      return isWord(t, "in") ? (isWord(toks[j + 2], "of") ? 3 : 0) : 2;
    }
  }
  return 0;
}

const MONTHS = new Set([
  "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
  "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
]);
/** A number right after one of these is an identifier or an ordinal, not a count. */
const NOT_COUNT_PREV = new Set([
  "section", "sections", "issue", "issues", "step", "steps", "phase", "version", "v", "line", "lines", "page", "item",
  "sprint", "week", "day", "pr", "priority", "chapter", "part", "top", "first", "last", "q", "rfc", "python", "node",
  "sonnet", "gpt", "release", "build", "iteration", "round", "test", "epic", "ticket", "bug", "task", "milestone",
  "stage", "level", "tier", "wave", "batch", "figure", "table", "appendix", "no", "number", "id", "port", "pid",
  "rule", "commit", "loop", "attempt", "run", "case", "scenario", "session", "grade", "ch", "p", "pp", "node.js",
]);

/** Whether the number at `j` is a count (not an id, a date part, a range end, a list member or a percent). */
function countable(toks: readonly Tok[], j: number): boolean {
  const t = toks[j];
  if (t === undefined || t.kind !== "num") {
    return false;
  }
  const prev = toks[j - 1];
  const next = toks[j + 1];
  const next2 = toks[j + 2];
  const prev2 = toks[j - 2];
  if (prev !== undefined && prev.kind === "punct" && "$#€£@".includes(prev.text) && !t.space) {
    return false;
  }
  if (isPunct(prev, "$") || isWordIn(prev, NOT_COUNT_PREV) || isWordIn(prev, MONTHS)) {
    return false;
  }
  if (next !== undefined && (isPunct(next, "%") || isWord(next, "percent"))) {
    return false;
  }
  if (isPunct(next, ":") && !next!.space && next2?.kind === "num" && !next2.space) {
    return false; // a time of day
  }
  const rangeOrList = (sep: Tok | undefined, other: Tok | undefined): boolean =>
    other !== undefined && other.kind === "num" && sep !== undefined &&
    ((sep.kind === "punct" && (sep.text === "-" || sep.text === "/" || sep.text === "," || sep.text === "x")) ||
      (sep.kind === "word" && (sep.low === "to" || sep.low === "of" || sep.low === "x" || sep.low === "and" || sep.low === "or")));
  if (rangeOrList(next, next2) || rangeOrList(prev, prev2)) {
    return false;
  }
  if (isWord(next, "x") || isWord(prev, "x")) {
    return false;
  }
  if (isPunct(next, "+") && !next!.space && next2?.kind === "num" && !next2.space) {
    return false; // arithmetic
  }
  return true;
}

interface Count {
  value: number;
  approx: boolean;
  /** First token of the count, approximation words included. */
  start: number;
  num: number;
  next: number;
}

/** The whole-number count whose number is at `i`, with its approximation marks. */
function countAt(toks: readonly Tok[], i: number, allowDecimal = false): Count | null {
  const t = toks[i];
  if (t === undefined || t.kind !== "num" || (!t.int && !allowDecimal) || !countable(toks, i)) {
    return null;
  }
  const pre = approxBefore(toks, i);
  let approx = pre > 0;
  let next = i + 1;
  const plus = toks[next];
  if (isPunct(plus, "+") && !plus!.space) {
    approx = true;
    next += 1;
  }
  return { value: t.value, approx, start: i - pre, num: i, next };
}

/** A count starting at `j`, possibly with approximation words first. */
function countFrom(toks: readonly Tok[], j: number): Count | null {
  const t = toks[j];
  if (t === undefined) {
    return null;
  }
  if (t.kind === "num") {
    return countAt(toks, j);
  }
  const a = approxAt(toks, j);
  return a > 0 ? countAt(toks, j + a) : null;
}

/** "N/M", "N / M" or "N of M" at `j` → its parts. */
function ratioAt(toks: readonly Tok[], j: number): { n: number; m: number; approx: boolean; next: number; ofForm: boolean } | null {
  const a = approxAt(toks, j);
  const k = j + a;
  const t = toks[k];
  if (t === undefined) {
    return null;
  }
  let r: { n: number; m: number; next: number; ofForm: boolean } | null = null;
  if (t.kind === "ratio") {
    r = { n: t.value, m: t.total, next: k + 1, ofForm: false };
  } else if (t.kind === "num" && t.int) {
    const sep = toks[k + 1];
    const b = toks[k + 2];
    if (b !== undefined && b.kind === "num" && b.int && (isPunct(sep, "/") || isWord(sep, "of"))) {
      r = { n: t.value, m: b.value, next: k + 3, ofForm: isWord(sep, "of") };
    }
  }
  if (r === null || r.m <= 0 || r.n > r.m) {
    return null;
  }
  const prev = toks[k - 1];
  if (prev !== undefined && (isPunct(prev, "$") || isPunct(prev, "#") || isWordIn(prev, NOT_COUNT_PREV))) {
    return null;
  }
  return { ...r, approx: a > 0 };
}

const TEST_ADJ = new Set([
  "integration", "unit", "e2e", "end-to-end", "individual", "total", "distinct", "separate", "comprehensive", "async",
  "asynchronous", "sync", "synchronous", "parametrized", "parameterized", "pytest", "api", "functional", "regression",
  "acceptance", "independent", "isolated", "dedicated", "automated", "smoke", "contract", "component", "discrete",
  "unique", "standalone", "existing", "collected", "real", "real-service", "live", "mission-critical", "critical",
  "python", "jest", "vitest", "mocha", "behavioural", "behavioral", "detailed", "thorough", "robust",
]);
const TEST_NOUN_AFTER = new Set(["methods", "method", "cases", "case", "functions", "function"]);
const NOT_TEST_NOUN_AFTER = new Set([
  "file", "files", "suite", "suites", "class", "classes", "module", "modules", "run", "runs", "plan", "plans", "data",
  "coverage", "fixture", "fixtures", "helper", "helpers", "infrastructure", "framework", "frameworks", "result",
  "results", "report", "reports", "environment", "environments", "database", "databases", "user", "users", "account",
  "accounts", "scenarios", "scenario", "directories", "directory", "folders", "folder", "runner", "runners", "ids",
  "names", "time", "times", "failures", "failure", "errors", "lines", "line",
]);

/** "tests", "integration tests", "individual test methods", "test cases" at `j` → the index after. */
function testNounAt(toks: readonly Tok[], j: number): number {
  let k = j;
  while (k < j + 3 && isWordIn(toks[k], TEST_ADJ)) {
    k += 1;
  }
  const t = toks[k];
  if (t === undefined || t.kind !== "word") {
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
function linesNounAt(toks: readonly Tok[], j: number): number {
  const t = toks[j];
  if (isWord(t, "lines")) {
    return isWord(toks[j + 1], "of") && isWord(toks[j + 2], "code") ? j + 3 : j + 1;
  }
  if (isWord(t, "loc") || isWord(t, "sloc") || isWord(t, "lines-of-code")) {
    return j + 1;
  }
  return -1;
}

const FILE_ADJ = new Set([...TEST_ADJ, "test", "spec", "source", "typescript", "javascript", "py", "ts", "js"]);

/** "files", "test files", "integration test files" at `j`; with `requireTest`, only files named as test files. */
function filesNounAt(toks: readonly Tok[], j: number, requireTest: boolean): number {
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

const FOLLOW_OK = new Set([
  "covering", "covers", "cover", "focused", "focusing", "focussed", "for", "on", "in", "total", "overall", "all",
  "each", "including", "plus", "validating", "testing", "exercising", "checking", "verifying", "spanning", "across",
  "against", "organized", "organised", "grouped", "written", "created", "collected", "defined", "implemented", "and",
  "within", "under", "targeting", "around", "about",
]);
const FOLLOW_PUNCT = new Set([",", ".", ")", "(", ";", "-", "|", ":", "!", "["]);

/** What follows a count's noun leaves the count whole ("18 tests covering X", not "3 tests failed"). */
function followerOk(toks: readonly Tok[], j: number): boolean {
  const t = toks[j];
  if (t === undefined) {
    return true;
  }
  if (t.kind === "punct") {
    return FOLLOW_PUNCT.has(t.text);
  }
  return t.kind === "word" && FOLLOW_OK.has(t.low);
}

const PARTICIPLES = new Set(["created", "written", "implemented", "collected", "defined", "spread", "distributed", "authored", "delivered", "organized", "organised", "audited", "reviewed"]);
const ACROSS = new Set(["across", "in", "spanning", "over"]);
const ACROSS_FILES_FOLLOW = new Set(["in", "under", "within", "covering", "and", "so", "for", "during", "this", "today"]);

/** After a test noun at `j`: "[created] across 11 [test] files" → the files count. */
function acrossFilesAt(toks: readonly Tok[], j: number): Count | null {
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
  const ok = t === undefined || (t.kind === "punct" && FOLLOW_PUNCT.has(t.text)) || isWordIn(t, FILES_FOLLOW_OK) ||
    isWordIn(t, ACROSS_FILES_FOLLOW);
  return ok ? { ...c, next: after } : null;
}

const OVER_WORDS = new Set([
  "exceed", "exceeds", "exceeding", "exceeded", "over", "above", "beyond", "past", "surpass", "surpasses", "surpassing",
  "break", "breaks", "breaking", "violate", "violates", "violating", "breach", "breaching",
]);
const OVER_PAIRS = new Set(["larger", "longer", "bigger", "more", "greater"]);
const OVER_FILLER = new Set(["are", "is", "still", "that", "which", "now", "currently", "all", "with", "having", "have", "contain", "containing", "each"]);

/** "exceed", "are over", "with more than" at `j` → the index after, or -1. */
function overPhraseAt(toks: readonly Tok[], j: number): number {
  let k = j;
  while (k < j + 3 && isWordIn(toks[k], OVER_FILLER)) {
    k += 1;
  }
  const t = toks[k];
  if (isWordIn(t, OVER_WORDS)) {
    return k + 1;
  }
  if (isPunct(t, ">")) {
    return isPunct(toks[k + 1], "=") ? k + 2 : k + 1;
  }
  if (isWordIn(t, OVER_PAIRS) && isWord(toks[k + 1], "than")) {
    return k + 2;
  }
  return -1;
}

const LIMIT_WORDS = new Set(["limit", "cap", "max", "maximum", "threshold", "budget", "rule", "ceiling", "guideline"]);

/** "300 lines", "the 300-line limit", "the line limit of 300", "the limit (300 lines)" at `j`. */
function limitSpecAt(toks: readonly Tok[], j: number): { limit: number; next: number } | null {
  let k = j;
  while (k < j + 2 && isWordIn(toks[k], ARTICLES)) {
    k += 1;
  }
  const t = toks[k];
  if (t === undefined) {
    return null;
  }
  const skipLimitWord = (i: number): number => (isWordIn(toks[i], LIMIT_WORDS) ? i + 1 : i);
  if (t.kind === "num" && t.int && t.value > 0) {
    const n = toks[k + 1];
    if (isWord(n, "line") || isWord(n, "lines") || isWord(n, "loc")) {
      return { limit: t.value, next: skipLimitWord(k + 2) };
    }
    if (isPunct(n, "-") && !n!.space && (isWord(toks[k + 2], "line") || isWord(toks[k + 2], "lines"))) {
      return { limit: t.value, next: skipLimitWord(k + 3) };
    }
    return null;
  }
  if (t.kind === "word") {
    const dash = t.low.indexOf("-line");
    if (dash > 0 && (t.low.endsWith("-line") || t.low.endsWith("-lines"))) {
      const v = parseNumber(t.low.slice(0, dash));
      if (v !== null && v.int && v.value > 0 && dash + 6 >= t.low.length) {
        return { limit: v.value, next: skipLimitWord(k + 1) };
      }
      return null;
    }
    let m = k;
    if (isWord(toks[m], "line") || isWord(toks[m], "size") || isWord(toks[m], "file-size") || isWord(toks[m], "length")) {
      m += 1;
    }
    if (!isWordIn(toks[m], LIMIT_WORDS)) {
      return null;
    }
    m += 1;
    if (isWord(toks[m], "of")) {
      m += 1;
    } else if (isPunct(toks[m], "(")) {
      m += 1;
    } else {
      return null;
    }
    const v = toks[m];
    if (v === undefined || v.kind !== "num" || !v.int || v.value <= 0) {
      return null;
    }
    m += 1;
    if (isWord(toks[m], "lines") || isWord(toks[m], "line")) {
      m += 1;
    }
    if (isPunct(toks[m], ")")) {
      m += 1;
    }
    return { limit: v.value, next: m };
  }
  return null;
}

const CLAUSE_BREAK = new Set([".", ";", "(", ")", "-", ",", ":", "|", "!", "?", "["]);
const NEUTRAL_PRE = new Set([
  "a", "an", "the", "total", "of", "with", "and", "this", "that", "audit", "report", "suite", "we", "i", "it", "covers",
  "covering", "contains", "containing", "includes", "including", "has", "have", "had", "comprising", "comprises",
  "spanning", "created", "wrote", "written", "validated", "validates", "delivered", "reviewed", "audited", "analyzed",
  "analysed", "examined", "found", "there", "are", "is", "were", "was", "overall", "now", "currently", "today", "our",
  "its", "in", "session", "all", "together", "altogether", "so", "far", "combined", "which", "checked", "scanned",
  ...APPROX_WORDS, "more", "than", "at", "least", "upwards", "close", "to",
]);

const SENTENCE_BREAK = new Set([".", ";", ":", "|", "!", "?"]);

/**
 * The words before `start` in its sentence are neutral ("The suite has 171 tests", "In total, 171
 * tests"), not a scope ("Auth has 34 tests", "Backend (20 tests across 3 files)").
 */
function neutralBefore(toks: readonly Tok[], start: number, floor: number): boolean {
  for (let k = start - 1, seen = 0; k >= floor; k -= 1, seen += 1) {
    if (seen >= 10) {
      return false;
    }
    const t = toks[k]!;
    if (t.kind === "punct") {
      if (SENTENCE_BREAK.has(t.text)) {
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

// ---------------------------------------------------------------------------------------------------
// Claims

interface Pending {
  claim: Claim;
  /** Token (or table column) index of the number within its line: claims come out in reading order. */
  pos: number;
  seq: number;
}

interface Ctx {
  /** The file the section is about; null when its heading names several. */
  file: string | null;
  /** Heading level; a line naming only a file ("**tests/test_x.py**", "File: x.py") is level 7. */
  level: number;
  /** For level 7 and list items: the indentation of the line that named the file. */
  indent: number;
}

/** Heading level of a line that names only a file, like a heading would. */
const PSEUDO_HEADING = 7;

class Sink {
  readonly items: Pending[] = [];
  private readonly seen = new Set<string>();
  private seq = 0;

  add(line: Line, pos: number, kind: ClaimKind, stated: number, approximate: boolean, extra: Partial<Claim> = {}): void {
    const key = `${kind}\u0000${line.no}\u0000${extra.file ?? ""}\u0000${stated}\u0000${extra.limit ?? ""}\u0000${extra.total ?? ""}`;
    if (this.seen.has(key)) {
      return;
    }
    this.seen.add(key);
    const claim: Claim = { kind, line: line.no, text: line.text, stated, approximate };
    if (extra.file !== undefined) {
      claim.file = extra.file;
    }
    if (extra.limit !== undefined) {
      claim.limit = extra.limit;
    }
    if (extra.total !== undefined) {
      claim.total = extra.total;
    }
    if (extra.baseClass !== undefined) {
      claim.baseClass = extra.baseClass;
    }
    this.items.push({ claim, pos, seq: this.seq });
    this.seq += 1;
  }

  has(line: number, kind: ClaimKind, file: string | undefined): boolean {
    for (let i = this.items.length - 1; i >= 0; i -= 1) {
      const c = this.items[i]!.claim;
      if (c.line !== line) {
        return false;
      }
      if (c.kind === kind && c.file === file) {
        return true;
      }
    }
    return false;
  }
}

/** A "N/M [tests] passed" (or, after a "Passed:" label, a bare "N/M") at `j`. */
function passedRatioAt(toks: readonly Tok[], j: number, bare: boolean): { n: number; m: number; approx: boolean; num: number; next: number } | null {
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

/** Files named on a line; two mentions of one file (a link's text and target) count once. */
function distinctFiles(toks: readonly Tok[], from = 0, to = toks.length): string[] {
  const files: string[] = [];
  for (let i = from; i < to; i += 1) {
    if (toks[i]!.kind === "file") {
      files.push(toks[i]!.text);
    }
  }
  if (files.length <= 1) {
    return files;
  }
  const base = (f: string): string => f.slice(Math.max(f.lastIndexOf("/"), f.lastIndexOf("\\")) + 1);
  const first = base(files[0]!);
  let longest = files[0]!;
  for (const f of files) {
    if (base(f) !== first) {
      return files;
    }
    if (f.length > longest.length) {
      longest = f;
    }
  }
  return [longest];
}

const JOINERS = new Set(["and", "or", "&", "+", ",", "/"]);

/** "test_db.py: 18 tests, 412 lines", "test_db.py (17/18 tests passed)": counts right after a file name. */
function inlineFileClaims(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  for (let i = 0; i < toks.length; i += 1) {
    const f = toks[i]!;
    if (f.kind !== "file") {
      continue;
    }
    const j1 = toks[i - 1];
    if (j1 !== undefined && ((j1.kind === "word" && JOINERS.has(j1.low)) || (j1.kind === "punct" && JOINERS.has(j1.text))) && toks[i - 2]?.kind === "file") {
      continue; // "test_a.py and test_b.py: 30 tests" counts both
    }
    const n1 = toks[i + 1];
    if (n1 !== undefined && ((n1.kind === "word" && JOINERS.has(n1.low)) || (n1.kind === "punct" && JOINERS.has(n1.text))) && toks[i + 2]?.kind === "file") {
      continue;
    }
    const isTest = isTestFileName(f.text);
    let k = i + 1;
    let skipped = 0;
    while (skipped < 3 && k < toks.length) {
      const t = toks[k]!;
      if ((t.kind === "punct" && (t.text === ":" || t.text === "-" || t.text === "(" || t.text === "=" || t.text === "," || t.text === ")" || t.text === "]")) ||
        isWordIn(t, FILE_COUNT_VERBS)) {
        k += 1;
        skipped += 1;
      } else {
        break;
      }
    }
    for (let items = 0; items < 4; items += 1) {
      const pr = passedRatioAt(toks, k, false);
      if (pr !== null) {
        if (isTest) {
          sink.add(line, pr.num, "fileTestsPassed", pr.n, pr.approx, { file: f.text, total: pr.m });
        }
        used[pr.num] = 1;
        k = pr.next;
      } else {
        const c = countFrom(toks, k);
        if (c === null || used[c.num]) {
          break;
        }
        const tn = testNounAt(toks, c.next);
        const ln = tn < 0 ? linesNounAt(toks, c.next) : -1;
        if (tn >= 0 && followerOk(toks, tn) && acrossFilesAt(toks, tn) === null) {
          if (isTest) {
            sink.add(line, c.num, "fileTests", c.value, c.approx, { file: f.text });
          }
          used[c.num] = 1;
          k = tn;
        } else if (ln >= 0 && followerOk(toks, ln)) {
          sink.add(line, c.num, "fileLines", c.value, c.approx, { file: f.text });
          used[c.num] = 1;
          k = ln;
        } else {
          break;
        }
      }
      let sep = 0;
      while (sep < 2 && k < toks.length) {
        const t = toks[k]!;
        if ((t.kind === "punct" && (t.text === "," || t.text === ";" || t.text === "|" || t.text === "(" || t.text === ")" || t.text === "-")) || isWord(t, "and")) {
          k += 1;
          sep += 1;
        } else {
          break;
        }
      }
      if (sep === 0) {
        break;
      }
    }
  }
}

const LEAD_VERBS = new Set(["contains", "includes", "has", "defines", "holds", "collects"]);

/** Lines inside a section whose heading names one file: "- **Test Methods:** 19 tests", "- 412 lines". */
function contextClaims(line: Line, file: string, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const isTest = isTestFileName(file);
  const label = line.label;
  const v = label === null ? 0 : label.end + 1;
  const kind = label?.kind;
  if (kind === "testCount" || kind === "passed") {
    const pr = passedRatioAt(toks, v, true);
    if (pr !== null) {
      if (isTest) {
        sink.add(line, pr.num, "fileTestsPassed", pr.n, pr.approx, { file, total: pr.m });
      }
      used[pr.num] = 1;
    } else if (kind === "testCount") {
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
    let k = v;
    if (isWordIn(toks[k], LEAD_VERBS)) {
      k += 1;
    }
    const c = countFrom(toks, k);
    if (c !== null && !used[c.num]) {
      const tn = testNounAt(toks, c.next);
      const ln = tn < 0 ? linesNounAt(toks, c.next) : -1;
      if (tn >= 0 && followerOk(toks, tn) && acrossFilesAt(toks, tn) === null) {
        if (isTest) {
          sink.add(line, c.num, "fileTests", c.value, c.approx, { file });
        }
        used[c.num] = 1;
      } else if (ln >= 0 && followerOk(toks, ln)) {
        sink.add(line, c.num, "fileLines", c.value, c.approx, { file });
        used[c.num] = 1;
      }
    }
  }
  if (!isTest) {
    return;
  }
  for (let k = 0; k < toks.length; k += 1) {
    const t = toks[k]!;
    if ((t.kind === "ratio" || t.kind === "num") && !used[k]) {
      const pr = passedRatioAt(toks, k, false);
      if (pr !== null) {
        sink.add(line, pr.num, "fileTestsPassed", pr.n, pr.approx, { file, total: pr.m });
        used[k] = 1;
        k = pr.next - 1;
      }
    }
  }
}

/** Totals outside any file's section: "171 tests across 11 files", "Files Audited: 11", "171 individual test methods". */
function totalsClaims(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const label = line.label;
  const v = label === null ? 0 : label.end + 1;
  if (label !== null && label.kind === "testCount") {
    const c = countFrom(toks, v);
    if (c !== null && !used[c.num]) {
      const tn = testNounAt(toks, c.next);
      const after = tn >= 0 ? tn : c.next;
      if (followerOk(toks, after)) {
        sink.add(line, c.num, "totalTests", c.value, c.approx);
        used[c.num] = 1;
        const files = acrossFilesAt(toks, after);
        if (files !== null) {
          sink.add(line, files.num, "totalFiles", files.value, files.approx);
          used[files.num] = 1;
        }
      }
    }
    return;
  }
  if (label !== null && label.kind === "files") {
    const c = countFrom(toks, v);
    if (c !== null && !used[c.num]) {
      const fn = filesNounAt(toks, c.next, false);
      const after = fn >= 0 ? fn : c.next;
      const t = toks[after];
      if (t === undefined || isPunct(t, "(") || isPunct(t, ",") || isPunct(t, ".") || isPunct(t, ";") || isPunct(t, "-")) {
        sink.add(line, c.num, "totalFiles", c.value, c.approx);
        used[c.num] = 1;
      }
    }
    return;
  }
  if (label !== null && label.kind !== "neutral") {
    return;
  }
  for (let i = v; i < toks.length; i += 1) {
    if (toks[i]!.kind !== "num" || used[i]) {
      continue;
    }
    const c = countAt(toks, i);
    if (c === null || !neutralBefore(toks, c.start, v)) {
      continue;
    }
    if (isWord(toks[c.start - 1], "of") && isWord(toks[c.start - 2], "total")) {
      const tn = testNounAt(toks, c.next);
      if (tn >= 0 && followerOk(toks, tn)) {
        sink.add(line, c.num, "totalTests", c.value, c.approx);
        used[c.num] = 1;
        continue;
      }
    }
    const tn = testNounAt(toks, c.next);
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
      const ok = t === undefined ||
        (t.kind === "punct" && (t.text === "," || t.text === "." || t.text === ")" || t.text === ";" || t.text === "(" || t.text === "-")) ||
        isWordIn(t, FILES_FOLLOW_OK) ||
        (isWord(t, "in") && isWord(toks[fn + 1], "total"));
      if (ok) {
        sink.add(line, c.num, "totalFiles", c.value, c.approx);
        used[c.num] = 1;
      }
    }
  }
}

/** "12 test files exceed the 300 line limit", "Test files over 300 lines: 12". */
function lineLimitClaims(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const label = line.label;
  if (label !== null && label.limit !== undefined) {
    const c = countFrom(toks, label.end + 1);
    if (c !== null) {
      const t = toks[c.next];
      if (t === undefined || isPunct(t, "(") || isPunct(t, ".") || isPunct(t, ",") || isWord(t, "files")) {
        sink.add(line, c.num, "filesOverLineLimit", c.value, c.approx, { limit: label.limit });
        used[c.num] = 1;
      }
    }
    return;
  }
  if (label !== null && label.kind !== "neutral") {
    return;
  }
  const floor = label === null ? 0 : label.end + 1;
  for (let i = floor; i < toks.length; i += 1) {
    if (toks[i]!.kind !== "num" || used[i]) {
      continue;
    }
    const c = countAt(toks, i);
    if (c === null || !neutralBefore(toks, c.start, floor)) {
      continue;
    }
    const fn = filesNounAt(toks, c.next, false);
    if (fn < 0) {
      continue;
    }
    const over = overPhraseAt(toks, fn);
    if (over < 0) {
      continue;
    }
    const lim = limitSpecAt(toks, over);
    if (lim !== null) {
      sink.add(line, c.num, "filesOverLineLimit", c.value, c.approx, { limit: lim.limit });
      used[c.num] = 1;
    }
  }
}

// --- the three policies: percentages and "all tests …" ----------------------------------------------

type Family = "noMocksPercent" | "baseClassPercent" | "bvjPercent";

const UNRELATED = new Set([
  "coverage", "covered", "uptime", "availability", "success", "successful", "pass", "passing", "passed", "rate", "rates",
  "reduction", "reduces", "reduced", "faster", "slower", "improvement", "accuracy", "confidence", "syntax", "performance",
  "latency", "complete", "completed", "completion", "done", "progress", "load", "cpu", "memory", "score", "see", "refer",
  "except", "but", "although", "however", "failure", "failures", "failed", "failing", "error", "errors", "flaky",
  "throughput", "increase", "decrease", "growth", "revenue", "arr", "budget", "utilization", "usage", "satisfaction",
  "reliability", "speed", "speedup", "probability", "chance", "likely", "confident", "sure", "certainty", "mock",
  "mocks", "mocked", "mocking", "use", "uses",
]);
const MOCK_FREE = new Set([
  "mock-free", "mockless", "mock-less", "unmocked", "no-mock", "no-mocks", "zero-mock", "zero-mocks", "non-mock",
  "non-mocked", "nomock", "nomocks", "mocks-free", "no-mocking",
]);
const MOCK_WORDS = new Set(["mock", "mocks", "mocked", "mocking", "mockups", "fakes", "stubs"]);
const NEGATIONS = new Set(["no", "zero", "without", "non", "not", "never", "0"]);
const REAL_WORDS = new Set(["real", "live", "actual"]);
const REAL_NOUNS = new Set([
  "services", "dependencies", "infrastructure", "databases", "database", "backends", "apis", "integrations", "endpoints",
  "redis", "postgres", "postgresql", "http", "network", "connections", "systems", "service",
]);
const USE_VERBS = new Set(["use", "uses", "using", "hit", "hits", "hitting", "exercise", "exercises", "run", "runs", "talk", "talks", "call", "calls", "against", "rely", "relies"]);
const INHERIT_WORDS = new Set(["inherit", "inherits", "inheriting", "inherited", "inheritance", "subclass", "subclasses", "subclassing", "derive", "derives", "deriving", "derived"]);
const EXTEND_WORDS = new Set(["extend", "extends", "extending"]);

function isClassName(text: string): boolean {
  const seg = text.slice(text.lastIndexOf(".") + 1);
  if (seg.length < 2 || !(seg.charCodeAt(0) >= 65 && seg.charCodeAt(0) <= 90)) {
    return false;
  }
  let lower = false;
  for (let i = 0; i < seg.length; i += 1) {
    const c = seg.charCodeAt(i);
    if (!(isLetter(c) || isDigit(c) || c === 95)) {
      return false;
    }
    if (c >= 97 && c <= 122) {
      lower = true;
    }
  }
  return lower;
}

function lastSegment(text: string): string {
  return text.slice(text.lastIndexOf(".") + 1);
}

/** The class named right after an inheritance word at `j` ("inherit from X", "extend X"); undefined when none or several. */
function classAfter(toks: readonly Tok[], j: number): { name: string | undefined; baseWords: boolean } {
  let k = j;
  for (let s = 0; s < 3 && isWordIn(toks[k], CLASS_LEAD); s += 1) {
    k += 1;
  }
  const t = toks[k];
  if (t !== undefined && t.kind === "word" && isClassName(t.text)) {
    const n = toks[k + 1];
    if ((isWord(n, "or") || isWord(n, "and") || isPunct(n, ",") || isPunct(n, "/")) && toks[k + 2] !== undefined && isClassName(toks[k + 2]!.text)) {
      return { name: undefined, baseWords: true };
    }
    return { name: lastSegment(t.text), baseWords: true };
  }
  const base = isWord(t, "base") && (isWord(toks[k + 1], "class") || isWord(toks[k + 1], "classes") || isWord(toks[k + 1], "test"));
  return { name: undefined, baseWords: base };
}

interface FamilyHit {
  family: Family | "unrelated";
  baseClass?: string;
}

/** The policy a word at `j` talks about, if any. */
function familyAt(toks: readonly Tok[], j: number): FamilyHit | null {
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
  if ((low.endsWith("testcase") || low.endsWith("basetest")) && isClassName(t.text)) {
    return { family: "baseClassPercent", baseClass: lastSegment(t.text) };
  }
  if (UNRELATED.has(low)) {
    return { family: "unrelated" };
  }
  return null;
}

function isPercentAt(toks: readonly Tok[], i: number): number {
  const t = toks[i];
  if (t === undefined || t.kind !== "num" || t.value > 100) {
    return -1;
  }
  const n = toks[i + 1];
  if (!(isPunct(n, "%") || isWord(n, "percent"))) {
    return -1;
  }
  const p = toks[i - 1];
  if (p !== undefined && (isPunct(p, "-") || isPunct(p, "/")) && !t.space && toks[i - 2]?.kind === "num") {
    return -1; // "80-85%"
  }
  return i + 2;
}

/** The first policy word in toks[from, to), stopping at sentence ends and at the next percentage. */
function firstFamily(toks: readonly Tok[], from: number, to: number): FamilyHit | null {
  let pending: FamilyHit | null = null;
  for (let k = from; k < to; k += 1) {
    const t = toks[k]!;
    if (t.kind === "punct" && (t.text === "." || t.text === ";" || t.text === "|" || t.text === "!" || t.text === "?")) {
      break;
    }
    if (isPercentAt(toks, k) >= 0) {
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

function percentClaims(line: Line, file: string | undefined, blocked: boolean, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  for (let i = 0; i < toks.length; i += 1) {
    const end = isPercentAt(toks, i);
    if (end < 0 || used[i]) {
      continue;
    }
    const t = toks[i]!;
    const prev = toks[i - 1];
    if (prev !== undefined && (isPunct(prev, "$") || isWordIn(prev, NOT_COUNT_PREV))) {
      continue;
    }
    const pre = approxBefore(toks, i);
    let approx = pre > 0;
    let after = end;
    if (isPunct(toks[after], "+") && !toks[after]!.space) {
      approx = true;
      after += 1;
    }
    if (isWord(toks[after], "of") && subjectAt(toks, after + 1) < 0) {
      continue; // "100% of endpoints", "100% of the 3 WebSocket tests": not the suite's tests
    }
    // The clause before the number ("NO MOCKS compliance: 100%"), then the words after it.
    let from = i - pre;
    let steps = 0;
    while (from > 0 && steps < 10) {
      const b = toks[from - 1]!;
      if (b.kind === "punct" && CLAUSE_BREAK.has(b.text) && b.text !== ":") {
        break;
      }
      from -= 1;
      steps += 1;
    }
    let hit = firstFamily(toks, from, i - pre);
    if (hit === null) {
      hit = firstFamily(toks, end, Math.min(toks.length, end + 16));
    }
    if (hit === null || hit.family === "unrelated" || blocked) {
      continue;
    }
    used[i] = 1;
    sink.add(line, i, hit.family, t.value, approx, { file, baseClass: hit.family === "baseClassPercent" ? hit.baseClass : undefined });
  }
}

const SUBJECT_NOUNS = new Set(["tests", "test", "testcases"]);
const SUBJECT_AFTER_TEST = new Set(["methods", "method", "cases", "case", "classes", "class", "files", "file", "functions", "function", "modules", "module", "suites", "suite"]);
const ADVERBS = new Set(["properly", "correctly", "now", "already", "consistently", "successfully", "also", "all", "directly", "explicitly", "fully", "each"]);
const HAVE_VERBS = new Set(["include", "includes", "has", "have", "contain", "contains", "carry", "carries", "provide", "provides", "document", "documents", "feature", "features", "declare", "declares", "ship", "ships"]);
const BEFORE_ALL_OK = new Set(["and", "now", "currently", "also", "today", "finally", "so"]);
const BVJ_LEAD = new Set(["comprehensive", "complete", "detailed", "full", "a", "the", "documented", "explicit", "clear", "thorough"]);

/** "all tests", "every test method", "all 171 integration tests" at `j` → the index after. */
function subjectAt(toks: readonly Tok[], j: number): number {
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

/** What "all tests <verb> …" at `v` claims, if it is one of the three policies. */
function predicateAt(toks: readonly Tok[], v: number): FamilyHit | null {
  let k = v;
  for (let s = 0; s < 2 && isWordIn(toks[k], ADVERBS); s += 1) {
    k += 1;
  }
  const t = toks[k];
  if (t === undefined || t.kind !== "word") {
    return null;
  }
  if (INHERIT_WORDS.has(t.low) || EXTEND_WORDS.has(t.low)) {
    const hit = familyAt(toks, k);
    return hit !== null && hit.family === "baseClassPercent" ? hit : null;
  }
  if ((t.low === "use" || t.low === "uses") && isClassName(toks[k + 1]?.text ?? "") && (toks[k + 1]!.low.endsWith("testcase") || toks[k + 1]!.low.endsWith("basetest"))) {
    return { family: "baseClassPercent", baseClass: lastSegment(toks[k + 1]!.text) };
  }
  if (HAVE_VERBS.has(t.low)) {
    for (let m = k + 1; m < k + 6 && m < toks.length; m += 1) {
      const w = toks[m]!;
      if (w.kind === "punct" && CLAUSE_BREAK.has(w.text)) {
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

/** "All tests inherit from X", "Every test includes a BVJ", "BVJ for every test", "Zero mocks in integration tests" → 100%. */
function universalClaims(line: Line, file: string | undefined, blocked: boolean, sink: Sink): void {
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
    const atClauseStart = prev === undefined || (prev.kind === "punct" && CLAUSE_BREAK.has(prev.text)) || isWordIn(prev, BEFORE_ALL_OK);
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
      } else if (isWord(prev, "for") && toks[a - 2] !== undefined) {
        // "… business value justification for every test"
        const j = toks[a - 2]!.low;
        if (j === "bvj" || j === "bvjs" || j === "justification" || j === "justifications") {
          let b = a - 2;
          if (j.startsWith("justification")) {
            b = isWord(toks[b - 1], "value") && isWord(toks[b - 2], "business") ? b - 2 : isWord(toks[b - 1], "business-value") ? b - 1 : -1;
          }
          if (b < 0) {
            continue;
          }
          let c = b - 1;
          while (c >= 0 && c > b - 4 && isWordIn(toks[c], BVJ_LEAD)) {
            c -= 1;
          }
          const before = toks[c];
          if (c < 0 || (before !== undefined && before.kind === "punct" && CLAUSE_BREAK.has(before.text))) {
            emit(a, { family: "bvjPercent" });
          }
        }
      }
      continue;
    }
    if ((t.low === "zero" || t.low === "no") && atClauseStart && isWordIn(toks[a + 1], MOCK_WORDS) && (isWord(toks[a + 2], "in") || isWord(toks[a + 2], "across"))) {
      let k = a + 3;
      if (isWordIn(toks[k], QUANTIFIERS)) {
        k += 1;
      }
      if (subjectAt(toks, k) >= 0) {
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

// ---------------------------------------------------------------------------------------------------
// Tables

function splitRow(raw: string): string[] {
  let s = raw.trim();
  if (s.startsWith("|")) {
    s = s.slice(1);
  }
  if (s.endsWith("|") && !s.endsWith("\\|")) {
    s = s.slice(0, -1);
  }
  return s.split("|").map((c) => c.trim());
}

function isSeparatorRow(raw: string): boolean {
  const s = raw.trim();
  if (s.length < 3 || !s.includes("-") || (!s.includes("|"))) {
    return false;
  }
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i];
    if (c !== "|" && c !== "-" && c !== ":" && c !== " " && c !== "\t") {
      return false;
    }
  }
  return true;
}

const FILE_HEADER_WORDS = new Set(["file", "files", "path", "module", "suite", "location", "testfile", "filename"]);
const TESTS_HEADER_VOCAB = new Set(["tests", "test", "methods", "method", "cases", "case", "count", "functions", "number", "of", "no", "total", "n", "integration", "unit", "e2e", "collected", "testcases"]);
const TESTS_HEADER_KEY = new Set(["tests", "count", "methods", "cases", "functions", "testcases"]);
const TOTAL_CELLS = new Set(["total", "totals", "overall", "sum", "all", "grand"]);
const TOTAL_CELL_VOCAB = new Set([...TOTAL_CELLS, "files", "tests"]);
const LINES_HEADER_VOCAB = new Set([...LINES_LABEL_VOCAB, "size", "length", "file"]);

function cellWords(cell: string): { toks: Tok[]; words: string[] | null } {
  const toks = tokenize(stripMarkers(normalize(cell)).content);
  return { toks, words: wordsOf(toks, 0, toks.length) };
}

/** A Markdown table starting at `start` (header, separator, rows) → the index after it. */
function processTable(lines: readonly string[], start: number, ctx: Ctx | null, sink: Sink): number {
  const header = splitRow(lines[start]!).map((c) => cellWords(c).words ?? []);
  let end = start + 2;
  while (end < lines.length && lines[end]!.includes("|") && lines[end]!.trim() !== "") {
    end += 1;
  }
  let fileCol = -1;
  let testsCol = -1;
  let passedCol = -1;
  let linesCol = -1;
  header.forEach((words, c) => {
    if (words.length === 0) {
      return;
    }
    if (fileCol < 0 && someIn(words, FILE_HEADER_WORDS) && !words.includes("lines") && !words.includes("count")) {
      fileCol = c;
    } else if (testsCol < 0 && someIn(words, TESTS_HEADER_KEY) && allIn(words, TESTS_HEADER_VOCAB)) {
      testsCol = c;
    } else if (passedCol < 0 && someIn(words, PASSED_WORDS) && allIn(words, PASSED_LABEL_VOCAB)) {
      passedCol = c;
    } else if (linesCol < 0 && (words.includes("lines") || words.includes("loc") || words.includes("sloc")) && allIn(words, LINES_HEADER_VOCAB)) {
      linesCol = c;
    }
  });
  const countCols = new Set([testsCol, passedCol, linesCol]);
  const isMetricTable = testsCol < 0 && passedCol < 0 && linesCol < 0 && header.length === 2;
  for (let r = start + 2; r < end; r += 1) {
    const raw = lines[r]!;
    const cells = splitRow(raw);
    if (isMetricTable) {
      // "| Files audited | 12 |" reads as "Files audited: 12".
      const line = parseLine(`${cells[0] ?? ""}: ${cells[1] ?? ""}`, r + 1);
      line.text = raw.trim();
      lineClaims(line, ctx, sink);
      continue;
    }
    const row: Line = { no: r + 1, text: raw.trim(), heading: 0, toks: [], label: null };
    const parsed = cells.map((c) => cellWords(c));
    let file: string | null = null;
    if (fileCol >= 0) {
      const fs = distinctFiles(parsed[fileCol]?.toks ?? []);
      file = fs.length === 1 ? fs[0]! : null;
    } else {
      const found: string[] = [];
      parsed.forEach((p, c) => {
        if (!countCols.has(c)) {
          found.push(...distinctFiles(p.toks));
        }
      });
      file = found.length === 1 ? found[0]! : null;
    }
    const firstWords = parsed[0]?.words ?? null;
    const fileWords = fileCol >= 0 ? (parsed[fileCol]?.words ?? null) : null;
    const isTotal = (w: string[] | null): boolean => w !== null && w.length > 0 && w.length <= 3 && TOTAL_CELLS.has(w[0]!) && allIn(w, TOTAL_CELL_VOCAB);
    const cellCount = (c: number, noun: (toks: readonly Tok[], j: number) => number): Count | null => {
      const toks = parsed[c]?.toks;
      if (toks === undefined || c < 0) {
        return null;
      }
      const cnt = countFrom(toks, 0);
      if (cnt === null) {
        return null;
      }
      const n = noun(toks, cnt.next);
      const after = n >= 0 ? n : cnt.next;
      const t = toks[after];
      return t === undefined || isPunct(t, "(") || isPunct(t, ",") ? cnt : null;
    };
    if (file === null) {
      if (ctx === null && (isTotal(firstWords) || isTotal(fileWords))) {
        const tests = cellCount(testsCol, testNounAt);
        if (tests !== null) {
          sink.add(row, testsCol, "totalTests", tests.value, tests.approx);
        }
      }
      continue;
    }
    const isTest = isTestFileName(file);
    const tests = cellCount(testsCol, testNounAt);
    if (tests !== null && isTest) {
      sink.add(row, testsCol, "fileTests", tests.value, tests.approx, { file });
    }
    const lines_ = cellCount(linesCol, linesNounAt);
    if (lines_ !== null) {
      sink.add(row, linesCol, "fileLines", lines_.value, lines_.approx, { file });
    }
    if (!isTest) {
      continue;
    }
    if (passedCol >= 0) {
      const ptoks = parsed[passedCol]?.toks ?? [];
      const pr = passedRatioAt(ptoks, 0, true);
      if (pr !== null) {
        sink.add(row, passedCol, "fileTestsPassed", pr.n, pr.approx, { file, total: pr.m });
      } else {
        const passed = cellCount(passedCol, testNounAt);
        if (passed !== null && tests !== null && !tests.approx && passed.value <= tests.value) {
          sink.add(row, passedCol, "fileTestsPassed", passed.value, passed.approx, { file, total: tests.value });
        }
      }
    }
    parsed.forEach((p, c) => {
      if (countCols.has(c) || c === fileCol) {
        return;
      }
      for (let k = 0; k < p.toks.length; k += 1) {
        const pr = passedRatioAt(p.toks, k, false);
        if (pr !== null) {
          sink.add(row, c, "fileTestsPassed", pr.n, pr.approx, { file, total: pr.m });
          break;
        }
      }
    });
  }
  return end;
}

// ---------------------------------------------------------------------------------------------------
// Driver

function lineClaims(line: Line, ctx: Ctx | null, sink: Sink): void {
  const toks = line.toks;
  if (toks.length === 0) {
    return;
  }
  const used = new Uint8Array(toks.length);
  lineLimitClaims(line, used, sink);
  inlineFileClaims(line, used, sink);
  const lineFiles = distinctFiles(toks);
  if (ctx !== null) {
    if (ctx.file !== null && lineFiles.length === 0 && line.heading === 0) {
      contextClaims(line, ctx.file, used, sink);
    }
  } else {
    totalsClaims(line, used, sink);
  }
  // A policy claim belongs to the one test file named before it on the line, else to the section's file.
  let file: string | undefined;
  let blocked = false;
  const testFiles = lineFiles.filter((f) => isTestFileName(f));
  if (testFiles.length > 1) {
    blocked = true;
  } else if (testFiles.length === 1) {
    file = testFiles[0];
  } else if (ctx !== null) {
    if (ctx.file === null) {
      blocked = true;
    } else {
      file = ctx.file;
    }
  }
  percentClaims(line, file, blocked, used, sink);
  universalClaims(line, file, blocked, sink);
}

const FILE_START_LABEL = new Set(["file", "test", "suite", "module", "path", "location", "name", "spec", "source"]);

/**
 * A line that starts by naming a file ("- tests/test_x.py: 18 tests", "**2. tests/test_x.py**",
 * "File: `src/x.py`") → the files it names, and whether it names nothing else (then it reads as a
 * heading for the lines after it).
 */
function fileStart(line: Line): { files: string[]; only: boolean } | null {
  const toks = line.toks;
  let k = 0;
  if (line.label !== null && line.label.end <= 3) {
    const words = wordsOf(toks, 0, line.label.end);
    if (words !== null && words.length > 0 && allIn(words, FILE_START_LABEL)) {
      k = line.label.end + 1;
    }
  }
  if (toks[k]?.kind !== "file") {
    return null;
  }
  let only = true;
  const next = toks[k + 1];
  if (next !== undefined && !(next.kind === "punct" && (next.text === "(" || next.text === "-" || next.text === ":" || next.text === "["))) {
    only = false;
  }
  for (let i = k + 1; only && i < toks.length; i += 1) {
    const t = toks[i]!;
    if (t.kind === "num" || t.kind === "ratio" || t.kind === "file") {
      only = false;
    }
  }
  return { files: distinctFiles(toks), only };
}

function indentOf(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw[i];
    if (c === " ") {
      n += 1;
    } else if (c === "\t") {
      n += 4;
    } else {
      break;
    }
  }
  return n;
}

function fenceOf(trimmed: string): string | null {
  let s = trimmed;
  while (s.startsWith(">")) {
    s = s.slice(1).trimStart();
  }
  if (s.startsWith("```")) {
    return "`";
  }
  if (s.startsWith("~~~")) {
    return "~";
  }
  return null;
}

function isThematicBreak(trimmed: string): boolean {
  if (trimmed.length < 3) {
    return false;
  }
  let mark = "";
  let count = 0;
  for (let i = 0; i < trimmed.length; i += 1) {
    const ch = trimmed[i]!;
    const c = ch.charCodeAt(0);
    if (ch === " " || ch === "\t") {
      continue;
    }
    const box = c >= 0x2500 && c <= 0x257f;
    const key = box ? "box" : ch;
    if (!(box || ch === "-" || ch === "*" || ch === "_" || ch === "=")) {
      return false;
    }
    if (mark === "") {
      mark = key;
    } else if (mark !== key) {
      return false;
    }
    count += 1;
  }
  return count >= 3;
}

function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(text.slice(from, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        i += 1;
      }
      from = i + 1;
    }
  }
  lines.push(text.slice(from));
  return lines;
}

/**
 * The claims a report makes, in the order it makes them. Each claim is a number the report states
 * about the suite; testaudit can then measure the suite and compare.
 */
export function extractClaims(reportText: string): Claim[] {
  const lines = splitLines(reportText);
  const sink = new Sink();
  // The section's file (from a heading, or a line naming only a file), and the file of a list item
  // that starts with one, which covers the more deeply indented lines under it.
  let ctx: Ctx | null = null;
  let item: Ctx | null = null;
  let fence: string | null = null;
  for (let n = 0; n < lines.length; n += 1) {
    const raw = lines[n]!;
    const trimmed = raw.trim();
    const mark = fenceOf(trimmed);
    if (fence !== null) {
      if (mark === fence) {
        fence = null;
      }
      continue;
    }
    if (mark !== null) {
      fence = mark;
      continue;
    }
    if (trimmed === "") {
      continue;
    }
    if (isThematicBreak(trimmed)) {
      ctx = null;
      item = null;
      continue;
    }
    const indent = indentOf(raw);
    if (item !== null && indent <= item.indent) {
      item = null;
    }
    if (ctx !== null && ctx.level === PSEUDO_HEADING && indent < ctx.indent) {
      ctx = null;
    }
    if (trimmed.includes("|") && n + 1 < lines.length && isSeparatorRow(lines[n + 1]!)) {
      n = processTable(lines, n, item ?? ctx, sink) - 1;
      continue;
    }
    const line = parseLine(raw, n + 1);
    if (line.heading > 0) {
      item = null;
      const files = distinctFiles(line.toks);
      if (files.length > 0) {
        ctx = { file: files.length === 1 ? files[0]! : null, level: line.heading, indent };
      } else if (ctx !== null && line.heading <= ctx.level) {
        ctx = null;
      }
    } else {
      const start = fileStart(line);
      if (start !== null) {
        const named: Ctx = { file: start.files.length === 1 ? start.files[0]! : null, level: PSEUDO_HEADING, indent };
        if (start.only) {
          ctx = named;
          item = null;
        } else {
          item = named;
        }
      }
    }
    lineClaims(line, item ?? ctx, sink);
  }
  const items = sink.items.slice();
  items.sort((x, y) => x.claim.line - y.claim.line || x.pos - y.pos || x.seq - y.seq);
  return items.map((p) => p.claim);
}
