/**
 * The definitions of a Python module that decide which code runs around a test, as plain data: its
 * functions and methods with the fixtures they request and the functions they call, its pytest fixtures
 * (autouse or not), its classes, and the module's `pytestmark` and `pytest_plugins`. What mocks a test
 * reaches through helpers, setup methods and fixtures is traced over these (see mock-trace.ts), and so
 * are the assertions it reaches through helpers (see assertion-trace.ts). The skip marks of functions
 * and classes are read here for tests inherited or imported from the module.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import type { CheckFacts, Docstring, Loc, SkipMark } from "../test-file-model.js";
import { CheckCollector, ImportedUses } from "./check-facts.js";
import type { DocstringReader } from "./docstrings.js";
import { baseExpressions, namespaceStatements, type BaseExpression } from "./module-summary.js";
import type { References } from "./references.js";
import { SkipMarkReader } from "./skip-marks.js";
import { decoratorName, docstringOf, dottedName, isAsyncDefinition, parameterNames, stringBody, testAttributeOf, unwrapDefinition } from "./syntax.js";

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
  /** Functions it calls by name (`helper`), methods it calls on itself (`self.helper`, `cls.helper`) and its bases' methods through `super()` (`super.helper`). */
  calls: string[];
  /** Its decorators' names without their calls (`pytest.mark.skip`). */
  decorators: string[];
  /** Read only for files other than the test file, whose tests may be inherited or imported. */
  docstring: Docstring | null;
  /** Defined with `async def`. */
  isAsync: boolean;
  /** Its decorators' skip marks, then its body's skip calls. */
  skips: SkipMark[];
  /** What in its body (nested functions included) may assert. */
  checks: CheckFacts;
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
  /** The skip marks of its decorators and of a `pytestmark` in its body. */
  skips: SkipMark[];
  /** Names its body binds to a dotted name, as written (`ndiffAssertEqual = unittest.TestCase.assertEqual`). */
  aliases: Map<string, string>;
  /** The marks a `pytestmark` in its body applies (see pytestmarkNames). */
  pytestmarks: string[];
}

/** A module-level function named like a pytest hook (`pytest_pyfunc_call`), as plugin and conftest.py modules define them. */
export interface PyHook {
  name: string;
  line: number;
  /** Its text names coroutines or event loops (`async`, `await`, `coroutine`, `loop`, asyncio, anyio, trio) or plugins. */
  mentionsAsync: boolean;
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
  /** The marks a module-level `pytestmark` applies (see pytestmarkNames). */
  modulePytestmarks: string[];
  /** Its module-level `pytest_*` functions. */
  hooks: PyHook[];
  /** The skip marks of a module-level `pytestmark`. */
  moduleSkips: SkipMark[];
  /**
   * Calls of names and dotted names, `self.`/`cls.` methods left out, in function bodies and in the
   * statements of module and class bodies (not in decorators, bases or default values), in source order.
   */
  calledNames: CalledName[];
}

