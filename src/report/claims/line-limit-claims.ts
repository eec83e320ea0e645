/** "12 test files exceed the 300 line limit", "Test files over 300 lines: 12". */
import { filesNounAt, neutralCounts } from "./count-phrases.js";
import { countFrom } from "./counts.js";
import type { Line } from "./line.js";
import { limitSpecAt, overPhraseAt } from "./limits.js";
import type { Sink } from "./sink.js";
import { isPunctIn, isWord } from "./tokens.js";

export function lineLimitClaims(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  const label = line.label;
  if (label?.limit !== undefined) {
    const c = countFrom(toks, label.end + 1);
    if (c !== null) {
      const t = toks[c.next];
      if (t === undefined || isPunctIn(t, "(.,") || isWord(t, "files")) {
        sink.add(line, c.num, "filesOverLineLimit", c.value, c.approx, { limit: label.limit });
        used[c.num] = 1;
      }
    }
    return;
  }
  if (label !== null && label.kind !== "neutral") {
    return;
  }
  const floor = label === null ? 0 : label.end + 1;
  for (const c of neutralCounts(toks, floor, used)) {
    const fn = filesNounAt(toks, c.next, false);
    const over = fn < 0 ? -1 : overPhraseAt(toks, fn);
    const lim = over < 0 ? null : limitSpecAt(toks, over);
    if (lim !== null) {
      sink.add(line, c.num, "filesOverLineLimit", c.value, c.approx, { limit: lim.limit });
      used[c.num] = 1;
    }
  }
}
