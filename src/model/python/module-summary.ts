/**
 * What name resolution needs to know of a Python module: what each module-level name is bound to
 * (a class, a function, an import, another name, a module imported at run time, or something no
 * reader can tell), its star imports and its `__all__`, as plain data (a summary must not keep its
 * file's syntax tree alive). Bindings are followed through the module's statements as Python runs
 * them: a later binding replaces an earlier one, and `if`/`try`/`match` branches leave every binding
 * one of their paths can make, so a name bound differently on two branches has two alternatives.
 * Summaries of other project files are cached per path and re-read when the file's size or
 * modification time changes.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import { toPyAst } from "../../../parsers/python/to-py-ast.js";
import { parsePythonTree } from "../../../parsers/python/tree-sitter.js";
import { dependsOn } from "../dependencies.js";
import { FileCache } from "../file-cache.js";
import type { UndeterminedReason } from "../test-file-model.js";
import { readImports, type ImportBinding } from "./imports.js";
import { dottedName, stringBody, unwrapDefinition } from "./syntax.js";

/** Why a base or a binding names no class a reader can find without running the code. */
export type DynamicReason = Exclude<UndeterminedReason, "branches">;

/** A base class expression: a dotted name (a subscript's value: `Generic[T]` → `Generic`), or something computed. */
export type BaseExpression = { kind: "name"; written: string } | { kind: "dynamic"; written: string; reason: DynamicReason };

export interface ClassSummary {
  name: string;
  /** Line of the class's name, which identifies it among classes of the same name. */
  line: number;
  bases: BaseExpression[];
  /** What the first name of each base was bound to where the class statement runs (absent: not bound in the module by then). */
  scope: ReadonlyMap<string, readonly NameBinding[]>;
}

/** What a module-level name is bound to. */
export type NameBinding =
  | { kind: "class"; cls: ClassSummary }
  | { kind: "function"; name: string; line: number }
  | { kind: "import"; binding: ImportBinding }
  /** A module imported at run time by name: `importlib.import_module("m")`, `pytest.importorskip("m")`, `sys.modules["m"]`. */
  | { kind: "module"; module: string }
  /** Another name, dotted: `BaseTestCase = SSotBaseTestCase`, `Base = support.Base`. */
  | { kind: "alias"; target: string }
  | { kind: "dynamic"; reason: DynamicReason };

export interface ModuleSummary {
  /** Absolute path of the module's file. */
  path: string;
  /** Module-level classes by name, as bound when the module has run (the last definition wins). */
  classes: Map<string, ClassSummary>;
  /** Every module-level class, nested ones left out, by the line of its name. */
  classesByLine: Map<number, ClassSummary>;
  /** What each module-level name may be bound to once the module has run (alternatives of different branches). */
  bindings: Map<string, NameBinding[]>;
  /** Module-level import bindings by local name, as bound once the module has run. */
  imports: Map<string, ImportBinding>;
  /** `from m import *` statements. */
  starImports: ImportBinding[];
  /** The names of `__all__` when it is a literal list or tuple of strings; null when there is none (every public name is exported). */
  exported: string[] | null;
}

/** Calls that import a module named by their first argument and return it (`__import__` returns the top package). */
const MODULE_IMPORTERS = new Map<string, "leaf" | "top">([
  ["importlib.import_module", "leaf"],
  ["import_module", "leaf"],
  ["pytest.importorskip", "leaf"],
  ["importorskip", "leaf"],
  ["__import__", "top"],
]);

const TYPE_CHECKING = /^(?:\w+\.)?TYPE_CHECKING$/u;

/** `if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`): its block runs only under a type checker. */
export function isTypeCheckingBlock(ifStatement: PyNode): boolean {
  const condition = ifStatement.condition;
  return condition !== undefined && TYPE_CHECKING.test(condition.text);
}

/**
 * The module a call or subscript imports at run time by a literal name (`loaded`), and the module the
 * expression evaluates to (`value`): `importlib.import_module("a.b")`, `pytest.importorskip("a.b")` and
 * `sys.modules["a.b"]` load and give `a.b`; `__import__("a.b")` loads `a.b` and gives `a`.
 */
