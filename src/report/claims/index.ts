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
import { parseLine } from "./line.js";
import { lineClaims } from "./line-claims.js";
import { fenceOf, indentOf, isSeparatorRow, isThematicBreak, splitLines } from "./markdown.js";
import { Sections } from "./sections.js";
import { Sink } from "./sink.js";
import { tableClaims } from "./table-claims.js";

export type { Claim, ClaimKind } from "./claim.js";

/**
 * The claims a report makes, in the order it makes them. Each claim is a number the report states
 * about the suite; testaudit can then measure the suite and compare.
 */
export function extractClaims(reportText: string): Claim[] {
  const lines = splitLines(reportText);
  const sink = new Sink();
  const sections = new Sections();
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
      sections.break();
      continue;
    }
    const indent = indentOf(raw);
    sections.indentTo(indent);
    if (trimmed.includes("|") && n + 1 < lines.length && isSeparatorRow(lines[n + 1]!)) {
      n = tableClaims(lines, n, sections.current(), sink) - 1;
      continue;
    }
    const line = parseLine(raw, n + 1);
    sections.enter(line, indent);
    lineClaims(line, sections.current(), sink);
  }
  return sink.claims();
}
