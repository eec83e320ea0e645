/**
 * Edits that add lines of text to the docstring of a Python function, class or module: at the end of the
 * docstring there is (a single-quoted one becomes triple-quoted), or as a new docstring, the first
 * statement of the body at the body's indentation. The file's line breaks and indentation are kept.
 */
import type { PyNode } from "../../parsers/python/py-node.js";
import { docstringOf } from "../model/python/syntax.js";
import { indentationBefore, indentationOfLine, indentUnitOf, insertAt, lineBreakOf, type TextEdit } from "./text-edits.js";

/** The statements of a module, or the body block of a function or class definition. */
function bodyOf(owner: PyNode): PyNode | undefined {
  return owner.type === "module" ? owner : owner.body;
}

/** The edits that end an existing docstring with `lines`, each at `indent`, after a blank line. */
function appendToDocstring(text: string, docstring: PyNode, lines: readonly string[], indent: string, lineBreak: string): TextEdit[] {
  const open = docstring.children[0]!;
  const close = docstring.children[docstring.children.length - 1]!;
  const quote = open.text.replace(/^[A-Za-z]*/u, "");
  const block = lines.map((line) => `${indent}${line}`).join(lineBreak);
  if (quote.length === 3) {
    const body = text.slice(open.end, close.start);
    const lastBreak = Math.max(body.lastIndexOf("\n"), body.lastIndexOf("\r"));
    if (lastBreak !== -1 && body.slice(lastBreak + 1).trim() === "") {
      // The closing quotes on a line of their own stay there, under the new lines.
      return [insertAt(open.end + lastBreak + 1, `${lineBreak}${block}${lineBreak}`)];
    }
    return [insertAt(close.start, `${lineBreak}${lineBreak}${block}${lineBreak}${indent}`)];
  }
  // A single-quoted string cannot hold a line break: it becomes triple-quoted, prefix kept.
  const tripled = quote.repeat(3);
  return [
    { range: [open.start, open.end], text: `${open.text.slice(0, open.text.length - quote.length)}${tripled}` },
    { range: [close.start, close.end], text: `${lineBreak}${lineBreak}${block}${lineBreak}${indent}${tripled}` },
  ];
}

/** A new docstring holding `lines`: the first right after the quotes, the others and the closing quotes at `indent`. */
function newDocstring(lines: readonly string[], indent: string, lineBreak: string): string {
  const [first = "", ...rest] = lines;
  return [`"""${first}`, ...rest.map((line) => `${indent}${line}`), `${indent}"""`].join(lineBreak);
}

/**
 * The edits that add `lines` (without indentation) to the docstring of `owner`: a `function_definition`,
 * a `class_definition` or the `module`.
 */
export function addToDocstring(text: string, owner: PyNode, lines: readonly string[]): TextEdit[] {
  const lineBreak = lineBreakOf(text);
  const body = bodyOf(owner);
  const docstring = docstringOf(body);
  const ownIndent = owner.type === "module" ? "" : `${indentationOfLine(text, owner.start)}${indentUnitOf(text)}`;
  if (docstring) {
    return appendToDocstring(text, docstring, lines, indentationBefore(text, docstring.start) ?? ownIndent, lineBreak);
  }
  const first = body?.children.find((child) => child.type !== "comment");
  if (owner.type === "module") {
    if (!first) {
      // Nothing but comments, if anything: the docstring comes at the end.
      const separator = text === "" || text.endsWith("\n") || text.endsWith("\r") ? "" : lineBreak;
      return [insertAt(text.length, `${separator}${newDocstring(lines, "", lineBreak)}${lineBreak}`)];
    }
    return [insertAt(first.start, `${newDocstring(lines, "", lineBreak)}${lineBreak}${lineBreak}`)];
  }
  if (!first) {
    return [];
  }
  const indent = indentationBefore(text, first.start);
  if (indent !== null) {
    return [insertAt(first.start, `${newDocstring(lines, indent, lineBreak)}${lineBreak}${indent}`)];
  }
  // The body on the line of the `def` or `class` (`def test_a(): pass`): it moves to lines of its own.
  let gap = first.start;
  while (gap > 0 && (text[gap - 1] === " " || text[gap - 1] === "\t")) {
    gap -= 1;
  }
  return [{ range: [gap, first.start], text: `${lineBreak}${ownIndent}${newDocstring(lines, ownIndent, lineBreak)}${lineBreak}${ownIndent}` }];
}

/** The innermost node of `root` whose range holds `offset`. */
function nodeAt(root: PyNode, offset: number): PyNode {
  let node = root;
  for (;;) {
    const child = node.children.find((candidate) => candidate.start <= offset && offset < candidate.end);
    if (!child) {
      return node;
    }
    node = child;
  }
}

/** The function or class definition whose name starts at `offset`, if any. */
export function definitionNamedAt(root: PyNode, offset: number): PyNode | null {
  const name = nodeAt(root, offset);
  const definition = name.parent;
  return name.type === "identifier" && name.field === "name" && (definition?.type === "function_definition" || definition?.type === "class_definition") ? definition : null;
}
