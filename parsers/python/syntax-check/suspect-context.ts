/**
 * The suspect tests that depend on where a statement or expression stands: in a function (an async
 * one, a generator), in a loop, in a comprehension, at the top of the module. Each walks up from its
 * node once, to the nearest enclosing scope at most.
 */
import type { PyNode } from "../py-node.js";

const FUNCTIONS: ReadonlySet<string> = new Set(["function_definition", "lambda"]);
const CLASS: ReadonlySet<string> = new Set(["class_definition"]);
const SCOPES: ReadonlySet<string> = new Set(["function_definition", "lambda", "class_definition"]);
const OUTER_FUNCTION: ReadonlySet<string> = new Set(["function_definition"]);
const NO_STOP: ReadonlySet<string> = new Set();
const COMPREHENSIONS: ReadonlySet<string> = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
const LOOPS: ReadonlySet<string> = new Set(["for_statement", "while_statement"]);
const DEFINITIONS: ReadonlySet<string> = SCOPES;
/** What makes `await` legal below it: an async function, or a generator expression in any function. */
const AWAIT_OWNERS: ReadonlySet<string> = new Set([...FUNCTIONS, "generator_expression"]);
/** What may hold a `yield` without more brackets: a statement, an assignment's value, brackets of its own (an f-string field's too). */
const YIELD_HOLDERS: ReadonlySet<string> = new Set(["expression_statement", "assignment", "augmented_assignment", "parenthesized_expression", "interpolation"]);
/** Where `:=` needs brackets around it. */
const UNBRACKETED_WALRUS: ReadonlySet<string> = new Set(["expression_statement", "assignment", "augmented_assignment"]);
const KNOWN_FUTURES = new Set(["nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"]);

/** The nearest ancestor of one of `types`, or null when one of `stopAt` (or the module) comes first. */
function nearest(node: PyNode, types: ReadonlySet<string>, stopAt: ReadonlySet<string>): PyNode | null {
  for (let current = node.parent; current !== null; current = current.parent) {
    if (types.has(current.type)) {
      return current;
    }
    if (stopAt.has(current.type)) {
      return null;
    }
  }
  return null;
}

function isAsyncFunction(text: string, node: PyNode | null): boolean {
  return node?.type === "function_definition" && text.startsWith("async", node.start);
}

/** Whether a statement or expression holds a value after its keyword (comments aside). */
function hasOperand(node: PyNode): boolean {
  return node.children.some((child) => child.type !== "comment");
}

/** The functions that `yield` makes async generators, found from the file's `yield` nodes. */
export function asyncGenerators(text: string, yields: readonly PyNode[]): Set<PyNode> {
  const generators = new Set<PyNode>();
  for (const node of yields) {
    const owner = nearest(node, FUNCTIONS, CLASS);
    if (owner !== null && isAsyncFunction(text, owner)) {
      generators.add(owner);
    }
  }
  return generators;
}

/**
 * `return` outside a function, or with a value in an async generator (`generators` gives those on
 * demand: most files have none to look for).
 */
export function badReturn(text: string, node: PyNode, generators: () => ReadonlySet<PyNode>): boolean {
  const owner = nearest(node, FUNCTIONS, CLASS);
  if (owner === null) {
    return true;
  }
  return hasOperand(node) && isAsyncFunction(text, owner) && generators().has(owner);
}

/**
 * `yield` outside a function (a class body and a comprehension are not one, though a comprehension's
 * first iterable is evaluated outside it), or `yield from` in an async one, or without the brackets
 * it needs among other values (`(a, yield)`).
 */
export function badYield(text: string, node: PyNode): boolean {
  if (!YIELD_HOLDERS.has(node.parent?.type ?? "")) {
    return true;
  }
  let child = node;
  let fromIterable = false;
  for (let current = node.parent; current !== null; child = current, current = current.parent) {
    if (FUNCTIONS.has(current.type)) {
      return isAsyncFunction(text, current) && /^yield\s+from\b/u.test(text.slice(node.start, node.start + 16));
    }
    if (current.type === "class_definition") {
      return true;
    }
    if (COMPREHENSIONS.has(current.type) && !(fromIterable && child === current.children.find((part) => part.type === "for_in_clause"))) {
      return true;
    }
    fromIterable = current.type === "for_in_clause" && child.field === "right";
  }
  return true;
}

/**
 * `await` outside an async function; inside a generator expression, which makes it an async
 * generator, it only needs some function around.
 */
export function badAwait(text: string, node: PyNode): boolean {
  const owner = nearest(node, AWAIT_OWNERS, CLASS);
  if (owner?.type === "generator_expression") {
    return nearest(owner, FUNCTIONS, CLASS) === null;
  }
  return !isAsyncFunction(text, owner);
}

/** Whether a break or continue is outside any loop body of its own function or class (a loop's `else` is not one). */
export function outsideLoop(node: PyNode): boolean {
  let child = node;
  for (let current = node.parent; current !== null; child = current, current = current.parent) {
    if (SCOPES.has(current.type) || current.type === "module") {
      return true;
    }
    if (LOOPS.has(current.type) && child.type !== "else_clause") {
      return false;
    }
  }
  return true;
}

