/**
 * Syntax errors where CPython puts them: the one fatal "Parsing error" of a broken Python file carries
 * CPython 3.11's own message, line and column.
 *
 * 1. A corpus of real broken files (CPython's own error cases and seeded single-edit mutations of real
 *    test files), labelled at test time by python3 itself, measured through PythonLanguage.parse()
 *    with the real tree-sitter: line, column and message rates, and no file misjudged either way.
 * 2. Every file of CPython's own test suite must be accepted.
 * 3. One case per kind of message through ESLint's real Linter, with exact line and column.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Linter as LinterTypes } from "eslint";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { PythonLanguage } from "../../parsers/python/python-language.js";
import { findSyntaxError } from "../../parsers/python/syntax-check/index.js";
import { toPyAst } from "../../parsers/python/to-py-ast.js";
import { parsePythonTree } from "../../parsers/python/tree-sitter.js";
import { CPYTHON_TESTS, type CorpusEntry, PYTHON, exclusionReason, loadCorpus, utf16Column } from "./syntax-corpus.js";

const language = new PythonLanguage();

/**
 * The fatal error PythonLanguage.parse() gives, or null when it accepts the text. `path`: the file the
 * text was read from, whose bytes a coding cookie makes the language read again.
 */
function parseError(text: string, path = "corpus.py", bom = false): { message: string; line: number; column: number } | null {
  const result = language.parse({ body: text, path, physicalPath: path, bom }, { languageOptions: {} });
  return result.ok ? null : result.errors[0]!;
}

