/**
 * The constructs tree-sitter accepts but CPython may reject (compile-time errors, a `try` with no
 * handler, Python 2 statements). The conversion collects nodes of these types as it builds the tree;
 * `needsSyntaxCheck` looks at just those, so a file without any pays nothing more, and the full
 * checker runs only on files where one of them may be an error.
 */
import type { PyNode } from "../py-node.js";
import { tokenize } from "./tokenizer.js";

/** Node types whose presence may hide an error tree-sitter does not see. */
export const SUSPECT_TYPES: ReadonlySet<string> = new Set([
  "return_statement",
  "yield",
  "await",
  "break_statement",
  "continue_statement",
  "try_statement",
  "global_statement",
  "nonlocal_statement",
  "future_import_statement",
  "print_statement",
  "exec_statement",
  "wildcard_import",
  "parameters",
  "lambda_parameters",
  "argument_list",
  "list_splat",
  "block",
  "except_clause",
  "import_from_statement",
  "augmented_assignment",
  "parenthesized_expression",
]);

/** Files this short are always checked: the checker costs little on them, and tree-sitter misses much. */
const ALWAYS_CHECKED_LENGTH = 512;

/** Deeper trees may nest brackets past CPython's limit of 200 (or blocks past its 100 indentation levels). */
const MAX_PLAUSIBLE_DEPTH = 100;

const FUNCTIONS = new Set(["function_definition", "lambda"]);
/** What may follow a keyword argument in a call: unpacking, and the extras tree-sitter puts among arguments. */
const AFTER_KEYWORDS = new Set(["keyword_argument", "dictionary_splat", "list_splat", "comment", "line_continuation"]);
const LOOPS = new Set(["for_statement", "while_statement"]);
const HANDLERS = new Set(["except_clause", "except_group_clause", "finally_clause"]);
const DEFAULTED = new Set(["default_parameter", "typed_default_parameter"]);
const STARS = new Set(["list_splat_pattern", "dictionary_splat_pattern", "keyword_separator", "positional_separator"]);

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

