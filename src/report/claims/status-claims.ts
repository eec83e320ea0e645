/**
 * A policy label with a check mark for its value: "- **NO MOCKS Policy:** ✅ Uses real HTTP requests",
 * "BVJ: ✓ complete". The mark says the policy holds, so it reads as 100% of the tests of the section's
 * file (or of the suite outside any file's section). Only the no-mocks and BVJ policies: a label such
 * as "SSOT Compliance: ✅" names no policy testaudit can tell apart.
 */
import type { Line } from "./line.js";
import type { Sink } from "./sink.js";
import { wordsOf } from "./tokens.js";
import { MOCK_FREE, MOCK_WORDS, NO_ZERO } from "./vocabulary.js";

/** ✅ ✓ ✔ ☑ and a checked box. */
const CHECK_MARKS = ["\u2705", "\u2713", "\u2714", "\u2611", "[x]", "[X]"];

/** Label words beside the policy's name that leave it a status ("Policy", "Compliance", "Status"). */
const STATUS_WORDS: ReadonlySet<string> = new Set(["policy", "compliance", "compliant", "status", "check", "rule", "blocks", "block", "coverage", "requirement"]);

/** The raw text after the label's ":" starts with a check mark (past emphasis marks and spaces). */
function checkedAfterLabel(text: string): boolean {
  const colon = text.indexOf(":");
  if (colon < 0) {
    return false;
  }
  let rest = text.slice(colon + 1);
  while (rest.startsWith("*") || rest.startsWith("_") || rest.startsWith(" ")) {
    rest = rest.slice(1);
  }
  return CHECK_MARKS.some((mark) => rest.startsWith(mark));
}

export function statusClaims(line: Line, file: string | undefined, sink: Sink): void {
  const label = line.label;
  if (label === null || !checkedAfterLabel(line.text)) {
    return;
  }
  const words = wordsOf(line.toks, 0, label.end);
  if (words === null || words.length === 0) {
    return;
  }
  const rest = words.filter((word) => !STATUS_WORDS.has(word));
  const noMocks = (rest.length === 2 && NO_ZERO.has(rest[0]!) && MOCK_WORDS.has(rest[1]!)) || (rest.length === 1 && MOCK_FREE.has(rest[0]!));
  const bvj = rest.length === 1 && (rest[0] === "bvj" || rest[0] === "bvjs");
  if (noMocks || bvj) {
    sink.add(line, 0, noMocks ? "noMocksPercent" : "bvjPercent", 100, false, { file });
  }
}
