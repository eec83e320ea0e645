/**
 * The edit that adds missing fields to a Business Value Justification block, after its last field (and
 * the lines that continue it), written as that field is: same indentation and comment decoration, same
 * bullet (the next number of a numbered list), bold names if it has one. Works on the file's text, in a
 * Python docstring or a JSDoc comment alike.
 */
import type { BvjBlock, Loc } from "../model/test-file-model.js";
import { FIELD_PLACEHOLDER } from "./bvj-template.js";
import { insertAt, lineBreakOf, lineEndOf, lineStartOf, type TextEdit } from "./text-edits.js";

type IndexOf = (position: Loc["start"]) => number;

/** How a field line is written: what comes before the bullet, the bullet, and whether the name is bold. */
interface FieldStyle {
  prefix: string;
  bullet: (index: number) => string;
  bold: boolean;
}

function styleOf(text: string, lineStart: number, fieldStart: number): FieldStyle {
  const prefix = text.slice(lineStart, fieldStart);
  const rest = text.slice(fieldStart, lineEndOf(text, fieldStart));
  const numbered = /^(\d+)([.)])\s+/u.exec(rest);
  if (numbered) {
    const first = Number(numbered[1]);
    return { prefix, bullet: (index) => `${first + index + 1}${numbered[2]!} `, bold: rest.slice(numbered[0].length).startsWith("**") };
  }
  const bulleted = /^([-*•])\s*/u.exec(rest);
  const bullet = bulleted ? `${bulleted[1]!} ` : "";
  return { prefix, bullet: () => bullet, bold: rest.slice(bulleted?.[0].length ?? 0).startsWith("**") };
}

/**
 * What starts the lines after a heading, from what stands before the heading on its line: its
 * indentation, and a JSDoc comment's ` * ` (not the docstring's opening quotes or the comment's `/**`).
 */
function decorationOf(beforeHeading: string): string {
  const indent = /^[ \t]*/u.exec(beforeHeading)![0];
  const rest = beforeHeading.slice(indent.length);
  if (rest.startsWith("/**")) {
    return `${indent} * `;
  }
  return rest.startsWith("*") ? beforeHeading : indent;
}

/** The column of a line's text after its indentation and, in a JSDoc comment, its leading `*`. */
function contentColumn(line: string): number {
  return /^[ \t]*(?:\*(?!\/)[ \t]*)?/u.exec(line)![0].length;
}

/** Where the block's last field ends: after the lines more indented than it that continue its value. */
function endOfLastField(text: string, fieldStart: number, fieldEnd: number): number {
  const lineStart = lineStartOf(text, fieldStart);
  const column = contentColumn(text.slice(lineStart, lineEndOf(text, lineStart)));
  let end = fieldEnd;
  for (;;) {
    if (text.slice(end, lineEndOf(text, end)).trim() !== "") {
      // Something follows on the line (the closing quotes): the fields go before it.
      return end;
    }
    end = lineEndOf(text, end);
    const next = end + (text.startsWith("\r\n", end) ? 2 : 1);
    if (end >= text.length) {
      return end;
    }
    const line = text.slice(next, lineEndOf(text, next));
    if (line.trim() === "" || contentColumn(line) <= column || /^\s*\*\//u.test(line) || /^\s*("""|''')/u.test(line)) {
      return end;
    }
    end = lineEndOf(text, next);
  }
}

/** The edit that adds `missing` fields, each set to TODO, at the end of `block`. */
export function addMissingFields(text: string, block: BvjBlock, missing: readonly string[], indexOf: IndexOf): TextEdit[] {
  const lineBreak = lineBreakOf(text);
  const last = block.fields.at(-1);
  let style: FieldStyle;
  let at: number;
  if (last) {
    const fieldStart = indexOf(last.loc.start);
    style = styleOf(text, lineStartOf(text, fieldStart), fieldStart);
    at = endOfLastField(text, fieldStart, indexOf(last.loc.end));
  } else {
    const headingStart = indexOf(block.headingLoc.start);
    style = { prefix: decorationOf(text.slice(lineStartOf(text, headingStart), headingStart)), bullet: () => "- ", bold: false };
    at = indexOf(block.headingLoc.end);
  }
  const lines = missing.map((field, index) => `${lineBreak}${style.prefix}${style.bullet(index)}${style.bold ? `**${field}**` : field}: ${FIELD_PLACEHOLDER}`);
  return [insertAt(at, lines.join(""))];
}
