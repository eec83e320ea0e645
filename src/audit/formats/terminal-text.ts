/**
 * Text from the audited code (file names, test titles, docstrings, messages quoting them) as a terminal
 * may show it: control characters, which could move the cursor, recolour or retitle the terminal, and
 * the invisible characters that reorder or break lines, become visible escapes (`\x1b`, `\n`, `\u202e`).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function visible(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return NAMED[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
  });
}
