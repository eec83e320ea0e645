/**
 * Where a suggestion of require-bvj writes a Business Value Justification template for a test that no
 * block covers, and the edits that write it: into the nearest docstring among the sources the rule reads
 * (`from`): the test's own, then its class's (Python), then the module's. In Python into a docstring,
 * created if need be; in JS/TS into the JSDoc comment before the test or at the top of the file.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { PyNode } from "../../parsers/python/py-node.js";
import { testCommentSite } from "../model/js/test-calls.js";
import type { CollectedTest, Loc, TestFileModel } from "../model/test-file-model.js";
import type { BvjSource } from "../policies/bvj.js";
import { bvjTemplateLines } from "./bvj-template.js";
import { appendToJsdoc, insertJsdoc } from "./jsdoc-edits.js";
import { addToDocstring, definitionNamedAt } from "./python-docstring.js";
import type { TextEdit } from "./text-edits.js";

/** Where the template goes: the test's docstring, its class's (by name), or the module's. */
export type BvjTarget = { source: "function" } | { source: "class"; name: string } | { source: "module" };

export interface BvjInsertion {
  target: BvjTarget;
  edits: TextEdit[];
}

/** What a Python file's source code offers the edits: its text, its tree, and offsets of locations. */
interface PythonSource {
  text: string;
  ast: PyNode;
  getIndexFromLoc(loc: Loc["start"]): number;
}

const SOURCE_ORDER: readonly BvjSource[] = ["function", "class", "module"];

/** The template for `test` in a Python file, in the nearest docstring `from` reads that this file holds; null when none can take it. */
export function pythonBvjInsertion(sourceCode: PythonSource, test: CollectedTest, from: readonly BvjSource[], fields: readonly string[]): BvjInsertion | null {
  const lines = bvjTemplateLines(fields);
  for (const source of SOURCE_ORDER.filter((candidate) => from.includes(candidate))) {
    if (source === "module") {
      return { target: { source }, edits: addToDocstring(sourceCode.text, sourceCode.ast, lines) };
    }
    // A test or class defined in another file has its docstring there, out of this file's reach.
    const owner = source === "function" ? (test.origin === null ? test : null) : test.cls?.origin === null ? test.cls : null;
    const definition = owner && definitionNamedAt(sourceCode.ast, sourceCode.getIndexFromLoc(owner.nameLoc.start));
    const edits = definition ? addToDocstring(sourceCode.text, definition, lines) : [];
    if (edits.length > 0) {
      return { target: source === "class" ? { source, name: test.cls!.name } : { source: "function" }, edits };
    }
  }
  return null;
}

/** The range of a JSDoc comment the model read as a docstring. */
function commentRange(sourceCode: TSESLint.SourceCode, loc: Loc): [number, number] {
  return [sourceCode.getIndexFromLoc(loc.start), sourceCode.getIndexFromLoc(loc.end)];
}

/** The template for `test` in a JS/TS file: in the JSDoc comment before the test, or the file's; null when `from` reads neither. */
export function jsBvjInsertion(sourceCode: TSESLint.SourceCode, model: TestFileModel, test: CollectedTest, from: readonly BvjSource[], fields: readonly string[]): BvjInsertion | null {
  const lines = bvjTemplateLines(fields);
  const { text } = sourceCode;
  if (from.includes("function")) {
    const start = testCommentSite((index) => sourceCode.getNodeByRangeIndex(index), sourceCode.getIndexFromLoc(test.nameLoc.start));
    if (start !== null) {
      return { target: { source: "function" }, edits: test.docstring ? appendToJsdoc(text, commentRange(sourceCode, test.docstring.loc), lines) : insertJsdoc(text, start, lines) };
    }
  }
  if (from.includes("module")) {
    const first = sourceCode.ast.body[0];
    if (model.moduleDocstring) {
      return { target: { source: "module" }, edits: appendToJsdoc(text, commentRange(sourceCode, model.moduleDocstring.loc), lines) };
    }
    if (first) {
      return { target: { source: "module" }, edits: insertJsdoc(text, first.range[0], lines) };
    }
  }
  return null;
}
