/**
 * Builds the test-file model of a JS/TS file from ESLint's ESTree (espree or @typescript-eslint/parser)
 * and its scope manager.
 */
import { resolve } from "node:path";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { editorLineCount, lineFeedCount } from "../line-count.js";
import { readLineKinds } from "../line-kinds.js";
import { skipFacts, tracedOncePerLister, type ClassFacts, type ClassSite, type CollectedTest, type Docstring, type Loc, type ModuleReference, type NamedCall, type SkipMark, type TestFileModel } from "../test-file-model.js";
import { traceJsAssertions } from "./assertion-trace.js";
import { collectBindings, memberChain } from "./bindings.js";
import { collectJsChecks, type JsChecks } from "./check-facts.js";
import { dottedExpression, JsClassResolver, summarizeProgram } from "./class-resolver.js";
import { JsClassUseResolver, readJsClassUses, type JsClassUses } from "./class-uses.js";
import { DroppedPromiseReader } from "./dropped-promises.js";
import { JsCommentReasons } from "./comment-reasons.js";
import { JsdocReader } from "./jsdoc.js";
import { traceJsMocks } from "./mock-trace.js";
import { decoratorRoot, readMarkingCall, readTestDeclaration, statementOf, type TestDeclaration, type WrittenSkip } from "./test-calls.js";

type Node = TSESTree.Node;

interface Walked {
  calls: TSESTree.CallExpression[];
  news: TSESTree.NewExpression[];
  /** `.should` accesses (chai's `x.should.equal(y)`, Cypress's `cy.get(s).should(...)`). */
  shoulds: TSESTree.MemberExpression[];
  dynamicImports: TSESTree.ImportExpression[];
  declarators: TSESTree.VariableDeclarator[];
  classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[];
}

/** One pass over the tree, in source order, collecting the nodes the model reads. */
function walk(sourceCode: TSESLint.SourceCode): Walked {
  const walked: Walked = { calls: [], news: [], shoulds: [], dynamicImports: [], declarators: [], classes: [] };
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case "CallExpression":
        walked.calls.push(node);
        break;
      case "NewExpression":
        walked.news.push(node);
        break;
      case "ImportExpression":
        walked.dynamicImports.push(node);
        break;
      case "MemberExpression":
        if (!node.computed && node.property.type === "Identifier" && node.property.name === "should") {
          walked.shoulds.push(node);
        }
        break;
      case "VariableDeclarator":
        walked.declarators.push(node);
        break;
      case "ClassDeclaration":
      case "ClassExpression":
        walked.classes.push(node);
        break;
      default:
        break;
    }
    const childKeys = keys[node.type] ?? [];
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[childKeys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          if (child[i]) {
            stack.push(child[i] as Node);
          }
        }
      } else if (child && typeof child === "object") {
        stack.push(child as Node);
      }
    }
  }
  return walked;
}

/** A node's decorators: espree, unlike typescript-estree, leaves the property out. */
function decoratorsOf(node: { decorators?: TSESTree.Decorator[] }): TSESTree.Decorator[] {
  return node.decorators ?? [];
}

/** `Suite > inner > test title` (an anonymous group adds nothing). */
function testId(groups: readonly TestDeclaration[], title: string): string {
  return [...groups.map((group) => group.title).filter((group) => group !== ""), title].join(" > ");
}

function holds(declaration: TestDeclaration, call: TSESTree.CallExpression): boolean {
  return declaration.body !== null && call.range[0] >= declaration.body.range[0] && call.range[1] <= declaration.body.range[1];
}

/**
 * The declaration whose callback holds a call with no other function between them, or null for a call
 * at the top of the file; undefined when a function of another kind (a helper) holds it.
 */