/** `import *` inside a function or class. */
export function nestedWildcard(node: PyNode): boolean {
  return nearest(node, SCOPES, NO_STOP) !== null;
}

/**
 * `:=` without brackets as a statement or an assignment's value; or in a comprehension, where CPython
 * refuses it in an iterable, binding a name a loop of the comprehension binds, or in a class body.
 */
export function badWalrus(text: string, node: PyNode): boolean {
  if (UNBRACKETED_WALRUS.has(node.parent?.type ?? "")) {
    return true;
  }
  const name = node.child("name");
  let inComprehension = false;
  // A lambda binds the name itself, but an iterable around it still refuses the `:=`.
  let inLambda = false;
  let child = node;
  for (let current = node.parent; current !== null; child = current, current = current.parent) {
    if (current.type === "for_in_clause" && child.field === "right") {
      return true;
    }
    if (COMPREHENSIONS.has(current.type) && !inLambda) {
      inComprehension = true;
      if (name !== undefined && loopsBind(text, current, name)) {
        return true;
      }
    } else if (current.type === "class_definition") {
      return inComprehension;
    } else if (current.type === "lambda") {
      // The comprehensions below are the lambda's, not the class body's.
      inLambda = true;
      inComprehension = false;
    } else if (current.type === "function_definition") {
      return false;
    }
  }
  return false;
}

/** Whether one of a comprehension's `for` clauses binds the name `name` spells. */
function loopsBind(text: string, comprehension: PyNode, name: PyNode): boolean {
  const length = name.end - name.start;
  for (const clause of comprehension.children) {
    if (clause.type !== "for_in_clause") {
      continue;
    }
    const stack = clause.children.filter((part) => part.field === "left");
    while (stack.length > 0) {
      const target = stack.pop()!;
      if (target.type === "identifier" && target.end - target.start === length && text.startsWith(name.text, target.start)) {
        return true;
      }
      stack.push(...target.children);
    }
  }
  return false;
}

/** A `from __future__` import that is not at the top (after the docstring and other future imports), or of an unknown feature. */
export function misplacedFuture(node: PyNode): boolean {
  if (node.parent?.type !== "module") {
    return true;
  }
  for (const name of node.children) {
    const feature = name.type === "aliased_import" ? name.child("name") : name;
    if (feature?.type === "dotted_name" && !KNOWN_FUTURES.has(feature.text)) {
      return true;
    }
  }
  const siblings = node.parent.children;
  const firstStatement = siblings.findIndex((other) => other.type !== "comment");
  for (let index = 0; index < siblings.length && siblings[index] !== node; index++) {
    const sibling = siblings[index]!;
    const isDocstring = index === firstStatement && sibling.type === "expression_statement" && sibling.children[0]?.type === "string";
    if (sibling.type !== "comment" && sibling.type !== "future_import_statement" && !isDocstring) {
      return true;
    }
  }
  return false;
}

/**
 * A global or nonlocal declaration CPython may refuse: a nonlocal outside a function or with no
 * enclosing function using the name, or a name the scope uses, assigns or takes as a parameter before.
 */
export function badDeclaration(statement: PyNode): boolean {
  return statement.children.some((name) => name.type === "identifier" && badDeclarationOf(statement, name.text));
}

function badDeclarationOf(statement: PyNode, name: string): boolean {
  const scope = nearest(statement, SCOPES, NO_STOP);
  if (statement.type === "nonlocal_statement" && (scope === null || !boundOutside(scope, name))) {
    return true;
  }
  const body = scope ?? statement.parent;
  return body !== null && mentions(body, name, statement.start, true, statement.type);
}

/**
 * Whether a function around `scope` mentions `name` (a nonlocal's binding, looked for loosely); a
 * class around it gives its methods `__class__`.
 */
function boundOutside(scope: PyNode, name: string): boolean {
  if (name === "__class__" && nearest(scope, CLASS, NO_STOP) !== null) {
    return true;
  }
  for (let outer = nearest(scope, OUTER_FUNCTION, NO_STOP); outer !== null; outer = nearest(outer, OUTER_FUNCTION, NO_STOP)) {
    if (mentions(outer, name, Infinity, false, scope)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether `name` appears as an identifier in `root` before `before`, outside nested definitions when
 * `ownScope`, and outside `skip` (a node, or the statements of a type: the same declaration again is
 * no use of the name).
 */
function mentions(root: PyNode, name: string, before: number, ownScope: boolean, skip: PyNode | string | null = null): boolean {
  const stack = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.start >= before || node === skip || node.type === skip) {
      continue;
    }
    if (node.type === "identifier" && node.text === name) {
      return true;
    }
    if (ownScope && DEFINITIONS.has(node.type)) {
      // The definition's own name and its parameters' defaults are in this scope; its body is not.
      const own = node.child("name");
      if (own?.text === name) {
        return true;
      }
      continue;
    }
    stack.push(...node.children);
  }
  return false;
}
