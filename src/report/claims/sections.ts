/**
 * Which file the lines of a report are about. A heading that names one file gives it to the lines
 * below until a heading of the same or a higher level, another file's heading or a thematic break
 * ("---", "==="); a line naming only a file ("**2. tests/test_db.py**", "File: x.py", "Test Suite:
 * test_x.py") works like a heading below all the others (it also ends at a line indented less than
 * itself); a list item that starts with a file covers the more deeply indented lines under it. A
 * section whose heading names several files gives its lines no file and no totals.
 */
import { distinctFiles, soleFile } from "./file-names.js";
import type { Line } from "./line.js";
import { allIn, isPunctIn, wordsOf } from "./tokens.js";
import { FILE_START_LABEL } from "./vocabulary.js";

export interface Section {
  /** The file the section is about; null when its heading names several. */
  file: string | null;
  /** Heading level; a line naming only a file ("**tests/test_x.py**", "File: x.py") is level 7. */
  level: number;
  /** For level 7 and list items: the indentation of the line that named the file. */
  indent: number;
}

/** Heading level of a line that names only a file, like a heading would. */
const PSEUDO_HEADING = 7;

/**
 * A line that starts by naming a file ("- tests/test_x.py: 18 tests", "**2. tests/test_x.py**",
 * "File: `src/x.py`") → the files it names, and whether it names nothing else (then it reads as a
 * heading for the lines after it).
 */
function fileStart(line: Line): { files: string[]; only: boolean } | null {
  const toks = line.toks;
  let k = 0;
  if (line.label !== null && line.label.end <= 3) {
    const words = wordsOf(toks, 0, line.label.end);
    if (words !== null && words.length > 0 && allIn(words, FILE_START_LABEL)) {
      k = line.label.end + 1;
    }
  }
  if (toks[k]?.kind !== "file") {
    return null;
  }
  let only = true;
  const next = toks[k + 1];
  if (next !== undefined && !isPunctIn(next, "(-:[")) {
    only = false;
  }
  for (let i = k + 1; only && i < toks.length; i += 1) {
    const t = toks[i]!;
    if (t.kind === "num" || t.kind === "ratio" || t.kind === "file") {
      only = false;
    }
  }
  return { files: distinctFiles(toks), only };
}

/** The section (and list item) the report's lines are in, fed line by line. */
export class Sections {
  private section: Section | null = null;
  private item: Section | null = null;

  /** What the current line is about: its list item's file, else its section's. */
  current(): Section | null {
    return this.item ?? this.section;
  }

  /** A thematic break ends every section. */
  break(): void {
    this.section = null;
    this.item = null;
  }

  /** A non-blank line at `indent` ends the list item it is not under, and a pseudo-heading's section it is left of. */
  indentTo(indent: number): void {
    if (this.item !== null && indent <= this.item.indent) {
      this.item = null;
    }
    if (this.section !== null && this.section.level === PSEUDO_HEADING && indent < this.section.indent) {
      this.section = null;
    }
  }

  /** A heading, or a line that starts with a file, may open a section or a list item. */
  enter(line: Line, indent: number): void {
    if (line.heading > 0) {
      this.item = null;
      const files = distinctFiles(line.toks);
      if (files.length > 0) {
        this.section = { file: soleFile(files), level: line.heading, indent };
      } else if (this.section !== null && line.heading <= this.section.level) {
        this.section = null;
      }
      return;
    }
    const start = fileStart(line);
    if (start === null) {
      return;
    }
    const named: Section = { file: soleFile(start.files), level: PSEUDO_HEADING, indent };
    if (start.only) {
      this.section = named;
      this.item = null;
    } else {
      this.item = named;
    }
  }
}
