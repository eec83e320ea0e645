/**
 * The tests pytest would collect from a Python file, decided by name as pytest does and without
 * importing anything: `python_functions` functions at module level; `python_functions` methods of
 * `python_classes` classes that define no `__init__`/`__new__` and do not set `__test__ = False`
 * (nested classes included); `test*` methods of any class that inherits from unittest.TestCase,
 * whatever its name. Inheritance is followed through classes of the same file for inherited test
 * methods, `__init__` and `__test__`.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import { matchesPrefixOrGlob } from "../fnmatch.js";
import type { PytestSettings } from "../pytest-config.js";
import type { ClassFacts, CollectedTest, Docstring } from "../test-file-model.js";
import { baseExpressions, namespaceStatements } from "./module-summary.js";
import { decoratorName, docstringOf, unwrapDefinition } from "./syntax.js";

interface FunctionInfo {
  name: string;
  nameNode: PyNode;
  /** The definition with its decorators (`decorated_definition`), or the bare definition. */
  statement: PyNode;
  body: PyNode | undefined;
  decorators: string[];
  /** Identifies the definition in the model without holding its syntax node. */
  key: object;
}

interface ClassInfo {
  facts: ClassFacts;
  methods: Map<string, FunctionInfo>;
  definesInit: boolean;
  /** The value of a `__test__ = True/False` in the class body, if any. */
  testAttribute: boolean | null;
  decorators: string[];
  insideFunction: boolean;
  nested: ClassInfo[];
}

export interface CollectionInput {
  root: PyNode;
  isTestModule: boolean;
  settings: PytestSettings;
  readDocstring(stringNode: PyNode | null): Docstring | null;
  /** Whether a class inherits from unittest.TestCase. */
  inheritsTestCase(cls: ClassFacts): boolean;
}

export interface Collection {
  classes: ClassFacts[];
  tests: CollectedTest[];
}

const SKIP_DECORATORS = new Set(["skip", "skipif", "skipIf", "skipUnless"]);

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

function isFixture(fn: FunctionInfo): boolean {
  return fn.decorators.some((name) => lastSegment(name) === "fixture");
}

function isSkipped(decorators: readonly string[]): boolean {
  return decorators.some((name) => SKIP_DECORATORS.has(lastSegment(name)));
}

function isParametrized(decorators: readonly string[]): boolean {
  return decorators.some((name) => lastSegment(name) === "parametrize");
}

/** `__test__ = False` (or True) as a statement of a class body. */
function testAttributeOf(statement: PyNode): boolean | null {
  const assignment = statement.type === "expression_statement" ? statement.children[0] : undefined;
  if (assignment?.type !== "assignment" || assignment.left?.text !== "__test__") {
    return null;
  }
  const value = assignment.right?.type;
  return value === "true" ? true : value === "false" ? false : null;
}

/** The docstrings of the classes a test sits in, nearest first; an inherited test adds its defining class's. */
function groupDocstrings(cls: ClassFacts | null, definingClass: ClassFacts | null): Docstring[] {
  const docstrings: Docstring[] = [];
  for (const start of definingClass === cls ? [cls] : [cls, definingClass]) {
    for (let current = start; current !== null; current = current.enclosingClass) {
      if (current.docstring) {
        docstrings.push(current.docstring);
      }
    }
  }
  return docstrings;
}

