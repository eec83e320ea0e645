/**
 * The audit as Markdown, for pull-request comments. Whatever comes from the audited code is a code span
 * (markdown-text.ts): the comment renders as testaudit wrote it, whatever the file names and tests say.
 */
import type { AuditResult } from "../assemble-report.js";
import type { FileReport, PolicyReport } from "../report-types.js";
import { readFileSections } from "./file-sections.js";
import { testsSummary } from "./hidden-mocks.js";
import { codeSpan } from "./markdown-text.js";
import { exemptionPlace, exemptionReason, policyRows, summarySentence } from "./summary-rows.js";

function fileStatus(file: FileReport, policies: readonly PolicyReport[]): string {
  if (file.readError) {
    return `unreadable (${file.readError.code})`;
  }
  if (file.parseError) {
    return `parse error at ${file.parseError.line}:${file.parseError.column}`;
  }
  const keys = policies.map((policy) => policy.key);
  const failing = keys.filter((policy) => file.compliant[policy] === false && file.exempted[policy] !== true);
  const exempted = keys.filter((policy) => file.exempted[policy] === true);
  const parts = [...(failing.length > 0 ? [failing.join(", ")] : []), ...(exempted.length > 0 ? [`exempted: ${exempted.join(", ")}`] : [])];
  return parts.length === 0 ? "ok" : parts.join("; ");
}

export function formatMarkdown(report: AuditResult): string {
  const { totals } = report;
  const lines = [
    "## testaudit",
    "",
    summarySentence(totals),
    "",
    "| Policy | Files compliant | Tests compliant | Exempted |",
    "|---|---|---|---|",
    ...policyRows(report.policies, totals).map((row) => `| ${row.label} | ${row.files} | ${row.tests} | ${row.exempted} |`),
  ];
  if (report.groups.length > 0) {
    const testPolicies = report.policies.filter((policy) => policy.judgesTests);
    lines.push("", `| Group | Files | Tests | ${testPolicies.map((policy) => `${policy.label} (tests)`).join(" | ")} |`, `|---|---:|---:|${testPolicies.map(() => "---|").join("")}`);
    for (const group of report.groups) {
      const rows = policyRows(testPolicies, group.totals);
      lines.push(`| ${codeSpan(group.name, true)} | ${group.totals.files} | ${group.totals.tests} | ${rows.map((row) => row.tests).join(" | ")} |`);
    }
  }
  const unused = report.nestedConfigs.filter((config) => !config.used);
  if (report.nestedConfigs.length > 0) {
    lines.push(
      "",
      `**Config files below the root${unused.length > 0 ? " (not used: their files were audited with the root config; this fails the gate)" : ""}:** ${report.nestedConfigs.map((config) => `${codeSpan(config.path)} (${config.files} files${config.used ? ", used" : ""})`).join(", ")}`,
    );
  }
  if (report.skipped.length > 0) {
    lines.push("", `**Not audited:** ${report.skipped.map((skipped) => `${codeSpan(skipped.path)} (${skipped.reason === "outsideRoot" ? "symlink leaving the project root" : skipped.reason})`).join(", ")}`);
  }
  const { duplicateClasses, collidingTests } = report.crossFile;
  for (const [title, names] of [["Classes defined in more than one file", duplicateClasses], ["Test names used in more than one file", collidingTests]] as const) {
    if (names.length > 0) {
      lines.push("", `**${title}:** ${names.map((shared) => `${codeSpan(shared.name)} (${shared.places.map((place) => codeSpan(`${place.path}:${place.line}`)).join(", ")})`).join("; ")}`);
    }
  }
  const fileRows: string[] = [];
  const { hiddenMocks: hidden, exemptions, skipped } = readFileSections(report.files, (file) => {
    fileRows.push(`| ${codeSpan(file.path, true)} | ${file.lines} | ${file.parseError || file.readError ? "?" : file.tests.length} | ${file.mocks.length} | ${file.violations.length} | ${fileStatus(file, report.policies)} |`);
  });
  if (hidden.length > 0) {
    lines.push("", "**Mocks that reach tests from outside them:**", "", "| Via | Reached through | Mock at | Tests |", "|---|---|---|---|");
    for (const row of hidden) {
      lines.push(`| ${row.via} | ${codeSpan(row.path, true)} | ${codeSpan(row.mock, true)} | ${row.tests.length}: ${codeSpan(testsSummary(row.tests), true)} |`);
    }
  }
  if (exemptions.length > 0) {
    lines.push("", "**Exemptions** (not compliant, let through the gate):", "", "| Where | Rule | How | Reason |", "|---|---|---|---|");
    for (const { path, exemption } of exemptions) {
      lines.push(`| ${codeSpan(exemptionPlace(path, exemption.line), true)} | ${exemption.ruleId} | ${exemption.kind} | ${codeSpan(exemptionReason(exemption), true)} |`);
    }
  }
  if (skipped.length > 0) {
    lines.push("", "**Skipped tests:**", "", "| Where | Test | Reason |", "|---|---|---|");
    for (const test of skipped) {
      lines.push(`| ${codeSpan(test.place, true)} | ${codeSpan(test.id, true)} | ${codeSpan(test.reason, true)} |`);
    }
  }
  lines.push("", "| File | Lines | Tests | Mock uses | Violations | Status |", "|---|---:|---:|---:|---:|---|");
  for (const row of fileRows) {
    lines.push(row);
  }
  return `${lines.join("\n")}\n`;
}
