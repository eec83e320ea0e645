/**
 * One model of a test file, whatever its language: the facts every testaudit rule and the CLI read.
 * A language front end extracts the facts; policies (what is banned, which base is required, which
 * BVJ fields are needed) live in the rules, so options never force a second pass over the file.
 *
 * Locations follow ESLint's JS convention: 1-based lines, 0-based columns in UTF-16 code units.
 */
import type { SourceLocation } from "@eslint/core";

export type Loc = SourceLocation;

/** A reference to a module or something inside it, fully qualified (`unittest.mock.patch`). */
export interface ModuleReference {
  /** `import`: an import statement names it; `use`: a name bound by an import is used. */
  kind: "import" | "use";
  qualifiedName: string;
  /** The text as written at the use site (`mock.patch.object`), or the imported name. */
  written: string;
  loc: Loc;
  /**
   * Python: the qualified names outside the project the reference reaches through project modules that
   * re-export them (`tests.mock.patch` → `unittest.mock.patch` where `tests/__init__.py` imports `mock`);
   * absent when it passes through none.
   */
  throughProject?: readonly string[];
}

/** A pytest fixture requested by a parameter, by `usefixtures` or by `getfixturevalue`, or a use of it. */
export interface FixtureReference {
  kind: "request" | "use";
  name: string;
  loc: Loc;
}

/** A method call on a monkeypatch object (`monkeypatch.setattr(...)`). */
export interface MonkeypatchCall {
  method: string;
  loc: Loc;
}

/** A field line of a Business Value Justification block. */
export interface BvjField {
  /** As written. */
  name: string;
  value: string;
  loc: Loc;
}

export interface BvjBlock {
  /** The heading line ("Business Value Justification", "BVJ"). */
  headingLoc: Loc;
  fields: BvjField[];
}

export interface Docstring {
  /** The docstring's body as written between its quotes. */
  text: string;
  /** Where it is in its file: the linted file, unless `path` names another. */
  loc: Loc;
  bvjBlocks: BvjBlock[];
  /** The absolute path of the file it is in, when that is not the linted file (a test inherited or imported from there). */
  path?: string;
}

/** Where a definition that is not in the linted file is: the absolute path of its file and the line of its name. */
export interface Origin {
  path: string;
  line: number;
}

/**
 * Why a base class cannot be followed without running the code: computed by a call, unpacked from
 * `*bases`, another expression, bound to a value that is no name, bound inside a function, or bound
 * to different classes on different branches of which only some reach the required base.
 */
export type UndeterminedReason = "call" | "unpacked" | "expression" | "value" | "function" | "branches";

/** A base class as written (`ssot.SSotBaseTestCase`), with its loc; `computed` when it is no name to follow (`*bases`, a call). */
export interface BaseReference {
  written: string;
  loc: Loc;
  computed: UndeterminedReason | null;
}

/** A class: a Python class, or a JS/TS class-based suite (`@suite class ... { @test method() {} }`). */
export interface ClassFacts {
  name: string;
  nameLoc: Loc;
  /** The whole class, decorators included. */
  loc: Loc;
  bases: BaseReference[];
  docstring: Docstring | null;
  /** The class this one is nested in, if any. */
  enclosingClass: ClassFacts | null;
  /** pytest or unittest would collect tests from this class. */
  collected: boolean;
  /** Inherits (as resolved) from unittest.TestCase, so unittest's loader collects it. */
  unittest: boolean;
  /** A class defined in another file and imported into this test module, which pytest collects here too; null for the file's own. */
  origin: Origin | null;
  /** Collected tests reached through this class, own and inherited, in source order. */
  tests: CollectedTest[];
}

/** Where a reason can be written into a mark that has none: `loc` (empty to insert) is replaced by `before`, the reason as a string literal, and `after`. */
export interface ReasonEdit {
  loc: Loc;
  before: string;
  after: string;
}

