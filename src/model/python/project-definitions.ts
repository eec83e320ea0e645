/**
 * The classes and functions of the project's other files that a test file inherits from or imports,
 * as test collection reads them: found with the name resolver, read from their files' facts (parsed,
 * never imported), and kept per file for as long as the file is unchanged.
 */
import type { ClassFacts, SkipMark } from "../test-file-model.js";
import type { ClassRef, ForeignClass, ForeignFunction, ImportedDefinition } from "./collect-tests.js";
import { moduleFactsOfFile } from "./module-facts.js";
import type { PyFunctionDef } from "./definitions.js";
import { summarizeFile, type ModuleSummary } from "./module-summary.js";
import type { NameResolver, Resolved } from "./name-resolver.js";

export class ProjectDefinitions {
  readonly #names: NameResolver;
  /** The test file's own summary. */
  readonly #summary: ModuleSummary;
  readonly #foreignClasses = new Map<string, ForeignClass | null>();

  constructor(names: NameResolver, summary: ModuleSummary) {
    this.#names = names;
    this.#summary = summary;
  }

  /** The project classes a class of the test file (or one it imports) inherits from. */
  baseClasses(cls: ClassFacts): ClassRef[] {
    if (cls.origin !== null) {
      const foreign = this.#foreignClass(cls.origin.path, cls.origin.line);
      return foreign ? this.foreignBaseClasses(foreign) : [];
    }
    const scope = this.#summary.classesByLine.get(cls.nameLoc.start.line)?.scope;
    return cls.bases.flatMap((base) => (base.computed === null ? this.#classRef(this.#names.resolve(this.#summary, base.written, scope)) : []));
  }

  foreignBaseClasses(cls: ForeignClass): ClassRef[] {
    const module = summarizeFile(cls.origin.path);
    const summary = module?.classesByLine.get(cls.origin.line);
    if (!module || !summary) {
      return [];
    }
    return summary.bases.flatMap((base) => (base.kind === "name" ? this.#classRef(this.#names.resolve(module, base.written, summary.scope)) : []));
  }

  /** What the test module binds `name` to once it has run, when an import binds it to another file's class or function. */
  importedDefinition(name: string): ImportedDefinition | null {
    const bindings = this.#summary.bindings.get(name);
    if (!bindings || bindings.some((binding) => binding.kind !== "import" && binding.kind !== "alias")) {
      return null;
    }
    return this.#definition(this.#names.resolve(this.#summary, name));
  }

  starImported(): { name: string; definition: ImportedDefinition }[] {
    return this.#names.namesFromStarImports(this.#summary).flatMap((name) => {
      const definition = this.#definition(this.#names.resolve(this.#summary, name));
      return definition ? [{ name, definition }] : [];
    });
  }

  #definition(resolved: readonly Resolved[]): ImportedDefinition | null {
    const [first] = resolved;
    if (first?.kind === "class" && first.module.path !== this.#summary.path) {
      const cls = this.#foreignClass(first.module.path, first.cls.line);
      return cls ? { kind: "class", cls } : null;
    }
    if (first?.kind === "function" && first.module.path !== this.#summary.path) {
      const fn = moduleFactsOfFile(first.module.path)?.definitions.functions.find((candidate) => candidate.owner === null && candidate.line === first.line);
      return fn ? { kind: "function", fn: foreignFunction(fn, first.module.path), origin: { path: first.module.path, line: fn.line } } : null;
    }
    return null;
  }

  /** The first class a base may be (a base bound on several branches is followed on its first). */
  #classRef(resolved: readonly Resolved[]): ClassRef[] {
    const found = resolved.find((entry): entry is Extract<Resolved, { kind: "class" }> => entry.kind === "class");
    if (!found) {
      return [];
    }
    if (found.module.path === this.#summary.path) {
      return [{ line: found.cls.line }];
    }
    const foreign = this.#foreignClass(found.module.path, found.cls.line);
    return foreign ? [{ foreign }] : [];
  }

  /** The class of the file at `path` whose name is on `line`, as collection reads it. */
  #foreignClass(path: string, line: number): ForeignClass | null {
    const key = `${path}\0${line}`;
    let cls = this.#foreignClasses.get(key);
    if (cls === undefined) {
      cls = readForeignClass(path, line);
      this.#foreignClasses.set(key, cls);
    }
    return cls;
  }
}

/** A function of the file at `path`, its docstring and skip marks marked as that file's. */
function foreignFunction(fn: PyFunctionDef, path: string): ForeignFunction {
  return { name: fn.name, line: fn.line, decorators: fn.decorators, docstring: fn.docstring === null ? null : { ...fn.docstring, path }, isAsync: fn.isAsync, skips: inFile(fn.skips, path) };
}

function inFile(skips: readonly SkipMark[], path: string): SkipMark[] {
  return skips.map((mark) => ({ ...mark, path }));
}

function readForeignClass(path: string, line: number): ForeignClass | null {
  const facts = moduleFactsOfFile(path);
  const definition = facts?.definitions.classes.find((candidate) => candidate.line === line && !candidate.name.includes("."));
  if (!facts || !definition) {
    return null;
  }
  const methods = facts.definitions.functions.filter((fn) => fn.owner === definition.name).map((fn) => foreignFunction(fn, path));
  return {
    name: definition.name,
    origin: { path, line },
    methods,
    definesInit: methods.some((fn) => fn.name === "__init__" || fn.name === "__new__"),
    testAttribute: definition.testAttribute,
    docstring: definition.docstring === null ? null : { ...definition.docstring, path },
    decorators: definition.decorators,
    skips: inFile(definition.skips, path),
    bases: definition.bases,
    pytestmarks: definition.pytestmarks,
  };
}
