/**
 * Python source decoded as CPython decodes it: PEP 263 coding cookies, a UTF-8 BOM, `\n`, `\r\n` and lone
 * `\r` line ends, and identifiers normalized to NFKC; a file CPython cannot decode gets one located fatal
 * message naming the problem. The oracles are real: `compile()` of Debian's python3 says which files
 * decode and where they fail, and `pytest --collect-only` which tests they hold. The files are real bytes
 * in a temporary folder, linted by real ESLint with the real plugin.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const PYTHON = "/usr/bin/python3";

/** File name → its bytes. Every file is a test module of `tests/integration/`. */
const FILES: Record<string, Buffer> = {
  "test_latin1.py": Buffer.from("# -*- coding: latin-1 -*-\nimport unittest\n\n\nclass TestCafe(unittest.TestCase):\n    def test_caf\xe9(self):\n        pass\n", "latin1"),
  "test_cookie_second_line.py": Buffer.concat([
    Buffer.from("#!/usr/bin/env python3\n# vim: set fileencoding=iso-8859-15 :\nimport unittest\n\n\nclass TestPrice(unittest.TestCase):\n    def test_euro(self):\n        self.assertEqual(\"", "latin1"),
    Buffer.from([0xa4]),
    Buffer.from("\", \"\\u20ac\")\n", "latin1"),
  ]),
  "test_lone_cr.py": Buffer.from("import unittest\r\r\rclass TestOrders(unittest.TestCase):\r    def test_total(self):\r        pass\r\r    def test_tax(self):\r        pass\r"),
  "test_crlf.py": Buffer.from("import unittest\r\n\r\n\r\nclass TestOrders(unittest.TestCase):\r\n    def test_total(self):\r\n        pass\r\n"),
  "test_bom.py": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("import unittest\n\n\nclass TestÜbersicht(unittest.TestCase):\n    def test_größe(self):\n        pass\n")]),
  "test_nfkc.py": Buffer.from("import unittest\n\n\nclass TestFiles(unittest.TestCase):\n    def test_\ufb01le(self):\n        pass\n"),
  "test_not_utf8.py": Buffer.concat([Buffer.from("import unittest\n\n\nclass TestCafe(unittest.TestCase):\n    def test_caf"), Buffer.from([0xe9]), Buffer.from("(self):\n        pass\n")]),
  "test_unknown_encoding.py": Buffer.from("# coding: klingon\nimport unittest\n"),
  "test_ascii_cookie.py": Buffer.from("# coding: ascii\nLABEL = \"caf\xe9\"\n", "latin1"),
  "test_bom_and_cookie.py": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("# coding: latin-1\nimport unittest\n")]),
};

interface OracleVerdict {
  ok: boolean;
  msg?: string;
  lineno?: number;
  offset?: number;
}

