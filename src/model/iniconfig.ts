/**
 * INI files read as pytest reads them: with `iniconfig` (1.1 as pytest 7.2 uses it, and 2.x as pytest
 * 8 and 9 call it, with `strip_inline_comments=False`), which is not Python's configparser:
 * - a line whose first non-blank character is `#` or `;` is a comment, wherever it stands;
 * - `[name]` opens a section; a `#` or `;` comment may follow the `]`; the name is not trimmed;
 * - `key = value` or `key: value` (split at the first `=` unless a `:` comes before it); key and value
 *   are trimmed, and a `#` or `;` later in the value is part of the value, not a comment;
 * - an indented line continues the previous value, joined with a newline (blank and comment lines in
 *   between are skipped); an empty value is replaced by its first continuation line;
 * - a key outside any section, an indented line after a section header or at the top, a line that is
 *   none of these, a repeated section or a repeated key in a section are errors.
 */

/** An error iniconfig raises (pytest then stops), with its 1-based line. */
export class IniSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Section name → key → value, in file order. */
export type IniSections = Map<string, Map<string, string>>;

/** Python's white space (`str.isspace`, `strip`), which is not JavaScript's `\s`: no U+FEFF, but U+001C–U+001F and U+0085. */
const SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const LEADING_SPACE = new RegExp(`^${SPACE}+`, "u");
const TRAILING_SPACE = new RegExp(`${SPACE}+$`, "u");
const IS_SPACE = new RegExp(`^${SPACE}$`, "u");

const rstrip = (text: string): string => text.replace(TRAILING_SPACE, "");
const strip = (text: string): string => rstrip(text.replace(LEADING_SPACE, ""));

const ESCAPES: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** Characters Python's `repr` writes as escapes: those `str.isprintable` rejects (other than the space). */
const NOT_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python's `repr` of a string, as iniconfig's messages quote a line or a name. */
function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === "\\") {
      body += `\\${char}`;
    } else if (ESCAPES[char] !== undefined) {
      body += ESCAPES[char];
    } else if (char !== " " && NOT_PRINTABLE.test(char)) {
      const [prefix, digits] = code < 0x100 ? ["x", 2] : code < 0x10000 ? ["u", 4] : ["U", 8];
      body += `\\${prefix}${code.toString(16).padStart(digits, "0")}`;
    } else {
      body += char;
    }
  }
  return `${quote}${body}${quote}`;
}

type ParsedLine = { kind: "blank" } | { kind: "section"; name: string } | { kind: "value"; key: string; value: string } | { kind: "continuation"; text: string };

function parseLine(rawLine: string, line: number): ParsedLine {
  // iniconfig's `iscommentline`: the first character after leading white space is `#` or `;` (or there is none).
  const text = "#;".includes(rawLine.replace(LEADING_SPACE, "").slice(0, 1)) ? "" : rstrip(rawLine);
  if (text === "") {
    return { kind: "blank" };
  }
  if (text.startsWith("[")) {
    const header = rstrip(rstrip(text.split("#")[0]!).split(";")[0]!);
    // A `[` line without its `]` is read as a continuation line, as iniconfig does.
    return header.endsWith("]") ? { kind: "section", name: header.slice(1, -1) } : { kind: "continuation", text: strip(text) };
  }
  if (IS_SPACE.test(text[0]!)) {
    return { kind: "continuation", text: strip(text) };
  }
  const equals = text.indexOf("=");
  const separator = equals !== -1 && !text.slice(0, equals).includes(":") ? equals : text.indexOf(":");
  if (separator === -1) {
    throw new IniSyntaxError(`unexpected line: ${pythonRepr(text)}`, line);
  }
  return { kind: "value", key: strip(text.slice(0, separator)), value: strip(text.slice(separator + 1)) };
}

interface Entry {
  line: number;
  section: string | null;
  /** null for a section header. */
  key: string | null;
  value: string;
}

/** Parses `text` as iniconfig does, or throws an IniSyntaxError (the first one iniconfig would raise). */
export function parseIni(text: string): IniSections {
  // iniconfig reads every line first, then builds the sections: an error of the lines is raised before
  // one of the structure (no section, a repeated section or key), wherever they stand.
  const entries: Entry[] = [];
  let section: string | null = null;
  // Python's file iteration in text mode: universal newlines.
  const lines = text.split(/\r\n|\r|\n/u);
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const parsed = parseLine(lines[index]!, line);
    if (parsed.kind === "section") {
      if (parsed.name === "") {
        throw new IniSyntaxError("empty section name", line);
      }
      section = parsed.name;
      entries.push({ line, section, key: null, value: "" });
    } else if (parsed.kind === "value") {
      entries.push({ line, section, key: parsed.key, value: parsed.value });
    } else if (parsed.kind === "continuation") {
      const last = entries.at(-1);
      if (last === undefined || last.key === null) {
        throw new IniSyntaxError("unexpected value continuation", line);
      }
      last.value = last.value === "" ? parsed.text : `${last.value}\n${parsed.text}`;
    }
  }
  const sections: IniSections = new Map();
  for (const entry of entries) {
    if (entry.section === null) {
      throw new IniSyntaxError("no section header defined", entry.line);
    }
    if (entry.key === null) {
      if (sections.has(entry.section)) {
        throw new IniSyntaxError(`duplicate section ${pythonRepr(entry.section)}`, entry.line);
      }
      sections.set(entry.section, new Map());
      continue;
    }
    const values = sections.get(entry.section)!;
    if (values.has(entry.key)) {
      throw new IniSyntaxError(`duplicate name ${pythonRepr(entry.key)}`, entry.line);
    }
    values.set(entry.key, entry.value);
  }
  return sections;
}
