/**
 * The definitions of a Python module that decide which code runs around a test, as plain data: its
 * functions and methods with the fixtures they request and the functions they call, its pytest fixtures
 * (autouse or not), its classes, and the module's `pytestmark` and `pytest_plugins`. What mocks a test
 * reaches through helpers, setup methods and fixtures is traced over these (see mock-trace.ts).
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import type { Docstring, Loc } from "../test-file-model.js";
import type { DocstringReader } from "./docstrings.js";
import { baseExpressions, namespaceStatements, type BaseExpression } from "./module-summary.js";
import { decoratorName, docstringOf, dottedName, parameterNames, stringBody, testAttributeOf, unwrapDefinition } from "./syntax.js";

export interface PyFunctionDef {
  name: string;
  /** The dotted path of the classes the function is defined in (`Outer.Inner`), or null at module level. */
  owner: string | null;
  /** The whole definition, decorators included. */
  loc: Loc;
  line: number;
  /** As a pytest fixture: the name it is requested by and whether every test in its scope gets it. */
  fixture: { name: string; autouse: boolean } | null;
  /** Fixtures requested by parameter (without `self`/`cls`) and by `@pytest.mark.usefixtures`. */
  requests: string[];
  /** Functions it calls by name (`helper`) and methods it calls on itself (`self.helper`, `cls.helper`). */
  calls: string[];
  /** Its decorators' names without their calls (`pytest.mark.skip`). */
  decorators: string[];
  /** Read only for files other than the test file, whose tests may be inherited or imported. */
  docstring: Docstring | null;
}

export interface PyClassDef {
  /** Dotted path for a nested class (`Outer.Inner`). */
  name: string;
  loc: Loc;
  /** The line of its name, which the module summary knows it by. */
  line: number;
  bases: string[];
  /** `@pytest.mark.usefixtures(...)` on the class and a `pytestmark` in its body. */
  usefixtures: string[];
  /** Its decorators' names without their calls. */
  decorators: string[];
  /** The value of a `__test__ = True/False` in its body, if any. */
  testAttribute: boolean | null;
  /** Read only for files other than the test file. */
  docstring: Docstring | null;
}

/** A class statement inside a function: its name is the function's, so the module's summary does not know it. */
export interface LocalClass {
  name: string;
  /** The line of its name. */
  line: number;
  bases: BaseExpression[];
}

/** A call of a name or a dotted name (`FakeRedis()`, `fakes.FakeRedis()`), with the callee's span. */
export interface CalledName {
  written: string;
  loc: Loc;
  /** The class statement of the enclosing function the callee names, when it is one. */
  localClass: LocalClass | null;
}

export interface PyDefinitions {
  functions: PyFunctionDef[];
  classes: PyClassDef[];
  /** Fixtures a module-level `pytestmark` applies to every test of the module. */
  moduleUsefixtures: string[];
  /** Modules named by `pytest_plugins`. */
  plugins: string[];
  /**
   * Calls of names and dotted names, `self.`/`cls.` methods left out, in function bodies and in the
   * statements of module and class bodies (not in decorators, bases or default values), in source order.
   */
  calledNames: CalledName[];
}

/** The strings of a string or a list/tuple of strings (`"a"`, `["a", "b"]`). */
function stringValues(node: PyNode | undefined): string[] {
  if (!node) {
    return [];
  }
  if (node.type === "string") {
    const body = stringBody(node);
    return body ? [body.text] : [];
  }
  if (node.type === "list" || node.type === "tuple" || node.type === "parenthesized_expression") {
    return node.children.flatMap((child) => stringValues(child));
  }
  return [];
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

/** The call of a decorator or mark expression (`@pytest.fixture(autouse=True)`), if it is one. */
function callOf(expression: PyNode | undefined): PyNode | undefined {
  return expression?.type === "call" ? expression : undefined;
}

function keywordArgument(call: PyNode | undefined, name: string): PyNode | undefined {
  const argument = call?.arguments?.children.find((child) => child.type === "keyword_argument" && child.name?.text === name);
  return argument?.value;
}

/** The fixtures named by `pytest.mark.usefixtures("a", "b")` marks in `expression` (a mark or a list of marks). */
function usefixturesOf(expression: PyNode | undefined): string[] {
  if (!expression) {
    return [];
  }
  if (expression.type === "list" || expression.type === "tuple") {
    return expression.children.flatMap((child) => usefixturesOf(child));
  }
  const call = callOf(expression);
  const callee = call?.function ? dottedName(call.function) : null;
  if (callee === null || lastSegment(callee) !== "usefixtures") {
    return [];
  }
  return (call!.arguments?.children ?? []).flatMap((argument) => stringValues(argument));
}

function decoratorExpression(decorator: PyNode): PyNode | undefined {
  return decorator.children.find((child) => child.type !== "comment");
}

/** `name = value` as a statement, when the target is that plain name. */
function assignedTo(statement: PyNode, name: string): PyNode | undefined {
  const assignment = statement.type === "expression_statement" ? statement.children[0] : undefined;
  return assignment?.type === "assignment" && assignment.left?.text === name ? assignment.right : undefined;
}

const SELF_NAMES = /^(?:self|cls)$/u;

/**
 * Every function called by name, or as a method of `self`/`cls`, anywhere in `body`; every call of a
 * name or dotted name other than those methods goes to `calledNames` too. `functionBody`: `body` is a
 * function's, whose class statements bind names only there.
 */
function callsIn(body: PyNode | undefined, calledNames: CalledName[], functionBody: boolean): string[] {
  const calls = new Set<string>();
  const called: CalledName[] = [];
  const localClasses = new Map<string, LocalClass>();
  const stack: PyNode[] = body ? [body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "call" && node.function) {
      const callee = node.function;
      if (callee.type === "identifier") {
        calls.add(callee.text);
        called.push({ written: callee.text, loc: callee.loc, localClass: null });
      } else if (callee.type === "attribute" && callee.object?.type === "identifier" && SELF_NAMES.test(callee.object.text) && callee.attribute) {
        calls.add(`self.${callee.attribute.text}`);
      } else if (callee.type === "attribute") {
        const written = dottedName(callee);
        if (written !== null && !SELF_NAMES.test(written.slice(0, written.indexOf(".")))) {
          called.push({ written, loc: callee.loc, localClass: null });
        }
      }
    } else if (functionBody && node.type === "class_definition" && node.name && !localClasses.has(node.name.text)) {
      localClasses.set(node.name.text, { name: node.name.text, line: node.name.loc.start.line, bases: baseExpressions(node).map(({ base }) => base) });
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push(node.children[i]!);
    }
  }
  // A name a class statement binds anywhere in the function is that class everywhere in it, as Python scopes names.
  for (const call of called) {
    call.localClass = localClasses.get(call.written) ?? null;
    calledNames.push(call);
  }
  return [...calls];
}

