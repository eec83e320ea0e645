/**
 * Enforce a maximum number of collected tests per file.
 */
import { firstTestBeyond } from "../../src/policies/max-tests.js";
import { docsUrl, onTestFile, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ max: number }];
type MessageIds = "tooManyTests";

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "suggestion",
    languages: RULE_LANGUAGES,
    docs: {
      description: "Enforce a maximum number of collected tests per file",
      recommended: true,
      url: docsUrl("max-tests-per-file"),
    },
    messages: {
      tooManyTests: "File has {{count}} tests, more than the maximum of {{max}}.",
    },
    schema: [
      {
        type: "object",
        properties: { max: { type: "integer", minimum: 0, description: "The largest number of tests a file may hold." } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 50 }],
  },

  create(context) {
    const [{ max }] = context.options;
    return onTestFile(context, (model) => {
      const firstBeyond = firstTestBeyond(model, { max });
      if (firstBeyond) {
        context.report({ loc: firstBeyond.nameLoc, messageId: "tooManyTests", data: { count: String(model.tests.length), max: String(max) } });
      }
    });
  },
};

export default rule;