export function dynamicallyImportedModule(node: PyNode): { loaded: string; value: string } | null {
  if (node.type === "subscript") {
    const container = node.value ? dottedName(node.value) : null;
    const key = node.subscript ? stringBody(node.subscript) : null;
    return container === "sys.modules" && key && /^[\w.]+$/u.test(key.text) ? { loaded: key.text, value: key.text } : null;
  }
  if (node.type !== "call" || !node.function) {
    return null;
  }
  const callee = dottedName(node.function);
  const returns = callee === null ? undefined : MODULE_IMPORTERS.get(callee);
  const first = node.arguments?.children.find((child) => child.type !== "comment");
  const name = first ? stringBody(first) : null;
  if (returns === undefined || !name || !/^[\w.]+$/u.test(name.text)) {
    return null;
  }
  return { loaded: name.text, value: returns === "top" ? name.text.split(".", 1)[0]! : name.text };
}

/** What an expression assigned to a name binds it to. */
function valueBinding(value: PyNode | undefined): NameBinding {
  if (!value) {
    return { kind: "dynamic", reason: "value" };
  }
  const module = dynamicallyImportedModule(value);
  if (module !== null) {
    return { kind: "module", module: module.value };
  }
  const dotted = dottedName(value);
  if (dotted !== null) {
    return { kind: "alias", target: dotted };
  }
  return { kind: "dynamic", reason: value.type === "call" ? "call" : "value" };
}

/** The base class expressions of a `class_definition`, keywords (`metaclass=`) left out. */
export function baseExpressions(classNode: PyNode): { base: BaseExpression; node: PyNode }[] {
  const bases: { base: BaseExpression; node: PyNode }[] = [];
  for (const argument of classNode.superclasses?.children ?? []) {
    if (argument.type === "keyword_argument" || argument.type === "dictionary_splat" || argument.type === "comment") {
      continue;
    }
    const target = argument.type === "subscript" ? argument.value : argument;
    const written = target ? dottedName(target) : null;
    if (written !== null) {
      bases.push({ base: { kind: "name", written }, node: argument });
    } else {
      const reason: DynamicReason = argument.type === "list_splat" ? "unpacked" : argument.type === "call" ? "call" : "expression";
      bases.push({ base: { kind: "dynamic", written: argument.text, reason }, node: argument });
    }
  }
  return bases;
}

/** The statements that bind names in a module or class namespace, looking into `if`/`try`/`with` blocks as Python does. */
export function* namespaceStatements(root: PyNode): Generator<PyNode> {
  const stack: PyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case "if_statement":
      case "try_statement":
      case "with_statement":
      case "elif_clause":
      case "else_clause":
      case "except_clause":
      case "except_group_clause":
      case "finally_clause":
      case "block":
        for (let i = node.children.length - 1; i >= 0; i--) {
          stack.push(node.children[i]!);
        }
        break;
      default:
        yield node;
    }
  }
}

type State = Map<string, NameBinding[]>;

/** Every binding either state may hold for each name: the paths through two branches joined. */
function join(states: readonly State[]): State {
  const joined: State = new Map();
  for (const state of states) {
    for (const [name, alternatives] of state) {
      const existing = joined.get(name);
      joined.set(name, existing ? [...new Set([...existing, ...alternatives])] : alternatives);
    }
  }
  return joined;
}

/** The names a binding target introduces: `a`, `a, b`, `(a, [b, *c])`; attribute and subscript targets bind none. */
function targetNames(target: PyNode): PyNode[] {
  switch (target.type) {
    case "identifier":
      return [target];
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
    case "list_splat_pattern":
    case "parenthesized_expression":
    case "tuple":
    case "list":
    case "expression_list":
      return target.children.flatMap(targetNames);
    default:
      return [];
  }
}

/** Reads the module's statements in order, following every branch, into the bindings they leave. */
class BindingFlow {
  readonly summary: ModuleSummary;

  constructor(summary: ModuleSummary) {
    this.summary = summary;
  }

  run(statements: readonly PyNode[], state: State): State {
    let current = state;
    for (const statement of statements) {
      current = this.#statement(statement, current);
    }
    return current;
  }

