/**
 * `JSON.stringify(value, null, 2)` written in pieces: the same text, but an array holding thousands of
 * file reports is rendered an element at a time, so writing the report of a large suite never holds the
 * whole text (tens of megabytes, and as much again as bytes) in memory at once.
 */

const INDENT = "  ";

/** JSON.stringify's text of `value` at `depth`: its line breaks indented to that depth. */
export function nested(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, INDENT.length);
  // JSON escapes the line breaks inside strings, so every "\n" in the text is between two of its lines.
  return depth === 0 ? text : text.replaceAll("\n", `\n${INDENT.repeat(depth)}`);
}

/** Whether JSON.stringify writes a property with this value (it leaves out undefined, functions and symbols). */
function written(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** An array, or a list read one element at a time (an audit's spooled file reports), written as a JSON array. */
function isList(value: unknown): value is Iterable<unknown> & { length: number } {
  return Array.isArray(value) || (typeof value === "object" && value !== null && Symbol.iterator in value && typeof (value as { length?: unknown }).length === "number");
}

/** A list that holds its elements' text already as `nested(element, 2)` writes it: copied out, not parsed and written again. */
export interface RenderedList {
  readonly length: number;
  renderedElements(): Iterable<string>;
}

/** Each element's text in an array at depth 1. */
function* elementTexts(list: Iterable<unknown>): Generator<string> {
  for (const element of list) {
    // JSON writes null for an array element it would leave out of an object.
    yield written(element) ? nested(element, 2) : "null";
  }
}

function isRendered(value: unknown): value is RenderedList {
  return typeof value === "object" && value !== null && typeof (value as Partial<RenderedList>).renderedElements === "function";
}

/**
 * The pieces of `JSON.stringify(value, null, 2)`, which joined are exactly that text. The arrays (or
 * lists) in `streamed` properties of the top-level object are rendered an element at a time; everything
 * else (and any value with a `toJSON`) is stringified whole.
 */
export function* jsonChunks(value: object, streamed: ReadonlySet<string>): Generator<string> {
  const entries = Object.entries(value).filter(([, property]) => written(property));
  if (entries.length === 0 || "toJSON" in value) {
    yield nested(value, 0);
    return;
  }
  yield "{";
  for (const [index, [key, property]] of entries.entries()) {
    const head = `${index === 0 ? "" : ","}\n${INDENT}${JSON.stringify(key)}: `;
    if (streamed.has(key) && isList(property) && property.length > 0) {
      yield `${head}[`;
      let at = 0;
      for (const text of isRendered(property) ? property.renderedElements() : elementTexts(property)) {
        yield `${at === 0 ? "" : ","}\n${INDENT.repeat(2)}${text}`;
        at += 1;
      }
      yield `\n${INDENT}]`;
    } else if (streamed.has(key) && isList(property)) {
      yield `${head}[]`;
    } else {
      yield `${head}${nested(property, 1)}`;
    }
  }
  yield "\n}";
}
