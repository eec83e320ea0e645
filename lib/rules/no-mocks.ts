/**
 * Disallow mocking libraries, fake services and patching fixtures in integration tests.
 */
import {
  isWithinModule, JS_MOCK_APIS, JS_MOCK_MODULES, MOCK_FIXTURES, MONKEYPATCH_MODULE, MONKEYPATCH_PATCHING_METHODS,
  PYTHON_MOCK_MODULES,
} from "../../src/model/mock-catalog.js";
import type { Loc } from "../../src/model/test-file-model.js";
import { docsUrl, onTestFile, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ modules: string[]; allow: string[] }];
type MessageIds = "mockImport" | "mockUse" | "mockApi" | "mockFixture" | "monkeypatchPatch";

interface Finding {
  loc: Loc;
  messageId: MessageIds;
  data: Record<string, string>;
}

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
          modules: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
          allow: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ modules: [], allow: [] }],
  },

  create(context) {
    const [{ modules, allow }] = context.options;

    return onTestFile(context, (model) => {
      const apis = model.language === "js" ? JS_MOCK_APIS : [];
      const banned = [...(model.language === "js" ? JS_MOCK_MODULES : PYTHON_MOCK_MODULES), ...apis, ...modules];
      /** The banned module or API `name` lies in, unless `allow` exempts it. */
      const bannedModule = (name: string): string | undefined =>
        allow.some((allowed) => isWithinModule(name, allowed)) ? undefined : banned.find((module) => isWithinModule(name, module));

      const findings: Finding[] = [];
      for (const reference of model.moduleReferences) {
        const module = bannedModule(reference.qualifiedName);
        if (module === undefined) {
          continue;
        }
        const name = reference.kind === "import" ? reference.qualifiedName : reference.written;
        const messageId = apis.includes(module) ? "mockApi" : reference.kind === "import" ? "mockImport" : "mockUse";
        findings.push({ loc: reference.loc, messageId, data: { name, module } });
      }
      for (const fixture of model.fixtureReferences) {
        const provider = MOCK_FIXTURES.get(fixture.name);
        const module = provider === undefined ? undefined : bannedModule(provider);
        if (module !== undefined) {
          findings.push({ loc: fixture.loc, messageId: "mockFixture", data: { name: fixture.name, module } });
        }
      }
      if (!allow.some((allowed) => isWithinModule(MONKEYPATCH_MODULE, allowed))) {
        for (const call of model.monkeypatchCalls) {
          if (MONKEYPATCH_PATCHING_METHODS.has(call.method)) {
            findings.push({ loc: call.loc, messageId: "monkeypatchPatch", data: { method: call.method } });
          }
        }
      }
      // One report per line: the first finding on it.
      findings.sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
      let lastLine = 0;
      for (const finding of findings) {
        if (finding.loc.start.line !== lastLine) {
          lastLine = finding.loc.start.line;
          context.report(finding);
        }
      }
    });
  },
};

export default rule;
