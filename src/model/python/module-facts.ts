/**
 * Everything the mock trace reads of one Python module, as plain data: its summary (classes, imports),
 * its definitions (functions, fixtures, classes) and its references (mock imports and uses, fixture
 * requests, monkeypatch calls). The test file's own facts come from the tree ESLint parsed; other
 * project files (conftest.py, fixture modules, base classes) are read and parsed here, never imported,
 * and cached per path until the file's size or modification time changes.
 */
import { dependsOn } from "../dependencies.js";
import { FileCache } from "../file-cache.js";
import type { PyNode } from "../../../parsers/python/py-node.js";
import { SourceText } from "../../../parsers/python/source-text.js";
import { toPyAst } from "../../../parsers/python/to-py-ast.js";
import { parsePythonTree } from "../../../parsers/python/tree-sitter.js";
import { collectDefinitions, type PyDefinitions } from "./definitions.js";
import { docstringReader, type DocstringReader } from "./docstrings.js";
import { summarizeModule, type ModuleSummary } from "./module-summary.js";
import { collectReferences, type References } from "./references.js";

export interface ModuleFacts {
  /** Absolute path. */
  path: string;
  summary: ModuleSummary;
  definitions: PyDefinitions;
  references: References;
}

/** `readDocstring`: also reads functions' and classes' docstrings, which tests inherited or imported from the module carry. */
export function readModuleFacts(path: string, root: PyNode, summary = summarizeModule(path, root), references = collectReferences(root), readDocstring?: DocstringReader): ModuleFacts {
  return { path, summary, definitions: collectDefinitions(root, references, readDocstring), references };
}

// A file that cannot be read or parsed adds nothing to any trace; its own lint run reports it.
const cache = new FileCache((path, text) => {
  const source = text.replace(/^\uFEFF/u, "");
  const root = toPyAst(parsePythonTree(source), source).ast;
  const lines = new SourceText(source);
  return readModuleFacts(path, root, summarizeModule(path, root), collectReferences(root), docstringReader((index) => lines.positionOf(index)));
});

/** The facts of another project file, or null when it is missing, unreadable or does not parse. */
export function moduleFactsOfFile(path: string): ModuleFacts | null {
  // Read or probed and missing, the file decides what reaches the linted file's tests.
  dependsOn(path);
  return cache.get(path);
}
