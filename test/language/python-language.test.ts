/**
 * The testaudit/python language through ESLint's real Linter: locations, traversal, selectors, inline
 * directives, parse errors and odd input. Rules used here are small real rules defined inline.
 */
import type { Linter as LinterTypes } from "eslint";
import { Linter } from "eslint";
import dedent from "dedent";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import type { PyNode } from "../../parsers/python/py-node.js";
import { PythonSourceCode } from "../../parsers/python/python-source-code.js";

type Listener = (node: PyNode) => void;

/** A plugin whose one rule reports every node a selector matches, with the node's type and text. */
function probePlugin(selector: string) {
  return {
    rules: {
      probe: {
        meta: { type: "problem" as const, messages: { hit: "{{type}} {{text}}" } },
        create(context: { report(descriptor: object): void }) {
          const listener: Listener = (node) => {
            context.report({ node, messageId: "hit", data: { type: node.type, text: node.text.split("\n", 1)[0] } });
          };
          return { [selector]: listener };
        },
      },
    },
  };
}

function lint(code: string, rules: LinterTypes.RulesRecord = {}, extra: Partial<LinterTypes.Config> = {}, filename = "tests/test_sample.py") {
  const linter = new Linter({ configType: "flat" });
  const config: LinterTypes.Config[] = [
    { files: ["**/*.py"], plugins: { testaudit: plugin, ...extra.plugins }, language: "testaudit/python", rules, ...extra, ...(extra.plugins ? { plugins: { testaudit: plugin, ...extra.plugins } } : {}) },
  ];
  return linter.verify(code, config, filename);
}

function probe(code: string, selector: string, filename?: string) {
  return lint(code, { "probe/probe": "error" }, { plugins: { probe: probePlugin(selector) } }, filename).map((message) => ({
    text: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  }));
}

describe("locations", () => {
  it("reports 1-based lines and columns, as for JS", () => {
    expect(probe("x = 1\nclass A:\n    pass\n", "class_definition")).toEqual([
      { text: "class_definition class A:", line: 2, column: 1, endLine: 3, endColumn: 9 },
    ]);
  });

  it("counts columns in UTF-16 code units, after an emoji and non-ASCII text", () => {
    expect(probe('s = "😀é"; y = 2\n', "identifier")).toEqual([
      { text: "identifier s", line: 1, column: 1, endLine: 1, endColumn: 2 },
      { text: "identifier y", line: 1, column: 12, endLine: 1, endColumn: 13 },
    ]);
  });

  it("counts a tab as one column", () => {
    expect(probe("if x:\n\ty = 1\n", "assignment")).toEqual([{ text: "assignment y = 1", line: 2, column: 2, endLine: 2, endColumn: 7 }]);
  });

  it("handles CRLF line ends", () => {
    expect(probe("a = 1\r\n\r\nclass B:\r\n    pass\r\n", "class_definition")).toEqual([
      { text: "class_definition class B:\r", line: 3, column: 1, endLine: 4, endColumn: 9 },
    ]);
  });

  it("handles a byte order mark: ESLint strips it and positions start after it", () => {
    expect(probe("\uFEFFimport os\n", "import_statement")).toEqual([{ text: "import_statement import os", line: 1, column: 1, endLine: 1, endColumn: 10 }]);
  });

  it("makes the root span the whole text, leading blank lines and trailing comments included", () => {
    expect(probe("\n\nx = 1\n# end", "module")).toEqual([{ text: "module ", line: 1, column: 1, endLine: 4, endColumn: 6 }]);
  });
});

