/**
 * The audit as a terminal table; colour only when the output is a terminal. Text from the audited code
 * goes through `visible`, so no escape sequence in a file name or test title reaches the terminal; and
 * no printer spreads or recurses over the files, so a suite of any size prints.
 */
import type { AuditResult } from "../assemble-report.js";
import { readFileSections } from "./file-sections.js";
import { testsPerFile } from "./hidden-mocks.js";
import { exemptionPlace, exemptionReason, plural, policyRows } from "./summary-rows.js";
import { visible } from "./terminal-text.js";

function table(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return rows.map((row) => row.map((cell, index) => cell.padEnd(widths[index]!)).join("  ").trimEnd());
}

export function formatTable(report: AuditResult, color: boolean): string {
  const paint = (code: number, text: string): string => (color ? `\u001B[${code}m${text}\u001B[0m` : text);
  const lines: string[] = [];
  const push = (items: readonly string[]): void => {
    for (const item of items) {
      lines.push(item);
    }
  };
  const fileRows = [["file", "lines", "tests", "mocks", "violations"]];
  const { hiddenMocks: hidden, exemptions, skipped } = readFileSections(report.files, (file) => {
    const tests = file.readError ? `unreadable (${file.readError.code})` : file.parseError ? "parse error" : String(file.tests.length);
    fileRows.push([visible(file.path), String(file.lines), tests, String(file.mocks.length), String(file.violations.length)]);
  });
  push(table(fileRows).map((line, index) => (index === 0 ? paint(1, line) : line)));
  lines.push("");
  if (hidden.length > 0) {
    lines.push(paint(1, "mocks that reach tests from outside them"));
    for (const row of hidden) {
      lines.push(visible(`${row.via}: ${row.path} (${row.mock}) reaches ${testsPerFile(row.tests)}`));
    }
    lines.push("");
  }
  if (exemptions.length > 0) {
    lines.push(paint(1, "exemptions (not compliant, let through the gate)"));
    for (const { path, exemption } of exemptions) {
      lines.push(visible(`${exemptionPlace(path, exemption.line)}  ${exemption.ruleId}  ${exemption.kind}: ${exemptionReason(exemption)}`));
    }
    lines.push("");
  }
  if (skipped.length > 0) {
    lines.push(paint(1, "skipped tests"));
    for (const test of skipped) {
      lines.push(visible(`${test.place}  ${test.id}: ${test.reason}`));
    }
    lines.push("");
  }
  if (report.nestedConfigs.length > 0) {
    lines.push(paint(1, "config files below the root"));
    for (const config of report.nestedConfigs) {
      lines.push(visible(`${config.path}: governs ${plural(config.files, "audited file", "audited files")}; ${config.used ? "used (--allow-nested-config)" : "not used: its files were audited with the root config"}`));
    }
    lines.push("");
  }
  if (report.skipped.length > 0) {
    lines.push(paint(1, "not audited"));
    for (const skipped of report.skipped) {
      lines.push(visible(`${skipped.path}: ${skipped.reason === "outsideRoot" ? "a symlink that leaves the project root" : `a ${skipped.reason}, not a regular file`}`));
    }
    lines.push("");
  }
  const policyTable = [["policy", "files compliant", "tests compliant", "exempted"], ...policyRows(report.policies, report.totals).map((row) => [row.label, row.files, row.tests, row.exempted])];
  push(table(policyTable).map((line, index) => (index === 0 ? paint(1, line) : line)));
  const { totals } = report;
  lines.push(
    "",
    `${plural(totals.tests, "test", "tests")} in ${plural(totals.testFiles, "test file", "test files")} (${plural(totals.files, "file", "files")} audited); ` +
      (totals.violations === 0 ? paint(32, "no violations") : paint(31, plural(totals.violations, "violation", "violations"))) +
      (totals.exemptions > 0 ? paint(33, `; ${plural(totals.exemptions, "exemption", "exemptions")}`) : "") +
      (totals.filesWithParseErrors > 0 ? paint(31, `; ${plural(totals.filesWithParseErrors, "file", "files")} did not parse`) : "") +
      (totals.filesWithReadErrors > 0 ? paint(31, `; ${plural(totals.filesWithReadErrors, "file", "files")} could not be read`) : ""),
  );
  for (const group of report.groups) {
    lines.push(visible(`group ${group.name} (${group.glob}): ${group.totals.tests} tests in ${group.totals.testFiles} test files`));
  }
  return `${lines.join("\n")}\n`;
}