function readFunction(statement: PyNode, definition: PyNode, decorators: PyNode[], owner: string | null, readDocstring: DocstringReader | undefined, calledNames: CalledName[]): PyFunctionDef {
  const name = definition.name?.text ?? "";
  const decoratorNames = decorators.map(decoratorName);
  const isStatic = decoratorNames.some((decorator) => decorator === "staticmethod");
  const parameters = parameterNames(definition.parameters).map((parameter) => parameter.text);
  // A method's first parameter is the instance or the class, not a fixture.
  const requested = owner !== null && !isStatic ? parameters.slice(1) : parameters;
  let fixture: PyFunctionDef["fixture"] = null;
  const usefixtures: string[] = [];
  for (const [index, decorator] of decorators.entries()) {
    const decorated = decoratorNames[index];
    const expression = decoratorExpression(decorator);
    if (decorated !== null && decorated !== undefined && lastSegment(decorated) === "fixture") {
      const call = callOf(expression);
      fixture = {
        name: stringValues(keywordArgument(call, "name"))[0] ?? name,
        autouse: keywordArgument(call, "autouse")?.type === "true",
      };
    }
    usefixtures.push(...usefixturesOf(expression));
  }
  return {
    name,
    owner,
    loc: statement.loc,
    line: definition.name?.loc.start.line ?? statement.loc.start.line,
    fixture,
    requests: [...requested, ...usefixtures],
    calls: callsIn(definition.body, calledNames, true),
    decorators: decoratorNames.filter((decorator): decorator is string => decorator !== null),
    docstring: readDocstring?.(docstringOf(definition.body)) ?? null,
  };
}

/** `readDocstring`: reads the docstrings of functions and classes too (for files other than the test file). */
export function collectDefinitions(root: PyNode, readDocstring?: DocstringReader): PyDefinitions {
  const definitions: PyDefinitions = { functions: [], classes: [], moduleUsefixtures: [], plugins: [], calledNames: [] };
  const walk = (container: PyNode, owner: PyClassDef | null): void => {
    for (const statement of namespaceStatements(container)) {
      const { definition, decorators } = unwrapDefinition(statement);
      if (definition.type === "function_definition" && definition.name) {
        definitions.functions.push(readFunction(statement, definition, decorators, owner?.name ?? null, readDocstring, definitions.calledNames));
      } else if (definition.type === "class_definition" && definition.name) {
        const cls: PyClassDef = {
          name: owner ? `${owner.name}.${definition.name.text}` : definition.name.text,
          loc: statement.loc,
          line: definition.name.loc.start.line,
          bases: baseExpressions(definition).flatMap(({ base }) => (base.kind === "name" ? [base.written] : [])),
          usefixtures: decorators.flatMap((decorator) => usefixturesOf(decoratorExpression(decorator))),
          decorators: decorators.map(decoratorName).filter((decorator): decorator is string => decorator !== null),
          testAttribute: null,
          docstring: readDocstring?.(docstringOf(definition.body)) ?? null,
        };
        definitions.classes.push(cls);
        if (definition.body) {
          walk(definition.body, cls);
        }
      } else if (owner) {
        owner.usefixtures.push(...usefixturesOf(assignedTo(definition, "pytestmark")));
        owner.testAttribute = testAttributeOf(definition) ?? owner.testAttribute;
        callsIn(definition, definitions.calledNames, false);
      } else {
        definitions.moduleUsefixtures.push(...usefixturesOf(assignedTo(definition, "pytestmark")));
        definitions.plugins.push(...stringValues(assignedTo(definition, "pytest_plugins")));
        callsIn(definition, definitions.calledNames, false);
      }
    }
  };
  // Statements and bodies are read in order, and each body depth first: calledNames comes out in source order.
  walk(root, null);
  return definitions;
}
