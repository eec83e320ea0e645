/**
 * The no-mocks policy over a test-file model: every place a mocking library, a fake service, a
 * patching fixture or a runner's mocking API is imported, requested or used. Shared by the
 * `no-mocks` rule and the CLI's audit.
 */
import {
  isWithinModule, JS_MOCK_APIS, JS_MOCK_MODULES, MOCK_FIXTURES, MONKEYPATCH_MODULE, MONKEYPATCH_PATCHING_METHODS,
  PYTHON_MOCK_MODULES,
} from "../model/mock-catalog.js";
import type { MockReachReport } from "../audit/report-types.js";
import type { Loc, MockFacts, MockLister, MockTrace, MockVia, TestFileModel } from "../model/test-file-model.js";
import type { JudgeContext, PolicyVerdict } from "./policy.js";
import { reachJudgement } from "./judgement.js";

export interface MockPolicyOptions {
  /** More banned modules (and APIs). */
  modules: readonly string[];
  /** Modules (and APIs) exempted. */
  allow: readonly string[];
}

export type MockFindingKind = "mockImport" | "mockUse" | "mockApi" | "mockFixture" | "monkeypatchPatch";

export interface MockFinding {
  kind: MockFindingKind;
  loc: Loc;
  /** What the message names: the imported or used name, the fixture, or the monkeypatch method. */
  data: Record<string, string>;
}

/** Every mock finding of a file's (or module's) facts, in source order (several may share a line). */
export function findMocks(model: MockFacts, { modules, allow }: MockPolicyOptions): MockFinding[] {
  const apis = model.language === "js" ? JS_MOCK_APIS : [];
  const banned = [...(model.language === "js" ? JS_MOCK_MODULES : PYTHON_MOCK_MODULES), ...apis, ...modules];
  /** The banned module or API `name` lies in, unless `allow` exempts it. */
  const bannedModule = (name: string): string | undefined =>
    allow.some((allowed) => isWithinModule(name, allowed)) ? undefined : banned.find((module) => isWithinModule(name, module));

  const findings: MockFinding[] = [];
  for (const reference of model.moduleReferences) {
    // A name re-exported by a project module is judged as what it is where it comes from.
    const module = [reference.qualifiedName, ...(reference.throughProject ?? [])].map(bannedModule).find((found) => found !== undefined);
    if (module === undefined) {
      continue;
    }
    const name = reference.kind === "import" ? reference.qualifiedName : reference.written;
    const kind = apis.includes(module) ? "mockApi" : reference.kind === "import" ? "mockImport" : "mockUse";
    findings.push({ kind, loc: reference.loc, data: { name, module } });
  }
  for (const fixture of model.fixtureReferences) {
    const provider = MOCK_FIXTURES.get(fixture.name);
    const module = provider === undefined ? undefined : bannedModule(provider);
    if (module !== undefined) {
      findings.push({ kind: "mockFixture", loc: fixture.loc, data: { name: fixture.name, module } });
    }
  }
  if (!allow.some((allowed) => isWithinModule(MONKEYPATCH_MODULE, allowed))) {
    for (const call of model.monkeypatchCalls) {
      if (MONKEYPATCH_PATCHING_METHODS.has(call.method)) {
        findings.push({ kind: "monkeypatchPatch", loc: call.loc, data: { method: call.method } });
      }
    }
  }
  return findings.sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
}

/** The mock listers handed out so far, one per set of options (see reachingMocks). */
const listers = new Map<string, MockLister>();

/**
 * What a model's mock trace looks for under the policy `options`: the mocks findMocks finds that act
 * when the code runs (an import alone mocks nothing). The same options always get the same function,
 * and a model traces once per function: the rule and the CLI's audit share one trace of a file.
 */
export function reachingMocks(options: MockPolicyOptions): MockLister {
  const key = JSON.stringify([options.modules, options.allow]);
  let lister = listers.get(key);
  if (!lister) {
    const { modules, allow } = options;
    lister = (facts) =>
      findMocks(facts, { modules, allow })
        .filter((finding) => finding.kind !== "mockImport")
        .map((finding) => ({ loc: finding.loc, name: finding.kind === "monkeypatchPatch" ? `monkeypatch.${finding.data.method ?? ""}` : (finding.data.name ?? "") }));
    listers.set(key, lister);
  }
  return lister;
}

