/**
 * testaudit/require-bvj's suggestions on JS/TS, with the exact text each one writes (RuleTester also
 * checks that it parses): a template with the configured fields in a new JSDoc comment before the test
 * (its statement, or a `@test` method and its decorators) at its indentation, or at the end of the JSDoc
 * comment there is; the file's JSDoc comment when `from` reads only the module; none when `from` reads
 * only groups; the missing fields of an incomplete block. CRLF files are kept. Real ESLint with
 * @typescript-eslint/parser.
 */
import type { RuleTester } from "eslint";
import dedent from "dedent";
import { at, jsRuleTester, plugin, type ExpectedError, type Span } from "../rule-tester.js";

const rule = plugin.rules["require-bvj"];

const ALL_SOURCES = "own, class or module";
const FILENAME = "orders.test.ts";

function missing(name: string, span: Span, target: string, output: string, sources = ALL_SOURCES): ExpectedError & { suggestions: RuleTester.SuggestionOutput[] } {
  return { messageId: "missingBlock", data: { name, sources }, ...span, suggestions: [{ messageId: "insertBlock", data: { target }, output }] };
}

/** The template as JSDoc lines at `indent`, each ending with `lineBreak`. */
function jsdoc(indent: string, lineBreak = "\n"): string {
  return [
    " * Business Value Justification:",
    " * - Segment: TODO",
    " * - Business Goal: TODO",
    " * - Value Impact: TODO",
    " * - Strategic Impact: TODO",
  ].map((line) => `${indent}${line}${lineBreak}`).join("");
}

jsRuleTester.run("require-bvj suggestions (JS/TS)", rule, {
  valid: [],
  invalid: [
    {
      name: "no comment: a new JSDoc comment before the test's statement, at its indentation",
      filename: FILENAME,
      code: dedent`
        describe("orders", () => {
          it("creates an order", async () => {
            await fetch("/orders");
          });
        });
      `,
      errors: [
        missing(
          "creates an order",
          at(2, 6, 24),
          "the test's JSDoc comment",
          `describe("orders", () => {\n  /**\n${jsdoc("  ")}   */\n  it("creates an order", async () => {\n    await fetch("/orders");\n  });\n});`,
        ),
      ],
    },
    {
      name: "an awaited, curried .each test: before its whole statement",
      filename: FILENAME,
      code: 'await test.each([1, 2])("loads %s", async () => {});\n',
      errors: [missing("loads %s", at(1, 25, 35), "the test's JSDoc comment", `/**\n${jsdoc("")} */\nawait test.each([1, 2])("loads %s", async () => {});\n`)],
    },
    {
      name: "a one-line JSDoc comment grows into several lines",
      filename: FILENAME,
      code: '  /** Creates an order. */\n  it("creates an order", () => {});\n',
      errors: [missing("creates an order", at(2, 6, 24), "the test's JSDoc comment", `  /** Creates an order.\n   *\n${jsdoc("  ")}   */\n  it("creates an order", () => {});\n`)],
    },
    {
      name: "a JSDoc comment whose closing line is its own keeps it, under the new lines; CRLF kept",
      filename: FILENAME,
      code: '/**\r\n * Creates an order.\r\n */\r\nit("creates an order", () => {});\r\n',
      errors: [missing("creates an order", at(4, 4, 22), "the test's JSDoc comment", `/**\r\n * Creates an order.\r\n *\r\n${jsdoc("", "\r\n")} */\r\nit("creates an order", () => {});\r\n`)],
    },
    {
      name: "a @test method: before its decorators",
      filename: FILENAME,
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        @suite
        class OrderTests {
          @test
          creates() {}
        }
      `,
      errors: [
        missing(
          "creates",
          at(6, 3, 10),
          "the test's JSDoc comment",
          `import { suite, test } from "@testdeck/mocha";\n\n@suite\nclass OrderTests {\n  /**\n${jsdoc("  ")}   */\n  @test\n  creates() {}\n}`,
        ),
      ],
    },
    {
      name: "from: ['module']: a new JSDoc comment at the top, before the first statement, after line comments",
      filename: FILENAME,
      options: [{ from: ["module"] }],
      code: '// Copyright Shop Inc.\nimport { it } from "vitest";\n\nit("creates an order", () => {});\n',
      errors: [
        missing(
          "creates an order",
          at(4, 4, 22),
          "the file's JSDoc comment",
          `// Copyright Shop Inc.\n/**\n${jsdoc("")} */\nimport { it } from "vitest";\n\nit("creates an order", () => {});\n`,
          "module",
        ),
      ],
    },
    {
      name: "from: ['class', 'module']: appended to the file's JSDoc comment there is",
      filename: FILENAME,
      options: [{ from: ["class", "module"] }],
      code: '/**\n * Order tests.\n */\nimport { it } from "vitest";\n\nit("creates an order", () => {});\n',
      errors: [
        missing(
          "creates an order",
          at(6, 4, 22),
          "the file's JSDoc comment",
          `/**\n * Order tests.\n *\n${jsdoc("")} */\nimport { it } from "vitest";\n\nit("creates an order", () => {});\n`,
          "class or module",
        ),
      ],
    },
    {
      name: "from: ['class']: groups' comments are not written, so no suggestion",
      filename: FILENAME,
      options: [{ from: ["class"] }],
      code: 'describe("orders", () => {\n  it("creates an order", () => {});\n});\n',
      errors: [{ messageId: "missingBlock", data: { name: "creates an order", sources: "class" }, ...at(2, 6, 24), suggestions: [] }],
    },
    {
      name: "missing fields of a JSDoc block: bold names kept, after the line that continues the last field",
      filename: FILENAME,
      code: dedent`
        /**
         * BVJ:
         * - **Segment**: Enterprise
         * - **Business Goal**: Retention,
         *     even after a restart
         */
        it("creates an order", () => {});
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Value Impact, Strategic Impact" },
          ...at(2, 4, 8),
          suggestions: [
            {
              messageId: "addFields",
              data: { fields: "'Value Impact' and 'Strategic Impact'" },
              output: '/**\n * BVJ:\n * - **Segment**: Enterprise\n * - **Business Goal**: Retention,\n *     even after a restart\n * - **Value Impact**: TODO\n * - **Strategic Impact**: TODO\n */\nit("creates an order", () => {});',
            },
          ],
        },
      ],
    },
    {
      name: "missing fields of a heading on the JSDoc's opening line: the fields take the comment's decoration",
      filename: FILENAME,
      options: [{ fields: ["Owner"] }],
      code: '/** BVJ:\n */\nit("creates an order", () => {});\n',
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Owner" },
          ...at(1, 5, 9),
          suggestions: [{ messageId: "addFields", data: { fields: "'Owner'" }, output: '/** BVJ:\n * - Owner: TODO\n */\nit("creates an order", () => {});\n' }],
        },
      ],
    },
  ],
});
