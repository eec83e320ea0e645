/**
 * Claims about the code base the tests live in, checked by searching the tree: "684 files containing
 * `WebSocketManager` references" (files naming the identifier), "10+ distinct WebSocketManager
 * classes" (class names holding it) and "Single AgentService implementation" (files defining a class
 * of that name: stated 1). The identifier must look like one (CamelCase or snake_case), so "901 files
 * containing auth bypass references" is no claim.
 */
import { filesNounAt } from "./count-phrases.js";
import { countAt } from "./counts.js";
import type { Line } from "./line.js";
import type { Sink } from "./sink.js";
import { isWord, isWordIn, type Tok } from "./tokens.js";
import { CLASS_NOUNS, DISTINCT_WORDS, IMPLEMENTATION_NOUNS, REFERENCE_NOUNS, REFERENCE_VERBS, SINGLE_WORDS } from "./vocabulary.js";

/** A word that names code: an upper-case letter after its first ("WebSocketManager") or an underscore. */
function isIdentifier(t: Tok | undefined): boolean {
  if (t?.kind !== "word" || t.text.length < 3) {
    return false;
  }
  const text = t.text;
  let upperInside = false;
  let lower = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) {
      return false;
    }
    upperInside ||= i > 0 && c >= 65 && c <= 90;
    lower ||= c >= 97 && c <= 122;
  }
  return lower && (upperInside || (text.includes("_") && !text.startsWith("_")));
}

/** "containing [the] `X` [class] references" after the files noun at `j` → the identifier, or undefined. */
function referencedAt(toks: readonly Tok[], j: number): { name: string; at: number } | undefined {
  let k = j;
  for (let steps = 0; steps < 2 && isWordIn(toks[k], REFERENCE_VERBS); steps += 1) {
    k += 1;
  }
  if (k === j) {
    return undefined;
  }
  if (isWord(toks[k], "the") || isWord(toks[k], "a")) {
    k += 1;
  }
  if (!isIdentifier(toks[k])) {
    return undefined;
  }
  const after = toks[k + 1];
  // "files containing X" alone, or followed by "references", "class references", "imports".
  const nounOk = after === undefined || after.kind === "punct" || isWordIn(after, REFERENCE_NOUNS) || isWord(after, "across") || isWord(after, "in");
  return nounOk ? { name: toks[k]!.text, at: k } : undefined;
}

export function referenceClaims(line: Line, used: Uint8Array, sink: Sink): void {
  const toks = line.toks;
  for (let i = 0; i < toks.length; i += 1) {
    const t = toks[i]!;
    if (t.kind === "num" && !used[i]) {
      const c = countAt(toks, i);
      if (c === null) {
        continue;
      }
      const files = filesNounAt(toks, c.next, false);
      const referenced = files < 0 ? undefined : referencedAt(toks, files);
      if (referenced !== undefined) {
        sink.add(line, i, "filesReferencing", c.value, c.approx, { identifier: referenced.name });
        used[i] = 1;
        continue;
      }
      const k = isWordIn(toks[c.next], DISTINCT_WORDS) ? c.next + 1 : c.next;
      if (isIdentifier(toks[k]) && isWordIn(toks[k + 1], CLASS_NOUNS) && (k > c.next || isWord(toks[k + 1], "classes"))) {
        sink.add(line, i, "distinctClasses", c.value, c.approx, { identifier: toks[k]!.text });
        used[i] = 1;
      }
      continue;
    }
    // "Single AgentService implementation", "only one X class"
    if (isWordIn(t, SINGLE_WORDS)) {
      const k = isWord(t, "only") && isWord(toks[i + 1], "one") ? i + 2 : i + 1;
      if (!isWord(t, "only") || k === i + 2) {
        if (isIdentifier(toks[k]) && isWordIn(toks[k + 1], IMPLEMENTATION_NOUNS)) {
          sink.add(line, i, "singleImplementation", 1, false, { identifier: toks[k]!.text });
        }
      }
    }
  }
}
