/**
 * The suspect tests that read the source text itself: where statements start their lines, and a line
 * continuation at its end. They scan characters in place, without slicing.
 */
import type { PyNode } from "../py-node.js";

const SPACE = 32;
const TAB = 9;
const FORM_FEED = 12;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SEMICOLON = 59;
const COLON = 58;
const BACKSLASH = 92;

function isIndentation(code: number): boolean {
  return code === SPACE || code === TAB || code === FORM_FEED;
}

/** The column a statement starts at, or -1 when something else comes before it on its line. */
function startColumn(text: string, start: number): number {
  let lineStart = start;
  while (lineStart > 0 && isIndentation(text.charCodeAt(lineStart - 1))) {
    lineStart--;
  }
  const before = lineStart > 0 ? text.charCodeAt(lineStart - 1) : LINE_FEED;
  return before === LINE_FEED || before === CARRIAGE_RETURN ? start - lineStart : -1;
}

/** Whether a statement that does not start its line follows a `;` or its header's `:`. */
function separated(text: string, start: number): boolean {
  let at = start;
  while (at > 0 && isIndentation(text.charCodeAt(at - 1))) {
    at--;
  }
  const before = text.charCodeAt(at - 1);
  return before === SEMICOLON || before === COLON;
}

/**
 * Statements of one block that start their lines must start them at the same column (`column`, when
 * given: a module's at 0), and the others must follow a `;`: tree-sitter accepts an unexpected
 * indent, a dedent to no outer level, or two statements side by side without an error.
 */
export function misaligned(text: string, statements: readonly PyNode[], column = -1): boolean {
  let expected = column;
  for (const statement of statements) {
    if (statement.type === "comment") {
      continue;
    }
    const found = startColumn(text, statement.start);
    if (found < 0) {
      if (!separated(text, statement.start)) {
        return true;
      }
      continue;
    }
    if (expected >= 0 && found !== expected) {
      return true;
    }
    expected = found;
  }
  return false;
}

/** A line continuation with nothing after it: CPython reaches the end of the file inside a statement. */
export function endsInContinuation(text: string): boolean {
  let end = text.length;
  while (end > 0 && (isIndentation(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === LINE_FEED || text.charCodeAt(end - 1) === CARRIAGE_RETURN)) {
    end--;
  }
  return text.charCodeAt(end - 1) === BACKSLASH;
}

/** The offset of the first character at or after `from` that is not a space or a tab. */
export function skipSpaces(text: string, from: number): number {
  let at = from;
  while (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB) {
    at++;
  }
  return at;
}
