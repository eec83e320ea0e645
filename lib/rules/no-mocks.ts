/**
 * Disallow mocking libraries, fake services and patching fixtures in integration tests.
 */
import { resolve } from "node:path";
import { describeReach, findMocks, reachingMocks, type MockFindingKind } from "../../src/policies/mocks.js";
import { displayPath, docsUrl, onTestFile, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ modules: string[]; allow: string[]; trace: boolean }];
type MessageIds = MockFindingKind | "mockReach";

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "problem",
    languages: RULE_LANGUAGES,
    docs: {
      description: "Disallow mocking libraries, fake services and patching fixtures in integration tests",
      recommended: true,
      url: docsUrl("no-mocks"),
    },
    messages: {
      mockImport: "Import of '{{name}}' brings in the mocking library '{{module}}'; integration tests must use real services.",
      mockUse: "'{{name}}' comes from the mocking library '{{module}}'; integration tests must use real services.",
      mockApi: "'{{name}}' is the test runner's mocking API '{{module}}'; integration tests must use real services.",
      mockFixture: "Fixture '{{name}}' from '{{module}}' hands out fakes; integration tests must use real services.",
      monkeypatchPatch: "'monkeypatch.{{method}}' swaps real code for a fake; integration tests must use real services.",
      mockReach: "Test '{{test}}' runs under '{{mock}}' {{route}} ({{location}}).",
    },
    schema: [
      {
        type: "object",
        properties: {
          modules: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "More modules to ban, each with everything below it." },
          allow: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "Modules, fixtures and mocking APIs exempted from the ban." },
          trace: {
            type: "boolean",
            description: "Also report, at its name, each test that a mock from another file reaches (through a fixture, a conftest.py, a helper or a base class's setup).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ modules: [], allow: [], trace: true }],
  },

  create(context) {
    const [{ modules, allow, trace }] = context.options;

    return onTestFile(context, (model) => {
      // One report per line: the first finding on it.
      let lastLine = 0;
      for (const finding of findMocks(model, { modules, allow })) {
        if (finding.loc.start.line !== lastLine) {
          lastLine = finding.loc.start.line;
          context.report({ loc: finding.loc, messageId: finding.kind, data: finding.data });
        }
      }
      if (!trace) {
        return;
      }
      // A mock in this file is reported above, where it is written; one in another file only here.
      const path = resolve(context.cwd, context.filename);
      for (const [test, reach] of model.traceMocks(reachingMocks({ modules, allow }))) {
        if (reach && reach.mock.path !== path) {
          const { route, location } = describeReach(
            { via: reach.via, through: reach.through, mock: { path: displayPath(context, reach.mock.path), line: reach.mock.loc.start.line } },
            test.cls?.name ?? null,
          );
          context.report({ loc: test.nameLoc, messageId: "mockReach", data: { test: test.name, mock: reach.mock.name, route, location } });
        }
      }
    });
  },
};

export default rule;
