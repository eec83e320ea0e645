/**
 * What the base-class resolver needs to know of a Python module: its classes and their bases, and the
 * names its imports bind, as plain data (a summary must not keep its file's syntax tree alive).
 * Summaries of other project files are cached per path and re-read when the file's size or
 * modification time changes.
 */
import { readFileSync, statSync } from "node:fs";
import type { PyNode } from "../../../parsers/python/py-node.js";
import { toPyAst } from "../../../parsers/python/to-py-ast.js";
import { parsePythonTree } from "../../../parsers/python/tree-sitter.js";
import { readImports, type ImportBinding } from "./imports.js";
import { dottedName, unwrapDefinition } from "./syntax.js";

export interface ClassSummary {
  name: string;
  /** Base classes as dotted names; bases that are not names (calls, subscripts' values) are left out. */
  bases: string[];
}

export interface ModuleSummary {
  /** Absolute path of the module's file. */
  path: string;
  /** Module-level classes by name (the last definition wins, as in Python). */
  classes: Map<string, ClassSummary>;
  /** Module-level import bindings by local name. */
  imports: Map<string, ImportBinding>;
  /** `from m import *` statements. */
  starImports: ImportBinding[];
}

/** Base class names of a `class_definition`: `Base`, `pkg.Base`, `Generic[T]` → `Generic`; keywords skipped. */
export function baseNodes(classNode: PyNode): { written: string; node: PyNode }[] {
  const bases: { written: string; node: PyNode }[] = [];
  for (const argument of classNode.superclasses?.children ?? []) {
    const target = argument.type === "subscript" ? argument.value : argument;
    const written = target ? dottedName(target) : null;
    if (written !== null) {
      bases.push({ written, node: argument });
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

export function summarizeModule(path: string, root: PyNode): ModuleSummary {
  const summary: ModuleSummary = { path, classes: new Map(), imports: new Map(), starImports: [] };
  for (const statement of namespaceStatements(root)) {
    const { definition } = unwrapDefinition(statement);
    if (definition.type === "class_definition") {
      const name = definition.name?.text;
      if (name) {
        summary.classes.set(name, { name, bases: baseNodes(definition).map((base) => base.written) });
      }
    } else if (definition.type === "import_statement" || definition.type === "import_from_statement") {
      for (const { node: _written, ...binding } of readImports(definition)) {
        if (binding.local === null) {
          summary.starImports.push(binding);
        } else {
          summary.imports.set(binding.local, binding);
        }
      }
    }
  }
  return summary;
}

const summaries = new Map<string, { stamp: string; summary: ModuleSummary }>();

function fileStamp(path: string): string | null {
  let stat;
  try {
    // Most candidate paths do not exist; not throwing for them matters when thousands are probed.
    stat = statSync(path, { throwIfNoEntry: false });
  } catch {
    // A path built from an import the system cannot look up (a name too long, a NUL byte) names no file.
    return null;
  }
  return stat?.isFile() ? `${stat.mtimeMs}:${stat.size}` : null;
}

/** The summary of another project file, or null when it cannot be read. */
export function summarizeFile(path: string): ModuleSummary | null {
  const stamp = fileStamp(path);
  if (stamp === null) {
    return null;
  }
  const cached = summaries.get(path);
  if (cached?.stamp === stamp) {
    return cached.summary;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8").replace(/^\uFEFF/u, "");
  } catch {
    return null;
  }
  // Only module-level classes and imports matter here, so class and function bodies are skipped.
  const summary = summarizeModule(path, toPyAst(parsePythonTree(text), text, { shallow: true }).ast);
  summaries.set(path, { stamp, summary });
  return summary;
}
