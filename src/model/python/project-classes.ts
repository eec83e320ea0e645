/**
 * The project classes a Python module defines, imports and calls, as the no-test-doubles policy reads
 * them: each class's own name, the mocking-library class it inherits from, and whether it is a test
 * class. Names and bases are followed as Python binds them (see name-resolver.ts), through the module
 * and the project files it imports, which are read, never imported.
 */
import { isWithinModule, PYTHON_MOCK_MODULES } from "../mock-catalog.js";
import type { ClassFacts, ClassSite, ModuleReference, NamedCall, ProjectClass } from "../test-file-model.js";
import { ClassResolver } from "./class-resolver.js";
import type { ModuleFacts } from "./module-facts.js";
import type { ClassSummary, ModuleSummary } from "./module-summary.js";
import type { NameResolver, Resolved } from "./name-resolver.js";

const MAX_DEPTH = 40;
/** What makes a class a test class wherever it is: unittest collects it (pytest too). */
const TESTCASE_BASES = ["unittest.TestCase"];

type Scope = ClassSummary["scope"];


/** `line:column-line:column`, which identifies a span of one file. */
function spanKey({ start, end }: ModuleReference["loc"]): string {
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

export class ProjectClasses {
  readonly #names: NameResolver;
  readonly #classes: ClassResolver;
  /** Each class statement described once per linted file, by its file and the line of its name. */
  readonly #described = new Map<string, ProjectClass>();

  constructor(names: NameResolver) {
    this.#names = names;
    this.#classes = new ClassResolver(names);
  }

  /** The class a class statement of this file defines; `testClass` is what collection found. */
  defined(summary: ModuleSummary, cls: ClassFacts, testClass: boolean): ProjectClass {
    const scope = summary.classesByLine.get(cls.nameLoc.start.line)?.scope;
    const written = cls.bases.flatMap((base) => (base.computed === null ? [base.written] : []));
    return { name: cls.name, mockBase: this.#mockBaseOf(summary, written, scope, new Set(), 0), testClass };
  }

  /** The project class a name as an import binds it (`tests.fakes.FakeRedis`, `.fakes.FakeRedis`) denotes, if any. */
  imported(fromPath: string, qualifiedName: string): ProjectClass | null {
    return this.#firstClass(this.#names.resolveQualified(fromPath, qualifiedName));
  }

  /** The project class a (dotted) name denotes where `summary`'s module uses it, if any. */
  named(summary: ModuleSummary, written: string): ProjectClass | null {
    return this.#firstClass(this.#names.resolve(summary, written));
  }

  /** The classes `module` defines (`defined`, with whether each is a test class) and the project classes it imports by name, in source order. */
  classSites(module: Pick<ModuleFacts, "path" | "summary" | "references">, defined: readonly { cls: ClassFacts; testClass: boolean }[]): ClassSite[] {
    const sites: ClassSite[] = defined.map(({ cls, testClass }) => ({ kind: "definition", written: cls.name, loc: cls.nameLoc, cls: this.defined(module.summary, cls, testClass) }));
    for (const reference of module.references.moduleReferences) {
      const cls = reference.kind === "import" ? this.imported(module.path, reference.qualifiedName) : null;
      if (cls) {
        sites.push({ kind: "import", written: reference.written, loc: reference.loc, cls });
      }
    }
    return sites.sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
  }

  /** The calls of names in `module`, each with its name through the import that binds it and the project class it names. */
  namedCalls(module: ModuleFacts): NamedCall[] {
    // A callee whose first name an import binds (in any scope) is a use of that import, over the same span.
    const imported = new Map(module.references.moduleReferences.flatMap((reference) => (reference.kind === "use" ? [[spanKey(reference.loc), reference.qualifiedName] as const] : [])));
    const byName = new Map<string, ProjectClass | null>();
    return module.definitions.calledNames.map(({ written, loc, localClass }) => {
      if (localClass) {
        return { written, qualifiedName: written, loc, cls: this.#describe(module.summary, { ...localClass, scope: new Map() }) };
      }
      const qualifiedName = imported.get(spanKey(loc));
      if (qualifiedName !== undefined) {
        return { written, qualifiedName, loc, cls: this.imported(module.path, qualifiedName) };
      }
      let cls = byName.get(written);
      if (cls === undefined) {
        cls = this.named(module.summary, written);
        byName.set(written, cls);
      }
      return { written, qualifiedName: written, loc, cls };
    });
  }

  /** The first project class among what a name may denote (a name bound on several branches). */
  #firstClass(alternatives: readonly Resolved[]): ProjectClass | null {
    for (const resolved of alternatives) {
      if (resolved.kind === "class") {
        return this.#describe(resolved.module, resolved.cls);
      }
    }
    return null;
  }

  #describe(module: ModuleSummary, cls: ClassSummary): ProjectClass {
    const key = `${module.path}\0${cls.line}`;
    let described = this.#described.get(key);
    if (!described) {
      const written = cls.bases.flatMap((base) => (base.kind === "name" ? [base.written] : []));
      described = {
        name: cls.name,
        mockBase: this.#mockBaseOf(module, written, cls.scope, new Set([key]), 0),
        testClass: this.#classes.classReaches(module, cls, TESTCASE_BASES),
      };
      this.#described.set(key, described);
    }
    return described;
  }

  /**
   * The mocking-library class the first of `bases` (written in `module`, looked up in `scope`) that
   * reaches one inherits from: a name outside the project inside a module of the mock catalogue, reached
   * through project classes. A base bound differently on different branches counts if any branch reaches one.
   */
  #mockBaseOf(module: ModuleSummary, bases: readonly string[], scope: Scope | undefined, seen: Set<string>, depth: number): string | null {
    if (depth > MAX_DEPTH) {
      return null;
    }
    for (const base of bases) {
      for (const resolved of this.#names.resolve(module, base, scope)) {
        if (resolved.kind === "external" && PYTHON_MOCK_MODULES.some((mockModule) => isWithinModule(resolved.name, mockModule))) {
          return resolved.name;
        }
        if (resolved.kind !== "class") {
          continue;
        }
        const key = `${resolved.module.path}\0${resolved.cls.line}`;
        if (seen.has(key)) {
          continue;
        }
        seen.add(key);
        const written = resolved.cls.bases.flatMap((next) => (next.kind === "name" ? [next.written] : []));
        const found = this.#mockBaseOf(resolved.module, written, resolved.cls.scope, seen, depth + 1);
        if (found !== null) {
          return found;
        }
      }
    }
    return null;
  }
}