function markedDeclaration(call: TSESTree.CallExpression, declarations: ReadonlyMap<TSESTree.CallExpression, TestDeclaration>): TSESTree.CallExpression | null | undefined {
  for (let node: Node | undefined = call.parent; node; node = node.parent) {
    if (node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression" || node.type === "FunctionDeclaration") {
      const owner = node.parent.type === "CallExpression" ? node.parent : undefined;
      return owner && declarations.get(owner)?.body === node ? owner : undefined;
    }
  }
  return null;
}

export function buildJsModel(sourceCode: TSESLint.SourceCode, filename: string, cwd: string): TestFileModel {
  const walked = walk(sourceCode);
  const bindings = collectBindings(sourceCode, walked.declarators, walked.calls, walked.dynamicImports);
  const jsdoc = new JsdocReader(sourceCode);
  const promises = new DroppedPromiseReader(sourceCode);
  const comments = new JsCommentReasons(sourceCode);
  const runnerName = (identifier: TSESTree.Identifier): string | undefined => bindings.qualified.get(identifier);
  /** A mark whose API takes no reason: a comment gives it. */
  const commentedMark = (written: WrittenSkip, scope: SkipMark["scope"]): SkipMark => ({ ...written, scope, reason: comments.reasonFor(written.loc), addReason: null });

  // Declarations by call, then tests placed in the groups whose callbacks hold them.
  const declarations = new Map<TSESTree.CallExpression, TestDeclaration>();
  for (const call of walked.calls) {
    const declaration = readTestDeclaration(call, runnerName, sourceCode.text);
    if (declaration) {
      declarations.set(call, declaration);
    }
  }
  // Playwright's `test.skip(...)` marks: in a test's callback, a group's, or at the top of the file.
  const marksIn = new Map<TSESTree.CallExpression, SkipMark[]>();
  const moduleMarks: SkipMark[] = [];
  for (const call of walked.calls) {
    const marking = declarations.has(call) ? null : readMarkingCall(call, runnerName, sourceCode.text);
    const owner = marking ? markedDeclaration(call, declarations) : undefined;
    if (!marking || owner === undefined) {
      continue;
    }
    if (owner === null) {
      moduleMarks.push({ ...marking, scope: "module" });
    } else {
      marksIn.set(owner, [...(marksIn.get(owner) ?? []), { ...marking, scope: declarations.get(owner)!.kind === "test" ? "body" : "group" }]);
    }
  }
  /** A group's marks, shared by its tests: its modifier's, then its callback's calls. */
  const groupMarks = new Map<TSESTree.CallExpression, SkipMark[]>();
  const marksOfGroup = (call: TSESTree.CallExpression, group: TestDeclaration): SkipMark[] => {
    let marks = groupMarks.get(call);
    if (!marks) {
      marks = [...(group.skip ? [commentedMark(group.skip, "group")] : []), ...(marksIn.get(call) ?? [])];
      groupMarks.set(call, marks);
    }
    return marks;
  };

  const tests: CollectedTest[] = [];
  const groupBodies = new Map<CollectedTest, Loc[]>();
  for (const [call, declaration] of declarations) {
    if (declaration.kind !== "test") {
      continue;
    }
    /** The calls of the groups it is in, innermost first. */
    const groupCalls: TSESTree.CallExpression[] = [];
    const groups: TestDeclaration[] = [];
    const groupDocstrings: Docstring[] = [];
    let nested = false;
    for (let node: Node | undefined = call.parent; node; node = node.parent) {
      const enclosing = node.type === "CallExpression" ? declarations.get(node) : undefined;
      if (!enclosing || !holds(enclosing, call)) {
        continue;
      }
      if (enclosing.kind === "test") {
        // Tests do not nest: inside a test, `test.skip(isMobile, reason)` or `test.fail(cond, msg)` only marks it.
        nested = true;
        break;
      }
      groups.unshift(enclosing);
      groupCalls.push(node as TSESTree.CallExpression);
      const docstring = jsdoc.before(statementOf(node as TSESTree.CallExpression));
      if (docstring) {
        groupDocstrings.push(docstring);
      }
    }
    if (nested) {
      continue;
    }
    const test: CollectedTest = {
      name: declaration.title,
      id: testId(groups, declaration.title),
      nameLoc: declaration.titleNode.loc,
      loc: call.loc,
      cls: null,
      inherited: false,
      definingClass: null,
      origin: null,
      docstring: jsdoc.before(statementOf(call)),
      groupDocstrings,
      ...skipFacts([
        ...(declaration.skip ? [commentedMark(declaration.skip, "test")] : []),
        ...(marksIn.get(call) ?? []),
        ...groupCalls.flatMap((group) => marksOfGroup(group, declarations.get(group)!)),
        ...moduleMarks,
      ]),
      todo: declaration.todo,
      parametrized: declaration.parametrized,
      // A plain object: the model must not hold syntax nodes (the CLI keeps models after linting).
      definitionKey: {},
      coroutine: null,
      callback: declaration.body ? promises.read(declaration.body) : null,
    };
    tests.push(test);
    groupBodies.set(test, groups.flatMap((group) => (group.body ? [group.body.loc] : [])));
  }

  // Class-based suites: `@suite class X { @test method() {} }`.
  const classes: ClassFacts[] = [];
  const suitesWithTests = new Set<TSESTree.ClassDeclaration | TSESTree.ClassExpression>();
  /** The skips of `@skip` and `@<runner>.skip` decorators (`@suite.skip`, `@test.skip`). */
  const decoratorMarks = (decorators: readonly TSESTree.Decorator[], runner: string, scope: SkipMark["scope"]): SkipMark[] =>
    decorators.flatMap((decorator) => {
      const root = decoratorRoot(decorator, runnerName);
      const skips = root !== null && (root.name === "skip" || (root.name === runner && root.members.includes("skip")));
      return skips ? [commentedMark({ kind: "skip", api: [root.name, ...root.members].join("."), conditional: false, loc: decorator.expression.loc }, scope)] : [];
    });
  for (const node of walked.classes) {
    const decorators = decoratorsOf(node).map((decorator) => decoratorRoot(decorator, runnerName));
    const suite = decorators.find((decorator) => decorator?.name === "suite");
    if (!node.id || !suite) {
      continue;
    }
    const superClass = dottedExpression(node.superClass);
    const exported = node.parent.type === "ExportNamedDeclaration" || node.parent.type === "ExportDefaultDeclaration" ? node.parent : node;
    // `@suite export class X {}`: the decorators come before `export`, and the JSDoc before them.
    const firstDecorator = node.decorators[0];
    const statement = firstDecorator && firstDecorator.range[0] < exported.range[0] ? firstDecorator : exported;
    const facts: ClassFacts = {
      name: node.id.name,
      nameLoc: node.id.loc,
      loc: node.loc,
      bases: node.superClass ? [{ written: superClass ?? sourceCode.getText(node.superClass), loc: node.superClass.loc, computed: superClass !== null ? null : node.superClass.type === "CallExpression" ? "call" : "expression" }] : [],
      docstring: jsdoc.before(statement),
      enclosingClass: null,
      collected: true,
      unittest: false,
      origin: null,
      tests: [],
    };
    const suiteMarks = decoratorMarks(decoratorsOf(node), "suite", "group");
    for (const member of node.body.body) {
      // `@test charges() {}` or, as testdeck allows, `@test "charges a card"() {}`.
      const methodName = member.type !== "MethodDefinition" ? null : member.key.type === "Identifier" ? member.key.name : member.key.type === "Literal" && typeof member.key.value === "string" ? member.key.value : null;
      if (member.type !== "MethodDefinition" || methodName === null) {
        continue;
      }
      const marks = decoratorsOf(member).map((decorator) => decoratorRoot(decorator, runnerName));
      const test = marks.find((mark) => mark?.name === "test");
      if (!test) {
        continue;
      }
      const collected: CollectedTest = {
        name: methodName,
        id: `${facts.name} > ${methodName}`,
        nameLoc: member.key.loc,
        loc: member.loc,
        cls: facts,
        inherited: false,
        definingClass: facts,
        origin: null,
        docstring: jsdoc.before(member),
        groupDocstrings: facts.docstring ? [facts.docstring] : [],
        ...skipFacts([...decoratorMarks(decoratorsOf(member), "test", "test"), ...suiteMarks]),
        todo: false,
        parametrized: marks.some((mark) => mark?.name === "params"),
        definitionKey: {},
        coroutine: null,
        callback: member.value.type === "FunctionExpression" ? promises.read(member.value) : null,
      };
      facts.tests.push(collected);
      tests.push(collected);
    }
    classes.push(facts);
    if (facts.tests.length > 0) {
      suitesWithTests.add(node);
    }
  }
  tests.sort((a, b) => a.nameLoc.start.line - b.nameLoc.start.line || a.nameLoc.start.column - b.nameLoc.start.column);

  const uses: ModuleReference[] = [...bindings.destructured];
  for (const [identifier, qualified] of bindings.qualified) {
    const { members, end } = memberChain(identifier);
    uses.push({
      kind: "use",
      qualifiedName: [qualified, ...members].filter((part) => part !== "").join("."),
      written: [identifier.name, ...members].join("."),
      loc: { start: identifier.loc.start, end: end.loc.end },
    });
  }

  const path = resolve(cwd, filename);
  const classUses = readJsClassUses(sourceCode, walked.classes, [...walked.calls, ...walked.news], suitesWithTests, bindings.qualified);
  return withQueries(
    {
      language: "js",
      filename,
      isTestModule: true,
      lines: editorLineCount(sourceCode.text),
      lineFeeds: lineFeedCount(sourceCode.text),
      lineKinds: readLineKinds(sourceCode.lines, sourceCode.getAllComments().map((comment) => comment.loc)),
      moduleDocstring: jsdoc.top(),
      importedModules: bindings.modules,
      classes,
      tests,
      moduleReferences: [...bindings.imports, ...uses],
      fixtureReferences: [],
      monkeypatchCalls: [],
    },
    path,
    summarizeProgram(path, sourceCode.ast),
    groupBodies,
    collectJsChecks(sourceCode, walked.calls, walked.shoulds, bindings.qualified),
    classUses,
  );
}

