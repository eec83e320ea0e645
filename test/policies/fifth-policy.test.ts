/**
 * A policy is one registry entry: a throwaway rule written only here (no-skipped-tests: a collected test
 * must not be skipped), added to the registry's list and given to the audit, reaches every format,
 * the totals, the exemptions and the gate, with no edit anywhere else. Real ESLint with a real config
 * file in a temporary folder, the built audit (dist/), the real formats.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import dedent from "dedent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/audit/assemble-report.js";
import type { FileReport } from "../../src/audit/report-types.js";
import type { AnyPolicy } from "../../src/policies/registry.js";
import { writeTree } from "../temp-tree.js";

const dist = (path: string): string => new URL(`../../dist/src/${path}`, import.meta.url).href;

const ruleModule = dedent`
  import { onTestFile } from ${JSON.stringify(dist("rule-kit/define-rule.js"))};

  export const rule = {
    meta: {
      type: "suggestion",
      languages: ["testaudit/python", "js/js"],
      docs: { description: "Disallow skipped tests", url: "https://example.test/no-skipped-tests" },
      messages: { skipped: "Test '{{name}}' is skipped." },
      schema: [{ type: "object", additionalProperties: false }],
      defaultOptions: [{}],
    },
    create(context) {
      return onTestFile(context, (model) => {
        for (const test of model.tests.filter((test) => test.skipped)) {
          context.report({ loc: test.nameLoc, messageId: "skipped", data: { name: test.name } });
        }
      });
    },
  };

  export const policy = {
    key: "notSkipped",
    ruleName: "no-skipped-tests",
    rule,
    label: "Not skipped",
    judgesTests: true,
    judgesFilesWithoutTests: false,
    judge(model) {
      const tests = model.tests.map((test) => ({ compliant: !test.skipped, sites: test.skipped ? [test.nameLoc.start.line] : [] }));
      return { compliant: tests.every((test) => test.compliant), sites: tests.flatMap((test) => test.sites), tests };
    },
  };
`;

describe("a fifth policy, registered only in this test", () => {
  const folder = writeTree({
    "no-skipped-tests.mjs": ruleModule,
    "eslint.config.js": dedent`
      import testaudit from ${JSON.stringify(dist("index.js"))};
      import { rule } from "./no-skipped-tests.mjs";

      const plugin = { ...testaudit, rules: { ...testaudit.rules, "no-skipped-tests": rule } };
      export default [
        {
          files: ["tests/**/*.py"],
          plugins: { testaudit: plugin },
          language: "testaudit/python",
          rules: { "testaudit/no-mocks": "error", "testaudit/no-skipped-tests": "error" },
        },
      ];
    `,
    "tests/integration/test_orders.py": dedent`
      import pytest


      def test_lists_orders():
          pass


      @pytest.mark.skip
      def test_refunds_orders():
          pass
    `,
    "tests/integration/test_legacy.py": dedent`
      import pytest


      @pytest.mark.skip
      def test_old_flow():  # eslint-disable-line testaudit/no-skipped-tests -- retired with v1
          pass
    `,
  }, "testaudit-fifth-policy-");
  afterAll(() => { rmSync(folder, { recursive: true, force: true }); });

  let report: AuditResult;
  let files: FileReport[];
  let render: (format: string) => string;
  let gate: string[];
  beforeAll(async () => {
    const { runAudit } = (await import(dist("audit/run-audit.js"))) as typeof import("../../src/audit/run-audit.js");
    const { renderAudit } = (await import(dist("cli/render.js"))) as typeof import("../../src/cli/render.js");
    const { gateFailures } = (await import(dist("audit/gate.js"))) as typeof import("../../src/audit/gate.js");
    const { POLICIES } = (await import(dist("policies/registry.js"))) as typeof import("../../src/policies/registry.js");
    const { policy } = (await import(pathToFileURL(join(folder, "no-skipped-tests.mjs")).href)) as { policy: AnyPolicy };
    report = await runAudit({ cwd: folder, patterns: ["tests"], groups: [{ name: "integration", glob: "tests/integration/**" }], policies: [...POLICIES, policy] });
    render = (format) => [...renderAudit(report, format as never, false)].join("");
    gate = gateFailures(report, {});
    files = [...report.files];
  });

  it("is judged per test and per file, and named in the report after the registry's own", () => {
    expect(report.policies.map((policy) => policy.key)).toEqual(["noMocks", "baseClass", "bvj", "maxTests", "awaitedAsync", "assertions", "skipReason", "maxLines", "noTestDoubles", "notSkipped"]);
    expect(report.policies.at(-1)).toEqual({
      key: "notSkipped", ruleId: "testaudit/no-skipped-tests", label: "Not skipped", description: "Disallow skipped tests",
      url: "https://example.test/no-skipped-tests", judgesTests: true, judgesFilesWithoutTests: false,
    });
    const orders = files.find((file) => file.path === "tests/integration/test_orders.py")!;
    expect(orders.tests.map((test) => [test.name, test.compliant.notSkipped, test.exempted.notSkipped])).toEqual([
      ["test_lists_orders", true, false],
      ["test_refunds_orders", false, false],
    ]);
    // Its rule is off in the config's other policies: their verdicts are null, its own are not.
    expect(orders.compliant).toEqual({ noMocks: true, baseClass: null, bvj: null, maxTests: null, awaitedAsync: null, assertions: null, skipReason: null, maxLines: null, noTestDoubles: null, notSkipped: false });
    expect(report.totals.policies.notSkipped).toEqual({
      files: { compliant: 0, total: 2, percent: 0 },
      tests: { compliant: 1, total: 3, percent: 33.3 },
      exempted: { files: 1, tests: 1 },
    });
  });

  it("counts a disabled finding of its rule as an exemption, and fails the gate on the rest", () => {
    const legacy = files.find((file) => file.path === "tests/integration/test_legacy.py")!;
    expect(legacy.exemptions.map((exemption) => [exemption.policy, exemption.line, exemption.justification])).toEqual([["notSkipped", 5, "retired with v1"]]);
    expect(legacy.exempted.notSkipped).toBe(true);
    expect(gate).toEqual(["not compliant and not exempted: notSkipped (1 test, 1 file)", "1 error-level rule violation"]);
  });

  it("has its row in the table, Markdown (summary and groups) and HTML, its rule in SARIF, and its findings in GitHub annotations", () => {
    expect(render("table")).toMatch(/^Not skipped +0\/2 \(0%\) +1\/3 \(33\.3%\) +1 test, 1 file exempted$/mu);
    const markdown = render("markdown");
    expect(markdown).toContain("| Not skipped | 0/2 (0%) | 1/3 (33.3%) | 1 test, 1 file exempted |");
    expect(markdown).toContain("| Group | Files | Tests | No mocks (tests) | Shared base class (tests) | BVJ block (tests) | Async tests awaited (tests) | Tests assert (tests) | Skips give a reason (tests) | No test doubles (tests) | Not skipped (tests) |");
    expect(markdown).toContain("| `integration` | 2 | 3 | 3/3 (100%) | not checked | not checked | not checked | not checked | not checked | not checked | 1/3 (33.3%) |");
    expect(markdown).toContain("| `tests/integration/test_orders.py` | 10 | 2 | 0 | 1 | notSkipped |");
    expect(markdown).toContain("| `tests/integration/test_legacy.py` | 6 | 1 | 0 | 0 | exempted: notSkipped |");
    // A bar of the compliance chart and of the group's, after the registry's policies that judge tests.
    const labels = ["No mocks", "Shared base class", "BVJ block", "Async tests awaited", "Tests assert", "Skips give a reason", "Not skipped"];
    expect(render("html").match(new RegExp(`class="label">(?:${labels.join("|")})</text>`, "gu"))).toEqual(
      Array.from({ length: 2 }, () => labels.map((label) => `class="label">${label}</text>`)).flat(),
    );
    const sarif = JSON.parse(render("sarif")) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    const [run] = sarif.runs;
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toContain("testaudit/no-skipped-tests");
    expect(run!.results.filter((result) => result.ruleId === "testaudit/no-skipped-tests").map((result) => result.locations[0]!.physicalLocation.region.startLine)).toEqual([5, 9]);
    expect(render("github")).toContain("::error file=tests/integration/test_orders.py,line=9,col=5,title=testaudit/no-skipped-tests::Test 'test_refunds_orders' is skipped.");
    expect(JSON.parse(render("json"))).toEqual({ ...report, files });
  });
});