describe("the syntax-error corpus, labelled by python3", () => {
  const corpus: CorpusEntry[] = loadCorpus();
  const kept = corpus.filter((entry) => exclusionReason(entry) === null);
  const rejected = kept.filter((entry) => entry.label !== null);
  const accepted = kept.filter((entry) => entry.label === null);

  it("has at least 300 broken files from CPython's cases and from mutations", () => {
    const fromCpython = rejected.filter((entry) => entry.name.startsWith("cpython-")).length;
    const fromMutations = rejected.filter((entry) => entry.name.startsWith("mutation-")).length;
    console.log(
      `syntax corpus: ${corpus.length} entries; ${rejected.length} rejected by Python 3.11 (${fromCpython} CPython cases, ` +
        `${fromMutations} mutations), ${accepted.length} accepted, ${corpus.length - kept.length} excluded`,
    );
    expect(fromCpython).toBeGreaterThanOrEqual(150);
    expect(fromMutations).toBeGreaterThanOrEqual(150);
  });

  it("reports CPython's line, column and message, and never misjudges a file", () => {
    let lineExact = 0;
    let columnExact = 0;
    let messageExact = 0;
    const falseAccepts: string[] = [];
    const misses: string[] = [];
    for (const entry of rejected) {
      const label = entry.label!;
      const found = parseError(entry.text);
      if (found === null) {
        falseAccepts.push(`${entry.name}: python3 says ${String(label.lineno)}:${String(label.offset)} ${label.msg}`);
        continue;
      }
      const line = label.lineno ?? 1;
      const column = label.offset === null || label.offset < 1 ? 1 : utf16Column(entry.text, line, label.offset);
      const lineOk = found.line === line;
      const columnOk = lineOk && found.column === column;
      const messageOk = found.message === label.msg;
      lineExact += lineOk ? 1 : 0;
      columnExact += columnOk ? 1 : 0;
      messageExact += messageOk ? 1 : 0;
      if (!(columnOk && messageOk)) {
        misses.push(`${entry.name}: python3 ${line}:${column} ${label.msg} | ours ${found.line}:${found.column} ${found.message}`);
      }
    }
    const falseRejects = accepted.flatMap((entry) => {
      const found = parseError(entry.text);
      return found === null ? [] : [`${entry.name}: ${found.line}:${found.column} ${found.message}`];
    });
    const rate = (count: number) => `${((100 * count) / rejected.length).toFixed(1)}%`;
    console.log(
      `syntax corpus rates over ${rejected.length} broken files: line exact ${rate(lineExact)}, column exact ${rate(columnExact)}, ` +
        `message exact ${rate(messageExact)}; false accepts ${falseAccepts.length}, false rejects ${falseRejects.length} (of ${accepted.length})`,
    );
    if (misses.length > 0) {
      console.log(`not exact (${misses.length}):\n  ${misses.join("\n  ")}`);
    }
    expect(falseAccepts).toEqual([]);
    expect(falseRejects).toEqual([]);
    expect(lineExact / rejected.length).toBeGreaterThanOrEqual(0.95);
    expect(columnExact / rejected.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe("CPython's own test suite", () => {
  it("accepts every file Python 3.11 compiles, and rejects every other", () => {
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          walk(path);
        } else if (entry.name.endsWith(".py")) {
          files.push(path);
        }
      }
    };
    walk(CPYTHON_TESTS);
    expect(files.length).toBeGreaterThan(700);
    // python3 compiles each file's bytes, as an import does (coding cookies included).
    const script = "import json, sys\nbad = []\nfor p in sys.argv[1:]:\n    try: compile(open(p, 'rb').read(), p, 'exec')\n    except (SyntaxError, ValueError): bad.append(p)\nprint(json.dumps(bad))";
    const cpythonRejects = new Set(JSON.parse(execFileSync(PYTHON, ["-c", script, ...files], { encoding: "utf8" })) as string[]);
    expect(cpythonRejects.size).toBeGreaterThan(0);
    const misjudged = files.flatMap((path) => {
      // ESLint reads a file as UTF-8 without its BOM.
      const raw = readFileSync(path, "utf8");
      const found = parseError(raw.replace(/^\uFEFF/u, ""), path, raw.startsWith("\uFEFF"));
      return (found !== null) === cpythonRejects.has(path) ? [] : [`${path}: CPython ${cpythonRejects.has(path) ? "rejects" : "accepts"}, ours ${found ? `${found.line}:${found.column} ${found.message}` : "accepts"}`];
    });
    expect(misjudged).toEqual([]);
  });
});

function lint(code: string, languageOptions: LinterTypes.Config["languageOptions"] = {}) {
  const linter = new Linter({ configType: "flat" });
  const config: LinterTypes.Config[] = [{ files: ["**/*.py"], plugins: { testaudit: plugin }, language: "testaudit/python", languageOptions }];
  return linter.verify(code, config, "tests/test_sample.py").map((message) => ({
    line: message.line,
    column: message.column,
    message: message.message,
    fatal: message.fatal ?? false,
  }));
}

/** [code, line, column, CPython's message]: each was checked against python3 when written. */
const CASES: [string, number, number, string][] = [
  // Tokenizer: brackets, strings, numbers, characters, indentation.
  ["x = (1,\ny = 2\n", 1, 5, "'(' was never closed"],
  ["x = (1,\n2]\n", 2, 2, "closing parenthesis ']' does not match opening parenthesis '(' on line 1"],
  ["x = [1, 2)\n", 1, 10, "closing parenthesis ')' does not match opening parenthesis '['"],
  ["x = 1)\n", 1, 6, "unmatched ')'"],
  ["x = 'abc\ny = 1\n", 1, 5, "unterminated string literal (detected at line 1)"],
  ['x = """abc\n\n', 1, 5, "unterminated triple-quoted string literal (detected at line 2)"],
  ["x = 1abc\n", 1, 5, "invalid decimal literal"],
  ["x = 012\n", 1, 5, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"],
  ["x = 0b12\n", 1, 8, "invalid digit '2' in binary literal"],
  ["x = a € b\n", 1, 7, "invalid character '€' (U+20AC)"],
  ["a \\ b\n", 1, 4, "unexpected character after line continuation character"],
  ["if x:\n    a\n  b\n", 3, 4, "unindent does not match any outer indentation level"],
  ["x = 1\n  y = 2\n", 2, 2, "unexpected indent"],
  ["def f():\n\tif x:\n        pass\n", 3, 1, "inconsistent use of tabs and spaces in indentation"],
  // Grammar: forced tokens and the second pass's specific messages.
  ["class A:\n    def test_bad(self)\n        pass\n", 2, 23, "expected ':'"],
  ["if x\n    pass\n", 1, 5, "expected ':'"],
  ["def f\n", 1, 6, "expected '('"],
  ["with open(p) as f:\npass\n", 2, 1, "expected an indented block after 'with' statement on line 1"],
  ["def f():\nreturn 1\n", 2, 1, "expected an indented block after function definition on line 1"],
  ["try:\n    pass\nx = 1\n", 3, 1, "expected 'except' or 'finally' block"],
  ["x = [1 2]\n", 1, 6, "invalid syntax. Perhaps you forgot a comma?"],
  ["x = 1 2\n", 1, 7, "invalid syntax"],
  ["x = 1 if y\n", 1, 5, "expected 'else' after 'if' expression"],
  ["if x = 1:\n    pass\n", 1, 4, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"],
  ["f() = 1\n", 1, 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?"],
  ["for 1 in x:\n    pass\n", 1, 5, "cannot assign to literal"],
  ["del f()\n", 1, 5, "cannot delete function call"],
  ["x + 1 += 1\n", 1, 1, "'expression' is an illegal expression for augmented assignment"],
  ["print 'hello'\n", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?"],
  ["f(a for a in b, c)\n", 1, 3, "Generator expression must be parenthesized"],
  ["f(a=1, b)\n", 1, 9, "positional argument follows keyword argument"],
  ["def f(a=1, b):\n    pass\n", 1, 12, "non-default argument follows default argument"],
  ["def f(*):\n    pass\n", 1, 7, "named arguments must follow bare *"],
  ["from x import a,\n", 1, 17, "trailing comma not allowed without surrounding parentheses"],
  // Compile time: the symbol table and the compiler.
  ["return 1\n", 1, 1, "'return' outside function"],
  ["class A:\n    return\n", 2, 5, "'return' outside function"],
  ["for x in y:\n    pass\nelse:\n    break\n", 4, 5, "'break' outside loop"],
  ["continue\n", 1, 1, "'continue' not properly in loop"],
  ["await x\n", 1, 1, "'await' outside function"],
  ["def f():\n    await x\n", 2, 5, "'await' outside async function"],
  ["x = [(yield 1)]\n", 1, 7, "'yield' outside function"],
  ["def f(a, a):\n    pass\n", 1, 10, "duplicate argument 'a' in function definition"],
  ["f(a=1, a=2)\n", 1, 8, "keyword argument repeated: a"],
  ['"""doc"""\nimport os\nfrom __future__ import annotations\n', 3, 1, "from __future__ imports must occur at the beginning of the file"],
  ["nonlocal x\n", 1, 1, "nonlocal declaration not allowed at module level"],
  ["def f():\n    from os import *\n", 2, 20, "import * only allowed at module level"],
  ["def f():\n    x = 1\n    global x\n", 3, 5, "name 'x' is assigned to before global declaration"],
  ["*a = [1]\n", 1, 1, "starred assignment target must be in a list or tuple"],
  ["__debug__ = 1\n", 1, 1, "cannot assign to __debug__"],
];

/**
 * Errors tree-sitter's tree does not show, one of each kind its suspect tests look for (every file
 * under 512 characters used to be checked instead): [code, line, column, CPython's message].
 */
const SUSPECT_CASES: [string, number, number, string][] = [
  ["match x:\n    case {**rest, \"key\": value}:\n        pass\n", 2, 19, "invalid syntax"],
  ["match x:\n    case Foo(z=1, x):\n        pass\n", 2, 19, "positional patterns follow keyword patterns"],
  ["match x:\n    case 42 as _:\n        pass\n", 2, 16, "cannot use '_' as a target"],
  ["f(,)\n", 1, 3, "invalid syntax"],
  ["x = {,}\n", 1, 6, "invalid syntax"],
  ["f(v as w)\n", 1, 5, "invalid syntax"],
  ["f(**k, *a)\n", 1, 3, "iterable argument unpacking follows keyword argument unpacking"],
  ["f(x for x in L, 1)\n", 1, 3, "Generator expression must be parenthesized"],
  ["f(x for x in L,)\n", 1, 3, "Generator expression must be parenthesized"],
  ["[*x for x in xs]\n", 1, 2, "iterable unpacking cannot be used in comprehension"],
  ["A[:*b]\n", 1, 4, "invalid syntax"],
  ["x: *b\n", 1, 4, "invalid syntax"],
  ["x: a:b = 1\n", 1, 5, "invalid syntax"],
  ["x, y: int\n", 1, 1, "only single target (not tuple) can be annotated"],
  ["with a as (b, c()): pass\n", 1, 15, "cannot assign to function call"],
  ["del (a, f())\n", 1, 9, "cannot delete function call"],
  ["for *a in b:\n    pass\n", 1, 5, "starred assignment target must be in a list or tuple"],
  ["__debug__: int\n", 1, 1, "cannot assign to __debug__"],
  ["(a, *__debug__, c) = (1, 2, 3)\n", 1, 6, "cannot assign to __debug__"],
  ["async.run()\n", 1, 6, "invalid syntax"],
  ["x = f(a=await)\n", 1, 14, "invalid syntax"],
  ["  x = 1\n", 1, 2, "unexpected indent"],
  ["if x:\n    a = 1\n      b = 2\n", 3, 6, "unexpected indent"],
  ["import unittest\nNone time\n", 2, 6, "invalid syntax"],
  ["def f(x)\n    :\n    pass\n", 1, 9, "expected ':'"],
  ["from\n .x import b\n", 1, 5, "invalid syntax"],
  ["def f(a, *a):\n    pass\n", 1, 11, "duplicate argument 'a' in function definition"],
  ["def f(**k, a):\n    pass\n", 1, 12, "arguments cannot follow var-keyword argument"],
  ["lambda /, a: None\n", 1, 8, "at least one argument must precede /"],
  ["try:\n    pass\nexcept TypeError:\n    pass\nexcept* ValueError:\n    pass\n", 5, 1, "cannot have both 'except' and 'except*' on the same 'try'"],
  ["try:\n    pass\nexcept*:\n    pass\n", 3, 8, "expected one or more exception types"],
  ["y := f()\n", 1, 3, "invalid syntax"],
  ["def f():\n    x = (1, yield)\n", 2, 13, "invalid syntax"],
  ["{i for i in range(5) if (j := 0) for j in range(5)}\n", 1, 38, "comprehension inner loop cannot rebind assignment expression target 'j'"],
  ["[x for x in (y := [1, 2])]\n", 1, 14, "assignment expression cannot be used in a comprehension iterable expression"],
  ["class A:\n    [(z := 1) for x in y]\n", 2, 7, "assignment expression within a comprehension cannot be used in a class body"],
  ["raise X, Y\n", 1, 8, "invalid syntax"],
  ["0010 + 2\n", 1, 1, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"],
];

/** A valid start of more than 512 characters: a file that begins with it is checked only if a suspect test picks it. */
const PREAMBLE = [
  '"""Text long enough that only a suspect test, no rule about short files, sends it to the checker."""',
  "",
  "import os",
  "",
  "",
  "def read(path):",
  '    """The file\'s text."""',
  '    with open(path, encoding="utf-8") as handle:',
  "        return handle.read()",
  "",
  "",
  "def names(folder):",
  '    """The entries of a folder, sorted."""',
  "    return sorted(entry.name for entry in os.scandir(folder))",
  "",
  "",
  "class Config:",
  '    """Settings read once."""',
  "",
  "    def __init__(self, path):",
  "        self.path = path",
  "        self.text = read(path)",
  "        self.names = names(os.path.dirname(path))",
  "",
  "",
  "",
].join("\n");
const PREAMBLE_LINES = PREAMBLE.split("\n").length - 1;

/** Errors the suspect tests once missed in longer files: [code that follows PREAMBLE, line in the code, column, message]. */
const LONG_CASES: [string, number, number, string][] = [
  ["*a, *b = c\n", 1, 1, "multiple starred expressions in assignment"],
  ["try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n", 3, 1, "default 'except:' must be last"],
  ["async def f():\n    yield 1\n    return 2\n", 3, 5, "'return' with value in async generator"],
  ["[x for x in (y := [1, 2])]\n", 1, 14, "assignment expression cannot be used in a comprehension iterable expression"],
  ["for a, __debug__ in pairs:\n    pass\n", 1, 8, "cannot assign to __debug__"],
  ["(a, __debug__) = (1, 2)\n", 1, 5, "cannot assign to __debug__"],
];

/** A LONG_CASES case as the whole file: the code after PREAMBLE, the line counted from the file's start. */
function afterPreamble([code, line, column, message]: [string, number, number, string]): [string, number, number, string] {
  return [PREAMBLE + code, line + PREAMBLE_LINES, column, message];
}

describe("each kind of message, through ESLint", () => {
  it.each(CASES)("%j: %i:%i %s", (code, line, column, message) => {
    expect(lint(code)).toEqual([{ line, column, message: `Parsing error: ${message}`, fatal: true }]);
  });

  it.each(SUSPECT_CASES)("an error tree-sitter does not see, %j: %i:%i %s", (code, line, column, message) => {
    expect(lint(code)).toEqual([{ line, column, message: `Parsing error: ${message}`, fatal: true }]);
  });

  it.each(LONG_CASES)("an error tree-sitter does not see after 512+ characters of valid code, %j: %i:%i %s", (code, line, column, message) => {
    expect(lint(PREAMBLE + code)).toEqual([{ line: line + PREAMBLE_LINES, column, message: `Parsing error: ${message}`, fatal: true }]);
  });

  it("has only errors tree-sitter's tree does not show in those cases, so that the suspect tests are what finds them", () => {
    expect(PREAMBLE.length).toBeGreaterThanOrEqual(512);
    for (const [code] of [...SUSPECT_CASES, ...LONG_CASES.map(afterPreamble)]) {
      expect(toPyAst(parsePythonTree(code), code).syntaxError, code).toBeNull();
    }
  });

  it("pins what python3 itself says for every case above", () => {
    const script = [
      "import json, sys",
      "out = []",
      "for code in json.load(sys.stdin):",
      "    try:",
      "        compile(code.encode(), 'case.py', 'exec')",
      "        out.append(None)",
      "    except SyntaxError as e:",
      "        out.append([e.lineno, e.offset, e.msg])",
      "print(json.dumps(out))",
    ].join("\n");
    const cases = [...CASES, ...SUSPECT_CASES, ...LONG_CASES.map(afterPreamble)];
    const labels = JSON.parse(execFileSync(PYTHON, ["-c", script], { input: JSON.stringify(cases.map(([code]) => code)), encoding: "utf8" })) as ([number, number, string] | null)[];
    expect(labels.map((label, index) => label && [label[0], utf16Column(cases[index]![0], label[0], label[1]), label[2]])).toEqual(
      cases.map(([, line, column, message]) => [line, column, message]),
    );
  });

  it("counts columns in UTF-16 code units after a character outside the BMP", () => {
    expect(lint("s = '😀' +\n")).toEqual([{ line: 1, column: 11, message: "Parsing error: invalid syntax", fatal: true }]);
  });

  it("reads \\r\\n, \\r and \\n line ends, and a leading BOM, as CPython does", () => {
    expect(findSyntaxError("x = 1\r\nif x\r\n    pass\r\n")).toMatchObject({ line: 2, column: 5, message: "expected ':'" });
    expect(findSyntaxError("x = 1\rif x\r    pass\r")).toMatchObject({ line: 2, column: 5, message: "expected ':'" });
    expect(findSyntaxError("\uFEFFif x\n    pass\n")).toMatchObject({ line: 1, column: 5, message: "expected ':'" });
    expect(findSyntaxError("\uFEFFx = 1\r\n")).toBeNull();
  });

  it("accepts syntax newer than 3.11 that newer Pythons accept", () => {
    for (const code of [
      "def f[T](x: T) -> T:\n    return x\n",
      "class C[T]:\n    pass\n",
      "type Alias = list[int]\n",
      'x = f"{a["b"]}"\n',
      "try:\n    pass\nexcept A, B:\n    pass\n",
    ]) {
      expect(lint(code), code).toEqual([]);
    }
  });

  it("lints a file CPython accepts and tree-sitter does not, as tolerant mode does", () => {
    // A dedent inside brackets, as in CPython's test_compile.py: tree-sitter finds an error there.
    const code = "def f():\n    (bar.\nbaz)\n";
    expect(lint(code)).toEqual([]);
  });

  it("keeps the tolerant option: a broken file is linted instead", () => {
    expect(lint("def f(:\n", { tolerant: true })).toEqual([]);
  });
});

describe("cost and limits", () => {
  it("stops deep nesting with an error instead of overflowing the stack", () => {
    expect(findSyntaxError(`x = ${"not ".repeat(5000)}y\n`)).toMatchObject({ message: "too many nested expressions" });
    expect(findSyntaxError(`x = ${"(".repeat(5000)}${")".repeat(5000)}\n`)).toMatchObject({ line: 1, column: 205, message: "too many nested parentheses" });
    expect(findSyntaxError(`x = ${"a ** ".repeat(5000)}b\n`)).toMatchObject({ message: "too many nested expressions" });
    const blocks = Array.from({ length: 5000 }, (_, depth) => `${" ".repeat(depth)}if x:\n`).join("");
    expect(findSyntaxError(`${blocks}${" ".repeat(5000)}pass\n`)).toMatchObject({ line: 101, column: 1, message: "too many levels of indentation" });
  });

  it("checks a 5 MB file in linear time", () => {
    const text = `x = [\n${"    1,\n".repeat(750_000)}]\n`;
    expect(text.length).toBeGreaterThan(5_000_000);
    // The whole file parses before the tokenizer's error at its end is reached.
    expect(findSyntaxError(`${text})\n`)).toMatchObject({ line: 750_003, column: 1, message: "unmatched ')'" });
  });
});
