/**
 * What the human-readable formats list from the file reports (the mocks that reach tests from outside
 * them, the exemptions, the skipped tests), gathered in one pass over the files with each format's own
 * per-file row: an audit's file reports are read back from disk, and each pass reads them all.
 */
import type { ExemptionReport, FileReport } from "../report-types.js";
import { HiddenMockRows, type HiddenMockRow } from "./hidden-mocks.js";

export interface FileSections {
  hiddenMocks: HiddenMockRow[];
  exemptions: { path: string; exemption: ExemptionReport }[];
  /** Every skipped test, where it is and why: what a reader checks before trusting a pass rate. */
  skipped: { place: string; id: string; reason: string }[];
}

/** The sections of `files`; `eachFile` is told of every file on the way, in order. */
export function readFileSections(files: Iterable<FileReport>, eachFile: (file: FileReport) => void): FileSections {
  const hidden = new HiddenMockRows();
  const sections: FileSections = { hiddenMocks: [], exemptions: [], skipped: [] };
  for (const file of files) {
    eachFile(file);
    hidden.add(file);
    for (const exemption of file.exemptions) {
      sections.exemptions.push({ path: file.path, exemption });
    }
    for (const test of file.tests) {
      if (test.skipped) {
        sections.skipped.push({ place: `${file.path}:${test.line}`, id: test.id, reason: test.skipReason ?? "(no reason given)" });
      }
    }
  }
  sections.hiddenMocks = hidden.rows();
  return sections;
}
