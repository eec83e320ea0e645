/**
 * Require every collected test to be covered by a complete Business Value Justification block.
 */
import { DEFAULT_BVJ_POLICY, type BvjAssessment } from "../../src/policies/bvj-assessment.js";
import { auditBvj, type BvjSource } from "../../src/policies/bvj.js";
import { displayPath, docsUrl, onTestFile, quoted, quotedList, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ from: BvjSource[]; fields: string[]; segments: string[]; placeholders: string[] }];
type MessageIds = "incompleteBlock" | "missingBlock";

const SOURCE_WORDS: Record<BvjSource, string> = { function: "own", class: "class", module: "module" };

function describeProblems(assessment: BvjAssessment): string {
  const parts: string[] = [];
  if (assessment.missing.length > 0) {
    parts.push(`missing ${assessment.missing.join(", ")}`);
  }
  for (const { field, value } of assessment.placeholders) {
    parts.push(value === "" ? `${field} is empty` : `${field} is a placeholder (${quoted(value)})`);
  }
  for (const { field, unknown } of assessment.invalid) {
    parts.push(`${field} names unknown ${unknown.length === 1 ? "segment" : "segments"} ${quotedList(unknown, "and")}`);
  }
  return parts.join("; ");
}

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "suggestion",
    languages: RULE_LANGUAGES,
    docs: {
      description: "Require each test to carry a complete Business Value Justification block",
      recommended: true,
      url: docsUrl("require-bvj"),
    },
    messages: {
      incompleteBlock: "Business Value Justification block is incomplete: {{problems}}.",
      missingBlock: "Test '{{name}}' has no Business Value Justification block in its {{sources}} docstring.",
    },
    schema: [
      {
        type: "object",
        properties: {
          from: { type: "array", items: { enum: ["function", "class", "module"] }, minItems: 1, uniqueItems: true, description: "The docstrings and comments whose blocks cover a test." },
          fields: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1, uniqueItems: true, description: "The fields a block must fill in." },
          segments: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "The segments the Segment field may name; [] accepts any." },
          placeholders: { type: "array", items: { type: "string" }, uniqueItems: true, description: "Values that mean a field is not filled in." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      {
        from: ["function", "class", "module"],
        fields: [...DEFAULT_BVJ_POLICY.fields],
        segments: [...DEFAULT_BVJ_POLICY.segments],
        placeholders: [...DEFAULT_BVJ_POLICY.placeholders],
      },
    ],
  },

  create(context) {
    const [{ from, fields, segments, placeholders }] = context.options;
    const sources = from.map((source) => SOURCE_WORDS[source]);
    const sourceWords = sources.length === 1 ? sources[0]! : `${sources.slice(0, -1).join(", ")} or ${sources.at(-1)!}`;

    return onTestFile(context, (model) => {
      // A test whose only blocks are incomplete is reported through those blocks, not a second time.
      const { incompleteBlocks, uncovered } = auditBvj(model, { from, fields, segments, placeholders });
      for (const { block, assessment, path, test } of incompleteBlocks) {
        if (path === null) {
          context.report({ loc: block.headingLoc, messageId: "incompleteBlock", data: { problems: describeProblems(assessment) } });
        } else {
          // A block of another file (a test inherited or imported from there) is reported where this file brings the test in.
          const where = `${displayPath(context, path)}:${block.headingLoc.start.line}`;
          context.report({ loc: test.nameLoc, messageId: "incompleteBlock", data: { problems: `${describeProblems(assessment)} (the block is in ${where})` } });
        }
      }
      for (const test of uncovered) {
        context.report({ loc: test.nameLoc, messageId: "missingBlock", data: { name: test.name, sources: sourceWords } });
      }
    });
  },
};

export default rule;
