/**
 * The Business Value Justification block a suggestion writes: a heading and each required field, its
 * value `TODO`, for the author to fill in (require-bvj reports `TODO` as a placeholder until then).
 */

export const BVJ_HEADING = "Business Value Justification:";
export const FIELD_PLACEHOLDER = "TODO";

/** The block's lines, without indentation or comment decoration. */
export function bvjTemplateLines(fields: readonly string[]): string[] {
  return [BVJ_HEADING, ...fields.map((field) => `- ${field}: ${FIELD_PLACEHOLDER}`)];
}
