/**
 * The audit as one self-contained HTML page (no network: styles and SVG charts inline): compliance per
 * policy, per group, tests per file, and the file table.
 */
import type { AuditResult } from "../assemble-report.js";
import type { PolicyReport, Totals } from "../report-types.js";
import { readFileSections, type FileSections } from "./file-sections.js";
import { testsPerFile, type HiddenMockRow } from "./hidden-mocks.js";
import { exemptionPlace, exemptionReason, formatExempted, formatRatio, summarySentence } from "./summary-rows.js";

function escapeHtml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}

/** The mocks that reach tests from outside them, one row per path to a mock; nothing when there are none. */
function hiddenMocksSection(rows: readonly HiddenMockRow[]): string {
  if (rows.length === 0) {
    return "";
  }
  const body = rows
    .map((row) => `<tr><td>${escapeHtml(row.via)}</td><td>${escapeHtml(row.path)}</td><td><code>${escapeHtml(row.mock)}</code></td><td title="${escapeHtml(row.tests.join("\n"))}">${escapeHtml(testsPerFile(row.tests))}</td></tr>`)
    .join("\n");
  return `<h2>Mocks that reach tests from outside them</h2>
<table id="hidden-mocks"><thead><tr><th>Via</th><th>Reached through</th><th>Mock at</th><th>Tests</th></tr></thead>
<tbody>
${body}
</tbody></table>
`;
}

/** Config files below the root, and paths not read: what a reviewer of the tree must know. */
function treeSection(report: AuditResult): string {
  const items = [
    ...report.nestedConfigs.map((config) => `<li><code>${escapeHtml(config.path)}</code>: a config file below the root governing ${config.files} audited file(s); ${config.used ? "used (--allow-nested-config)" : "not used: its files were audited with the root config (this fails the gate)"}</li>`),
    ...report.skipped.map((skipped) => `<li><code>${escapeHtml(skipped.path)}</code>: not audited, ${skipped.reason === "outsideRoot" ? "a symlink that leaves the project root" : `a ${skipped.reason}, not a regular file`}</li>`),
  ];
  return items.length === 0 ? "" : `<h2>Config files and paths not audited</h2>\n<ul id="tree">\n${items.join("\n")}\n</ul>\n`;
}

/** Every exempted finding and file: where, which rule, how, and why. */
function exemptionsSection(exemptions: FileSections["exemptions"]): string {
  const rows = exemptions.map(
    ({ path, exemption }) => `<tr><td><code>${escapeHtml(exemptionPlace(path, exemption.line))}</code></td><td>${escapeHtml(exemption.ruleId)}</td><td>${exemption.kind}</td><td>${escapeHtml(exemptionReason(exemption))}</td></tr>`,
  );
  if (rows.length === 0) {
    return "";
  }
  return `<h2>Exemptions (not compliant, let through the gate)</h2>
<table id="exemptions"><thead><tr><th>Where</th><th>Rule</th><th>How</th><th>Reason</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
`;
}

const ROW_HEIGHT = 26;
const BAR_WIDTH = 420;
// About the advance of a character of the 13 px system font; a wider font is clipped at the label column's edge
// rather than drawn over the bars.
const CHAR_WIDTH = 7.5;
const LABEL_CHARS_MAX = 72;

/** A long path keeps its end, where the file name is; the whole label stays in the row's tooltip. */
function shortLabel(label: string): string {
  // Code points, not UTF-16 units, so a cut never splits a character; labels are paths, not emoji sequences.
  const chars = Array.from(label);
  return chars.length <= LABEL_CHARS_MAX ? label : `…${chars.slice(-(LABEL_CHARS_MAX - 1)).join("")}`;
}

/** The largest of `values`, at least `floor`: a loop, since spreading a suite's worth of values as arguments overflows the stack. */
function maxOf(values: readonly number[], floor: number): number {
  let max = floor;
  for (const value of values) {
    max = Math.max(max, value);
  }
  return max;
}

function textWidth(texts: string[]): number {
  return Math.ceil(maxOf(texts.map((text) => Array.from(text).length), 0) * CHAR_WIDTH);
}

/**
 * Horizontal bars, one per label, as inline SVG; values are 0–max. The title is an HTML caption, so a long
 * one wraps instead of being cut at the chart's edge.
 */
