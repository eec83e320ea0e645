/**
 * Ends a test run with one plain line, `N passed, N failed` (and `, N skipped`), which CI reads to know
 * how many tests ran; vitest's own summary is decorated for people.
 */
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        counts[test.result().state] += 1;
      }
    }
    // A file that failed to load, or whose beforeAll/afterAll hook failed, may hold no failed test (its
    // tests are then skipped): count each such file as a failure so the line cannot read clean.
    const brokenFiles = testModules.filter(
      (module) => module.state() === "failed" && ![...module.children.allTests()].some((test) => test.result().state === "failed"),
    ).length;
    const skipped = counts.skipped + counts.pending;
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed + brokenFiles} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`);
  }
}
