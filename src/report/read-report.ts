/**
 * Reads a written report the way its readers' editors do: UTF-8 with or without a byte order mark,
 * or UTF-16 (PowerShell's `>` writes UTF-16 LE with a BOM; some tools write it without one). A report
 * that is none of these, holds binary data or is too large is refused with a message, never read as
 * "no claims": a CI step must not pass a report it could not read.
 *
 * At most `maxBytes + 1` bytes are ever read, so `/dev/zero` or a huge file costs no more memory
 * than the limit.
 */
import { closeSync, openSync, readSync } from "node:fs";

export type ReportEncoding = "utf-8" | "utf-8 with BOM" | "utf-16le" | "utf-16le with BOM" | "utf-16be" | "utf-16be with BOM" | "empty";

export interface ReadReport {
  text: string;
  encoding: ReportEncoding;
  bytes: number;
}

/** Written audit reports are a few to a few hundred kilobytes; 2 MiB leaves room without inviting abuse. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

/** The report exists but cannot be read as text (exit code 3). */
export class ReportReadError extends Error {}

/** The first `limit + 1` bytes of a file (or device, or pipe), read in chunks. */
export function readAtMost(path: string, limit: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(64 * 1024);
    while (total <= limit) {
      const read = readSync(fd, chunk, 0, Math.min(chunk.length, limit + 1 - total), null);
      if (read === 0) {
        break;
      }
      chunks.push(Buffer.from(chunk.subarray(0, read)));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** UTF-16 without a BOM: text in the Latin range has a zero byte in every other position. */
function utf16ByZeros(bytes: Buffer): "utf-16le" | "utf-16be" | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) {
    return null;
  }
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) {
      evenZeros += 1;
    }
    if (bytes[index + 1] === 0) {
      oddZeros += 1;
    }
  }
  const pairs = sample / 2;
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) {
    return "utf-16le";
  }
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) {
    return "utf-16be";
  }
  return null;
}

function decode(bytes: Uint8Array, label: "utf-8" | "utf-16le" | "utf-16be", what: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ReportReadError(`${what} is not valid ${label.toUpperCase()} text: save the report as UTF-8 (or UTF-16 with a byte order mark).`);
  }
}

/** Control characters other than tab, line ends and form feed: a text file has none. */
function controlCharacter(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0x7f) {
      return index;
    }
  }
  return -1;
}

/** The report's text and how it was encoded; throws ReportReadError when it is not readable text. */
export function decodeReport(bytes: Buffer, what: string, maxBytes = MAX_REPORT_BYTES): ReadReport {
  if (bytes.length > maxBytes) {
    throw new ReportReadError(`${what} is larger than ${maxBytes} bytes; a written audit report is far smaller (is this the right file?).`);
  }
  if (bytes.length === 0) {
    return { text: "", encoding: "empty", bytes: 0 };
  }
  let text: string;
  let encoding: ReportEncoding;
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4) {
    throw new ReportReadError(`${what} is UTF-32, which testaudit does not read: save the report as UTF-8.`);
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = decode(bytes.subarray(3), "utf-8", what);
    encoding = "utf-8 with BOM";
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = decode(bytes.subarray(2), "utf-16le", what);
    encoding = "utf-16le with BOM";
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decode(bytes.subarray(2), "utf-16be", what);
    encoding = "utf-16be with BOM";
  } else {
    const utf16 = utf16ByZeros(bytes);
    if (utf16 !== null && bytes.length % 2 === 0) {
      text = decode(bytes, utf16, what);
      encoding = utf16;
    } else {
      const zero = bytes.indexOf(0);
      if (zero >= 0) {
        throw new ReportReadError(`${what} holds binary data (a zero byte at offset ${zero}), not a written report.`);
      }
      text = decode(bytes, "utf-8", what);
      encoding = "utf-8";
    }
  }
  const control = controlCharacter(text);
  if (control >= 0) {
    const line = text.slice(0, control).split("\n").length;
    throw new ReportReadError(`${what} holds binary data (character U+${text.charCodeAt(control).toString(16).toUpperCase().padStart(4, "0")} on line ${line}), not a written report.`);
  }
  return { text, encoding, bytes: bytes.length };
}

/** Reads and decodes the report at `path`; a missing or unreadable file is a ReportReadError too. */
export function readReport(path: string, maxBytes = MAX_REPORT_BYTES): ReadReport {
  let bytes: Buffer;
  try {
    bytes = readAtMost(path, maxBytes);
  } catch (error) {
    throw new ReportReadError(`cannot read the report ${path}: ${(error as Error).message}`);
  }
  return decodeReport(bytes, `the report ${path}`, maxBytes);
}
