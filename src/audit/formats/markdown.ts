/** The audit as Markdown, for pull-request comments. */
import type { AuditReport, FileReport } from "../report-types.js";
import { hiddenMockRows, testsSummary } from "./hidden-mocks.js";
import { policyRows } from "./summary-rows.js";

function escapeCell(text: string): string {
  return text.replace(/\|/gu, "\\|");
}

function fileStatus(file: FileReport): string {
  if (file.parseError) {
    return `parse error at ${file.parseError.line}:${file.parseError.column}`;
  }
  const failing = Object.entries(file.compliant).filter(([, verdict]) => verdict === false).map(([policy]) => policy);
  return failing.length === 0 ? "ok" : failing.join(", ");
}

export function formatMarkdown(report: AuditReport): string {
  const { totals } = report;
  const lines = [
    "## testaudit",
    "",
    `${totals.tests} tests (${totals.skipped} skipped, ${totals.todo} todo) in ${totals.testFiles} test files; ${totals.files} files audited, ${totals.filesWithParseErrors} with parse errors; ${totals.violations} rule violations.`,
    "",
    "| Policy | Files compliant | Tests compliant |",
    "|---|---|---|",
    ...policyRows(totals).map((row) => `| ${row.label} | ${row.files} | ${row.tests} |`),
  ];
  if (report.groups.length > 0) {
    lines.push("", "| Group | Files | Tests | No mocks (tests) | Base class (tests) | BVJ (tests) |", "|---|---:|---:|---|---|---|");
    for (const group of report.groups) {
      const rows = policyRows(group.totals);
      lines.push(`| ${escapeCell(group.name)} | ${group.totals.files} | ${group.totals.tests} | ${rows[0]!.tests} | ${rows[1]!.tests} | ${rows[2]!.tests} |`);
    }
  }
  const { duplicateClasses, collidingTests } = report.crossFile;
  for (const [title, names] of [["Classes defined in more than one file", duplicateClasses], ["Test names used in more than one file", collidingTests]] as const) {
    if (names.length > 0) {
      lines.push("", `**${title}:** ${names.map((shared) => `\`${shared.name}\` (${shared.places.map((place) => `${place.path}:${place.line}`).join(", ")})`).join("; ")}`);
    }
  }
  const hidden = hiddenMockRows(report);
  if (hidden.length > 0) {
    lines.push("", "**Mocks that reach tests from outside them:**", "", "| Via | Reached through | Mock at | Tests |", "|---|---|---|---|");
    for (const row of hidden) {
      lines.push(`| ${row.via} | ${escapeCell(row.path)} | \`${escapeCell(row.mock)}\` | ${row.tests.length}: ${escapeCell(testsSummary(row.tests))} |`);
    }
  }
  lines.push("", "| File | Lines | Tests | Mock uses | Violations | Status |", "|---|---:|---:|---:|---:|---|");
  for (const file of report.files) {
    lines.push(`| \`${escapeCell(file.path)}\` | ${file.lines} | ${file.parseError ? "?" : file.tests.length} | ${file.mocks.length} | ${file.violations.length} | ${fileStatus(file)} |`);
  }
  return `${lines.join("\n")}\n`;
}
