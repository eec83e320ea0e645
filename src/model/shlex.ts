/**
 * Python's `shlex.split(text)`: POSIX mode, no comments. pytest splits a configuration value of type
 * "args" (`python_files`, `python_classes`, `python_functions`) or "paths" (`pythonpath`) with it when
 * the value is a string, as in every INI file and in `[tool.pytest.ini_options]`.
 */

/** What `shlex.split` raises a ValueError for; pytest then stops with that error. */
export class ShlexError extends Error {}

/** shlex's white space: other space characters (form feed, no-break space) belong to words. */
const WHITESPACE = new Set([" ", "\t", "\r", "\n"]);

export function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let word = "";
  // A quoted empty string is a word of its own: `a '' b` is three words.
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (WHITESPACE.has(char)) {
      if (inWord) {
        words.push(word);
        word = "";
        inWord = false;
      }
      i += 1;
      continue;
    }
    inWord = true;
    if (char === "\\") {
      // Outside quotes a backslash keeps the next character, whatever it is.
      if (i + 1 === text.length) {
        throw new ShlexError("No escaped character");
      }
      word += text[i + 1]!;
      i += 2;
    } else if (char === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === -1) {
        throw new ShlexError("No closing quotation");
      }
      word += text.slice(i + 1, close);
      i = close + 1;
    } else if (char === '"') {
      i = readDoubleQuoted(text, i + 1, (part) => (word += part));
    } else {
      word += char;
      i += 1;
    }
  }
  if (inWord) {
    words.push(word);
  }
  return words;
}

/**
 * Reads a double-quoted part from `start` (after the opening quote) and returns the index after the
 * closing quote. Inside, a backslash escapes only `"` and another backslash; before any other character
 * it stays in the word.
 */
function readDoubleQuoted(text: string, start: number, append: (part: string) => void): number {
  let i = start;
  for (;;) {
    if (i === text.length) {
      throw new ShlexError("No closing quotation");
    }
    const char = text[i]!;
    if (char === '"') {
      return i + 1;
    }
    if (char === "\\") {
      if (i + 1 === text.length) {
        throw new ShlexError("No escaped character");
      }
      const next = text[i + 1]!;
      append(next === '"' || next === "\\" ? next : `\\${next}`);
      i += 2;
    } else {
      append(char);
      i += 1;
    }
  }
}
