/**
 * Builds the test-file model of a Python file from its syntax tree.
 */
import { dirname, join, relative, resolve } from "node:path";
import type { PyNode } from "../../../parsers/python/py-node.js";
import type { PythonSourceCode } from "../../../parsers/python/python-source-code.js";
import { dependsOn } from "../dependencies.js";
import { isFile } from "../fs-snapshot.js";
import { editorLineCount, lineFeedCount } from "../line-count.js";
import { readLineKinds } from "../line-kinds.js";
import { isPytestFile, pytestSettingsFor, type PytestSettings } from "../pytest-config.js";
import { tracedOncePerLister, type AssertionTrace, type BaseResolution, type ClassFacts, type ClassSite, type CollectedTest, type MockTrace, type NamedCall, type PytestAsyncSupport, type TestFileModel } from "../test-file-model.js";
import { readAsyncSupport } from "./async-support.js";
import { ClassResolver } from "./class-resolver.js";
import { importRoots } from "./module-paths.js";
import { NameResolver } from "./name-resolver.js";
import { collectTests } from "./collect-tests.js";
import { moduleFactsOfFile, readModuleFacts, type ModuleFacts } from "./module-facts.js";
import { MockTracer } from "./mock-trace.js";
import { AssertionTracer } from "./assertion-trace.js";
import { CallGraph, type Located } from "./call-graph.js";
import { ImportedUses } from "./check-facts.js";
import { SkipMarkReader } from "./skip-marks.js";
import { rememberSummary, summarizeFile, summarizeModule, type ModuleSummary } from "./module-summary.js";
import { ProjectClasses } from "./project-classes.js";
import { ProjectDefinitions } from "./project-definitions.js";
import { collectReferences, type References } from "./references.js";
import { withReexports } from "./reexports.js";
import { docstringNodes, docstringReader } from "./docstrings.js";
import { docstringOf } from "./syntax.js";

/** What pytest hands to unittest's loader; library subclasses reach it through the known hierarchy. */
const TESTCASE_BASES = ["unittest.TestCase"];

/**
 * The conftest.py files pytest loads for a file in `directory`: from that folder up to the rootdir (the
 * folder of the pytest configuration, else the working directory), nearest first. Every path probed is
 * a dependency: a conftest.py that appears changes what reaches the file's tests.
 */
function conftestChain(directory: string, rootdir: string): string[] {
  const chain: string[] = [];
  const insideRoot = !relative(rootdir, directory).startsWith("..");
  for (let current = directory; ; current = dirname(current)) {
    const conftest = join(current, "conftest.py");
    dependsOn(conftest);
    if (isFile(conftest)) {
      chain.push(conftest);
    }
    if (!insideRoot || current === rootdir || dirname(current) === current) {
      return chain;
    }
  }
}

/** The dotted path of a class through the classes it is nested in (`Outer.Inner`). */
function classPath(cls: ClassFacts): string {
  return cls.enclosingClass ? `${classPath(cls.enclosingClass)}.${cls.name}` : cls.name;
}

/** The class collecting a test as the trace finds it: in this module by its path, or in the file an imported class comes from. */
function classOf(cls: ClassFacts | null, self: ModuleFacts, factsOf: (path: string) => ModuleFacts | null): { module: ModuleFacts; name: string } | null {
  if (cls === null) {
    return null;
  }
  if (cls.origin === null) {
    return { module: self, name: classPath(cls) };
  }
  const module = factsOf(cls.origin.path);
  const line = cls.origin.line;
  const defined = module?.definitions.classes.find((candidate) => candidate.line === line);
  return module && defined ? { module, name: defined.name } : null;
}

/** The class whose body defines a method, in its module. */
function definingClassOf({ module, fn }: Located): { module: ModuleFacts; name: string } | null {
  return fn.owner === null ? null : { module, name: fn.owner };
}

/** ESLint's name for text that comes from no file (`lintText` without a path, stdin). */
function isVirtualFile(filename: string): boolean {
  return filename.startsWith("<") && filename.endsWith(">");
}

