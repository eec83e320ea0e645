/**
 * Require every test to assert something, in its body or in the helpers it calls.
 */
import { findTestsWithoutAssertions } from "../../src/policies/assertions.js";
import { docsUrl, onTestFile, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ assertFunctions: string[]; ignoreSkipped: boolean }];
type MessageIds = "noAssertion";

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "suggestion",
    languages: RULE_LANGUAGES,
    docs: {
      description: "Require every test to reach an assertion, in its body or in the helpers it calls",
      recommended: false,
      url: docsUrl("require-assertions"),
    },
    messages: {
      noAssertion: "Test '{{name}}' asserts nothing: no assertion in it or in the helpers it calls.",
    },
    schema: [
      {
        type: "object",
        properties: {
          assertFunctions: {
            type: "array",
            items: { type: "string", pattern: "^[^\\s]+$" },
            uniqueItems: true,
            description: "More functions that assert, as patterns on the called name: '*' within a name, '**' across dots ('verify_*', 'self.check_*', 'request.**.expect').",
          },
          ignoreSkipped: { type: "boolean", description: "Leave out tests that are skipped unconditionally, which never run." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ assertFunctions: [], ignoreSkipped: true }],
  },

  create(context) {
    const [{ assertFunctions, ignoreSkipped }] = context.options;
    return onTestFile(context, (model) => {
      for (const test of findTestsWithoutAssertions(model, { assertFunctions, ignoreSkipped })) {
        context.report({ loc: test.nameLoc, messageId: "noAssertion", data: { name: test.name } });
      }
    });
  },
};

export default rule;