/** Words of code that runs coroutines or loads plugins, which a hook that changes how tests run would hold. */
const ASYNC_WORDS = /async|await|coroutine|loop|anyio|trio|plugin/iu;

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
export function usefixturesOf(expression: PyNode | undefined): string[] {
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

/**
 * The marks a `pytestmark` value applies, by name without their calls: `pytest.mark.asyncio`,
 * `[pytest.mark.anyio, mark.usefixtures("db")]` → `pytest.mark.anyio`, `mark.usefixtures`. An element
 * that is no dotted name or call of one (a variable's subscript, a conditional) is kept as written.
 */
export function pytestmarkNames(value: PyNode | undefined): string[] {
  if (!value) {
    return [];
  }
  if (value.type === "list" || value.type === "tuple" || value.type === "parenthesized_expression") {
    return value.children.filter((child) => child.type !== "comment").flatMap((child) => pytestmarkNames(child));
  }
  const callee = value.type === "call" && value.function ? value.function : value;
  return [dottedName(callee) ?? value.text];
}

/** The marks a statement assigns to `pytestmark` (see pytestmarkNames); none for any other statement. */
export function pytestmarksAssigned(statement: PyNode): string[] {
  return pytestmarkNames(assignedTo(statement, "pytestmark"));
}

/** Fixtures a function requests: by parameter (a method's first parameter is the instance or the class) and by `usefixtures` decorators. */
export function requestedFixtures(definition: PyNode, decorators: readonly PyNode[], isMethod: boolean): string[] {
  const isStatic = decorators.some((decorator) => decoratorName(decorator) === "staticmethod");
  const parameters = parameterNames(definition.parameters).map((parameter) => parameter.text);
  const requested = isMethod && !isStatic ? parameters.slice(1) : parameters;
  return [...requested, ...decorators.flatMap((decorator) => usefixturesOf(decoratorExpression(decorator)))];
}

function decoratorExpression(decorator: PyNode): PyNode | undefined {
  return decorator.children.find((child) => child.type !== "comment");
}

/** `name = a.b.c` as a statement: the name and the dotted name it is bound to. */
function aliasOf(statement: PyNode): { name: string; target: string } | null {
  const assignment = statement.type === "expression_statement" ? statement.children[0] : undefined;
  const target = assignment?.type === "assignment" && assignment.left?.type === "identifier" && assignment.right?.type === "attribute" ? dottedName(assignment.right) : null;
  return target === null ? null : { name: assignment!.left!.text, target };
}

/** `name = value` as a statement, when the target is that plain name. */
function assignedTo(statement: PyNode, name: string): PyNode | undefined {
  const assignment = statement.type === "expression_statement" ? statement.children[0] : undefined;
  return assignment?.type === "assignment" && assignment.left?.text === name ? assignment.right : undefined;
}

const SELF_NAMES = /^(?:self|cls)$/u;

/** The call `node` as a called name (not a method of `self`/`cls`), if its callee is a name or a dotted name. */
function calledName(node: PyNode): CalledName | null {
  const callee = node.type === "call" ? node.function : undefined;
  const written = callee?.type === "identifier" || callee?.type === "attribute" ? dottedName(callee) : null;
  return callee && written !== null && !SELF_NAMES.test(written.split(".", 1)[0]!) ? { written, loc: callee.loc, localClass: null } : null;
}

/** The calls of names in a statement of a module or class body, into `calledNames`. */
function callsOfStatement(statement: PyNode, calledNames: CalledName[]): void {
  const stack: PyNode[] = [statement];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const called = calledName(node);
    if (called) {
      calledNames.push(called);
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push(node.children[i]!);
    }
  }
}

/**
 * One walk of a function's body, nested functions included: every function it calls by name, as a
 * method of `self`/`cls` or through `super()`, and what may assert. Its calls of names go to
 * `calledNames`, each with the class statement of the function it names, if any.
 */
