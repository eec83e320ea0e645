/**
 * Whether a Business Value Justification block is complete under a policy: every required field
 * present, none a placeholder, the Segment's values known. Scans without backtracking regular
 * expressions, so hostile docstrings cost linear time.
 */
import type { BvjBlock } from "../model/test-file-model.js";

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
