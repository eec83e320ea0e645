/**
 * Business Value Justification blocks: found in docstring text and checked against a policy.
 * Shared by every language front end, the rules and the CLI. Everything here scans line by line with
 * no backtracking regular expressions, so hostile docstrings cost linear time.
 */
import type { BvjBlock, BvjField, Loc } from "./test-file-model.js";

export interface BvjPolicy {
  fields: readonly string[];
  segments: readonly string[];
  /** Values that mean "not filled in"; "" stands for an empty value. */
  placeholders: readonly string[];
}

export const DEFAULT_BVJ_POLICY: BvjPolicy = {
  fields: ["Segment", "Business Goal", "Value Impact", "Strategic Impact"],
  segments: ["Free", "Early", "Mid", "Enterprise", "Platform/Internal"],
  placeholders: ["TODO", "TBD", "N/A", "", "..."],
};

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

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\s+/gu, " ").trim();
}

/** Whether a written field name (normalized) names the required field (normalized), plural allowed. */
function sameField(written: string, required: string): boolean {
  return written === required || (written.length === required.length + 1 && written.endsWith("s") && written.startsWith(required));
}

/**
 * `text` without its trailing run of `chars`. A loop rather than a regular expression: `/[.:;]+$/` retries
 * the run from each of its characters when something follows it, which is quadratic in the run's length.
 */
function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) {
    end -= 1;
  }
  return text.slice(0, end);
}

function stripDecoration(value: string): string {
  let v = value.trim();
  while (v.length > 0 && "*`'\"_".includes(v[0]!) && v.endsWith(v[0]!)) {
    v = v.slice(1, -1).trim();
  }
  return v;
}

export function isPlaceholder(value: string, placeholders: readonly string[]): boolean {
  const v = stripDecoration(value);
  const lower = trimTrailing(v, ".:;").toLowerCase();
  return placeholders.some((placeholder) => {
    if (placeholder === "") {
      return v === "";
    }
    if (lower === placeholder.toLowerCase() || v === placeholder) {
      return true;
    }
    // "TODO: describe", "TBD - later": the placeholder as configured, then punctuation or space.
    const next = v.charAt(placeholder.length);
    return v.toLowerCase().startsWith(placeholder.toLowerCase()) && next !== "" && !/[A-Za-z0-9]/u.test(next);
  });
}

/**
 * The segments named in a Segment value that are not in `segments`, or [] when all are known. Values
 * combine segments with "/", "," or "&" ("Mid/Enterprise", "Free, Early"); segment names may contain
 * "/" themselves ("Platform/Internal"), so the longest known name wins at each position. Text after
 * " - " or in parentheses explains the value and is not checked.
 */
export function unknownSegments(value: string, segments: readonly string[]): string[] {
  let v = stripDecoration(value);
  for (const cut of [" - ", " – ", " — ", "("]) {
    const at = v.indexOf(cut);
    if (at > 0) {
      v = v.slice(0, at);
    }
  }
  // A sentence's full stop or semicolon is not part of the last segment's name.
  const trimmed = v.trimEnd();
  const withoutStop = trimTrailing(trimmed, ".;:!");
  if (withoutStop.length < trimmed.length) {
    v = withoutStop;
  }
  const known = [...segments].sort((a, b) => b.length - a.length).map((segment) => segment.toLowerCase());
  const lower = v.toLowerCase();
  const unknown: string[] = [];
  let i = 0;
  const isSeparator = (char: string): boolean => char === "/" || char === "," || char === "&" || char === "|" || /\s/u.test(char);
  while (i < v.length) {
    if (isSeparator(v[i]!)) {
      i += 1;
      continue;
    }
    if (lower.startsWith("and ", i)) {
      i += 4;
      continue;
    }
    const match = known.find((segment) => lower.startsWith(segment, i) && (i + segment.length === v.length || isSeparator(v[i + segment.length]!)));
    if (match) {
      i += match.length;
      continue;
    }
    let end = i;
    while (end < v.length && !(v[end] === "/" || v[end] === "," || v[end] === "&" || v[end] === "|")) {
      end += 1;
    }
    unknown.push(v.slice(i, end).trim());
    i = end;
  }
  return unknown;
}

export interface BvjAssessment {
  missing: string[];
  placeholders: { field: string; value: string }[];
  invalid: { field: string; value: string; unknown: string[] }[];
}

/** What is wrong with a block under `policy`; a complete block has nothing in any list. */
export function assessBvjBlock(block: BvjBlock, policy: BvjPolicy): BvjAssessment {
  const assessment: BvjAssessment = { missing: [], placeholders: [], invalid: [] };
  // Each written name is normalized once: a block may hold very many field lines.
  const written = block.fields.map((candidate) => normalizeName(candidate.name));
  for (const required of policy.fields) {
    const name = normalizeName(required);
    const field = block.fields[written.findIndex((candidate) => sameField(candidate, name))];
    if (!field) {
      assessment.missing.push(required);
    } else if (isPlaceholder(field.value, policy.placeholders)) {
      assessment.placeholders.push({ field: required, value: field.value });
    } else if (sameField(name, "segment") && policy.segments.length > 0) {
      const unknown = unknownSegments(field.value, policy.segments);
      if (unknown.length > 0) {
        assessment.invalid.push({ field: required, value: field.value, unknown });
      }
    }
  }
  return assessment;
}

export function isCompleteAssessment(assessment: BvjAssessment): boolean {
  return assessment.missing.length === 0 && assessment.placeholders.length === 0 && assessment.invalid.length === 0;
}
