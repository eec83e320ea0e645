/**
 * src/report/read-report.ts: how verify decodes a report, on real files (temporary, and the devices
 * /dev/null and /dev/zero).
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeReport, MAX_REPORT_BYTES, readReport, ReportReadError } from "../../src/report/read-report.js";
import { writeTree } from "../temp-tree.js";

const folder = writeTree({}, "testaudit-read-report-");
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const TEXT = "# Audit\n- 100% NO MOCKS compliance – all 27 tests ✓\n";

function saved(name: string, bytes: Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let index = 0; index + 1 < le.length; index += 2) {
    [le[index], le[index + 1]] = [le[index + 1]!, le[index]!];
  }
  return le;
}

describe("encodings", () => {
  it.each([
    ["utf-8", Buffer.from(TEXT, "utf8")],
    ["utf-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")])],
    ["utf-16le with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")])],
    ["utf-16be with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
    ["utf-16le", Buffer.from(TEXT, "utf16le")],
    ["utf-16be", utf16be(TEXT)],
  ] as const)("%s", (encoding, bytes) => {
    expect(readReport(saved(`report-${encoding}.md`, bytes))).toEqual({ text: TEXT, encoding, bytes: bytes.length });
  });

  it("an empty file and /dev/null read as empty", () => {
    expect(readReport(saved("empty.md", Buffer.alloc(0)))).toEqual({ text: "", encoding: "empty", bytes: 0 });
    expect(readReport("/dev/null")).toEqual({ text: "", encoding: "empty", bytes: 0 });
  });
});

describe("refusals, each with its reason", () => {
  const refused = (bytes: Buffer): string => {
    try {
      decodeReport(bytes, "the report r.md");
    } catch (error) {
      expect(error).toBeInstanceOf(ReportReadError);
      return (error as Error).message;
    }
    throw new Error("read without complaint");
  };

  it("binary data", () => {
    expect(refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42]))).toContain("holds binary data");
    expect(refused(Buffer.from("# Audit\n- 12 tests\u0000\u0001\u0002", "utf8"))).toBe("the report r.md holds binary data (a zero byte at offset 18), not a written report.");
    // Control characters other than tab, line ends and form feed, in text that decodes.
    expect(refused(Buffer.from("# Audit\n- 12 tests\u0001\u0002", "utf8"))).toBe("the report r.md holds binary data (character U+0001 on line 2), not a written report.");
    // UTF-16 text whose code units are controls: decoded, then refused.
    expect(refused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ok\u0003", "utf16le")]))).toBe("the report r.md holds binary data (character U+0003 on line 1), not a written report.");
  });

  it("text that is not UTF-8 (Latin-1), and UTF-32", () => {
    expect(refused(Buffer.from("100% conformit\u00e9 - 12 tests\n", "latin1"))).toBe("the report r.md is not valid UTF-8 text: save the report as UTF-8 (or UTF-16 with a byte order mark).");
    expect(refused(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toBe("the report r.md is UTF-32, which testaudit does not read: save the report as UTF-8.");
  });

  it("a report over the limit, and /dev/zero, read no further than the limit", () => {
    const big = saved("big.md", Buffer.alloc(4 * 1024 * 1024, "- 12 tests across 3 files\n"));
    expect(() => readReport(big)).toThrow(`the report ${big} is larger than ${MAX_REPORT_BYTES} bytes`);
    const started = performance.now();
    expect(() => readReport("/dev/zero")).toThrow("the report /dev/zero is larger than");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("a missing file and a folder", () => {
    expect(() => readReport(join(folder, "missing.md"))).toThrow(/cannot read the report .*missing\.md: ENOENT/u);
    expect(() => readReport(folder)).toThrow(/cannot read the report .*: EISDIR/u);
  });
});