describe("decoding Python source as CPython does", () => {
  let folder: string;
  let oracle: Record<string, OracleVerdict>;
  let collected: Record<string, string[]>;
  let results: Map<string, ESLint.LintResult>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "testaudit-decoding-"));
    const tests = join(folder, "tests", "integration");
    mkdirSync(tests, { recursive: true });
    for (const [name, bytes] of Object.entries(FILES)) {
      writeFileSync(join(tests, name), bytes);
    }
    const script = [
      "import json, os, sys",
      "out = {}",
      "for name in sorted(os.listdir(sys.argv[1])):",
      "    path = os.path.join(sys.argv[1], name)",
      "    try:",
      "        compile(open(path, 'rb').read(), path, 'exec')",
      "        out[name] = {'ok': True}",
      "    except SyntaxError as error:",
      "        out[name] = {'ok': False, 'msg': error.msg, 'lineno': error.lineno, 'offset': error.offset}",
      "print(json.dumps(out))",
    ].join("\n");
    oracle = JSON.parse(spawnSync(PYTHON, ["-c", script, tests], { encoding: "utf8" }).stdout) as Record<string, OracleVerdict>;
    const pytest = spawnSync(PYTHON, ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests"], {
      cwd: folder,
      encoding: "utf8",
      env: { PATH: process.env.PATH, PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" },
    });
    collected = {};
    for (const line of pytest.stdout.split("\n")) {
      const match = /^tests\/integration\/([^:]+)::(.+)$/u.exec(line);
      if (match) {
        (collected[match[1]!] ??= []).push(match[2]!);
      }
    }
    const eslint = new ESLint({
      cwd: folder,
      overrideConfigFile: true,
      overrideConfig: [
        ...plugin.configs.recommended,
        // Every collected test is named by require-bvj's message, which shows what the model collected.
        { files: ["**/*.py"], rules: { "testaudit/require-bvj": ["error", { from: ["function"] }] } },
      ],
    });
    results = new Map((await eslint.lintFiles(["tests"])).map((result) => [result.filePath.slice(tests.length + 1), result]));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const fatal = (name: string): { message: string; line: number; column: number } | null => {
    const message = results.get(name)!.messages.find((candidate) => candidate.fatal === true);
    return message ? { message: message.message, line: message.line, column: message.column } : null;
  };
  const testNames = (name: string): string[] =>
    results.get(name)!.messages.filter((message) => message.messageId === "missingBlock").map((message) => /^Test '([^']+)'/u.exec(message.message)![1]!);

  it.each(["test_latin1.py", "test_cookie_second_line.py", "test_lone_cr.py", "test_crlf.py", "test_bom.py", "test_nfkc.py"])(
    "%s: CPython reads it, and so does testaudit, collecting the tests pytest collects",
    (name) => {
      expect(oracle[name]).toEqual({ ok: true });
      expect(fatal(name)).toBeNull();
      // unittest's loader orders a class's tests by name, testaudit by position.
      expect(testNames(name).sort()).toEqual(collected[name]!.map((id) => id.slice(id.lastIndexOf("::") + 2)).sort());
    },
  );

  it("names the test with a latin-1 identifier as pytest does", () => {
    expect(collected["test_latin1.py"]).toEqual(["TestCafe::test_café"]);
    expect(testNames("test_latin1.py")).toEqual(["test_café"]);
  });

  it("normalizes identifiers to NFKC as Python does", () => {
    expect(collected["test_nfkc.py"]).toEqual(["TestFiles::test_file"]);
  });

  it("places messages on the lines of a file with lone CR line ends", () => {
    const lines = results.get("test_lone_cr.py")!.messages.map((message) => [message.line, message.column]);
    expect(lines).toEqual([[5, 9], [8, 9]]);
  });

  it("reports bytes that are not UTF-8, with no cookie, where CPython does", () => {
    const verdict = oracle["test_not_utf8.py"]!;
    expect(verdict.ok).toBe(false);
    expect(fatal("test_not_utf8.py")).toEqual({
      message: "Parsing error: (unicode error) 'utf-8' codec can't decode byte 0xe9: invalid continuation byte (no encoding declared; see PEP 263)",
      line: verdict.lineno,
      column: verdict.offset,
    });
  });

  it.each([
    ["test_unknown_encoding.py", "Parsing error: unknown encoding: klingon", 1, 11],
    ["test_ascii_cookie.py", "Parsing error: 'ascii' codec can't decode byte 0xe9 in position 28: ordinal not in range(128)", 2, 13],
    ["test_bom_and_cookie.py", "Parsing error: encoding problem: iso-8859-1 with BOM", 1, 11],
  ])("%s: CPython refuses it (at no line); testaudit says why at the cookie or the byte", (name, message, line, column) => {
    expect(oracle[name]!.ok).toBe(false);
    expect(oracle[name]!.lineno).toBe(0);
    expect(fatal(name)).toEqual({ message, line, column });
  });

  it("keeps the message CPython gives for the ascii codec", () => {
    expect(oracle["test_ascii_cookie.py"]!.msg).toBe("'ascii' codec can't decode byte 0xe9 in position 28: ordinal not in range(128)");
  });

  it("lints an editor's unsaved buffer as given, not the file on disk", async () => {
    const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText("import unittest\n\n\nclass TestCafe(unittest.TestCase):\n    def test_café(self):\n        pass\n", {
      filePath: join(folder, "tests", "integration", "test_not_utf8.py"),
    });
    expect(result!.messages.filter((message) => message.fatal === true)).toEqual([]);
  });
});
