/**
 * The SyntaxErrors CPython raises after parsing, when it compiles the tree: its __future__ check
 * (Python/future.c), its symbol table (Python/symtable.c) and its compiler (Python/compile.c). They
 * run in that order, each over the whole module, so the first error of the earliest check wins.
 */
import { type SyntaxProblem, problem } from "./problem.js";
import type { Arguments, Expr, Span, Stmt } from "./syntax-tree.js";

const FUTURE_FEATURES = new Set(["nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"]);

class CompileError extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

function fail(at: Span, message: string): never {
  throw new CompileError(problem(message, at.line, at.col + 1));
}

/** The first compile-time SyntaxError of a module that parses, or null. */
export function findCompileError(module: Stmt[]): SyntaxProblem | null {
  try {
    checkFuture(module);
    new SymbolTableCheck().module(module);
    new CompilerCheck().block(module, { kind: "module", isAsync: false, inLoop: false, isGenerator: false });
  } catch (error) {
    if (error instanceof CompileError) {
      return error.problem;
    }
    throw error;
  }
  return null;
}

/** future.c: `from __future__` only at the top (after a docstring and other future imports), of known features. */
function checkFuture(module: Stmt[]): void {
  let atTop = true;
  for (const [index, statement] of module.entries()) {
    const isDocstring = index === 0 && statement.kind === "Expr" && statement.exprs[0]?.kind === "Constant" && statement.exprs[0].constant === "literal";
    if (statement.kind === "ImportFrom" && statement.module === "__future__") {
      if (!atTop) {
        fail(statement, "from __future__ imports must occur at the beginning of the file");
      }
      for (const { name } of statement.names ?? []) {
        if (name === "braces") {
          fail(statement, "not a chance");
        }
        if (!FUTURE_FEATURES.has(name)) {
          fail(statement, `future feature ${name} is not defined`);
        }
      }
    } else if (!isDocstring) {
      atTop = false;
    }
  }
}

/** Sub-expressions to walk, children of lambdas and comprehensions included (their scope is handled by the caller). */
function* walkExprs(exprs: readonly Expr[]): Generator<Expr> {
  const stack = [...exprs].reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    yield e;
    for (let i = e.children.length - 1; i >= 0; i--) {
      stack.push(e.children[i]!);
    }
  }
}

type ScopeKind = "module" | "class" | "function";

interface Scope {
  kind: ScopeKind;
  params: Set<string>;
  assigned: Set<string>;
  used: Set<string>;
  annotated: Set<string>;
  globals: Set<string>;
  nonlocals: { name: string; at: Span }[];
  /** Where each global or nonlocal name was first declared (symtable.c's directives). */
  directives: Map<string, Span>;
  parent: Scope | null;
}

function newScope(kind: ScopeKind, parent: Scope | null): Scope {
  return { kind, params: new Set(), assigned: new Set(), used: new Set(), annotated: new Set(), globals: new Set(), nonlocals: [], directives: new Map(), parent };
}

/** symtable.c's checks: duplicate parameters, global/nonlocal declarations, `import *`, `yield` placement. */
class SymbolTableCheck {
  readonly #functions: Scope[] = [];

  module(body: Stmt[]): void {
    const scope = newScope("module", null);
    this.#body(body, scope);
    // symtable.c's analysis comes after the whole table is built: a name is not both global and
    // nonlocal, and a nonlocal name needs a binding.
    for (const fn of this.#functions) {
      for (const { name } of fn.nonlocals) {
        if (fn.globals.has(name)) {
          fail(fn.directives.get(name)!, `name '${name}' is nonlocal and global`);
        }
      }
    }
    for (const fn of this.#functions) {
      for (const { name, at } of fn.nonlocals) {
        if (!this.#boundInEnclosingFunction(fn, name)) {
          fail(at, `no binding for nonlocal '${name}' found`);
        }
      }
    }
  }

