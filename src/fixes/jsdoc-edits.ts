/**
 * Edits that add lines of text to a JSDoc comment (`/** ... *\/`): at the end of the comment there is,
 * or as a new comment right before a statement, at its indentation. The file's line breaks are kept.
 */
import { indentationBefore, indentationOfLine, insertAt, lineBreakOf, lineStartOf, type TextEdit } from "./text-edits.js";

/** The edits that end the JSDoc comment over `range` with `lines`, after an empty line of the comment. */
export function appendToJsdoc(text: string, range: readonly [number, number], lines: readonly string[]): TextEdit[] {
  const lineBreak = lineBreakOf(text);
  const indent = indentationBefore(text, range[0]) ?? indentationOfLine(text, range[0]);
  const closing = range[1] - 2;
  const block = [" *", ...lines.map((line) => ` * ${line}`)].map((line) => `${indent}${line}`);
  if (indentationBefore(text, closing) !== null) {
    // `*/` on a line of its own stays there, under the new lines.
    return [insertAt(lineStartOf(text, closing), `${block.join(lineBreak)}${lineBreak}`)];
  }
  let end = closing;
  while (end > range[0] + 3 && (text[end - 1] === " " || text[end - 1] === "\t")) {
    end -= 1;
  }
  return [{ range: [end, closing], text: `${lineBreak}${block.join(lineBreak)}${lineBreak}${indent} ` }];
}

/** The edit that puts a new JSDoc comment holding `lines` right before what starts at `before`. */
export function insertJsdoc(text: string, before: number, lines: readonly string[]): TextEdit[] {
  const lineBreak = lineBreakOf(text);
  const indent = indentationBefore(text, before) ?? indentationOfLine(text, before);
  const comment = ["/**", ...lines.map((line) => ` * ${line}`), " */"].map((line, index) => (index === 0 ? line : `${indent}${line}`));
  return [insertAt(before, `${comment.join(lineBreak)}${lineBreak}${indent}`)];
}
