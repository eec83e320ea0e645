/**
 * The promises a JS/TS test's function makes and drops: statements of its body (not of functions nested
 * in it) whose value is a promise, known from its shape alone, that the function neither returns nor
 * awaits nor discards with `void`. Without type information only unmistakable shapes count: a `.then`,
 * `.catch` or `.finally` call (not on a Cypress `cy` chain, whose commands are queued, not promises), a
 * call of an `async` function the file declares, `new Promise(...)`, `Promise.all`/`allSettled`/`any`/`race`,
 * and an `expect(...).resolves`/`.rejects` assertion.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { DroppedPromise, PromiseShape, TestCallback } from "../test-file-model.js";

type Node = TSESTree.Node;
type TestFunction = TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const CHAIN_METHODS: ReadonlySet<string> = new Set(["then", "catch", "finally"]);
const COMBINATORS: ReadonlySet<string> = new Set(["all", "allSettled", "any", "race"]);
/** Cypress's global: `cy.get(...).then(...)` queues a command and returns a chain, not a promise. */
const CYPRESS_ROOT = "cy";

/** The statements a function body runs directly: into blocks, branches, loops and `try`, not into nested functions. */
function* bodyStatements(statements: readonly TSESTree.Statement[]): Generator<TSESTree.Statement> {
  const stack: TSESTree.Statement[] = [...statements].reverse();
  while (stack.length > 0) {
    const statement = stack.pop()!;
    const inner: (TSESTree.Statement | null | undefined)[] = [];
    switch (statement.type) {
      case "BlockStatement":
        inner.push(...statement.body);
        break;
      case "IfStatement":
        inner.push(statement.consequent, statement.alternate);
        break;
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement":
      case "WhileStatement":
      case "DoWhileStatement":
      case "LabeledStatement":
      case "WithStatement":
        inner.push(statement.body);
        break;
      case "TryStatement":
        inner.push(statement.block, statement.handler?.body, statement.finalizer);
        break;
      case "SwitchStatement":
        inner.push(...statement.cases.flatMap((clause) => clause.consequent));
        break;
      default:
        yield statement;
        continue;
    }
    for (let index = inner.length - 1; index >= 0; index--) {
      const next = inner[index];
      if (next) {
        stack.push(next);
      }
    }
  }
}

/** An expression without the wrappers that do not change its value: `a!`, `a as T`, `<T>a`, `a satisfies T`, `a?.b`. */
function unwrap(node: Node): Node {
  let current = node;
  while (current.type === "ChainExpression" || current.type === "TSNonNullExpression" || current.type === "TSAsExpression" || current.type === "TSTypeAssertion" || current.type === "TSSatisfiesExpression") {
    current = current.expression;
  }
  return current;
}

/** A call, member chain or name as a message shows it, arguments elided: `fetch(…).then(…)`, `expect(…).resolves.toBe(…)`. */
function compact(node: Node): string {
  const current = unwrap(node);
  switch (current.type) {
    case "Identifier":
      return current.name;
    case "ThisExpression":
      return "this";
    case "MemberExpression":
      return current.computed ? `${compact(current.object)}[…]` : `${compact(current.object)}.${current.property.type === "PrivateIdentifier" ? `#${current.property.name}` : current.property.name}`;
    case "CallExpression":
      return `${compact(current.callee)}(${current.arguments.length > 0 ? "…" : ""})`;
    case "NewExpression":
      return `new ${compact(current.callee)}(${current.arguments.length > 0 ? "…" : ""})`;
    case "AwaitExpression":
      return `(await ${compact(current.argument)})`;
    default:
      return "…";
  }
}

/** The identifier a member or call chain starts from (`cy` in `cy.get(...).then`), if any. */
function chainRoot(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  while (current.type === "MemberExpression" || current.type === "CallExpression") {
    current = unwrap(current.type === "MemberExpression" ? current.object : current.callee);
  }
  return current.type === "Identifier" ? current : null;
}

