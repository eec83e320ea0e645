/**
 * Docstrings as the model keeps them: the text between the quotes, where it is, and the Business Value
 * Justification blocks it holds.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import { findBvjBlocks, type Locator } from "../bvj.js";
import type { Docstring } from "../test-file-model.js";
import { docstringOf, stringBody } from "./syntax.js";

export type DocstringReader = (stringNode: PyNode | null) => Docstring | null;

/** Reads docstring nodes of one file, whose offsets `locate` turns into lines and columns. */
export function docstringReader(locate: Locator): DocstringReader {
  return (stringNode) => {
    const body = stringNode ? stringBody(stringNode) : null;
    if (!stringNode || !body) {
      return null;
    }
    return { text: body.text, loc: stringNode.loc, bvjBlocks: findBvjBlocks(body.text, body.start, locate) };
  };
}

/** Statements that hold other statements, where classes and functions (and so docstrings) may sit. */
const COMPOUND_TYPES: ReadonlySet<string> = new Set([
  "module", "block", "decorated_definition", "if_statement", "elif_clause", "else_clause", "for_statement",
  "while_statement", "try_statement", "except_clause", "except_group_clause", "finally_clause", "with_statement",
  "match_statement", "case_clause",
]);

/** The string nodes of every docstring in the file: the module's and those of all its classes and functions, nested ones included. */
export function docstringNodes(root: PyNode): PyNode[] {
  const found: PyNode[] = [];
  const moduleDocstring = docstringOf(root);
  if (moduleDocstring) {
    found.push(moduleDocstring);
  }
  const stack: PyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "class_definition" || node.type === "function_definition") {
      const docstring = docstringOf(node.body);
      if (docstring) {
        found.push(docstring);
      }
      if (node.body) {
        stack.push(node.body);
      }
    } else if (COMPOUND_TYPES.has(node.type)) {
      for (const child of node.children) {
        stack.push(child);
      }
    }
  }
  return found;
}
