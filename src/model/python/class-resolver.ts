/**
 * Decides whether a class reaches one of a set of base classes, following each base through the
 * names Python binds (see name-resolver.ts) into classes of the same file and of other project files.
 * A base that leaves the project is matched against the known hierarchy of library classes. Three
 * outcomes: reached; known not to reach; or not known, because a base was found nowhere a reader can
 * look or is computed at run time.
 */
import { matchesBase } from "../base-match.js";
import type { BaseReference, BaseResolution, UndeterminedBase } from "../test-file-model.js";
import { BUILTIN_CLASSES, KNOWN_BASES } from "./known-classes.js";
import { moduleNameOf } from "./module-paths.js";
import type { BaseExpression, ClassSummary, ModuleSummary } from "./module-summary.js";
import type { NameResolver, Resolved } from "./name-resolver.js";
import { STDLIB_MODULES } from "./stdlib-modules.js";

const MAX_DEPTH = 40;

type Outcome =
  | { kind: "reached"; via: string }
  | { kind: "missing" }
  | { kind: "unknown"; unresolved: string[]; undetermined: UndeterminedBase[] };

const MISSING: Outcome = { kind: "missing" };

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

function unknown(unresolved: string[], undetermined: UndeterminedBase[]): Outcome {
  return { kind: "unknown", unresolved, undetermined };
}

/** Several bases of one class: one that reaches is enough; otherwise what is not known stays not known. */
function anyOf(outcomes: readonly Outcome[]): Outcome {
  const reached = outcomes.find((outcome) => outcome.kind === "reached");
  if (reached) {
    return reached;
  }
  const unknowns = outcomes.filter((outcome) => outcome.kind === "unknown");
  return unknowns.length === 0 ? MISSING : unknown(unknowns.flatMap((entry) => entry.unresolved), unknowns.flatMap((entry) => entry.undetermined));
}

/** The alternatives one base name may denote (branches of a `try`/`if`): it reaches only if every one does. */
function everyOf(outcomes: readonly Outcome[], written: string): Outcome {
  if (outcomes.every((outcome) => outcome.kind === "reached")) {
    return outcomes[0]!;
  }
  if (outcomes.every((outcome) => outcome.kind === "missing")) {
    return MISSING;
  }
  const unknowns = outcomes.filter((outcome) => outcome.kind === "unknown");
  if (outcomes.some((outcome) => outcome.kind === "missing") && outcomes.some((outcome) => outcome.kind === "reached")) {
    return unknown([], [{ base: written, reason: "branches" }]);
  }
  return anyOf(unknowns);
}

export class ClassResolver {
  readonly #names: NameResolver;
  readonly #moduleNames = new Map<string, string>();

  constructor(names: NameResolver) {
    this.#names = names;
  }

  /**
   * Whether the class of `summary`'s module whose name is on `line` (null for a class the summary does
   * not hold: nested ones), with these bases, reaches one of `targets`.
   */
  resolveBases(summary: ModuleSummary, line: number | null, bases: readonly BaseReference[], targets: readonly string[]): BaseResolution {
    const cls = line === null ? undefined : summary.classesByLine.get(line);
    const expressions: BaseExpression[] = bases.map((base) =>
      base.computed === null ? { kind: "name", written: base.written } : { kind: "dynamic", written: base.written, reason: base.computed === "branches" ? "expression" : base.computed },
    );
    const outcome = anyOf(expressions.map((base) => this.#reachBase(summary, cls?.scope, base, targets, new Map(), 1)));
    switch (outcome.kind) {
      case "reached":
        return { reached: true, via: outcome.via };
      case "missing":
        return { reached: false, unresolved: [], undetermined: [] };
      case "unknown":
        return {
          reached: false,
          unresolved: [...new Set(outcome.unresolved)],
          undetermined: outcome.undetermined.filter((entry, index, all) => all.findIndex((other) => other.base === entry.base) === index),
        };
    }
  }

  /** Whether a class statement `summary` holds (`classesByLine`) reaches one of `targets` for certain. */
  classReaches(summary: ModuleSummary, cls: ClassSummary, targets: readonly string[]): boolean {
    return this.#reachClass(summary, cls, targets, new Map(), 1).kind === "reached";
  }

  #reachBase(summary: ModuleSummary, scope: ClassSummary["scope"] | undefined, base: BaseExpression, targets: readonly string[], seen: Map<string, Outcome | null>, depth: number): Outcome {
    if (base.kind === "dynamic") {
      return unknown([], [{ base: base.written, reason: base.reason }]);
    }
    const direct = matchesBase(base.written, targets);
    if (direct !== null) {
      return { kind: "reached", via: direct };
    }
    const alternatives = this.#names.resolve(summary, base.written, scope);
    return everyOf(alternatives.map((resolved) => this.#reachResolved(resolved, base.written, targets, seen, depth)), base.written);
  }

  #reachResolved(resolved: Resolved, written: string, targets: readonly string[], seen: Map<string, Outcome | null>, depth: number): Outcome {
    switch (resolved.kind) {
      case "class":
        return this.#reachClass(resolved.module, resolved.cls, targets, seen, depth);
      case "external": {
        const known = matchesKnownClass(resolved.name, targets);
        if (known !== null) {
          return { kind: "reached", via: known };
        }
        // A builtin or standard-library class is known not to be the project's base; any other has no file to read.
        const top = resolved.name.split(".", 1)[0]!;
        return BUILTIN_CLASSES.has(resolved.name) || STDLIB_MODULES.has(top) ? MISSING : unknown([written], []);
      }
      case "undetermined":
        return unknown([], [{ base: written, reason: resolved.reason }]);
      case "function":
      case "module":
        return unknown([], [{ base: written, reason: "value" }]);
      case "unresolved":
        return unknown([written], []);
    }
  }

  #reachClass(module: ModuleSummary, cls: ClassSummary, targets: readonly string[], seen: Map<string, Outcome | null>, depth: number): Outcome {
    const key = `${module.path}\0${cls.line}`;
    const known = seen.get(key);
    if (known !== undefined) {
      // null: the class is being followed, so classes inherit from each other; that cycle reaches nothing more.
      return known ?? MISSING;
    }
    if (depth > MAX_DEPTH) {
      return MISSING;
    }
    seen.set(key, null);
    const outcome = this.#reachClassBases(module, cls, targets, seen, depth);
    seen.set(key, outcome);
    return outcome;
  }

  #reachClassBases(module: ModuleSummary, cls: ClassSummary, targets: readonly string[], seen: Map<string, Outcome | null>, depth: number): Outcome {
    // A dotted target names the class where it is defined (`pkg.mod.Base`), however it was imported.
    let moduleName = this.#moduleNames.get(module.path);
    if (moduleName === undefined) {
      moduleName = moduleNameOf(module.path);
      this.#moduleNames.set(module.path, moduleName);
    }
    const byDefinition = matchesBase(moduleName === "" ? cls.name : `${moduleName}.${cls.name}`, targets);
    if (byDefinition !== null) {
      return { kind: "reached", via: byDefinition };
    }
    return anyOf(cls.bases.map((base) => this.#reachBase(module, cls.scope, base, targets, seen, depth + 1)));
  }
}
