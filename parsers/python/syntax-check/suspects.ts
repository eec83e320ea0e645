/**
 * The constructs tree-sitter accepts but CPython may reject (compile-time errors, misplaced or
 * repeated parts of lists, targets it cannot assign, Python 2 forms). The conversion collects the
 * nodes of the types below as it builds the tree; `needsSyntaxCheck` runs each one's own test, so a
 * file without any pays nothing more, and the full checker runs only on files where one of them may
 * be an error.
 */
import type { PyNode } from "../py-node.js";
import { asyncGenerators, badAwait, badDeclaration, badReturn, badWalrus, badYield, misplacedFuture, nestedWildcard, outsideLoop } from "./suspect-context.js";
import {
  badAlias,
  badAnnotationTarget,
  badArguments,
  badAugmentedTarget,
  badBlock,
  badClassPattern,
  badGenerator,
  badHandlers,
  badImportFrom,
  badListSplat,
  badMappingPattern,
  badParameters,
  badStarAnnotation,
  badStarTarget,
  badName,
  badTargets,
  leadingZeros,
  misplacedBound,
  python2Print,
  python2Raise,
  unpackedInParentheses,
  unparenthesizedIterables,
} from "./suspect-shapes.js";
import { endsInContinuation, misaligned } from "./suspect-text.js";
import { tokenize } from "./tokenizer.js";

/** What a test may need besides its node: the text, and the file's async generators (found on first need). */
interface SuspectContext {
  text: string;
  generators: () => ReadonlySet<PyNode>;
  /** The argument lists already tested, through another of their keywords. */
  testedLists: Set<PyNode>;
}

/** Whether `list` is met here for the first time (and is one). */
function onceEach(list: PyNode | null, context: SuspectContext): list is PyNode {
  if (list === null || context.testedLists.has(list)) {
    return false;
  }
  context.testedLists.add(list);
  return true;
}

type SuspectTest = (node: PyNode, context: SuspectContext) => boolean;

/** Whether a node of a suspect type, from its text alone (`text` from `start` to `end`), is worth its test. */
export type SuspectFilter = (text: string, start: number, end: number) => boolean;

/** `(,` or `{,`: a comma right after the opening bracket, which tree-sitter accepts in calls and dictionaries. */
const opensWithComma: SuspectFilter = (text, start) => {
  let at = start + 1;
  while (/\s|\\/u.test(text[at] ?? "")) {
    at++;
  }
  return text.charCodeAt(at) === 44;
};

/**
 * Each suspect type's test: whether the node may be an error CPython finds and tree-sitter does not;
 * and, for types most of whose nodes are fine, the filter that lets the conversion collect only the
 * others.
 */
