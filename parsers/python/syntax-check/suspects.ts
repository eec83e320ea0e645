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
  badTargets,
  binds,
  leadingZeros,
  misplacedBound,
  python2Print,
  python2Raise,
  unpackedInParentheses,
  unparenthesizedIterables,
} from "./suspect-shapes.js";
import { endsInContinuation, misaligned, namesSpelled } from "./suspect-text.js";
import { tokenize } from "./tokenizer.js";

/** What a test may need besides its node: the text, and the file's async generators (found on first need). */
interface SuspectContext {
  text: string;
  generators: () => ReadonlySet<PyNode>;
}

/** Each suspect type's test: whether the node may be an error CPython finds and tree-sitter does not. */
const TESTS: Readonly<Record<string, (node: PyNode, context: SuspectContext) => boolean>> = {
  // Where it stands.
  return_statement: (node, { text, generators }) => badReturn(text, node, generators),
  yield: (node, { text }) => badYield(text, node),
  await: (node, { text }) => badAwait(text, node),
  break_statement: (node) => outsideLoop(node),
  continue_statement: (node) => outsideLoop(node),
  global_statement: (node) => badDeclaration(node),
  nonlocal_statement: (node) => badDeclaration(node),
  future_import_statement: (node) => misplacedFuture(node),
  wildcard_import: (node) => nestedWildcard(node),
  named_expression: (node, { text }) => badWalrus(text, node),
  // Lists, handlers and blocks.
  parameters: (node, { text }) => badParameters(text, node),
  lambda_parameters: (node, { text }) => badParameters(text, node),
  argument_list: (node, { text }) => badArguments(text, node),
  generator_expression: (node, { text }) => badGenerator(text, node),
  for_in_clause: (node, { text }) => unparenthesizedIterables(text, node),
  try_statement: (node, { text }) => badHandlers(text, node),
  block: (node, { text }) => badBlock(text, node),
  // Targets and unpacking.
  as_pattern_target: (node) => badTargets(node),
  delete_statement: (node) => badTargets(node),
  type: (node, { text }) => badAnnotationTarget(text, node),
  augmented_assignment: (node) => badAugmentedTarget(node),
  list_splat: (node) => badListSplat(node),
  list_splat_pattern: (node) => badStarTarget(node),
  splat_type: (node) => badStarAnnotation(node),
  parenthesized_expression: (node) => unpackedInParentheses(node),
  // Patterns.
  class_pattern: (node, { text }) => badClassPattern(text, node),
  as_pattern: (node, { text }) => badAlias(text, node),
  dict_pattern: (node, { text }) => badMappingPattern(text, node),
  // Forms that are not Python 3.
  print_statement: (node, { text }) => python2Print(text, node),
  exec_statement: () => true,
  raise_statement: (node) => python2Raise(node),
  integer: (node, { text }) => leadingZeros(text, node),
  import_from_statement: (node, { text }) => badImportFrom(text, node),
  constrained_type: (node) => misplacedBound(node),
};

/** Node types whose presence may hide an error tree-sitter does not see. */
export const SUSPECT_TYPES: ReadonlySet<string> = new Set(Object.keys(TESTS));

/**
 * Shallower trees cannot hold what only CPython's tokenizer refuses: 201 nested brackets are 201
 * levels of the tree at least, 100 indentation levels 200 (a statement and its block each); 190 leaves
 * a margin.
 */
const MAX_PLAUSIBLE_DEPTH = 190;

function some<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) {
    if (test(item)) {
      return true;
    }
  }
  return false;
}

function empty(items: Iterable<unknown>): boolean {
  return !some(items, () => true);
}

/** Whether the file may hold an error CPython finds and tree-sitter does not. */
export function needsSyntaxCheck(text: string, root: PyNode, suspects: readonly PyNode[], depth: number): boolean {
  let generators: ReadonlySet<PyNode> | null = null;
  const context: SuspectContext = { text, generators: () => (generators ??= asyncGenerators(text, suspects)) };
  return (
    // Statements at the module's top start at column 0 and line up.
    misaligned(text, root.children, 0) ||
    suspects.some((node) => TESTS[node.type]!(node, context)) ||
    endsInContinuation(text) ||
    // No code may bind `__debug__`; reading it is common.
    (text.includes("__debug__") && some(namesSpelled(text, root, "__debug__"), binds)) ||
    // tree-sitter-python takes `async` and `await` for names where CPython cannot read them as its keywords.
    (text.includes("async") && !empty(namesSpelled(text, root, "async"))) ||
    (text.includes("await") && !empty(namesSpelled(text, root, "await"))) ||
    // A deep tree is mostly a long expression; only the tokenizer can tell too many brackets or indents.
    (depth > MAX_PLAUSIBLE_DEPTH && tokenize(text).error !== null)
  );
}