  #block(node: PyNode | undefined, state: State): State {
    return node ? this.run(node.children, new Map(state)) : state;
  }

  #statement(statement: PyNode, state: State): State {
    const { definition } = unwrapDefinition(statement);
    switch (definition.type) {
      case "class_definition":
        this.#classStatement(definition, state);
        return state;
      case "function_definition":
        if (definition.name) {
          state.set(definition.name.text, [{ kind: "function", name: definition.name.text, line: definition.name.loc.start.line }]);
        }
        return state;
      case "import_statement":
      case "import_from_statement":
        for (const { node: _node, ...binding } of readImports(definition)) {
          if (binding.local === null) {
            this.summary.starImports.push(binding);
          } else {
            state.set(binding.local, [{ kind: "import", binding }]);
          }
        }
        return state;
      case "expression_statement":
        for (const expression of definition.children) {
          this.#expression(expression, state);
        }
        return state;
      case "if_statement": {
        if (isTypeCheckingBlock(definition)) {
          // Imports for annotations only: at run time the branch never runs.
          const alternatives = definition.childrenFor("alternative");
          return alternatives.length > 0 ? join(alternatives.map((clause) => this.#block(clause.body ?? clause, state))) : state;
        }
        const branches = [definition.consequence, ...definition.childrenFor("alternative").map((clause) => clause.body ?? clause.consequence ?? clause)];
        const hasElse = definition.childrenFor("alternative").some((clause) => clause.type === "else_clause");
        const outcomes = branches.map((branch) => this.#block(branch, state));
        return join(hasElse ? outcomes : [...outcomes, state]);
      }
      case "try_statement": {
        let completed = this.#block(definition.body, state);
        const handlers: State[] = [];
        let finallyClause: PyNode | undefined;
        for (const clause of definition.children) {
          if (clause.type === "except_clause" || clause.type === "except_group_clause") {
            // A handler runs after part of the try block: what it leaves joins what the full block leaves.
            handlers.push(this.run(clause.children.filter((child) => child.type === "block").flatMap((block) => block.children), new Map(state)));
          } else if (clause.type === "else_clause") {
            completed = this.#block(clause.body, completed);
          } else if (clause.type === "finally_clause") {
            finallyClause = clause;
          }
        }
        const joined = join([completed, ...handlers]);
        return finallyClause ? this.run(finallyClause.children.filter((child) => child.type === "block").flatMap((block) => block.children), joined) : joined;
      }
      case "with_statement": {
        this.#withTargets(definition, state);
        return this.run(definition.body?.children ?? [], state);
      }
      case "for_statement":
      case "while_statement": {
        if (definition.type === "for_statement" && definition.left) {
          for (const name of targetNames(definition.left)) {
            state.set(name.text, [{ kind: "dynamic", reason: "value" }]);
          }
        }
        // The body runs any number of times, the else clause after it.
        const after = join([state, this.#block(definition.body, state)]);
        const orElse = definition.childrenFor("alternative")[0];
        return orElse ? this.#block(orElse.body ?? orElse, after) : after;
      }
      case "match_statement": {
        const cases = definition.body?.children.filter((child) => child.type === "case_clause") ?? [];
        return join([state, ...cases.map((clause) => this.#block(clause.consequence ?? clause.children.at(-1), state))]);
      }
      case "delete_statement":
        for (const name of definition.children.flatMap(targetNames)) {
          state.delete(name.text);
        }
        return state;
      default:
        return state;
    }
  }

  #withTargets(statement: PyNode, state: State): void {
    const stack = [...statement.children.filter((child) => child.type === "with_clause")];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === "as_pattern_target") {
        for (const name of node.children.flatMap(targetNames)) {
          state.set(name.text, [{ kind: "dynamic", reason: "value" }]);
        }
      } else {
        stack.push(...node.children);
      }
    }
  }

  #expression(expression: PyNode, state: State): void {
    if (expression.type === "assignment") {
      // `a = b = value`: every target gets the innermost value.
      let value: PyNode | undefined = expression.right;
      while (value?.type === "assignment") {
        value = value.right;
      }
      for (let target: PyNode | undefined = expression; target?.type === "assignment"; target = target.right) {
        const left = target.left;
        if (!left) {
          continue;
        }
        if (left.type === "identifier") {
          if (left.text === "__all__") {
            this.summary.exported = value ? stringList(value) : null;
          }
          state.set(left.text, [valueBinding(value)]);
        } else {
          for (const name of targetNames(left)) {
            state.set(name.text, [{ kind: "dynamic", reason: "value" }]);
          }
        }
      }
    } else if (expression.type === "augmented_assignment" && expression.left?.text === "__all__") {
      const more = expression.right ? stringList(expression.right) : null;
      this.summary.exported = this.summary.exported && more ? [...this.summary.exported, ...more] : null;
    } else if (expression.type === "call" && expression.function) {
      // `__all__.extend([...])`, `__all__.append("name")`.
      const callee = dottedName(expression.function);
      const argument = expression.arguments?.children.find((child) => child.type !== "comment");
      if (this.summary.exported && argument && (callee === "__all__.extend" || callee === "__all__.append")) {
        const more = callee === "__all__.append" ? (stringBody(argument) ? [stringBody(argument)!.text] : null) : stringList(argument);
        this.summary.exported = more ? [...this.summary.exported, ...more] : null;
      }
    }
  }

  #classStatement(definition: PyNode, state: State): void {
    const name = definition.name;
    if (!name) {
      return;
    }
    const bases = baseExpressions(definition).map(({ base }) => base);
    const scope = new Map<string, readonly NameBinding[]>();
    for (const base of bases) {
      if (base.kind === "name") {
        const head = base.written.split(".", 1)[0]!;
        const bound = state.get(head);
        if (bound) {
          scope.set(head, bound);
        }
      }
    }
    const cls: ClassSummary = { name: name.text, line: name.loc.start.line, bases, scope };
    this.summary.classesByLine.set(cls.line, cls);
    state.set(cls.name, [{ kind: "class", cls }]);
  }
}

/** The strings of a literal list or tuple of strings; null for anything else. */
function stringList(node: PyNode): string[] | null {
  if (node.type !== "list" && node.type !== "tuple" && node.type !== "parenthesized_expression") {
    return null;
  }
  const names: string[] = [];
  for (const child of node.children) {
    if (child.type === "comment") {
      continue;
    }
    const body = stringBody(child);
    if (!body) {
      return null;
    }
    names.push(body.text);
  }
  return names;
}

/** A `global` statement on an indented line (inside a function or a block), and the names after it. */
const INDENTED_GLOBAL = /^[ \t]+global[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)/gmu;

/**
 * Names bound by `global` statements in the module's functions, which the module cannot be read in
 * order for. Read from the text, so a summary is the same whether function bodies were converted or not
 * (a file summarized for another file's imports, or linted itself); a `global` line inside a string
 * counts too, which can only add a "cannot tell".
 */
function globalsOfFunctions(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes("global")) {
    return names;
  }
  for (const match of text.matchAll(INDENTED_GLOBAL)) {
    for (const name of match[1]!.split(",")) {
      names.add(name.trim());
    }
  }
  return names;
}

