/**
 * The audit as SARIF 2.1.0 for code scanning: every rule violation and unparseable file as a result at
 * its file and line, with the testaudit rules described by their docs.
 */
import { rules } from "../../../lib/rules/index.js";
import type { AuditReport } from "../report-types.js";

export function formatSarif(report: AuditReport): string {
  const ruleIds = Object.keys(rules).map((name) => `testaudit/${name}`);
  const results = report.files.flatMap((file) => {
    const location = (line: number, column: number): unknown[] => [
      { physicalLocation: { artifactLocation: { uri: file.path, uriBaseId: "%SRCROOT%" }, region: { startLine: line, startColumn: column } } },
    ];
    const fromViolations = file.violations.map((violation) => ({
      ruleId: violation.ruleId,
      level: violation.severity === 2 ? "error" : "warning",
      message: { text: violation.message },
      locations: location(violation.line, violation.column),
    }));
    const fromParse = file.parseError
      ? [{ ruleId: "testaudit/parse-error", level: "error", message: { text: file.parseError.message }, locations: location(file.parseError.line, file.parseError.column) }]
      : [];
    return [...fromParse, ...fromViolations];
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "testaudit",
            version: report.tool.version,
            informationUri: "https://github.com/testaudit/eslint-plugin-testaudit",
            rules: ruleIds.map((id) => {
              const rule = rules[id.slice("testaudit/".length) as keyof typeof rules];
              return { id, shortDescription: { text: rule.meta?.docs?.description ?? id }, helpUri: rule.meta?.docs?.url };
            }),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: `file://${report.cwd.endsWith("/") ? report.cwd : `${report.cwd}/`}` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
