/**
 * Decides whether a class reaches one of a set of base classes, following its bases through classes of
 * the same file and through imports into other files of the project. Modules are found the way
 * Python's import system would find them from the test file (its folder, its package's root, pytest's
 * `pythonpath`, the working directory) and are read, never imported.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { BaseResolution } from "../test-file-model.js";
import type { PyImport } from "./imports.js";
import { summarizeFile, type ModuleSummary } from "./module-summary.js";
import { STDLIB_MODULES } from "./stdlib-modules.js";

const MAX_DEPTH = 40;

/** Builtins that may appear as bases and have no file to read. */
const BUILTIN_BASES = new Set([
  "object", "Exception", "BaseException", "ValueError", "RuntimeError", "dict", "list", "tuple", "set", "str",
  "int", "float", "bytes", "type", "property", "staticmethod", "classmethod",
]);

/** Does `name` (dotted) denote one of `targets`? A plain target matches by last segment, a dotted one by suffix. */
export function matchesBase(name: string, targets: readonly string[]): string | null {
  const last = name.slice(name.lastIndexOf(".") + 1);
  for (const target of targets) {
    if (target.includes(".") ? name === target || name.endsWith(`.${target}`) : last === target) {
      return target;
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
  while (existsSync(join(current, "__init__.py"))) {
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

export class ClassResolver {
  readonly #roots: readonly string[];

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
    for (const base of found.bases) {
      const reached = this.#resolveName(summary, base, targets, seen, depth + 1, unresolved);
      if (reached !== null) {
        return reached;
      }
    }
    return null;
  }

  /** Follows one base as written in `summary`'s module. Returns the matched target, or null. */
  #resolveName(summary: ModuleSummary, written: string, targets: readonly string[], seen: Set<string>, depth: number, unresolved: string[]): string | null {
    const direct = matchesBase(written, targets);
    if (direct !== null) {
      return direct;
    }
    const parts = written.split(".");
    const head = parts[0]!;
    const rest = parts.slice(1);
    if (rest.length === 0 && summary.classes.has(head)) {
      return this.#resolveClass(summary, head, targets, seen, depth, unresolved);
    }
    const binding = summary.imports.get(head);
    if (binding) {
      return this.#resolveImported(summary, binding, rest, written, targets, seen, depth, unresolved);
    }
    for (const star of summary.starImports) {
      const module = this.#findModule(summary, star.module, star.level);
      if (module && (module.classes.has(head) || module.imports.has(head))) {
        return this.#resolveName(module, written, targets, seen, depth + 1, unresolved);
      }
    }
    if (!BUILTIN_BASES.has(written)) {
      unresolved.push(written);
    }
    return null;
  }

  #resolveImported(summary: ModuleSummary, binding: PyImport, rest: string[], written: string, targets: readonly string[], seen: Set<string>, depth: number, unresolved: string[]): string | null {
    const qualified = [binding.boundTo, ...rest].join(".");
    const byQualifiedName = matchesBase(qualified, targets);
    if (byQualifiedName !== null) {
      return byQualifiedName;
    }
    // Candidate (module, class) splits: `from pkg import mod` + `mod.Base`, or `import a.b` + `a.b.Base`.
    const dotted = binding.member === null ? binding.boundTo : binding.module === "" ? binding.member : `${binding.module}.${binding.member}`;
    const segments = [...dotted.split("."), ...rest];
    for (let split = segments.length - 1; split >= 1; split--) {
      if (binding.member !== null && split < binding.module.split(".").filter(Boolean).length) {
        break;
      }
      const moduleName = segments.slice(0, split).join(".");
      const className = segments.slice(split).join(".");
      if (className.includes(".")) {
        continue;
      }
      const module = this.#findModule(summary, moduleName, binding.level);
      if (module) {
        return this.#resolveName(module, className, targets, seen, depth + 1, unresolved);
      }
    }
    const top = (binding.level > 0 ? "" : binding.module.split(".", 1)[0]) ?? "";
    if (!STDLIB_MODULES.has(top)) {
      unresolved.push(written);
    }
    return null;
  }

  /** The summary of module `name` (with `level` leading dots) imported from `from`'s file. */
  #findModule(from: ModuleSummary, name: string, level: number): ModuleSummary | null {
    const relativePath = name === "" ? [] : name.split(".");
    let bases: readonly string[];
    if (level > 0) {
      let directory = dirname(from.path);
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
        if (candidate === from.path) {
          continue;
        }
        const summary = summarizeFile(candidate);
        if (summary) {
          return summary;
        }
      }
    }
    return null;
  }
}
