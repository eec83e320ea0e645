/**
 * Python source text as CPython decodes it. ESLint reads every file as UTF-8 (a BOM removed), but
 * CPython honours a PEP 263 coding cookie (`# -*- coding: latin-1 -*-`) on the first or second line,
 * and rejects bytes that are not valid in the file's encoding. When the cookie names another encoding,
 * or the file holds bytes that are not UTF-8, the file's bytes are read again and decoded as CPython
 * would; a file CPython cannot decode gets one located error naming the problem.
 */
import { readFileSync } from "node:fs";
import type { File } from "@eslint/core";

export interface DecodingError {
  message: string;
  /** 1-based. */
  line: number;
  /** 0-based, UTF-16 code units. */
  column: number;
}

export type DecodedSource = { ok: true; text: string } | { ok: false; error: DecodingError };

/**
 * The name CPython's tokenizer gives a cookie's encoding (`get_normal_name`): its UTF-8 and Latin-1
 * spellings made one; any other as written.
 */
function normalName(name: string): string {
  const lower = name.slice(0, 12).toLowerCase().replaceAll("_", "-");
  if (lower === "utf-8" || lower.startsWith("utf-8-")) {
    return "utf-8";
  }
  if (/^(?:latin-1|iso-8859-1|iso-latin-1)(?:-|$)/u.test(lower)) {
    return "iso-8859-1";
  }
  return name;
}

/** PEP 263's pattern, on a comment-only line. */
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/u;

/** CPython's spellings of UTF-8 (codec names are compared lowercased, `_` as `-`). */
const UTF8_NAMES = new Set(["utf-8", "utf8", "u8", "utf", "cp65001"]);

/** CPython codec names, normalized, that Node decodes byte for byte: Python's latin-1 is ISO-8859-1 exactly, not windows-1252. */
const LATIN1_NAMES = new Set(["latin-1", "latin1", "latin", "l1", "iso-8859-1", "iso8859-1", "8859", "cp819", "iso-ir-100", "csisolatin1"]);

/** CPython codec names whose WHATWG label differs (the rest are tried as written). */
const WHATWG_LABELS = new Map([
  ["cp1250", "windows-1250"], ["cp1251", "windows-1251"], ["cp1252", "windows-1252"], ["cp1253", "windows-1253"],
  ["cp1254", "windows-1254"], ["cp1255", "windows-1255"], ["cp1256", "windows-1256"], ["cp1257", "windows-1257"],
  ["cp1258", "windows-1258"], ["cp866", "ibm866"], ["euc-jp", "euc-jp"], ["eucjp", "euc-jp"], ["ujis", "euc-jp"],
  ["shift-jis", "shift_jis"], ["sjis", "shift_jis"], ["s-jis", "shift_jis"], ["cp932", "shift_jis"], ["ms932", "shift_jis"],
  ["mac-roman", "macintosh"], ["macroman", "macintosh"], ["koi8-r", "koi8-r"], ["koi8-u", "koi8-u"], ["euc-kr", "euc-kr"],
  ["cp949", "euc-kr"], ["gb2312", "gbk"], ["gbk", "gbk"], ["cp936", "gbk"], ["gb18030", "gb18030"], ["big5", "big5"], ["cp950", "big5"],
]);

/** Encodings CPython refuses for source files even though it knows them: they are not ASCII-compatible. */
const NOT_SOURCE_ENCODINGS = /^(?:utf-?16|utf-?32|utf-?7)(?:-?[bl]e)?$/u;

interface Cookie {
  /** As written in the file. */
  name: string;
  /** Lowercased, `_` as `-`. */
  normalized: string;
  line: number;
  column: number;
}

/** The coding cookie on the first line, or on the second when the first is a comment or blank. */
function findCookie(text: string): Cookie | null {
  const firstEnd = lineEnd(text, 0);
  const lines = [text.slice(0, firstEnd)];
  const first = lines[0]!;
  if (/^[ \t\f]*(?:#.*)?$/u.test(first)) {
    const secondStart = firstEnd + (text.startsWith("\r\n", firstEnd) ? 2 : 1);
    if (secondStart <= text.length) {
      lines.push(text.slice(secondStart, lineEnd(text, secondStart)));
    }
  }
  for (const [index, line] of lines.entries()) {
    const match = COOKIE.exec(line);
    if (match) {
      const name = match[1]!;
      return { name, normalized: name.toLowerCase().replaceAll("_", "-"), line: index + 1, column: match[0].length - name.length };
    }
  }
  return null;
}

function lineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) {
      return index;
    }
  }
  return text.length;
}

/** The line and column of `index` in `text`, lines ending at "\n", "\r\n" or a lone "\r". */
function positionIn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < index; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) {
      line += 1;
      lineStart = at + 1;
    }
  }
  return { line, column: index - lineStart };
}

/** Where byte `offset` of `bytes` stands as a line and a column of the text before it, decoded with `decode`. */
function locate(bytes: Buffer, offset: number, decode: (bytes: Buffer) => string): { line: number; column: number } {
  const before = decode(bytes.subarray(0, offset));
  return positionIn(before, before.length);
}

/** The first byte that does not start a valid UTF-8 sequence and why, or null. */
function firstInvalidUtf8(bytes: Buffer): { offset: number; reason: string } | null {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    let length: number;
    let min: number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return { offset: index, reason: "invalid start byte" };
    }
    let codePoint = lead & (0xff >> (length + 1));
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined) {
        return { offset: index, reason: "unexpected end of data" };
      }
      if ((byte & 0xc0) !== 0x80) {
        return { offset: index, reason: "invalid continuation byte" };
      }
      codePoint = (codePoint << 6) | (byte & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      return { offset: index, reason: "invalid continuation byte" };
    }
    index += length;
  }
  return null;
}

