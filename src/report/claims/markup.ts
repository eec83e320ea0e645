/** One line's inline markup and its block markers taken off, so that only its words are left to tokenize. */
import { isDigit, isLetter } from "./chars.js";
import { unobfuscate } from "./unobfuscate.js";

function isAlnum(c: number): boolean {
  return isDigit(c) || isLetter(c);
}

/**
 * A run of emphasis marks ("**", "_") from `i`: where it ends, and whether it splits one number or
 * word ("1**0**0%", "MO**CKS**", "1__0__0"), which a reader reads whole. Underscores only split
 * numbers: between letters they belong to snake_case names.
 */
function emphasisRun(s: string, i: number): { end: number; splits: boolean } {
  const mark = s.charCodeAt(i);
  let end = i;
  while (end < s.length && s.charCodeAt(end) === mark) {
    end += 1;
  }
  const before = s.charCodeAt(i - 1);
  const after = s.charCodeAt(end);
  const splits = mark === 95 /* _ */ ? isDigit(before) && isDigit(after) : isAlnum(before) && isAlnum(after);
  return { end, splits };
}

/**
 * Markup and decoration out, plain ASCII in: look-alike and compatibility characters folded
 * (unobfuscate.ts), emphasis and code marks, emoji, check marks and their mojibake become spaces
 * (emphasis inside a number or word is dropped instead); dashes become " - "; "≈", "≥", "≤" become
 * "~"; "~~" (strikethrough) goes.
 */
export function normalize(line: string): string {
  const raw = unobfuscate(line);
  let out = "";
  const n = raw.length;
  for (let i = 0; i < n; i += 1) {
    const c = raw.charCodeAt(i);
    if (c === 42 /* * */ || c === 95 /* _ */) {
      const run = emphasisRun(raw, i);
      if (!run.splits) {
        out += (c === 42 ? " " : "_").repeat(run.end - i);
      }
      i = run.end - 1;
    } else if (c === 96 /* ` */ || c === 9 /* tab */) {
      out += " ";
    } else if (c === 126 /* ~ */ && raw.charCodeAt(i + 1) === 126) {
      out += " ";
      i += 1;
    } else if (c === 92 /* \ */ && i + 1 < n && "_*#|[]()~>+-.!`\\".includes(raw[i + 1] ?? "")) {
      out += raw[i + 1]!;
      i += 1;
    } else if (c < 128) {
      out += raw[i]!;
    } else if (c === 0x2248 || c === 0x2265 || c === 0x2264 || c === 0x223c || c === 0xff5e) {
      out += "~";
    } else if (c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 0x2212) {
      out += " - ";
    } else {
      out += " ";
    }
  }
  return out;
}

/** Blockquote, heading, bullet, checkbox and enumerator markers off the front of a normalized line. */
export function stripMarkers(s: string): { heading: number; content: string } {
  let p = 0;
  const n = s.length;
  const skipSpaces = (): void => {
    while (p < n && s.charCodeAt(p) === 32) {
      p += 1;
    }
  };
  skipSpaces();
  while (p < n && s[p] === ">") {
    p += 1;
    skipSpaces();
  }
  let heading = 0;
  if (s[p] === "#") {
    let q = p;
    while (q < n && s[q] === "#" && q - p < 7) {
      q += 1;
    }
    if (q - p <= 6 && (q === n || s[q] === " ")) {
      heading = q - p;
      p = q;
      skipSpaces();
    }
  }
  for (let round = 0; round < 4; round += 1) {
    const c = s[p];
    const after = (k: number): boolean => p + k >= n || s[p + k] === " ";
    if ((c === "-" || c === "+") && after(1)) {
      p += 1;
    } else if (c === "[" && s[p + 2] === "]" && (s[p + 1] === " " || s[p + 1] === "x" || s[p + 1] === "X")) {
      p += 3;
    } else if (c !== undefined && isDigit(c.charCodeAt(0))) {
      let q = p;
      while (q < n && q - p < 4 && isDigit(s.charCodeAt(q))) {
        q += 1;
      }
      if (q - p <= 3 && (s[q] === "." || s[q] === ")") && (q + 1 >= n || s[q + 1] === " ")) {
        p = q + 1;
      } else {
        break;
      }
    } else if (c !== undefined && isLetter(c.charCodeAt(0)) && (s[p + 1] === "." || s[p + 1] === ")") && after(2)) {
      p += 2;
    } else if (c === "(" && s[p + 2] === ")" && s[p + 1] !== undefined && (isLetter(s.charCodeAt(p + 1)) || isDigit(s.charCodeAt(p + 1))) && after(3)) {
      p += 3;
    } else {
      break;
    }
    skipSpaces();
  }
  return { heading, content: s.slice(p) };
}
