/**
 * The suspect tests that read one node and its children: lists whose order or repetition CPython
 * checks (parameters, call arguments, handlers, patterns), targets it cannot assign or delete, and
 * the few forms tree-sitter-python accepts that are not Python 3 at all.
 */
import type { PyNode } from "../py-node.js";
import { misaligned, skipSpaces } from "./suspect-text.js";

const DEFAULTED: ReadonlySet<string> = new Set(["default_parameter", "typed_default_parameter"]);
/** What may follow a keyword argument in a call: unpacking, and the extras tree-sitter puts among arguments. */
const AFTER_KEYWORDS: ReadonlySet<string> = new Set(["keyword_argument", "dictionary_splat", "list_splat", "comment", "line_continuation"]);
/** What may follow `**` unpacking in a call. */
const AFTER_DOUBLE_STAR: ReadonlySet<string> = new Set(["keyword_argument", "dictionary_splat", "comment", "line_continuation"]);
const SEQUENCE_TARGETS: ReadonlySet<string> = new Set(["tuple", "list", "parenthesized_expression", "pattern_list", "tuple_pattern", "list_pattern", "expression_list"]);
const SINGLE_TARGETS: ReadonlySet<string> = new Set(["identifier", "attribute", "subscript"]);
const STAR_TARGET_LISTS: ReadonlySet<string> = new Set(["pattern_list", "tuple_pattern", "list_pattern"]);
const PARAMETER_LISTS: ReadonlySet<string> = new Set(["parameters", "lambda_parameters", "typed_parameter"]);
const COMPREHENSIONS: ReadonlySet<string> = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
const ALIASING: ReadonlySet<string> = new Set(["with_item", "except_clause", "except_group_clause", "case_pattern"]);
const TYPE_PARAMETER_OWNERS: ReadonlySet<string> = new Set(["function_definition", "class_definition", "type_alias_statement"]);
/** What an annotation may annotate. */
const ANNOTATED: ReadonlySet<string> = new Set(["assignment", "typed_parameter", "typed_default_parameter", "function_definition"]);
const COMMA = 44;
const ZERO = 48;

function significant(children: readonly PyNode[]): PyNode[] {
  return children.filter((child) => child.type !== "comment");
}

/** Whether two nodes have the same text, compared in place (and as Python normalizes names, past ASCII). */
function sameText(text: string, a: PyNode, b: PyNode): boolean {
  if (!asciiOnly(text, a) || !asciiOnly(text, b)) {
    return a.text === b.text;
  }
  const length = a.end - a.start;
  if (length !== b.end - b.start) {
    return false;
  }
  for (let index = 0; index < length; index++) {
    if (text.charCodeAt(a.start + index) !== text.charCodeAt(b.start + index)) {
      return false;
    }
  }
  return true;
}

function asciiOnly(text: string, node: PyNode): boolean {
  for (let at = node.start; at < node.end; at++) {
    if (text.charCodeAt(at) > 127) {
      return false;
    }
  }
  return true;
}

/** Whether a name node is `__debug__`, which no code may bind. */
export function isDebugName(text: string, node: PyNode): boolean {
  return node.end - node.start === 9 && (text.startsWith("__debug__", node.start) || node.text === "__debug__");
}

/** Whether `node`'s text equals one of `seen`'s. */
function repeats(text: string, node: PyNode, seen: readonly PyNode[]): boolean {
  for (const other of seen) {
    if (sameText(text, node, other)) {
      return true;
    }
  }
  return false;
}

/** What may follow a `def`'s parameters on their line: `:`, `->`, a line continuation. */
function headerGoesOn(code: number): boolean {
  return code === 58 || code === 45 || code === 92;
}

/** A parameter's name node: the identifier itself, or the one inside a typed, defaulted or splat parameter. */
function parameterName(parameter: PyNode): PyNode | null {
  if (parameter.type === "identifier") {
    return parameter;
  }
  for (const child of parameter.children) {
    if (child.type === "identifier") {
      return child;
    }
    if (child.type === "list_splat_pattern" || child.type === "dictionary_splat_pattern") {
      return parameterName(child);
    }
  }
  return null;
}

/**
 * `def` and `lambda` parameter lists: repeated names, a default before a plain parameter, misplaced
 * `/`, `*` and `**`; and a `def` whose header goes on after the line ends (tree-sitter takes its `:` or
 * `->` from the next line).
 */
