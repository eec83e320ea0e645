/**
 * The tests pytest would collect from a Python file, decided by name as pytest does and without
 * importing anything: `python_functions` functions at module level; `python_functions` methods of
 * `python_classes` classes that define no `__init__`/`__new__` and do not set `__test__ = False`
 * (nested classes included); `test*` methods of any class that inherits from unittest.TestCase,
 * whatever its name. Inheritance is followed through the file's classes and the project's other files
 * for inherited test methods, `__init__` and `__test__`; classes and functions a test module imports
 * are collected there too, as pytest collects every name of the module.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import { matchesPrefixOrGlob } from "../fnmatch.js";
import type { PytestSettings } from "../pytest-config.js";
import { RUNNER_METHODS, skipFacts, type ClassFacts, type CollectedTest, type CoroutineFacts, type Docstring, type Loc, type Origin, type SkipMark } from "../test-file-model.js";
import { isAsyncDefinition } from "./syntax.js";
import { pytestmarksAssigned } from "./definitions.js";
import { readImports } from "./imports.js";
import { baseExpressions, namespaceStatements } from "./module-summary.js";
import type { SkipMarkReader } from "./skip-marks.js";
import { decoratorName, docstringOf, testAttributeOf, unwrapDefinition } from "./syntax.js";

/** A function or method of another project file, as collection needs it. */
export interface ForeignFunction {
  name: string;
  line: number;
  decorators: readonly string[];
  docstring: Docstring | null;
  /** Its decorators' skip marks and its body's skip calls, marked as that file's. */
  skips: readonly SkipMark[];
  isAsync: boolean;
}

/** A class of another project file, as collection needs it. */
export interface ForeignClass {
  name: string;
  origin: Origin;
  /** Its own methods, in source order. */
  methods: readonly ForeignFunction[];
  definesInit: boolean;
  testAttribute: boolean | null;
  decorators: readonly string[];
  docstring: Docstring | null;
  /** The skip marks of its decorators and body `pytestmark`, marked as that file's. */
  skips: readonly SkipMark[];
  /** Written as in its file. */
  bases: readonly string[];
  /** The marks a `pytestmark` in its body applies. */
  pytestmarks: readonly string[];
}

/** A project class a base resolves to: a module-level class of this file (by the line of its name), or one of another file. */
export type ClassRef = { line: number } | { foreign: ForeignClass };

/** What a name bound at module level by an import (or a star import) is, when it is a project class or function of another file. */
export type ImportedDefinition = { kind: "class"; cls: ForeignClass } | { kind: "function"; fn: ForeignFunction; origin: Origin };

export interface CollectionInput {
  root: PyNode;
  isTestModule: boolean;
  settings: PytestSettings;
  readDocstring(stringNode: PyNode | null): Docstring | null;
  /** Reads the file's skip marks. */
  marks: SkipMarkReader;
  /** Whether a class inherits from unittest.TestCase. */
  inheritsTestCase(cls: ClassFacts): boolean;
  /** The project classes a class of this file inherits from, in the order of its bases. */
  baseClasses(cls: ClassFacts): ClassRef[];
  /** The project classes a class of another file inherits from. */
  foreignBaseClasses(cls: ForeignClass): ClassRef[];
  /** What the module binds `name` to, once it has run, when that is a class or function another file defines. */
  importedDefinition(name: string): ImportedDefinition | null;
  /** The names the module's star imports bring, with what they are, when classes or functions of other files. */
  starImported(): { name: string; definition: ImportedDefinition }[];
}

export interface Collection {
  classes: ClassFacts[];
  tests: CollectedTest[];
}

interface FunctionInfo {
  name: string;
  nameNode: PyNode;
  /** The definition with its decorators (`decorated_definition`), or the bare definition. */
  statement: PyNode;
  body: PyNode | undefined;
  decorators: string[];
  decoratorNodes: PyNode[];
  /** Its decorators' and body's skip marks, read once when it is first collected (an inherited test shares them). */
  skips: SkipMark[] | null;
  /** Identifies the definition in the model without holding its syntax node. */
  key: object;
  isAsync: boolean;
}