  #boundInEnclosingFunction(scope: Scope, name: string): boolean {
    for (let outer = scope.parent; outer !== null; outer = outer.parent) {
      if (outer.kind === "class") {
        // A class whose methods use super() or __class__ gives them an implicit __class__ cell.
        if (name === "__class__") {
          return true;
        }
        continue;
      }
      if (outer.kind === "module") {
        return false;
      }
      if (outer.globals.has(name)) {
        return false;
      }
      if (outer.params.has(name) || outer.assigned.has(name) || outer.nonlocals.some((entry) => entry.name === name)) {
        return true;
      }
    }
    return false;
  }

  #body(body: readonly Stmt[], scope: Scope): void {
    for (const statement of body) {
      this.#statement(statement, scope);
    }
  }

  #statement(s: Stmt, scope: Scope): void {
    switch (s.kind) {
      case "FunctionDef": {
        this.#exprs(s.exprs, scope);
        scope.assigned.add(s.name!);
        const inner = newScope("function", scope);
        this.#functions.push(inner);
        this.#parameters(s.args!, inner);
        this.#body(s.body!, inner);
        return;
      }
      case "ClassDef": {
        this.#exprs(s.exprs, scope);
        scope.assigned.add(s.name!);
        this.#body(s.body!, newScope("class", scope));
        return;
      }
      case "Global":
      case "Nonlocal":
        this.#declaration(s, scope);
        return;
      case "Import":
      case "ImportFrom":
        for (const alias of s.names ?? []) {
          if (alias.name === "*") {
            if (scope.kind !== "module") {
              fail(alias.span, "import * only allowed at module level");
            }
          } else {
            scope.assigned.add(alias.name.split(".")[0]!);
          }
        }
        return;
      case "AnnAssign":
        if (s.simple === true && s.targets![0]!.kind === "Name") {
          const name = s.targets![0]!.id!;
          if (scope.globals.has(name) || scope.nonlocals.some((entry) => entry.name === name)) {
            fail(s, `annotated name '${name}' can't be ${scope.globals.has(name) ? "global" : "nonlocal"}`);
          }
          scope.annotated.add(name);
        }
        break;
      default:
        break;
    }
    for (const target of s.targets ?? []) {
      this.#bind(target, scope);
    }
    this.#exprs(s.exprs, scope);
    for (const handler of s.handlers ?? []) {
      if (handler.name !== null) {
        scope.assigned.add(handler.name);
      }
      this.#body(handler.body, scope);
    }
    for (const block of [s.body, s.orelse, s.finalbody, ...(s.cases ?? [])]) {
      if (block) {
        this.#body(block, scope);
      }
    }
  }

  #declaration(s: Stmt, scope: Scope): void {
    const word = s.kind === "Global" ? "global" : "nonlocal";
    if (word === "nonlocal" && scope.kind === "module") {
      fail(s, "nonlocal declaration not allowed at module level");
    }
    for (const { name } of s.names ?? []) {
      if (scope.params.has(name)) {
        fail(s, `name '${name}' is parameter and ${word}`);
      }
      if (scope.used.has(name)) {
        fail(s, `name '${name}' is used prior to ${word} declaration`);
      }
      if (scope.annotated.has(name)) {
        fail(s, `annotated name '${name}' can't be ${word}`);
      }
      if (scope.assigned.has(name)) {
        fail(s, `name '${name}' is assigned to before ${word} declaration`);
      }
      if (!scope.directives.has(name)) {
        scope.directives.set(name, s);
      }
      if (word === "global") {
        scope.globals.add(name);
      } else {
        scope.nonlocals.push({ name, at: s });
      }
    }
  }

  #parameters(args: Arguments, scope: Scope): void {
    for (const arg of args.all) {
      if (scope.params.has(arg.name)) {
        fail(arg.span, `duplicate argument '${arg.name}' in function definition`);
      }
      scope.params.add(arg.name);
    }
  }

  #bind(target: Expr, scope: Scope): void {
    if (target.kind === "Name") {
      scope.assigned.add(target.id!);
    } else if (target.kind === "Tuple" || target.kind === "List") {
      for (const element of target.elts ?? []) {
        this.#bind(element, scope);
      }
    } else if (target.kind === "Starred" && target.value) {
      this.#bind(target.value, scope);
    }
  }

  #exprs(exprs: readonly Expr[], scope: Scope): void {
    for (const e of exprs) {
      this.#expr(e, scope, null);
    }
  }

  /** `comprehension` names the innermost comprehension kind when inside one (yield is not allowed there). */
  #expr(e: Expr, scope: Scope, comprehension: string | null): void {
    const stack: { e: Expr; scope: Scope; comprehension: string | null }[] = [{ e, scope, comprehension }];
    while (stack.length > 0) {
      const item = stack.pop()!;
      const current = item.e;
      switch (current.kind) {
        case "Name":
          if (!item.scope.assigned.has(current.id!)) {
            item.scope.used.add(current.id!);
          }
          break;
        case "NamedExpr":
          if (item.comprehension !== null && item.scope.kind === "class") {
            fail(current, "assignment expression within a comprehension cannot be used in a class body");
          }
          if (current.target?.id !== undefined) {
            this.#namedExprTarget(current, item.scope);
          }
          break;
        case "Yield":
        case "YieldFrom":
          if (item.comprehension !== null) {
            fail(current, `'yield' inside ${item.comprehension}`);
          }
          if (item.scope.kind !== "function") {
            fail(current, "'yield' outside function");
          }
          break;
        case "Lambda": {
          const inner = newScope("function", item.scope);
          this.#functions.push(inner);
          this.#parameters(current.args!, inner);
          const body = current.children[current.children.length - 1]!;
          for (const child of current.children.slice(0, -1).reverse()) {
            stack.push({ e: child, scope: item.scope, comprehension: item.comprehension });
          }
          stack.push({ e: body, scope: inner, comprehension: null });
          continue;
        }
        case "ListComp":
        case "SetComp":
        case "DictComp":
        case "GeneratorExp": {
          // The outermost iterable is visited first, in the enclosing scope.
          const outermost = current.generators?.[0]?.iter;
          if (outermost !== undefined) {
            refuseNamedExprIn(outermost);
          }
          checkComprehensionNames(current);
          const name = { ListComp: "list comprehension", SetComp: "set comprehension", DictComp: "dict comprehension", GeneratorExp: "generator expression" }[current.kind];
          // The outermost iterable is evaluated in the enclosing scope, the rest inside the comprehension.
          for (const child of [...current.children].reverse()) {
            stack.push({ e: child, scope: item.scope, comprehension: child === outermost ? item.comprehension : name });
          }
          continue;
        }
        default:
          break;
      }
      for (let i = current.children.length - 1; i >= 0; i--) {
        stack.push({ e: current.children[i]!, scope: item.scope, comprehension: item.comprehension });
      }
    }
  }

  #namedExprTarget(e: Expr, scope: Scope): void {
    scope.assigned.add(e.target!.id!);
  }
}

