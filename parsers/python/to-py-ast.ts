/**
 * Converts a tree-sitter tree into PyNode objects in one TreeCursor pass (several times faster than
 * walking `namedChildren`). Every cursor property is a native call, so per named node it reads only
 * the type and field ids (their names are cached per id), the start and end offsets; lines and
 * columns come later, from the file's line index, for the few nodes whose location is asked for.
 */
import type Parser from "tree-sitter";
import { SourceText } from "./source-text.js";
import { PyNode } from "./py-node.js";
import { SUSPECT_FILTERS, SUSPECT_TYPES, type SuspectFilter } from "./syntax-check/suspects.js";
import { pythonNodeTypes } from "./tree-sitter.js";

export interface PySyntaxError {
  message: string;
  /** 1-based. */
  line: number;
  /** 0-based, UTF-16 code units. */
  column: number;
}

export interface PyConversion {
  ast: PyNode;
  comments: PyNode[];
  /** The first ERROR or MISSING node in source order, if the file does not parse. */
  syntaxError: PySyntaxError | null;
  /**
   * Nodes of the types that may hide an error tree-sitter accepts, by type: `suspects[i]` holds those
   * of SUSPECT_TYPES[i] (syntax-check/suspects.ts), so each type's test runs over its own list.
   */
  suspects: PyNode[][];
  /** The deepest nesting of nodes: CPython refuses brackets nested past 200 levels, tree-sitter does not. */
  depth: number;
}

export interface ConversionOptions {
  /** Leave out the bodies of classes and functions: enough to read what a module's names are bound to. */
  shallow?: boolean;
}

interface TypeFacts {
  name: string;
  named: boolean;
  /** Never has children, so the cursor need not try to descend (saves a native call per token). */
  leaf: boolean;
  /** Some child of this type fills a field, so children's field ids are worth reading. */
  hasFields: boolean;
  /** The index of the type in SUSPECT_TYPES, or -1. */
  suspect: number;
  /** Which nodes of a suspect type are worth a test, decided from their text (null: all of them). */
  collect: SuspectFilter | null;
}

/** node-types.json's answer for each named type: which have children or fields at all. */
const grammarShapes = new Map<string, { leaf: boolean; hasFields: boolean }>(
  pythonNodeTypes()
    .filter((info) => info.named)
    .map((info) => {
      const hasFields = Object.keys(info.fields ?? {}).length > 0;
      return [info.type, { leaf: !hasFields && !info.children && !info.subtypes, hasFields }];
    }),
);

// Facts by type id, filled on first sight: ids are stable for one grammar, names cost a native call.
const typeFacts: TypeFacts[] = [];
const fieldNames: string[] = [];

function factsOf(cursor: Parser.TreeCursor): TypeFacts {
  const known = typeFacts[cursor.nodeTypeId];
  if (known) {
    return known;
  }
  const name = cursor.nodeType;
  const named = cursor.nodeIsNamed;
  const shape = named ? grammarShapes.get(name) : undefined;
  // Anonymous nodes are tokens; named types missing from node-types.json (ERROR) are not assumed leaves.
  const suspect = named ? SUSPECT_TYPES.indexOf(name) : -1;
  const facts = { name, named, leaf: named ? (shape?.leaf ?? false) : true, hasFields: shape?.hasFields ?? !named, suspect, collect: SUSPECT_FILTERS[suspect] ?? null };
  typeFacts[cursor.nodeTypeId] = facts;
  return facts;
}

function describeError(cursor: Parser.TreeCursor): string {
  if (cursor.nodeIsMissing) {
    return `Missing ${JSON.stringify(cursor.nodeType)}.`;
  }
  const excerpt = cursor.nodeText.split("\n", 1)[0]!.trim().slice(0, 40);
  return excerpt === "" ? "Invalid syntax." : `Invalid syntax near ${JSON.stringify(excerpt)}.`;
}

interface LocatedError extends PySyntaxError {
  range: [number, number];
}

