/**
 * Business Value Justification blocks: found in docstring text, as facts (a heading and its field
 * lines). Whether a block is complete is the BVJ policy's judgement (src/policies/bvj-assessment.ts).
 * Shared by every language front end. Everything here scans line by line with no backtracking regular
 * expressions, so hostile docstrings cost linear time.
 */
import type { BvjBlock, BvjField, Loc } from "./test-file-model.js";


const HEADING_PHRASE = /business\s+value\s+justification/iu;
const HEADING_WORD = /(?:^|[^A-Za-z0-9_])BVJ(?:$|[^A-Za-z0-9_])/u;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9 /&'()-]*$/u;
const MAX_FIELD_NAME = 60;

/** Maps an offset in the file to a location; the caller knows the file's line table. */
export type Locator = (index: number) => { line: number; column: number };

interface FieldLine {
  name: string;
  value: string;
}

/** `- **Segment**: Enterprise` → { name: "Segment", value: "Enterprise" }; null when not a field line. */
function readFieldLine(line: string): FieldLine | null {
  let rest = line.trimStart();
  if (rest.startsWith("- ") || rest.startsWith("* ") || rest.startsWith("• ") || rest.startsWith("•")) {
    rest = rest.slice(1).trimStart();
  } else {
    let digits = 0;
    while (digits < rest.length && rest.charCodeAt(digits) >= 48 && rest.charCodeAt(digits) <= 57) {
      digits += 1;
    }
    if (digits > 0 && (rest[digits] === "." || rest[digits] === ")") && rest[digits + 1] === " ") {
      rest = rest.slice(digits + 1).trimStart();
    }
  }
  const colon = rest.indexOf(":");
  if (colon <= 0 || colon > MAX_FIELD_NAME + 4) {
    return null;
  }
  const name = rest.slice(0, colon).replaceAll("**", "").replaceAll("__", "").trim();
  if (name.length === 0 || name.length > MAX_FIELD_NAME || !FIELD_NAME.test(name)) {
    return null;
  }
  let value = rest.slice(colon + 1);
  if (value.startsWith("**")) {
    value = value.slice(2);
  }
  return { name, value: value.trim() };
}

function isHeading(line: string): boolean {
  return HEADING_PHRASE.test(line) || HEADING_WORD.test(line);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function lineLoc(locate: Locator, start: number, line: string): Loc {
  const indent = indentOf(line);
  const trimmedEnd = line.trimEnd().length;
  return { start: locate(start + indent), end: locate(start + Math.max(trimmedEnd, indent)) };
}

/**
 * Finds the BVJ blocks in `text`, which starts at offset `offset` of the file. A block starts at a line
 * holding "Business Value Justification" or the word "BVJ" and holds the field lines (`Name: value`,
 * optionally bulleted) that follow it; blank lines may separate fields, indented lines continue the
 * previous value, and any other line ends the block.
 */
export function findBvjBlocks(text: string, offset: number, locate: Locator): BvjBlock[] {
  const lines: { text: string; start: number }[] = [];
  let start = 0;
  for (let end = text.indexOf("\n"); ; end = text.indexOf("\n", start)) {
    const stop = end === -1 ? text.length : end;
    lines.push({ text: text.slice(start, stop).replace(/\r$/u, ""), start: offset + start });
    if (end === -1) {
      break;
    }
    start = end + 1;
  }

  const blocks: BvjBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const heading = lines[i]!;
    if (!isHeading(heading.text)) {
      i += 1;
      continue;
    }
    const fields: BvjField[] = [];
    // Continuation lines are joined once the block ends: appending to a growing value line by line is quadratic.
    const continuations = new Map<BvjField, string[]>();
    let lastField: { field: BvjField; indent: number } | null = null;
    i += 1;
    while (i < lines.length) {
      const line = lines[i]!;
      if (line.text.trim() === "") {
        i += 1;
        continue;
      }
      const field = readFieldLine(line.text);
      // A heading starts the next block, but a field whose value mentions "BVJ" is still a field.
      if (isHeading(line.text) && !(field && !isHeading(field.name))) {
        break;
      }
      if (field) {
        const entry: BvjField = { name: field.name, value: field.value, loc: lineLoc(locate, line.start, line.text) };
        fields.push(entry);
        lastField = { field: entry, indent: indentOf(line.text) };
        i += 1;
        continue;
      }
      if (lastField && indentOf(line.text) > lastField.indent && lines[i - 1]!.text.trim() !== "") {
        const parts = continuations.get(lastField.field) ?? [];
        parts.push(line.text.trim());
        continuations.set(lastField.field, parts);
        i += 1;
        continue;
      }
      break;
    }
    for (const [field, parts] of continuations) {
      field.value = [field.value, ...parts].filter((part) => part !== "").join(" ");
    }
    blocks.push({ headingLoc: lineLoc(locate, heading.start, heading.text), fields });
  }
  return blocks;
}
