/**
 * A line's characters as a reader takes them: compatibility forms folded (NFKC: full-width digits and
 * letters, ligatures, "ℕ"), invisible characters dropped (zero-width spaces and joiners, soft hyphens,
 * bidirectional controls), and Cyrillic or Greek letters that look like Latin ones read as Latin
 * in a word made only of Latin letters and look-alikes ("NO MОCKS" with a Cyrillic О reads "NO
 * MOCKS"). A word with any other letter of its own script ("тест") is left alone. Linear in the line's length.
 */

/** Look-alikes of Latin letters (Unicode's confusables for the Latin letters A–Z, a–z). */
const CONFUSABLES: ReadonlyMap<number, string> = new Map(
  Object.entries({
    // Cyrillic
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041A": "K", "\u041C": "M", "\u041D": "H", "\u041E": "O", "\u0420": "P",
    "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0405": "S", "\u0406": "I", "\u0408": "J", "\u04C0": "I",
    "\u0430": "a", "\u0435": "e", "\u043E": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x", "\u0455": "s",
    "\u0456": "i", "\u0458": "j", "\u04BB": "h", "\u0501": "d", "\u051B": "q", "\u051D": "w", "\u0432": "b",
    // Greek
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I", "\u039A": "K", "\u039C": "M",
    "\u039D": "N", "\u039F": "O", "\u03A1": "P", "\u03A4": "T", "\u03A5": "Y", "\u03A7": "X", "\u03BF": "o", "\u03BD": "v",
    "\u03B9": "i", "\u03BA": "k", "\u03C1": "p", "\u03C5": "u",
    // Latin look-alikes outside ASCII that NFKC keeps
    "\u0131": "i", "\u0237": "j", "\u0261": "g",
  }).map(([char, latin]) => [char.charCodeAt(0), latin]),
);

/** Characters that take no room: removed, so "mo\u200Bcks" reads "mocks". */
function isInvisible(code: number): boolean {
  return (
    code === 0x00ad || code === 0x034f || code === 0x061c || code === 0x180e || (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2069) || code === 0xfeff
  );
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A letter of any script (the confusables included), as far as a word's extent goes. */
function isWordLetter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) {
    return isAsciiLetter(code);
  }
  return char.toLowerCase() !== char.toUpperCase();
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) >= 128) {
      return false;
    }
  }
  return true;
}

/** Look-alike letters read as the Latin ones, in words that are Latin but for them. */
function foldConfusables(text: string): string {
  let out = "";
  let index = 0;
  while (index < text.length) {
    if (!isWordLetter(text[index]!)) {
      out += text[index]!;
      index += 1;
      continue;
    }
    let end = index;
    let foreign = false;
    while (end < text.length && isWordLetter(text[end]!)) {
      const code = text.charCodeAt(end);
      if (!isAsciiLetter(code) && !CONFUSABLES.has(code)) {
        foreign = true;
      }
      end += 1;
    }
    const word = text.slice(index, end);
    if (!foreign) {
      for (const char of word) {
        out += CONFUSABLES.get(char.charCodeAt(0)) ?? char;
      }
    } else {
      out += word;
    }
    index = end;
  }
  return out;
}

export function unobfuscate(line: string): string {
  if (isAscii(line)) {
    return line;
  }
  let visible = "";
  for (let index = 0; index < line.length; index += 1) {
    if (!isInvisible(line.charCodeAt(index))) {
      visible += line[index]!;
    }
  }
  return foldConfusables(visible.normalize("NFKC"));
}