/**
 * The error to report: the first, in source order, that holds no other error. tree-sitter may wrap a
 * whole module in an ERROR node when one line deep inside it fails; the inner error marks that line.
 */
function innermostFirst(errors: readonly LocatedError[]): PySyntaxError | null {
  for (let i = 0; i < errors.length; i++) {
    const error = errors[i]!;
    const next = errors[i + 1];
    if (!next || next.range[0] >= error.range[1] || next.range[1] > error.range[1]) {
      return { message: error.message, line: error.line, column: error.column };
    }
  }
  return null;
}

export function toPyAst(tree: Parser.Tree, text: string, options: ConversionOptions = {}): PyConversion {
  const source = new SourceText(text);
  const root = new PyNode("module", null, null, 0, text.length, source);
  const comments: PyNode[] = [];
  const lookForErrors = tree.rootNode.hasError;
  const shallow = options.shallow === true;
  const errors: LocatedError[] = [];
  const suspects: PyNode[][] = SUSPECT_TYPES.map(() => []);
  let depth = 0;

  const cursor = tree.walk();
  if (lookForErrors && cursor.nodeType === "ERROR") {
    // tree-sitter gave up on the whole file: the root itself is the error.
    errors.push({ message: describeError(cursor), line: 1, column: 0, range: [0, text.length] });
  }
  if (!cursor.gotoFirstChild()) {
    return { ast: root, comments, syntaxError: innermostFirst(errors), suspects, depth };
  }
  // `parents[i]` is the nearest named ancestor at cursor depth i + 1; `fielded[i]` whether the cursor
  // parent at that depth has fields.
  const parents: PyNode[] = [];
  const fielded: boolean[] = [];
  let parent = root;
  let parentHasFields = false;
  for (;;) {
    const facts = factsOf(cursor);
    let node: PyNode | null = null;
    if (lookForErrors && (facts.name === "ERROR" || cursor.nodeIsMissing)) {
      const start = cursor.startPosition;
      const startIndex = cursor.startIndex;
      // A missing token can sit between the "\r" and "\n" of a line end, where ESLint's line, which ends
      // before the "\r", has no column: it is reported at the line's end instead.
      const column = text[startIndex - 1] === "\r" && text[startIndex] === "\n" ? start.column - 1 : start.column;
      errors.push({ message: describeError(cursor), line: start.row + 1, column, range: [startIndex, cursor.endIndex] });
    }
    if (facts.named) {
      const fieldId = parentHasFields ? cursor.currentFieldId : 0;
      // The binding answers "no field" with undefined rather than 0.
      const field = fieldId ? (fieldNames[fieldId] ??= cursor.currentFieldName) : null;
      node = new PyNode(facts.name, field, parent, cursor.startIndex, cursor.endIndex, source);
      parent.appendChild(node);
      if (facts.name === "comment") {
        comments.push(node);
      } else if (facts.suspect >= 0 && (facts.collect === null || facts.collect(text, node.start, node.end))) {
        suspects[facts.suspect]!.push(node);
      }
    }
    // A tree with errors may hang children under any node, so there every node is asked for children.
    const mayHaveChildren = lookForErrors || !facts.leaf;
    // Module-level statements nested in `if`/`try`/`with` blocks still bind module names: only definitions' bodies go.
    const skipBody = shallow && node?.type === "block" && node.field === "body" && (parent.type === "function_definition" || parent.type === "class_definition");
    if (mayHaveChildren && !skipBody && cursor.gotoFirstChild()) {
      parents.push(parent);
      fielded.push(parentHasFields);
      if (parents.length > depth) {
        depth = parents.length;
      }
      parentHasFields = facts.hasFields || lookForErrors;
      if (node !== null) {
        parent = node;
      }
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (parents.length === 0 || !cursor.gotoParent()) {
        return { ast: root, comments, syntaxError: innermostFirst(errors), suspects, depth };
      }
      parent = parents.pop()!;
      parentHasFields = fielded.pop()!;
    }
  }
}