interface CompileContext {
  kind: ScopeKind;
  isAsync: boolean;
  inLoop: boolean;
  /** An async function that yields: `return value` is an error there. */
  isGenerator: boolean;
}

/** compile.c's checks: statements and expressions outside the blocks they need, repeated keywords, starred uses. */
class CompilerCheck {
  block(body: readonly Stmt[], context: CompileContext): void {
    for (const statement of body) {
      this.#statement(statement, context);
    }
  }

  #statement(s: Stmt, context: CompileContext): void {
    switch (s.kind) {
      case "FunctionDef": {
        this.#exprs(s.exprs, context);
        this.#parameters(s.args!, s);
        const isGenerator = s.isAsync === true && containsYield(s.body!);
        this.block(s.body!, { kind: "function", isAsync: s.isAsync === true, inLoop: false, isGenerator });
        return;
      }
      case "ClassDef":
        this.#exprs(s.exprs, context);
        this.block(s.body!, { kind: "class", isAsync: false, inLoop: false, isGenerator: false });
        return;
      case "Return":
        if (context.kind !== "function") {
          fail(s, "'return' outside function");
        }
        if (context.isGenerator && s.exprs.length > 0) {
          fail(s, "'return' with value in async generator");
        }
        break;
      case "Break":
        if (!context.inLoop) {
          fail(s, "'break' outside loop");
        }
        return;
      case "Continue":
        if (!context.inLoop) {
          fail(s, "'continue' not properly in loop");
        }
        return;
      case "For":
      case "While":
        if (s.isAsync === true && !(context.kind === "function" && context.isAsync)) {
          fail(s, "'async for' outside async function");
        }
        this.#targets(s.targets ?? []);
        this.#exprs(s.exprs, context);
        this.block(s.body!, { ...context, inLoop: true });
        this.block(s.orelse ?? [], context);
        return;
      case "With":
        if (s.isAsync === true && !(context.kind === "function" && context.isAsync)) {
          fail(s, "'async with' outside async function");
        }
        break;
      case "Try": {
        const handlers = s.handlers ?? [];
        for (const [index, handler] of handlers.entries()) {
          if (handler.type === null && index < handlers.length - 1) {
            fail(handler, "default 'except:' must be last");
          }
        }
        this.block(s.body!, context);
        for (const handler of handlers) {
          this.#exprs(handler.type ? [handler.type] : [], context);
          this.block(handler.body, context);
        }
        this.block(s.orelse ?? [], context);
        this.block(s.finalbody ?? [], context);
        return;
      }
      case "Expr":
        if (s.exprs[0]?.kind === "Starred") {
          fail(s.exprs[0], "can't use starred expression here");
        }
        break;
      case "Assign":
      case "AugAssign":
      case "AnnAssign":
        this.#exprs(s.exprs.filter((e) => !(s.targets ?? []).includes(e)), context);
        this.#targets(s.targets ?? []);
        return;
      case "Delete":
        this.#targets(s.targets ?? [], "delete");
        return;
      default:
        break;
    }
    this.#exprs(s.exprs.filter((e) => !(s.targets ?? []).includes(e)), context);
    this.block(s.body ?? [], context);
    this.block(s.orelse ?? [], context);
    for (const body of s.cases ?? []) {
      this.block(body, context);
    }
  }

  /** Starred targets: alone, or more than one in a sequence; and __debug__, which no code may rebind. */
  #targets(targets: readonly Expr[], verb = "assign to"): void {
    for (const target of targets) {
      for (const e of walkExprs([target])) {
        if ((e.kind === "Name" || e.kind === "Attribute") && e.id === "__debug__" && (e.kind === "Attribute" || isTargetPart(target, e))) {
          fail(e, `cannot ${verb} __debug__`);
        }
      }
      if (target.kind === "Starred") {
        fail(target, "starred assignment target must be in a list or tuple");
      }
      for (const e of walkExprs([target])) {
        if ((e.kind === "Tuple" || e.kind === "List") && (e.elts ?? []).filter((element) => element.kind === "Starred").length > 1) {
          fail(e, "multiple starred expressions in assignment");
        }
      }
    }
  }

  #exprs(exprs: readonly Expr[], context: CompileContext): void {
    const stack: { e: Expr; context: CompileContext }[] = exprs.map((e) => ({ e, context })).reverse();
    while (stack.length > 0) {
      const { e, context: current } = stack.pop()!;
      switch (e.kind) {
        case "Await":
          if (current.kind !== "function") {
            fail(e, "'await' outside function");
          }
          if (!current.isAsync) {
            fail(e, "'await' outside async function");
          }
          break;
        case "YieldFrom":
          if (current.kind === "function" && current.isAsync) {
            fail(e, "'yield from' inside async function");
          }
          break;
        case "Call":
          this.#keywords(e);
          break;
        case "NamedExpr":
          if (e.target?.id === "__debug__") {
            fail(e.target, "cannot assign to __debug__");
          }
          break;
        case "Lambda": {
          this.#parameters(e.args!, e);
          const lambdaContext: CompileContext = { kind: "function", isAsync: false, inLoop: false, isGenerator: false };
          const body = e.children[e.children.length - 1]!;
          stack.push({ e: body, context: lambdaContext });
          for (const child of e.children.slice(0, -1).reverse()) {
            stack.push({ e: child, context: current });
          }
          continue;
        }
        case "ListComp":
        case "SetComp":
        case "DictComp":
        case "GeneratorExp": {
          // A comprehension is a function of its own; `await` in it is allowed where the enclosing function is async.
          const inner: CompileContext = { ...current, inLoop: false, kind: current.kind === "function" ? "function" : current.kind };
          for (const child of [...e.children].reverse()) {
            stack.push({ e: child, context: e.kind === "GeneratorExp" && current.kind === "function" ? { ...inner, isAsync: true } : inner });
          }
          continue;
        }
        default:
          break;
      }
      for (let i = e.children.length - 1; i >= 0; i--) {
        stack.push({ e: e.children[i]!, context: current });
      }
    }
  }

  /** Parameters named __debug__ (compile.c's forbidden_name), reported at the definition. */
  #parameters(args: Arguments, at: Span): void {
    if (args.all.some((arg) => arg.name === "__debug__")) {
      fail(at, "cannot assign to __debug__");
    }
  }

  /** compile.c's validate_keywords: the same keyword name twice in one call; a keyword named __debug__. */
  #keywords(call: Expr): void {
    const seen = new Set<string>();
    for (const keyword of call.keywords ?? []) {
      if (keyword.name === null) {
        continue;
      }
      if (keyword.name === "__debug__") {
        fail(call, "cannot assign to __debug__");
      }
      if (seen.has(keyword.name)) {
        fail(keyword.span, `keyword argument repeated: ${keyword.name}`);
      }
      seen.add(keyword.name);
    }
  }
}

