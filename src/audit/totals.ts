/**
 * Totals and compliance percentages over a set of file reports: files and tests compliant / checked,
 * per policy. A test policy counts the files that hold tests; no-mocks counts every checked file.
 */
import type { FileReport, PolicyName, Ratio, Totals } from "./report-types.js";

const POLICIES: PolicyName[] = ["noMocks", "baseClass", "bvj", "maxTests"];

function ratio(compliant: number, total: number): Ratio {
  return { compliant, total, percent: total === 0 ? null : Math.round((compliant / total) * 1000) / 10 };
}

export function computeTotals(files: readonly FileReport[]): Totals {
  const tests = files.flatMap((file) => file.tests);
  const policies = Object.fromEntries(
    POLICIES.map((policy) => {
      const checkedFiles = files.filter((file) => file.compliant[policy] !== null && (policy === "noMocks" || file.tests.length > 0));
      const checkedTests = tests.filter((test) => test.compliant[policy] !== null);
      return [
        policy,
        {
          files: ratio(checkedFiles.filter((file) => file.compliant[policy] === true).length, checkedFiles.length),
          tests: ratio(checkedTests.filter((test) => test.compliant[policy] === true).length, checkedTests.length),
        },
      ];
    }),
  ) as Totals["policies"];
  return {
    files: files.length,
    testFiles: files.filter((file) => file.tests.length > 0).length,
    filesWithParseErrors: files.filter((file) => file.parseError !== null).length,
    tests: tests.length,
    skipped: tests.filter((test) => test.skipped).length,
    todo: tests.filter((test) => test.todo).length,
    violations: files.reduce((sum, file) => sum + file.violations.length, 0),
    policies,
  };
}
