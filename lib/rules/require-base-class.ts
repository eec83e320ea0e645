/**
 * Require every class that holds collected tests to inherit from one of the project's base test classes.
 */
import type { PythonSourceCode } from "../../parsers/python/python-source-code.js";
import { addImport, baseToWrite } from "../../src/fixes/python-base.js";
import { applyEdits, type TextEdit } from "../../src/fixes/text-edits.js";
import { checkBases, requiredBases } from "../../src/policies/base-class.js";
import type { ClassFacts, TestFileModel, UndeterminedReason } from "../../src/model/test-file-model.js";
import { docsUrl, onTestFile, quoted, quotedList, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ bases: string[]; allowFunctions: boolean; imports: string[] }];
type MessageIds = "missingBase" | "unresolvedBase" | "undeterminedBase" | "testFunction" | "missingImport" | "replaceBase" | "replaceBaseAndImport";

/** The qualified names `unittest.TestCase` is known by where a base uses it. */
const TESTCASE_NAMES = new Set(["unittest.TestCase", "unittest.case.TestCase"]);

/**
 * The suggestion for a Python test class written on `unittest.TestCase` (however imported): that base
 * replaced with the first required base, imported if the file does not bind it; none when the file
 * cannot be told where that base lives (see python-base.ts).
 */
function replacementOf(sourceCode: PythonSourceCode, model: TestFileModel, cls: ClassFacts, required: string) {
  if (cls.origin !== null) {
    return [];
  }
  const sameSpan = (a: ClassFacts["nameLoc"], b: ClassFacts["nameLoc"]): boolean =>
    a.start.line === b.start.line && a.start.column === b.start.column && a.end.line === b.end.line && a.end.column === b.end.column;
  const testCase = cls.bases.find((base) =>
    base.computed === null && model.moduleReferences.some((reference) => reference.kind === "use" && TESTCASE_NAMES.has(reference.qualifiedName) && sameSpan(reference.loc, base.loc)),
  );
  const toWrite = testCase ? baseToWrite(sourceCode.ast, required) : null;
  if (!testCase || !toWrite) {
    return [];
  }
  const edits: TextEdit[] = [{ range: [sourceCode.getIndexFromLoc(testCase.loc.start), sourceCode.getIndexFromLoc(testCase.loc.end)], text: toWrite.written }];
  const data = { base: toWrite.written, testCase: testCase.written };
  if (toWrite.importFrom === null) {
    return [{ messageId: "replaceBase" as const, data, fix: applyEdits(edits) }];
  }
  const { module, name } = toWrite.importFrom;
  edits.unshift(addImport(sourceCode.text, sourceCode.ast, module, name, sourceCode.getIndexFromLoc(cls.loc.start)));
  return [{ messageId: "replaceBaseAndImport" as const, data: { ...data, module }, fix: applyEdits(edits) }];
}

/** How a message says why a base cannot be followed without running the code. */
const UNDETERMINED_REASONS: Record<UndeterminedReason, string> = {
  call: "is computed by a call when the module runs",
  unpacked: "is unpacked from a sequence when the module runs",
  expression: "is an expression evaluated when the module runs",
  value: "is bound to something that is not a class",
  function: "is rebound inside a function ('global')",
  branches: "is bound to different classes on different branches, and not all of them reach it",
};

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "problem",
    languages: RULE_LANGUAGES,
    hasSuggestions: true,
    docs: {
      description: "Require test classes to inherit from one of the configured base test classes",
      recommended: true,
      url: docsUrl("require-base-class"),
    },
    messages: {
      missingBase: "Test class '{{name}}' does not inherit from {{bases}}.",
      unresolvedBase: "Cannot tell whether test class '{{name}}' inherits from {{bases}}: {{unresolved}} not found in the project's files.",
      undeterminedBase: "Cannot tell whether test class '{{name}}' inherits from {{bases}}: base {{base}} {{reason}}.",
      testFunction: "Test function '{{name}}' is not in a class that inherits from {{bases}}.",
      missingImport: "Test file imports none of {{imports}}.",
      replaceBase: "Inherit from '{{base}}' instead of '{{testCase}}'.",
      replaceBaseAndImport: "Inherit from '{{base}}' instead of '{{testCase}}', imported from '{{module}}'.",
    },
    schema: [
      {
        type: "object",
        properties: {
          // A class name, dotted (`pkg.mod.Base`), or after a JS package (`@acme/testkit.ApiTestCase`).
          bases: {
            type: "array",
            items: { type: "string", pattern: "^(?:[@\\w$.-]+(?:/[\\w$.-]+)*\\.)?[A-Za-z_$][\\w$]*$" },
            uniqueItems: true,
            description: "The base classes a test class must reach, one of them at least.",
          },
          allowFunctions: { type: "boolean", description: "Python: accept collected test functions at module level." },
          imports: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "Modules a file with tests must import, one of them at least." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ bases: [], allowFunctions: false, imports: [] }],
  },

  create(context) {
    const [{ bases, allowFunctions, imports }] = context.options;
    return onTestFile(context, (model) => {
      const expected = quotedList(requiredBases(model, bases));
      const { sourceCode } = context;
      // Only Python has a base to replace: unittest.TestCase. Without `bases` it is the required base itself.
      const [required] = bases;
      const suggest = (cls: ClassFacts) => (model.language === "python" && required !== undefined ? replacementOf(sourceCode as unknown as PythonSourceCode, model, cls, required) : []);
      for (const finding of checkBases(model, { bases, allowFunctions, imports })) {
        switch (finding.kind) {
          case "missingBase":
            context.report({ loc: finding.cls.nameLoc, messageId: "missingBase", data: { name: finding.cls.name, bases: expected }, suggest: suggest(finding.cls) });
            break;
          case "unresolvedBase":
            context.report({
              loc: finding.cls.nameLoc,
              messageId: "unresolvedBase",
              data: { name: finding.cls.name, bases: expected, unresolved: `${finding.unresolved.length === 1 ? "base" : "bases"} ${quotedList(finding.unresolved, "and")}` },
              suggest: suggest(finding.cls),
            });
            break;
          case "undeterminedBase":
            context.report({
              loc: finding.cls.nameLoc,
              messageId: "undeterminedBase",
              data: { name: finding.cls.name, bases: expected, base: quoted(finding.undetermined.base), reason: UNDETERMINED_REASONS[finding.undetermined.reason] },
              suggest: suggest(finding.cls),
            });
            break;
          case "missingImport":
            context.report({ loc: finding.test.nameLoc, messageId: "missingImport", data: { imports: quotedList(imports) } });
            break;
          case "testFunction":
            context.report({ loc: finding.test.nameLoc, messageId: "testFunction", data: { name: finding.test.name, bases: expected } });
            break;
        }
      }
    });
  },
};

export default rule;
