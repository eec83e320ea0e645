/**
 * Builds the test-file model of a Python file from its syntax tree.
 */
import { dirname, resolve } from "node:path";
import type { PyNode } from "../../../parsers/python/py-node.js";
import type { PythonSourceCode } from "../../../parsers/python/python-source-code.js";
import { findBvjBlocks } from "../bvj.js";
import { isPytestFile, pytestSettingsFor } from "../pytest-config.js";
import type { ClassFacts, Docstring, TestFileModel } from "../test-file-model.js";
import { ClassResolver, importRoots } from "./class-resolver.js";
import { collectTests } from "./collect-tests.js";
import { summarizeModule } from "./module-summary.js";
import { collectReferences } from "./references.js";
import { docstringOf, stringBody } from "./syntax.js";

/** What pytest hands to unittest's loader; library subclasses reach it through the known hierarchy. */
const TESTCASE_BASES = ["unittest.TestCase"];

/** ESLint's name for text that comes from no file (`lintText` without a path, stdin). */
function isVirtualFile(filename: string): boolean {
  return filename.startsWith("<") && filename.endsWith(">");
}

export function buildPythonModel(sourceCode: PythonSourceCode, filename: string, cwd: string): TestFileModel {
  const root = sourceCode.ast;
  const path = resolve(cwd, filename);
  const directory = isVirtualFile(filename) ? cwd : dirname(path);
  const settings = pytestSettingsFor(directory);
  const summary = summarizeModule(path, root);
  const resolver = new ClassResolver(importRoots(directory, settings.pythonpath, cwd));
  const locate = (index: number): { line: number; column: number } => sourceCode.getLocFromIndex(index);

  const readDocstring = (stringNode: PyNode | null): Docstring | null => {
    const body = stringNode ? stringBody(stringNode) : null;
    if (!stringNode || !body) {
      return null;
    }
    return { text: body.text, loc: stringNode.loc, bvjBlocks: findBvjBlocks(body.text, body.start, locate) };
  };

  const isTestModule = isVirtualFile(filename) || isPytestFile(path, settings.pythonFiles);
  const { classes, tests } = collectTests({
    root,
    isTestModule,
    settings,
    readDocstring,
    inheritsTestCase: (bases) => resolver.resolveBases(summary, bases, TESTCASE_BASES).reached,
  });
  const references = collectReferences(root);
  const importedModules = references.moduleReferences
    .filter((reference) => reference.kind === "import")
    .map((reference) => ({ module: reference.qualifiedName, loc: reference.loc }));

  return {
    language: "python",
    filename,
    isTestModule,
    lines: sourceCode.lines.length,
    moduleDocstring: readDocstring(docstringOf(root)),
    importedModules,
    classes,
    tests,
    ...references,
    resolveBases: (cls: ClassFacts, bases: readonly string[]) =>
      resolver.resolveBases(summary, cls.bases.map((base) => base.written), bases),
  };
}
