/**
 * Disallow mocking libraries, fake services and patching fixtures in integration tests.
 */
import { findMocks } from "../../src/policies/mocks.js";
import { docsUrl, onTestFile, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ modules: string[]; allow: string[] }];
type MessageIds = "mockImport" | "mockUse" | "mockApi" | "mockFixture" | "monkeypatchPatch";


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
    },
    schema: [
      {
        type: "object",
        properties: {
          modules: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "More modules to ban, each with everything below it." },
          allow: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "Modules, fixtures and mocking APIs exempted from the ban." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ modules: [], allow: [] }],
  },

  create(context) {
    const [{ modules, allow }] = context.options;

    return onTestFile(context, (model) => {
      // One report per line: the first finding on it.
      let lastLine = 0;
      for (const finding of findMocks(model, { modules, allow })) {
        if (finding.loc.start.line !== lastLine) {
          lastLine = finding.loc.start.line;
          context.report({ loc: finding.loc, messageId: finding.kind, data: finding.data });
        }
      }
    });
  },
};

export default rule;