export function buildPythonModel(sourceCode: PythonSourceCode, filename: string, cwd: string): TestFileModel {
  const root = sourceCode.ast;
  const path = resolve(cwd, filename);
  const directory = isVirtualFile(filename) ? cwd : dirname(path);
  const settings = pytestSettingsFor(directory);
  const summary = summarizeModule(path, root);
  if (!isVirtualFile(filename)) {
    rememberSummary(path, sourceCode.text, summary);
  }
  const rootdir = settings.configFile ? dirname(settings.configFile) : resolve(cwd);
  const conftestFolders = isVirtualFile(filename) ? [] : conftestChain(directory, rootdir).map((conftest) => dirname(conftest));
  const names = new NameResolver(importRoots(directory, conftestFolders, settings.pythonpath, cwd));
  const resolver = new ClassResolver(names);
  /** A class of this file is resolved where its statement runs; one imported from another file, in that file. */
  const resolveBases = (cls: ClassFacts, targets: readonly string[]): BaseResolution => {
    const module = cls.origin ? summarizeFile(cls.origin.path) : summary;
    return module ? resolver.resolveBases(module, cls.origin?.line ?? cls.nameLoc.start.line, cls.bases, targets) : { reached: false, unresolved: [], undetermined: [] };
  };
  const readDocstring = docstringReader((index) => sourceCode.getLocFromIndex(index));

  const isTestModule = isVirtualFile(filename) || isPytestFile(path, settings.pythonFiles);
  const definitions = new ProjectDefinitions(names, summary);
  const references = withReexports(collectReferences(root), path, names);
  const { classes, tests } = collectTests({
    root,
    isTestModule,
    settings,
    readDocstring,
    marks: new SkipMarkReader(root, new ImportedUses(references.moduleReferences)),
    inheritsTestCase: (cls) => resolveBases(cls, TESTCASE_BASES).reached,
    baseClasses: (cls) => definitions.baseClasses(cls),
    foreignBaseClasses: (cls) => definitions.foreignBaseClasses(cls),
    importedDefinition: (name) => definitions.importedDefinition(name),
    starImported: () => definitions.starImported(),
  });
  const importedModules = references.moduleReferences
    .filter((reference) => reference.kind === "import")
    .map((reference) => ({ module: reference.qualifiedName, loc: reference.loc }));

  const facts: PlainFacts = {
    language: "python",
    filename,
    isTestModule,
    lines: editorLineCount(sourceCode.text),
    lineFeeds: lineFeedCount(sourceCode.text),
    lineKinds: readLineKinds(sourceCode.lines, [...sourceCode.comments, ...docstringNodes(root)].map((node) => node.loc)),
    moduleDocstring: readDocstring(docstringOf(root)),
    importedModules,
    classes,
    tests,
    ...references,
  };
  return withQueries(facts, { tree: root, path, directory, rootdir, settings, summary, references, names, resolveBases });
}

type PlainFacts = Omit<TestFileModel, "resolveBases" | "traceMocks" | "traceAssertions" | "pytestAsyncSupport" | "detachFromTree" | "classSites" | "namedCalls">;

/** No mock at all: a tracer made for what it finds besides mocks (the fixtures a test requests). */
const NO_MOCKS = (): [] => [];

interface QueryContext {
  /** The syntax tree, until the trace's facts are read from it. */
  tree: PyNode | null;
  path: string;
  /** The file's folder and pytest's rootdir: the conftest.py chain between them is looked up only when a trace needs it. */
  directory: string;
  rootdir: string;
  settings: PytestSettings;
  summary: ModuleSummary;
  references: References;
  names: NameResolver;
  resolveBases: (cls: ClassFacts, targets: readonly string[]) => BaseResolution;
}

/**
 * The model's questions over its plain facts. Built outside buildPythonModel so the closures hold only
 * this context, not the source code: the CLI keeps models after linting, and must not keep their trees.
 */
