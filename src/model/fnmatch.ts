/** Python's `fnmatch.fnmatch` on POSIX (case-sensitive): `*`, `?`, `[seq]` and `[!seq]`. */
const cache = new Map<string, RegExp>();

export function fnmatchRegExp(pattern: string): RegExp {
  let regexp = cache.get(pattern);
  if (regexp) {
    return regexp;
  }
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*") {
      source += "[\\s\\S]*";
    } else if (char === "?") {
      source += "[\\s\\S]";
    } else if (char === "[") {
      // As in Python, a "]" right after "[" or "[!" is a member of the set, not its end.
      let first = i + 1;
      if (pattern[first] === "!") {
        first += 1;
      }
      if (pattern[first] === "]") {
        first += 1;
      }
      const close = pattern.indexOf("]", first);
      if (close === -1) {
        source += "\\[";
      } else {
        source += translateSet(pattern.slice(i + 1, close));
        i = close;
      }
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&");
    }
  }
  regexp = new RegExp(`^${source}$`, "u");
  cache.set(pattern, regexp);
  return regexp;
}

/** A set member escaped for a `u` regular expression class, where `-`, `^`, `[`, `]` and the backslash are special. */
function setMember(char: string): string {
  return /[-^[\]\\]/u.test(char) ? `\\${char}` : char;
}

/**
 * The regular expression of an fnmatch set body (between `[` and `]`): `!` negates, `a-z` is a range, a
 * range whose ends are reversed matches nothing (Python drops it), and `^` is an ordinary member.
 */
function translateSet(body: string): string {
  const negated = body.startsWith("!");
  const members = negated ? body.slice(1) : body;
  let set = "";
  for (let k = 0; k < members.length; k++) {
    const low = members[k]!;
    if (members[k + 1] === "-" && k + 2 < members.length) {
      const high = members[k + 2]!;
      if (low <= high) {
        set += `${setMember(low)}-${setMember(high)}`;
      }
      k += 2;
    } else {
      set += setMember(low);
    }
  }
  if (set === "") {
    return negated ? "[\\s\\S]" : "(?!)";
  }
  return `[${negated ? "^" : ""}${set}]`;
}

export function fnmatch(name: string, pattern: string): boolean {
  return fnmatchRegExp(pattern).test(name);
}

/** pytest's `python_classes` / `python_functions` matching: a prefix, or a glob when it has glob characters. */
export function matchesPrefixOrGlob(name: string, patterns: readonly string[]): boolean {
  return patterns.some(
    (pattern) => name.startsWith(pattern) || (/[*?[]/u.test(pattern) && fnmatch(name, pattern)),
  );
}
