/**
 * The reason a comment gives for a mark whose API takes none (`@unittest.expectedFailure`, Jest's
 * `it.skip`): a comment alone on the line above the mark, one that ends the mark's line, or, under a
 * Python decorator, one alone on the line below it (between the decorator and the definition). Comments
 * addressed to tools (ESLint directives, `noqa`, `type:`, `@ts-...`, coverage pragmas) give no reason.
 */

const TOOL_COMMENT = /^(?:eslint(?:-disable|-enable|-env)?\b|globals?\b|exported\b|noqa\b|type:|pragma\b|pylint:|fmt:|@ts-|istanbul\b|c8\b|prettier-ignore\b)/u;

/** `// text`, `/* text *\/` (not a JSDoc `/** ... *\/`) or `# text`: the text, trimmed; null for anything else. */
function commentText(text: string, marker: "#" | "//"): string | null {
  const trimmed = text.trim();
  let body: string | null = null;
  if (marker === "#" && trimmed.startsWith("#")) {
    body = trimmed.slice(1);
  } else if (marker === "//" && trimmed.startsWith("//")) {
    body = trimmed.slice(2);
  } else if (marker === "//" && trimmed.startsWith("/*") && !trimmed.startsWith("/**") && trimmed.endsWith("*/") && trimmed.length >= 4) {
    body = trimmed.slice(2, -2);
  }
  const reason = body?.trim() ?? "";
  return reason === "" || TOOL_COMMENT.test(reason) ? null : reason;
}

/**
 * @param lineAbove the whole line above the mark (undefined on the first line).
 * @param restOfLine what follows the mark on its last line.
 * @param lineBelow the whole line below a Python decorator, which may hold a comment before the definition.
 */
export function commentReason(marker: "#" | "//", lineAbove: string | undefined, restOfLine: string | undefined, lineBelow?: string): string | null {
  const trailing = restOfLine === undefined ? -1 : restOfLine.search(marker === "#" ? /#/u : /\/[/*]/u);
  const sameLine = trailing === -1 ? null : commentText(restOfLine!.slice(trailing), marker);
  return sameLine ?? (lineAbove === undefined ? null : commentText(lineAbove, marker)) ?? (lineBelow === undefined ? null : commentText(lineBelow, marker));
}
