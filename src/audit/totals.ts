/**
 * Totals and compliance percentages over a set of file reports: files and tests compliant / checked,
 * and how many of the rest are exempted, per policy. A policy counts the files that hold tests, or
 * every checked file when it judges files without tests (no-mocks). An exempted file or test is not compliant: it is counted apart.
 */
import { perPolicy } from "./policies.js";
import type { FileReport, PolicyReport, Ratio, Totals } from "./report-types.js";

function ratio(compliant: number, total: number): Ratio {
  return { compliant, total, percent: total === 0 ? null : Math.round((compliant / total) * 1000) / 10 };
}

export function computeTotals(files: readonly FileReport[], judged: readonly PolicyReport[]): Totals {
  const tests = files.flatMap((file) => file.tests);
  const policies = perPolicy(judged, (policy) => {
    const { judgesFilesWithoutTests } = judged.find((entry) => entry.key === policy)!;
    const checkedFiles = files.filter((file) => (file.compliant[policy] ?? null) !== null && (judgesFilesWithoutTests || file.tests.length > 0));
    const checkedTests = tests.filter((test) => (test.compliant[policy] ?? null) !== null);
    return {
      files: ratio(checkedFiles.filter((file) => file.compliant[policy] === true).length, checkedFiles.length),
      tests: ratio(checkedTests.filter((test) => test.compliant[policy] === true).length, checkedTests.length),
      exempted: { files: checkedFiles.filter((file) => file.exempted[policy]).length, tests: checkedTests.filter((test) => test.exempted[policy]).length },
    };
  });
  let violations = 0;
  let exemptions = 0;
  for (const file of files) {
    violations += file.violations.length;
    exemptions += file.exemptions.length;
  }
  return {
    files: files.length,
    testFiles: files.filter((file) => file.tests.length > 0).length,
    filesWithParseErrors: files.filter((file) => file.parseError !== null).length,
    filesWithReadErrors: files.filter((file) => file.readError !== null).length,
    tests: tests.length,
    skipped: tests.filter((test) => test.skipped).length,
    todo: tests.filter((test) => test.todo).length,
    violations,
    exemptions,
    policies,
  };
}
