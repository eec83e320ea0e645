/**
 * What in a JS/TS file may assert, as plain data: every call by its callee's dotted name (qualified
 * through imports where they bind its first name), every `.should` access (chai, Cypress), and every
 * call of a helper function of the file (a function declaration, a variable holding a function, a
 * method of the same class called on `this`), with where that helper is. A function passed by name
 * (`it("checks", checkHealth)`, `items.forEach(check)`) counts as called. Which calls are assertions is
 * the policy's decision (see src/policies/assertions.ts).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { CallFact, Loc } from "../test-file-model.js";
import { join } from "./bindings.js";

type Node = TSESTree.Node;

export interface JsChecks {
  /** Every call, in source order. */
  calls: CallFact[];
  /** Every `.should` access, in source order. */
  shoulds: Loc[];
  /** Every call (or pass by name) of a helper of the file: where, the helper's name and its whole definition. */
  helperCalls: { loc: Loc; name: string; helper: Loc }[];
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function isFunctionNode(node: Node | null | undefined): node is FunctionNode {
  return node?.type === "FunctionDeclaration" || node?.type === "FunctionExpression" || node?.type === "ArrowFunctionExpression";
}

/** A callee's dotted name through members and calls (`request(app).get("/").expect` → `request.get.expect`), and the identifier it starts at. */
export function calleeName(callee: Node): { written: string; root: TSESTree.Identifier | null } | null {
  const parts: string[] = [];
  let node: Node = callee;
  for (;;) {
    if (node.type === "MemberExpression") {
      const property = !node.computed && node.property.type === "Identifier" ? node.property.name : node.property.type === "Literal" && typeof node.property.value === "string" ? node.property.value : null;
      if (property === null) {
        return null;
      }
      parts.push(property);
      node = node.object;
    } else if (node.type === "CallExpression") {
      node = node.callee;
    } else if (node.type === "TaggedTemplateExpression") {
      node = node.tag;
    } else if (node.type === "ChainExpression" || node.type === "TSNonNullExpression" || node.type === "TSAsExpression" || node.type === "AwaitExpression") {
      node = node.type === "AwaitExpression" ? node.argument : node.expression;
    } else {
      break;
    }
  }
  if (node.type === "ThisExpression") {
    parts.push("this");
    return { written: parts.reverse().join("."), root: null };
  }
  if (node.type !== "Identifier") {
    return null;
  }
  parts.push(node.name);
  return { written: parts.reverse().join("."), root: node };
}

/** The function a variable holds when one definition binds it to a function: `function f() {}`, `const f = () => {}`. */
function heldFunction(variable: TSESLint.Scope.Variable): FunctionNode | null {
  const [definition] = variable.defs;
  if (variable.defs.length !== 1 || !definition) {
    return null;
  }
  if (definition.type === "FunctionName" && isFunctionNode(definition.node)) {
    return definition.node;
  }
  if (definition.type === "Variable" && isFunctionNode(definition.node.init)) {
    return definition.node.init;
  }
  return null;
}

/** The method `name` of the class whose body holds `node`, if any. */
function ownMethod(node: Node, name: string): TSESTree.MethodDefinition | null {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === "ClassBody") {
      return current.body.find((member): member is TSESTree.MethodDefinition => member.type === "MethodDefinition" && member.key.type === "Identifier" && member.key.name === name) ?? null;
    }
  }
  return null;
}

/**
 * @param calls every call of the file, in source order.
 * @param shoulds every `.should` member access, in source order.
 * @param qualified what each identifier bound by an import or a runner's global denotes.
 */
export function collectJsChecks(sourceCode: TSESLint.SourceCode, calls: readonly TSESTree.CallExpression[], shoulds: readonly TSESTree.MemberExpression[], qualified: ReadonlyMap<TSESTree.Identifier, string>): JsChecks {
  const checks: JsChecks = { calls: [], shoulds: shoulds.map((node) => node.property.loc), helperCalls: [] };
  for (const call of calls) {
    const name = calleeName(call.callee);
    if (name === null) {
      continue;
    }
    const root = name.root === null ? undefined : qualified.get(name.root);
    const rest = name.written.split(".").slice(1);
    checks.calls.push({ written: name.written, qualified: root === undefined ? null : rest.reduce(join, root), loc: call.callee.loc });
    if (call.callee.type === "MemberExpression" && call.callee.object.type === "ThisExpression" && call.callee.property.type === "Identifier") {
      const method = ownMethod(call, call.callee.property.name);
      if (method) {
        checks.helperCalls.push({ loc: call.loc, name: `this.${call.callee.property.name}`, helper: method.loc });
      }
    }
  }
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      const helper = heldFunction(variable);
      if (!helper) {
        continue;
      }
      for (const reference of variable.references) {
        const { identifier } = reference;
        const parent = identifier.parent;
        const called = parent.type === "CallExpression" && (parent.callee === identifier || parent.arguments.includes(identifier as TSESTree.Expression));
        if (called) {
          checks.helperCalls.push({ loc: identifier.loc, name: variable.name, helper: helper.loc });
        }
      }
    }
  }
  checks.helperCalls.sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
  return checks;
}
