/** One report line made ready for the claim patterns: markup off, cut into tokens, its label found. */
import { classifyLabel, type Label } from "./labels.js";
import { normalize, stripMarkers } from "./markup.js";
import { tokenize, type Tok } from "./tokens.js";

export interface Line {
  /** 1-based line number in the report. */
  no: number;
  /** The line as written, trimmed: what a claim quotes. */
  text: string;
  /** Heading level, 0 when the line is no heading. */
  heading: number;
  toks: Tok[];
  label: Label | null;
}

/** The first ":" among a line's first tokens ends its label when a space or the line's end follows it. */
const LABEL_MAX_END = 12;

export function parseLine(raw: string, no: number): Line {
  const { heading, content } = stripMarkers(normalize(raw));
  const toks = tokenize(content);
  let label: Label | null = null;
  for (let i = 1; i < toks.length && i <= LABEL_MAX_END; i += 1) {
    const t = toks[i]!;
    if (t.kind === "punct" && t.text === ":") {
      const next = toks[i + 1];
      if (next === undefined || next.space) {
        label = classifyLabel(toks, i);
      }
      break;
    }
  }
  return { no, text: raw.trim(), heading, toks, label };
}
