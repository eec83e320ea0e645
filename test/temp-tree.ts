/**
 * Real files in temporary folders for cross-file cases: a tree per RuleTester case, written before the
 * cases run (RuleTester reads a case's `filename` only when the case runs) and removed afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/** Relative path → file text. */
export type Files = Record<string, string>;

/** Writes `files` into a fresh temporary folder (named after `prefix`) and returns the folder. */
export function writeTree(files: Files, prefix = "testaudit-"): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [relative, text] of Object.entries(files)) {
    const file = join(root, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text.endsWith("\n") || text === "" ? text : `${text}\n`);
  }
  return root;
}

/**
 * Registers the trees of a test file's cases. `inTree(files, testFile, testCase)` gives the case a
 * `filename` inside its own tree of `files`, the test file itself included.
 */
export function caseTrees(prefix: string): { inTree: <T extends { name: string; code: string }>(files: Files, testFile: string, testCase: T) => T & { filename: string } } {
  const treeFiles = new Map<string, Files>();
  const treeRoots = new Map<string, string>();
  beforeAll(() => {
    for (const [key, files] of treeFiles) {
      treeRoots.set(key, writeTree(files, prefix));
    }
  });
  afterAll(() => {
    for (const root of treeRoots.values()) {
      rmSync(root, { recursive: true, force: true });
    }
  });
  return {
    inTree(files, testFile, testCase) {
      if (treeFiles.has(testCase.name)) {
        throw new Error(`Duplicate case name "${testCase.name}".`);
      }
      treeFiles.set(testCase.name, { ...files, [testFile]: testCase.code });
      Object.defineProperty(testCase, "filename", {
        enumerable: true,
        get: () => {
          const root = treeRoots.get(testCase.name);
          if (root === undefined) {
            throw new Error(`The folder tree of case "${testCase.name}" was not written.`);
          }
          return join(root, testFile);
        },
      });
      return testCase as typeof testCase & { filename: string };
    },
  };
}
