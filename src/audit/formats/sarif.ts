/**
 * The audit as SARIF 2.1.0 for code scanning: every rule violation and unparseable file as a result at
 * its file and line, with the testaudit rules described by their docs; and every test a mock from
 * another file reaches, at the test, with the message no-mocks gives it, unless no-mocks already
 * reported it there (its `trace` option is on by default; the audit traces whatever the option says).
 */
import { rules } from "../../../lib/rules/index.js";
import { describeReach } from "../../policies/mocks.js";
import type { AuditResult } from "../assemble-report.js";
import type { FileReport } from "../report-types.js";
import { folderUri, pathUri } from "./sarif-uri.js";
import { exemptionReason } from "./summary-rows.js";

const NO_MOCKS = "testaudit/no-mocks";

/** ESLint's `{{name}}` placeholders of `template`, filled from `data`. */
function fill(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (placeholder, key: string) => data[key] ?? placeholder);
}

/** The tests of `file` a mock from another file reaches that no-mocks did not report, with the message it gives them. */
export function unreportedReaches(file: FileReport): { line: number; message: string }[] {
  const template = rules["no-mocks"].meta?.messages?.mockReach ?? "";
  return file.tests.flatMap((test) => {
    const reach = test.mockReach;
    const reported = file.violations.some((violation) => violation.ruleId === NO_MOCKS && violation.line === test.line);
    if (!reach || reach.mock.path === file.path || reported) {
      return [];
    }
    const { route, location } = describeReach(reach, test.className);
    return [{ line: test.line, message: fill(template, { test: test.name, mock: reach.mock.name, route, location }) }];
  });
}

const at = (path: string): unknown[] => [{ physicalLocation: { artifactLocation: { uri: pathUri(path), uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } } }];

/** What concerns the tree rather than one audited file: nested config files, and paths not read. */
function treeResults(report: AuditResult): unknown[] {
  return [
    ...report.nestedConfigs.map((config) => ({
      ruleId: "testaudit/nested-config",
      // One the audit was not allowed to use fails the gate (see gate.ts).
      level: config.used ? "note" : "error",
      message: { text: `A config file below the root governs ${config.files} audited file(s)${config.used ? " and was used (--allow-nested-config)" : "; they were audited with the root config, and it was not loaded"}.` },
      locations: at(config.path),
    })),
    ...report.skipped.map((skipped) => ({
      ruleId: "testaudit/skipped",
      level: "warning",
      message: { text: `Not audited: ${skipped.reason === "outsideRoot" ? "a symlink that leaves the project root" : `a ${skipped.reason}, not a regular file`}.` },
      locations: at(skipped.path),
    })),
  ];
}

export function formatSarif(report: AuditResult): string {
  const results: unknown[] = [];
  for (const file of report.files) {
    const location = (line: number, column?: number): unknown[] => [
      { physicalLocation: { artifactLocation: { uri: pathUri(file.path), uriBaseId: "%SRCROOT%" }, region: { startLine: line, ...(column === undefined ? {} : { startColumn: column }) } } },
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
    // Each fails the gate (see gate.ts), so each is an error.
    const fromReaches = unreportedReaches(file).map(({ line, message }) => ({ ruleId: NO_MOCKS, level: "error", message: { text: message }, locations: location(line) }));
    const fromReadError = file.readError
      ? [{ ruleId: "testaudit/read-error", level: "error", message: { text: `Cannot read the file: ${file.readError.message}` }, locations: location(1) }]
      : [];
    // Exempted findings stay in the log, suppressed, with the justification or the file that exempts them.
    const fromExemptions = file.exemptions.map((exemption) => ({
      ruleId: exemption.ruleId,
      level: "error",
      message: { text: exemption.message ?? `The whole file is exempted from ${exemption.ruleId}.` },
      locations: location(exemption.line ?? 1),
      suppressions: [{ kind: exemption.kind === "directive" || exemption.kind === "inlineConfig" ? "inSource" : "external", status: "accepted", justification: exemptionReason(exemption) }],
    }));
    for (const result of [...fromReadError, ...fromParse, ...fromViolations, ...fromReaches, ...fromExemptions]) {
      results.push(result);
    }
  }
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
            // By id, as ESLint lists rules; each described by its rule's own docs, as the report names it.
            rules: [...report.policies]
              .sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
              .map((policy) => ({ id: policy.ruleId, shortDescription: { text: policy.description || policy.ruleId }, helpUri: policy.url })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: folderUri(report.cwd) } },
        results: [...treeResults(report), ...results],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
