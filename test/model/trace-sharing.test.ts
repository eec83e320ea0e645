/**
 * One mock trace per file and run: no-mocks traces a file while ESLint lints it, and the CLI's audit,
 * which asks the same model afterwards with the lister of the same options, gets that trace rather
 * than a second one. Real ESLint Linter, real files.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import dedent from "dedent";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { setModelSink } from "../../src/model/get-model.js";
import type { TestFileModel } from "../../src/model/test-file-model.js";
import { reachingMocks } from "../../src/policies/mocks.js";
import { defaultOptionsOf } from "../../src/policies/policy.js";
import { POLICIES } from "../../src/policies/registry.js";
import { plugin } from "../rule-tester.js";
import { writeTree } from "../temp-tree.js";

const TEST_FILE = "tests/integration/test_invoices.py";
const CONFTEST = "tests/integration/conftest.py";

describe("the audit reads the trace no-mocks made", () => {
  const folder = writeTree({
    "pytest.ini": "[pytest]\n",
    [CONFTEST]: dedent`
      import pytest


      @pytest.fixture
      def tax_service(mocker):
          return mocker.Mock()
    `,
    [TEST_FILE]: "def test_total(tax_service):\n    assert tax_service\n",
  }, "testaudit-trace-sharing-");
  afterAll(() => { rmSync(folder, { recursive: true, force: true }); });

  it("gives the audit's lister the rule's traces, computed while linting", () => {
    const models: TestFileModel[] = [];
    setModelSink((model) => models.push(model));
    let messages: Linter.LintMessage[];
    try {
      const linter = new Linter({ configType: "flat", cwd: folder });
      const config: Linter.Config[] = [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { "testaudit/no-mocks": "error" } }];
      messages = linter.verify("def test_total(tax_service):\n    assert tax_service\n", config, join(folder, TEST_FILE));
    } finally {
      setModelSink(undefined);
    }
    expect(messages.map((message) => message.messageId)).toEqual(["mockReach"]);
    const [model] = models;
    // Gone now: a trace computed after linting would find no mock behind tax_service.
    rmSync(join(folder, CONFTEST));
    // The audit judges with the rule's own defaults (the registry reads them from meta.defaultOptions).
    const noMocks = POLICIES.find((policy) => policy.key === "noMocks")!;
    const traces = model!.traceMocks(reachingMocks(defaultOptionsOf(noMocks) as { modules: string[]; allow: string[] }));
    expect([...traces.values()].map((trace) => trace && `${trace.via} ${trace.mock.name}`)).toEqual(["fixture mocker"]);
    expect(model!.traceMocks(reachingMocks({ modules: [], allow: [] }))).toBe(traces);
    // Other options ban other mocks: their trace is another one.
    expect(model!.traceMocks(reachingMocks({ modules: [], allow: ["pytest_mock"] }))).not.toBe(traces);
  });
});