function readBody(body: PyNode | undefined, uses: ImportedUses, calledNames: CalledName[]): { calls: string[]; checks: CheckFacts } {
  const calls = new Set<string>();
  const checks = new CheckCollector(uses);
  const called: CalledName[] = [];
  const localClasses = new Map<string, LocalClass>();
  const stack: PyNode[] = body ? [body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    checks.visit(node);
    if (node.type === "class_definition" && node.name && !localClasses.has(node.name.text)) {
      localClasses.set(node.name.text, { name: node.name.text, line: node.name.loc.start.line, bases: baseExpressions(node).map(({ base }) => base) });
    }
    const named = calledName(node);
    if (named) {
      called.push(named);
    }
    if (node.type === "call" && node.function) {
      const callee = node.function;
      if (callee.type === "identifier") {
        calls.add(callee.text);
        // `check = self.check_output` then `check(...)` calls the method.
        const method = /^(?:self|cls)\.([^.]+)$/u.exec(checks.aliasOf(callee.text) ?? "");
        if (method) {
          calls.add(`self.${method[1]!}`);
        }
      } else if (callee.type === "attribute" && callee.object?.type === "identifier" && /^(?:self|cls)$/u.test(callee.object.text) && callee.attribute) {
        calls.add(`self.${callee.attribute.text}`);
      } else if (callee.type === "attribute" && callee.object?.type === "call" && callee.object.function?.type === "identifier" && callee.object.function.text === "super" && callee.attribute) {
        calls.add(`super.${callee.attribute.text}`);
      }
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
  return { calls: [...calls], checks: checks.facts() };
}

/** What reads a module's definitions needs besides its tree, and where the calls of names go. */
interface DefinitionReaders {
  uses: ImportedUses;
  marks: SkipMarkReader;
  readDocstring: DocstringReader | undefined;
  calledNames: CalledName[];
}

function readFunction(statement: PyNode, definition: PyNode, decorators: PyNode[], owner: string | null, { uses, marks, readDocstring, calledNames }: DefinitionReaders): PyFunctionDef {
  const name = definition.name?.text ?? "";
  const decoratorNames = decorators.map(decoratorName);
  let fixture: PyFunctionDef["fixture"] = null;
  const { calls, checks } = readBody(definition.body, uses, calledNames);
  for (const [index, decorator] of decorators.entries()) {
    const decorated = decoratorNames[index];
    if (decorated !== null && decorated !== undefined && lastSegment(decorated) === "fixture") {
      const call = callOf(decoratorExpression(decorator));
      fixture = {
        name: stringValues(keywordArgument(call, "name"))[0] ?? name,
        autouse: keywordArgument(call, "autouse")?.type === "true",
      };
    }
  }
  return {
    name,
    owner,
    loc: statement.loc,
    line: definition.name?.loc.start.line ?? statement.loc.start.line,
    fixture,
    requests: requestedFixtures(definition, decorators, owner !== null),
    calls,
    decorators: decoratorNames.filter((decorator): decorator is string => decorator !== null),
    docstring: readDocstring?.(docstringOf(definition.body)) ?? null,
    skips: [...marks.decoratorMarks(decorators, "test"), ...marks.bodyMarks(definition.body)],
    checks,
    isAsync: isAsyncDefinition(definition),
  };
}

/**
 * @param references the module's references, whose uses of imported names tell what decorators and calls denote.
 * @param readDocstring reads the docstrings of functions and classes too (for files other than the test file).
 */
export function collectDefinitions(root: PyNode, references: References, readDocstring?: DocstringReader): PyDefinitions {
  const uses = new ImportedUses(references.moduleReferences);
  const definitions: PyDefinitions = { functions: [], classes: [], moduleUsefixtures: [], plugins: [], modulePytestmarks: [], hooks: [], moduleSkips: [], calledNames: [] };
  const readers: DefinitionReaders = { uses, marks: new SkipMarkReader(root, uses), readDocstring, calledNames: definitions.calledNames };
  const walk = (container: PyNode, owner: PyClassDef | null): void => {
    for (const statement of namespaceStatements(container)) {
      const { definition, decorators } = unwrapDefinition(statement);
      if (definition.type === "function_definition" && definition.name) {
        const fn = readFunction(statement, definition, decorators, owner?.name ?? null, readers);
        definitions.functions.push(fn);
        if (owner === null && fn.name.startsWith("pytest_")) {
          definitions.hooks.push({ name: fn.name, line: fn.line, mentionsAsync: ASYNC_WORDS.test(statement.text) });
        }
      } else if (definition.type === "class_definition" && definition.name) {
        const cls: PyClassDef = {
          name: owner ? `${owner.name}.${definition.name.text}` : definition.name.text,
          loc: statement.loc,
          line: definition.name.loc.start.line,
          bases: baseExpressions(definition).flatMap(({ base }) => (base.kind === "name" ? [base.written] : [])),
          usefixtures: decorators.flatMap((decorator) => usefixturesOf(decoratorExpression(decorator))),
          decorators: decorators.map(decoratorName).filter((decorator): decorator is string => decorator !== null),
          testAttribute: null,
          docstring: readers.readDocstring?.(docstringOf(definition.body)) ?? null,
          skips: readers.marks.decoratorMarks(decorators, "group"),
          aliases: new Map(),
          pytestmarks: [],
        };
        definitions.classes.push(cls);
        if (definition.body) {
          walk(definition.body, cls);
        }
      } else if (owner) {
        const pytestmark = assignedTo(definition, "pytestmark");
        owner.usefixtures.push(...usefixturesOf(pytestmark));
        owner.pytestmarks.push(...pytestmarkNames(pytestmark));
        owner.skips.push(...(pytestmark ? readers.marks.pytestmarkMarks(pytestmark, "group") : []));
        owner.testAttribute = testAttributeOf(definition) ?? owner.testAttribute;
        const alias = aliasOf(definition);
        if (alias) {
          owner.aliases.set(alias.name, alias.target);
        }
        callsOfStatement(definition, definitions.calledNames);
      } else {
        const pytestmark = assignedTo(definition, "pytestmark");
        definitions.moduleUsefixtures.push(...usefixturesOf(pytestmark));
        definitions.modulePytestmarks.push(...pytestmarkNames(pytestmark));
        definitions.moduleSkips.push(...(pytestmark ? readers.marks.pytestmarkMarks(pytestmark, "module") : []));
        definitions.plugins.push(...stringValues(assignedTo(definition, "pytest_plugins")));
        callsOfStatement(definition, definitions.calledNames);
      }
    }
  };
  // Statements and bodies are read in order, and each body depth first: calledNames comes out in source order.
  walk(root, null);
  return definitions;
}