export function summarizeModule(path: string, root: PyNode): ModuleSummary {
  const summary: ModuleSummary = { path, classes: new Map(), classesByLine: new Map(), bindings: new Map(), imports: new Map(), starImports: [], exported: null };
  const bindings = new BindingFlow(summary).run(root.children, new Map());
  for (const name of globalsOfFunctions(root.text)) {
    const alternatives = bindings.get(name) ?? [];
    bindings.set(name, [...alternatives, { kind: "dynamic", reason: "function" }]);
  }
  summary.bindings = bindings;
  for (const [name, alternatives] of bindings) {
    const last = alternatives.at(-1)!;
    if (alternatives.length === 1 && last.kind === "class") {
      summary.classes.set(name, last.cls);
    } else if (last.kind === "import") {
      summary.imports.set(name, last.binding);
    }
  }
  return summary;
}

// Only module-level bindings matter here, so class and function bodies are skipped.
const summaries = new FileCache((path, text) => {
  const source = text.replace(/^\uFEFF/u, "");
  return summarizeModule(path, toPyAst(parsePythonTree(source), source, { shallow: true }).ast);
});

/** The summary of another project file, or null when it cannot be read. */
export function summarizeFile(path: string): ModuleSummary | null {
  dependsOn(path);
  return summaries.get(path);
}

/** Keeps the summary of a file just linted, so a file that imports it later does not parse it again. */
export function rememberSummary(path: string, text: string, summary: ModuleSummary): void {
  summaries.remember(path, text, summary);
}
