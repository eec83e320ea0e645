/**
 * Mutations of real files: words swapped for ones the rules look for, ranges deleted, duplicated or
 * overwritten, and fragments that break syntax (quotes, brackets, colons, indents, line ends, NUL, lone surrogates, invalid UTF-8 as ESLint
 * decodes it) inserted. Positions are fractions of the text's length, so a mutation applies to any
 * text and shrinks towards the start of the file.
 */
import fc from "fast-check";

const fragmentArbitrary = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '"', "'", '"""', "'''", "`", "${", "(", ")", "[", "]", "{", "}", ":", ";", ",", ".", "@", "#", "\\", "=>", "/*", "*/", "/**", "//",
      "\n", "\r\n", "\r", "\n    ", "\n\t", "    ", "\t", "\u2028", "\u00a0", "\uFEFF", "\u0000", "\uFFFD", "😀", "é",
      "def test_x():", "class A(", "async ", "lambda", "from unittest import mock\n", "import pytest\n", "vi.mock(\"x\");\n",
      "it(\"t\", () => {", "describe(", "@pytest.fixture\n", "@patch(\"a\")\n", "BVJ:", "Business Value Justification:\n", "- Segment: ", "\n * - Segment: ",
    ),
  },
  // A lone surrogate: no valid file decodes to one, but lintText takes any string.
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  // Invalid UTF-8 as ESLint's file reading decodes it: replacement characters.
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 6 }).map((bytes) => Buffer.from(bytes).toString("utf8")) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);

const fraction = fc.integer({ min: 0, max: 1000 }).map((value) => value / 1000);

/** Deletions and duplications snapped to line starts mostly keep a file parsing, so its rules still run. */
type Mutation =
  | { kind: "delete"; from: number; to: number; wholeLines: boolean }
  | { kind: "duplicate"; from: number; to: number; at: number; wholeLines: boolean }
  | { kind: "insert"; at: number; fragment: string }
  | { kind: "replace"; from: number; to: number; fragment: string }
  | { kind: "rename"; at: number; word: string };

/** Words the rules look for, to swap for the word at a position: the syntax stays, the meaning changes. */
const wordArbitrary = fc.constantFrom(
  "mock", "patch", "MagicMock", "mocker", "monkeypatch", "unittest", "TestCase", "SSotBaseTestCase", "pytest", "fixture", "parametrize",
  "vi", "jest", "sinon", "fn", "spyOn", "test", "it", "describe", "skip", "only", "each", "extend", "SSotBase", "Segment", "BVJ", "TODO",
  "self", "test_x", "Test", "x", "é",
);

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), from: fraction, to: fraction, wholeLines: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), from: fraction, to: fraction, at: fraction, wholeLines: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fraction, fragment: fragmentArbitrary }) },
  fc.record({ kind: fc.constant("replace" as const), from: fraction, to: fraction, fragment: fragmentArbitrary }),
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("rename" as const), at: fraction, word: wordArbitrary }) },
);

const WORD_CHAR = /[\p{L}\p{N}_$]/u;

/** Replaces the word around `at` with `word`; a position between words gets `word` inserted. */
function renameAt(text: string, at: number, word: string): string {
  let start = at;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) {
    start -= 1;
  }
  let end = at;
  while (end < text.length && WORD_CHAR.test(text[end]!)) {
    end += 1;
  }
  return text.slice(0, start) + word + text.slice(end);
}

function applyMutation(text: string, mutation: Mutation): string {
  const toLineStart = "wholeLines" in mutation && mutation.wholeLines;
  const offset = (at: number): number => {
    const index = Math.round(at * text.length);
    return toLineStart ? text.lastIndexOf("\n", index - 1) + 1 : index;
  };
  switch (mutation.kind) {
    case "insert":
      return text.slice(0, offset(mutation.at)) + mutation.fragment + text.slice(offset(mutation.at));
    case "rename":
      return renameAt(text, offset(mutation.at), mutation.word);
    case "delete":
    case "replace":
    case "duplicate": {
      const from = Math.min(offset(mutation.from), offset(mutation.to));
      const to = Math.max(offset(mutation.from), offset(mutation.to));
      if (mutation.kind === "delete") {
        return text.slice(0, from) + text.slice(to);
      }
      if (mutation.kind === "replace") {
        return text.slice(0, from) + mutation.fragment + text.slice(to);
      }
      const at = offset(mutation.at);
      return text.slice(0, at) + text.slice(from, to) + text.slice(at);
    }
  }
}

/** One of `sources` (name → text), with one to four mutations applied in turn. */
export function mutatedArbitrary(sources: ReadonlyMap<string, string>): fc.Arbitrary<{ name: string; text: string }> {
  return fc
    .tuple(fc.constantFrom(...sources.keys()), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }))
    .map(([name, mutations]) => ({ name, text: mutations.reduce(applyMutation, sources.get(name)!) }));
}
