/**
 * What a name written in a Python module denotes, found the way Python binds names and without
 * importing anything: a class statement, a function, an import (absolute, relative, aliased, star,
 * re-exported through `__init__.py` files and `__all__`), a module-level assignment of another name
 * (`BaseTestCase = SSotBaseTestCase`, chains of them), or a module imported at run time by a literal
 * name. Project modules are found as Python's import system would find them from the test file and
 * are read, never imported; a name that leaves the project is reported by its qualified name.
 * A name bound differently on different branches (`try`/`except ImportError`) resolves to each
 * alternative.
 */
import { dirname, join } from "node:path";
import { dependsOn } from "../dependencies.js";
import { isDirectory, keptAnswer, statIfFile } from "../fs-snapshot.js";
import { STDLIB_MODULES } from "./stdlib-modules.js";
import { moduleCandidates, moduleFiles } from "./module-paths.js";
import { summarizeFile, type ClassSummary, type DynamicReason, type ModuleSummary, type NameBinding } from "./module-summary.js";
import type { ImportBinding } from "./imports.js";
import { BUILTIN_CLASSES } from "./known-classes.js";

const MAX_DEPTH = 40;


/** What a name denotes. */
export type Resolved =
  | { kind: "class"; module: ModuleSummary; cls: ClassSummary }
  | { kind: "function"; module: ModuleSummary; name: string; line: number }
  | { kind: "module"; module: ModuleSummary }
  /** Something outside the project's files (the standard library, an installed package, a builtin), by qualified name. */
  | { kind: "external"; name: string }
  /** Bound to something no reader can tell without running the code. */
  | { kind: "undetermined"; name: string; reason: DynamicReason }
  /** Bound nowhere a reader can find: an import of a project module that does not exist, or a name never bound. */
  | { kind: "unresolved"; name: string };

type Scope = ReadonlyMap<string, readonly NameBinding[]>;

/** The first of `files` whose summary can be read, or null. */
function firstSummarized(files: Iterable<string>): string | null {
  for (const file of files) {
    if (summarizeFile(file)) {
      return file;
    }
  }
  return null;
}

export class NameResolver {
  readonly #roots: readonly string[];
  /** The roots as a key of answers kept for the run: files with the same roots find the same modules. */
  readonly #rootsKey: string;
  /** Found modules by level, importing file (relative imports only) and name; a resolver serves one linted file. */
  readonly #modules = new Map<string, ModuleSummary | null>();
  readonly #topLevels = new Map<string, boolean>();

  constructor(roots: readonly string[]) {
    this.#roots = roots;
    this.#rootsKey = roots.join("\0");
  }

