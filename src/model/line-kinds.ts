/**
 * What each line of a file holds besides code, so lines can be counted as ESLint core's `max-lines`
 * counts them: blank lines, and lines that hold comments and no code. The lines are ESLint's lines of the
 * file (JS/TS: ends at `\r\n`, `\r`, `\n`, U+2028 and U+2029, as the language does; Python: `\r\n`, `\r`
 * and `\n`), without the empty line after a final line end, which an editor does not show either; an empty
 * file has no line (line-count.ts). A line holds no code when, with its comments taken out, only white
 * space is left: as core finds it from the tokens before and after each comment.
 */
import type { Loc } from "./test-file-model.js";

/** The line holds only white space (as `String.prototype.trim` sees it). */
export const BLANK_LINE = 1;
/** The line is part of a comment (Python: or a docstring) and holds no code. */
export const COMMENT_LINE = 2;

/**
 * One entry per line (index 0 is line 1), each BLANK_LINE and COMMENT_LINE or'ed together; 0 for a
 * line of code. `lines`: the file's lines as its ESLint SourceCode splits them; `comments`: where its
 * comments are (Python: its docstrings too), in any order, 1-based lines and 0-based columns as in `lines`.
 */
export function readLineKinds(lines: readonly string[], comments: Iterable<Loc>): Uint8Array {
  const count = lines.length === 1 && lines[0] === "" ? 0 : lines.at(-1) === "" ? lines.length - 1 : lines.length;
  const kinds = new Uint8Array(count);
  for (let index = 0; index < count; index++) {
    if (lines[index]!.trim() === "") {
      kinds[index] = BLANK_LINE;
    }
  }
  // The column ranges comments cover on the lines they start or end on; lines between are covered whole.
  const partial = new Map<number, [number, number][]>();
  const cover = (line: number, from: number, to: number): void => {
    const ranges = partial.get(line);
    if (ranges) {
      ranges.push([from, to]);
    } else {
      partial.set(line, [[from, to]]);
    }
  };
  for (const { start, end } of comments) {
    if (start.line === end.line) {
      cover(start.line, start.column, end.column);
      continue;
    }
    cover(start.line, start.column, Infinity);
    for (let line = start.line + 1; line < end.line && line <= count; line++) {
      kinds[line - 1]! |= COMMENT_LINE;
    }
    cover(end.line, 0, end.column);
  }
  for (const [line, ranges] of partial) {
    if (line > count || (kinds[line - 1]! & COMMENT_LINE) !== 0) {
      continue;
    }
    const text = lines[line - 1]!;
    ranges.sort((a, b) => a[0] - b[0]);
    let code = "";
    let from = 0;
    for (const [start, end] of ranges) {
      if (start > from) {
        code += text.slice(from, start);
      }
      from = Math.max(from, end);
    }
    code += text.slice(Math.min(from, text.length));
    if (code.trim() === "") {
      kinds[line - 1]! |= COMMENT_LINE;
    }
  }
  return kinds;
}