/**
 * A mark that skips a test or expects it to fail: a decorator or modifier on the test, a call in its
 * body, a mark of a group it is in (its class, a base class, an enclosing class; a `describe`), or of
 * the whole module (`pytestmark`; a Playwright `test.skip()` at the top of the file).
 */
export interface SkipMark {
  /** `skip`: the test does not run (when the condition holds); `xfail`: it runs and is expected to fail. */
  kind: "skip" | "xfail";
  /** The API as resolved through the file's imports: `pytest.mark.skipif`, `unittest.skip`, `self.skipTest`, `it.skip`, `xit`, `test.fixme`. */
  api: string;
  /** Applies only when a condition holds: `skipif`, `skipIf`, `skipUnless`, `.skipIf`, `test.skip(condition, ...)`, a skip call under an `if`. */
  conditional: boolean;
  scope: "test" | "body" | "group" | "module";
  /**
   * Why: the text of a string literal, the source text of any other expression, or, where the API takes no
   * reason (`unittest.expectedFailure`, Jest's and Vitest's `.skip`, `xit`), a comment on the line above
   * the mark or at the end of its line. Null when there is none, or it is empty or blank.
   */
  reason: string | null;
  /** The mark as written: the decorator's expression, the call, the `pytestmark` entry, or the test call's callee. */
  loc: Loc;
  /** The absolute path of the file it is in, when that is not the linted file (a test inherited or imported from there). */
  path?: string;
  /** How to give it a reason where it has none or a blank one; null when the API takes no reason argument. */
  addReason: ReasonEdit | null;
}

/** A call a function makes, by the callee's dotted name (through calls: `client.get(url).json` for `client.get(url).json()`). */
export interface CallFact {
  /** As written (`self.assertEqual`, `expect.soft`, `verify_order`). */
  written: string;
  /** Where an import binds its first name: what it denotes (`pytest.raises` for `raises` from `from pytest import raises`). */
  qualified: string | null;
  loc: Loc;
}

/** What in a function (a test, or a helper it calls) may assert, as plain data. */
export interface CheckFacts {
  /**
   * Statements that assert by themselves: Python's `assert`, `raise AssertionError` and `raise self.failureException(...)`; JS/TS member
   * accesses that assert (chai's `.should`). The first one, or null.
   */
  assertStatement: { loc: Loc; name: string } | null;
  /** Its calls, one per dotted name (the first), in source order; nested functions included. */
  calls: CallFact[];
}

/** The assertion a policy finds in a function's facts, or null. */
export type AssertionFinder = (facts: CheckFacts) => { loc: Loc; name: string } | null;

/** Where an assertion that a test reaches is: in the test (`through` empty) or in the helpers it calls, from the test outwards. */
export interface AssertionTrace {
  through: TraceStep[];
  assertion: { path: string; loc: Loc; name: string };
}

/** A test pytest would collect (one per test function: a parametrized test counts once). */
export interface CollectedTest {
  name: string;
  /** `Class::Nested::test_name`, or the bare name for a module-level test. */
  id: string;
  /** The name of the test function's definition. */
  nameLoc: Loc;
  /** The whole definition, decorators included (Python), or the whole declaring call (JS/TS). */
  loc: Loc;
  /** The class that collects it, or null for a module-level test function. */
  cls: ClassFacts | null;
  /** Defined in a base class of `cls` rather than in `cls` itself. */
  inherited: boolean;
  /** The class whose body defines the test function (`cls` unless inherited), or null at module level or in another file. */
  definingClass: ClassFacts | null;
  /**
   * Where the test function is defined when that is another file: a method inherited from a base class
   * there, or a function or class imported from there. Its `nameLoc` and `loc` are then where this file
   * brings it in (the collecting class's name, or the import).
   */
  origin: Origin | null;
  docstring: Docstring | null;
  /**
   * Docstrings of the groups the test sits in, nearest first: Python classes (and, for an inherited
   * test, the class defining it); JS `describe` blocks and class-based suites.
   */
  groupDocstrings: Docstring[];
  /** A skip mark of kind `skip` applies to it, other than a call in its body: a decorator or modifier, or a group's or the module's mark. */
  skipped: boolean;
  /** The marks that skip it or expect it to fail, nearest first: its own, its body's, its groups' (inner first), the module's. */
  skips: SkipMark[];
  /** The reason of its nearest mark of kind `skip`; null when none applies or that one gives no reason. */
  skipReason: string | null;
  /** Declared as still to write (`test.todo`); counted like any other test. */
  todo: boolean;
  /** One test function for many cases (`@pytest.mark.parametrize`, `test.each`, `test.for`). */
  parametrized: boolean;
  /** Identifies the definition: inherited tests share it with the base's own. */
  definitionKey: object;
  /** Python: what decides whether a runner awaits the test, when its function is `async def`; null for a plain function, and in JS/TS. */
  coroutine: CoroutineFacts | null;
  /** JS/TS: the function the test runs, as far as it decides whether the runner waits for the promises it makes; null without one (a `.todo`, a body passed by name), and in Python. */
  callback: TestCallback | null;
}

