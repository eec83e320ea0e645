/**
 * The two Python parsers testaudit reimplements to read pytest's configuration, compared with the real
 * ones on the same inputs: Python's `shlex.split` (how pytest splits a string setting) and iniconfig
 * (Debian's python3-iniconfig, the one pytest 7.2 reads INI files with). Inputs are hand-picked cases
 * and seeded random ones over the characters that matter; one Python process answers each list.
 */
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IniSyntaxError, parseIni } from "../../src/model/iniconfig.js";
import { ShlexError, shlexSplit } from "../../src/model/shlex.js";
import { ORACLE_PYTHON } from "../pytest-oracle.js";

const SEED = 20_260_601;

/** Runs `script` with `inputs` as JSON on its standard input and returns what it prints as JSON. */
function askPython(script: string, inputs: readonly string[]): unknown[] {
  const run = spawnSync(ORACLE_PYTHON, ["-c", script], { input: JSON.stringify(inputs), encoding: "utf8", env: { PATH: "/usr/bin:/bin", PYTHONNOUSERSITE: "1" } });
  if (run.status !== 0) {
    throw new Error(`python3 exited ${String(run.status)}:\n${run.stderr}`);
  }
  return JSON.parse(run.stdout) as unknown[];
}

const SHLEX_SCRIPT = `
import json, shlex, sys
out = []
for text in json.load(sys.stdin):
    try:
        out.append({"words": shlex.split(text)})
    except ValueError as error:
        out.append({"error": str(error)})
print(json.dumps(out))
`;

function shlexAnswer(text: string): unknown {
  try {
    return { words: shlexSplit(text) };
  } catch (error) {
    if (error instanceof ShlexError) {
      return { error: error.message };
    }
    throw error;
  }
}

// Each text is written to a file and read back the way pytest reads a configuration file.
const INICONFIG_SCRIPT = `
import json, os, sys, tempfile
import iniconfig
out = []
folder = tempfile.mkdtemp()
path = os.path.join(folder, "pytest.ini")
for text in json.load(sys.stdin):
    with open(path, "w", newline="") as file:
        file.write(text)
    try:
        ini = iniconfig.IniConfig(path)
        out.append({"sections": [[name, list(ini.sections[name].items())] for name in ini.sections]})
    except iniconfig.ParseError as error:
        out.append({"error": error.msg, "line": error.lineno + 1})
os.remove(path)
os.rmdir(folder)
print(json.dumps(out))
`;

function iniAnswer(text: string): unknown {
  try {
    return { sections: [...parseIni(text)].map(([name, values]) => [name, [...values]]) };
  } catch (error) {
    if (error instanceof IniSyntaxError) {
      return { error: error.message, line: error.line };
    }
    throw error;
  }
}

const SHLEX_CASES = [
  "test_*.py check_*.py",
  "  spaced\tout\nover lines  ",
  "\"check_\" 'verify_'",
  "'it''s' \"a \\\"b\\\" \\c\"",
  "a\\ b c\\\\d",
  "'' \"\" x",
  "# not a comment ; nor this",
  "unclosed 'quote",
  'unclosed "quote',
  "trailing\\",
  '"escape at end\\',
  "form\ffeed and\u00a0no-break",
  "",
];

const INI_CASES = [
  "[pytest]\npython_files = check_*.py\n",
  "# top comment\n[pytest]  ; header comment\npython_files:\n    check_*.py\n    # skipped\n\n    *_spec.py\npython_functions = check_ ; verify_\n",
  "[pytest]\nkey =\n  first\n  second\nother: a = b\na:b = c\n",
  "[ pytest ]\nx = 1\n",
  "[pytest]\r\nx = 1\r\ny = 2\rz = 3",
  "[pytest]\n    indented = value\n",
  "x = 1\n",
  "  continued\n[pytest]\n",
  "[pytest]\nx = 1\nx = 2\n",
  "[pytest]\n[pytest]\n",
  "[pytest]\nno separator here\n",
  "[]\n",
  "[pytest\nx = 1\n",
  "[a]\nx = 1\n[b]\n  orphan\n",
  "\ufeff[pytest]\nx = 1\n",
  "[pytest]\nx = 1\nbroken\n[pytest]\n",
];

/** Lines that mean something to iniconfig, joined in random order with random line ends. */
const iniText = fc
  .array(
    fc.tuple(
      fc.constantFrom("[pytest]", "[tool:pytest]", "[a] # c", "[ pytest ]", "[", "[]", "python_functions = check_", "k: v", "a:b = c", "k =", "k = v ; c", "\tk2 = v", "  continued", "  # indented comment", "# comment", "; comment", "", "x", "[a]b"),
      fc.constantFrom("\n", "\r\n", "\r"),
    ),
    { maxLength: 8 },
  )
  .map((lines) => lines.map(([line, end]) => `${line}${end}`).join(""));

const shlexText = fc.array(fc.constantFrom("a", "b", " ", "\t", "\n", "'", '"', "\\", "#", ";", "*", "\r", "\f"), { maxLength: 12 }).map((chars) => chars.join(""));

describe("shlex.split as pytest splits string settings", () => {
  it("splits like Python's shlex on hand-picked values", () => {
    expect(SHLEX_CASES.map(shlexAnswer)).toEqual(askPython(SHLEX_SCRIPT, SHLEX_CASES));
  });

  it("splits like Python's shlex on random values over quotes, escapes and white space", () => {
    const texts = fc.sample(shlexText, { numRuns: 400, seed: SEED });
    expect(texts.map(shlexAnswer)).toEqual(askPython(SHLEX_SCRIPT, texts));
  });
});

describe("INI files as iniconfig reads them for pytest", () => {
  it("reads like iniconfig on hand-picked files, errors and their lines included", () => {
    expect(INI_CASES.map(iniAnswer)).toEqual(askPython(INICONFIG_SCRIPT, INI_CASES));
  });

  it("reads like iniconfig on random files of headers, settings, continuations and comments", () => {
    const texts = fc.sample(iniText, { numRuns: 400, seed: SEED });
    expect(texts.map(iniAnswer)).toEqual(askPython(INICONFIG_SCRIPT, texts));
  });
});
