/**
 * The audit as one self-contained HTML page (no network: styles and SVG charts inline): compliance per
 * policy, per group, tests per file, and the file table.
 */
import type { AuditReport, PolicyName, Totals } from "../report-types.js";
import { POLICY_LABELS, formatRatio } from "./summary-rows.js";

function escapeHtml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}

const TEST_POLICIES: PolicyName[] = ["noMocks", "baseClass", "bvj"];

/** Horizontal bars, one per label, as inline SVG; values are 0–max. */
function barChart(id: string, title: string, bars: { label: string; value: number; text: string }[], max: number): string {
  const rowHeight = 26;
  // Wide enough for the longest label at about 7.5 px a character (13 px system font), within reason.
  const labelWidth = Math.min(560, Math.max(160, Math.ceil(Math.max(0, ...bars.map((bar) => bar.label.length)) * 7.5) + 16));
  const barWidth = 420;
  const height = bars.length * rowHeight + 30;
  const rows = bars
    .map((bar, index) => {
      const y = 24 + index * rowHeight;
      const width = max === 0 ? 0 : Math.round((bar.value / max) * barWidth);
      return [
        `<text x="0" y="${y + 14}" class="label">${escapeHtml(bar.label)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="18" class="track"/>`,
        `<rect x="${labelWidth}" y="${y}" width="${width}" height="18" class="bar" data-value="${bar.value}"/>`,
        `<text x="${labelWidth + barWidth + 8}" y="${y + 14}" class="value">${escapeHtml(bar.text)}</text>`,
      ].join("");
    })
    .join("\n");
  return `<figure id="${id}"><svg role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 140}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 140} ${height}"><text x="0" y="14" class="title">${escapeHtml(title)}</text>\n${rows}</svg></figure>`;
}

function policyBars(totals: Totals): { label: string; value: number; text: string }[] {
  return TEST_POLICIES.map((policy) => {
    const ratio = totals.policies[policy].tests;
    return { label: POLICY_LABELS[policy], value: ratio.percent ?? 0, text: formatRatio(ratio) };
  });
}

export function formatHtml(report: AuditReport): string {
  const { totals } = report;
  const groupCharts = report.groups.map((group, index) =>
    barChart(`group-${index}`, `${group.name} (${group.glob}): tests compliant`, policyBars(group.totals), 100),
  );
  const testFiles = report.files.filter((file) => file.tests.length > 0);
  const rows = report.files
    .map((file) => `<tr><td><code>${escapeHtml(file.path)}</code></td><td>${file.lines}</td><td>${file.parseError ? "parse error" : file.tests.length}</td><td>${file.mocks.length}</td><td>${file.violations.length}</td></tr>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>testaudit report</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; }
svg .label, svg .value { font-size: 13px; fill: #1b1f24; } svg .title { font-weight: bold; font-size: 14px; }
svg .track { fill: #eaeef2; } svg .bar { fill: #2da44e; }
</style>
</head>
<body>
<h1>testaudit report</h1>
<p id="summary">${totals.tests} tests (${totals.skipped} skipped, ${totals.todo} todo) in ${totals.testFiles} test files; ${totals.files} files audited, ${totals.filesWithParseErrors} with parse errors; ${totals.violations} rule violations.</p>
<h2>Compliance</h2>
${barChart("compliance", "Tests compliant, all files", policyBars(totals), 100)}
${groupCharts.length > 0 ? `<h2>Groups</h2>\n${groupCharts.join("\n")}` : ""}
<h2>Tests per file</h2>
${barChart("tests-per-file", "Collected tests per file", testFiles.map((file) => ({ label: file.path, value: file.tests.length, text: String(file.tests.length) })), Math.max(1, ...testFiles.map((file) => file.tests.length)))}
<h2>Files</h2>
<table id="files"><thead><tr><th>File</th><th>Lines</th><th>Tests</th><th>Mock uses</th><th>Violations</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body>
</html>
`;
}
