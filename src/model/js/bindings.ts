/**
 * What the identifiers of a JS/TS file refer to, as qualified names (`sinon.stub`, `vi.fn`, `msw.http`),
 * found through ESLint's scope manager: imports, `require`, aliases and destructuring of those, and the
 * globals test runners provide (`jest`, `vi`, `describe`, `it`, ...). A local variable of the same name
 * is a different variable, so it is never confused with them.
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

export function isRequireCall(node: Node): node is TSESTree.CallExpression {
  return node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "require" && stringValue(node.arguments[0]) !== null;
}

export function collectBindings(sourceCode: TSESLint.SourceCode, declarators: readonly TSESTree.VariableDeclarator[], calls: readonly TSESTree.CallExpression[], imports: readonly TSESTree.ImportExpression[]): JsBindings {
  const { scopeManager } = sourceCode;
  const bindings: JsBindings = { qualified: new Map(), imports: [], destructured: [], modules: [] };
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

  for (const reference of scopeManager?.globalScope?.through ?? []) {
    const { identifier } = reference;
    if (identifier.type === "Identifier" && RUNNER_GLOBALS.has(identifier.name)) {
      bindings.qualified.set(identifier, identifier.name);
    }
  }

  for (const call of calls) {
    if (isRequireCall(call)) {
      const specifier = stringValue(call.arguments[0])!;
      bindings.modules.push({ module: specifier, loc: call.loc });
      addImport(specifier, null, specifier, call.loc);
    }
  }
  for (const expression of imports) {
    const specifier = stringValue(expression.source);
    if (specifier !== null) {
      bindings.modules.push({ module: specifier, loc: expression.loc });
      addImport(specifier, null, specifier, expression.loc);
    }
  }

  // Declarators in source order, so an alias of an alias is known by the time it is used.
  for (const declarator of declarators) {
    const value = declarator.init === null ? null : qualifiedValue(declarator.init, bindings.qualified);
    if (value === null) {
      continue;
    }
    if (declarator.id.type === "Identifier") {
      bindVariable(declared(declarator, declarator.id.name), value);
    } else if (declarator.id.type === "ObjectPattern") {
      for (const property of declarator.id.properties) {
        if (property.type !== "Property" || property.computed || property.key.type !== "Identifier") {
          continue;
        }
        const target = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
        if (target.type === "Identifier") {
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
function qualifiedValue(init: TSESTree.Expression, qualified: ReadonlyMap<TSESTree.Identifier, string>): string | null {
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
  if (isRequireCall(node)) {
    root = qualify(stringValue(node.arguments[0])!, null);
  } else if (node.type === "ImportExpression" && stringValue(node.source) !== null) {
    // `const nock = await import("nock")`.
    root = qualify(stringValue(node.source)!, null);
  } else if (node.type === "Identifier") {
    root = qualified.get(node);
  }
  return root === undefined ? null : members.reduce(join, root);
}