const TESTS: readonly (readonly [string, SuspectTest, SuspectFilter?])[] = [
  // Where it stands.
  ["return_statement", (node, context) => badReturn(context.text, node, context.generators)],
  ["yield", (node, context) => badYield(context.text, node)],
  ["await", (node, context) => badAwait(context.text, node)],
  ["break_statement", (node) => outsideLoop(node)],
  ["continue_statement", (node) => outsideLoop(node)],
  ["global_statement", (node) => badDeclaration(node)],
  ["nonlocal_statement", (node) => badDeclaration(node)],
  ["future_import_statement", (node) => misplacedFuture(node)],
  ["wildcard_import", (node) => nestedWildcard(node)],
  ["named_expression", (node, context) => badWalrus(context.text, node)],
  // Lists, handlers and blocks.
  ["parameters", (node, context) => badParameters(context.text, node)],
  ["lambda_parameters", (node, context) => badParameters(context.text, node)],
  ["argument_list", () => true, opensWithComma],
  ["dictionary", () => true, opensWithComma],
  ["keyword_argument", (node, context) => onceEach(node.parent, context) && badArguments(context.text, node.parent)],
  ["dictionary_splat", (node, context) => node.parent?.type === "argument_list" && onceEach(node.parent, context) && badArguments(context.text, node.parent)],
  ["generator_expression", (node, context) => badGenerator(context.text, node)],
  ["for_in_clause", (node, context) => unparenthesizedIterables(context.text, node)],
  ["try_statement", (node, context) => badHandlers(context.text, node)],
  ["block", (node, context) => badBlock(context.text, node)],
  // Targets and unpacking.
  ["as_pattern_target", (node) => badTargets(node)],
  ["delete_statement", (node) => badTargets(node)],
  ["type", (node, context) => badAnnotationTarget(context.text, node)],
  ["augmented_assignment", (node) => badAugmentedTarget(node)],
  ["list_splat", (node) => badListSplat(node)],
  ["list_splat_pattern", (node) => badStarTarget(node)],
  ["splat_type", (node) => badStarAnnotation(node)],
  ["parenthesized_expression", (node) => unpackedInParentheses(node)],
  // Patterns.
  ["class_pattern", (node, context) => badClassPattern(context.text, node)],
  ["as_pattern", (node, context) => badAlias(context.text, node)],
  ["dict_pattern", (node, context) => badMappingPattern(context.text, node)],
  // Forms that are not Python 3.
  ["print_statement", (node, context) => python2Print(context.text, node)],
  ["exec_statement", () => true],
  ["raise_statement", (node) => python2Raise(node)],
  ["integer", (node, context) => leadingZeros(context.text, node), (text, start, end) => text.charCodeAt(start) === 48 && end - start > 1],
  // tree-sitter-python takes `async` and `await` for names where CPython cannot read them as keywords; no code may bind `__debug__`.
  ["identifier", (node, context) => badName(context.text, node), (text, start, end) => (end - start === 5 ? text.startsWith("async", start) || text.startsWith("await", start) : end - start === 9 && text.startsWith("__debug__", start))],
  ["import_from_statement", (node, context) => badImportFrom(context.text, node)],
  ["constrained_type", (node) => misplacedBound(node)],
];

/** Node types whose presence may hide an error tree-sitter does not see; the conversion lists their nodes by type, in this order. */
export const SUSPECT_TYPES: readonly string[] = TESTS.map(([type]) => type);
export const SUSPECT_FILTERS: readonly (SuspectFilter | null)[] = TESTS.map(([, , filter]) => filter ?? null);

const YIELDS = SUSPECT_TYPES.indexOf("yield");

/**
 * Shallower trees cannot hold what only CPython's tokenizer refuses: 201 nested brackets are 201
 * levels of the tree at least, 100 indentation levels 200 (a statement and its block each); 190 leaves
 * a margin.
 */
const MAX_PLAUSIBLE_DEPTH = 190;

/** Whether a suspect node fails its type's test. */
function anySuspicious(suspects: readonly (readonly PyNode[])[], context: SuspectContext): boolean {
  for (const [index, [, test]] of TESTS.entries()) {
    for (const node of suspects[index] ?? []) {
      if (test(node, context)) {
        return true;
      }
    }
  }
  return false;
}

/** Whether the file may hold an error CPython finds and tree-sitter does not. */
export function needsSyntaxCheck(text: string, root: PyNode, suspects: readonly (readonly PyNode[])[], depth: number): boolean {
  let generators: ReadonlySet<PyNode> | null = null;
  const context: SuspectContext = { text, generators: () => (generators ??= asyncGenerators(text, suspects[YIELDS] ?? [])), testedLists: new Set() };
  return (
    // Statements at the module's top start at column 0 and line up.
    misaligned(text, root.children, 0) ||
    anySuspicious(suspects, context) ||
    endsInContinuation(text) ||
    // A deep tree is mostly a long expression; only the tokenizer can tell too many brackets or indents.
    (depth > MAX_PLAUSIBLE_DEPTH && tokenize(text).error !== null)
  );
}
