/** Every claim matcher run over one line, given the section the line is in. */
import { codeSizeClaims } from "./code-size-claims.js";
import { distinctFiles, isTestFileName } from "./file-names.js";
import { inlineFileClaims, sectionFileClaims } from "./file-claims.js";
import type { Line } from "./line.js";
import { lineLimitClaims } from "./line-limit-claims.js";
import { parenClaims } from "./paren-claims.js";
import { percentClaims } from "./percent-claims.js";
import { referenceClaims } from "./reference-claims.js";
import { resultClaims } from "./result-claims.js";
import type { Section } from "./sections.js";
import { shareClaims, type ShareContext } from "./share-claims.js";
import type { Sink } from "./sink.js";
import { statusClaims } from "./status-claims.js";
import { isWord, isWordIn } from "./tokens.js";
import { totalClaims } from "./total-claims.js";
import { universalClaims } from "./universal-claims.js";
import { SCOPE_AFTER_THIS, SCOPE_WORDS } from "./vocabulary.js";

/** What the whole report says that changes how a line reads. */
export type ReportContext = ShareContext;

/** "changed" when the line speaks of new, added or proposed tests, or of this session's. */
function lineScope(line: Line): "changed" | undefined {
  const toks = line.toks;
  for (let k = 0; k < toks.length; k += 1) {
    if (isWordIn(toks[k], SCOPE_WORDS) || (isWord(toks[k], "this") && isWordIn(toks[k + 1], SCOPE_AFTER_THIS))) {
      return "changed";
    }
  }
  return undefined;
}

/** `section`: null outside any file's section, where totals are read instead of per-file counts. */
export function lineClaims(line: Line, section: Section | null, sink: Sink, context: ReportContext): void {
  const toks = line.toks;
  if (toks.length === 0) {
    return;
  }
  sink.scope = lineScope(line);
  // The tokens a claim has taken as its number: the matchers run in this order and skip them.
  const used = new Uint8Array(toks.length);
  lineLimitClaims(line, used, sink);
  referenceClaims(line, used, sink);
  if (section === null) {
    shareClaims(line, used, sink, context);
    parenClaims(line, used, sink);
  }
  inlineFileClaims(line, used, sink);
  const lineFiles = distinctFiles(toks);
  codeSizeClaims(line, section?.file ?? null, section !== null, used, sink);
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
  if (!blocked) {
    resultClaims(line, file, section !== null, used, sink);
  }
  percentClaims(line, file, blocked, used, sink);
  universalClaims(line, file, blocked, sink);
  if (!blocked) {
    statusClaims(line, file, sink);
  }
  sink.scope = undefined;
}
