/**
 * The marks that skip a Python test or expect it to fail, with their reasons: decorators
 * (`@pytest.mark.skip`, `@pytest.mark.skipif(cond, reason=...)`, `@pytest.mark.xfail(...)`,
 * `@unittest.skip("why")`, `@unittest.skipIf`, `@unittest.skipUnless`, `@unittest.expectedFailure`),
 * `pytestmark = ...` entries, and the skip calls of a test's own statements (`pytest.skip("why")`,
 * `pytest.xfail(...)`, `self.skipTest("why")`, `raise unittest.SkipTest("why")`). Names are resolved
 * through the file's imports, so `@skip("x")` after `from unittest import skip` is a mark and a
 * function of the file called `skip` is not.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import { commentReason } from "../comment-reason.js";
import type { Loc, ReasonEdit, SkipMark } from "../test-file-model.js";
import type { ImportedUses } from "./check-facts.js";
import { dottedName, stringBody } from "./syntax.js";

/** Where an API takes its reason: by keyword, at a position, or nowhere (a comment is then the reason). */
interface MarkApi {
  kind: SkipMark["kind"];
  /** Keyword names of the reason, the first of which a suggestion writes. */
  keywords: readonly string[];
  /** Position of the reason among positional arguments; null when only a keyword gives it. */
  position: number | null;
  /** Whether it applies only when a condition holds: always (`skipIf`), when it is given one (`skipif(cond)`, `xfail(condition=...)`), or never. */
  conditions: "always" | "arguments" | "never";
  /** A suggestion writes the reason as a keyword argument (pytest) rather than positionally (unittest). */
  keywordStyle: boolean;
}

const NO_REASON: MarkApi = { kind: "xfail", keywords: [], position: null, conditions: "never", keywordStyle: false };

/** Decorators and `pytestmark` entries, by the qualified name they resolve to. */
const MARK_APIS = new Map<string, MarkApi>([
  ["pytest.mark.skip", { kind: "skip", keywords: ["reason"], position: 0, conditions: "never", keywordStyle: true }],
  ["pytest.mark.skipif", { kind: "skip", keywords: ["reason"], position: null, conditions: "arguments", keywordStyle: true }],
  ["pytest.mark.xfail", { kind: "xfail", keywords: ["reason"], position: null, conditions: "arguments", keywordStyle: true }],
  ["unittest.skip", { kind: "skip", keywords: ["reason"], position: 0, conditions: "never", keywordStyle: false }],
  ["unittest.skipIf", { kind: "skip", keywords: ["reason"], position: 1, conditions: "always", keywordStyle: false }],
  ["unittest.skipUnless", { kind: "skip", keywords: ["reason"], position: 1, conditions: "always", keywordStyle: false }],
  ["unittest.expectedFailure", NO_REASON],
]);

/** Calls in a test's statements, by the qualified name they resolve to. */
const CALL_APIS = new Map<string, MarkApi>([
  ["pytest.skip", { kind: "skip", keywords: ["reason", "msg"], position: 0, conditions: "never", keywordStyle: true }],
  ["pytest.xfail", { kind: "xfail", keywords: ["reason"], position: 0, conditions: "never", keywordStyle: true }],
  ["self.skipTest", { kind: "skip", keywords: ["reason"], position: 0, conditions: "never", keywordStyle: false }],
  ["unittest.SkipTest", { kind: "skip", keywords: [], position: 0, conditions: "never", keywordStyle: false }],
]);

/** How deep compound statements may nest around a skip call in a test's body. */
const MAX_BODY_DEPTH = 8;

/** Compound statements whose own block runs whenever the statement does: a skip there is as unconditional as the statement. */
const RUNS_ITS_BLOCK = new Set(["with_statement", "try_statement"]);

const NESTED_DEFINITIONS = new Set(["function_definition", "class_definition", "decorated_definition"]);

/** The call a statement makes, when it is only that call or raises what it returns (`raise unittest.SkipTest("why")`). */
function skipCallOf(statement: PyNode): PyNode | undefined {
  const expression =
    statement.type === "expression_statement" ? statement.children[0] : statement.type === "raise_statement" ? statement.children.find((child) => child.type !== "comment") : undefined;
  return expression?.type === "call" ? expression : undefined;
}

/** `unittest.case.skip` is `unittest.skip`. */
function canonical(qualified: string): string {
  return qualified.startsWith("unittest.case.") ? `unittest.${qualified.slice("unittest.case.".length)}` : qualified;
}

function emptyAt(position: Loc["start"]): Loc {
  return { start: position, end: position };
}

function arguments_(call: PyNode): PyNode[] {
  return (call.arguments?.children ?? []).filter((child) => child.type !== "comment");
}

/** The reason an argument gives: a string's text, the source of any other expression; null for a blank string or `None`. */
function reasonOf(value: PyNode): string | null {
  if (value.type === "none") {
    return null;
  }
  const body = stringBody(value);
  const text = body ? body.text : value.text;
  return text.trim() === "" ? null : text;
}

/** Reads the skip marks of one file: `root` is its module, `uses` its uses of imported names. */
export class SkipMarkReader {
  readonly #uses: ImportedUses;
  readonly #root: PyNode;
  #lines: string[] | null = null;

  constructor(root: PyNode, uses: ImportedUses) {
    this.#root = root;
    this.#uses = uses;
  }

  /** The marks of a definition's decorators, in source order. */
  decoratorMarks(decorators: readonly PyNode[], scope: SkipMark["scope"]): SkipMark[] {
    return decorators.flatMap((decorator) => {
      const expression = decorator.children.find((child) => child.type !== "comment");
      const mark = expression ? this.#mark(expression, scope) : null;
      return mark ? [mark] : [];
    });
  }

