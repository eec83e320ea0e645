/**
 * Enforce a maximum number of lines per file, in Python as in JS/TS, counted as ESLint core's
 * `max-lines` counts them.
 */
import { DEFAULT_MAX_LINES_OPTIONS, findMaxLinesViolation, type MaxLinesOptions } from "../../src/policies/max-lines.js";
import { docsUrl, onTestFile, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [MaxLinesOptions];
type MessageIds = "exceed";

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "suggestion",
    languages: RULE_LANGUAGES,
    docs: {
      description: "Enforce a maximum number of lines per file",
      recommended: false,
      url: docsUrl("max-lines"),
    },
    messages: {
      exceed: "File has too many lines ({{actual}}). Maximum allowed is {{max}}.",
    },
    schema: [
      {
        type: "object",
        properties: {
          max: { type: "integer", minimum: 0, description: "The largest number of lines a file may have." },
          skipBlankLines: { type: "boolean", description: "Leave lines of white space only out of the count." },
          skipComments: { type: "boolean", description: "Leave lines of comments only out of the count (Python: docstrings too)." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ...DEFAULT_MAX_LINES_OPTIONS }],
  },

  create(context) {
    const [options] = context.options;
    return onTestFile(context, (model) => {
      const finding = findMaxLinesViolation(model, options);
      if (finding) {
        // As core reports it: from the first line past the limit to the end of the file. Both languages'
        // SourceCode (ESLint's for JS/TS, plugin-kit's TextSourceCodeBase for Python) have `lines`.
        const { lines } = context.sourceCode as unknown as { lines: readonly string[] };
        context.report({
          loc: { start: { line: finding.line, column: 0 }, end: { line: lines.length, column: lines.at(-1)!.length } },
          messageId: "exceed",
          data: { actual: String(finding.actual), max: String(options.max) },
        });
      }
    });
  },
};

export default rule;
