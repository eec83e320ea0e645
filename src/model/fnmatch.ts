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
      const close = pattern.indexOf("]", i + 2);
      if (close === -1) {
        source += "\\[";
      } else {
        let set = pattern.slice(i + 1, close).replace(/\\/gu, "\\\\");
        if (set.startsWith("!")) {
          set = `^${set.slice(1)}`;
        }
        source += `[${set}]`;
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

export function fnmatch(name: string, pattern: string): boolean {
  return fnmatchRegExp(pattern).test(name);
}

/** pytest's `python_classes` / `python_functions` matching: a prefix, or a glob when it has glob characters. */
export function matchesPrefixOrGlob(name: string, patterns: readonly string[]): boolean {
  return patterns.some(
    (pattern) => name.startsWith(pattern) || (/[*?[]/u.test(pattern) && fnmatch(name, pattern)),
  );
}
