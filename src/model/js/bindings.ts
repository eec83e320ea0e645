/**
 * What the identifiers of a JS/TS file refer to, as qualified names (`sinon.stub`, `vi.fn`, `msw.http`),
 * found through ESLint's scope manager: imports, `require` (its name computed from constants if need
 * be), aliases and destructuring of those, and the globals test runners provide (`jest`, `vi`,
 * `describe`, `it`, ...), also when read off the global object (`globalThis.vi`). A local variable of the
 * same name is a different variable, so it is never confused with them.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Loc, ModuleReference } from "../test-file-model.js";

type Variable = TSESLint.Scope.Variable;
type Node = TSESTree.Node;

/** Modules whose exports are the test runner's own objects: `import { vi } from "vitest"` binds `vi`. */
const RUNNER_MODULES = new Set([
  "vitest", "@jest/globals", "@playwright/test", "playwright/test", "mocha", "node:test", "bun:test",
  "@testdeck/mocha", "@testdeck/jest", "@testdeck/vitest", "mocha-typescript",
]);

/** Globals of Jest, Vitest (with globals), Mocha, Jasmine and Playwright's test runner. */
export const RUNNER_GLOBALS = new Set([
  "jest", "vi", "describe", "fdescribe", "xdescribe", "suite", "context", "xcontext", "it", "fit", "xit", "test",
  "xtest", "specify", "xspecify",
]);

export interface JsBindings {
  /** The qualified name each reference to a known import or global denotes. */
  qualified: Map<TSESTree.Identifier, string>;
  /** Imports (static, `require`, dynamic, re-exports) as module references, one per imported name. */
  imports: ModuleReference[];
  /** Names taken out of a known object by destructuring (`const { fn } = vi`), as uses. */
  destructured: ModuleReference[];
  /** Module specifiers the file imports, with where. */
  modules: { module: string; loc: Loc }[];
}

/** `__mocks__` folders are one module for the rules, whatever the path to them. */
function moduleName(specifier: string): string {
  return /(?:^|\/)__mocks__(?:\/|$)/u.test(specifier) ? "__mocks__" : specifier;
}

/** Test runners' modules, Playwright's component-testing packages (`@playwright/experimental-ct-react`) included. */
function isRunnerModule(module: string): boolean {
  return RUNNER_MODULES.has(module) || module.startsWith("@playwright/experimental-ct-");
}

/** What importing `imported` from `specifier` denotes; "" for a runner module's namespace. */
function qualify(specifier: string, imported: string | null): string {
  const module = moduleName(specifier);
  if (isRunnerModule(module)) {
    if (module === "node:test" && imported === "mock") {
      return "node:test.mock";
    }
    // node:test's default export is its `test` function (`import test from "node:test"`).
    if (module === "node:test" && imported === "default") {
      return "test";
    }
    return imported ?? "";
  }
  return imported === null || imported === "default" ? module : `${module}.${imported}`;
}

export function join(qualifier: string, member: string): string {
  return qualifier === "" ? member : `${qualifier}.${member}`;
}

