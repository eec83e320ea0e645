/**
 * What Python import statements bind, read without importing anything.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";

/** What an import binds, as plain data: kept in cross-file summaries, so it holds no syntax node. */
export interface ImportBinding {
  /** The name bound in the importing scope; null for `from m import *`. */
  local: string | null;
  /** The module named by the statement (`unittest.mock` in `from unittest.mock import patch`), without leading dots. */
  module: string;
  /** Leading dots of a relative import (0 for absolute). */
  level: number;
  /** The member imported by a `from` import; null for `import a.b`. */
  member: string | null;
  /** What the local name refers to: `import a.b` binds `a`; `import a.b as c` binds `a.b`; `from a import b` binds `a.b`. */
  boundTo: string;
  /** What the statement makes Python load and name (`a.b`, `a.b.c`), used to report imports. */
  imported: string;
}

export interface PyImport extends ImportBinding {
  /** The imported name as written (`unittest.mock`, `patch`, `MagicMock as MM`). */
  node: PyNode;
}

function relativeParts(node: PyNode): { level: number; module: string } {
  if (node.type !== "relative_import") {
    return { level: 0, module: node.text };
  }
  const prefix = node.children.find((child) => child.type === "import_prefix");
  const name = node.children.find((child) => child.type === "dotted_name");
  return { level: prefix ? prefix.text.length : 0, module: name ? name.text : "" };
}

function joinDotted(left: string, right: string): string {
  return left === "" ? right : `${left}.${right}`;
}

/** The bindings of an `import_statement`, `import_from_statement` or `future_import_statement`. */
export function readImports(statement: PyNode): PyImport[] {
  const imports: PyImport[] = [];
  if (statement.type === "import_statement") {
    for (const name of statement.childrenFor("name")) {
      if (name.type === "aliased_import") {
        const dotted = name.name?.text ?? "";
        imports.push({ local: name.alias?.text ?? dotted, module: dotted, level: 0, member: null, boundTo: dotted, imported: dotted, node: name });
      } else {
        const dotted = name.text;
        const top = dotted.split(".", 1)[0]!;
        imports.push({ local: top, module: dotted, level: 0, member: null, boundTo: top, imported: dotted, node: name });
      }
    }
    return imports;
  }
  if (statement.type !== "import_from_statement") {
    return imports;
  }
  const moduleNode = statement.module_name;
  if (!moduleNode) {
    return imports;
  }
  const { level, module } = relativeParts(moduleNode);
  const prefix = ".".repeat(level);
  const wildcard = statement.children.find((child) => child.type === "wildcard_import");
  if (wildcard) {
    imports.push({ local: null, module, level, member: null, boundTo: prefix + module, imported: prefix + module, node: wildcard });
    return imports;
  }
  for (const name of statement.childrenFor("name")) {
    const member = name.type === "aliased_import" ? (name.name?.text ?? "") : name.text;
    const local = name.type === "aliased_import" ? (name.alias?.text ?? member) : member;
    const qualified = prefix + joinDotted(module, member);
    imports.push({ local, module, level, member, boundTo: qualified, imported: qualified, node: name });
  }
  return imports;
}

/**
 * The module to read and the name to look up in it for a name reached through an import binding and
 * attributes after it: `from pkg import mod` + `mod.Base` → (`pkg.mod`, `Base`); `import a.b` +
 * `a.b.Base` → (`a.b`, `Base`). Null when the chain names a module rather than something in one.
 */
export function importTarget(binding: ImportBinding, rest: readonly string[]): { module: string; name: string } | null {
  const dotted = binding.member === null ? binding.boundTo : binding.module === "" ? binding.member : `${binding.module}.${binding.member}`;
  const segments = [...dotted.split("."), ...rest];
  const split = segments.length - 1;
  if (split < 1 || (binding.member !== null && split < binding.module.split(".").filter(Boolean).length)) {
    return null;
  }
  return { module: segments.slice(0, split).join("."), name: segments[split]! };
}
