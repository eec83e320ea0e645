/**
 * Require every collected test to be covered by a complete Business Value Justification block.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { PythonSourceCode } from "../../parsers/python/python-source-code.js";
import { addMissingFields } from "../../src/fixes/bvj-fields.js";
import { jsBvjInsertion, pythonBvjInsertion, type BvjTarget } from "../../src/fixes/bvj-insertion.js";
import { applyEdits, type EditableSource } from "../../src/fixes/text-edits.js";
import { DEFAULT_BVJ_POLICY, type BvjAssessment } from "../../src/policies/bvj-assessment.js";
import { auditBvj, type BvjSource } from "../../src/policies/bvj.js";
import { displayPath, docsUrl, onTestFile, quoted, quotedList, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ from: BvjSource[]; fields: string[]; segments: string[]; placeholders: string[] }];
type MessageIds = "incompleteBlock" | "missingBlock" | "insertBlock" | "addFields";

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

/** How a suggestion names the docstring it writes into. */
function targetWords(target: BvjTarget, language: "python" | "js"): string {
  const kind = language === "python" ? "docstring" : "JSDoc comment";
  switch (target.source) {
    case "function":
      return `the test's ${kind}`;
    case "class":
      return `the ${kind} of class '${target.name}'`;
    case "module":
      return language === "python" ? "the module docstring" : "the file's JSDoc comment";
  }
}

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "suggestion",
    languages: RULE_LANGUAGES,
    hasSuggestions: true,
    docs: {
      description: "Require each test to carry a complete Business Value Justification block",
      recommended: true,
      url: docsUrl("require-bvj"),
    },
    messages: {
      incompleteBlock: "Business Value Justification block is incomplete: {{problems}}.",
      missingBlock: "Test '{{name}}' has no Business Value Justification block in its {{sources}} docstring.",
      insertBlock: "Insert a Business Value Justification block with its fields set to 'TODO' into {{target}}.",
      addFields: "Add {{fields}} to the block, set to 'TODO'.",
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
      const { sourceCode } = context;
      const { text } = sourceCode as unknown as EditableSource;
      const indexOf = (position: { line: number; column: number }): number => (sourceCode as unknown as EditableSource).getIndexFromLoc(position);
      // A test whose only blocks are incomplete is reported through those blocks, not a second time.
      const { incompleteBlocks, uncovered } = auditBvj(model, { from, fields, segments, placeholders });
      for (const { block, assessment, path, test } of incompleteBlocks) {
        if (path === null) {
          // The missing fields can be added; placeholders and unknown segments need the author.
          const addFields = assessment.missing.length === 0 ? [] : [
            { messageId: "addFields" as const, data: { fields: quotedList(assessment.missing, "and") }, fix: applyEdits(addMissingFields(text, block, assessment.missing, indexOf)) },
          ];
          context.report({ loc: block.headingLoc, messageId: "incompleteBlock", data: { problems: describeProblems(assessment) }, suggest: addFields });
        } else {
          // A block of another file (a test inherited or imported from there) is reported where this file brings the test in.
          const where = `${displayPath(context, path)}:${block.headingLoc.start.line}`;
          context.report({ loc: test.nameLoc, messageId: "incompleteBlock", data: { problems: `${describeProblems(assessment)} (the block is in ${where})` } });
        }
      }
      for (const test of uncovered) {
        const insertion =
          model.language === "python"
            ? pythonBvjInsertion(sourceCode as unknown as PythonSourceCode, test, from, fields)
            : jsBvjInsertion(sourceCode as unknown as TSESLint.SourceCode, model, test, from, fields);
        const insertBlock = insertion ? [{ messageId: "insertBlock" as const, data: { target: targetWords(insertion.target, model.language) }, fix: applyEdits(insertion.edits) }] : [];
        context.report({ loc: test.nameLoc, messageId: "missingBlock", data: { name: test.name, sources: sourceWords }, suggest: insertBlock });
      }
    });
  },
};

export default rule;
