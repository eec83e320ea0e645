/**
 * The no-mocks policy over a test-file model: every place a mocking library, a fake service, a
 * patching fixture or a runner's mocking API is imported, requested or used. Shared by the
 * `no-mocks` rule and the CLI's audit.
 */
import {
  isWithinModule, JS_MOCK_APIS, JS_MOCK_MODULES, MOCK_FIXTURES, MONKEYPATCH_MODULE, MONKEYPATCH_PATCHING_METHODS,
  PYTHON_MOCK_MODULES,
} from "../model/mock-catalog.js";
import type { Loc, MockFacts, MockLister } from "../model/test-file-model.js";

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
    const module = bannedModule(reference.qualifiedName);
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
