/**
 * Decides whether a class reaches one of a set of base classes, following its bases through classes of
 * the same file and through imports into other files of the project. Modules are found the way
 * Python's import system would find them from the test file (its folder, its package's root, pytest's
 * `pythonpath`, the working directory) and are read, never imported.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { matchesBase } from "../base-match.js";
import { dependsOn } from "../dependencies.js";
import type { BaseResolution } from "../test-file-model.js";
import { importTarget, type ImportBinding } from "./imports.js";
import { summarizeFile, type ModuleSummary } from "./module-summary.js";
import { BUILTIN_CLASSES, KNOWN_BASES } from "./known-classes.js";
import { STDLIB_MODULES } from "./stdlib-modules.js";

const MAX_DEPTH = 40;



/** Whether `directory` is a package: which folders are packages decides what imports resolve to. */
function isPackage(directory: string): boolean {
  const init = join(directory, "__init__.py");
  dependsOn(init);
  return existsSync(init);
}

/** Like matchesBase, also climbing the known hierarchy of library classes (`unittest.case.TestCase`, Django's). */
function matchesKnownClass(name: string, targets: readonly string[], depth = 0): string | null {
  const direct = matchesBase(name, targets);
  if (direct !== null || depth > MAX_DEPTH) {
    return direct;
  }
  for (const base of KNOWN_BASES.get(name) ?? []) {
    const reached = matchesKnownClass(base, targets, depth + 1);
    if (reached !== null) {
      return reached;
    }
  }
  return null;
}

/**
 * The folders absolute imports are searched in for a file in `directory`: the folder itself, each
 * package folder above it and the first folder above the top package (pytest's rootdir-relative
 * "prepend" import mode), pytest's `pythonpath` entries, and the working directory.
 */
export function importRoots(directory: string, pythonpath: readonly string[], cwd: string): string[] {
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
  roots.push(...pythonpath, cwd);
  return [...new Set(roots.map((root) => resolve(root)))];
}

/**
 * The dotted name Python gives the module in `path` when it is imported through its packages: the file's
 * name after the names of the package folders (those with `__init__.py`) above it.
 */