/** Whether a variable is bound to an `async` function the file declares, and to nothing else. */
function isAsyncFunctionVariable(variable: TSESLint.Scope.Variable): boolean {
  if (variable.defs.length !== 1 || variable.references.filter((reference) => reference.isWrite()).length > 1) {
    return false;
  }
  const definition = variable.defs[0]!;
  if (definition.type === "FunctionName") {
    // A declared function is written by no reference; one that is, was replaced.
    return definition.node.type === "FunctionDeclaration" && definition.node.async && !variable.references.some((reference) => reference.isWrite());
  }
  if (definition.type === "Variable") {
    const init = definition.node.init ? unwrap(definition.node.init) : null;
    return (init?.type === "ArrowFunctionExpression" || init?.type === "FunctionExpression") && init.async;
  }
  return false;
}

export class DroppedPromiseReader {
  readonly #sourceCode: TSESLint.SourceCode;
  /** The identifiers that refer to an `async` function of the file, found once from the scope manager. */
  #asyncReferences: Set<TSESTree.Identifier> | undefined;

  constructor(sourceCode: TSESLint.SourceCode) {
    this.#sourceCode = sourceCode;
  }

  /** What the function a test runs tells about the promises it makes. */
  read(fn: TestFunction): TestCallback {
    const droppedPromises: DroppedPromise[] = [];
    if (fn.body.type === "BlockStatement") {
      for (const statement of bodyStatements(fn.body.body)) {
        if (statement.type !== "ExpressionStatement" || statement.directive !== undefined) {
          continue;
        }
        const shape = this.#promiseShape(unwrap(statement.expression));
        if (shape !== null) {
          droppedPromises.push({ shape, written: compact(statement.expression), loc: statement.loc });
        }
      }
    }
    return { async: fn.async, doneParameter: fn.params.some((parameter) => parameter.type === "Identifier"), droppedPromises };
  }

  /** How `expression` is known to be a promise, or null when its shape does not tell. */
  #promiseShape(expression: Node): PromiseShape | null {
    if (expression.type === "NewExpression") {
      const callee = unwrap(expression.callee);
      return callee.type === "Identifier" && callee.name === "Promise" && this.#isGlobal(callee) ? "newPromise" : null;
    }
    if (expression.type !== "CallExpression") {
      return null;
    }
    const callee = unwrap(expression.callee);
    if (callee.type === "Identifier") {
      return this.#asyncFunctionReferences().has(callee) ? "asyncCall" : null;
    }
    if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") {
      return null;
    }
    const method = callee.property.name;
    const object = unwrap(callee.object);
    if (object.type === "Identifier" && object.name === "Promise") {
      return COMBINATORS.has(method) && this.#isGlobal(object) ? "promiseCombinator" : null;
    }
    if (this.#isExpectResolves(callee)) {
      return "expectResolves";
    }
    if (CHAIN_METHODS.has(method)) {
      const root = chainRoot(callee);
      return root?.name === CYPRESS_ROOT ? null : (method as PromiseShape);
    }
    return null;
  }

  /** `expect(x).resolves.toBe(1)`, `expect(x).rejects.not.toThrow()`, `expect.soft(x).resolves...`: a `resolves`/`rejects` member on an `expect` call. */
  #isExpectResolves(callee: TSESTree.MemberExpression): boolean {
    for (let current: Node = callee; current.type === "MemberExpression"; current = unwrap(current.object)) {
      const object = unwrap(current.object);
      if (!current.computed && current.property.type === "Identifier" && (current.property.name === "resolves" || current.property.name === "rejects") && object.type === "CallExpression") {
        return chainRoot(object.callee)?.name === "expect";
      }
    }
    return false;
  }

  #variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null | undefined {
    return this.#sourceCode.getScope(identifier).references.find((reference) => reference.identifier === identifier)?.resolved;
  }

  /** The name is the global one: bound by no declaration of the file. */
  #isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.#variableOf(identifier);
    return !variable || variable.defs.length === 0;
  }

  #asyncFunctionReferences(): Set<TSESTree.Identifier> {
    if (!this.#asyncReferences) {
      this.#asyncReferences = new Set();
      for (const scope of this.#sourceCode.scopeManager?.scopes ?? []) {
        for (const variable of scope.variables) {
          if (isAsyncFunctionVariable(variable)) {
            for (const reference of variable.references) {
              this.#asyncReferences.add(reference.identifier as TSESTree.Identifier);
            }
          }
        }
      }
    }
    return this.#asyncReferences;
  }
}
