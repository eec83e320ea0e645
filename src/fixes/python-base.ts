/**
 * The edits that put a required base class in place of a `unittest.TestCase` base of a Python test
 * class: the base as the file can write it, and the import it needs. The rule knows where a base lives
 * only from a dotted name in `bases` (`test_framework.ssot.SSotBaseTestCase`: module `test_framework.ssot`),
 * or when the file already binds it; a plain name the file does not bind gets no edit.
 */
import type { PyNode } from "../../parsers/python/py-node.js";
import { readImports } from "../model/python/imports.js";
import { namespaceStatements } from "../model/python/module-summary.js";
import { unwrapDefinition } from "../model/python/syntax.js";
import { insertAt, lineBreakOf, type TextEdit } from "./text-edits.js";

/** The base as the class statement writes it, and the import to add first (null: the file binds it already). */
export interface BaseToWrite {
  written: string;
  importFrom: { module: string; name: string } | null;
}

const IMPORT_TYPES = new Set(["import_statement", "import_from_statement", "future_import_statement"]);

/** The names the module binds at its top level (in `if`/`try` blocks too), with what imports bind them to. */
function moduleBindings(root: PyNode): { imports: Map<string, string>; names: Set<string> } {
  const imports = new Map<string, string>();
  const names = new Set<string>();
  for (const statement of namespaceStatements(root)) {
    const { definition } = unwrapDefinition(statement);
    if (definition.type === "import_statement" || definition.type === "import_from_statement") {
      for (const binding of readImports(definition)) {
        if (binding.local !== null) {
          names.add(binding.local);
          // A relative import names no module a dotted base could name.
          if (binding.level === 0) {
            imports.set(binding.local, binding.boundTo);
          }
        }
      }
    } else if ((definition.type === "class_definition" || definition.type === "function_definition") && definition.name) {
      names.add(definition.name.text);
    } else if (definition.type === "expression_statement" && definition.children[0]?.type === "assignment") {
      const target = definition.children[0].left;
      if (target?.type === "identifier") {
        names.add(target.text);
      }
    }
  }
  return { imports, names };
}

/**
 * How the module `root` can write the required base `required` (plain or dotted, as `bases` gives it):
 * through a name an import binds to it or to a module it is in, by its own name when the file binds that,
 * or, for a dotted name, imported from its module; null when the file cannot be told where it lives.
 */
export function baseToWrite(root: PyNode, required: string): BaseToWrite | null {
  const { imports, names } = moduleBindings(root);
  if (!required.includes(".")) {
    return names.has(required) ? { written: required, importFrom: null } : null;
  }
  let best: { written: string; length: number } | null = null;
  for (const [local, boundTo] of imports) {
    // `from m import Base` or `import m.Base as Base`; a base named by the end of its name (`ssot.Base` for `pkg.ssot.Base`).
    if (boundTo === required || boundTo.endsWith(`.${required}`)) {
      return { written: local, importFrom: null };
    }
    // `import pkg.ssot`, `from pkg import ssot`: the base read off the module.
    if (required.startsWith(`${boundTo}.`) && (best === null || boundTo.length > best.length)) {
      best = { written: `${local}${required.slice(boundTo.length)}`, length: boundTo.length };
    }
  }
  if (best) {
    return { written: best.written, importFrom: null };
  }
  const name = required.slice(required.lastIndexOf(".") + 1);
  // Another binding of the same name would be shadowed, or would shadow the import.
  return names.has(name) ? null : { written: name, importFrom: { module: required.slice(0, required.lastIndexOf(".")), name } };
}

/**
 * The edit that adds `from module import name` after the module's last top-level import before `use` (the
 * offset of the statement that needs it), or else before its first statement.
 */
export function addImport(text: string, root: PyNode, module: string, name: string, use: number): TextEdit {
  const lineBreak = lineBreakOf(text);
  const statement = `from ${module} import ${name}`;
  const lastImport = root.children.findLast((child) => IMPORT_TYPES.has(child.type) && child.end <= use);
  if (lastImport) {
    return insertAt(lastImport.end, `${lineBreak}${statement}`);
  }
  // After the module docstring, if any: it must stay the first statement.
  const statements = root.children.filter((child) => child.type !== "comment");
  const [first, second] = statements;
  const isDocstring = first?.type === "expression_statement" && first.children.length === 1 && first.children[0]!.type === "string";
  const before = isDocstring ? second : first;
  return before ? insertAt(before.start, `${statement}${lineBreak}${lineBreak}`) : insertAt(text.length, `${lineBreak}${statement}${lineBreak}`);
}
