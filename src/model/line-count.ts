/**
 * How many lines a file has, counted once for every format and every use: as an editor shows them.
 * A line ends at `\n`, `\r\n` or a lone `\r` (Python reads all three); a last line without a line end
 * counts, and nothing after a final line end does. `wc -l` counts line feeds instead, which differs
 * when the last line has no line end (or lines end with a lone `\r`); reports often quote it.
 */

export function editorLineCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      count += 1;
    }
  }
  const last = text.charCodeAt(text.length - 1);
  return text.length > 0 && last !== 10 && last !== 13 ? count + 1 : count;
}

/** Line feeds, as `wc -l` counts lines. */
export function lineFeedCount(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    count += 1;
  }
  return count;
}
