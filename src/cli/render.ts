/** The audit report in each output format `--format` names. */
import { formatAuditGithub } from "../audit/formats/github.js";
import { formatHtml } from "../audit/formats/html.js";
import { formatMarkdown } from "../audit/formats/markdown.js";
import { formatSarif } from "../audit/formats/sarif.js";
import { formatTable } from "../audit/formats/table.js";
import { jsonChunks } from "../audit/formats/json-chunks.js";
import type { AuditResult } from "../audit/assemble-report.js";

export const AUDIT_FORMATS = ["table", "json", "markdown", "sarif", "html", "github"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** The report's file list, the part that grows with the suite, is rendered a file at a time. */
const STREAMED_JSON = new Set(["files"]);

function* jsonReport(report: AuditResult): Generator<string> {
  yield* jsonChunks(report, STREAMED_JSON);
  yield "\n";
}

/** The text of the report in `format`, in pieces that joined are the whole. */
export function renderAudit(report: AuditResult, format: AuditFormat, toTerminal: boolean): Iterable<string> {
  switch (format) {
    case "json":
      return jsonReport(report);
    case "markdown":
      return [formatMarkdown(report)];
    case "sarif":
      return [formatSarif(report)];
    case "html":
      return [formatHtml(report)];
    case "github":
      return [formatAuditGithub(report)];
    case "table":
      return [formatTable(report, toTerminal)];
  }
}