/**
 * Python: an `async def` test, and what around it may give it an event loop: decorators (which may also
 * wrap the coroutine function into a plain one), marks, and the methods through which its classes call it.
 * An inherited or imported test carries those of the file that defines it and of the classes it is
 * collected through.
 */
export interface CoroutineFacts {
  /** Decorators of the test function, then of the classes it is collected through (the collecting class, the classes it is nested in, its bases), by name without their calls (`pytest.mark.asyncio`, `patch.object`). */
  decorators: string[];
  /** The marks `pytestmark` assigns in those classes and at the module's top level, by name without their calls (`pytest.mark.anyio`); an element that is no name is kept as written. */
  pytestmarks: string[];
  /** Methods of those classes, in the project, through which a class can change how its test methods are called (RUNNER_METHODS): `run`, `__call__`, `_callTestMethod`, ... */
  runnerMethods: string[];
}

/** Methods through which a unittest class (or any class) can change how its test methods are called. */
export const RUNNER_METHODS: ReadonlySet<string> = new Set(["run", "__call__", "debug", "_callTestMethod", "__init_subclass__", "__getattribute__"]);

/** JS/TS: the function a test runs (its callback, or a `@test` method). */
export interface TestCallback {
  async: boolean;
  /**
   * It declares a first parameter that is a plain name (`(done) => ...`), which Jest and Mocha pass as the
   * `done` callback; false with none, or with a destructuring pattern (Vitest's context, Playwright's fixtures).
   */
  doneParameter: boolean;
  /** Promises its body makes in statements of their own and neither returns, awaits nor discards with `void`, in source order. */
  droppedPromises: DroppedPromise[];
}

/**
 * How a dropped expression is known to be a promise without type information: a `.then`, `.catch` or
 * `.finally` call; a call of an `async` function of the same file; `new Promise(...)`; `Promise.all`,
 * `allSettled`, `any` or `race`; or an `expect(...).resolves`/`.rejects` assertion.
 */
export type PromiseShape = "then" | "catch" | "finally" | "asyncCall" | "newPromise" | "promiseCombinator" | "expectResolves";

export interface DroppedPromise {
  shape: PromiseShape;
  /** What makes it, as written: `fetch(url).then`, `seedOrders`, `new Promise`, `Promise.all`, `expect(total).resolves.toBe`. */
  written: string;
  /** The statement. */
  loc: Loc;
}

/** A base that could not be told to reach the required bases or not, and why. */
export interface UndeterminedBase {
  base: string;
  reason: UndeterminedReason;
}

/**
 * How a class's required bases were looked for. Not reached: `unresolved` names bases found nowhere a
 * reader can look (a module outside the project, a name never bound), `undetermined` bases only
 * running the code could tell; with both empty, the class is known not to reach them.
 */
export type BaseResolution =
  | { reached: true; via: string }
  | { reached: false; unresolved: string[]; undetermined: UndeterminedBase[] };

/** A module the file imports (Python dotted name; JS/TS specifier as written). */
export interface ImportedModule {
  module: string;
  loc: Loc;
}

