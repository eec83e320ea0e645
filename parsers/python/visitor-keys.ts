/**
 * Visitor keys and selector classes built from tree-sitter-python's node-types.json.
 */
import { pythonNodeTypes } from "./tree-sitter.js";

/** Every named node type (plus ERROR, which node-types.json omits) has `children` as its only key. */
export function buildVisitorKeys(): Record<string, string[]> {
  const keys: Record<string, string[]> = { module: ["children"], ERROR: ["children"] };
  for (const info of pythonNodeTypes()) {
    if (info.named && !info.type.startsWith("_")) {
      keys[info.type] = ["children"];
    }
  }
  return keys;
}

/**
 * Selector classes (`:statement`, `:expression`, `:primary_expression`, `:parameter`, `:pattern`,
 * `:compound_statement`, `:simple_statement`) map to the grammar's supertypes, expanded transitively.
 */
export function buildSelectorClasses(): Map<string, Set<string>> {
  const subtypes = new Map<string, string[]>();
  for (const info of pythonNodeTypes()) {
    if (info.subtypes) {
      subtypes.set(info.type, info.subtypes.filter((sub) => sub.named).map((sub) => sub.type));
    }
  }
  const expand = (supertype: string, into: Set<string>): Set<string> => {
    for (const sub of subtypes.get(supertype) ?? []) {
      if (subtypes.has(sub)) {
        expand(sub, into);
      } else {
        into.add(sub);
      }
    }
    return into;
  };
  const classes = new Map<string, Set<string>>();
  for (const supertype of subtypes.keys()) {
    classes.set(supertype.replace(/^_/u, ""), expand(supertype, new Set()));
  }
  classes.set("statement", new Set([...classes.get("compound_statement")!, ...classes.get("simple_statement")!]));
  return classes;
}
