/**
 * testaudit/max-lines on JS/TS files, with ESLint core's own max-lines as the oracle: on the same text
 * and options, both report the same count at the same place (start and end), with espree and with
 * @typescript-eslint/parser. The one difference is deliberate: an empty file has no line for testaudit
 * (as an editor and line-count.ts count), where core counts one empty line.
 */
import tsParser from "@typescript-eslint/parser";
import dedent from "dedent";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { countLines } from "../../src/policies/max-lines.js";
import { modelOf } from "../model-of.js";
import { jsRuleTester, plugin } from "../rule-tester.js";

const rule = plugin.rules["max-lines"] as never;

/** Texts with every kind of line core tells apart: code, blank, comments before, after, around and inside code. */
const TEXTS: Record<string, string> = {
  "one line": "x;",
  "one line and its line end": "x;\n",
  "only a line end": "\n",
  "blank lines, some with white space": "a;\n\n  \n\t\nb;\n\n",
  "line comments, alone and after code": "// header\nimport { it } from \"vitest\"; // runner\n\n// a test\nit(\"works\", () => {});\n",
  "block comments over lines, with code before and after": "/* a */ x; /* b\n\n  still b\n*/ y;\n/* c */ /* d */\n  /*\n   * e\n   */\n",
  "a JSDoc block before a test": dedent`
    /**
     * Business Value Justification
     * Segment: Enterprise
     */
    it("pays", async () => {
      await pay(); /* inline */
    });
  ` + "\n",
  "a comment inside a template literal and a string is none": "const sql = `\n// not a comment\n\n`;\nconst s = \"/* nor this */\";\n",
  "a hashbang line": "#!/usr/bin/env node\n// comment\nrun();\n",
  "CRLF, lone CR and U+2028 line ends": "a;\r\n// c\rb;\u2028\u2029c;\r\n",
  "no line end at the end": "a;\n\n// last",
  "TypeScript syntax": "type Order = { sku: string }; // shape\n\ninterface Client {\n  // methods\n  get(): Order;\n}\n",
};

const OPTIONS = [
  {},
  { skipBlankLines: true },
  { skipComments: true },
  { skipBlankLines: true, skipComments: true },
];

/** ESLint lints only JS files unless a config object names others. */
const JS_FILES = ["**/*.ts"];

const PARSERS = { espree: undefined, "@typescript-eslint/parser": tsParser } as const;

/** What a report says and where it spans. */
function reported(messages: Linter.LintMessage[]): string[] {
  return messages.map((message) => `${String(message.line)}:${String(message.column)}-${String(message.endLine)}:${String(message.endColumn)} ${message.message}`);
}

describe("max-lines counts JS/TS lines as ESLint core's max-lines does", () => {
  const linter = new Linter({ configType: "flat" });
  for (const [parserName, parser] of Object.entries(PARSERS)) {
    for (const [textName, text] of Object.entries(TEXTS)) {
      if (parser === undefined && textName === "TypeScript syntax") {
        continue;
      }
      it(`${textName} (${parserName})`, () => {
        for (const options of OPTIONS) {
          for (const max of [0, 1, 2, 3, 5]) {
            const languageOptions = parser ? { parser } : {};
            const core = linter.verify(text, [{ files: JS_FILES, languageOptions, rules: { "max-lines": ["error", { max, ...options }] } }], "orders.test.ts");
            const ours = linter.verify(text, [{ files: JS_FILES, languageOptions, plugins: { testaudit: plugin }, rules: { "testaudit/max-lines": ["error", { max, ...options }] } }], "orders.test.ts");
            expect(core.every((message) => message.ruleId === "max-lines"), JSON.stringify(core)).toBe(true);
            expect(reported(ours), `${JSON.stringify(options)}, max ${String(max)}`).toEqual(reported(core));
          }
        }
      });
    }
  }

  it("an empty file: no line for testaudit, one empty line for core", () => {
    const core = linter.verify("", [{ rules: { "max-lines": ["error", { max: 0 }] } }], "orders.test.js");
    const ours = linter.verify("", [{ plugins: { testaudit: plugin }, rules: { "testaudit/max-lines": ["error", { max: 0 }] } }], "orders.test.js");
    expect(reported(core)).toEqual(["1:1-1:1 File has too many lines (1). Maximum allowed is 0."]);
    expect(ours).toEqual([]);
  });

  it("countLines gives the count core reports", () => {
    const text = TEXTS["block comments over lines, with code before and after"]!;
    const model = modelOf(text, "orders.test.ts");
    for (const options of OPTIONS) {
      const [message] = linter.verify(text, [{ files: JS_FILES, languageOptions: { parser: tsParser }, rules: { "max-lines": ["error", { max: 0, ...options }] } }], "orders.test.ts");
      const counted = countLines(model, { skipBlankLines: false, skipComments: false, ...options });
      expect(message?.message).toBe(`File has too many lines (${String(counted)}). Maximum allowed is 0.`);
    }
  });
});

jsRuleTester.run("max-lines (JS/TS)", rule, {
  valid: [
    { name: "the default maximum of 300", filename: "orders.test.ts", code: "x;\n".repeat(300) },
    { name: "an empty file with max 0", filename: "orders.test.ts", code: "", options: [{ max: 0 }] },
    {
      name: "comments and blank lines skipped",
      filename: "orders.test.ts",
      options: [{ max: 3, skipComments: true, skipBlankLines: true }],
      code: dedent`
        // Orders
        import { it } from "vitest";

        /** Creates one. */
        it("creates an order", async () => {
          /* a real service */
        });
      `,
    },
  ],
  invalid: [
    {
      name: "the default maximum: the 301st line, to the end of the file",
      filename: "orders.test.ts",
      code: "x;\n".repeat(301),
      errors: [{ messageId: "exceed", data: { actual: "301", max: "300" }, line: 301, column: 1, endLine: 302, endColumn: 1 }],
    },
    {
      name: "every line counts by default",
      filename: "orders.test.ts",
      options: [{ max: 6 }],
      code: dedent`
        // Orders
        import { it } from "vitest";

        /** Creates one. */
        it("creates an order", async () => {
          /* a real service */
        });
      `,
      errors: [{ messageId: "exceed", data: { actual: "7", max: "6" }, line: 7, column: 1, endLine: 7, endColumn: 4 }],
    },
    {
      name: "skipComments: a comment after code does not make the line a comment line",
      filename: "orders.test.js",
      options: [{ max: 1, skipComments: true }],
      code: "// header\nrun(); // why\n/* a */\nstop();\n",
      errors: [{ messageId: "exceed", data: { actual: "2", max: "1" }, line: 4, column: 1, endLine: 5, endColumn: 1 }],
    },
  ],
});

describe("max-lines options schema (JS/TS)", () => {
  it("rejects a misspelt option, naming it", () => {
    const lint = (): Linter.LintMessage[] =>
      new Linter().verify("x;\n", [{ plugins: { testaudit: plugin }, rules: { "testaudit/max-lines": ["error", { skipComment: true }] } }], "orders.test.js");
    expect(lint).toThrow(/Key "testaudit\/max-lines":.*Unexpected property "skipComment"/su);
  });
});