function withQueries(facts: PlainFacts, context: QueryContext): TestFileModel {
  let moduleFacts: ModuleFacts | null = null;
  const readFacts = (): ModuleFacts => {
    moduleFacts ??= readModuleFacts(context.path, context.tree!, context.summary, context.references);
    context.tree = null;
    return moduleFacts;
  };
  let conftestPaths: string[] | null = null;
  const conftests = (): string[] => {
    conftestPaths ??= conftestChain(context.directory, context.rootdir).filter((conftest) => conftest !== context.path);
    return conftestPaths;
  };
  const factsOf = (path: string): ModuleFacts | null => (path === context.path ? readFacts() : moduleFactsOfFile(path));
  /** The function a test runs (of another file, for a test inherited or imported from there) and the class collecting it, as the tracer finds them. */
  const locate = (test: CollectedTest): { located: Located; cls: ReturnType<typeof classOf> } | null => {
    const module = test.origin ? factsOf(test.origin.path) : readFacts();
    const line = test.origin?.line ?? test.nameLoc.start.line;
    const fn = module?.definitions.functions.find((candidate) => candidate.line === line && (test.origin !== null || candidate.name === test.name));
    return module && fn ? { located: { module, fn }, cls: classOf(test.cls, readFacts(), factsOf) } : null;
  };
  let asyncSupport: PytestAsyncSupport | null = null;
  let projectClasses: ProjectClasses | null = null;
  const classesOf = (): ProjectClasses => (projectClasses ??= new ProjectClasses(context.names));
  let classSites: ClassSite[] | null = null;
  // Per module, for this model's traces and rules; weak, so a model kept after linting keeps no other file's facts.
  const namedCalls = new WeakMap<ModuleFacts, NamedCall[]>();
  const namedCallsOf = (module: ModuleFacts): NamedCall[] => {
    let calls = namedCalls.get(module);
    if (!calls) {
      calls = classesOf().namedCalls(module);
      namedCalls.set(module, calls);
    }
    return calls;
  };
  return {
    ...facts,
    resolveBases: (cls, bases) => context.resolveBases(cls, bases),
    classSites: () => {
      // A class of this file is a test class when collection found it one, or when it reaches unittest.TestCase.
      classSites ??= classesOf().classSites(
        { path: context.path, summary: context.summary, references: context.references },
        facts.classes.filter((cls) => cls.origin === null).map((cls) => ({ cls, testClass: cls.collected || cls.unittest || context.resolveBases(cls, TESTCASE_BASES).reached })),
      );
      return classSites;
    },
    namedCalls: () => namedCallsOf(readFacts()),
    traceMocks: tracedOncePerLister((listMocks) => {
      const traces = new Map<CollectedTest, MockTrace | null>();
      // A file without tests (a helper, a conftest.py) has nothing to trace: its conftest.py files stay unread.
      if (facts.tests.length === 0) {
        return traces;
      }
      const tracer = new MockTracer(readFacts(), context.names, conftests(), listMocks, namedCallsOf);
      for (const test of facts.tests) {
        // A test inherited or imported from another file runs that file's function, in this module.
        const found = locate(test);
        traces.set(test, found ? tracer.trace(found.located, found.cls) : null);
      }
      return traces;
    }),
    traceAssertions: tracedOncePerLister((findAssertion) => {
      const traces = new Map<CollectedTest, AssertionTrace | null>();
      if (facts.tests.length === 0) {
        return traces;
      }
      const graph = new CallGraph(readFacts(), context.names);
      const tracer = new AssertionTracer(graph, findAssertion);
      for (const test of facts.tests) {
        // A test whose definition cannot be read (its file went away) is left out: nothing is known of it.
        const found = locate(test);
        if (found) {
          // Traced as collected, else as defined: an inherited test also asserts where its own class's helpers do.
          const defining = test.inherited ? definingClassOf(found.located) : null;
          const trace =
            tracer.trace(found.located, found.cls ? graph.lineage(found.cls.module, found.cls.name) : []) ??
            (defining ? tracer.trace(found.located, graph.lineage(defining.module, defining.name)) : null);
          traces.set(test, trace);
        }
      }
      return traces;
    }),
    pytestAsyncSupport: () => {
      if (asyncSupport === null) {
        const tracer = new MockTracer(readFacts(), context.names, conftests(), NO_MOCKS, namedCallsOf);
        asyncSupport = readAsyncSupport({
          settings: context.settings,
          self: readFacts(),
          conftests: conftests().flatMap((path) => moduleFactsOfFile(path) ?? []),
          names: context.names,
          requestedFixtures: (test) => {
            const found = locate(test);
            return found ? tracer.requestedFixtures(found.located, found.cls) : new Set();
          },
        });
      }
      return asyncSupport;
    },
    detachFromTree: () => void readFacts(),
  };
}
