/**
 * Traces the mocks that reach each test of a Python module through the code pytest runs around it:
 * the helpers and methods the test calls, the fixtures it requests (by parameter or `usefixtures`, on
 * the test, its class or the module's `pytestmark`), found the way pytest finds them (the class and its
 * bases, the module's namespace with imported and star-imported fixtures, `pytest_plugins`, then each
 * conftest.py from the test's folder up to the rootdir), its class's setup methods and class body,
 * autouse fixtures in those scopes, and the top level of the module and of the conftest.py files.
 * The nearest mock wins: first what the test itself calls and requests (fewest steps first), then its
 * class's setup, then autouse fixtures, then module and conftest top levels.
 */
import type { Loc, MockLister, MockTrace, MockVia, NamedCall, TraceStep } from "../test-file-model.js";
import { CallGraph, methodsOf, type ClassRef, type Located } from "./call-graph.js";
import type { NameResolver } from "./name-resolver.js";
import type { PyClassDef, PyFunctionDef } from "./definitions.js";
import { moduleFactsOfFile, type ModuleFacts } from "./module-facts.js";
import { STDLIB_MODULES } from "./stdlib-modules.js";
import { withReexports } from "./reexports.js";

const MAX_DEPTH = 40;

/** Methods unittest and pytest run before each test of a class, or before the class's tests. */
const SETUP_METHODS = ["setUpClass", "setUp", "asyncSetUp", "setup_class", "setup_method", "setup"];
/** Module-level functions pytest runs before a module's tests (and `setup_function` before each module-level test). */
const MODULE_SETUP_FUNCTIONS = ["setup_module", "setUpModule"];

interface Finding {
  module: ModuleFacts;
  loc: Loc;
  name: string;
}

/** Where each mock of a module sits: in a function or method, in a class body outside methods, or at the top level. */
interface Placement {
  byFunction: Map<PyFunctionDef, Finding>;
  byClass: Map<PyClassDef, Finding>;
  topLevel: Finding | null;
}

/** Where a test stands: its module and the lineage of its class (empty at module level). */
interface TestScope {
  lineage: ClassRef[];
  /** Fixture providers nearest first: the class lineage's, then module namespaces. */
  fixtures: Located[][];
}

/** A mock reached from a function, and the functions after that one it is reached through. */
interface Reach {
  finding: Finding;
  through: Located[];
}

function within(inner: Loc, outer: Loc): boolean {
  const starts = inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.column >= outer.start.column);
  const ends = inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.column <= outer.end.column);
  return starts && ends;
}

function stepOf({ module, fn }: Located): TraceStep {
  const name = fn.fixture?.name ?? (fn.owner === null ? fn.name : `${fn.owner}.${fn.name}`);
  return { name, path: module.path, line: fn.line };
}

function traceOf(via: MockVia, through: readonly Located[], finding: Finding): MockTrace {
  return { via, through: through.map(stepOf), mock: { path: finding.module.path, loc: finding.loc, name: finding.name } };
}

export class MockTracer {
  readonly #self: ModuleFacts;
  readonly #resolver: NameResolver;
  /** conftest.py files from the test's folder up to the rootdir. */
  readonly #conftests: ModuleFacts[];
  readonly #listMocks: MockLister;
  readonly #namedCallsOf: (module: ModuleFacts) => NamedCall[];
  readonly #placements = new Map<ModuleFacts, Placement>();
  readonly #namespaces = new Map<ModuleFacts, Located[]>();
  readonly #calls: CallGraph;
  readonly #scopes = new Map<string, TestScope>();
  /** The module each import of this trace names, found once: the same import is resolved at every call it binds. */
  readonly #modules = new Map<string, ModuleFacts | null>();

  /**
   * @param namedCallsOf a module's calls of names, resolved against this trace's project (read only by
   * listers that look for calls).
   */
  constructor(self: ModuleFacts, resolver: NameResolver, conftestPaths: readonly string[], listMocks: MockLister, namedCallsOf: (module: ModuleFacts) => NamedCall[]) {
    this.#self = self;
    this.#resolver = resolver;
    this.#conftests = conftestPaths.flatMap((path) => moduleFactsOfFile(path) ?? []);
    this.#listMocks = listMocks;
    this.#namedCallsOf = namedCallsOf;
    this.#calls = new CallGraph(self, resolver);
  }

  /**
   * Where the nearest mock reaches `test` from: a function of the test module, or of another file it
   * inherits or imports the test from; `cls`, the class collecting it (by its dotted path in its
   * module), or null at module level.
   */
  trace(test: Located, cls: { module: ModuleFacts; name: string } | null): MockTrace | null {
    const scope = this.#scope(cls);
    const own = this.#nearest(this.#reachFrom(test, scope, new Set()), this.#reachMarks(test, scope));
    if (own) {
      const first = own.through[0];
      const via: MockVia = first === undefined ? "test" : first.fn.fixture !== null ? "fixture" : "helper";
      return traceOf(via, own.through, own.finding);
    }
    return this.#traceSetup(scope) ?? this.#traceAutouse(scope) ?? this.#traceTopLevels();
  }

