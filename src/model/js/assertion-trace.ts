/**
 * Finds the nearest assertion a JS/TS test reaches: in the test call itself (its callback), else in the
 * helper functions of the file it calls, fewest calls first.
 */
import type { AssertionFinder, AssertionTrace, CallFact, CheckFacts, CollectedTest, Loc, TraceStep } from "../test-file-model.js";
import type { JsChecks } from "./check-facts.js";

/** How many calls deep helpers are followed. */
const MAX_DEPTH = 12;

function compare(a: Loc["start"], b: Loc["start"]): number {
  return a.line - b.line || a.column - b.column;
}

/** The items of `sorted` (by start) that lie within `outer`. */
function within<T>(sorted: readonly T[], locOf: (item: T) => Loc, outer: Loc): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compare(locOf(sorted[middle]!).start, outer.start) < 0) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  const found: T[] = [];
  for (let index = low; index < sorted.length && compare(locOf(sorted[index]!).start, outer.end) < 0; index++) {
    if (compare(locOf(sorted[index]!).end, outer.end) <= 0) {
      found.push(sorted[index]!);
    }
  }
  return found;
}

/** The facts of what lies within `range`: its first `.should`, and its calls, one per dotted name. */
function factsWithin(checks: JsChecks, range: Loc): CheckFacts {
  const [should] = within(checks.shoulds, (loc) => loc, range);
  const calls = new Map<string, CallFact>();
  for (const call of within(checks.calls, (fact) => fact.loc, range)) {
    if (!calls.has(call.written)) {
      calls.set(call.written, call);
    }
  }
  return { assertStatement: should ? { loc: should, name: "should" } : null, calls: [...calls.values()] };
}

function keyOf(loc: Loc): string {
  return `${loc.start.line}:${loc.start.column}`;
}

/** @param path the file's absolute path, where every assertion and helper of a JS/TS trace is. */
export function traceJsAssertions(tests: readonly CollectedTest[], path: string, checks: JsChecks, find: AssertionFinder): Map<CollectedTest, AssertionTrace | null> {
  const found = new Map<string, ReturnType<AssertionFinder>>();
  const assertionIn = (range: Loc): ReturnType<AssertionFinder> => {
    const key = `${keyOf(range)}-${range.end.line}:${range.end.column}`;
    if (!found.has(key)) {
      found.set(key, find(factsWithin(checks, range)));
    }
    return found.get(key)!;
  };
  const traces = new Map<CollectedTest, AssertionTrace | null>();
  for (const test of tests) {
    traces.set(test, trace(test.loc));
  }
  return traces;

  function trace(start: Loc): AssertionTrace | null {
    const seen = new Set<string>([keyOf(start)]);
    let frontier: { range: Loc; through: TraceStep[] }[] = [{ range: start, through: [] }];
    for (let depth = 0; depth <= MAX_DEPTH && frontier.length > 0; depth++) {
      const next: typeof frontier = [];
      for (const { range, through } of frontier) {
        const assertion = assertionIn(range);
        if (assertion) {
          return { through, assertion: { path, loc: assertion.loc, name: assertion.name } };
        }
        for (const { name, helper } of within(checks.helperCalls, (call) => call.loc, range)) {
          if (!seen.has(keyOf(helper))) {
            seen.add(keyOf(helper));
            next.push({ range: helper, through: [...through, { name, path, line: helper.start.line }] });
          }
        }
      }
      frontier = next;
    }
    return null;
  }
}