/**
 * Where a mock reaches a test from: the test itself; a helper function or method it calls; its class's
 * setup method or class body (class decorators, attributes); a fixture it requests (through
 * parameters or `usefixtures`), defined in the file, imported, or in the conftest.py chain; an
 * autouse fixture; the module's top level; or the top level of a conftest.py or plugin module.
 */
export type MockVia = "test" | "helper" | "setup" | "class" | "fixture" | "autouse" | "module" | "conftest";

/** A function, method or fixture a trace passes through. */
export interface TraceStep {
  name: string;
  /** Absolute path of the file that defines it. */
  path: string;
  line: number;
}

export interface MockTrace {
  via: MockVia;
  /** From the test outwards: what the mock is reached through (empty when it is in the test). */
  through: TraceStep[];
  mock: { path: string; loc: Loc; name: string };
}

/**
 * A class of the project (defined in a project file, not in a library), with what tells whether it
 * stands in for something real: its name, the mocking-library class it inherits from, whether it holds tests.
 */
export interface ProjectClass {
  /** The name of its class statement (`FakeRedis`, also where it is imported or called as `Redis`). */
  name: string;
  /**
   * The class of a mocking library it inherits from, directly or through project classes, by qualified
   * name (`unittest.mock.MagicMock`, `sinon.SinonStub`); null when it inherits from none.
   */
  mockBase: string | null;
  /** A test class: it inherits from unittest.TestCase, pytest collects it, or it is a JS/TS `@suite` with tests. */
  testClass: boolean;
}

/** A class the file defines (at any depth), or a project class it imports by name. */
export interface ClassSite {
  kind: "definition" | "import";
  /** The class statement's name, or the imported name as the import writes it (`FakeRedis` in `FakeRedis as Redis`). */
  written: string;
  /** The class's name, or the imported name with its alias. */
  loc: Loc;
  cls: ProjectClass;
}

/** A call of a name or a dotted name (in JS/TS also `new`): `FakeRedis()`, `fakes.FakeRedis()`, `SSotMockFactory.create_agent()`. */
export interface NamedCall {
  /** The callee as written. */
  written: string;
  /**
   * The callee through the import that binds its first name (`tests.factories.SSotMockFactory.create_agent`
   * for `SSotMockFactory.create_agent` after `from tests.factories import SSotMockFactory`), else as written.
   */
  qualifiedName: string;
  /** The callee. */
  loc: Loc;
  /** The project class the callee names, when it names one (the call makes an instance of it). */
  cls: ProjectClass | null;
}

/** The facts of a module the mock policies (no-mocks, no-test-doubles) read. */
export type MockFacts = Pick<TestFileModel, "language" | "moduleReferences" | "fixtureReferences" | "monkeypatchCalls" | "namedCalls">;

/** The mocks a policy finds in a module's facts that act when the code runs (imports alone excluded), in source order. */
export type MockLister = (facts: MockFacts) => { loc: Loc; name: string }[];