  /** The marks of a `pytestmark = ...` value: one mark, or a list or tuple of them. */
  pytestmarkMarks(value: PyNode, scope: SkipMark["scope"]): SkipMark[] {
    if (value.type === "list" || value.type === "tuple" || value.type === "parenthesized_expression") {
      return value.children.flatMap((child) => this.pytestmarkMarks(child, scope));
    }
    const mark = this.#mark(value, scope);
    return mark ? [mark] : [];
  }

  /** The skip calls of a test's own statements (not of functions or classes nested in it). */
  bodyMarks(body: PyNode | undefined): SkipMark[] {
    const marks: SkipMark[] = [];
    const visitBlock = (block: PyNode, conditional: boolean, depth: number): void => {
      for (const statement of block.children) {
        const call = skipCallOf(statement);
        const mark = call ? this.#callMark(call, conditional) : null;
        if (mark) {
          marks.push(mark);
        } else if (depth < MAX_BODY_DEPTH && !NESTED_DEFINITIONS.has(statement.type)) {
          visitBlocksOf(statement, conditional || !RUNS_ITS_BLOCK.has(statement.type), depth + 1);
        }
      }
    };
    /** The blocks of a compound statement or clause; `conditional`: its own block runs only when a condition holds. */
    const visitBlocksOf = (holder: PyNode, conditional: boolean, depth: number): void => {
      for (const child of holder.children) {
        if (child.type === "block") {
          visitBlock(child, conditional, depth);
        } else if (child.type.endsWith("_clause")) {
          // `else`, `elif`, `except` and `case` run on a condition; `finally` whenever its statement does.
          visitBlocksOf(child, child.type === "finally_clause" ? conditional : true, depth);
        }
      }
    };
    if (body) {
      visitBlock(body, false, 0);
    }
    return marks;
  }

  /** What a dotted name written at `node` denotes through the file's imports; `self.x` stays as written. */
  #qualified(node: PyNode): string | null {
    const written = dottedName(node);
    if (written === null) {
      return null;
    }
    if (written.startsWith("self.")) {
      return written;
    }
    const reference = this.#uses.at(node);
    if (reference?.written !== written) {
      return null;
    }
    // A name re-exported by a project module is what it is where it comes from.
    return [reference.qualifiedName, ...(reference.throughProject ?? [])].map(canonical).find((name) => MARK_APIS.has(name) || CALL_APIS.has(name)) ?? canonical(reference.qualifiedName);
  }

  #mark(expression: PyNode, scope: SkipMark["scope"]): SkipMark | null {
    const call = expression.type === "call" ? expression : undefined;
    const api = this.#qualified(call?.function ?? expression);
    const spec = api === null ? undefined : MARK_APIS.get(api);
    return spec ? this.#build(spec, api!, expression, call, scope, false) : null;
  }

  #callMark(call: PyNode, conditional: boolean): SkipMark | null {
    const api = call.function ? this.#qualified(call.function) : null;
    const spec = api === null ? undefined : CALL_APIS.get(api);
    return spec ? this.#build(spec, api!, call, call, "body", conditional) : null;
  }

  #build(spec: MarkApi, api: string, expression: PyNode, call: PyNode | undefined, scope: SkipMark["scope"], conditional: boolean): SkipMark {
    const args = call ? arguments_(call) : [];
    const keyword = (name: string): PyNode | undefined => args.find((argument) => argument.type === "keyword_argument" && argument.name?.text === name)?.value;
    const positional = args.filter((argument) => argument.type !== "keyword_argument" && argument.type !== "list_splat" && argument.type !== "dictionary_splat");
    const reasonNode = spec.keywords.map(keyword).find((value) => value !== undefined) ?? (spec.position === null ? undefined : positional[spec.position]);
    const conditions = spec.conditions === "always" || (spec.conditions === "arguments" && (positional.length > 0 || keyword("condition") !== undefined));
    const takesReason = spec.keywords.length > 0 || spec.position !== null;
    const mark: SkipMark = {
      kind: spec.kind,
      api,
      conditional: conditional || conditions,
      scope,
      reason: takesReason ? (reasonNode ? reasonOf(reasonNode) : null) : this.#commentReason(expression.loc),
      loc: expression.loc,
      addReason: null,
    };
    if (takesReason && mark.reason === null) {
      mark.addReason = reasonEdit(spec, expression, call, reasonNode);
    }
    return mark;
  }

  /** A comment on the line above the mark, after it on its last line, or alone on the line below it. */
  #commentReason(loc: Loc): string | null {
    this.#lines ??= this.#root.text.split(/\r\n|\r|\n/u);
    return commentReason("#", this.#lines[loc.start.line - 2], this.#lines[loc.end.line - 1]?.slice(loc.end.column), this.#lines[loc.end.line]);
  }
}

/** Where a suggestion writes a reason: over a blank one, as the call's first argument or after its last, or in a call added to a bare decorator. */
function reasonEdit(spec: MarkApi, expression: PyNode, call: PyNode | undefined, blank: PyNode | undefined): ReasonEdit {
  const keyword = spec.keywordStyle ? `${spec.keywords[0]!}=` : "";
  if (blank) {
    return { loc: blank.loc, before: "", after: "" };
  }
  if (!call?.arguments) {
    return { loc: emptyAt(expression.loc.end), before: `(${keyword}`, after: ")" };
  }
  const args = arguments_(call);
  const last = args.at(-1);
  if (!last) {
    const open = call.arguments.loc.start;
    return { loc: emptyAt({ line: open.line, column: open.column + 1 }), before: keyword, after: "" };
  }
  return { loc: emptyAt(last.loc.end), before: `, ${keyword}`, after: "" };
}
