/**
 * Converts a tree-sitter tree into PyNode objects in one TreeCursor pass (several times faster than
 * walking `namedChildren`, which crosses into native code on every call).
 */
import type Parser from "tree-sitter";
import { PyNode, type PyLocation } from "./py-node.js";

export interface PySyntaxError {
  message: string;
  /** 1-based. */
  line: number;
  /** 0-based, UTF-16 code units. */
  column: number;
}

export interface PyConversion {
  ast: PyNode;
  comments: PyNode[];
  /** The first ERROR or MISSING node in source order, if the file does not parse. */
  syntaxError: PySyntaxError | null;
}

/** Where the text ends, as a location: the root node must span the whole file. */
function endOfText(text: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: text.length - lineStart };
}

function describeError(cursor: Parser.TreeCursor): string {
  if (cursor.nodeIsMissing) {
    return `Missing ${JSON.stringify(cursor.nodeType)}.`;
  }
  const excerpt = cursor.nodeText.split("\n", 1)[0]!.trim().slice(0, 40);
  return excerpt === "" ? "Invalid syntax." : `Invalid syntax near ${JSON.stringify(excerpt)}.`;
}

export function toPyAst(tree: Parser.Tree, text: string): PyConversion {
  const root = new PyNode("module", null, null, [0, text.length], { start: { line: 1, column: 0 }, end: endOfText(text) }, text);
  const comments: PyNode[] = [];
  const lookForErrors = tree.rootNode.hasError;
  let syntaxError: PySyntaxError | null = null;

  const cursor = tree.walk();
  if (!cursor.gotoFirstChild()) {
    return { ast: root, comments, syntaxError };
  }
  // `parents[i]` is the nearest named ancestor at cursor depth i + 1.
  const parents: PyNode[] = [];
  let parent = root;
  for (;;) {
    const named = cursor.nodeIsNamed;
    const type = cursor.nodeType;
    let node: PyNode | null = null;
    if (lookForErrors && syntaxError === null && (type === "ERROR" || cursor.nodeIsMissing)) {
      const start = cursor.startPosition;
      syntaxError = { message: describeError(cursor), line: start.row + 1, column: start.column };
    }
    if (named) {
      const start = cursor.startPosition;
      const end = cursor.endPosition;
      const loc: PyLocation = {
        start: { line: start.row + 1, column: start.column },
        end: { line: end.row + 1, column: end.column },
      };
      node = new PyNode(type, cursor.currentFieldName ?? null, parent, [cursor.startIndex, cursor.endIndex], loc, text);
      parent.children.push(node);
      if (type === "comment") {
        comments.push(node);
      }
    }
    if (cursor.gotoFirstChild()) {
      parents.push(parent);
      if (node !== null) {
        parent = node;
      }
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (parents.length === 0 || !cursor.gotoParent()) {
        return { ast: root, comments, syntaxError };
      }
      parent = parents.pop()!;
    }
  }
}
