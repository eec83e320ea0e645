/** How `testaudit verify` prints its result: a table for people, JSON, or SARIF pointing at the report's lines. */
import type { NotUnderstood } from "../../report/claims/index.js";
import type { ReportEncoding } from "../../report/read-report.js";
import type { Tally } from "../../verify/test-results.js";
import type { ClaimCheck, Verdict } from "../verify.js";

export interface VerifySummary {
  claims: number;
  true: number;
  false: number;
  approximate: number;
  unverifiable: number;
  notUnderstood: number;
}

/** What `verify --format json` prints (docs/schema/verify-report.schema.json). */
export interface VerifyResult {
  report: { path: string; encoding: ReportEncoding; bytes: number };
  claims: ClaimCheck[];
  notUnderstood: NotUnderstood[];
  summary: VerifySummary;
  /** The test results read with --results, in total; null without. */
  results: (Tally & { files: string[] }) | null;
  /** --since: the revision and how many files changed since it; null without. */
  since: { revision: string; changedFiles: number } | null;
}

export function summarize(checks: readonly ClaimCheck[], notUnderstood: readonly NotUnderstood[]): VerifySummary {
  const count = (verdict: Verdict): number => checks.filter((check) => check.verdict === verdict).length;
  return { claims: checks.length, true: count("true"), false: count("false"), approximate: count("approximate"), unverifiable: count("unverifiable"), notUnderstood: notUnderstood.length };
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 3)}...` : text;
}

export function formatVerifyTable(result: VerifyResult, color: boolean): string {
  const { claims: checks, report, summary } = result;
  const paint = (verdict: Verdict, text: string): string => {
    const code = { true: 32, false: 31, approximate: 33, unverifiable: 90 }[verdict];
    return color ? `\u001B[${code}m${text}\u001B[0m` : text;
  };
  const rows = checks.map((check) => [`${report.path}:${check.line}`, check.verdict, String(check.stated), check.measured === null ? "-" : String(check.measured), clip(check.text, 80)]);
  const header = ["claim", "verdict", "stated", "measured", "text"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string => cells.map((cell, index) => cell.padEnd(widths[index]!)).join("  ").trimEnd();
  const out = [`${report.path}: read as ${report.encoding}, ${report.bytes} bytes`, "", line(header), ...rows.map((row, index) => paint(checks[index]!.verdict, line(row)))];
  const unverifiable = checks.filter((check) => check.verdict === "unverifiable");
  if (unverifiable.length > 0) {
    out.push("", "unverifiable, and why");
    for (const check of unverifiable) {
      out.push(`${report.path}:${check.line}  ${check.note ?? ""}`);
    }
  }
  if (result.notUnderstood.length > 0) {
    out.push("", "not understood (read these yourself: testaudit took no claim from them)");
    for (const item of result.notUnderstood) {
      out.push(`${report.path}:${item.line}  ${clip(item.text, 100)}`);
    }
  }
  out.push(
    "",
    `${summary.claims} claim${summary.claims === 1 ? "" : "s"}: ${summary.true} true, ${summary.false} false, ${summary.approximate} approximate, ${summary.unverifiable} unverifiable; ${summary.notUnderstood} line${summary.notUnderstood === 1 ? "" : "s"} not understood`,
    "",
  );
  return out.join("\n");
}

export function formatVerifyJson(result: VerifyResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function formatVerifySarif(result: VerifyResult, version: string): string {
  const uri = result.report.path;
  const location = (line: number): object[] => [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line } } }];
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "testaudit verify",
            version,
            rules: [
              { id: "testaudit/false-claim", shortDescription: { text: "A claim of an audit report that the code contradicts" } },
              { id: "testaudit/unverifiable-claim", shortDescription: { text: "A claim of an audit report that testaudit could not measure" } },
              { id: "testaudit/not-understood", shortDescription: { text: "A line that looks like a checkable claim but that testaudit did not read as one" } },
            ],
          },
        },
        results: [
          ...result.claims
            .filter((check) => check.verdict === "false" || check.verdict === "unverifiable")
            .map((check) =>
              check.verdict === "false"
                ? { ruleId: "testaudit/false-claim", level: "error", message: { text: `The report states ${check.stated}; testaudit measures ${String(check.measured)}${check.note === undefined ? "" : ` (${check.note})`}: ${check.text}` }, locations: location(check.line) }
                : { ruleId: "testaudit/unverifiable-claim", level: "note", message: { text: `Unverifiable: ${check.note ?? "nothing to measure"}: ${check.text}` }, locations: location(check.line) },
            ),
          ...result.notUnderstood.map((item) => ({ ruleId: "testaudit/not-understood", level: "note", message: { text: `Not understood (${item.why}): ${item.text}` }, locations: location(item.line) })),
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
