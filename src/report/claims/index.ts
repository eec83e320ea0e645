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
 * Per-file claims name their file on the line ("test_db.py: 18 tests", a table row) or inherit it from
 * the section they are in (sections.ts says how). Fenced code blocks are skipped.
 *
 * Everything here is linear in the size of the report: lines are cut into tokens by one hand-written
 * scan, and every pattern looks at a bounded window of tokens around a number. No regular expression
 * runs over report text.
 */
import type { Claim } from "./claim.js";
import { visibleText } from "./html.js";
import { parseLine } from "./line.js";
import { lineClaims, type ReportContext } from "./line-claims.js";
import { statedLimits } from "./limits.js";
import { fenceOf, indentOf, isSeparatorRow, isThematicBreak, splitLines } from "./markdown.js";
import { looksCheckable, type NotUnderstood } from "./not-understood.js";
import { Sections } from "./sections.js";
import { Sink } from "./sink.js";
import { tableClaims } from "./table-claims.js";

export type { Claim, ClaimKind } from "./claim.js";
export type { NotUnderstood } from "./not-understood.js";

export interface ExtractedReport {
  claims: Claim[];
  /** Lines that look checkable but gave no claim. */
  notUnderstood: NotUnderstood[];
}

/** Whether the report names a base test class, so that its "SSOT patterns" mean inheriting one. */
function namesBaseTestClass(text: string): boolean {
  const lower = text.toLowerCase();
  return lower.includes("basetestcase") || lower.includes("base test case") || lower.includes("base class");
}

/** The one line limit a report states, and where, when it states exactly one. */
function soleLimit(limits: ReadonlyMap<number, number>): { limit: number; line: number } | null {
  const [first] = [...limits];
  return limits.size === 1 && first !== undefined ? { limit: first[0], line: first[1] } : null;
}

/**
 * The claims a report makes, in the order it makes them, and the lines it could not read as claims.
 * Each claim is a number the report states about the suite; testaudit can then measure the suite and
 * compare. What a reader does not see is not read: HTML comments (which may span lines) and fenced
 * code blocks.
 */
export function extractReport(reportText: string): ExtractedReport {
  const lines = splitLines(reportText);
  const sink = new Sink();
  const sections = new Sections();
  const context: ReportContext = { ssotIsBase: namesBaseTestClass(reportText) };
  const candidates: NotUnderstood[] = [];
  /** Each line limit the report states, with the first line stating it. */
  const limits = new Map<number, number>();
  let inComment = false;
  const visible = lines.map((line) => {
    const seen = visibleText(line, inComment);
    inComment = seen.inComment;
    return seen.text;
  });
  let fence: string | null = null;
  for (let n = 0; n < lines.length; n += 1) {
    const raw = visible[n]!;
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
      sections.break();
      continue;
    }
    const indent = indentOf(raw);
    sections.indentTo(indent);
    if (trimmed.includes("|") && n + 1 < lines.length && isSeparatorRow(visible[n + 1]!)) {
      const end = tableClaims(visible, lines, n, sections.current(), sink, context);
      for (let r = n; r < end; r += 1) {
        const row = parseLine(visible[r]!.replaceAll("|", " ; "), r + 1);
        row.text = lines[r]!.trim();
        const why = looksCheckable(row);
        if (why !== null) {
          candidates.push({ line: r + 1, text: row.text, why });
        }
      }
      n = end - 1;
      continue;
    }
    const line = parseLine(raw, n + 1);
    line.text = lines[n]!.trim();
    sections.enter(line, indent);
    lineClaims(line, sections.current(), sink, context);
    const lineLimits = statedLimits(line.toks);
    for (const limit of lineLimits) {
      if (!limits.has(limit)) {
        limits.set(limit, n + 1);
      }
    }
    const why = lineLimits.length > 0 ? null : looksCheckable(line);
    if (why !== null) {
      candidates.push({ line: n + 1, text: line.text, why });
    }
  }
  const stated = soleLimit(limits);
  const claims = sink.claims();
  for (const claim of claims) {
    if ((claim.kind === "filesOverLineLimit" || claim.kind === "fileOverLineLimit") && claim.limit === undefined && stated !== null) {
      claim.limit = stated.limit;
      claim.limitLine = stated.line;
    }
  }
  return { claims, notUnderstood: candidates.filter((candidate) => !sink.claimedLine(candidate.line)) };
}

/** The claims a report makes, in the order it makes them. */
export function extractClaims(reportText: string): Claim[] {
  return extractReport(reportText).claims;
}
