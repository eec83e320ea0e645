/**
 * One scoped walk over a Python file that finds what mocks could hide behind: every import and every
 * use of an imported name (fully qualified through aliases and attribute chains), the pytest fixtures
 * that hand out fakes (requested and used), and calls on monkeypatch objects. A name bound locally in a
 * function (`patch = {...}`) shadows an import of the same name; an import or a fixture parameter in a
 * scope wins over other bindings there, so `try: from unittest import mock / except ImportError: mock = None`
 * stays a mock, and so does `mocker = mocker.patch(...)`. Modules imported at run time by a literal name
 * (`importlib.import_module("unittest.mock")`, `__import__("mock")`, `pytest.importorskip(...)`,
 * `sys.modules[...]`) count as imports; imports under `if TYPE_CHECKING:` are for annotations and do not.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import { MOCK_FIXTURES } from "../mock-catalog.js";
import type { FixtureReference, Loc, ModuleReference, MonkeypatchCall } from "../test-file-model.js";
import { readImports } from "./imports.js";
import { dynamicallyImportedModule, isTypeCheckingBlock, namespaceStatements } from "./module-summary.js";
import { dottedName, parameterNames, stringBody } from "./syntax.js";

type Binding =
  /** Bound to a module or something in it, by an import statement or a run-time import (`importlib.import_module`). */
  | { kind: "import"; boundTo: string }
  | { kind: "fixture" }
  | { kind: "monkeypatch" }
  | { kind: "local" };

interface Scope {
  bindings: Map<string, Binding>;
  outer: Scope | null;
}

export interface References {
  moduleReferences: ModuleReference[];
  fixtureReferences: FixtureReference[];
  monkeypatchCalls: MonkeypatchCall[];
}

const PATTERN_PARENTS = new Set(["pattern_list", "tuple_pattern", "list_pattern", "as_pattern_target"]);
const PARAMETER_PARENTS = new Set(["parameters", "lambda_parameters", "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern"]);
/** Nodes that open a scope: functions, and comprehensions, whose loop names (Python 3) stay inside them. */
const SCOPE_TYPES = new Set([
  "function_definition", "lambda", "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression",
]);
const MONKEYPATCH_FACTORY = /(?:^|\.)(?:MonkeyPatch|MonkeyPatch\.context|monkeypatch\.context)$/u;

/** Bindings a later plain assignment in the same scope does not hide: the value usually flows from them. */
const STICKY_BINDINGS = new Set<Binding["kind"]>(["import", "fixture"]);

function bind(scope: Scope, name: string, binding: Binding, notable: Set<string>): void {
  const existing = scope.bindings.get(name);
  if (binding.kind === "local" && existing && STICKY_BINDINGS.has(existing.kind)) {
    return;
  }
  scope.bindings.set(name, binding);
  if (binding.kind !== "local") {
    notable.add(name);
  }
}

function spanLoc(from: PyNode, to: PyNode): Loc {
  return { start: from.loc.start, end: to.loc.end };
}

/** The value an assignment or `with ... as` target receives, when the identifier is such a target. */
function assignedValue(identifier: PyNode): PyNode | undefined {
  const parent = identifier.parent;
  if (parent?.type === "assignment" && identifier.field === "left") {
    return parent.right;
  }
  if (parent?.type === "as_pattern_target") {
    return parent.parent?.children[0];
  }
  return undefined;
}

/** What assigning `value` to a name binds it to: a monkeypatch object, a module imported at run time, or a local value. */
function bindingOfValue(value: PyNode | undefined): Binding {
  if (isMonkeypatchFactory(value)) {
    return { kind: "monkeypatch" };
  }
  const module = value ? dynamicallyImportedModule(value) : null;
  return module === null ? { kind: "local" } : { kind: "import", boundTo: module.value };
}

function isMonkeypatchFactory(value: PyNode | undefined): boolean {
  if (!value) {
    return false;
  }
  if (value.type === "identifier") {
    return value.text === "monkeypatch";
  }
  const callee = value.type === "call" && value.function ? dottedName(value.function) : null;
  if (callee !== null && /(?:^|\.)getfixturevalue$/u.test(callee)) {
    // `request.getfixturevalue("monkeypatch")`.
    const first = value.arguments?.children.find((child) => child.type !== "comment");
    return first !== undefined && stringBody(first)?.text === "monkeypatch";
  }
  return callee !== null && MONKEYPATCH_FACTORY.test(callee);
}

