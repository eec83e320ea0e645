/** How `testaudit verify` prints its checks: a table for people, JSON, or SARIF pointing at the report's lines. */
import type { ClaimCheck } from "../verify.js";

export function formatChecksTable(checks: readonly ClaimCheck[], reportPath: string, color: boolean): string {
  const paint = (verdict: ClaimCheck["verdict"], text: string): string => {
    const code = { true: 32, false: 31, approximate: 33, unverifiable: 90 }[verdict];
    return color ? `\u001B[${code}m${text}\u001B[0m` : text;
  };
  const rows = checks.map((check) => [`${reportPath}:${check.line}`, check.verdict, String(check.stated), check.measured === null ? "-" : String(check.measured), check.text.length > 80 ? `${check.text.slice(0, 77)}...` : check.text]);
  const header = ["claim", "verdict", "stated", "measured", "text"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string => cells.map((cell, index) => cell.padEnd(widths[index]!)).join("  ").trimEnd();
  const counts = (verdict: ClaimCheck["verdict"]): number => checks.filter((check) => check.verdict === verdict).length;
  return [
    line(header),
    ...rows.map((row, index) => {
      const text = line(row);
      return paint(checks[index]!.verdict, text);
    }),
    "",
    `${checks.length} claims: ${counts("true")} true, ${counts("false")} false, ${counts("approximate")} approximate, ${counts("unverifiable")} unverifiable`,
    "",
  ].join("\n");
}

export function formatChecksSarif(checks: readonly ClaimCheck[], reportPath: string, version: string): string {
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "testaudit verify", version, rules: [{ id: "testaudit/false-claim", shortDescription: { text: "A claim of an audit report that the code contradicts" } }] } },
        results: checks
          // A claim is false only against a measure, so every false check has one.
          .filter((check): check is ClaimCheck & { measured: number } => check.verdict === "false" && check.measured !== null)
          .map((check) => ({
            ruleId: "testaudit/false-claim",
            level: "error",
            message: { text: `The report states ${check.stated}; testaudit measures ${check.measured}: ${check.text}` },
            locations: [{ physicalLocation: { artifactLocation: { uri: reportPath }, region: { startLine: check.line } } }],
          })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
