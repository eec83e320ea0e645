/**
 * Text edits as suggestions make them: replace a range of the file's text. And the facts of a file's
 * text an edit keeps: its line break, its indentation.
 */
import type { RuleFixer } from "@eslint/core";

/** What edits read of a file's source code, which both languages' SourceCode offer: its text and the offset of a location. */
export interface EditableSource {
  text: string;
  getIndexFromLoc(loc: { line: number; column: number }): number;
}

/** Replace the characters in `range` (offsets into the file's text; equal ends insert) with `text`. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export function insertAt(index: number, text: string): TextEdit {
  return { range: [index, index], text };
}

/** The line break the file writes: its first one (`\r\n`, `\n` or a lone `\r`), or `\n` in a file of one line. */
export function lineBreakOf(text: string): string {
  const match = /\r\n|[\r\n]/u.exec(text);
  return match ? match[0] : "\n";
}

/** The offset where the line holding `index` starts. */
export function lineStartOf(text: string, index: number): number {
  let start = index;
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") {
    start -= 1;
  }
  return start;
}

/** The offset where the line holding `index` ends (before its line break). */
export function lineEndOf(text: string, index: number): number {
  let end = index;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") {
    end += 1;
  }
  return end;
}

/** The spaces and tabs a line starts with, the line holding `index`. */
export function indentationOfLine(text: string, index: number): string {
  const start = lineStartOf(text, index);
  return /^[ \t]*/u.exec(text.slice(start, index))![0];
}

/** The spaces and tabs before `index` on its line, or null when anything else stands there. */
export function indentationBefore(text: string, index: number): string | null {
  const before = text.slice(lineStartOf(text, index), index);
  return /^[ \t]*$/u.test(before) ? before : null;
}

/** What one level of indentation is in the file: the white space of its first indented line, else four spaces. */
export function indentUnitOf(text: string): string {
  const match = /(?:^|[\r\n])([ \t]+)\S/u.exec(text);
  return match ? match[1]! : "    ";
}

/** A suggestion's fix that makes `edits` (which must not overlap). */
export function applyEdits(edits: readonly TextEdit[]): RuleFixer {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}