export function badParameters(text: string, node: PyNode): boolean {
  if (node.type === "parameters" && !headerGoesOn(text.charCodeAt(skipSpaces(text, node.end)))) {
    return true;
  }
  const names: PyNode[] = [];
  let sawDefault = false;
  let sawStar = false;
  let slashes = 0;
  let stars = 0;
  let sawDoubleStar = false;
  let last: PyNode | null = null;
  for (const parameter of node.children) {
    if (parameter.type === "comment") {
      continue;
    }
    if (sawDoubleStar || parameter.type === "tuple_pattern" || parameter.type === "ERROR") {
      return true;
    }
    // `*args: T` and `**kwargs: T` are typed parameters around the splat.
    const kind = parameter.type === "typed_parameter" ? (parameter.children[0]?.type ?? parameter.type) : parameter.type;
    if (kind === "positional_separator" && (++slashes > 1 || sawStar || last === null)) {
      return true;
    }
    if ((kind === "keyword_separator" || kind === "list_splat_pattern") && ++stars > 1) {
      return true;
    }
    sawDoubleStar = kind === "dictionary_splat_pattern";
    sawStar ||= kind === "keyword_separator" || kind === "list_splat_pattern" || sawDoubleStar;
    const name = parameterName(parameter);
    if (name !== null) {
      if (repeats(text, name, names) || isDebugName(text, name)) {
        return true;
      }
      names.push(name);
    }
    if (DEFAULTED.has(parameter.type)) {
      sawDefault = true;
    } else if (sawDefault && !sawStar && (parameter.type === "identifier" || parameter.type === "typed_parameter")) {
      return true;
    }
    last = parameter;
  }
  // A bare `*` needs a named parameter after it.
  return last?.type === "keyword_separator";
}

/** A call's arguments: a positional one after a keyword or after `**`, `*` after `**`, a keyword repeated. */
export function badArguments(text: string, node: PyNode): boolean {
  const children = node.children;
  if (children.length < 2) {
    return false;
  }
  let keywords: PyNode[] | null = null;
  let allowed: ReadonlySet<string> | null = null;
  for (const argument of children) {
    const type = argument.type;
    if (allowed !== null && !allowed.has(type)) {
      return true;
    }
    if (type === "keyword_argument") {
      const name = argument.children[0];
      if (name !== undefined) {
        keywords ??= [];
        if (repeats(text, name, keywords)) {
          return true;
        }
        keywords.push(name);
      }
      allowed ??= AFTER_KEYWORDS;
    } else if (type === "dictionary_splat") {
      allowed = AFTER_DOUBLE_STAR;
    }
  }
  return false;
}

/** A generator expression beside other arguments, without brackets of its own. */
export function badGenerator(text: string, node: PyNode): boolean {
  return node.parent?.type === "argument_list" && text.charCodeAt(node.start) !== 40;
}

/**
 * `for x in a, b` in a comprehension, or `for x in a,`: tree-sitter reads the tuple as several
 * iterables, and keeps a comma after the last one (`f(x for x in y,)`) in the clause.
 */
export function unparenthesizedIterables(text: string, node: PyNode): boolean {
  let iterables = 0;
  let last: PyNode | null = null;
  for (const child of node.children) {
    if (child.field === "right") {
      if (++iterables > 1) {
        return true;
      }
      last = child;
    }
  }
  return last !== null && last.end < node.end && text.slice(last.end, node.end).includes(",");
}

/** Whether an `except` clause is `except*`. */
function isStarHandler(text: string, clause: PyNode): boolean {
  return clause.type === "except_group_clause" || text.charCodeAt(skipSpaces(text, clause.start + 6)) === 42;
}

/**
 * A try statement's handlers: none at all, `except` mixed with `except*`, an `except*` or an
 * `else` without exception types, a bare `except:` before others, or several types without brackets.
 */
export function badHandlers(text: string, node: PyNode): boolean {
  let plain = 0;
  let star = 0;
  let bareBefore = false;
  let orelse = false;
  let finalbody = false;
  for (const child of node.children) {
    if (child.type === "except_clause" || child.type === "except_group_clause") {
      const types = child.children.filter((part) => part.field === "value").length;
      const isStar = isStarHandler(text, child);
      // PEP 758 (Python 3.14) accepts `except A, B:`; the checker tells it from the refused forms.
      if (bareBefore || types > 1 || (isStar && types === 0)) {
        return true;
      }
      bareBefore = types === 0;
      star += isStar ? 1 : 0;
      plain += isStar ? 0 : 1;
    } else if (child.type === "else_clause") {
      orelse = true;
    } else if (child.type === "finally_clause") {
      finalbody = true;
    }
  }
  return (plain > 0 && star > 0) || (orelse && plain + star === 0) || plain + star + (finalbody ? 1 : 0) === 0;
}

/** A block with no statement (only comments), or whose statements do not line up. */
export function badBlock(text: string, node: PyNode): boolean {
  const children = node.children;
  // One statement can be neither empty nor misaligned with another.
  if (children.length === 1) {
    return children[0]!.type === "comment";
  }
  return !hasStatement(children) || misaligned(text, children);
}

