/**
 * Disallow hand-written test doubles (fake, stub and mock classes) and mock factories in integration tests.
 */
import { resolve } from "node:path";
import { describeReach } from "../../src/policies/mocks.js";
import { DEFAULT_TEST_DOUBLE_PATTERNS, findTestDoubles, reachingTestDoubles, type TestDoubleFindingKind } from "../../src/policies/test-doubles.js";
import { displayPath, docsUrl, onTestFile, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ patterns: string[]; factories: string[] }];
type MessageIds = TestDoubleFindingKind | "doubleReach";

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "problem",
    languages: RULE_LANGUAGES,
    docs: {
      description: "Disallow hand-written test doubles and mock factories in integration tests",
      recommended: false,
      url: docsUrl("no-test-doubles"),
    },
    messages: {
      doubleClass: "Class '{{name}}' is a test double ({{reason}}); integration tests must use real services.",
      doubleImport: "Import of '{{name}}' brings in the test double '{{cls}}' ({{reason}}); integration tests must use real services.",
      doubleUse: "'{{name}}' makes an instance of the test double '{{cls}}' ({{reason}}); integration tests must use real services.",
      factoryCall: "'{{name}}' calls the mock factory '{{factory}}'; integration tests must use real services.",
      doubleReach: "Test '{{test}}' runs with a test double made by '{{double}}' {{route}} ({{location}}).",
    },
    schema: [
      {
        type: "object",
        properties: {
          patterns: {
            type: "array",
            items: { type: "string", minLength: 1, format: "regex" },
            uniqueItems: true,
            description: "Regular expressions; a class whose name matches one is a test double. The list replaces the default one.",
          },
          factories: {
            type: "array",
            items: { type: "string", pattern: "^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$" },
            uniqueItems: true,
            description: "The project's mock factories, plain or dotted names: every call of one or of its methods is reported.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ patterns: [...DEFAULT_TEST_DOUBLE_PATTERNS], factories: [] }],
  },

  create(context) {
    const [{ patterns, factories }] = context.options;

    return onTestFile(context, (model) => {
      // One report per line: the first finding on it.
      let lastLine = 0;
      for (const finding of findTestDoubles(model, { patterns, factories })) {
        if (finding.loc.start.line !== lastLine) {
          lastLine = finding.loc.start.line;
          context.report({ loc: finding.loc, messageId: finding.kind, data: finding.data });
        }
      }
      // A use in this file is reported above, where it is written; one in another file only here.
      const path = resolve(context.cwd, context.filename);
      for (const [test, reach] of model.traceMocks(reachingTestDoubles({ patterns, factories }))) {
        if (reach && reach.mock.path !== path) {
          const { route, location } = describeReach(
            { via: reach.via, through: reach.through, mock: { path: displayPath(context, reach.mock.path), line: reach.mock.loc.start.line } },
            test.cls?.name ?? null,
          );
          context.report({ loc: test.nameLoc, messageId: "doubleReach", data: { test: test.name, double: reach.mock.name, route, location } });
        }
      }
    });
  },
};

export default rule;
