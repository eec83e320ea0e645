/**
 * Which calls of a JS/TS file declare tests or groups of tests: `test`/`it`/`specify` and
 * `describe`/`suite`/`context`, with their modifiers (`.only`, `.skip`, `.todo`, `.concurrent`,
 * `.each(table)`, `.for(table)`, `.skipIf(cond)`, ...), Jasmine's `xit`/`fit`, and Playwright's `test`,
 * `test.describe` and `base.extend(...)`. Calls such as `test.beforeEach` or `test.step` declare nothing.
 */
import type { TSESTree } from "@typescript-eslint/utils";

type Node = TSESTree.Node;

/** The statement a declaration call stands in, so the JSDoc comment before it can be found. */
export function statementOf(call: TSESTree.CallExpression): Node {
  let node: Node = call;
  while (node.parent.type === "AwaitExpression" || node.parent.type === "ChainExpression" || node.parent.type === "ExpressionStatement") {
    node = node.parent;
  }
  return node;
}

/**
 * Where the JSDoc comment of the test whose title (or `@test` method name) starts at `titleStart` goes:
 * the start of the test call's statement, or of the method and its decorators; null for no test there.
 */
export function testCommentSite(nodeAt: (index: number) => Node | null, titleStart: number): number | null {
  let node = nodeAt(titleStart);
  while (node && node.type !== "CallExpression" && node.type !== "MethodDefinition") {
    node = node.parent ?? null;
  }
  if (node?.type === "MethodDefinition") {
    return Math.min(node.range[0], ...node.decorators.map((decorator) => decorator.range[0]));
  }
  return node ? statementOf(node).range[0] : null;
}

const TEST_FUNCTIONS = new Set(["test", "it", "specify", "xit", "xtest", "xspecify", "fit"]);
const GROUP_FUNCTIONS = new Set(["describe", "suite", "context", "xdescribe", "xcontext", "fdescribe"]);
const SKIPPED_ROOTS = new Set(["xit", "xtest", "xspecify", "xdescribe", "xcontext"]);

/** Modifiers that keep a call a declaration; anything else (`beforeEach`, `step`, `use`) is not one. */
const MODIFIERS = new Set([
  "only", "skip", "todo", "concurrent", "sequential", "serial", "parallel", "each", "for", "fails", "failing",
  "fail", "fixme", "skipIf", "runIf", "shuffle",
]);
/** Modifiers that take a table or a condition first: `test.each(table)(title, fn)`. */
const CURRIED = new Set(["each", "for", "skipIf", "runIf"]);

export interface TestDeclaration {
  kind: "test" | "group";
  title: string;
  /** Where the title is (the whole call when there is no title node). */
  titleNode: Node;
  /** The function holding a group's tests, or the test's body. */
  body: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | null;
  skipped: boolean;
  todo: boolean;
  /** Declared for many cases at once (`.each`, `.for`). */
  parametrized: boolean;
}

function isFunction(node: Node | undefined): node is TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return node?.type === "FunctionExpression" || node?.type === "ArrowFunctionExpression";
}

/** `test.concurrent.skip` → root `test`, members ["concurrent", "skip"]; null for anything else. */
function flatten(callee: Node): { root: TSESTree.Identifier; members: string[] } | null {
  const members: string[] = [];
  let node = callee;
  while (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") {
    members.unshift(node.property.name);
    node = node.object;
  }
  return node.type === "Identifier" ? { root: node, members } : null;
}

function titleOf(node: Node | undefined, sourceText: string): string {
  if (node?.type === "Literal" && typeof node.value === "string") {
    return node.value;
  }
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? "";
  }
  return node ? sourceText.slice(node.range[0], node.range[1]) : "";
}

/**
 * The declaration `call` makes, if any. `runnerName` tells what a root identifier denotes (`test`,
 * `describe`, ...) or undefined when it is not a test runner's function.
 */
export function readTestDeclaration(call: TSESTree.CallExpression, runnerName: (identifier: TSESTree.Identifier) => string | undefined, sourceText: string): TestDeclaration | null {
  let callee: Node = call.callee;
  let curried = false;
  if (callee.type === "CallExpression") {
    callee = callee.callee;
    curried = true;
  } else if (callee.type === "TaggedTemplateExpression") {
    callee = callee.tag;
    curried = true;
  }
  const chain = flatten(callee);
  if (!chain) {
    return null;
  }
  let root = runnerName(chain.root);
  let members = chain.members;
  // A runner module's namespace (`import * as vitest from "vitest"`, `require("vitest")`): `vitest.test(...)`.
  if (root === "" && members.length > 0) {
    root = members[0]!;
    members = members.slice(1);
  }
  if (root === undefined) {
    return null;
  }
  let kind: "test" | "group";
  if (GROUP_FUNCTIONS.has(root)) {
    kind = "group";
  } else if (TEST_FUNCTIONS.has(root)) {
    kind = members[0] === "describe" ? "group" : "test";
    members = members[0] === "describe" ? members.slice(1) : members;
  } else {
    return null;
  }
  if (!members.every((member) => MODIFIERS.has(member)) || members.some((member) => CURRIED.has(member)) !== curried) {
    return null;
  }
  const todo = members.includes("todo");
  const first = call.arguments[0];
  const hasTitle = first !== undefined && !isFunction(first);
  // Playwright's anonymous group, `test.describe(() => {...})`, has its callback first.
  const body = (kind === "group" && !hasTitle ? call.arguments.slice(0, 1) : call.arguments.slice(1)).find(isFunction) ?? null;
  const titleNode = hasTitle ? first : undefined;
  // A body passed by name needs a written title: `test.skip(isMobile, reason)` skips, it declares nothing.
  const writtenTitle = titleNode?.type === "TemplateLiteral" || (titleNode?.type === "Literal" && typeof titleNode.value === "string");
  // `test.skip(condition, "reason")` inside a test, or `test.describe.configure(...)`, declares nothing.
  const declares = kind === "group" ? body !== null : hasTitle && (body !== null || todo || (writtenTitle && call.arguments.slice(1).some((argument) => argument.type === "Identifier")));
  if (!declares) {
    return null;
  }
  return {
    kind,
    title: titleOf(titleNode, sourceText),
    titleNode: titleNode ?? call,
    body,
    skipped: SKIPPED_ROOTS.has(root) || members.includes("skip") || members.includes("fixme"),
    todo,
    parametrized: members.includes("each") || members.includes("for"),
  };
}

/**
 * The name a decorator is called by: `@suite`, `@suite()`, `@test.skip`, `@test.skip()` → "suite", "test";
 * the runner's name when the decorator is one of its exports imported under another name (`test as method`).
 */
export function decoratorRoot(decorator: TSESTree.Decorator, runnerName: (identifier: TSESTree.Identifier) => string | undefined): { name: string; members: string[] } | null {
  const expression = decorator.expression.type === "CallExpression" ? decorator.expression.callee : decorator.expression;
  const chain = flatten(expression);
  if (!chain) {
    return null;
  }
  const runner = runnerName(chain.root);
  return { name: runner !== undefined && runner !== "" && !runner.includes(".") ? runner : chain.root.name, members: chain.members };
}