function hasStatement(children: readonly PyNode[]): boolean {
  for (const child of children) {
    if (child.type !== "comment") {
      return true;
    }
  }
  return false;
}

/**
 * A target CPython can store to: a name, an attribute, a subscript, or brackets of those, whose
 * elements may be starred when `starredElements`.
 */
function assignable(node: PyNode, starredElements: boolean): boolean {
  if (SINGLE_TARGETS.has(node.type) || node.type === "comment") {
    return true;
  }
  if (!SEQUENCE_TARGETS.has(node.type)) {
    return false;
  }
  return node.children.every((element) =>
    element.type === "list_splat" || element.type === "list_splat_pattern" ? starredElements && element.children.every((inner) => assignable(inner, true)) : assignable(element, starredElements),
  );
}

/** `with ... as f()`, `del f()`: targets CPython cannot assign to or delete (nor `del *x`). */
export function badTargets(node: PyNode): boolean {
  const starredElements = node.type !== "delete_statement";
  return !node.children.every((child) => assignable(child, starredElements));
}

/** An annotated assignment's target: one name, attribute or subscript (bracketed or not), never `__debug__`. */
export function badAnnotationTarget(text: string, node: PyNode): boolean {
  const statement = node.parent;
  if (statement?.type !== "assignment" || node.field !== "type") {
    return false;
  }
  let target = statement.children[0];
  // tree-sitter reads `(x): int` as a tuple of one.
  while ((target?.type === "parenthesized_expression" || target?.type === "tuple_pattern") && target.children.length === 1 && !text.slice(target.children[0]!.end, target.end).includes(",")) {
    target = target.children[0];
  }
  return target === undefined || !SINGLE_TARGETS.has(target.type) || (target.type === "identifier" && isDebugName(text, target));
}

/** `*x` alone as a statement, value or returned, in a slice, or as a comprehension's element. */
export function badListSplat(node: PyNode): boolean {
  const parent = node.parent;
  if (parent === null) {
    return false;
  }
  const type = parent.type;
  return type === "expression_statement" || type === "assignment" || type === "return_statement" || type === "slice" || (COMPREHENSIONS.has(type) && node.field === "body");
}

/** A starred target alone (`*a = b`, `for *a in b`), or two in one sequence (`*a, *b = c`). */
export function badStarTarget(node: PyNode): boolean {
  const parent = node.parent;
  if (parent === null || PARAMETER_LISTS.has(parent.type)) {
    return false;
  }
  if (!STAR_TARGET_LISTS.has(parent.type)) {
    return true;
  }
  return parent.children.filter((sibling) => sibling.type === "list_splat_pattern").length > 1;
}

/** `x: *T`, `-> *T`: a whole annotation starred, which only `*args` may have (PEP 646); `X[*Ts]` is fine. */
export function badStarAnnotation(node: PyNode): boolean {
  const annotated = node.parent?.type === "type" ? node.parent.parent : null;
  if (annotated === null || !ANNOTATED.has(annotated.type)) {
    return false;
  }
  return annotated.type !== "typed_parameter" || annotated.children[0]?.type !== "list_splat_pattern";
}

/** `print x` (Python 2); `print >> f, x` is a Python 3 expression, if a useless one. */
export function python2Print(text: string, node: PyNode): boolean {
  return !text.startsWith(">>", skipSpaces(text, node.start + 5));
}

/** `raise E, V` (Python 2): several values with no brackets. */
export function python2Raise(node: PyNode): boolean {
  return node.children[0]?.type === "expression_list";
}

/** `0777` (Python 2's octal): a decimal integer with a leading zero before other digits. */
export function leadingZeros(text: string, node: PyNode): boolean {
  if (text.charCodeAt(node.start) !== ZERO || node.end - node.start < 2) {
    return false;
  }
  for (let at = node.start + 1; at < node.end; at++) {
    const code = text.charCodeAt(at);
    if (code > ZERO && code <= ZERO + 9) {
      return true;
    }
    if (code !== ZERO && code !== 95) {
      return false;
    }
  }
  return false;
}

/** `T: bound` outside PEP 695's type parameters of a `def`, `class` or `type` (tree-sitter takes `x: a:b = 1`). */
export function misplacedBound(node: PyNode): boolean {
  const list = node.parent?.parent;
  const owner = list?.parent;
  if (list?.type !== "type_parameter" || owner === null || owner === undefined) {
    return true;
  }
  // `type A[T: int] = ...` puts the parameters in the alias's name, a generic type.
  const definition = owner.type === "generic_type" ? owner.parent?.parent : owner;
  return !TYPE_PARAMETER_OWNERS.has(definition?.type ?? "");
}