function namesBound(target: Expr): Expr[] {
  return [...walkExprs([target])].filter((e) => e.kind === "Name");
}

/**
 * symtable.c's rules for `:=` in a comprehension, in its visiting order (each loop's target, its
 * conditions, the next loop's iterable (where no `:=` may stand at all), the element last): a loop may not rebind a name a `:=` bound,
 * nor a `:=` an iteration variable.
 */
function checkComprehensionNames(comprehension: Expr): void {
  const iterationNames = new Set<string>();
  const assigned = new Set<string>();
  const visit = (e: Expr): void => {
    for (const part of walkExprs([e])) {
      if (part.kind === "NamedExpr" && part.target?.id !== undefined) {
        if (iterationNames.has(part.target.id)) {
          fail(part, `assignment expression cannot rebind comprehension iteration variable '${part.target.id}'`);
        }
        assigned.add(part.target.id);
      }
    }
  };
  for (const [index, generator] of (comprehension.generators ?? []).entries()) {
    if (index > 0) {
      refuseNamedExprIn(generator.iter);
    }
    for (const name of namesBound(generator.target)) {
      if (assigned.has(name.id!)) {
        fail(name, `comprehension inner loop cannot rebind assignment expression target '${name.id!}'`);
      }
      iterationNames.add(name.id!);
    }
    generator.ifs.forEach(visit);
  }
  (comprehension.elts ?? []).forEach(visit);
}