  /**
   * Every fixture `test` requests, by name: by parameter, through the `usefixtures` marks of its classes
   * and module, as an autouse fixture of its scope, and through the fixtures these find (a requested name
   * no fixture of the scope has is listed too); `cls` as for trace.
   */
  requestedFixtures(test: Located, cls: { module: ModuleFacts; name: string } | null): Set<string> {
    const scope = this.#scope(cls);
    const requested = new Set<string>();
    const followed = new Set<PyFunctionDef>();
    const autouse = scope.fixtures.flat().filter(({ fn }) => fn.fixture!.autouse).map(({ fn }) => fn.fixture!.name);
    const marked = [...scope.lineage.flatMap(({ cls: ref }) => ref.usefixtures), ...this.#self.definitions.moduleUsefixtures];
    const pending = [...test.fn.requests, ...marked, ...autouse].map((name) => ({ name, requester: test.fn }));
    while (pending.length > 0) {
      const { name, requester } = pending.pop()!;
      requested.add(name);
      const fixture = this.#fixture(scope, name, requester);
      if (fixture && !followed.has(fixture.fn)) {
        followed.add(fixture.fn);
        pending.push(...fixture.fn.requests.map((next) => ({ name: next, requester: fixture.fn })));
      }
    }
    return requested;
  }

  /** The nearer of two reaches; the first on a tie. */
  #nearest(first: Reach | null, second: Reach | null): Reach | null {
    return first === null || (second !== null && second.through.length < first.through.length) ? second : first;
  }

  /** The nearest mock behind the fixtures `usefixtures` marks on the test's classes and module's `pytestmark` request. */
  #reachMarks(test: Located, scope: TestScope): Reach | null {
    const marks = [...scope.lineage.flatMap(({ cls }) => cls.usefixtures), ...this.#self.definitions.moduleUsefixtures];
    let best: Reach | null = null;
    for (const name of marks) {
      const fixture = this.#fixture(scope, name, test.fn);
      const reach = fixture ? this.#reachFrom(fixture, scope, new Set()) : null;
      best = this.#nearest(best, reach && fixture ? { finding: reach.finding, through: [fixture, ...reach.through] } : null);
    }
    return best;
  }

