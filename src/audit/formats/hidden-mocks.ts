/**
 * The mocks that reach tests without being written in them (behind a helper, a setup method, a fixture,
 * a conftest.py, a module's top level): the ones a written "no mocks" claim misses. One row per distinct
 * path to a mock, with the tests it reaches, for the human-readable formats.
 */
import type { FileReport, MockReachReport } from "../report-types.js";

export interface HiddenMockRow {
  via: MockReachReport["via"];
  /** `payment_gateway (tests/conftest.py:12) → mocker`-style: what the mock is reached through, then the mock. */
  path: string;
  /** Where the mock is written. */
  mock: string;
  /** `file::test id` of every test it reaches. */
  tests: string[];
}

/** The rows of the files added, in the order their first test was. */
export class HiddenMockRows {
  readonly #rows = new Map<string, HiddenMockRow>();

  add(file: FileReport): void {
    for (const test of file.tests) {
      const reach = test.mockReach;
      if (!reach || reach.via === "test") {
        continue;
      }
      const path = [...reach.through.map((step) => `${step.name} (${step.path}:${step.line})`), reach.mock.name].join(" → ");
      const mock = `${reach.mock.path}:${reach.mock.line}:${reach.mock.column}`;
      const key = `${reach.via}\0${path}\0${mock}`;
      let row = this.#rows.get(key);
      if (!row) {
        row = { via: reach.via, path, mock, tests: [] };
        this.#rows.set(key, row);
      }
      row.tests.push(`${file.path}::${test.id}`);
    }
  }

  rows(): HiddenMockRow[] {
    return [...this.#rows.values()];
  }
}

/** How many tests a row reaches in each file: `2 tests in a.py, 1 test in b.py`. */
export function testsPerFile(tests: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const test of tests) {
    const file = test.slice(0, test.indexOf("::"));
    counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return [...counts].map(([file, count]) => `${count} ${count === 1 ? "test" : "tests"} in ${file}`).join(", ");
}

/** The first tests of a row, and how many more, so a mock reaching hundreds of tests stays one line. */
export function testsSummary(tests: readonly string[], shown = 3): string {
  const more = tests.length - shown;
  return tests.slice(0, shown).join(", ") + (more > 0 ? ` and ${more} more` : "");
}
