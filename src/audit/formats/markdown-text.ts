/**
 * Text from the audited code (file names, test titles, mock names, messages, justifications) in a
 * Markdown pull-request comment. Each piece is a code span, where no Markdown or HTML renders: no
 * `<!--` can swallow the rest of the comment, no `@mention`, link or emphasis comes alive. The span's
 * fence is longer than any run of backticks in the text, so a backtick cannot close it; newlines and
 * control characters become visible escapes, so the text cannot end a table row or a paragraph; and
 * in a table `|` is escaped, which GFM resolves inside code spans too.
 */
import { visible } from "./terminal-text.js";

export function codeSpan(text: string, inTable = false): string {
  const flat = visible(text);
  const cell = inTable ? flat.replace(/\|/gu, "\\|") : flat;
  let longest = 0;
  for (const run of cell.match(/`+/gu) ?? []) {
    longest = Math.max(longest, run.length);
  }
  const fence = "`".repeat(longest + 1);
  // A space on each side keeps a leading or trailing backtick off the fence; CommonMark strips one each side.
  const padded = cell === "" || cell.startsWith("`") || cell.endsWith("`") || (cell.startsWith(" ") && cell.endsWith(" ")) ? ` ${cell} ` : cell;
  return `${fence}${padded}${fence}`;
}