  /** The files module `name` (with `level` leading dots) could be in, imported from the file at `fromPath`. */
  moduleCandidates(fromPath: string, name: string, level: number): Generator<string> {
    return moduleCandidates(this.#roots, fromPath, name, level);
  }

  /**
   * What `dotted`, written in `summary`'s module, may denote. `scope` gives the bindings of names where
   * the name is used, when they differ from what the module binds once it has run.
   */
  resolve(summary: ModuleSummary, dotted: string, scope?: Scope): Resolved[] {
    return this.#resolveIn(summary, dotted.split("."), scope, 0);
  }

  /**
   * The qualified names outside the project that a reference reaches through project modules: for
   * `tests.mock.patch` where `tests/__init__.py` holds `from unittest import mock`, `unittest.mock.patch`.
   * Empty when the reference does not pass through a project module (it then names itself).
   * `qualifiedName` is as the importing statement binds it, with leading dots for a relative import.
   */
  externalNamesThroughProject(fromPath: string, qualifiedName: string): string[] {
    const resolved = this.resolveQualified(fromPath, qualifiedName);
    if (resolved.length === 1 && resolved[0]!.kind === "external" && resolved[0]!.name === qualifiedName) {
      return [];
    }
    return [...new Set(resolved.flatMap((entry) => (entry.kind === "external" ? [entry.name] : [])))];
  }

  /**
   * What a name as an import statement binds it denotes (`tests.fakes.FakeRedis`, `.fakes.FakeRedis`
   * with a leading dot per level of a relative import), imported from the file at `fromPath`.
   */
  resolveQualified(fromPath: string, qualifiedName: string): Resolved[] {
    const level = /^\.*/u.exec(qualifiedName)![0].length;
    const segments = qualifiedName.slice(level).split(".").filter((segment) => segment !== "");
    return level > 0 ? this.#resolveRelative(fromPath, level, segments, 0) : this.#resolveAbsolute(fromPath, segments, 0);
  }

  /** The names `summary`'s star imports bind that its own statements do not, from the project modules they read. */
  namesFromStarImports(summary: ModuleSummary): string[] {
    const names = new Set<string>();
    const visited = new Set<string>([summary.path]);
    const add = (module: ModuleSummary): void => {
      for (const star of module.starImports) {
        const target = this.#findModule(module.path, star.module, star.level);
        if (!target || visited.has(target.path)) {
          continue;
        }
        visited.add(target.path);
        for (const name of target.exported ?? [...target.bindings.keys()].filter((bound) => !bound.startsWith("_"))) {
          names.add(name);
        }
        if (target.exported === null) {
          add(target);
        }
      }
    };
    add(summary);
    return [...names].filter((name) => !summary.bindings.has(name));
  }

  #resolveIn(summary: ModuleSummary, segments: readonly string[], scope: Scope | undefined, depth: number): Resolved[] {
    const written = segments.join(".");
    if (depth > MAX_DEPTH) {
      return [{ kind: "unresolved", name: written }];
    }
    const [head, ...rest] = segments as [string, ...string[]];
    // A scope holds what was bound where the name is used (`class TestCase(TestCase)` means the imported
    // one). A name it lacks was bound by no statement yet: a star import, else (a forward reference,
    // which Python rejects) what the module binds in the end.
    const alternatives = scope ? scope.get(head) : summary.bindings.get(head);
    if (alternatives) {
      return alternatives.flatMap((binding) => this.#follow(summary, binding, rest, written, depth + 1));
    }
    const fromStar = this.#fromStarImports(summary, segments, depth + 1);
    if (fromStar) {
      return fromStar;
    }
    // The class whose scope this is cannot be its own base.
    const later = scope ? summary.bindings.get(head)?.filter((binding) => binding.kind !== "class" || binding.cls.scope !== scope) : undefined;
    if (later && later.length > 0) {
      return later.flatMap((binding) => this.#follow(summary, binding, rest, written, depth + 1));
    }
    return BUILTIN_CLASSES.has(head) && rest.length === 0 ? [{ kind: "external", name: head }] : [{ kind: "unresolved", name: written }];
  }

  /** A name no statement of the module binds, looked up in what its star imports bring (the last one wins). */
  #fromStarImports(summary: ModuleSummary, segments: readonly string[], depth: number): Resolved[] | null {
    const head = segments[0]!;
    for (const star of [...summary.starImports].reverse()) {
      const module = this.#findModule(summary.path, star.module, star.level);
      if (module) {
        if (this.#exports(module, head, new Set())) {
          return this.#resolveIn(module, segments, undefined, depth);
        }
      } else if (star.level === 0) {
        // No file to read (the standard library, an installed package): the name may be that module's.
        return [{ kind: "external", name: `${star.module}.${segments.join(".")}` }];
      }
    }
    return null;
  }

  /** Whether `from module import *` binds `name`: listed in `__all__`, else any public name the module binds. */
  #exports(module: ModuleSummary, name: string, visited: Set<string>): boolean {
    if (module.exported !== null) {
      return module.exported.includes(name);
    }
    if (name.startsWith("_")) {
      return false;
    }
    if (module.bindings.has(name)) {
      return true;
    }
    if (visited.has(module.path)) {
      return false;
    }
    visited.add(module.path);
    return module.starImports.some((star) => {
      const next = this.#findModule(module.path, star.module, star.level);
      // A module outside the project cannot be read: any public name may come from it.
      return next !== null ? this.#exports(next, name, visited) : star.level === 0;
    });
  }