/** symtable.c: no `:=` anywhere in a comprehension's iterable, nested lambdas and comprehensions included. */
function refuseNamedExprIn(iterable: Expr): void {
  for (const part of walkExprs([iterable])) {
    if (part.kind === "NamedExpr") {
      fail(part, "assignment expression cannot be used in a comprehension iterable expression");
    }
  }
}

/** Whether `e` is `target` itself or an element of its tuples, lists and starred parts (a stored name). */
function isTargetPart(target: Expr, e: Expr): boolean {
  if (target === e) {
    return true;
  }
  if (target.kind === "Tuple" || target.kind === "List") {
    return (target.elts ?? []).some((element) => isTargetPart(element, e));
  }
  return target.kind === "Starred" && target.value !== undefined && isTargetPart(target.value, e);
}

/** Whether a function body yields, outside nested functions and classes. */
function containsYield(body: readonly Stmt[]): boolean {
  const statements = [...body];
  while (statements.length > 0) {
    const s = statements.pop()!;
    if (s.kind === "FunctionDef" || s.kind === "ClassDef") {
      continue;
    }
    for (const e of walkExprs(s.exprs)) {
      if (e.kind === "Yield" || e.kind === "YieldFrom") {
        return true;
      }
    }
    statements.push(...(s.body ?? []), ...(s.orelse ?? []), ...(s.finalbody ?? []), ...(s.handlers ?? []).flatMap((handler) => handler.body), ...(s.cases ?? []).flat());
  }
  return false;
}
