/**
 * The shared-base policy over a test-file model: test classes must reach one of the required bases,
 * Python test functions must sit in such a class, and a test file may be required to import a shared
 * helper module. Shared by the `require-base-class` rule and the CLI's audit.
 */
import { isWithinModule } from "../model/mock-catalog.js";
import type { ClassFacts, CollectedTest, ImportedModule, TestFileModel, UndeterminedBase } from "../model/test-file-model.js";
import type { PolicyVerdict } from "./policy.js";

export interface BasePolicyOptions {
  bases: readonly string[];
  allowFunctions: boolean;
  imports: readonly string[];
}

export type BaseFinding =
  | { kind: "missingBase"; cls: ClassFacts }
  | { kind: "unresolvedBase"; cls: ClassFacts; unresolved: string[] }
  | { kind: "undeterminedBase"; cls: ClassFacts; undetermined: UndeterminedBase }
  | { kind: "testFunction"; test: CollectedTest }
  | { kind: "missingImport"; test: CollectedTest };

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

/**
 * The bases in force for a file. Without `bases`, each language's own convention: unittest.TestCase for
 * Python classes; JS/TS suites are functions by nature and share their base through `imports`.
 */
export function requiredBases(model: TestFileModel, bases: readonly string[]): readonly string[] {
  return bases.length > 0 ? bases : model.language === "python" ? ["unittest.TestCase"] : [];
}

export function checkBases(model: TestFileModel, options: BasePolicyOptions): BaseFinding[] {
  const findings: BaseFinding[] = [];
  const bases = requiredBases(model, options.bases);
  for (const cls of bases.length > 0 ? model.classes : []) {
    if (cls.tests.length === 0) {
      continue;
    }
    const resolution = model.resolveBases(cls, bases);
    if (resolution.reached) {
      continue;
    }
    // Only a class whose every base was followed to its end is known not to inherit.
    const [undetermined] = resolution.undetermined;
    if (undetermined) {
      findings.push({ kind: "undeterminedBase", cls, undetermined });
    } else if (resolution.unresolved.length > 0) {
      findings.push({ kind: "unresolvedBase", cls, unresolved: resolution.unresolved });
    } else {
      findings.push({ kind: "missingBase", cls });
    }
  }
  const firstTest = model.tests[0];
  const { imports } = options;
  if (imports.length > 0 && firstTest && !model.importedModules.some((imported) => imports.some((required) => importsModule(imported, required, model.language)))) {
    // At the first test, so the finding sits on a line that belongs to the suite.
    findings.push({ kind: "missingImport", test: firstTest });
  }
  // JS/TS suites are functions by nature (`describe`/`it`); there `imports` is the shared-base check.
  if (!options.allowFunctions && model.language === "python") {
    for (const test of model.tests) {
      if (test.cls === null) {
        findings.push({ kind: "testFunction", test });
      }
    }
  }
  return findings;
}

/**
 * The shared-base verdicts: a test complies when its class reaches a required base (or, as a function,
 * functions are allowed) and the file imports what `imports` requires; the file when nothing is found.
 * Sites are where the rule reports: a class at its name, a test function at its name.
 */
export function judgeBaseClass(model: TestFileModel, options: BasePolicyOptions): PolicyVerdict {
  const findings = checkBases(model, options);
  const bases = requiredBases(model, options.bases);
  const badClasses = new Set(findings.flatMap((finding) => ("cls" in finding ? [finding.cls] : [])));
  const missingImport = findings.find((finding) => finding.kind === "missingImport");
  const site = (finding: BaseFinding): number => ("cls" in finding ? finding.cls.nameLoc : finding.test.nameLoc).start.line;
  const tests = model.tests.map((test) => {
    const own = findings.filter((finding) => finding === missingImport || ("cls" in finding ? finding.cls === test.cls : finding.test === test));
    return { compliant: own.length === 0, sites: own.map(site) };
  });
  return {
    compliant: findings.length === 0,
    sites: findings.map(site),
    tests,
    details: { classesReachBase: model.classes.map((cls) => (bases.length > 0 && cls.tests.length > 0 ? !badClasses.has(cls) : null)) },
  };
}
