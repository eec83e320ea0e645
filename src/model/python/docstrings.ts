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

/**
 * Statements that hold other statements, where classes and functions (and so docstrings) may sit; and
 * tree-sitter's ERROR nodes, which hold the statements of a stretch it could not parse as a whole.
 */
const COMPOUND_TYPES: ReadonlySet<string> = new Set([
  "module", "block", "decorated_definition", "if_statement", "elif_clause", "else_clause", "for_statement",
  "while_statement", "try_statement", "except_clause", "except_group_clause", "finally_clause", "with_statement",
  "match_statement", "case_clause", "ERROR",
]);

/**
 * The docstring of a module, class or function body as Python's compiler takes it: a string or an
 * implicit concatenation of strings (`"Sums." "More."`), neither of them an f-string or bytes, as the
 * first statement. docstringOf, which the model reads BVJ blocks from, takes a single string only.
 */
function compiledDocstringOf(body: PyNode | undefined): PyNode | null {
  const single = docstringOf(body);
  if (single) {
    return single;
  }
  const first = body?.children.find((child) => child.type !== "comment");
  const expression = first?.type === "expression_statement" && first.children.length === 1 ? first.children[0]! : null;
  const parts = expression?.type === "concatenated_string" ? expression.children.filter((child) => child.type !== "comment") : [];
  return parts.length > 0 && parts.every((part) => stringBody(part) !== null) ? expression : null;
}

/** The nodes of every docstring in the file, as Python's compiler takes them: the module's and those of all its classes and functions, nested ones included. */
export function docstringNodes(root: PyNode): PyNode[] {
  const found: PyNode[] = [];
  const moduleDocstring = compiledDocstringOf(root);
  if (moduleDocstring) {
    found.push(moduleDocstring);
  }
  const stack: PyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "class_definition" || node.type === "function_definition") {
      const docstring = compiledDocstringOf(node.body);
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
