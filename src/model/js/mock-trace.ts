/**
 * Where mocks reach JS/TS tests from, by where they are written: in the test; in a `describe` block
 * that holds the test, outside any test (its hooks and set-up code: "setup"); in a class-based suite
 * outside its test methods ("class"); or at the top level of the file, which includes hoisted
 * `vi.mock`/`jest.mock` calls ("module"). Calls into helper functions are not followed in JS/TS.
 */
import type { CollectedTest, Loc, MockLister, MockTrace, MockVia, TestFileModel } from "../test-file-model.js";

function within(inner: Loc, outer: Loc): boolean {
  const starts = inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.column >= outer.start.column);
  const ends = inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.column <= outer.end.column);
  return starts && ends;
}

/**
 * @param groupBodies the bodies of the `describe` blocks each test sits in.
 */
export function traceJsMocks(model: TestFileModel, path: string, groupBodies: ReadonlyMap<CollectedTest, readonly Loc[]>, listMocks: MockLister): Map<CollectedTest, MockTrace | null> {
  const mocks = listMocks(model);
  const outsideTests = mocks.filter((mock) => !model.tests.some((test) => within(mock.loc, test.loc)));
  const groups = [...groupBodies.values()].flat();
  const traces = new Map<CollectedTest, MockTrace | null>();
  for (const test of model.tests) {
    const place = (via: MockVia, found: { loc: Loc; name: string } | undefined): MockTrace | null =>
      found ? { via, through: [], mock: { path, loc: found.loc, name: found.name } } : null;
    const bodies = groupBodies.get(test) ?? [];
    const trace =
      place("test", mocks.find((mock) => within(mock.loc, test.loc))) ??
      place("setup", outsideTests.find((mock) => bodies.some((body) => within(mock.loc, body)))) ??
      place("class", test.cls ? outsideTests.find((mock) => within(mock.loc, test.cls!.loc)) : undefined) ??
      place("module", outsideTests.find((mock) => !groups.some((body) => within(mock.loc, body)) && !model.classes.some((cls) => within(mock.loc, cls.loc))));
    traces.set(test, trace);
  }
  return traces;
}
