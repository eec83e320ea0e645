/**
 * The constructs tree-sitter accepts but CPython may reject (compile-time errors, a `try` with no
 * handler, Python 2 statements). The conversion collects nodes of these types as it builds the tree;
 * `needsSyntaxCheck` looks at just those, so a file without any pays nothing more, and the full
 * checker runs only on files where one of them may be an error.
 */
import type { PyNode } from "../py-node.js";

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
    const start = statement.range[0];
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
    case "block":
      return node.children.every((child) => child.type === "comment") || misaligned(text, node.children);
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
      return nearest(node, FUNCTIONS, new Set(["class_definition"])) === null;
    case "yield":
      return nearest(node, FUNCTIONS, new Set(["class_definition", "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"])) === null;
    case "await": {
      const fn = nearest(node, FUNCTIONS, new Set(["class_definition"]));
      return fn === null || !isAsyncFunction(fn);
    }
    case "break_statement":
    case "continue_statement":
      // A loop's `else` clause is outside the loop: let the checker decide there too.
      return nearest(node, LOOPS, SCOPES) === null || nearest(node, new Set(["else_clause"]), SCOPES) !== null;
    case "try_statement": {
      const plain = node.children.some((child) => child.type === "except_clause");
      const star = node.children.some((child) => child.type === "except_group_clause");
      // An `else` needs an `except` before it.
      const orelse = node.children.some((child) => child.type === "else_clause");
      return (plain && star) || (orelse && !plain && !star) || !node.children.some((child) => HANDLERS.has(child.type));
    }
    case "wildcard_import":
      return node.parent?.parent?.type !== "module";
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
        if (parameter.type === "positional_separator" && (++slashes > 1 || sawStar)) {
          return true;
        }
        if ((parameter.type === "keyword_separator" || parameter.type === "list_splat_pattern") && ++stars > 1) {
          return true;
        }
        sawDoubleStar = parameter.type === "dictionary_splat_pattern";
        if (STARS.has(parameter.type) && parameter.type !== "positional_separator") {
          sawStar = true;
        }
        const name = parameterName(parameter);
        if (name !== null) {
          if (names.has(name)) {
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
      if (node.children.some((child) => child.type === "generator_expression")) {
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
        } else if (sawKeyword && argument.type !== "dictionary_splat" && argument.type !== "list_splat" && argument.type !== "comment") {
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
    depth > MAX_PLAUSIBLE_DEPTH ||
    // Assigning to __debug__ is a compile error wherever it happens; the name is rare enough to look for as text.
    text.includes("__debug__") ||
    misaligned(text, root.children) ||
    suspects.some((node) => suspicious(node, text))
  );
}
