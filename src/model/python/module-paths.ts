/**
 * Where Python's import system would find a module for a test file, read from the file system
 * without importing anything: which folders are packages, the folders absolute imports search, and
 * the dotted name a file is imported under.
 */
import { basename, dirname, join, resolve } from "node:path";
import { dependsOn } from "../dependencies.js";
import { isFile } from "../fs-snapshot.js";

/** Whether `directory` is a package: which folders are packages decides what imports resolve to. */
export function isPackage(directory: string): boolean {
  const init = join(directory, "__init__.py");
  dependsOn(init);
  return isFile(init);
}

/**
 * The folder pytest's "prepend" import mode puts on `sys.path` to import a module in `directory`: the
 * first folder above the top package holding it, or the folder itself when it is no package.
 */
export function prependedFolder(directory: string): string {
  let current = directory;
  while (isPackage(current)) {
    const parent = dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  return current;
}

/**
 * The folders absolute imports are searched in for a file in `directory`: the folder itself, each
 * package folder above it and the first folder above the top package (pytest's rootdir-relative
 * "prepend" import mode); the folders pytest prepended for the conftest.py files it imported before the
 * file (`conftestFolders`, nearest first: pytest imports them from the rootdir down, each in front of
 * the last), which stay on `sys.path`, so `tests/conftest.py` in a package makes `tests.helpers`
 * importable from a test in a folder that is none; pytest's `pythonpath` entries; and the working
 * directory.
 */
export function importRoots(directory: string, conftestFolders: readonly string[], pythonpath: readonly string[], cwd: string): string[] {
  const roots = [directory];
  let current = directory;
  while (isPackage(current)) {
    const parent = dirname(current);
    if (parent === current) {
      break;
    }
    roots.push(parent);
    current = parent;
  }
  roots.push(...conftestFolders.map(prependedFolder), ...pythonpath, cwd);
  return [...new Set(roots.map((root) => resolve(root)))];
}

/**
 * The dotted name Python gives the module in `path` when it is imported through its packages: the file's
 * name after the names of the package folders (those with `__init__.py`) above it.
 */
export function moduleNameOf(path: string): string {
  const parts = basename(path) === "__init__.py" ? [] : [basename(path, ".py")];
  let directory = dirname(path);
  while (isPackage(directory)) {
    parts.unshift(basename(directory));
    const parent = dirname(directory);
    if (parent === directory) {
      break;
    }
    directory = parent;
  }
  return parts.join(".");
}

/**
 * The files module `name` (with `level` leading dots) could be in, imported from the file at `fromPath`
 * with absolute imports searched in `roots`, in the order Python's import system would try them. The
 * importing file itself is among them when its own name is imported.
 */
export function* moduleFiles(roots: readonly string[], fromPath: string, name: string, level: number): Generator<string> {
  const relativePath = name === "" ? [] : name.split(".");
  let bases: readonly string[];
  if (level > 0) {
    let directory = dirname(fromPath);
    for (let i = 1; i < level; i++) {
      directory = dirname(directory);
    }
    bases = [directory];
  } else {
    bases = roots;
  }
  for (const base of bases) {
    const target = join(base, ...relativePath);
    yield* relativePath.length === 0 ? [join(target, "__init__.py")] : [`${target}.py`, join(target, "__init__.py")];
  }
}

/** moduleFiles without the importing file: a module does not import itself. */
export function* moduleCandidates(roots: readonly string[], fromPath: string, name: string, level: number): Generator<string> {
  for (const candidate of moduleFiles(roots, fromPath, name, level)) {
    if (candidate !== fromPath) {
      yield candidate;
    }
  }
}
