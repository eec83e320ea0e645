/**
 * The small syntax tree the grammar check builds: only what CPython's error messages and its
 * compile-time checks read (expression kinds for "cannot assign to ...", scopes, loops, arguments).
 */
import type { Token } from "./tokenizer.js";

export interface Span {
  line: number;
  /** 0-based UTF-16 column. */
  col: number;
  endLine: number;
  endCol: number;
}

export type ExprKind =
  | "Name"
  | "Constant"
  | "Attribute"
  | "Subscript"
  | "Starred"
  | "List"
  | "Tuple"
  | "Set"
  | "Dict"
  | "Call"
  | "BinOp"
  | "UnaryOp"
  | "BoolOp"
  | "Compare"
  | "Lambda"
  | "IfExp"
  | "ListComp"
  | "SetComp"
  | "DictComp"
  | "GeneratorExp"
  | "Yield"
  | "YieldFrom"
  | "Await"
  | "NamedExpr"
  | "JoinedStr"
  | "Slice";

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync: boolean;
}

export interface Keyword {
  /** null for `**value`. */
  name: string | null;
  value: Expr;
  span: Span;
}

export interface Arg {
  name: string;
  span: Span;
  annotation: Expr | null;
}

export interface Arguments {
  /** Every parameter in order: positional-only, positional, *args, keyword-only, **kwargs. */
  all: Arg[];
  defaults: Expr[];
}

export interface Expr extends Span {
  kind: ExprKind;
  /** For constants: "None", "True", "False", "ellipsis", or "literal" (CPython's expression names). */
  constant?: string;
  /** A Name's identifier, an Attribute's attribute. */
  id?: string;
  /** Sub-expressions in source order, for walks. */
  children: Expr[];
  /** List/Tuple/Set elements. */
  elts?: Expr[];
  /** Starred/Attribute/Subscript/Await/Yield value; Compare's left side; NamedExpr's target is `target`. */
  value?: Expr;
  target?: Expr;
  /** Compare: its first operator ("in", "==", ...). */
  firstOp?: string;
  keywords?: Keyword[];
  args?: Arguments;
  generators?: Comprehension[];
  /** Whether the tree had parentheses around this expression (a group, not a tuple's own). */
  parenthesized?: boolean;
}

export type StmtKind =
  | "FunctionDef"
  | "ClassDef"
  | "Return"
  | "Delete"
  | "Assign"
  | "AugAssign"
  | "AnnAssign"
  | "For"
  | "While"
  | "If"
  | "With"
  | "Match"
  | "Raise"
  | "Try"
  | "Assert"
  | "Import"
  | "ImportFrom"
  | "Global"
  | "Nonlocal"
  | "Expr"
  | "Pass"
  | "Break"
  | "Continue"
  | "TypeAlias";

export interface ExceptHandler extends Span {
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface ImportedName {
  name: string;
  span: Span;
}

export interface Stmt extends Span {
  kind: StmtKind;
  isAsync?: boolean;
  /** Every expression directly in the statement (not in its nested statements), in source order. */
  exprs: Expr[];
  /** Assignment, for, with and delete targets (also in `exprs`). */
  targets?: Expr[];
  body?: Stmt[];
  orelse?: Stmt[];
  finalbody?: Stmt[];
  handlers?: ExceptHandler[];
  /** match cases' bodies. */
  cases?: Stmt[][];
  name?: string;
  args?: Arguments;
  /** Call-like keywords of a class definition's bases. */
  keywords?: Keyword[];
  /** global/nonlocal names; imported names (with "*" for a star import). */
  names?: ImportedName[];
  module?: string | null;
  /** An AnnAssign to a bare name (CPython's `simple`). */
  simple?: boolean;
}

/**
 * An expression node of the check's tree. Every node has every field, in one order, so that the
 * checks' walks read objects of one shape.
 */
export function expr(kind: ExprKind, span: Span, children: Expr[] = [], extra: Partial<Expr> = {}): Expr {
  return {
    kind,
    line: span.line,
    col: span.col,
    endLine: span.endLine,
    endCol: span.endCol,
    children,
    constant: extra.constant,
    id: extra.id,
    elts: extra.elts,
    value: extra.value,
    target: extra.target,
    firstOp: extra.firstOp,
    keywords: extra.keywords,
    args: extra.args,
    generators: extra.generators,
    parenthesized: extra.parenthesized,
  };
}

export function spanOf(first: Token, last: Token): Span {
  return { line: first.line, col: first.col, endLine: last.endLine, endCol: last.endCol };
}

export function spanFrom(first: Span, last: Span): Span {
  return { line: first.line, col: first.col, endLine: last.endLine, endCol: last.endCol };
}

/** CPython's _PyPegen_get_expr_name. */
export function exprName(e: Expr): string {
  switch (e.kind) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
      return "f-string expression";
    case "Constant":
      return e.constant ?? "literal";
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    case "Slice":
      return "slice";
  }
}

export type TargetsType = "star" | "del" | "for";

/** CPython's _PyPegen_get_invalid_target: the part of an expression that cannot be a target. */
export function invalidTarget(e: Expr | null, type: TargetsType): Expr | null {
  if (e === null) {
    return null;
  }
  switch (e.kind) {
    case "List":
    case "Tuple":
      for (const element of e.elts ?? []) {
        const child = invalidTarget(element, type);
        if (child !== null) {
          return child;
        }
      }
      return null;
    case "Starred":
      return type === "del" ? e : invalidTarget(e.value ?? null, type);
    case "Compare":
      // `a in b` of `for a in b` parses as a comparison: only its left side is the target.
      if (type === "for") {
        return e.firstOp === "in" ? invalidTarget(e.value ?? null, type) : null;
      }
      return e;
    case "Name":
    case "Subscript":
    case "Attribute":
      return null;
    default:
      return e;
  }
}