/** `from m import a,` without brackets, or a `from` statement that goes on after its line ends. */
export function badImportFrom(text: string, node: PyNode): boolean {
  const module = node.child("module_name");
  if (module !== undefined && text.slice(node.start, module.end).includes("\n")) {
    return true;
  }
  let end = node.end;
  while (end > node.start && /\s/u.test(text[end - 1]!)) {
    end--;
  }
  return text.charCodeAt(end - 1) === COMMA;
}

/** `a + 1 += 2`, `(a, b) += c`: only a name, an attribute or a subscript takes an augmented assignment. */
export function badAugmentedTarget(node: PyNode): boolean {
  const left = node.children[0]?.type;
  return left === undefined || !SINGLE_TARGETS.has(left);
}

/** `(*x)`, `(**x)`: unpacking in brackets that make no tuple. */
export function unpackedInParentheses(node: PyNode): boolean {
  return node.children.some((child) => child.type === "list_splat" || child.type === "dictionary_splat");
}

/** `case C(x=1, y)`: a positional pattern after a keyword one, or a keyword repeated. */
export function badClassPattern(text: string, node: PyNode): boolean {
  const keywords: PyNode[] = [];
  for (const argument of node.children) {
    const keyword = argument.type === "case_pattern" && argument.children[0]?.type === "keyword_pattern" ? argument.children[0] : null;
    if (keyword !== null) {
      const name = keyword.children[0];
      if (name !== undefined && repeats(text, name, keywords)) {
        return true;
      }
      if (name !== undefined) {
        keywords.push(name);
      }
    } else if (keywords.length > 0 && argument.type === "case_pattern") {
      return true;
    }
  }
  return false;
}

/** `x as y` outside `with`, `except` and `case` (tree-sitter takes it in call arguments), or `case x as _`. */
export function badAlias(text: string, node: PyNode): boolean {
  // `with (a as b):` brackets the one item.
  const holder = node.parent?.type === "parenthesized_expression" ? node.parent.parent : node.parent;
  if (!ALIASING.has(holder?.type ?? "")) {
    return true;
  }
  const alias = node.children[node.children.length - 1];
  return alias?.type === "identifier" && alias.end - alias.start === 1 && text.charCodeAt(alias.start) === 95;
}

/** `case {**rest, "k": v}`, `case {**_}`: `**` must come last and bind a name; keys must not repeat. */
export function badMappingPattern(text: string, node: PyNode): boolean {
  const entries = significant(node.children);
  const keys: PyNode[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry.type === "splat_pattern") {
      // `**_` holds no name node.
      if (index !== entries.length - 1 || entry.children.length === 0) {
        return true;
      }
    } else if (entry.field === "key") {
      if (repeats(text, entry, keys)) {
        return true;
      }
      keys.push(entry);
    }
  }
  return false;
}

/** What a target's names sit in: a name binds where the outermost of them stands as a target. */
const TARGET_PARTS: ReadonlySet<string> = new Set([
  "pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern", "dictionary_splat_pattern", "tuple", "list", "parenthesized_expression", "expression_list", "list_splat", "as_pattern_target",
]);
/** Statements and expressions whose `left` child is a target. */
const LEFT_BINDS: ReadonlySet<string> = new Set(["assignment", "augmented_assignment", "for_statement", "for_in_clause"]);
/** Definitions and arguments whose `name` child is bound. */
const NAME_BINDS: ReadonlySet<string> = new Set(["named_expression", "keyword_argument", "function_definition", "class_definition", "default_parameter", "typed_default_parameter"]);
/** Where every name is bound (parameters, `del`, imports, capture patterns). */
const ALL_BIND: ReadonlySet<string> = new Set(["parameters", "lambda_parameters", "typed_parameter", "delete_statement", "dotted_name", "aliased_import", "import_statement", "import_from_statement", "case_pattern"]);

/**
 * A name spelled `async` or `await` (tree-sitter-python's reading of a keyword where CPython cannot
 * read it as one: `async.run()`, `x = await`), or `__debug__` stored to.
 */
export function badName(text: string, node: PyNode): boolean {
  return text.charCodeAt(node.start) === 97 || binds(node);
}

/** Whether a name node is stored to (assigned, deleted, a parameter, a loop variable, an alias), or an attribute of that name is. */
export function binds(name: PyNode): boolean {
  let target = name.parent?.type === "attribute" && name.field === "attribute" ? name.parent : name;
  while (target.parent !== null && TARGET_PARTS.has(target.parent.type)) {
    target = target.parent;
  }
  const owner = target.parent;
  if (owner === null) {
    return false;
  }
  if (LEFT_BINDS.has(owner.type)) {
    return target.field === "left";
  }
  if (NAME_BINDS.has(owner.type)) {
    return target.field === "name";
  }
  if (owner.type === "as_pattern") {
    return target !== owner.children[0];
  }
  return ALL_BIND.has(owner.type);
}