/** A mock reaching a test, as a message tells it: paths relative to the working directory. */
export interface ReachToDescribe {
  via: MockVia;
  through: readonly { name: string }[];
  mock: { path: string; line: number };
}

/** `'A'`, then ` → 'B'` for each further step. */
function chain(first: string, rest: readonly { name: string }[]): string {
  return [first, ...rest.map((step) => `'${step.name}'`)].join(" → ");
}

/**
 * How a mock reaches a test, in words: what it is reached through (`through fixture 'tax_service'`),
 * and where the mock is written (`tests/conftest.py:10`), the line to change to fix it.
 * @param testClass the name of the test's class, or null for a module-level test.
 */
export function describeReach(reach: ReachToDescribe, testClass: string | null): { route: string; location: string } {
  return { route: routeOf(reach, testClass), location: `${reach.mock.path}:${reach.mock.line}` };
}

function routeOf(reach: ReachToDescribe, testClass: string | null): string {
  const [first, ...rest] = reach.through;
  const step = first?.name ?? "";
  // Steps are named `Class.method` for methods, bare for functions and fixtures.
  const owner = step.includes(".") ? step.slice(0, step.lastIndexOf(".")) : null;
  switch (reach.via) {
    case "test":
      return "in the test itself";
    case "fixture":
      return `through ${chain(`fixture '${step}'`, rest)}`;
    case "autouse":
      return `through ${chain(`autouse fixture '${step}'`, rest)}`;
    case "helper":
      return `through ${chain(owner === null ? `helper '${step}'` : `method '${step}'`, rest)}`;
    case "setup": {
      const method = step.slice(step.lastIndexOf(".") + 1);
      const own = owner !== null && owner.slice(owner.lastIndexOf(".") + 1) === testClass;
      const setup = owner === null ? `setup function '${step}'` : own ? `its setup method '${method}'` : `setup method '${method}' of base '${owner}'`;
      return `through ${chain(setup, rest)}`;
    }
    case "class":
      return "through the body of a base class";
    case "module":
      return "at the top level of the test module";
    case "conftest":
      return reach.mock.path.endsWith("/conftest.py") || reach.mock.path === "conftest.py" ? "at the top level of conftest.py" : "at the top level of a pytest plugin module";
  }
}

/** A mock trace as the report shows it: paths relative to the working directory, 1-based columns. */
function reachReport(trace: MockTrace, relativePath: (path: string) => string): MockReachReport {
  return {
    via: trace.via,
    through: trace.through.map((step) => ({ name: step.name, path: relativePath(step.path), line: step.line })),
    mock: { path: relativePath(trace.mock.path), line: trace.mock.loc.start.line, column: trace.mock.loc.start.column + 1, name: trace.mock.name },
  };
}

/**
 * The no-mocks verdicts: a test complies when no mock reaches it (traced through fixtures, helpers,
 * setup and conftest.py, whatever the rule's `trace` option, which only decides what ESLint shows); a
 * file when it also uses none. A mock in the file is reported where it is written; one from another
 * file at the test it reaches.
 */
export function judgeNoMocks(model: TestFileModel, options: MockPolicyOptions, { path, relativePath }: JudgeContext): PolicyVerdict {
  const mocks = findMocks(model, options);
  const traces = model.traceMocks(reachingMocks(options));
  const reaches = model.tests.map((test) => traces.get(test) ?? null);
  return {
    ...reachJudgement(path, mocks.map((finding) => finding.loc.start.line), model.tests, reaches.map((reach) => reach && { path: reach.mock.path, line: reach.mock.loc.start.line })),
    details: {
      mocks: mocks.map((finding) => ({ line: finding.loc.start.line, column: finding.loc.start.column + 1, kind: finding.kind, name: finding.data.name ?? finding.data.method ?? "" })),
      tests: reaches.map((reach) => ({ mockReach: reach ? reachReport(reach, relativePath) : null })),
    },
  };
}
