/** Every claim matcher run over one line, given the section the line is in. */
import { distinctFiles, isTestFileName } from "./file-names.js";
import { inlineFileClaims, sectionFileClaims } from "./file-claims.js";
import type { Line } from "./line.js";
import { lineLimitClaims } from "./line-limit-claims.js";
import { percentClaims } from "./percent-claims.js";
import type { Section } from "./sections.js";
import type { Sink } from "./sink.js";
import { totalClaims } from "./total-claims.js";
import { universalClaims } from "./universal-claims.js";

/** `section`: null outside any file's section, where totals are read instead of per-file counts. */
export function lineClaims(line: Line, section: Section | null, sink: Sink): void {
  const toks = line.toks;
  if (toks.length === 0) {
    return;
  }
  // The tokens a claim has taken as its number: the matchers run in this order and skip them.
  const used = new Uint8Array(toks.length);
  lineLimitClaims(line, used, sink);
  inlineFileClaims(line, used, sink);
  const lineFiles = distinctFiles(toks);
  if (section === null) {
    totalClaims(line, used, sink);
  } else if (section.file !== null && lineFiles.length === 0 && line.heading === 0) {
    sectionFileClaims(line, section.file, used, sink);
  }
  // A policy claim belongs to the one test file named before it on the line, else to the section's file.
  let file: string | undefined;
  let blocked = false;
  const testFiles = lineFiles.filter((f) => isTestFileName(f));
  if (testFiles.length > 1) {
    blocked = true;
  } else if (testFiles.length === 1) {
    file = testFiles[0];
  } else if (section !== null) {
    if (section.file === null) {
      blocked = true;
    } else {
      file = section.file;
    }
  }
  percentClaims(line, file, blocked, used, sink);
  universalClaims(line, file, blocked, sink);
}