const SCOPES = new Set(["function_definition", "lambda", "class_definition"]);
const CLASS = new Set(["class_definition"]);
const OUTER_FUNCTION = new Set(["function_definition"]);
const NO_STOP: ReadonlySet<string> = new Set();
/** `yield` belongs to the nearest function, unless a class or a comprehension comes first. */
const YIELD_STOPS = new Set(["class_definition", "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
function isAsyncFunction(node: PyNode): boolean {
  return node.type === "function_definition" && node.text.startsWith("async");
}

/** A parameter's name, for the parameter node kinds tree-sitter-python has. */
function parameterName(parameter: PyNode): string | null {
  if (parameter.type === "identifier") {
    return parameter.text;
  }
  const name = parameter.child("name") ?? parameter.children.find((child) => child.type === "identifier");
  return name?.type === "identifier" ? name.text : null;
}

/** A store to `__debug__` (a target, a keyword, an alias, a loop variable); reads do not match. */
const DEBUG_STORE = /__debug__\s*(?:=(?!=)|:=|[-+*/%&|^@]=)|\b(?:as|for|del|def|class|lambda)\s+__debug__/u;

const KNOWN_FUTURES = new Set(["nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"]);

/** Whether a break or continue is inside a loop body of its own function or class (a loop's `else` is not). */
function inLoop(node: PyNode): boolean {
  let child = node;
  for (let current = node.parent; current !== null; child = current, current = current.parent) {
    if (SCOPES.has(current.type) || current.type === "module") {
      return false;
    }
    if (LOOPS.has(current.type) && child.type !== "else_clause") {
      return true;
    }
  }
  return false;
}

/** A `from __future__` import after the docstring and other future imports, or of an unknown feature. */
function futureAtTop(node: PyNode): boolean {
  if (node.parent?.type !== "module") {
    return false;
  }
  for (const name of node.children) {
    const feature = name.type === "aliased_import" ? name.child("name") : name;
    if (feature?.type === "dotted_name" && !KNOWN_FUTURES.has(feature.text)) {
      return false;
    }
  }
  const siblings = node.parent.children;
  for (let index = 0; index < siblings.length && siblings[index] !== node; index++) {
    const sibling = siblings[index]!;
    const isDocstring = index === siblings.findIndex((other) => other.type !== "comment") && sibling.type === "expression_statement" && sibling.children[0]?.type === "string";
    if (sibling.type !== "comment" && sibling.type !== "future_import_statement" && !isDocstring) {
      return false;
    }
  }
  return true;
}

const DEFINITIONS = new Set(["function_definition", "class_definition", "lambda"]);

/**
 * A global or nonlocal declaration CPython may refuse: a nonlocal outside a function or with no
 * enclosing function using the name, or a name the scope uses, assigns or takes as a parameter before.
 */
function badDeclaration(statement: PyNode, name: string): boolean {
  const scope = nearest(statement, SCOPES, NO_STOP);
  if (statement.type === "nonlocal_statement") {
    if (scope?.type !== "function_definition") {
      return true;
    }
    const outer = nearest(scope, OUTER_FUNCTION, NO_STOP);
    if (outer === null || !mentions(outer, name, Infinity, false, scope)) {
      return true;
    }
  }
  const body = scope ?? statement.parent;
  return body !== null && mentions(body, name, statement.range[0], true);
}

/**
 * Whether `name` appears as an identifier in `root` before `before`, outside nested definitions when
 * `ownScope`, and outside `skip`.
 */
function mentions(root: PyNode, name: string, before: number, ownScope: boolean, skip: PyNode | null = null): boolean {
  const stack = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.range[0] >= before || node === skip) {
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

/** Space, tab and form feed. */
const INDENTATION = new Set([32, 9, 12]);

/**
 * Statements of one block that start their lines must start them at the same column; tree-sitter
 * accepts an unexpected indent or a dedent to no outer level without an error.
 */
function misaligned(text: string, statements: readonly PyNode[]): boolean {
  let column = -1;
  for (const statement of statements) {
    if (statement.type === "comment") {
      continue;
    }
    const start = statement.start;
    // Back to the line start over indentation only; anything else means the statement does not start its line.
    let lineStart = start;
    while (lineStart > 0 && INDENTATION.has(text.charCodeAt(lineStart - 1))) {
      lineStart--;
    }
    const before = lineStart > 0 ? text.charCodeAt(lineStart - 1) : 10;
    if (before !== 10 && before !== 13) {
      continue;
    }
    if (column >= 0 && column !== start - lineStart) {
      return true;
    }
    column = start - lineStart;
  }
  return false;
}

function suspicious(node: PyNode, text: string): boolean {
  switch (node.type) {
    case "block": {
      const children = node.children;
      // One statement can be neither empty nor misaligned with another.
      if (children.length === 1) {
        return children[0]!.type === "comment";
      }
      return children.every((child) => child.type === "comment") || misaligned(text, children);
    }
    case "except_clause":
      return node.childrenFor("value").length > 1;
    case "import_from_statement":
      return node.text.trimEnd().endsWith(",");
    case "augmented_assignment": {
      const left = node.child("left")?.type;
      return left !== "identifier" && left !== "attribute" && left !== "subscript";
    }
    case "parenthesized_expression":
      return node.children.some((child) => child.type === "list_splat" || child.type === "dictionary_splat");
    case "return_statement":
      return nearest(node, FUNCTIONS, CLASS) === null;
    case "yield":
      return nearest(node, FUNCTIONS, YIELD_STOPS) === null;
    case "await": {
      const fn = nearest(node, FUNCTIONS, CLASS);
      return fn === null || !isAsyncFunction(fn);
    }
    case "break_statement":
    case "continue_statement":
      return !inLoop(node);
    case "global_statement":
    case "nonlocal_statement":
      return node.children.some((name) => name.type === "identifier" && badDeclaration(node, name.text));
    case "future_import_statement":
      return !futureAtTop(node);
    case "try_statement": {
      const plain = node.children.some((child) => child.type === "except_clause");
      const star = node.children.some((child) => child.type === "except_group_clause");
      // An `else` needs an `except` before it.
      const orelse = node.children.some((child) => child.type === "else_clause");
      return (plain && star) || (orelse && !plain && !star) || !node.children.some((child) => HANDLERS.has(child.type));
    }
    case "wildcard_import":
      return nearest(node, SCOPES, NO_STOP) !== null;
    case "parameters":
    case "lambda_parameters": {
      const names = new Set<string>();
      let sawDefault = false;
      let sawStar = false;
      let slashes = 0;
      let stars = 0;
      let sawDoubleStar = false;
      for (const parameter of node.children) {
        if (parameter.type === "comment") {
          continue;
        }
        if (sawDoubleStar || parameter.type === "tuple_pattern" || parameter.type === "ERROR") {
          return true;
        }
        // `*args: T` and `**kwargs: T` are typed parameters around the splat.
        const kind = parameter.type === "typed_parameter" ? (parameter.children[0]?.type ?? parameter.type) : parameter.type;
        if (kind === "positional_separator" && (++slashes > 1 || sawStar)) {
          return true;
        }
        if ((kind === "keyword_separator" || kind === "list_splat_pattern") && ++stars > 1) {
          return true;
        }
        sawDoubleStar = kind === "dictionary_splat_pattern";
        if (STARS.has(kind) && kind !== "positional_separator") {
          sawStar = true;
        }
        const name = parameterName(parameter);
        if (name !== null) {
          if (names.has(name) || name === "__debug__") {
            return true;
          }
          names.add(name);
        }
        if (DEFAULTED.has(parameter.type)) {
          sawDefault = true;
        } else if (sawDefault && !sawStar && (parameter.type === "identifier" || parameter.type === "typed_parameter")) {
          return true;
        }
      }
      // A bare `*` needs a named parameter after it.
      return node.children[node.children.length - 1]?.type === "keyword_separator";
    }
    case "argument_list": {
      if (node.children.length < 2) {
        return false;
      }
      // `f(x for x in y, z)`: a generator that is not the only argument needs its own parentheses.
      if (node.children.some((child) => child.type === "generator_expression" && !child.text.startsWith("("))) {
        return true;
      }
      const keywords = new Set<string>();
      let sawKeyword = false;
      for (const argument of node.children) {
        if (argument.type === "keyword_argument") {
          const name = argument.child("name")?.text ?? "";
          if (keywords.has(name)) {
            return true;
          }
          keywords.add(name);
          sawKeyword = true;
        } else if (sawKeyword && !AFTER_KEYWORDS.has(argument.type)) {
          return true;
        }
      }
      return false;
    }
    case "list_splat":
      // `*x` alone as a statement, an assignment value or a return value.
      return node.parent?.type === "expression_statement" || node.parent?.type === "assignment" || node.parent?.type === "return_statement";
    default:
      return true;
  }
}

/** Whether the file may hold an error CPython finds and tree-sitter does not. */
export function needsSyntaxCheck(text: string, root: PyNode, suspects: readonly PyNode[], depth: number): boolean {
  return (
    text.length < ALWAYS_CHECKED_LENGTH ||
    // A deep tree is mostly a long expression; only the tokenizer can tell too many brackets or indents.
    (depth > MAX_PLAUSIBLE_DEPTH && tokenize(text).error !== null) ||
    // Assigning to __debug__ is a compile error wherever it happens; reading it is common.
    (text.includes("__debug__") && DEBUG_STORE.test(text)) ||
    misaligned(text, root.children) ||
    suspects.some((node) => suspicious(node, text))
  );
}
