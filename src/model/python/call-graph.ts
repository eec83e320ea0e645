/**
 * What a Python function calls, resolved as Python would find it without running anything: a function
 * of its module, or one the module imports from a project file; a method called on `self` or `cls`,
 * looked up through the class's bases (of this file and of project files), and through the test's
 * class when the caller is in its lineage, so a subclass's override counts; a method called through
 * `super()`, in the classes after the caller's. The mock trace and the
 * assertion trace follow helpers through this one resolver.
 */
import type { NameResolver } from "./name-resolver.js";
import type { PyClassDef, PyFunctionDef } from "./definitions.js";
import { moduleFactsOfFile, type ModuleFacts } from "./module-facts.js";
import type { ClassSummary } from "./module-summary.js";
import { STDLIB_MODULES } from "./stdlib-modules.js";

/** The methods that run when a class is instantiated and used as a context manager. */
const LIFECYCLE_METHODS = ["__init__", "__enter__", "__exit__", "__aenter__", "__aexit__"];

/** How deep a class lineage is followed. */
const MAX_LINEAGE_DEPTH = 40;

/** A function and the module that defines it. */
export interface Located {
  module: ModuleFacts;
  fn: PyFunctionDef;
}

export interface ClassRef {
  module: ModuleFacts;
  cls: PyClassDef;
}

/**
 * A module's functions by owner and name, its methods by owner and its classes by dotted name: names are
 * looked up at every call and base followed, and a file can hold thousands. Shared by every graph of a
 * run (module facts are cached per file).
 */
const functionIndexes = new WeakMap<ModuleFacts, Map<string, PyFunctionDef>>();
const methodIndexes = new WeakMap<ModuleFacts, Map<string, PyFunctionDef[]>>();
const classIndexes = new WeakMap<ModuleFacts, Map<string, PyClassDef>>();

/** The functions defined in the body of `module`'s class `owner` (its dotted path), in source order. */
export function methodsOf(module: ModuleFacts, owner: string): readonly PyFunctionDef[] {
  let index = methodIndexes.get(module);
  if (!index) {
    index = new Map();
    for (const fn of module.definitions.functions) {
      if (fn.owner !== null) {
        index.set(fn.owner, [...(index.get(fn.owner) ?? []), fn]);
      }
    }
    methodIndexes.set(module, index);
  }
  return index.get(owner) ?? [];
}

/** The first class of `module` whose dotted path is `name`. */
function classNamed(module: ModuleFacts, name: string): PyClassDef | undefined {
  let index = classIndexes.get(module);
  if (!index) {
    index = new Map();
    for (const cls of module.definitions.classes) {
      if (!index.has(cls.name)) {
        index.set(cls.name, cls);
      }
    }
    classIndexes.set(module, index);
  }
  return index.get(name);
}

/** The function `name` of `module` at module level (owner null), or the method `name` of its class `owner`. */
export function functionOf(module: ModuleFacts, owner: string | null, name: string): PyFunctionDef | undefined {
  let index = functionIndexes.get(module);
  if (!index) {
    // Set in source order, so a name defined twice is its last definition, as in Python.
    index = new Map(module.definitions.functions.map((fn) => [`${fn.owner ?? ""}\0${fn.name}`, fn]));
    functionIndexes.set(module, index);
  }
  return index.get(`${owner ?? ""}\0${name}`);
}

export class CallGraph {
  readonly #self: ModuleFacts;
  readonly #resolver: NameResolver;
  readonly #lineages = new Map<string, ClassRef[]>();

  /** `self`: the test module's facts (its own functions are looked up there, not read again from its file). */
  constructor(self: ModuleFacts, resolver: NameResolver) {
    this.#self = self;
    this.#resolver = resolver;
  }

  /**
   * The functions and methods `from` calls, in the order it names them; fixtures are not called.
   * @param testLineage the lineage of the test's class (empty at module level).
   * @param wide also the functions of the project that decorate `from` (`@jump_test(1, 3)`), whose
   *   wrappers run in its place (`self.name()` in a module-level function, such a wrapper, is then a
   *   method of the test's class), the functions it calls through an imported project module
   *   (`support.check_syntax_error(...)`; the standard library's are not followed), and the
   *   `__init__`, `__enter__` and `__exit__` of the project classes it instantiates (a context manager
   *   that checks when it closes).
   */
  *callees(from: Located, testLineage: readonly ClassRef[], wide = false): Generator<Located> {
    if (wide) {
      yield* this.#decorators(from);
      yield* this.#moduleAttributeCalls(from);
      yield* this.#constructions(from);
    }
    for (const call of from.fn.calls) {
      const onSelf = call.startsWith("self.");
      if (onSelf || call.startsWith("super.")) {
        const owner = from.fn.owner;
        if (owner === null) {
          const method = wide && onSelf ? this.method(testLineage, call.slice("self.".length)) : undefined;
          if (method) {
            yield method;
          }
          continue;
        }
        const lineage = this.selfLineage(from.module, owner, testLineage);
        // `super().name()` looks in the classes after the caller's own.
        const start = onSelf ? 0 : lineage.findIndex((ref) => ref.module === from.module && ref.cls.name === owner) + 1;
        const method = start === 0 && !onSelf ? undefined : this.method(lineage.slice(start), call.slice(call.indexOf(".") + 1));
        if (method) {
          yield method;
        }
      } else {
        const found = this.moduleFunction(from.module, call);
        if (found?.fn.fixture === null) {
          yield found;
        }
      }
    }
  }

