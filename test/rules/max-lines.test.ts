/**
 * testaudit/max-lines on Python files: at most `max` lines, counted as ESLint core's max-lines counts
 * them (an editor's lines, a final line end adding none), with blank lines and lines of comments or
 * docstrings left out on request; reported once, from the first line past the limit to the end of the file.
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { countLines, judgeMaxLines } from "../../src/policies/max-lines.js";
import { modelOf } from "../model-of.js";
import { plugin, pythonRuleTester } from "../rule-tester.js";

const rule = plugin.rules["max-lines"] as never;

/** `count` lines of code, `x<i> = <i>`, each with its line end. */
function codeLines(count: number): string {
  return Array.from({ length: count }, (_, i) => `x${i} = ${i}\n`).join("");
}

/** Module, class and function docstrings, comments and blank lines around 6 lines of code. */
const COMMENTED = [
  '"""Orders API tests.', // 1  docstring
  "", //                     2  blank, inside the docstring: a comment line too
  'Run against staging."""', // 3  docstring
  "# Shared client", //        4  comment
  "import httpx  # the real client", // 5  code with a comment
  "", //                     6  blank
  "", //                     7  blank
  "class TestOrders:", //    8  code
  '    """Order lifecycle."""', // 9  docstring
  "", //                     10 blank
  "    def test_create(self):", // 11 code
  '        """Creates one.', // 12 docstring
  '        """; url = "/orders"', // 13 code after the docstring
  "        # TODO: more", //   14 comment
  '        assert httpx.post(url).status_code == 201  # """not a docstring"""', // 15 code
  '    "a string that is no docstring"', // 16 code
  "",
].join("\n");

pythonRuleTester.run("max-lines", rule, {
  valid: [
    { name: "exactly the default maximum of 300", filename: "test_a.py", code: codeLines(300) },
    { name: "an empty file has no line, even with max 0", filename: "test_a.py", code: "", options: [{ max: 0 }] },
    { name: "the line end of the last line adds no line", filename: "test_a.py", code: "a = 1\nb = 2\n", options: [{ max: 2 }] },
    { name: "a last line without a line end counts once", filename: "test_a.py", code: "a = 1\nb = 2", options: [{ max: 2 }] },
    { name: "blank lines skipped", filename: "test_a.py", code: "a = 1\n\n   \n\t\nb = 2\n", options: [{ max: 2, skipBlankLines: true }] },
    { name: "comments and docstrings skipped", filename: "test_a.py", code: COMMENTED, options: [{ max: 13, skipComments: true }] },
    { name: "both skipped", filename: "test_a.py", code: COMMENTED, options: [{ max: 6, skipBlankLines: true, skipComments: true }] },
    { name: "any file, tests or not", filename: "helpers.py", code: codeLines(3), options: [{ max: 3 }] },
    { name: "CRLF and lone CR line ends count as line ends", filename: "test_a.py", code: "a = 1\r\nb = 2\rc = 3\r\n", options: [{ max: 3 }] },
  ],

  invalid: [
    {
      name: "the default maximum: reported at the 301st line, to the end of the file",
      filename: "test_a.py",
      code: codeLines(301),
      errors: [{ messageId: "exceed", data: { actual: "301", max: "300" }, line: 301, column: 1, endLine: 302, endColumn: 1 }],
    },
    {
      name: "a last line without a line end: the report ends at its end",
      filename: "test_a.py",
      code: "a = 1\nb = 2\nc = 333",
      options: [{ max: 1 }],
      errors: [{ messageId: "exceed", data: { actual: "3", max: "1" }, line: 2, column: 1, endLine: 3, endColumn: 8 }],
    },
    {
      name: "every line counts by default: blank lines, comments and docstrings too",
      filename: "test_a.py",
      code: COMMENTED,
      options: [{ max: 15 }],
      errors: [{ messageId: "exceed", data: { actual: "16", max: "15" }, line: 16, column: 1, endLine: 17, endColumn: 1 }],
    },
    {
      name: "skipBlankLines: the blank line inside the module docstring is skipped too",
      filename: "test_a.py",
      code: COMMENTED,
      options: [{ max: 11, skipBlankLines: true }],
      errors: [{ messageId: "exceed", data: { actual: "12", max: "11" }, line: 16, column: 1, endLine: 17, endColumn: 1 }],
    },
    {
      name: "skipComments: comment-only and docstring lines are skipped; a line with code after a docstring or before a comment counts",
      filename: "test_a.py",
      code: COMMENTED,
      options: [{ max: 4, skipComments: true }],
      // Counted: 5, 6, 7, 8, 10 (the fifth, past the limit), 11, 13, 15, 16; line 2 is inside the docstring.
      errors: [{ messageId: "exceed", data: { actual: "9", max: "4" }, line: 10, column: 1, endLine: 17, endColumn: 1 }],
    },
    {
      name: "both: only the six lines of code count",
      filename: "test_a.py",
      code: COMMENTED,
      options: [{ max: 5, skipBlankLines: true, skipComments: true }],
      errors: [{ messageId: "exceed", data: { actual: "6", max: "5" }, line: 16, column: 1, endLine: 17, endColumn: 1 }],
    },
    {
      name: "max 0: a one-line file",
      filename: "test_a.py",
      code: "\n",
      options: [{ max: 0 }],
      errors: [{ messageId: "exceed", data: { actual: "1", max: "0" }, line: 1, column: 1, endLine: 2, endColumn: 1 }],
    },
    {
      name: "a comment inside a string is no comment; bytes and f-strings are no docstrings",
      filename: "test_a.py",
      code: ['SQL = """', "# not a comment", '"""', "def f():", '    f"""{SQL}"""', "def g():", '    b"""bytes"""', ""].join("\n"),
      options: [{ max: 6, skipComments: true }],
      errors: [{ messageId: "exceed", data: { actual: "7", max: "6" }, line: 7, column: 1, endLine: 8, endColumn: 1 }],
    },
    {
      name: "docstrings of nested functions, of classes in if blocks and of methods after decorators are skipped",
      filename: "test_a.py",
      code: [
        "if True:", //              1
        "    class A:", //          2
        '        """A."""', //      3 docstring
        "        @staticmethod", // 4
        "        def f():", //      5
        '            """f."""', //  6 docstring
        "            def g():", //  7
        "                '''g.'''", // 8 docstring
        "            return g", //  9
        "",
      ].join("\n"),
      options: [{ max: 5, skipComments: true }],
      errors: [{ messageId: "exceed", data: { actual: "6", max: "5" }, line: 9, column: 1, endLine: 10, endColumn: 1 }],
    },
  ],
});