function barChart(id: string, title: string, bars: { label: string; value: number; text: string }[], max: number): string {
  if (bars.length === 0) {
    return `<figure id="${id}"><svg role="img" aria-label="${escapeHtml(title)}: none" width="${BAR_WIDTH}" height="${ROW_HEIGHT}" viewBox="0 0 ${BAR_WIDTH} ${ROW_HEIGHT}"><text x="0" y="18" class="label">none</text></svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
  }
  const labelWidth = Math.max(160, textWidth(bars.map((bar) => shortLabel(bar.label))) + 16);
  const valueWidth = Math.max(140, textWidth(bars.map((bar) => bar.text)) + 8);
  const width = labelWidth + BAR_WIDTH + valueWidth;
  const height = bars.length * ROW_HEIGHT + 4;
  const rowTop = (index: number): number => 4 + index * ROW_HEIGHT;
  const labels = bars
    .map((bar, index) => `<g><title>${escapeHtml(bar.label)}</title><text x="0" y="${rowTop(index) + 14}" class="label">${escapeHtml(shortLabel(bar.label))}</text></g>`)
    .join("\n");
  const rows = bars
    .map((bar, index) => {
      const y = rowTop(index);
      const barLength = max === 0 ? 0 : Math.round((bar.value / max) * BAR_WIDTH);
      return [
        `<rect x="${labelWidth}" y="${y}" width="${BAR_WIDTH}" height="18" class="track"/>`,
        `<rect x="${labelWidth}" y="${y}" width="${barLength}" height="18" class="bar" data-value="${bar.value}"/>`,
        `<text x="${labelWidth + BAR_WIDTH + 8}" y="${y + 14}" class="value">${escapeHtml(bar.text)}</text>`,
      ].join("");
    })
    .join("\n");
  // The labels sit in their own viewport, which clips them at the column's edge.
  return `<figure id="${id}"><svg role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><svg class="labels" width="${labelWidth - 8}" height="${height}">\n${labels}\n</svg>\n${rows}</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}

/** A bar per policy that judges tests: the share of tests compliant. */
function policyBars(policies: readonly PolicyReport[], totals: Totals): { label: string; value: number; text: string }[] {
  return policies.filter((policy) => policy.judgesTests).map((policy) => {
    const { tests: ratio, exempted: exemptedCounts } = totals.policies[policy.key]!;
    const exempted = formatExempted(exemptedCounts);
    return { label: policy.label, value: ratio.percent ?? 0, text: exempted === "" ? formatRatio(ratio) : `${formatRatio(ratio)}, ${exempted}` };
  });
}

export function formatHtml(report: AuditResult): string {
  const { totals } = report;
  const groupCharts = report.groups.map((group, index) =>
    barChart(`group-${index}`, `${group.name} (${group.glob}): tests compliant`, policyBars(report.policies, group.totals), 100),
  );
  const testFiles: { path: string; tests: number }[] = [];
  const fileRows: string[] = [];
  const sections = readFileSections(report.files, (file) => {
    if (file.tests.length > 0) {
      testFiles.push({ path: file.path, tests: file.tests.length });
    }
    fileRows.push(`<tr><td><code>${escapeHtml(file.path)}</code></td><td>${file.lines}</td><td>${file.readError ? "unreadable" : file.parseError ? "parse error" : file.tests.length}</td><td>${file.mocks.length}</td><td>${file.violations.length}</td></tr>`);
  });
  const rows = fileRows.join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>testaudit report</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; }
/* A long path wraps, so the table fits the window and its short columns stay on one line. */
td code { overflow-wrap: anywhere; } #files th, #files td + td { white-space: nowrap; }
#hidden-mocks td { overflow-wrap: anywhere; max-width: 32em; } #hidden-mocks td:first-child { white-space: nowrap; }
svg .label, svg .value { font-size: 13px; fill: #1b1f24; }
/* The caption follows the chart in the markup and shows above it, where a title is read first. */
figure { display: flex; flex-direction: column; align-items: flex-start; }
figcaption { order: -1; font-weight: bold; margin-bottom: 2px; overflow-wrap: anywhere; }
svg .track { fill: #eaeef2; } svg .bar { fill: #2da44e; }
</style>
</head>
<body>
<h1>testaudit report</h1>
<p id="summary">${summarySentence(totals)}</p>
<h2>Compliance</h2>
${barChart("compliance", "Tests compliant, all files", policyBars(report.policies, totals), 100)}
${groupCharts.length > 0 ? `<h2>Groups</h2>\n${groupCharts.join("\n")}` : ""}
<h2>Tests per file</h2>
${barChart("tests-per-file", "Collected tests per file", testFiles.map((file) => ({ label: file.path, value: file.tests, text: String(file.tests) })), maxOf(testFiles.map((file) => file.tests), 1))}
${hiddenMocksSection(sections.hiddenMocks)}${exemptionsSection(sections.exemptions)}${treeSection(report)}<h2>Files</h2>
<table id="files"><thead><tr><th>File</th><th>Lines</th><th>Tests</th><th>Mock uses</th><th>Violations</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body>
</html>
`;
}
