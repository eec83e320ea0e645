/**
 * What in a Python function may assert, as plain data: its first `assert` statement,
 * `raise AssertionError` or `raise self.failureException(...)`, and its calls by dotted name, qualified through the file's imports
 * (`raises` after `from pytest import raises` is `pytest.raises`); a call of a name the body bound to a
 * dotted name (`eq = self.assertEqual`, then `eq(a, b)`) is also a call of that name. Which of them are assertions is the
 * policy's decision (see src/policies/assertions.ts).
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import type { CallFact, CheckFacts, ModuleReference } from "../test-file-model.js";

/** What an assertion raises: `AssertionError`, or unittest's `self.failureException`. */
const ASSERTION_EXCEPTION = /^(?:AssertionError|(?:self|cls)\.failureException)$/u;

/** The uses of imported names of one file, by where they start. */
export class ImportedUses {
  readonly #uses = new Map<string, ModuleReference>();

  constructor(moduleReferences: readonly ModuleReference[]) {
    for (const reference of moduleReferences) {
      if (reference.kind === "use") {
        this.#uses.set(`${reference.loc.start.line}:${reference.loc.start.column}`, reference);
      }
    }
  }

  /** The use of an imported name whose first name is `identifier`, if an import binds it there. */
  at(identifier: PyNode): ModuleReference | undefined {
    return this.#uses.get(`${identifier.loc.start.line}:${identifier.loc.start.column}`);
  }

  /**
   * What `written`, a dotted name starting at `identifier`, denotes: the import's qualified name with the
   * rest of `written` after what the import's use covers; null when no import binds its first name.
   */
  qualify(identifier: PyNode, written: string): string | null {
    const reference = this.at(identifier);
    if (!reference || !(written === reference.written || written.startsWith(`${reference.written}.`))) {
      return null;
    }
    return reference.qualifiedName + written.slice(reference.written.length);
  }
}

/**
 * A callee's dotted name through attributes and calls (`client.get(url).json` → `client.get.json`), with
 * the identifier it starts at; null when it starts at anything else (a subscript, a literal).
 */
export function calleeName(callee: PyNode): { written: string; root: PyNode } | null {
  const parts: string[] = [];
  let node: PyNode | undefined = callee;
  for (;;) {
    if (node?.type === "attribute") {
      parts.push(node.attribute?.text ?? "");
      node = node.object;
    } else if (node?.type === "call") {
      node = node.function;
    } else {
      break;
    }
  }
  if (node?.type !== "identifier") {
    return null;
  }
  parts.push(node.text);
  return { written: parts.reverse().join("."), root: node };
}

/** Collects the check facts of one function body as its nodes are visited. */
export class CheckCollector {
  readonly #uses: ImportedUses;
  #assertStatement: CheckFacts["assertStatement"] = null;
  readonly #calls = new Map<string, CallFact>();
  /** Names bound to a dotted name in the body (`eq = self.assertEqual`). */
  readonly #aliases = new Map<string, { written: string; root: PyNode }>();

  constructor(uses: ImportedUses) {
    this.#uses = uses;
  }

  visit(node: PyNode): void {
    if (node.type === "call" && node.function) {
      const name = calleeName(node.function);
      // `eq = self.assertEqual` then `eq(a, b)`: the call is also one of what the name was bound to.
      const alias = node.function.type === "identifier" ? this.#aliases.get(node.function.text) : undefined;
      for (const called of alias ? [name, alias] : [name]) {
        if (called && !this.#calls.has(called.written)) {
          this.#calls.set(called.written, { written: called.written, qualified: this.#uses.qualify(called.root, called.written), loc: node.function.loc });
        }
      }
    } else if (node.type === "assignment" && node.left?.type === "identifier" && node.right?.type === "attribute") {
      const value = calleeName(node.right);
      if (value) {
        this.#aliases.set(node.left.text, value);
      }
    } else if (this.#assertStatement === null && node.type === "assert_statement") {
      this.#assertStatement = { loc: node.loc, name: "assert" };
    } else if (this.#assertStatement === null && node.type === "raise_statement") {
      const raised = node.children.find((child) => child.type !== "comment");
      const exception = raised?.type === "call" ? raised.function : raised;
      const name = exception ? calleeName(exception)?.written : undefined;
      if (name !== undefined && ASSERTION_EXCEPTION.test(name)) {
        this.#assertStatement = { loc: node.loc, name: `raise ${name}` };
      }
    }
  }

  /** The dotted name the body has bound `name` to so far, if any. */
  aliasOf(name: string): string | undefined {
    return this.#aliases.get(name)?.written;
  }

  facts(): CheckFacts {
    return { assertStatement: this.#assertStatement, calls: [...this.#calls.values()] };
  }
}