  #traceSetup(scope: TestScope): MockTrace | null {
    const setups: Located[] = [];
    for (const name of SETUP_METHODS) {
      const method = this.#calls.method(scope.lineage, name);
      if (method) {
        setups.push(method);
      }
    }
    for (const name of scope.lineage.length > 0 ? MODULE_SETUP_FUNCTIONS : [...MODULE_SETUP_FUNCTIONS, "setup_function"]) {
      const found = this.#calls.moduleFunction(this.#self, name);
      if (found) {
        setups.push(found);
      }
    }
    let best: Reach | null = null;
    for (const setup of setups) {
      const reach = this.#reachFrom(setup, scope, new Set());
      best = this.#nearest(best, reach && { finding: reach.finding, through: [setup, ...reach.through] });
    }
    if (best) {
      return traceOf("setup", best.through, best.finding);
    }
    for (const { module, cls } of scope.lineage) {
      const finding = this.#placement(module).byClass.get(cls);
      if (finding) {
        return traceOf("class", [], finding);
      }
    }
    return null;
  }

  #traceAutouse(scope: TestScope): MockTrace | null {
    const seen = new Set<string>();
    for (const providers of scope.fixtures) {
      for (const fixture of providers) {
        const name = fixture.fn.fixture!.name;
        if (!fixture.fn.fixture!.autouse || seen.has(name)) {
          continue;
        }
        seen.add(name);
        const reach = this.#reachFrom(fixture, scope, new Set());
        if (reach) {
          return traceOf("autouse", [fixture, ...reach.through], reach.finding);
        }
      }
    }
    return null;
  }

  #traceTopLevels(): MockTrace | null {
    const own = this.#placement(this.#self).topLevel;
    if (own) {
      return traceOf("module", [], own);
    }
    for (const conftest of this.#conftests) {
      for (const module of [conftest, ...this.#plugins(conftest)]) {
        const finding = this.#placement(module).topLevel;
        if (finding) {
          return traceOf("conftest", [], finding);
        }
      }
    }
    return null;
  }

  /**
   * The nearest mock reached from `start`: in its own body, else through what it calls and the fixtures
   * it requests, fewest steps first. `active` holds the functions being followed (recursion ends there).
   */
  #reachFrom(start: Located, scope: TestScope, active: Set<PyFunctionDef>): Reach | null {
    const own = this.#placement(start.module).byFunction.get(start.fn);
    if (own) {
      return { finding: own, through: [] };
    }
    if (active.has(start.fn) || active.size > MAX_DEPTH) {
      return null;
    }
    active.add(start.fn);
    let best: Reach | null = null;
    for (const next of this.#successors(start, scope)) {
      const reach = this.#reachFrom(next, scope, active);
      best = this.#nearest(best, reach && { finding: reach.finding, through: [next, ...reach.through] });
    }
    active.delete(start.fn);
    return best;
  }

  /** What runs when `from` runs: the functions and methods it calls, then the fixtures it requests. */
  *#successors(from: Located, scope: TestScope): Generator<Located> {
    yield* this.#calls.callees(from, scope.lineage);
    for (const name of from.fn.requests) {
      const fixture = this.#fixture(scope, name, from.fn);
      if (fixture) {
        yield fixture;
      }
    }
  }

  /** The fixture `name` as the test's scope provides it; a fixture that requests its own name gets the next one out. */
  #fixture(scope: TestScope, name: string, requester: PyFunctionDef): Located | undefined {
    for (const providers of scope.fixtures) {
      const found = providers.find(({ fn }) => fn.fixture!.name === name && fn !== requester);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  #scope(cls: { module: ModuleFacts; name: string } | null): TestScope {
    const key = cls === null ? "" : `${cls.module.path}\0${cls.name}`;
    let scope = this.#scopes.get(key);
    if (!scope) {
      const lineage = cls === null ? [] : this.#calls.lineage(cls.module, cls.name);
      const classFixtures = lineage.flatMap(({ module, cls }) => methodsOf(module, cls.name).filter((fn) => fn.fixture !== null).map((fn) => ({ module, fn })));
      const moduleFixtures = [this.#self, ...this.#conftests].map((module) => this.#namespace(module));
      scope = { lineage, fixtures: [classFixtures, ...moduleFixtures] };
      this.#scopes.set(key, scope);
    }
    return scope;
  }

  /** The fixtures a module's namespace holds: its own, those it imports or star-imports, and its plugins'. */
  #namespace(module: ModuleFacts, depth = 0): Located[] {
    const cached = this.#namespaces.get(module);
    if (cached) {
      return cached;
    }
    // Guards against modules that import each other while this one is being read.
    this.#namespaces.set(module, []);
    const fixtures: Located[] = module.definitions.functions.filter((fn) => fn.owner === null && fn.fixture !== null).map((fn) => ({ module, fn }));
    if (depth < MAX_DEPTH) {
      for (const [local, binding] of module.summary.imports) {
        if (binding.member !== null) {
          const found = this.#calls.moduleFunction(module, local);
          if (found?.fn.fixture) {
            fixtures.push(found);
          }
        }
      }
      for (const star of module.summary.starImports) {
        const target = this.#module(module.path, star.module, star.level);
        if (target) {
          fixtures.push(...this.#namespace(target, depth + 1));
        }
      }
      for (const plugin of this.#plugins(module)) {
        fixtures.push(...this.#namespace(plugin, depth + 1));
      }
    }
    this.#namespaces.set(module, fixtures);
    return fixtures;
  }

  #plugins(module: ModuleFacts): ModuleFacts[] {
    return module.definitions.plugins.flatMap((name) => this.#module(module.path, name, 0) ?? []);
  }

  /** The module a star import or `pytest_plugins` names; the standard library is never read. */
  #module(fromPath: string, name: string, level: number): ModuleFacts | null {
    if (level === 0 && STDLIB_MODULES.has(name.split(".", 1)[0]!)) {
      return null;
    }
    const key = `${fromPath}\0${level}\0${name}`;
    const known = this.#modules.get(key);
    if (known !== undefined) {
      return known;
    }
    let found: ModuleFacts | null = null;
    for (const candidate of this.#resolver.moduleCandidates(fromPath, name, level)) {
      found = candidate === this.#self.path ? this.#self : moduleFactsOfFile(candidate);
      if (found) {
        break;
      }
    }
    this.#modules.set(key, found);
    return found;
  }

  #placement(module: ModuleFacts): Placement {
    let placement = this.#placements.get(module);
    if (placement) {
      return placement;
    }
    placement = { byFunction: new Map(), byClass: new Map(), topLevel: null };
    const { functions, classes } = module.definitions;
    // The test file's own references already follow re-exports; other files' depend on this file's import roots.
    const references = module === this.#self ? module.references : withReexports(module.references, module.path, this.#resolver);
    for (const { loc, name } of this.#listMocks({ language: "python", ...references, namedCalls: () => this.#namedCallsOf(module) })) {
      const finding: Finding = { module, loc, name };
      const fn = functions.find((candidate) => within(loc, candidate.loc));
      const cls = fn ? undefined : classes.findLast((candidate) => within(loc, candidate.loc));
      if (fn) {
        if (!placement.byFunction.has(fn)) {
          placement.byFunction.set(fn, finding);
        }
      } else if (cls) {
        if (!placement.byClass.has(cls)) {
          placement.byClass.set(cls, finding);
        }
      } else {
        placement.topLevel ??= finding;
      }
    }
    this.#placements.set(module, placement);
    return placement;
  }
}
