/**
 * Inside one `testaudit` run, which file a module name finds is asked once and kept for every file
 * that asks again with the same import roots (fs-snapshot.ts, keptAnswer). `eslint` keeps nothing
 * from one file to the next, so its findings are what each file gets alone: the audit's must be the
 * same, where folders shadow each other's modules, a module imports its own name, and a package in
 * one folder shadows a module of the same name at the root.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import dedent from "dedent";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/report-types.js";
import { writeTree } from "../temp-tree.js";

const repository = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const plugin = pathToFileURL(join(repository, "dist/src/index.js")).href;

const baseModule = "import unittest\n\n\nclass Base(unittest.TestCase):\n    pass\n";
const testOf = (module: string, name: string): string => `from ${module} import Base\n\n\nclass ${name}(Base):\n    def test_it(self):\n        self.assertTrue(True)\n`;

const folder = writeTree(
  {
    "eslint.config.mjs": dedent`
      import testaudit from ${JSON.stringify(plugin)};
      export default [
        {
          files: ["**/*.py"],
          plugins: { testaudit },
          language: "testaudit/python",
          rules: { "testaudit/require-base-class": ["error", { bases: ["unittest.TestCase"] }] },
        },
      ];
    `,
    // The project's root is on sys.path (pythonpath), after each test file's own folder, which no package holds.
    "pytest.ini": "[pytest]\npythonpath = .\n",
    // "shared" is a different module for the files of each folder.
    "a/shared.py": baseModule,
    "a/test_a.py": testOf("shared", "TestA"),
    "b/shared.py": "class Base:\n    pass\n",
    "b/test_b.py": testOf("shared", "TestB"),
    // A module that imports its own name, linted before and after the file that imports it.
    "shared.py": baseModule,
    "c/shared.py": testOf("shared", "TestSelf"),
    "c/test_c.py": testOf("shared", "TestC"),
    "util.py": baseModule,
    "d/a_test.py": testOf("util", "TestD"),
    "d/util.py": testOf("util", "TestUtil"),
    // A package in one folder, a module of the same name at the root.
    "e/pkgmod/__init__.py": baseModule,
    "e/test_e.py": testOf("pkgmod", "TestE"),
    "pkgmod.py": "class Base:\n    pass\n",
    "f/test_f.py": testOf("pkgmod", "TestF"),
  },
  "testaudit-run-lookups-",
);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

type Findings = Record<string, string[]>;

function eslintFindings(): Findings {
  const run = spawnSync(process.execPath, [join(repository, "node_modules/eslint/bin/eslint.js"), "--format", "json", "."], { cwd: folder, encoding: "utf8" });
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string }[] }[];
  return Object.fromEntries(results.filter((result) => result.filePath.endsWith(".py")).map((result) => [result.filePath.slice(folder.length + 1), result.messages.map((message) => `${message.ruleId ?? "parse"} ${message.line}:${message.column} ${message.message}`)]));
}

function auditFindings(): Findings {
  const run = spawnSync(process.execPath, [join(repository, "dist/src/cli/main.js"), "--format", "json", "--no-progress", "."], { cwd: folder, encoding: "utf8" });
  const report = JSON.parse(run.stdout) as AuditReport;
  return Object.fromEntries(
    report.files.map((file) => [file.path, file.violations.map((violation) => `${violation.ruleId} ${violation.line}:${violation.column} ${violation.message}`)]),
  );
}

describe("module lookups kept for a run", () => {
  const alone = eslintFindings();
  const inOneRun = auditFindings();

  it("give every file the findings it gets linted alone", () => {
    expect(Object.keys(inOneRun).sort()).toEqual(Object.keys(alone).sort());
    for (const [path, findings] of Object.entries(alone)) {
      expect([path, inOneRun[path]]).toEqual([path, findings]);
    }
  });

  it("keep apart folders whose modules of one name differ, and follow a module that imports its own name as a file alone does", () => {
    const flagged = Object.entries(alone).filter(([, findings]) => findings.length > 0);
    // A module importing its own name reads the next module on the path for itself, but the file that imports it cannot tell.
    const cannotTell = (name: string): string => `testaudit/require-base-class 4:7 Cannot tell whether test class '${name}' inherits from 'unittest.TestCase': base 'Base' not found in the project's files.`;
    expect(flagged).toEqual([
      ["b/test_b.py", ["testaudit/require-base-class 4:7 Test class 'TestB' does not inherit from 'unittest.TestCase'."]],
      ["c/test_c.py", [cannotTell("TestC")]],
      ["d/a_test.py", [cannotTell("TestD")]],
      ["f/test_f.py", ["testaudit/require-base-class 4:7 Test class 'TestF' does not inherit from 'unittest.TestCase'."]],
    ]);
  });
});
