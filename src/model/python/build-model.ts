/**
 * Builds the test-file model of a Python file from its syntax tree.
 */
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { PyNode } from "../../../parsers/python/py-node.js";
import type { PythonSourceCode } from "../../../parsers/python/python-source-code.js";
import { findBvjBlocks } from "../bvj.js";
import { dependsOn } from "../dependencies.js";
import { isPytestFile, pytestSettingsFor } from "../pytest-config.js";
import { tracedOncePerLister, type ClassFacts, type CollectedTest, type Docstring, type MockTrace, type TestFileModel } from "../test-file-model.js";
import { ClassResolver, importRoots } from "./class-resolver.js";
import { collectTests } from "./collect-tests.js";
import { readModuleFacts, type ModuleFacts } from "./module-facts.js";
import { MockTracer } from "./mock-trace.js";
import { summarizeModule, type ModuleSummary } from "./module-summary.js";
import { collectReferences, type References } from "./references.js";
import { docstringOf, stringBody } from "./syntax.js";

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
    if (existsSync(conftest)) {
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
  const resolver = new ClassResolver(importRoots(directory, settings.pythonpath, cwd));
  const locate = (index: number): { line: number; column: number } => sourceCode.getLocFromIndex(index);

  const readDocstring = (stringNode: PyNode | null): Docstring | null => {
    const body = stringNode ? stringBody(stringNode) : null;
    if (!stringNode || !body) {
      return null;
    }
    return { text: body.text, loc: stringNode.loc, bvjBlocks: findBvjBlocks(body.text, body.start, locate) };
  };

  const isTestModule = isVirtualFile(filename) || isPytestFile(path, settings.pythonFiles);
  const { classes, tests } = collectTests({
    root,
    isTestModule,
    settings,
    readDocstring,
    inheritsTestCase: (bases) => resolver.resolveBases(summary, bases, TESTCASE_BASES).reached,
  });
  const references = collectReferences(root);
  const importedModules = references.moduleReferences
    .filter((reference) => reference.kind === "import")
    .map((reference) => ({ module: reference.qualifiedName, loc: reference.loc }));

  const facts: PlainFacts = {
    language: "python",
    filename,
    isTestModule,
    lines: sourceCode.lines.length,
    moduleDocstring: readDocstring(docstringOf(root)),
    importedModules,
    classes,
    tests,
    ...references,
  };
  const rootdir = settings.configFile ? dirname(settings.configFile) : resolve(cwd);
  return withQueries(facts, { tree: root, path, directory, rootdir, summary, references, resolver });
}

type PlainFacts = Omit<TestFileModel, "resolveBases" | "traceMocks" | "detachFromTree">;

interface QueryContext {
  /** The syntax tree, until the trace's facts are read from it. */
  tree: PyNode | null;
  path: string;
  /** The file's folder and pytest's rootdir: the conftest.py chain between them is looked up only when a trace needs it. */
  directory: string;
  rootdir: string;
  summary: ModuleSummary;
  references: References;
  resolver: ClassResolver;
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
  return {
    ...facts,
    resolveBases: (cls, bases) => context.resolver.resolveBases(context.summary, cls.bases.map((base) => base.written), bases),
    traceMocks: tracedOncePerLister((listMocks) => {
      const traces = new Map<CollectedTest, MockTrace | null>();
      // A file without tests (a helper, a conftest.py) has nothing to trace: its conftest.py files stay unread.
      if (facts.tests.length === 0) {
        return traces;
      }
      const self = readFacts();
      const conftests = conftestChain(context.directory, context.rootdir).filter((conftest) => conftest !== context.path);
      const tracer = new MockTracer(self, context.resolver, conftests, listMocks);
      for (const test of facts.tests) {
        const line = test.nameLoc.start.line;
        const fn = self.definitions.functions.find((candidate) => candidate.line === line && candidate.name === test.name);
        traces.set(test, fn ? tracer.trace(fn, test.cls ? classPath(test.cls) : null) : null);
      }
      return traces;
    }),
    detachFromTree: () => void readFacts(),
  };
}