function stringValue(node: Node | null | undefined): string | null {
  if (node?.type === "Literal" && typeof node.value === "string") {
    return node.value;
  }
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** The property names read off `identifier` (`vi.fn.mockReturnValue` → ["fn", "mockReturnValue"]) and the outermost node. */
export function memberChain(identifier: TSESTree.Identifier): { members: string[]; end: Node } {
  const members: string[] = [];
  let end: Node = identifier;
  for (;;) {
    const parent: Node = end.parent;
    if (parent.type === "ChainExpression" || (isTypeWrapper(parent) && parent.expression === end)) {
      end = parent;
      continue;
    }
    if (parent.type !== "MemberExpression" || parent.object !== end) {
      return { members, end };
    }
    const name = parent.computed ? stringValue(parent.property) : parent.property.type === "Identifier" ? parent.property.name : null;
    if (name === null) {
      return { members, end };
    }
    members.push(name);
    end = parent;
  }
}

/** TypeScript-only wrappers that leave the value as it is: `vi!`, `vi as any`, `vi satisfies X`, `<any>vi`. */
function isTypeWrapper(node: Node): node is TSESTree.TSNonNullExpression | TSESTree.TSAsExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSTypeAssertion {
  return node.type === "TSNonNullExpression" || node.type === "TSAsExpression" || node.type === "TSSatisfiesExpression" || node.type === "TSTypeAssertion";
}

/** How deep a constant string may be built from other constants (`const a = b + "x"`). */
const MAX_CONSTANT_DEPTH = 8;

/**
 * The string an expression always evaluates to, when a reader can tell: a literal, a template, or `+` of
 * those, and a `const` bound to one (`const lib = "si" + "non"; require(lib)`). Null for anything else.
 */
function constantString(node: Node | null | undefined, sourceCode: TSESLint.SourceCode, depth = 0): string | null {
  if (!node || depth > MAX_CONSTANT_DEPTH) {
    return null;
  }
  switch (node.type) {
    case "Literal":
      return typeof node.value === "string" ? node.value : null;
    case "TemplateLiteral": {
      let text = node.quasis[0]?.value.cooked ?? null;
      for (const [index, expression] of node.expressions.entries()) {
        const part = constantString(expression, sourceCode, depth + 1);
        const next = node.quasis[index + 1]?.value.cooked;
        text = text === null || part === null || next === undefined || next === null ? null : text + part + next;
      }
      return text;
    }
    case "BinaryExpression": {
      if (node.operator !== "+") {
        return null;
      }
      const left = constantString(node.left, sourceCode, depth + 1);
      const right = left === null ? null : constantString(node.right, sourceCode, depth + 1);
      return left === null || right === null ? null : left + right;
    }
    case "Identifier": {
      const variable = sourceCode.getScope(node).references.find((reference) => reference.identifier === node)?.resolved;
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const declarator = definition?.node.type === "VariableDeclarator" ? definition.node : undefined;
      const constant = declarator?.parent.type === "VariableDeclaration" && declarator.parent.kind === "const" && declarator.id.type === "Identifier";
      return constant ? constantString(declarator.init, sourceCode, depth + 1) : null;
    }
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSNonNullExpression":
      return constantString(node.expression, sourceCode, depth + 1);
    default:
      return null;
  }
}

/** The module a `require(...)` call names, its argument computed from constants if need be; null for any other call. */
export function requiredModule(node: Node, sourceCode: TSESLint.SourceCode): string | null {
  if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "require") {
    return null;
  }
  return constantString(node.arguments[0], sourceCode);
}

/** Objects that hold the globals, so `globalThis.vi` is the global `vi` (when the file declares no such name). */
const GLOBAL_OBJECTS = new Set(["globalThis", "global", "window", "self"]);