function moduleNameOf(path: string): string {
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

export class ClassResolver {
  readonly #roots: readonly string[];
  readonly #moduleNames = new Map<string, string>();

  constructor(roots: readonly string[]) {
    this.#roots = roots;
  }

  /** Whether a class of `summary`'s module with these bases (dotted names as written) reaches one of `targets`. */
  resolveBases(summary: ModuleSummary, bases: readonly string[], targets: readonly string[]): BaseResolution {
    const unresolved: string[] = [];
    const seen = new Set<string>();
    for (const base of bases) {
      const reached = this.#resolveName(summary, base, targets, seen, 1, unresolved);
      if (reached !== null) {
        return { reached: true, via: reached };
      }
    }
    return { reached: false, unresolved: [...new Set(unresolved)] };
  }

  #resolveClass(summary: ModuleSummary, className: string, targets: readonly string[], seen: Set<string>, depth: number, unresolved: string[]): string | null {
    const key = `${summary.path}\0${className}`;
    const found = summary.classes.get(className);
    if (!found || seen.has(key) || depth > MAX_DEPTH) {
      return null;
    }
    seen.add(key);
    // A dotted target names the class where it is defined (`pkg.mod.Base`), however it was imported.
    let moduleName = this.#moduleNames.get(summary.path);
    if (moduleName === undefined) {
      moduleName = moduleNameOf(summary.path);
      this.#moduleNames.set(summary.path, moduleName);
    }
    const byDefinition = matchesBase(moduleName === "" ? className : `${moduleName}.${className}`, targets);
    if (byDefinition !== null) {
      return byDefinition;
    }
    for (const base of found.bases) {
      // In `class TestCase(TestCase)` the base is what the name meant before the class: an import.
      const reached = this.#resolveName(summary, base, targets, seen, depth + 1, unresolved, base === className);
      if (reached !== null) {
        return reached;
      }
    }
    return null;
  }

  /**
   * Follows one base as written in `summary`'s module. Returns the matched target, or null.
   * `shadowed`: the module's class of that name is the one being defined, so it is skipped.
   */
  #resolveName(summary: ModuleSummary, written: string, targets: readonly string[], seen: Set<string>, depth: number, unresolved: string[], shadowed = false): string | null {
    const direct = matchesBase(written, targets);
    if (direct !== null) {
      return direct;
    }
    const parts = written.split(".");
    const head = parts[0]!;
    const rest = parts.slice(1);
    if (rest.length === 0 && !shadowed && summary.classes.has(head)) {
      return this.#resolveClass(summary, head, targets, seen, depth, unresolved);
    }
    const binding = summary.imports.get(head);
    if (binding) {
      return this.#followImport(summary, binding, rest, written, targets, seen, depth, unresolved);
    }
    let fromStdlibStar = false;
    for (const star of summary.starImports) {
      const module = this.#findModule(summary, star.module, star.level);
      if (module && this.#binds(module, head, new Set())) {
        return this.#resolveName(module, written, targets, seen, depth + 1, unresolved);
      }
      if (!module && star.level === 0) {
        // `from unittest import *` has no file to read: the name may be the module's own.
        const byQualifiedName = matchesKnownClass(`${star.module}.${written}`, targets);
        if (byQualifiedName !== null) {
          return byQualifiedName;
        }
        fromStdlibStar ||= STDLIB_MODULES.has(star.module.split(".", 1)[0]!);
      }
    }
    if (!BUILTIN_CLASSES.has(written) && !fromStdlibStar) {
      unresolved.push(written);
    }
    return null;
  }

  /**
   * Follows a base bound by an import. A name met again while it is being followed (modules that
   * re-export it from each other) is unresolved, as the import would fail in Python.
   */
  #followImport(summary: ModuleSummary, binding: ImportBinding, rest: string[], written: string, targets: readonly string[], seen: Set<string>, depth: number, unresolved: string[]): string | null {
    const key = `import\0${summary.path}\0${written}`;
    if (seen.has(key)) {
      unresolved.push(written);
      return null;
    }
    seen.add(key);
    try {
      return this.#resolveImported(summary, binding, rest, written, targets, seen, depth, unresolved);
    } finally {
      seen.delete(key);
    }
  }

  #resolveImported(summary: ModuleSummary, binding: ImportBinding, rest: string[], written: string, targets: readonly string[], seen: Set<string>, depth: number, unresolved: string[]): string | null {
    const qualified = [binding.boundTo, ...rest].join(".");
    const byQualifiedName = matchesKnownClass(qualified, targets);
    if (byQualifiedName !== null) {
      return byQualifiedName;
    }
    const target = importTarget(binding, rest);
    const module = target && this.#findModule(summary, target.module, binding.level);
    if (target && module) {
      return this.#resolveName(module, target.name, targets, seen, depth + 1, unresolved);
    }
    const top = (binding.level > 0 ? "" : binding.module.split(".", 1)[0]) ?? "";
    if (!STDLIB_MODULES.has(top)) {
      unresolved.push(written);
    }
    return null;
  }

  /** Whether `module` binds `name` at module level, itself or through its own star imports. */
  #binds(module: ModuleSummary, name: string, visited: Set<string>): boolean {
    if (module.classes.has(name) || module.imports.has(name)) {
      return true;
    }
    if (visited.has(module.path)) {
      return false;
    }
    visited.add(module.path);
    return module.starImports.some((star) => {
      const next = this.#findModule(module, star.module, star.level);
      return next !== null && this.#binds(next, name, visited);
    });
  }

  /** The summary of module `name` (with `level` leading dots) imported from `from`'s file. */
  #findModule(from: ModuleSummary, name: string, level: number): ModuleSummary | null {
    for (const candidate of this.moduleCandidates(from.path, name, level)) {
      const summary = summarizeFile(candidate);
      if (summary) {
        return summary;
      }
    }
    return null;
  }

  /**
   * The files module `name` (with `level` leading dots) could be in, imported from the file at
   * `fromPath`, in the order Python's import system would try them.
   */
  *moduleCandidates(fromPath: string, name: string, level: number): Generator<string> {
    const relativePath = name === "" ? [] : name.split(".");
    let bases: readonly string[];
    if (level > 0) {
      let directory = dirname(fromPath);
      for (let i = 1; i < level; i++) {
        directory = dirname(directory);
      }
      bases = [directory];
    } else {
      bases = this.#roots;
    }
    for (const base of bases) {
      const target = join(base, ...relativePath);
      for (const candidate of [`${target}.py`, join(target, "__init__.py")]) {
        if (candidate !== fromPath) {
          yield candidate;
        }
      }
    }
  }
}
