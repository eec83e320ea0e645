/**
 * A Business Value Justification block built against src/policies/bvj-assessment.ts: each field feeds one of its
 * scans the longest input it can take, the kind that makes a backtracking regular expression or a
 * repeated slice cost quadratic time.
 *
 * - Segment: many known segments joined by "and" and "/" (unknownSegments' scan), then a long run of
 *   dots and a letter: a trailing-punctuation pattern such as /[.:;]+$/ retries the run from each of
 *   its characters (isPlaceholder, unknownSegments).
 * - Business Goal: quotes nested deeply (stripDecoration strips one pair per round).
 * - Value Impact: "business" followed by long white space and no "value" (HEADING_PHRASE's \s+).
 * - Strategic Impact: "BVJ_" over and over (HEADING_WORD's boundary checks at every "BVJ").
 * - continuation lines joined onto one value, and many field lines with names near the 60-character
 *   limit (FIELD_NAME).
 */

/** Lines of one block (no docstring or comment syntax) about `bytes` long in total. */
export function adversarialBvjLines(bytes: number): string[] {
  const share = Math.floor(bytes / 7);
  const lines = [
    "Business Value Justification:",
    `- Segment: ${"and Free/".repeat(share / 9)}${".".repeat(share)}x`,
    `- Business Goal: ${"'".repeat(share)}`,
    `- Value Impact: business${" \t".repeat(share / 2)}impact`,
    `- Strategic Impact: ${"BVJ_".repeat(share / 4)}`,
  ];
  for (let written = 0; written < share; written += 12) {
    lines.push("    continued");
  }
  for (let written = 0; written < share; written += 64) {
    lines.push(`- ${"a".repeat(58)} :x`);
  }
  return lines;
}
