/**
 * Docstring bodies that look like Business Value Justification blocks, whole, broken and
 * near-misses, as lines without indentation: the Python and TS generators wrap them in their own
 * docstring syntax.
 */
import fc from "fast-check";

const headingArbitrary = fc.constantFrom(
  "Business Value Justification:",
  "Business Value Justification (BVJ):",
  "**Business Value Justification**",
  "business  value\tjustification",
  "BVJ:",
  "BVJ",
  "## BVJ",
  "Not a BVJ-ish heading: BVJ_X",
  "Business value",
);

const fieldNameArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("Segment", "Business Goal", "Value Impact", "Strategic Impact", "Segments", "Business Goals") },
  { weight: 1, arbitrary: fc.constantFrom("**Segment**", "__Segment__", "segment", "Revenue Impact", "BVJ", "a".repeat(70), "Wert/Ziel (€)") },
);

const fieldValueArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("Free", "Enterprise", "Mid/Enterprise", "Free, Early", "Platform/Internal", "Mid & Enterprise", "Gold") },
  { weight: 2, arbitrary: fc.constantFrom("TODO", "TBD", "N/A", "", "...", "TODO: describe", "`Enterprise`", "'Free'", "Enterprise.", "Early (beta) - later") },
  { weight: 1, arbitrary: fc.constantFrom(":", "::", "**", "- ", "\\", '"', "'''", "\u00a0", "…", "😀", "BVJ", "Business Value Justification") },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
);

const bulletArbitrary = fc.constantFrom("- ", "* ", "• ", "•", "1. ", "2) ", "", "  - ", "-");

const fieldLineArbitrary = fc
  .tuple(bulletArbitrary, fieldNameArbitrary, fc.constantFrom(": ", ":", "**: ", " : ", " "), fieldValueArbitrary)
  .map(([bullet, name, colon, value]) => `${bullet}${name}${colon}${value}`);

const otherLineArbitrary = fc.oneof(
  fc.constantFrom("", "  continued on an indented line", "    and further", "Some prose after the block.", "Args:", "Returns: None"),
  fc.string({ maxLength: 30 }),
);

/** A docstring body: a summary line, maybe a block (heading, fields, blank and continuation lines), maybe prose. */
export const bvjBodyArbitrary: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom("Checks the real service.", "", "Summary line."),
    fc.option(fc.tuple(headingArbitrary, fc.array(fc.oneof({ weight: 3, arbitrary: fieldLineArbitrary }, { weight: 1, arbitrary: otherLineArbitrary }), { maxLength: 7 }))),
    fc.array(otherLineArbitrary, { maxLength: 2 }),
  )
  .map(([summary, block, tail]) => [summary, ...(block ? [block[0], ...block[1]] : []), ...tail]);
