/**
 * One file's text with its line starts, shared by all of the file's nodes, so a node's line/column is
 * computed only when something asks for it: reading positions from tree-sitter costs two native calls
 * per node, and most locations are never read.
 */
import type { PyPosition } from "./py-node-types.js";

export class SourceText {
  readonly text: string;
  /** The text holds a character outside ASCII, so identifiers may need Python's NFKC normalization. */
  readonly nonAscii: boolean;
  readonly #lineStarts: number[] = [0];

  constructor(text: string) {
    this.text = text;
    this.nonAscii = /\P{ASCII}/u.test(text);
    // "\n", "\r\n" and a lone "\r" end a line, as in Python (and in PythonSourceCode's lines).
    if (!text.includes("\r")) {
      for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
        this.#lineStarts.push(index + 1);
      }
      return;
    }
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
        this.#lineStarts.push(index + 1);
      }
    }
  }

  /** 1-based line, 0-based column of a UTF-16 offset. */
  positionOf(offset: number): PyPosition {
    const starts = this.#lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low + 1, column: offset - starts[low]! };
  }
}
