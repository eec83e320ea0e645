/**
 * Generated Python test suites for `testaudit verify`: N files with the numbers of tests, lines, mocked
 * tests, base classes, BVJ blocks and failing tests a report claims, with testaudit's recommended
 * config and the suite's own base class (test_framework.ssot.SSotBaseTestCase). pytest can run them.
 */
import { pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Files } from "./temp-tree.js";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;

export interface SuiteFile {
  path: string;
  tests: number;
  /** Editor lines of the file: padded with comments up to it (at least what the tests take). */
  lines?: number;
  /** How many of its tests patch something with unittest.mock. */
  mocked?: number;
  /** How many of its tests fail when pytest runs them. */
  failing?: number;
  /** Whether its class inherits SSotBaseTestCase (else unittest.TestCase). Default true. */
  base?: boolean;
  /** Whether it carries a complete BVJ block. Default true. */
  bvj?: boolean;
  /** A file that does not parse. */
  syntaxError?: boolean;
}

const BVJ = ['"""Integration tests.', "", "BVJ:", "- Segment: Mid", "- Business Goal: Retention", "- Value Impact: Orders load", "- Strategic Impact: Trust", '"""'];

function classNameOf(path: string): string {
  const stem = path.slice(path.lastIndexOf("/") + 1).replace(/\.py$/u, "").replace(/^test_/u, "");
  return `Test${stem.split("_").map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("")}`;
}

/** The text of one generated test file. */
export function suiteFileText(file: SuiteFile): string {
  const mocked = file.mocked ?? 0;
  const failing = file.failing ?? 0;
  const lines = [...(file.bvj === false ? ['"""Integration tests."""'] : BVJ)];
  if (mocked > 0) {
    lines.push("from unittest import mock");
  }
  lines.push(file.base === false ? "import unittest" : "from test_framework.ssot import SSotBaseTestCase", "", "");
  lines.push(`class ${classNameOf(file.path)}(${file.base === false ? "unittest.TestCase" : "SSotBaseTestCase"}):`);
  for (let index = 0; index < file.tests; index += 1) {
    lines.push(`    def test_case_${index + 1}(self):`);
    if (index < mocked) {
      lines.push('        with mock.patch("os.getcwd", return_value="/"):');
      lines.push("            pass");
    } else {
      lines.push(index < mocked + failing ? "        assert 1 == 2" : "        assert 1 == 1");
    }
  }
  if (file.tests === 0) {
    lines.push("    pass");
  }
  if (file.syntaxError === true) {
    lines.push("def broken(:");
  }
  while (file.lines !== undefined && lines.length < file.lines) {
    lines.push("# padding");
  }
  return `${lines.join("\n")}\n`;
}

/** A whole tree: the config, the base class, a pytest.ini and the generated files, plus `extra`. */
export function suiteTree(files: readonly SuiteFile[], extra: Files = {}): Files {
  const tree: Files = {
    "eslint.config.js": [
      `import testaudit from ${JSON.stringify(plugin)};`,
      "export default [",
      "  ...testaudit.configs.recommended,",
      '  { files: testaudit.configs["recommended-python"].files, rules: { "testaudit/require-base-class": ["error", { bases: ["test_framework.ssot.SSotBaseTestCase"] }] } },',
      "];",
    ].join("\n"),
    "pytest.ini": "[pytest]\npythonpath = .\n",
    "test_framework/__init__.py": "",
    "test_framework/ssot.py": "import unittest\n\n\nclass SSotBaseTestCase(unittest.TestCase):\n    pass\n",
    ...extra,
  };
  for (const file of files) {
    tree[file.path] = suiteFileText(file);
  }
  return tree;
}