describe("max-lines' judgement and line count, for the audit", () => {
  it("counts the lines the options count", () => {
    const model = modelOf(COMMENTED, "test_a.py");
    expect(countLines(model, { skipBlankLines: false, skipComments: false })).toBe(16);
    expect(countLines(model, { skipBlankLines: true, skipComments: false })).toBe(12);
    expect(countLines(model, { skipBlankLines: false, skipComments: true })).toBe(9);
    expect(countLines(model, { skipBlankLines: true, skipComments: true })).toBe(6);
    expect(countLines(model, { skipBlankLines: false, skipComments: false })).toBe(model.lines);
  });

  it("judges the file only, with the rule's line as the site", () => {
    const model = modelOf(COMMENTED, "test_a.py");
    expect(judgeMaxLines(model, { max: 4, skipBlankLines: false, skipComments: true })).toEqual({ compliant: false, sites: [10], tests: null });
    expect(judgeMaxLines(model, { max: 10, skipBlankLines: false, skipComments: true })).toEqual({ compliant: true, sites: [], tests: null });
  });
});

describe("max-lines options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify("a = 1\n", [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { "testaudit/max-lines": ["error", options] } }], "test_a.py");

  for (const [name, options, message] of [
    ["a negative max", { max: -1 }, /Value -1 should be >= 0/u],
    ["a fractional max", { max: 2.5 }, /Value 2\.5 should be integer/u],
    ["a string skipComments", { skipComments: "yes" }, /Value "yes" should be boolean/u],
    ["a misspelt option", { skipBlanks: true }, /Unexpected property "skipBlanks"/u],
  ] as const) {
    it(`rejects ${name}`, () => {
      expect(() => lint(options)).toThrow(/Key "rules": Key "testaudit\/max-lines":/u);
      expect(() => lint(options)).toThrow(message);
    });
  }
});