  /** The dotted name the first class of `lineage` that binds `name` in its body binds it to (`ndiffAssertEqual = unittest.TestCase.assertEqual`), unless a method of that name comes first. */
  classAlias(lineage: readonly ClassRef[], name: string): string | undefined {
    for (const { module, cls } of lineage) {
      if (functionOf(module, cls.name, name)) {
        return undefined;
      }
      const alias = cls.aliases.get(name);
      if (alias !== undefined) {
        return alias;
      }
    }
    return undefined;
  }

  /** What runs when `from` instantiates a project class by name: its `__init__`, and as a context manager its `__enter__` and `__exit__`. */
  *#constructions({ module, fn }: Located): Generator<Located> {
    for (const call of fn.calls) {
      const cls = call.includes(".") ? null : this.#resolveClass(module, call, undefined);
      if (!cls) {
        continue;
      }
      const lineage = this.lineage(cls.module, cls.cls.name);
      for (const name of LIFECYCLE_METHODS) {
        const method = this.method(lineage, name);
        if (method) {
          yield method;
        }
      }
    }
  }

  /** The functions `from` calls as attributes of an imported module of the project: `support.check_warnings(...)`. */
  *#moduleAttributeCalls({ module, fn }: Located): Generator<Located> {
    for (const call of fn.checks.calls) {
      if (call.qualified === null || !call.written.includes(".") || STDLIB_MODULES.has(call.qualified.split(".", 1)[0]!)) {
        continue;
      }
      const found = this.moduleFunction(module, call.written);
      if (found?.fn.fixture === null) {
        yield found;
      }
    }
  }

  /** The project functions named by `from`'s decorators: a function of the class body it is in (a decorator defined there), else of its module. */
  *#decorators({ module, fn }: Located): Generator<Located> {
    for (const name of fn.decorators) {
      if (name.includes(".")) {
        continue;
      }
      const inClass = fn.owner === null ? undefined : functionOf(module, fn.owner, name);
      const found = inClass ? { module, fn: inClass } : this.moduleFunction(module, name);
      if (found?.fn.fixture === null) {
        yield found;
      }
    }
  }

  /**
   * The lineage `self` has in a method of class `owner`: a method of the test's own lineage resolves
   * through the test's class, so overrides count; any other, through its own class.
   */
  selfLineage(module: ModuleFacts, owner: string, testLineage: readonly ClassRef[]): readonly ClassRef[] {
    return testLineage.some((ref) => ref.module === module && ref.cls.name === owner) ? testLineage : this.lineage(module, owner);
  }

  /** The class `name` (its dotted path) of `module` and its bases, subclass first (a depth-first approximation of the MRO). */
  lineage(module: ModuleFacts, name: string): ClassRef[] {
    const key = `${module.path}\0${name}`;
    const cached = this.#lineages.get(key);
    if (cached) {
      return cached;
    }
    const lineage: ClassRef[] = [];
    const visit = (current: ModuleFacts, cls: PyClassDef, depth: number): void => {
      if (depth > MAX_LINEAGE_DEPTH || lineage.some((ref) => ref.cls === cls)) {
        return;
      }
      lineage.push({ module: current, cls });
      // Bases are looked up where the class statement runs (`class TestCase(TestCase)` means the import).
      const scope = current.summary.classesByLine.get(cls.line)?.scope;
      for (const base of cls.bases) {
        const target = this.#resolveClass(current, base, scope);
        if (target) {
          visit(target.module, target.cls, depth + 1);
        }
      }
    };
    const start = classNamed(module, name);
    if (start) {
      visit(module, start, 0);
    }
    this.#lineages.set(key, lineage);
    return lineage;
  }

  /** The method `name` as the first class of `lineage` that defines it has it. */
  method(lineage: readonly ClassRef[], name: string): Located | undefined {
    for (const { module, cls } of lineage) {
      const fn = functionOf(module, cls.name, name);
      if (fn) {
        return { module, fn };
      }
    }
    return undefined;
  }

  /** The module-level function `name` of `module`, defined there or imported into it. */
  moduleFunction(module: ModuleFacts, name: string): Located | undefined {
    const fn = functionOf(module, null, name);
    if (fn) {
      return { module, fn };
    }
    for (const resolved of this.#resolver.resolve(module.summary, name)) {
      const found = resolved.kind === "function" ? this.factsOf(resolved.module.path) : null;
      const imported = found && functionOf(found, null, resolved.kind === "function" ? resolved.name : "");
      if (found && imported) {
        return { module: found, fn: imported };
      }
    }
    return undefined;
  }

  /** The facts of the project file at `path`: the test module's own, or read from the file. */
  factsOf(path: string): ModuleFacts | null {
    return path === this.#self.path ? this.#self : moduleFactsOfFile(path);
  }

  /** The project class `written` names in `module` (its first, when branches bind it differently). */
  #resolveClass(module: ModuleFacts, written: string, scope: ClassSummary["scope"] | undefined): ClassRef | null {
    for (const resolved of this.#resolver.resolve(module.summary, written, scope)) {
      const found = resolved.kind === "class" ? this.factsOf(resolved.module.path) : null;
      const cls = resolved.kind === "class" ? found?.definitions.classes.find((candidate) => candidate.line === resolved.cls.line && !candidate.name.includes(".")) : undefined;
      if (found && cls) {
        return { module: found, cls };
      }
    }
    return null;
  }
}
