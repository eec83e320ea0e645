/**
 * Require every collected test to be covered by a complete Business Value Justification block.
 */
import { assessBvjBlock, DEFAULT_BVJ_POLICY, isCompleteAssessment, type BvjAssessment } from "../../src/model/bvj.js";
import type { BvjBlock, CollectedTest, Docstring, TestFileModel } from "../../src/model/test-file-model.js";
import { docsUrl, onTestFile, quotedList, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Source = "function" | "class" | "module";
type Options = [{ from: Source[]; fields: string[]; segments: string[]; placeholders: string[] }];
type MessageIds = "incompleteBlock" | "missingBlock";

const SOURCE_WORDS: Record<Source, string> = { function: "own", class: "class", module: "module" };

/** The docstrings that may cover `test`, nearest first. */
function docstringsCovering(test: CollectedTest, model: TestFileModel, from: readonly Source[]): Docstring[] {
  const docstrings: (Docstring | null)[] = [];
  if (from.includes("function")) {
    docstrings.push(test.docstring);
  }
  if (from.includes("class")) {
    docstrings.push(...test.groupDocstrings);
  }
  if (from.includes("module")) {
    docstrings.push(model.moduleDocstring);
  }
  return docstrings.filter((docstring): docstring is Docstring => docstring !== null);
}

function describeProblems(assessment: BvjAssessment): string {
  const parts: string[] = [];
  if (assessment.missing.length > 0) {
    parts.push(`missing ${assessment.missing.join(", ")}`);
  }
  for (const { field, value } of assessment.placeholders) {
    parts.push(value === "" ? `${field} is empty` : `${field} is a placeholder ('${value}')`);
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
          from: { type: "array", items: { enum: ["function", "class", "module"] }, minItems: 1, uniqueItems: true },
          fields: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1, uniqueItems: true },
          segments: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
          placeholders: { type: "array", items: { type: "string" }, uniqueItems: true },
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
    const policy = { fields, segments, placeholders };
    const sources = from.map((source) => SOURCE_WORDS[source]);
    const sourceWords = sources.length === 1 ? sources[0]! : `${sources.slice(0, -1).join(", ")} or ${sources.at(-1)}`;

    return onTestFile(context, (model) => {
      const assessments = new Map<BvjBlock, BvjAssessment>();
      const assess = (block: BvjBlock): BvjAssessment => {
        let assessment = assessments.get(block);
        if (!assessment) {
          assessment = assessBvjBlock(block, policy);
          assessments.set(block, assessment);
        }
        return assessment;
      };
      const uncovered = new Map<object, CollectedTest>();
      for (const test of model.tests) {
        const blocks = docstringsCovering(test, model, from).flatMap((docstring) => docstring.bvjBlocks);
        // A test whose only blocks are incomplete is reported through those blocks, not a second time.
        if (blocks.length === 0) {
          uncovered.set(test.definitionKey, test);
        } else {
          blocks.forEach(assess);
        }
      }
      for (const [block, assessment] of assessments) {
        if (!isCompleteAssessment(assessment)) {
          context.report({ loc: block.headingLoc, messageId: "incompleteBlock", data: { problems: describeProblems(assessment) } });
        }
      }
      for (const test of uncovered.values()) {
        context.report({ loc: test.nameLoc, messageId: "missingBlock", data: { name: test.name, sources: sourceWords } });
      }
    });
  },
};

export default rule;
