/** The block structure of a report: its lines, indentation, code fences, thematic breaks and table rows. */

export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(text.slice(from, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        i += 1;
      }
      from = i + 1;
    }
  }
  lines.push(text.slice(from));
  return lines;
}

export function indentOf(raw: string): number {
  let n = 0;
  for (const c of raw) {
    if (c === " ") {
      n += 1;
    } else if (c === "\t") {
      n += 4;
    } else {
      break;
    }
  }
  return n;
}

/** The fence character ("`" or "~") when a trimmed line opens or closes a code block, else null. */
export function fenceOf(trimmed: string): string | null {
  let s = trimmed;
  while (s.startsWith(">")) {
    s = s.slice(1).trimStart();
  }
  if (s.startsWith("```")) {
    return "`";
  }
  if (s.startsWith("~~~")) {
    return "~";
  }
  return null;
}

/** "---", "***", "===", a rule of box-drawing characters. */
export function isThematicBreak(trimmed: string): boolean {
  if (trimmed.length < 3) {
    return false;
  }
  let mark = "";
  let count = 0;
  for (const ch of trimmed) {
    const c = ch.charCodeAt(0);
    if (ch === " " || ch === "\t") {
      continue;
    }
    const box = c >= 0x2500 && c <= 0x257f;
    const key = box ? "box" : ch;
    if (!(box || ch === "-" || ch === "*" || ch === "_" || ch === "=")) {
      return false;
    }
    if (mark === "") {
      mark = key;
    } else if (mark !== key) {
      return false;
    }
    count += 1;
  }
  return count >= 3;
}

/** A table row's cells, trimmed, without the outer pipes. */
export function splitRow(raw: string): string[] {
  let s = raw.trim();
  if (s.startsWith("|")) {
    s = s.slice(1);
  }
  if (s.endsWith("|") && !s.endsWith("\\|")) {
    s = s.slice(0, -1);
  }
  return s.split("|").map((c) => c.trim());
}

/** The "|---|:--:|" row under a table's header. */
export function isSeparatorRow(raw: string): boolean {
  const s = raw.trim();
  if (s.length < 3 || !s.includes("-") || (!s.includes("|"))) {
    return false;
  }
  for (const c of s) {
    if (c !== "|" && c !== "-" && c !== ":" && c !== " " && c !== "\t") {
      return false;
    }
  }
  return true;
}