function hexByte(byte: number): string {
  return `0x${byte.toString(16).padStart(2, "0")}`;
}

interface Codec {
  /** Decodes all the bytes, or throws a DecodeFailure at the first byte the encoding refuses. */
  decode: (bytes: Buffer) => string;
  /** Decodes bytes known to be valid (a prefix before a refused byte). */
  decodeValid: (bytes: Buffer) => string;
}

class DecodeFailure extends Error {
  readonly offset: number;

  constructor(offset: number, message: string) {
    super(message);
    this.offset = offset;
  }
}

/** The codec of the cookie's encoding, or null when Node does not know it. */
function codecFor(normalized: string): Codec | null {
  const latin1 = (bytes: Buffer): string => bytes.toString("latin1");
  if (LATIN1_NAMES.has(normalized)) {
    return { decode: latin1, decodeValid: latin1 };
  }
  if (normalized === "ascii" || normalized === "us-ascii" || normalized === "646") {
    const decode = (bytes: Buffer): string => {
      const invalid = bytes.findIndex((byte) => byte > 0x7f);
      if (invalid !== -1) {
        throw new DecodeFailure(invalid, `'ascii' codec can't decode byte ${hexByte(bytes[invalid]!)} in position ${invalid}: ordinal not in range(128)`);
      }
      return latin1(bytes);
    };
    return { decode, decodeValid: latin1 };
  }
  const label = WHATWG_LABELS.get(normalized) ?? normalized;
  try {
    new TextDecoder(label);
  } catch {
    return null;
  }
  /** Whether the first `length` bytes decode, an unfinished sequence at their end allowed. */
  const decodes = (bytes: Buffer, length: number): boolean => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  return {
    decode(bytes) {
      try {
        return new TextDecoder(label, { fatal: true }).decode(bytes);
      } catch {
        // The longest prefix that decodes ends where the refused byte starts.
        let low = 0;
        let high = bytes.length;
        while (low < high) {
          const middle = (low + high + 1) >> 1;
          if (decodes(bytes, middle)) {
            low = middle;
          } else {
            high = middle - 1;
          }
        }
        const offset = Math.min(low, bytes.length - 1);
        throw new DecodeFailure(offset, `'${normalized.replaceAll("-", "_")}' codec can't decode byte ${hexByte(bytes[offset]!)} in position ${offset}: illegal multibyte sequence`);
      }
    },
    decodeValid: (bytes) => new TextDecoder(label).decode(bytes),
  };
}

/** The file's bytes, when they are what ESLint read (not an editor's unsaved buffer), without a BOM. */
function bytesOf(file: File, text: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.physicalPath);
  } catch {
    return null;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
  }
  return bytes.toString("utf8") === text ? bytes : null;
}

export function decodePythonSource(file: File): DecodedSource {
  const text = String(file.body);
  // CPython refuses a NUL anywhere before it decodes or tokenizes (a UTF-16 file without a BOM is full of them).
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    return { ok: false, error: { message: "source code string cannot contain null bytes", ...positionIn(text, nul) } };
  }
  const cookie = findCookie(text);
  // After a BOM, CPython takes no cookie but one it reads as "utf-8" (not even "utf8").
  if (cookie && file.bom && normalName(cookie.name) !== "utf-8") {
    return { ok: false, error: { message: `encoding problem: ${normalName(cookie.name)} with BOM`, line: cookie.line, column: cookie.column } };
  }
  const utf8 = cookie === null || UTF8_NAMES.has(cookie.normalized) || cookie.normalized === "utf-8-sig";
  if (cookie && !utf8) {
    const at = { line: cookie.line, column: cookie.column };

    if (NOT_SOURCE_ENCODINGS.test(cookie.normalized)) {
      return { ok: false, error: { message: `encoding problem: ${cookie.name}`, ...at } };
    }
    if (codecFor(cookie.normalized) === null) {
      return { ok: false, error: { message: `unknown encoding: ${cookie.name}`, ...at } };
    }
  }
  // Pure ASCII reads the same in every encoding a source file may use.
  const replaced = text.includes("\uFFFD");
  if (utf8 ? !replaced : !/\P{ASCII}/u.test(text)) {
    return { ok: true, text };
  }
  const bytes = bytesOf(file, text);
  if (bytes === null) {
    return { ok: true, text };
  }
  if (utf8) {
    const invalid = firstInvalidUtf8(bytes);
    if (invalid === null) {
      return { ok: true, text };
    }
    const at = locate(bytes, invalid.offset, (part) => part.toString("utf8"));
    const undeclared = cookie ? "" : " (no encoding declared; see PEP 263)";
    const message = `(unicode error) 'utf-8' codec can't decode byte ${hexByte(bytes[invalid.offset]!)}: ${invalid.reason}${undeclared}`;
    return { ok: false, error: { message, ...at } };
  }
  // A cookie other than UTF-8's, whose codec was found above.
  const codec = codecFor(cookie.normalized)!;
  try {
    return { ok: true, text: codec.decode(bytes) };
  } catch (error) {
    if (!(error instanceof DecodeFailure)) {
      throw error;
    }
    return { ok: false, error: { message: error.message, ...locate(bytes, error.offset, codec.decodeValid) } };
  }
}
