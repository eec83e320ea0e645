/**
 * Require every class that holds collected tests to inherit from one of the project's base test classes.
 */
import { docsUrl, onTestFile, quotedList, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ bases: string[]; allowFunctions: boolean }];
type MessageIds = "missingBase" | "unresolvedBase" | "testFunction";

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "problem",
    languages: RULE_LANGUAGES,
    docs: {
      description: "Require test classes to inherit from one of the configured base test classes",
      recommended: true,
      url: docsUrl("require-base-class"),
    },
    messages: {
      missingBase: "Test class '{{name}}' does not inherit from {{bases}}.",
      unresolvedBase: "Test class '{{name}}' does not inherit from {{bases}}: base {{unresolved}} could not be resolved.",
      testFunction: "Test function '{{name}}' is not in a class that inherits from {{bases}}.",
    },
    schema: [
      {
        type: "object",
        properties: {
          bases: { type: "array", items: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$" }, minItems: 1, uniqueItems: true },
          allowFunctions: { type: "boolean" },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ bases: ["unittest.TestCase"], allowFunctions: false }],
  },

  create(context) {
    const [{ bases, allowFunctions }] = context.options;
    const expected = quotedList(bases);
    return onTestFile(context, (model) => {
      for (const cls of model.classes) {
        if (cls.tests.length === 0) {
          continue;
        }
        const resolution = model.resolveBases(cls, bases);
        if (resolution.reached) {
          continue;
        }
        if (resolution.unresolved.length > 0) {
          context.report({
            loc: cls.nameLoc,
            messageId: "unresolvedBase",
            data: { name: cls.name, bases: expected, unresolved: quotedList(resolution.unresolved, "and") },
          });
        } else {
          context.report({ loc: cls.nameLoc, messageId: "missingBase", data: { name: cls.name, bases: expected } });
        }
      }
      if (!allowFunctions) {
        for (const test of model.tests) {
          if (test.cls === null) {
            context.report({ loc: test.nameLoc, messageId: "testFunction", data: { name: test.name, bases: expected } });
          }
        }
      }
    });
  },
};

export default rule;