interface ClassInfo {
  facts: ClassFacts;
  methods: Map<string, FunctionInfo>;
  definesInit: boolean;
  /** The value of a `__test__ = True/False` in the class body, if any. */
  testAttribute: boolean | null;
  decorators: string[];
  /** The marks a `pytestmark` in its body applies. */
  pytestmarks: string[];
  /** The skip marks of its decorators and body `pytestmark`. */
  skips: SkipMark[];
  insideFunction: boolean;
  nested: ClassInfo[];
}

/** What the classes and module a test is collected through add to its CoroutineFacts. */
type CoroutineScope = Omit<CoroutineFacts, "decorators"> & { decorators: readonly string[] };

/** One class of a test class's lineage: of this file, or of another. */
type LineageEntry = { local: ClassInfo } | { foreign: ForeignClass };

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

function isFixture(decorators: readonly string[]): boolean {
  return decorators.some((name) => lastSegment(name) === "fixture");
}

function isParametrized(decorators: readonly string[]): boolean {
  return decorators.some((name) => lastSegment(name) === "parametrize");
}

/** The value of a `pytestmark = ...` statement, or undefined for any other statement. */
function pytestmarkValue(statement: PyNode): PyNode | undefined {
  const assignment = statement.type === "expression_statement" ? statement.children[0] : undefined;
  return assignment?.type === "assignment" && assignment.left?.text === "pytestmark" ? assignment.right : undefined;
}

/** The docstrings of the classes a test sits in, nearest first; an inherited test adds its defining class's. */
function groupDocstrings(cls: ClassFacts | null, definingClass: ClassFacts | Docstring | null): Docstring[] {
  const docstrings: Docstring[] = [];
  for (let current = cls; current !== null; current = current.enclosingClass) {
    if (current.docstring) {
      docstrings.push(current.docstring);
    }
  }
  if (definingClass !== null && definingClass !== cls) {
    if ("bvjBlocks" in definingClass) {
      docstrings.push(definingClass);
    } else {
      docstrings.push(...groupDocstrings(definingClass, null));
    }
  }
  return [...new Set(docstrings)];
}

function entryFacts(entry: LineageEntry): { definesInit: boolean; testAttribute: boolean | null; decorators: readonly string[]; pytestmarks: readonly string[]; skips: readonly SkipMark[] } {
  return "local" in entry ? entry.local : entry.foreign;
}

function entryMethodNames(entry: LineageEntry): string[] {
  return "local" in entry ? [...entry.local.methods.keys()] : entry.foreign.methods.map((fn) => fn.name);
}

/** The facts of an `async def` test, or null for a plain function. */
function coroutineFacts(fn: { isAsync: boolean; decorators: readonly string[] }, scope: CoroutineScope): CoroutineFacts | null {
  return fn.isAsync ? { decorators: [...fn.decorators, ...scope.decorators], pytestmarks: [...scope.pytestmarks], runnerMethods: [...scope.runnerMethods] } : null;
}