export interface TestFileModel {
  language: "python" | "js";
  filename: string;
  /** pytest's `python_files` matches the file name, so it collects tests from it. */
  isTestModule: boolean;
  /** How many lines the file has, as an editor shows them (see line-count.ts). */
  lines: number;
  /** How many line feeds it holds, as `wc -l` counts lines. */
  lineFeeds: number;
  /**
   * What each line holds besides code, one entry per line (see line-kinds.ts): blank lines and lines of
   * comments only (Python: docstrings too), as max-lines counts them.
   */
  lineKinds: Uint8Array;
  /** The module docstring (Python), or the JSDoc block comment at the top of the file (JS/TS). */
  moduleDocstring: Docstring | null;
  importedModules: ImportedModule[];
  classes: ClassFacts[];
  /** Collected tests in source order. */
  tests: CollectedTest[];
  moduleReferences: ModuleReference[];
  fixtureReferences: FixtureReference[];
  monkeypatchCalls: MonkeypatchCall[];
  /** Classes the file defines and project classes it imports by name, in source order. Resolved on first use. */
  classSites(): ClassSite[];
  /** Calls of names and dotted names anywhere in the file, in source order. Resolved on first use. */
  namedCalls(): NamedCall[];
  /** Whether `cls` reaches one of `bases` (plain or dotted names) through its base classes. */
  resolveBases(cls: ClassFacts, bases: readonly string[]): BaseResolution;
  /**
   * For each test, where the nearest mock `listMocks` finds reaches it from, or null. Reads other project
   * files, never imports them. Traced once per lister: callers that share a lister share the work.
   */
  traceMocks(listMocks: MockLister): Map<CollectedTest, MockTrace | null>;
  /**
   * Python: what pytest's configuration, the conftest.py files and the plugins they name provide for
   * running coroutine tests, read from those files on first call; null in JS/TS.
   */
  pytestAsyncSupport(): PytestAsyncSupport | null;
  /**
   * For each test, the nearest assertion `findAssertion` finds in it or in the helpers it calls (of this
   * file; in Python also of project files, resolved as the mock trace resolves them), or null; absent for
   * a test whose definition cannot be read. Traced once per finder.
   */
  traceAssertions(findAssertion: AssertionFinder): Map<CollectedTest, AssertionTrace | null>;
  /** Reads now what traceMocks needs from the syntax tree, so a model kept after linting (by the CLI) lets the tree go. */
  detachFromTree(): void;
}

/** A module named as a pytest plugin (`pytest_plugins`, `-p`), and its file when it is one of the project's. */
export interface PluginModule {
  name: string;
  /** Absolute path of the project file it is, or null when it is none (an installed package, or not found). */
  path: string | null;
}

/** A module-level `pytest_*` function of a conftest.py or plugin module of the project. */
export interface PytestHookFact {
  name: string;
  path: string;
  line: number;
  /** Its text names coroutines, event loops or plugins (`async`, `await`, `coroutine`, `loop`, asyncio, anyio, trio, `plugin`). */
  mentionsAsync: boolean;
}

export interface PytestAsyncSupport {
  /** pytest-asyncio's `asyncio_mode` as the configuration sets it, or null. */
  asyncioMode: string | null;
  /** pytest-trio's `trio_mode` as the configuration sets it, or null. */
  trioMode: string | null;
  /** Plugins pytest loads by name: `-p` in `addopts`, `required_plugins`, and `pytest_plugins` of the test module, its conftest.py files and the project plugin modules they name. */
  plugins: PluginModule[];
  /** The `pytest_*` functions of the conftest.py files (from the test's folder up to the rootdir) and of the project plugin modules. */
  hooks: PytestHookFact[];
  /** Every fixture the test requests, by name: by parameter, `usefixtures` (its own, its classes', the module's) and, through each fixture found as pytest finds it, the fixtures those request. */
  requestedFixtures(test: CollectedTest): ReadonlySet<string>;
}

/** `trace`, run once per lister (or finder): the rule and the CLI's audit ask a model with the same one (see reachingMocks). */
export function tracedOncePerLister<Lister, Trace>(trace: (lister: Lister) => Map<CollectedTest, Trace | null>): (lister: Lister) => Map<CollectedTest, Trace | null> {
  const traces = new Map<Lister, Map<CollectedTest, Trace | null>>();
  return (lister) => {
    let found = traces.get(lister);
    if (!found) {
      found = trace(lister);
      traces.set(lister, found);
    }
    return found;
  };
}

/** A test's skip facts from its marks, nearest first: `skipped` and `skipReason` as CollectedTest defines them. */
export function skipFacts(skips: SkipMark[]): Pick<CollectedTest, "skips" | "skipped" | "skipReason"> {
  const nearestSkip = skips.find((mark) => mark.kind === "skip");
  return {
    skips,
    skipped: skips.some((mark) => mark.kind === "skip" && mark.scope !== "body"),
    skipReason: nearestSkip?.reason ?? null,
  };
}
