/** The audit as a terminal table; colour only when the output is a terminal. */
import type { AuditReport } from "../report-types.js";
import { hiddenMockRows, testsPerFile } from "./hidden-mocks.js";
import { policyRows } from "./summary-rows.js";

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index]!)).join("  ").trimEnd();
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => pad(row, widths));
}

export function formatTable(report: AuditReport, color: boolean): string {
  const paint = (code: number, text: string): string => (color ? `\u001B[${code}m${text}\u001B[0m` : text);
  const fileRows = [["file", "lines", "tests", "mocks", "violations"]];
  for (const file of report.files) {
    fileRows.push([file.path, String(file.lines), file.parseError ? "parse error" : String(file.tests.length), String(file.mocks.length), String(file.violations.length)]);
  }
  const policyTable = [["policy", "files compliant", "tests compliant"], ...policyRows(report.totals).map((row) => [row.label, row.files, row.tests])];
  const { totals } = report;
  const hidden = hiddenMockRows(report);
  const hiddenLines = hidden.length === 0 ? [] : [
    paint(1, "mocks that reach tests from outside them"),
    ...hidden.map((row) => `${row.via}: ${row.path} (${row.mock}) reaches ${testsPerFile(row.tests)}`),
    "",
  ];
  const lines = [
    ...table(fileRows).map((line, index) => (index === 0 ? paint(1, line) : line)),
    "",
    ...hiddenLines,
    ...table(policyTable).map((line, index) => (index === 0 ? paint(1, line) : line)),
    "",
    `${totals.tests} tests in ${totals.testFiles} test files (${totals.files} files audited); ` +
      (totals.violations === 0 ? paint(32, "no violations") : paint(31, `${totals.violations} violations`)) +
      (totals.filesWithParseErrors > 0 ? paint(31, `; ${totals.filesWithParseErrors} files did not parse`) : ""),
  ];
  for (const group of report.groups) {
    lines.push(`group ${group.name} (${group.glob}): ${group.totals.tests} tests in ${group.totals.testFiles} test files`);
  }
  return `${lines.join("\n")}\n`;
}
