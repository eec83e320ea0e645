/**
 * Finds the nearest assertion a Python test reaches: in its own body, else in the helpers it calls
 * (functions of its module or imported from project files, methods of its class and bases) and the
 * project's decorators that wrap it, fewest calls first, following calls as the mock trace does (see
 * call-graph.ts).
 */
import type { AssertionFinder, AssertionTrace } from "../test-file-model.js";
import type { CallGraph, ClassRef, Located } from "./call-graph.js";
import type { PyFunctionDef } from "./definitions.js";

/** How many calls deep helpers are followed. */
const MAX_DEPTH = 12;

interface Pending {
  at: Located;
  /** The helpers between the test and `at`, `at` included (empty for the test itself). */
  through: Located[];
}

export class AssertionTracer {
  readonly #graph: CallGraph;
  readonly #find: AssertionFinder;
  /** What the finder finds in each function, asked once per function however many tests reach it. */
  readonly #found = new Map<PyFunctionDef, ReturnType<AssertionFinder>>();

  constructor(graph: CallGraph, find: AssertionFinder) {
    this.#graph = graph;
    this.#find = find;
  }

  /** @param testLineage the lineage of the class collecting the test (empty at module level), through which `self.x()` resolves. */
  trace(test: Located, testLineage: readonly ClassRef[]): AssertionTrace | null {
    const seen = new Set<PyFunctionDef>([test.fn]);
    let frontier: Pending[] = [{ at: test, through: [] }];
    for (let depth = 0; depth <= MAX_DEPTH && frontier.length > 0; depth++) {
      const next: Pending[] = [];
      for (const { at, through } of frontier) {
        const assertion = this.#assertionIn(at.fn) ?? this.#aliasedAssertion(at, testLineage);
        if (assertion) {
          return {
            through: through.map(({ module, fn }) => ({ name: fn.owner === null ? fn.name : `${fn.owner}.${fn.name}`, path: module.path, line: fn.line })),
            assertion: { path: at.module.path, loc: assertion.loc, name: assertion.name },
          };
        }
        for (const callee of this.#graph.callees(at, testLineage, true)) {
          if (!seen.has(callee.fn)) {
            seen.add(callee.fn);
            next.push({ at: callee, through: [...through, callee] });
          }
        }
      }
      frontier = next;
    }
    return null;
  }

  /** An assertion `at` calls as `self.name()` where a class binds `name` to one (`ndiffAssertEqual = unittest.TestCase.assertEqual`). */
  #aliasedAssertion(at: Located, testLineage: readonly ClassRef[]): ReturnType<AssertionFinder> {
    if (at.fn.owner === null) {
      return null;
    }
    const lineage = this.#graph.selfLineage(at.module, at.fn.owner, testLineage);
    for (const call of at.fn.checks.calls) {
      const method = /^self\.([^.]+)$/u.exec(call.written)?.[1];
      const target = method === undefined ? undefined : this.#graph.classAlias(lineage, method);
      const found = target === undefined ? null : this.#find({ assertStatement: null, calls: [{ written: target, qualified: null, loc: call.loc }] });
      if (found) {
        return { loc: call.loc, name: call.written };
      }
    }
    return null;
  }

  #assertionIn(fn: PyFunctionDef): ReturnType<AssertionFinder> {
    let found = this.#found.get(fn);
    if (found === undefined) {
      found = this.#find(fn.checks);
      this.#found.set(fn, found);
    }
    return found;
  }
}