export function collectTests(input: CollectionInput): Collection {
  const classes: ClassInfo[] = [];
  const moduleFunctions = new Map<string, FunctionInfo>();
  const moduleClasses = new Map<string, ClassInfo>();

  const walk = (container: PyNode, owner: ClassInfo | null, insideFunction: boolean): void => {
    for (const statement of namespaceStatements(container)) {
      const { definition, decorators } = unwrapDefinition(statement);
      const decoratorNames = decorators.map(decoratorName).filter((name): name is string => name !== null);
      if (definition.type === "class_definition" && definition.name) {
        const info: ClassInfo = {
          facts: {
            name: definition.name.text,
            nameLoc: definition.name.loc,
            loc: statement.loc,
            bases: baseExpressions(definition).map(({ base, node }) => ({ written: base.written, loc: node.loc, computed: base.kind === "dynamic" ? base.reason : null })),
            docstring: input.readDocstring(docstringOf(definition.body)),
            enclosingClass: owner?.facts ?? null,
            collected: false,
            unittest: false,
            tests: [],
          },
          methods: new Map(),
          definesInit: false,
          testAttribute: null,
          decorators: decoratorNames,
          insideFunction,
          nested: [],
        };
        classes.push(info);
        if (owner) {
          owner.nested.push(info);
        } else if (!insideFunction) {
          moduleClasses.set(info.facts.name, info);
        }
        if (definition.body) {
          walk(definition.body, info, insideFunction);
        }
      } else if (definition.type === "function_definition" && definition.name) {
        const fn: FunctionInfo = { name: definition.name.text, nameNode: definition.name, statement, body: definition.body, decorators: decoratorNames, key: {} };
        if (owner && !insideFunction) {
          owner.methods.set(fn.name, fn);
          owner.definesInit ||= fn.name === "__init__" || fn.name === "__new__";
        } else if (!owner && !insideFunction) {
          moduleFunctions.set(fn.name, fn);
        }
        if (definition.body) {
          walk(definition.body, null, true);
        }
      } else if (owner) {
        owner.testAttribute = testAttributeOf(definition) ?? owner.testAttribute;
      }
    }
  };
  walk(input.root, null, false);

  /** The class and its same-file bases, subclass first (a depth-first approximation of the MRO). */
  const lineage = (info: ClassInfo): ClassInfo[] => {
    const order: ClassInfo[] = [];
    const visit = (current: ClassInfo): void => {
      if (order.includes(current)) {
        return;
      }
      order.push(current);
      for (const base of current.facts.bases) {
        const baseInfo = moduleClasses.get(base.written);
        if (baseInfo) {
          visit(baseInfo);
        }
      }
    };
    visit(info);
    return order;
  };

  const tests: CollectedTest[] = [];
  const testFunction = (fn: FunctionInfo, id: string, cls: ClassFacts | null, definingClass: ClassFacts | null, classDecorators: readonly string[]): CollectedTest => ({
    name: fn.name,
    id,
    nameLoc: fn.nameNode.loc,
    loc: fn.statement.loc,
    cls,
    inherited: definingClass !== cls,
    definingClass,
    docstring: input.readDocstring(docstringOf(fn.body)),
    groupDocstrings: groupDocstrings(cls, definingClass),
    skipped: isSkipped(fn.decorators) || isSkipped(classDecorators),
    todo: false,
    parametrized: isParametrized(fn.decorators),
    definitionKey: fn.key,
  });

  const collectClass = (info: ClassInfo, idPrefix: string, outerDecorators: readonly string[]): void => {
    const facts = info.facts;
    const chain = lineage(info);
    facts.unittest = input.inheritsTestCase(facts);
    const testAttribute = chain.find((entry) => entry.testAttribute !== null)?.testAttribute ?? null;
    const hasInit = chain.some((entry) => entry.definesInit);
    // pytest collects a class that sets `__test__ = True` whatever its name.
    const named = testAttribute === true || matchesPrefixOrGlob(facts.name, input.settings.pythonClasses);
    facts.collected = testAttribute !== false && (facts.unittest || (named && !hasInit));
    if (!facts.collected) {
      return;
    }
    const id = `${idPrefix}${facts.name}`;
    const decorators = [...outerDecorators, ...info.decorators];
    const seen = new Set<string>();
    for (const entry of chain) {
      for (const fn of entry.methods.values()) {
        if (seen.has(fn.name)) {
          continue;
        }
        seen.add(fn.name);
        const isTest = facts.unittest
          ? fn.name.startsWith("test")
          : matchesPrefixOrGlob(fn.name, input.settings.pythonFunctions) && !isFixture(fn);
        if (isTest) {
          const test = testFunction(fn, `${id}::${fn.name}`, facts, entry.facts, decorators);
          facts.tests.push(test);
          tests.push(test);
        }
      }
    }
    if (!facts.unittest) {
      const nestedByName = new Map(info.nested.filter((nested) => !nested.insideFunction).map((nested) => [nested.facts.name, nested]));
      for (const nested of nestedByName.values()) {
        collectClass(nested, `${id}::`, decorators);
      }
    }
  };

  if (input.isTestModule) {
    for (const fn of moduleFunctions.values()) {
      if (matchesPrefixOrGlob(fn.name, input.settings.pythonFunctions) && !isFixture(fn)) {
        tests.push(testFunction(fn, fn.name, null, null, []));
      }
    }
    for (const info of moduleClasses.values()) {
      collectClass(info, "", []);
    }
  }
  const position = (test: CollectedTest): number => test.nameLoc.start.line * 1e6 + test.nameLoc.start.column;
  tests.sort((a, b) => position(a) - position(b));
  for (const info of classes) {
    info.facts.tests.sort((a, b) => position(a) - position(b));
  }
  return { classes: classes.map((info) => info.facts), tests };
}
