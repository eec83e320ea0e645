/**
 * The plain-object Python syntax tree ESLint walks. tree-sitter's own nodes are native handles whose
 * every property is a native call and whose `Object.keys` are indices, so each file's tree is copied
 * once into these objects and the native tree is dropped.
 */
import type { SourceText } from "./source-text.js";
import type { PyLocation } from "./py-node-types.js";

export type { PyLocation, PyPosition } from "./py-node-types.js";

/** tree-sitter-python's field names, each readable as a property (`node.name`, `node.body`, ...). */
export const PY_FIELD_NAMES = [
  "alias", "alternative", "argument", "arguments", "attribute", "body", "cause", "code", "condition",
  "consequence", "definition", "expression", "format_specifier", "function", "guard", "key", "left",
  "module_name", "name", "object", "operator", "operators", "parameters", "return_type", "right",
  "subject", "subscript", "superclasses", "type_conversion", "type_parameters", "value",
] as const;

export type PyFieldName = (typeof PY_FIELD_NAMES)[number];

/** Nodes whose text is a name (or dotted names), which Python normalizes. */
const NAME_TYPES: ReadonlySet<string> = new Set(["identifier", "dotted_name", "relative_import"]);

/**
 * Shared by every leaf, so the half of the nodes that have no children allocate no array.
 */
const NO_CHILDREN: readonly PyNode[] = Object.freeze([]);

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the getters defined on the prototype below implement the merged interface.
export class PyNode {
  /** tree-sitter's named node type (`class_definition`, `identifier`, `ERROR`, ...). */
  readonly type: string;
  /** The field this node fills in its parent (`name`, `body`, `superclasses`, ...), if any. */
  readonly field: string | null;
  /** Named children in source order, comments included. The only visitor key. */
  children: readonly PyNode[] = NO_CHILDREN;
  parent: PyNode | null;
  readonly #start: number;
  readonly #end: number;
  readonly #source: SourceText;
  #range: [number, number] | undefined;
  #loc: PyLocation | undefined;

  constructor(type: string, field: string | null, parent: PyNode | null, start: number, end: number, source: SourceText) {
    this.type = type;
    this.field = field;
    this.parent = parent;
    this.#start = start;
    this.#end = end;
    this.#source = source;
  }

  /** UTF-16 offset of the node's first character, without allocating its range. */
  get start(): number {
    return this.#start;
  }

  /** UTF-16 offset of the character after the node, without allocating its range. */
  get end(): number {
    return this.#end;
  }

  /** UTF-16 offsets of the node's first character and of the character after it; made on first use. */
  get range(): [number, number] {
    this.#range ??= [this.#start, this.#end];
    return this.#range;
  }

  /** Adds a child while the tree is built. */
  appendChild(child: PyNode): void {
    if (this.children === NO_CHILDREN) {
      this.children = [child];
    } else {
      (this.children as PyNode[]).push(child);
    }
  }

  /** Computed on first use: most nodes are never reported, so most locations are never needed. */
  get loc(): PyLocation {
    this.#loc ??= { start: this.#source.positionOf(this.#start), end: this.#source.positionOf(this.#end) };
    return this.#loc;
  }

  /**
   * The node's source text. Names are as Python reads them: it normalizes identifiers to NFKC, so
   * `ｍｏｃｋ` and `test_ﬁle` are `mock` and `test_file`.
   */
  get text(): string {
    const text = this.#source.text.slice(this.#start, this.#end);
    return this.#source.nonAscii && NAME_TYPES.has(this.type) ? text.normalize("NFKC") : text;
  }

  /** The first child filling `field`. */
  child(field: string): PyNode | undefined {
    return this.children.find((child) => child.field === field);
  }

  /** Every child filling `field`. */
  childrenFor(field: string): PyNode[] {
    return this.children.filter((child) => child.field === field);
  }
}

// Field accessors live on the prototype, so selectors like `function_definition[name.text=/^test_/]`
// work while the only enumerable child key stays `children` (no node is visited twice).
for (const field of PY_FIELD_NAMES) {
  Object.defineProperty(PyNode.prototype, field, {
    get(this: PyNode) {
      return this.child(field);
    },
    configurable: true,
  });
}

// Declaration merging gives the prototype getters their types.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- see the class.
export interface PyNode extends Partial<Record<PyFieldName, PyNode>> {}
