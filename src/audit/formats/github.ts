/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), which a workflow run shows as
 * annotations on the pull request's lines. Values are escaped as the runner expects, so a newline or
 * `::` in a message or file name cannot start a command of its own.
 */
import type { ClaimCheck } from "../verify.js";
import type { AuditResult } from "../assemble-report.js";
import { unreportedReaches } from "./sarif.js";
import { visible } from "./terminal-text.js";

function escapeData(text: string): string {
  // Control characters first (a workflow log renders escape sequences), then the runner's own escapes.
  return visible(text).replace(/%/gu, "%25").replace(/\r/gu, "%0D").replace(/\n/gu, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, "%3A").replace(/,/gu, "%2C");
}

function command(level: "error" | "warning" | "notice", properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${level} ${props}::${escapeData(message)}`;
}

export function formatAuditGithub(report: AuditResult): string {
  const lines: string[] = [];
  for (const nested of report.nestedConfigs.filter((config) => !config.used)) {
    lines.push(command("error", { file: nested.path, line: 1, title: "testaudit: nested config" }, `A config file below the root would govern ${nested.files} audited file(s); they were audited with the root config. Remove it, or pass --allow-nested-config.`));
  }
  for (const skipped of report.skipped) {
    lines.push(command("warning", { file: skipped.path, title: "testaudit: skipped" }, `Not audited: ${skipped.reason === "outsideRoot" ? "a symlink that leaves the project root" : `a ${skipped.reason}, not a regular file`}.`));
  }
  for (const file of report.files) {
    if (file.readError) {
      lines.push(command("error", { file: file.path, title: "testaudit: unreadable" }, `Cannot read the file: ${file.readError.message}`));
    }
    if (file.parseError) {
      lines.push(command("error", { file: file.path, line: file.parseError.line, col: file.parseError.column, title: "testaudit: parse error" }, file.parseError.message));
    }
    for (const violation of file.violations) {
      lines.push(command(violation.severity === 2 ? "error" : "warning", { file: file.path, line: violation.line, col: violation.column, title: violation.ruleId }, violation.message));
    }
    for (const reach of unreportedReaches(file)) {
      lines.push(command("error", { file: file.path, line: reach.line, title: "testaudit/no-mocks" }, reach.message));
    }
    for (const exemption of file.exemptions) {
      const why = exemption.justification ?? exemption.source ?? "no reason given";
      lines.push(command("notice", { file: file.path, line: exemption.line ?? undefined, title: `${exemption.ruleId} exempted (${exemption.kind})` }, `${exemption.message ?? "The whole file is exempted."} Reason: ${why}`));
    }
  }
  const { totals } = report;
  lines.push(`testaudit: ${totals.tests} tests in ${totals.testFiles} test files, ${totals.violations} violations, ${totals.exemptions} exemptions`);
  return `${lines.join("\n")}\n`;
}

export function formatChecksGithub(checks: readonly ClaimCheck[], reportPath: string): string {
  const lines = checks
    .filter((check) => check.verdict === "false")
    .map((check) => command("error", { file: reportPath, line: check.line, title: "testaudit verify: false claim" }, `The report states ${check.stated}; testaudit measures ${String(check.measured)}: ${check.text}`));
  lines.push(`testaudit verify: ${checks.length} claims, ${checks.filter((check) => check.verdict === "false").length} false`);
  return `${lines.join("\n")}\n`;
}
