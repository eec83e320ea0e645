/**
 * The HTML a Markdown report may hold, taken out of the text a reader sees: comments (which render as
 * nothing, so "100<!-- -->%" reads "100%" and a claim inside a comment is no claim), and tags
 * ("1<b>0</b>0%" reads "100%"). A comment may span lines; the caller carries whether a line starts
 * inside one. One pass per line, each tag bounded in length: linear time.
 */

import { isDigit } from "./chars.js";

/** Longest tag read as a tag; a longer `<…>` is left as text. */
const MAX_TAG = 256;

/** Tags that render inline, inside a word or number: removed without a trace. Others (br, p, td …) part words. */
const INLINE_TAGS = new Set(["a", "abbr", "b", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var", "wbr"]);

function isTagNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The end (after ">") of a tag starting at `start` ("<b>", "</span>", "<br/>"), or -1. */
function tagEnd(line: string, start: number): { end: number; name: string } | null {
  let index = start + 1;
  if (line[index] === "/") {
    index += 1;
  }
  if (!isTagNameStart(line.charCodeAt(index))) {
    return null;
  }
  const nameStart = index;
  while (index < line.length && (isTagNameStart(line.charCodeAt(index)) || isDigit(line.charCodeAt(index)) || line[index] === "-")) {
    index += 1;
  }
  const name = line.slice(nameStart, index).toLowerCase();
  for (let limit = start + MAX_TAG; index < line.length && index < limit; index += 1) {
    const char = line[index];
    if (char === ">") {
      return { end: index + 1, name };
    }
    if (char === "<") {
      return null;
    }
  }
  return null;
}

/** The text of `line` a reader sees, and whether the next line starts inside a comment. */
export function visibleText(line: string, inComment: boolean): { text: string; inComment: boolean } {
  let out = "";
  let index = 0;
  let comment = inComment;
  while (index < line.length) {
    if (comment) {
      const close = line.indexOf("-->", index);
      if (close < 0) {
        return { text: out, inComment: true };
      }
      comment = false;
      index = close + 3;
      continue;
    }
    const open = line.indexOf("<", index);
    if (open < 0) {
      out += line.slice(index);
      break;
    }
    out += line.slice(index, open);
    if (line.startsWith("<!--", open)) {
      comment = true;
      index = open + 4;
      continue;
    }
    const tag = tagEnd(line, open);
    if (tag === null) {
      out += "<";
      index = open + 1;
      continue;
    }
    out += INLINE_TAGS.has(tag.name) ? "" : " ";
    index = tag.end;
  }
  return { text: out, inComment: comment };
}