export function collectTests(input: CollectionInput): Collection {
  const classes: ClassInfo[] = [];
  const moduleFunctions = new Map<string, FunctionInfo>();
  const moduleClasses = new Map<string, ClassInfo>();
  const moduleClassesByLine = new Map<number, ClassInfo>();
  /** Names module-level imports bind, with where each is written; star imports with where their `*` is. */
  const importedNames = new Map<string, Loc>();
  const starImports: Loc[] = [];
  /** The marks module-level `pytestmark` assignments apply to every test of the module. */
  const modulePytestmarks: string[] = [];
  /** The skip marks of the module's `pytestmark`. */
  const moduleSkips: SkipMark[] = [];

  const walk = (container: PyNode, owner: ClassInfo | null, insideFunction: boolean): void => {
    for (const statement of namespaceStatements(container)) {
      const { definition, decorators } = unwrapDefinition(statement);
      const decoratorNames = decorators.map(decoratorName).filter((name): name is string => name !== null);
      if (definition.type === "class_definition" && definition.name) {
        const info: ClassInfo = {
          facts: {
            name: definition.name.text,
            nameLoc: definition.name.loc,
            loc: statement.loc,
            bases: baseExpressions(definition).map(({ base, node }) => ({ written: base.written, loc: node.loc, computed: base.kind === "dynamic" ? base.reason : null })),
            docstring: input.readDocstring(docstringOf(definition.body)),
            enclosingClass: owner?.facts ?? null,
            collected: false,
            unittest: false,
            origin: null,
            tests: [],
          },
          methods: new Map(),
          definesInit: false,
          testAttribute: null,
          decorators: decoratorNames,
          pytestmarks: [],
          skips: input.marks.decoratorMarks(decorators, "group"),
          insideFunction,
          nested: [],
        };
        classes.push(info);
        if (owner) {
          owner.nested.push(info);
        } else if (!insideFunction) {
          moduleClasses.set(info.facts.name, info);
          moduleClassesByLine.set(info.facts.nameLoc.start.line, info);
        }
        if (definition.body) {
          walk(definition.body, info, insideFunction);
        }
      } else if (definition.type === "function_definition" && definition.name) {
        const fn: FunctionInfo = { name: definition.name.text, nameNode: definition.name, statement, body: definition.body, decorators: decoratorNames, decoratorNodes: decorators, skips: null, key: {}, isAsync: isAsyncDefinition(definition) };
        if (owner && !insideFunction) {
          owner.methods.set(fn.name, fn);
          owner.definesInit ||= fn.name === "__init__" || fn.name === "__new__";
        } else if (!owner && !insideFunction) {
          moduleFunctions.set(fn.name, fn);
        }
        if (definition.body) {
          walk(definition.body, null, true);
        }
      } else if (owner) {
        owner.testAttribute = testAttributeOf(definition) ?? owner.testAttribute;
        owner.pytestmarks.push(...pytestmarksAssigned(definition));
        const pytestmark = pytestmarkValue(definition);
        owner.skips.push(...(pytestmark ? input.marks.pytestmarkMarks(pytestmark, "group") : []));
      } else if (!insideFunction && (definition.type === "import_statement" || definition.type === "import_from_statement")) {
        for (const imported of readImports(definition)) {
          if (imported.local === null) {
            starImports.push(imported.node.loc);
          } else {
            importedNames.set(imported.local, imported.node.loc);
          }
        }
      } else if (!insideFunction) {
        modulePytestmarks.push(...pytestmarksAssigned(definition));
        const pytestmark = pytestmarkValue(definition);
        moduleSkips.push(...(pytestmark ? input.marks.pytestmarkMarks(pytestmark, "module") : []));
      }
    }
  };
  walk(input.root, null, false);

  /** The class and its bases, of this file and of others, subclass first (a depth-first approximation of the MRO). */
  const lineage = (start: LineageEntry): LineageEntry[] => {
    const order: LineageEntry[] = [];
    const seen = new Set<object>();
    const seenForeign = new Set<string>();
    const visit = (entry: LineageEntry): void => {
      if ("local" in entry) {
        if (seen.has(entry.local)) {
          return;
        }
        seen.add(entry.local);
      } else {
        const key = `${entry.foreign.origin.path}\0${entry.foreign.origin.line}`;
        if (seenForeign.has(key)) {
          return;
        }
        seenForeign.add(key);
      }
      order.push(entry);
      const bases = "local" in entry ? input.baseClasses(entry.local.facts) : input.foreignBaseClasses(entry.foreign);
      for (const base of bases) {
        if ("foreign" in base) {
          visit(base);
        } else {
          const local = moduleClassesByLine.get(base.line);
          if (local) {
            visit({ local });
          }
        }
      }
    };
    visit(start);
    return order;
  };

  const tests: CollectedTest[] = [];
  const foreignKeys = new Map<string, object>();
  /** One key per definition of another file, so the tests it gives every class that inherits it share it. */
  const foreignKey = (origin: Origin): object => {
    const key = `${origin.path}\0${origin.line}`;
    let value = foreignKeys.get(key);
    if (!value) {
      value = {};
      foreignKeys.set(key, value);
    }
    return value;
  };
  const moduleScope: CoroutineScope = { decorators: [], pytestmarks: modulePytestmarks, runnerMethods: [] };
  /** The classes a test is collected through: `decorators` of the collecting class and those it is nested in; `outerPytestmarks` of the latter. */
  const classScope = (chain: readonly LineageEntry[], decorators: readonly string[], outerPytestmarks: readonly string[]): CoroutineScope => ({
    decorators: [...new Set([...decorators, ...chain.flatMap((entry) => entryFacts(entry).decorators)])],
    pytestmarks: [...outerPytestmarks, ...chain.flatMap((entry) => entryFacts(entry).pytestmarks), ...modulePytestmarks],
    runnerMethods: [...new Set(chain.flatMap(entryMethodNames).filter((name) => RUNNER_METHODS.has(name)))],
  });
  const functionSkips = (fn: FunctionInfo): SkipMark[] => (fn.skips ??= [...input.marks.decoratorMarks(fn.decoratorNodes, "test"), ...input.marks.bodyMarks(fn.body)]);
  const testFunction = (fn: FunctionInfo, id: string, cls: ClassFacts | null, definingClass: ClassFacts | null, groupSkips: readonly SkipMark[], scope: CoroutineScope): CollectedTest => ({
    name: fn.name,
    id,
    nameLoc: fn.nameNode.loc,
    loc: fn.statement.loc,
    cls,
    inherited: definingClass !== cls,
    definingClass,
    origin: null,
    docstring: input.readDocstring(docstringOf(fn.body)),
    groupDocstrings: groupDocstrings(cls, definingClass),
    ...skipFacts([...functionSkips(fn), ...groupSkips, ...moduleSkips]),
    todo: false,
    parametrized: isParametrized(fn.decorators),
    definitionKey: fn.key,
    coroutine: coroutineFacts(fn, scope),
    callback: null,
  });
  /**
   * A test defined in another file, brought in at `at` (the collecting class's name, or an import);
   * `definingClass`: the class of that file that defines it, `inherited` when a base of `cls`.
   */
  const foreignTest = (fn: ForeignFunction, origin: Origin, id: string, at: { nameLoc: Loc; loc: Loc }, cls: ClassFacts | null, definingClass: ForeignClass | null, inherited: boolean, groupSkips: readonly SkipMark[], scope: CoroutineScope): CollectedTest => ({
    name: fn.name,
    id,
    nameLoc: at.nameLoc,
    loc: at.loc,
    cls,
    inherited,
    definingClass: null,
    origin,
    docstring: fn.docstring,
    groupDocstrings: groupDocstrings(cls, definingClass?.docstring ?? null),
    ...skipFacts([...fn.skips, ...groupSkips, ...moduleSkips]),
    todo: false,
    parametrized: isParametrized(fn.decorators),
    definitionKey: foreignKey(origin),
    coroutine: coroutineFacts(fn, scope),
    callback: null,
  });

  /** The skip marks of a class and its bases (subclass first), then of the classes it is nested in. */
  const groupSkipsOf = (chain: readonly LineageEntry[], outerSkips: readonly SkipMark[]): SkipMark[] => [...new Set([...chain.flatMap((entry) => entryFacts(entry).skips), ...outerSkips])];

  const collectClass = (info: ClassInfo, idPrefix: string, outerDecorators: readonly string[], outerSkips: readonly SkipMark[], outerPytestmarks: readonly string[] = []): void => {
    const facts = info.facts;
    const chain = lineage({ local: info });
    facts.unittest = input.inheritsTestCase(facts);
    if (!isCollected(facts, chain)) {
      return;
    }
    const id = `${idPrefix}${facts.name}`;
    const decorators = [...outerDecorators, ...info.decorators];
    const groupSkips = groupSkipsOf(chain, outerSkips);
    collectMethods(facts, chain, id, groupSkips, classScope(chain, decorators, outerPytestmarks));
    if (!facts.unittest) {
      const nestedByName = new Map(info.nested.filter((nested) => !nested.insideFunction).map((nested) => [nested.facts.name, nested]));
      for (const nested of nestedByName.values()) {
        collectClass(nested, `${id}::`, decorators, groupSkips, [...outerPytestmarks, ...info.pytestmarks]);
      }
    }
  };

  const isCollected = (facts: ClassFacts, chain: readonly LineageEntry[]): boolean => {
    const testAttribute = chain.map(entryFacts).find((entry) => entry.testAttribute !== null)?.testAttribute ?? null;
    const hasInit = chain.some((entry) => entryFacts(entry).definesInit);
    // pytest collects a class that sets `__test__ = True` whatever its name.
    const named = testAttribute === true || matchesPrefixOrGlob(facts.name, input.settings.pythonClasses);
    facts.collected = testAttribute !== false && (facts.unittest || (named && !hasInit));
    return facts.collected;
  };

  /** The test methods of a collected class, its own first, then each base's not yet seen. */
  const collectMethods = (facts: ClassFacts, chain: readonly LineageEntry[], id: string, groupSkips: readonly SkipMark[], scope: CoroutineScope): void => {
    const seen = new Set<string>();
    const isTest = (name: string, methodDecorators: readonly string[]): boolean =>
      facts.unittest ? name.startsWith("test") : matchesPrefixOrGlob(name, input.settings.pythonFunctions) && !isFixture(methodDecorators);
    for (const [index, entry] of chain.entries()) {
      const methods = "local" in entry ? [...entry.local.methods.values()] : entry.foreign.methods;
      for (const fn of methods) {
        if (seen.has(fn.name)) {
          continue;
        }
        seen.add(fn.name);
        if (!isTest(fn.name, fn.decorators)) {
          continue;
        }
        const test =
          "local" in entry
            ? testFunction(fn as FunctionInfo, `${id}::${fn.name}`, facts, entry.local.facts, groupSkips, scope)
            : foreignTest(fn as ForeignFunction, { path: entry.foreign.origin.path, line: (fn as ForeignFunction).line }, `${id}::${fn.name}`, facts, facts, entry.foreign, index > 0, groupSkips, scope);
        facts.tests.push(test);
        tests.push(test);
      }
    }
  };

  /** A class another file defines, imported into this test module under `name` at `at`. */
  const collectImportedClass = (foreign: ForeignClass, name: string, at: Loc): ClassInfo => {
    const facts: ClassFacts = {
      name,
      nameLoc: at,
      loc: at,
      bases: foreign.bases.map((written) => ({ written, loc: at, computed: null })),
      docstring: foreign.docstring,
      enclosingClass: null,
      collected: false,
      unittest: false,
      origin: foreign.origin,
      tests: [],
    };
    const info: ClassInfo = { facts, methods: new Map(), definesInit: false, testAttribute: null, decorators: [], pytestmarks: [], skips: [], insideFunction: false, nested: [] };
    const chain = lineage({ foreign });
    facts.unittest = input.inheritsTestCase(facts);
    if (isCollected(facts, chain)) {
      collectMethods(facts, chain, name, groupSkipsOf(chain, []), classScope(chain, foreign.decorators, []));
    }
    return info;
  };

  const collectImported = (name: string, definition: ImportedDefinition, at: Loc): void => {
    if (definition.kind === "class") {
      classes.push(collectImportedClass(definition.cls, name, at));
      return;
    }
    if (matchesPrefixOrGlob(name, input.settings.pythonFunctions) && !isFixture(definition.fn.decorators)) {
      tests.push(foreignTest({ ...definition.fn, name }, definition.origin, name, { nameLoc: at, loc: at }, null, null, false, [], moduleScope));
    }
  };

  if (input.isTestModule) {
    for (const fn of moduleFunctions.values()) {
      if (matchesPrefixOrGlob(fn.name, input.settings.pythonFunctions) && !isFixture(fn.decorators)) {
        tests.push(testFunction(fn, fn.name, null, null, [], moduleScope));
      }
    }
    for (const info of moduleClasses.values()) {
      collectClass(info, "", [], []);
    }
    // pytest collects every name of the module's namespace, the imported ones too.
    for (const [name, at] of importedNames) {
      const definition = input.importedDefinition(name);
      if (definition) {
        collectImported(name, definition, at);
      }
    }
    if (starImports.length > 0) {
      for (const { name, definition } of input.starImported()) {
        if (!moduleFunctions.has(name) && !moduleClasses.has(name) && !importedNames.has(name)) {
          collectImported(name, definition, starImports.at(-1)!);
        }
      }
    }
  }
  const position = (test: CollectedTest): number => test.nameLoc.start.line * 1e6 + test.nameLoc.start.column;
  tests.sort((a, b) => position(a) - position(b));
  for (const info of classes) {
    info.facts.tests.sort((a, b) => position(a) - position(b));
  }
  return { classes: classes.map((info) => info.facts), tests };
}