/** Where an identifier stands: a name that is used, one that is bound, or part of a larger name. */
function identifierRole(identifier: PyNode): "use" | "binding" | "parameter" | "none" {
  const parent = identifier.parent;
  if (!parent) {
    return "use";
  }
  const field = identifier.field;
  switch (parent.type) {
    case "attribute":
      return field === "attribute" ? "none" : "use";
    case "keyword_argument":
      return field === "name" ? "none" : "use";
    case "function_definition":
    case "class_definition":
      return field === "name" ? "none" : "use";
    case "default_parameter":
    case "typed_default_parameter":
      return field === "name" ? "parameter" : "use";
    case "assignment":
    case "augmented_assignment":
    case "for_statement":
    case "for_in_clause":
      return field === "left" ? "binding" : "use";
    case "named_expression":
      return field === "name" ? "binding" : "use";
    case "global_statement":
    case "nonlocal_statement":
      return "none";
    default:
      if (PARAMETER_PARENTS.has(parent.type) && field === null) {
        return "parameter";
      }
      return PATTERN_PARENTS.has(parent.type) ? "binding" : "use";
  }
}

export function collectReferences(root: PyNode): References {
  const result: References = { moduleReferences: [], fixtureReferences: [], monkeypatchCalls: [] };

  const record = (binding: Binding, identifier: PyNode): void => {
    let end = identifier;
    const attributes: string[] = [];
    while (end.parent?.type === "attribute" && end.field === "object") {
      attributes.push(end.parent.attribute?.text ?? "");
      end = end.parent;
    }
    switch (binding.kind) {
      case "import": {
        const qualifiedName = [binding.boundTo, ...attributes].join(".");
        result.moduleReferences.push({ kind: "use", qualifiedName, written: [identifier.text, ...attributes].join("."), loc: spanLoc(identifier, end) });
        break;
      }
      case "fixture":
        result.fixtureReferences.push({ kind: "use", name: identifier.text, loc: identifier.loc });
        break;
      case "monkeypatch": {
        const method = attributes[0];
        const called = end !== identifier && identifier.parent!.parent?.type === "call" && identifier.parent!.field === "function";
        if (method !== undefined && called) {
          result.monkeypatchCalls.push({ method, loc: spanLoc(identifier, identifier.parent!) });
        }
        break;
      }
      case "local":
        break;
    }
  };

  // Uses are resolved once the whole file is walked: in Python a name bound anywhere in a function is
  // local to all of it. Only names that some import, fixture or monkeypatch binding uses are looked up.
  const notable = new Set<string>();
  const useNodes: PyNode[] = [];
  const useNames: string[] = [];
  const useScopes: Scope[] = [];

  const requestFixturesByName = (call: PyNode): void => {
    const callee = call.function ? dottedName(call.function) : null;
    if (callee === null || !/(?:^|\.)(?:usefixtures|getfixturevalue)$/u.test(callee)) {
      return;
    }
    for (const argument of call.arguments?.children ?? []) {
      const body = stringBody(argument);
      if (body && MOCK_FIXTURES.has(body.text)) {
        result.fixtureReferences.push({ kind: "request", name: body.text, loc: argument.loc });
      }
    }
  };

  // `self.monkeypatch.setattr(...)`: a unittest-style class that keeps the monkeypatch fixture on itself.
  const recordMonkeypatchAttribute = (call: PyNode): void => {
    const callee = call.function;
    const holder = callee?.type === "attribute" ? callee.object : undefined;
    if (callee?.attribute && holder?.type === "attribute" && holder.attribute?.text === "monkeypatch" && /^(?:self|cls)$/u.test(holder.object?.text ?? "")) {
      result.monkeypatchCalls.push({ method: callee.attribute.text, loc: callee.loc });
    }
  };

  // `importlib.import_module("unittest.mock")` imports as an import statement does, and `.patch` after it uses the module.
  const recordDynamicImport = (node: PyNode): void => {
    const module = dynamicallyImportedModule(node);
    if (module === null) {
      return;
    }
    result.moduleReferences.push({ kind: "import", qualifiedName: module.loaded, written: node.text, loc: node.loc });
    const attributes: string[] = [];
    let end = node;
    while (end.parent?.type === "attribute" && end.field === "object") {
      attributes.push(end.parent.attribute?.text ?? "");
      end = end.parent;
    }
    if (attributes.length > 0) {
      result.moduleReferences.push({ kind: "use", qualifiedName: [module.value, ...attributes].join("."), written: end.text, loc: spanLoc(node, end) });
    }
  };

  // A comprehension has no name or parameters: its scope only keeps its loop names in.
  const openScope = (node: PyNode, scopes: Scope[]): void => {
    const enclosing = scopes[scopes.length - 1]!;
    const name = node.type === "function_definition" ? node.name?.text : undefined;
    if (name !== undefined) {
      bind(enclosing, name, { kind: "local" }, notable);
    }
    const scope: Scope = { bindings: new Map(), outer: enclosing };
    for (const parameter of parameterNames(node.parameters)) {
      const parameterName = parameter.text;
      if (MOCK_FIXTURES.has(parameterName)) {
        bind(scope, parameterName, { kind: "fixture" }, notable);
        result.fixtureReferences.push({ kind: "request", name: parameterName, loc: parameter.loc });
      } else {
        bind(scope, parameterName, parameterName === "monkeypatch" ? { kind: "monkeypatch" } : { kind: "local" }, notable);
      }
    }
    scopes.push(scope);
  };

  const scopes: Scope[] = [{ bindings: new Map(), outer: null }];
  // Frames: a node to enter, or a scope that closes once its subtree is done.
  const stack: (PyNode | { closes: true })[] = [root];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ("closes" in frame) {
      scopes.pop();
      continue;
    }
    const node = frame;
    const scope = scopes[scopes.length - 1]!;
    switch (node.type) {
      case "import_statement":
      case "import_from_statement":
        for (const target of readImports(node)) {
          result.moduleReferences.push({ kind: "import", qualifiedName: target.imported, written: target.node.text, loc: target.node.loc });
          if (target.local !== null) {
            bind(scope, target.local, { kind: "import", boundTo: target.boundTo }, notable);
          }
        }
        continue;
      case "if_statement":
        if (isTypeCheckingBlock(node)) {
          // Names imported for annotations only: they shadow, but nothing runs.
          for (const statement of node.consequence ? namespaceStatements(node.consequence) : []) {
            for (const target of statement.type === "import_statement" || statement.type === "import_from_statement" ? readImports(statement) : []) {
              if (target.local !== null) {
                bind(scope, target.local, { kind: "local" }, notable);
              }
            }
          }
          for (let i = node.children.length - 1; i >= 0; i--) {
            const child = node.children[i]!;
            if (child.field === "alternative") {
              stack.push(child);
            }
          }
          continue;
        }
        break;
      case "comment":
      case "future_import_statement":
        continue;
      case "identifier": {
        const role = identifierRole(node);
        if (role === "use") {
          useNodes.push(node);
          useNames.push(node.text);
          useScopes.push(scope);
        } else if (role === "binding") {
          bind(scope, node.text, bindingOfValue(assignedValue(node)), notable);
        }
        continue;
      }
      case "class_definition":
        if (node.name) {
          bind(scope, node.name.text, { kind: "local" }, notable);
        }
        break;
      case "call":
        requestFixturesByName(node);
        recordMonkeypatchAttribute(node);
        recordDynamicImport(node);
        break;
      case "subscript":
        recordDynamicImport(node);
        break;
      default:
        if (SCOPE_TYPES.has(node.type)) {
          openScope(node, scopes);
          stack.push({ closes: true });
        }
        break;
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push(node.children[i]!);
    }
  }
  for (let i = 0; i < useNodes.length; i++) {
    const name = useNames[i]!;
    if (!notable.has(name)) {
      continue;
    }
    for (let scope: Scope | null = useScopes[i]!; scope !== null; scope = scope.outer) {
      const binding = scope.bindings.get(name);
      if (binding) {
        record(binding, useNodes[i]!);
        break;
      }
    }
  }
  return result;
}