  #follow(summary: ModuleSummary, binding: NameBinding, rest: readonly string[], written: string, depth: number): Resolved[] {
    switch (binding.kind) {
      case "class":
        return rest.length === 0 ? [{ kind: "class", module: summary, cls: binding.cls }] : [{ kind: "unresolved", name: written }];
      case "function":
        return rest.length === 0 ? [{ kind: "function", module: summary, name: binding.name, line: binding.line }] : [{ kind: "unresolved", name: written }];
      case "import":
        return this.#followImport(summary.path, binding.binding, rest, depth);
      case "module":
        return this.#resolveAbsolute(summary.path, [...binding.module.split("."), ...rest], depth);
      case "alias":
        return this.#resolveIn(summary, [...binding.target.split("."), ...rest], undefined, depth);
      case "dynamic":
        return [{ kind: "undetermined", name: written, reason: binding.reason }];
    }
  }

  #followImport(fromPath: string, binding: ImportBinding, rest: readonly string[], depth: number): Resolved[] {
    if (binding.member === null) {
      // `import a.b.c` binds `a`; `import a.b as c` binds `a.b`.
      return this.#resolveAbsolute(fromPath, [...binding.boundTo.split("."), ...rest], depth);
    }
    const moduleSegments = binding.module === "" ? [] : binding.module.split(".");
    if (binding.level > 0) {
      return this.#resolveRelative(fromPath, binding.level, [...moduleSegments, binding.member, ...rest], depth, moduleSegments.length);
    }
    return this.#resolveAbsolute(fromPath, [...moduleSegments, binding.member, ...rest], depth);
  }

  /**
   * A dotted name from the top of the import system: the longest leading part that is a project module,
   * then names inside it. A name whose first segment is no project module is the outside world's, by
   * its qualified name.
   */
  #resolveAbsolute(fromPath: string, segments: readonly string[], depth: number): Resolved[] {
    const written = segments.join(".");
    const top = segments[0];
    if (top === undefined || depth > MAX_DEPTH) {
      return [{ kind: "unresolved", name: written }];
    }
    if (STDLIB_MODULES.has(top) || !this.#isProjectTopLevel(top)) {
      return [{ kind: "external", name: written }];
    }
    for (let length = segments.length; length >= 1; length--) {
      const module = this.#findModule(fromPath, segments.slice(0, length).join("."), 0);
      if (module) {
        return this.#descend(module, segments.slice(length), depth);
      }
    }
    return [{ kind: "external", name: written }];
  }

  /**
   * `from ..pkg import name` and names after it: `segments` holds the module's segments (the first
   * `moduleLength`), then the imported name and what follows it.
   */
  #resolveRelative(fromPath: string, level: number, segments: readonly string[], depth: number, moduleLength = 0): Resolved[] {
    const written = `${".".repeat(level)}${segments.join(".")}`;
    if (depth > MAX_DEPTH) {
      return [{ kind: "unresolved", name: written }];
    }
    let directory = dirname(fromPath);
    for (let i = 1; i < level; i++) {
      directory = dirname(directory);
    }
    const moduleName = segments.slice(0, moduleLength).join(".");
    const module = this.#findModule(fromPath, moduleName, level);
    if (module) {
      return this.#descend(module, segments.slice(moduleLength), depth);
    }
    if (moduleLength === 0 && segments.length > 0) {
      // A folder without `__init__.py` (a namespace package): `from . import helpers` finds the submodule.
      const submodule = this.#moduleAt(join(directory, segments[0]!));
      if (submodule) {
        return this.#descend(submodule, segments.slice(1), depth);
      }
    }
    return [{ kind: "unresolved", name: written }];
  }

  /** Names inside a project module: what it binds (its attributes), else a submodule of its package. */
  #descend(module: ModuleSummary, segments: readonly string[], depth: number): Resolved[] {
    if (segments.length === 0) {
      return [{ kind: "module", module }];
    }
    const head = segments[0]!;
    if (module.bindings.has(head) || this.#exports(module, head, new Set())) {
      return this.#resolveIn(module, segments, undefined, depth + 1);
    }
    if (module.path.endsWith("__init__.py")) {
      const submodule = this.#moduleAt(join(dirname(module.path), head));
      if (submodule) {
        return this.#descend(submodule, segments.slice(1), depth + 1);
      }
    }
    return [{ kind: "unresolved", name: segments.join(".") }];
  }

  /**
   * Whether some import root holds a module or a folder named `top`: most imports name installed packages,
   * and this spares looking for every leading part of their names.
   */
  #isProjectTopLevel(top: string): boolean {
    let found = this.#topLevels.get(top);
    if (found === undefined) {
      found = keptAnswer("project top level", `${this.#rootsKey}\0${top}`, () =>
        this.#roots.some((root) => {
          const file = join(root, `${top}.py`);
          const folder = join(root, top);
          dependsOn(file);
          dependsOn(folder);
          return statIfFile(file) !== undefined || isDirectory(folder);
        }),
      );
      this.#topLevels.set(top, found);
    }
    return found;
  }

  /** The module at `pathWithoutExtension` (`.py`, or a package's `__init__.py`). */
  #moduleAt(pathWithoutExtension: string): ModuleSummary | null {
    return summarizeFile(`${pathWithoutExtension}.py`) ?? summarizeFile(join(pathWithoutExtension, "__init__.py"));
  }

  /** The summary of module `name` (with `level` leading dots) imported from the file at `fromPath`. */
  #findModule(fromPath: string, name: string, level: number): ModuleSummary | null {
    const key = `${level}\0${level > 0 ? fromPath : ""}\0${name}`;
    let found = this.#modules.get(key);
    if (found === undefined) {
      // Which file it is follows from the roots, the key and the files alone, so the run asks once; only
      // a module that names itself looks further, for itself.
      const file = keptAnswer("module file", `${this.#rootsKey}\0${key}`, () => firstSummarized(moduleFiles(this.#roots, fromPath, name, level)));
      const own = file === fromPath ? firstSummarized(this.moduleCandidates(fromPath, name, level)) : file;
      found = own === null ? null : summarizeFile(own);
      this.#modules.set(key, found);
    }
    return found;
  }
}
