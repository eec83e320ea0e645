/** The audit report in each output format `--format` names. */
import { formatAuditGithub } from "../audit/formats/github.js";
import { formatHtml } from "../audit/formats/html.js";
import { formatMarkdown } from "../audit/formats/markdown.js";
import { formatSarif } from "../audit/formats/sarif.js";
import { formatTable } from "../audit/formats/table.js";
import type { AuditReport } from "../audit/report-types.js";

export const AUDIT_FORMATS = ["table", "json", "markdown", "sarif", "html", "github"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export function renderAudit(report: AuditReport, format: AuditFormat, toTerminal: boolean): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "markdown":
      return formatMarkdown(report);
    case "sarif":
      return formatSarif(report);
    case "html":
      return formatHtml(report);
    case "github":
      return formatAuditGithub(report);
    case "table":
      return formatTable(report, toTerminal);
  }
}
