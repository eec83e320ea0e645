/**
 * Glob patterns for `--group NAME=GLOB`, matched against paths relative to the working directory, with
 * the syntax of ESLint's `files`: `**` spans folders, `*` and `?` stay within one, `{a,b}` alternates.
 */
export function globRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      // `**/` matches zero or more whole folders; a trailing `**` matches everything below.
      const slash = glob[i + 2] === "/";
      source += slash ? "(?:[^/]*/)*" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") {
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "{") {
      const close = glob.indexOf("}", i);
      if (close === -1) {
        source += "\\{";
      } else {
        source += `(?:${glob.slice(i + 1, close).split(",").map((part) => part.replace(/[.+^$()|[\]\\]/gu, "\\$&").replace(/\*/gu, "[^/]*")).join("|")})`;
        i = close;
      }
    } else {
      source += char.replace(/[.+^$()|[\]\\{}]/gu, "\\$&");
    }
  }
  return new RegExp(`^${source}$`, "u");
}
