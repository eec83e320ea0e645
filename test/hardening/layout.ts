/**
 * Source text from indented lines, laid out the ways real files are: spaces or tabs, LF or CRLF, and
 * now and then a line indented one step off (what a bad merge or a hand edit leaves).
 */
import fc from "fast-check";

/** One source line at a nesting depth. */
export interface Line {
  depth: number;
  text: string;
}

export interface Layout {
  indent: string;
  eol: string;
  /** Per line, in turn: how many steps its indentation is off (most are 0). */
  skew: number[];
  trailingNewline: boolean;
}

export const layoutArbitrary: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom("    ", "  ", "\t", " \t", "        "),
  eol: fc.oneof({ weight: 12, arbitrary: fc.constantFrom("\n", "\r\n") }, { weight: 1, arbitrary: fc.constant("\r") }),
  skew: fc.array(fc.oneof({ weight: 40, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1, 2) }), { maxLength: 30 }),
  trailingNewline: fc.boolean(),
});

export function render(lines: readonly Line[], layout: Layout): string {
  const text = lines
    .map((line, index) => {
      const skew = layout.skew.length > 0 ? layout.skew[index % layout.skew.length]! : 0;
      return layout.indent.repeat(Math.max(0, line.depth + skew)) + line.text;
    })
    .join(layout.eol);
  return layout.trailingNewline ? text + layout.eol : text;
}

/** Shifts every line of a block one level deeper. */
export function nest(lines: readonly Line[], by = 1): Line[] {
  return lines.map((line) => ({ depth: line.depth + by, text: line.text }));
}

/** Names as test code writes them, non-ASCII and odd ones included. */
export const identifierArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("client", "session", "page", "user", "data", "response", "db", "value", "x", "_") },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,11}$/u) },
  { weight: 1, arbitrary: fc.constantFrom("café", "δοκιμή", "名前", "ünïcödé", "Ωmega", "naïve_test", "z\u0301") },
);
