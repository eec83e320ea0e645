/**
 * max-lines' line count on Python files against Python's own reading of them: /usr/bin/python3's
 * tokenize and ast say which lines hold code, which hold only comments and docstrings (the first
 * statement of a module, class or function body when it is a string, implicit concatenations included),
 * and which are blank. The counts under all four option combinations must agree, on hand-picked texts
 * and on a sample of CPython's own test suite (libpython3.11-testsuite).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import dedent from "dedent";
import { afterAll, describe, expect, it } from "vitest";
import { countLines } from "../../src/policies/max-lines.js";
import { modelOf } from "../model-of.js";
import { ORACLE_PYTHON } from "../pytest-oracle.js";
import { writeTree } from "../temp-tree.js";

const CPYTHON_TESTS = "/usr/lib/python3.11/test";

/** For each path on the command line: the lines counted with skipBlankLines/skipComments as "00", "01", "10" and "11". */
const ORACLE_SCRIPT = String.raw`
import ast, io, json, sys, tokenize

NOT_CODE = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING, tokenize.ENDMARKER}

def docstrings(tree):
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                value = first.value
                spans.append(((value.lineno, value.col_offset), (value.end_lineno, value.end_col_offset)))
    return spans

def counts(path):
    data = open(path, "rb").read()
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    source = data.decode(encoding).removeprefix("\ufeff")
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()
    spans = docstrings(ast.parse(source))
    code, comment = set(), set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        (start, column), (end, _) = token.start, token.end
        if token.type == tokenize.COMMENT:
            comment.add(start)
        elif token.type == tokenize.STRING and any(a <= (start, column) < b for a, b in spans):
            comment.update(range(start, end + 1))
        elif token.type not in NOT_CODE:
            code.update(range(start, end + 1))
    result = {}
    for blank in (0, 1):
        for comments in (0, 1):
            result[f"{blank}{comments}"] = sum(
                1 for number, line in enumerate(lines, 1)
                if not (blank and line.strip() == "") and not (comments and number in comment and number not in code)
            )
    return result

print(json.dumps({path: counts(path) for path in sys.argv[1:]}))
`;

type Counts = Record<string, number>;

function oracleCounts(paths: readonly string[]): Record<string, Counts> {
  const run = spawnSync(ORACLE_PYTHON, ["-c", ORACLE_SCRIPT, ...paths], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024, env: { PATH: "/usr/bin:/bin", LANG: "C.UTF-8" } });
  if (run.status !== 0) {
    throw new Error(`python3 exited ${String(run.status)}:\n${run.stderr}`);
  }
  return JSON.parse(run.stdout) as Record<string, Counts>;
}

function testauditCounts(path: string): Counts {
  const model = modelOf(readFileSync(path, "utf8"), basename(path), dirname(path));
  const counts: Counts = {};
  for (const blank of [0, 1]) {
    for (const comments of [0, 1]) {
      counts[`${String(blank)}${String(comments)}`] = countLines(model, { skipBlankLines: blank === 1, skipComments: comments === 1 });
    }
  }
  return counts;
}

const TEXTS: Record<string, string> = {
  "docstrings.py": dedent`
    """Module docstring
    over lines."""
    # comment


    class A:
        "Single quotes." ; x = 1

        def f(self):
            "Implicit" "concatenation."
            return f"not {'a'} docstring"

        async def g(self):
            '''Async.'''

        def h(self):
            b"bytes are code"
            """A later string is code."""
  ` + "\n",
  "strings_and_comments.py": "SQL = '''\n# no comment\n\n'''\nx = (1,  # trailing\n     2)\n\\\n\n    # indented comment\ny = 2  # done\n",
  "crlf_and_cr.py": '"""Doc."""\r\n# c\r\n\r\nx = 1\ry = 2\r',
  "no_final_newline.py": "x = 1\n\n# last",
  "nested_in_blocks.py": "if True:\n    def f():\n        'doc'\n        try:\n            class C:\n                '''C.'''\n        except E:\n            pass\n",
};

describe("max-lines counts Python lines as Python's tokenizer and ast read them", () => {
  const root = writeTree(TEXTS, "testaudit-max-lines-oracle-");
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("on hand-picked texts", () => {
    const paths = Object.keys(TEXTS).map((name) => join(root, name));
    // The tree writer ends each file with a line end; these must stay as written.
    for (const name of Object.keys(TEXTS)) {
      writeFileSync(join(root, name), TEXTS[name]!);
    }
    const expected = oracleCounts(paths);
    for (const path of paths) {
      expect(testauditCounts(path), path).toEqual(expected[path]);
    }
  });

  it("on every 12th file of CPython's test suite, and the files whose docstrings are hardest to find", () => {
    // The bad_* and badsyntax_* files are invalid on purpose.
    const files = readdirSync(CPYTHON_TESTS).filter((name) => name.endsWith(".py") && !name.startsWith("bad")).sort();
    const sample = new Set([...files.filter((_, index) => index % 12 === 0), "test_compile.py", "test_getpath.py", "test_grammar.py", "test_tokenize.py", "test_string_literals.py"]);
    const paths = [...sample].map((name) => join(CPYTHON_TESTS, name));
    const expected = oracleCounts(paths);
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      expect(testauditCounts(path), path).toEqual(expected[path]);
    }
  }, 120_000);
});