export function collectBindings(sourceCode: TSESLint.SourceCode, declarators: readonly TSESTree.VariableDeclarator[], calls: readonly TSESTree.CallExpression[], imports: readonly TSESTree.ImportExpression[]): JsBindings {
  const { scopeManager } = sourceCode;
  const bindings: JsBindings = { qualified: new Map(), imports: [], destructured: [], modules: [] };
  /** References to the global object (`globalThis`, `window`, ...) where the file declares no such name. */
  const globalObjects = new Set<TSESTree.Identifier>();
  const bindVariable = (variable: Variable | undefined, qualified: string): void => {
    for (const reference of variable?.references ?? []) {
      // Writing the name (`const sinon = require("sinon")`, `s = other`) is no use of what it holds:
      // the declaration's value is reported where it is written.
      if (reference.identifier.type === "Identifier" && !reference.isWriteOnly()) {
        bindings.qualified.set(reference.identifier, qualified);
      }
    }
  };
  const declared = (node: Node, name: string): Variable | undefined =>
    scopeManager?.getDeclaredVariables(node).find((variable) => variable.name === name);
  const addImport = (specifier: string, imported: string | null, written: string, loc: Loc): void => {
    bindings.imports.push({ kind: "import", qualifiedName: imported === null ? moduleName(specifier) : qualify(specifier, imported) || moduleName(specifier), written, loc });
  };

  for (const statement of sourceCode.ast.body) {
    if (statement.type === "ImportDeclaration") {
      const specifier = statement.source.value;
      bindings.modules.push({ module: specifier, loc: statement.source.loc });
      if (statement.specifiers.length === 0) {
        addImport(specifier, null, specifier, statement.source.loc);
      }
      for (const imported of statement.specifiers) {
        const name =
          imported.type === "ImportSpecifier"
            ? imported.imported.type === "Identifier" ? imported.imported.name : imported.imported.value
            : imported.type === "ImportDefaultSpecifier" ? "default" : null;
        addImport(specifier, name, imported.local.name, imported.loc);
        bindVariable(declared(imported, imported.local.name), qualify(specifier, name));
      }
    } else if ((statement.type === "ExportNamedDeclaration" || statement.type === "ExportAllDeclaration") && statement.source) {
      bindings.modules.push({ module: statement.source.value, loc: statement.source.loc });
      addImport(statement.source.value, null, statement.source.value, statement.source.loc);
    }
  }

  // References to names no declaration of the file binds: left unresolved, or resolved to the implicit
  // globals of TypeScript's libs (typescript-eslint declares `globalThis` there).
  const implicitGlobals = [...(scopeManager?.globalScope?.set.values() ?? [])].filter((variable) => variable.defs.length === 0 && GLOBAL_OBJECTS.has(variable.name));
  for (const reference of [...(scopeManager?.globalScope?.through ?? []), ...implicitGlobals.flatMap((variable) => variable.references)]) {
    const { identifier } = reference;
    if (identifier.type === "Identifier" && RUNNER_GLOBALS.has(identifier.name)) {
      bindings.qualified.set(identifier, identifier.name);
    } else if (identifier.type === "Identifier" && GLOBAL_OBJECTS.has(identifier.name)) {
      globalObjects.add(identifier);
      // Read as a runner's global (`globalThis.vi.fn` is `vi.fn`), as "" is a runner module's namespace.
      if (RUNNER_GLOBALS.has(memberChain(identifier).members[0] ?? "")) {
        bindings.qualified.set(identifier, "");
      }
    }
  }

  for (const call of calls) {
    const specifier = requiredModule(call, sourceCode);
    if (specifier !== null) {
      bindings.modules.push({ module: specifier, loc: call.loc });
      addImport(specifier, null, specifier, call.loc);
    }
  }
  for (const expression of imports) {
    const specifier = constantString(expression.source, sourceCode);
    if (specifier !== null) {
      bindings.modules.push({ module: specifier, loc: expression.loc });
      addImport(specifier, null, specifier, expression.loc);
    }
  }

  // Declarators in source order, so an alias of an alias is known by the time it is used.
  for (const declarator of declarators) {
    // `const { vi } = globalThis`: only the runners' globals are taken to be what they are named.
    const fromGlobals = declarator.init?.type === "Identifier" && globalObjects.has(declarator.init);
    const value = declarator.init === null ? null : fromGlobals ? "" : qualifiedValue(declarator.init, bindings.qualified, sourceCode);
    if (value === null) {
      continue;
    }
    if (declarator.id.type === "Identifier") {
      if (!fromGlobals) {
        bindVariable(declared(declarator, declarator.id.name), value);
      }
    } else if (declarator.id.type === "ObjectPattern") {
      for (const property of declarator.id.properties) {
        if (property.type !== "Property" || property.computed || property.key.type !== "Identifier") {
          continue;
        }
        const target = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
        if (target.type === "Identifier" && (!fromGlobals || RUNNER_GLOBALS.has(property.key.name))) {
          const qualified = join(value, property.key.name);
          bindings.destructured.push({ kind: "use", qualifiedName: qualified, written: property.key.name, loc: property.loc });
          bindVariable(declared(declarator, target.name), qualified);
        }
      }
    }
  }
  return bindings;
}

/**
 * The qualified name a declarator's value denotes: `require("x")`, `require("x").y`, a known name or a
 * member chain on one (`vi`, `jest.fn`), or a runner's `extend` (`base.extend({...})` is a `test`).
 */
function qualifiedValue(init: TSESTree.Expression, qualified: ReadonlyMap<TSESTree.Identifier, string>, sourceCode: TSESLint.SourceCode): string | null {
  let node: Node = init;
  const members: string[] = [];
  for (;;) {
    if (node.type === "ChainExpression" || isTypeWrapper(node)) {
      node = node.expression;
    } else if (node.type === "AwaitExpression") {
      node = node.argument;
    } else if (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") {
      members.unshift(node.property.name);
      node = node.object;
    } else if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed && node.callee.property.type === "Identifier" && node.callee.property.name === "extend") {
      // Playwright: `const test = base.extend({...})` is a test function like `base`.
      node = node.callee.object;
    } else {
      break;
    }
  }
  let root: string | undefined;
  // A module's namespace, as with `import * as`: a runner's (`require("vitest")`) holds `vi`, `jest`, ...
  const required = requiredModule(node, sourceCode);
  const imported = node.type === "ImportExpression" ? constantString(node.source, sourceCode) : null;
  if (required !== null) {
    root = qualify(required, null);
  } else if (imported !== null) {
    // `const nock = await import("nock")`.
    root = qualify(imported, null);
  } else if (node.type === "Identifier") {
    root = qualified.get(node);
  }
  return root === undefined ? null : members.reduce(join, root);
}