describe("traversal and selectors", () => {
  const code = dedent`
    import pytest

    class TestA:
        def test_one(self):
            assert helper(1)

        def helper(self):
            return 1
  `;

  it("visits tree-sitter node types by name", () => {
    expect(probe(code, "function_definition").map((hit) => hit.line)).toEqual([4, 7]);
  });

  it("matches attribute selectors on field children and text", () => {
    expect(probe(code, "function_definition[name.text=/^test_/]").map((hit) => hit.line)).toEqual([4]);
  });

  it("matches child and descendant selectors through the children key only (no double visits)", () => {
    expect(probe(code, "class_definition > block > function_definition").map((hit) => hit.line)).toEqual([4, 7]);
    expect(probe(code, "class_definition call").map((hit) => hit.text)).toEqual(["call helper(1)"]);
    expect(probe(code, "class_definition:has(assert_statement)").map((hit) => hit.line)).toEqual([3]);
  });

  it("supports :exit and the grammar's supertypes as selector classes", () => {
    expect(probe(code, "class_definition:exit").map((hit) => hit.line)).toEqual([3]);
    expect(probe(code, ":statement").map((hit) => hit.text.split(" ")[0])).toEqual([
      "import_statement", "class_definition", "function_definition", "assert_statement", "function_definition", "return_statement",
    ]);
    expect(probe("x = f(1)\n", ":primary_expression").map((hit) => hit.text)).toEqual(["identifier x", "call f(1)", "identifier f", "integer 1"]);
  });

  it("gives rules parents, ancestors, text and offsets through the SourceCode", () => {
    const seen: string[] = [];
    const inspect = {
      rules: {
        inspect: {
          meta: { type: "problem" as const, messages: {} },
          create(context: { sourceCode: PythonSourceCode }) {
            return {
              identifier(node: PyNode) {
                if (node.text !== "helper" || node.parent?.type !== "call") {
                  return;
                }
                const { sourceCode } = context;
                seen.push(sourceCode.getParent(node)!.type);
                seen.push(sourceCode.getAncestors(node).map((ancestor) => ancestor.type).join(">"));
                seen.push(sourceCode.getText(node));
                seen.push(JSON.stringify(sourceCode.getLocFromIndex(node.range[0])));
                seen.push(String(sourceCode.lines.length));
              },
            };
          },
        },
      },
    };
    expect(lint(code, { "inspect/inspect": "error" }, { plugins: { inspect: inspect as never } })).toEqual([]);
    expect(seen).toEqual([
      "call",
      "module>class_definition>block>function_definition>block>assert_statement>call",
      "helper",
      JSON.stringify({ line: 5, column: 15 }),
      "8",
    ]);
  });

  it("lists every named grammar type and ERROR as visitor keys with children only", () => {
    const keys = plugin.languages.python.visitorKeys;
    expect(Object.keys(keys).length).toBeGreaterThan(100);
    expect(keys.ERROR).toEqual(["children"]);
    expect(keys.class_definition).toEqual(["children"]);
    expect(new Set(Object.values(keys).map((value) => value.join()))).toEqual(new Set(["children"]));
  });
});

describe("inline directives in Python comments", () => {
  const rule = { "testaudit/max-tests-per-file": ["error", { max: 0 }] } as LinterTypes.RulesRecord;

  it("honours eslint-disable-next-line with a justification", () => {
    const code = "# eslint-disable-next-line testaudit/max-tests-per-file -- legacy file\ndef test_a():\n    pass\n";
    expect(lint(code, rule)).toEqual([]);
  });

  it("honours eslint-disable-line", () => {
    expect(lint("def test_a():  # eslint-disable-line testaudit/max-tests-per-file\n    pass\n", rule)).toEqual([]);
  });

  it("honours eslint-disable / eslint-enable ranges", () => {
    const code = dedent`
      # eslint-disable testaudit/max-tests-per-file
      def test_a():
          pass
      # eslint-enable testaudit/max-tests-per-file
    `;
    expect(lint(code, rule)).toEqual([]);
    // ESLint 10 also warns (by default) that the empty range's disable directive is unused.
    const outside = lint("# eslint-disable testaudit/max-tests-per-file\n# eslint-enable testaudit/max-tests-per-file\ndef test_a():\n    pass\n", rule);
    expect(outside.map((message) => [message.ruleId, message.line, message.severity])).toEqual([
      [null, 1, 1],
      ["testaudit/max-tests-per-file", 3, 2],
    ]);
  });

  it("applies inline rule configuration comments", () => {
    const code = '# eslint testaudit/max-tests-per-file: ["error", { "max": 1 }]\ndef test_a():\n    pass\ndef test_b():\n    pass\n';
    expect(lint(code, rule).map((message) => [message.message, message.line])).toEqual([["File has 2 tests, more than the maximum of 1.", 4]]);
  });

  it("reports unused disable directives when asked", () => {
    const messages = lint("x = 1  # eslint-disable-line testaudit/max-tests-per-file\n", rule, { linterOptions: { reportUnusedDisableDirectives: "error" } });
    expect(messages.map((message) => [message.line, message.column, message.message])).toEqual([
      [1, 8, "Unused eslint-disable directive (no problems were reported from 'testaudit/max-tests-per-file')."],
    ]);
  });

  it("does not treat ordinary comments or strings as directives", () => {
    const code = 'def test_a():\n    "eslint-disable-line testaudit/max-tests-per-file"  # a note about eslint\n';
    expect(lint(code, rule).map((message) => message.line)).toEqual([1]);
  });
});