/**
 * The model's questions over its plain facts. Built outside buildJsModel so the closures hold only
 * these arguments, not the syntax tree: the CLI keeps models after linting.
 */
function withQueries(
  facts: Omit<TestFileModel, "resolveBases" | "traceMocks" | "traceAssertions" | "pytestAsyncSupport" | "detachFromTree" | "classSites" | "namedCalls">,
  path: string,
  summary: ReturnType<typeof summarizeProgram>,
  groupBodies: ReadonlyMap<CollectedTest, readonly Loc[]>,
  checks: JsChecks,
  classUses: JsClassUses,
): TestFileModel {
  const resolver = new JsClassResolver();
  // Imports are followed into other files only when a rule asks.
  let uses: JsClassUseResolver | null = null;
  let classSites: ClassSite[] | null = null;
  let namedCalls: NamedCall[] | null = null;
  const model: TestFileModel = {
    ...facts,
    resolveBases: (cls, bases) => resolver.resolveBases(summary, cls.bases, bases),
    classSites: () => (classSites ??= (uses ??= new JsClassUseResolver(classUses, summary, resolver)).classSites()),
    namedCalls: () => (namedCalls ??= (uses ??= new JsClassUseResolver(classUses, summary, resolver)).namedCalls()),
    traceMocks: tracedOncePerLister((listMocks) => traceJsMocks(model, path, groupBodies, listMocks)),
    pytestAsyncSupport: () => null,
    traceAssertions: tracedOncePerLister((findAssertion) => traceJsAssertions(model.tests, path, checks, findAssertion)),
    // Everything the trace reads is already plain locations.
    detachFromTree: () => undefined,
  };
  return model;
}
