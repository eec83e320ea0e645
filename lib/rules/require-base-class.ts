/**
 * Require every class that holds collected tests to inherit from one of the project's base test classes.
 */
import { isWithinModule } from "../../src/model/mock-catalog.js";
import type { ImportedModule, TestFileModel } from "../../src/model/test-file-model.js";
import { docsUrl, onTestFile, quotedList, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ bases: string[]; allowFunctions: boolean; imports: string[] }];
type MessageIds = "missingBase" | "unresolvedBase" | "testFunction" | "missingImport";

/** A JS specifier without its extension or index file: `../ssot/index.js` → `../ssot`. */
function specifierPath(specifier: string): string {
  return specifier.replace(/\.(?:[cm]?[jt]sx?)$/u, "").replace(/\/(?:index)?$/u, "");
}

/**
 * Whether an import names `required`: a Python module or something in it (`pkg.ssot.Base` for
 * `pkg.ssot`), or a JS specifier whose path holds it as whole segments (`../../test-framework/ssot.js`
 * and `test-framework/ssot/db` for `test-framework/ssot`, but not `test-framework/ssot.helpers`).
 */
function importsModule(imported: ImportedModule, required: string, language: TestFileModel["language"]): boolean {
  if (language === "python") {
    return isWithinModule(imported.module, required);
  }
  return `/${specifierPath(imported.module)}/`.includes(`/${specifierPath(required)}/`);
}

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
      missingImport: "Test file imports none of {{imports}}.",
    },
    schema: [
      {
        type: "object",
        properties: {
          // A class name, dotted (`pkg.mod.Base`), or after a JS package (`@acme/testkit.ApiTestCase`).
          bases: { type: "array", items: { type: "string", pattern: "^(?:[@\\w$.-]+(?:/[\\w$.-]+)*\\.)?[A-Za-z_$][\\w$]*$" }, uniqueItems: true },
          allowFunctions: { type: "boolean" },
          imports: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ bases: [], allowFunctions: false, imports: [] }],
  },

  create(context) {
    const [{ bases: configuredBases, allowFunctions, imports }] = context.options;
    return onTestFile(context, (model) => {
      // Without `bases`, each language's own convention: unittest.TestCase for Python classes; JS/TS
      // suites are functions by nature and share their base through `imports`, so no class is required.
      const bases = configuredBases.length > 0 ? configuredBases : model.language === "python" ? ["unittest.TestCase"] : [];
      const expected = quotedList(bases);
      for (const cls of bases.length > 0 ? model.classes : []) {
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
      const firstTest = model.tests[0];
      if (imports.length > 0 && firstTest && !model.importedModules.some((imported) => imports.some((required) => importsModule(imported, required, model.language)))) {
        // Reported at the first test, so the finding sits on a line that belongs to the suite.
        context.report({ loc: firstTest.nameLoc, messageId: "missingImport", data: { imports: quotedList(imports) } });
      }
      // JS/TS suites are functions by nature (`describe`/`it`); there `imports` is the shared-base check.
      if (!allowFunctions && model.language === "python") {
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