describe("parse errors", () => {
  it("gives one fatal message at the first error, with 1-based line and column", () => {
    const messages = lint("import os\n\ndef f(:\n    pass\n", rule());
    expect(messages).toEqual([
      expect.objectContaining({ ruleId: null, fatal: true, severity: 2, line: 3, column: 7, message: "Parsing error: invalid syntax" }),
    ]);
  });

  it("points at the innermost error when tree-sitter wraps a larger region", () => {
    const messages = lint("x = 1\ny = (2 +\nz = = 3\n", rule());
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, line: 2 });
  });

  it("lints a file with errors when the tolerant option is on", () => {
    const messages = lint("def test_a():\n    pass\ndef f(:\n", { "testaudit/max-tests-per-file": ["error", { max: 0 }] }, { languageOptions: { tolerant: true } });
    expect(messages.map((message) => message.ruleId)).toEqual(["testaudit/max-tests-per-file"]);
  });

  it("rejects a non-boolean tolerant option and ignores unknown language options", () => {
    expect(() => lint("x = 1\n", {}, { languageOptions: { tolerant: "yes" } })).toThrow(/tolerant/u);
    expect(lint("x = 1\n", {}, { languageOptions: { parser: "something-for-js" } })).toEqual([]);
  });

  function rule(): LinterTypes.RulesRecord {
    return { "testaudit/no-mocks": "error" };
  }
});

describe("odd input", () => {
  const all: LinterTypes.RulesRecord = {
    "testaudit/no-mocks": "error",
    "testaudit/require-base-class": "error",
    "testaudit/require-bvj": "error",
    "testaudit/max-tests-per-file": "error",
  };

  it("lints an empty file and a file of only comments", () => {
    expect(lint("", all)).toEqual([]);
    expect(lint("# one\n# two\n", all)).toEqual([]);
  });

  it("reports 100,000 levels of nested brackets as CPython does, without overflowing the stack", () => {
    const code = `x = ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`;
    expect(lint(code, all)).toEqual([expect.objectContaining({ fatal: true, line: 1, column: 205, message: "Parsing error: too many nested parentheses" })]);
  });

  it("gives CPython's located error for functions and blocks nested past 100 indentation levels", () => {
    let nestedDefs = "";
    for (let depth = 0; depth < 400; depth++) {
      nestedDefs += `${" ".repeat(depth)}def f${depth}():\n`;
    }
    nestedDefs += `${" ".repeat(400)}return 1\n`;
    expect(lint(nestedDefs, all)).toEqual([
      expect.objectContaining({ fatal: true, line: 101, column: 1, message: "Parsing error: too many levels of indentation" }),
    ]);
    let tooDeep = "";
    for (let depth = 0; depth < 5000; depth++) {
      tooDeep += `${" ".repeat(depth)}if x:\n`;
    }
    tooDeep += `${" ".repeat(5000)}pass\n`;
    // CPython stops at 100 levels of indentation.
    expect(lint(tooDeep, all)).toEqual([
      expect.objectContaining({ fatal: true, line: 101, column: 1, message: "Parsing error: too many levels of indentation" }),
    ]);
  });

  it("turns a NUL byte into a located parse error rather than a crash", () => {
    const messages = lint("x = 1\ny = \u0000\n", all);
    expect(messages.every((message) => message.fatal === true && message.line === 2)).toBe(true);
  });
});
