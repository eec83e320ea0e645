/**
 * Totals and compliance percentages over a set of file reports: files and tests compliant / checked,
 * and how many of the rest are exempted, per policy. A policy counts the files that hold tests, or
 * every checked file when it judges files without tests (no-mocks). An exempted file or test is not
 * compliant: it is counted apart. Counted a file at a time, so an audit need not hold its files.
 */
import type { FileReport, PolicyName, PolicyReport, Ratio, Totals } from "./report-types.js";

function ratio(compliant: number, total: number): Ratio {
  return { compliant, total, percent: total === 0 ? null : Math.round((compliant / total) * 1000) / 10 };
}

interface PolicyCounts {
  key: PolicyName;
  judgesFilesWithoutTests: boolean;
  files: { checked: number; compliant: number; exempted: number };
  tests: { checked: number; compliant: number; exempted: number };
}

export class TotalsCounter {
  readonly #policies: PolicyCounts[];
  #files = 0;
  #testFiles = 0;
  #filesWithParseErrors = 0;
  #filesWithReadErrors = 0;
  #tests = 0;
  #skipped = 0;
  #todo = 0;
  #violations = 0;
  #exemptions = 0;

  constructor(judged: readonly PolicyReport[]) {
    this.#policies = judged.map((policy) => ({
      key: policy.key,
      judgesFilesWithoutTests: policy.judgesFilesWithoutTests,
      files: { checked: 0, compliant: 0, exempted: 0 },
      tests: { checked: 0, compliant: 0, exempted: 0 },
    }));
  }

  add(file: FileReport): void {
    const hasTests = file.tests.length > 0;
    this.#files += 1;
    this.#testFiles += hasTests ? 1 : 0;
    this.#filesWithParseErrors += file.parseError === null ? 0 : 1;
    this.#filesWithReadErrors += file.readError === null ? 0 : 1;
    this.#tests += file.tests.length;
    this.#violations += file.violations.length;
    this.#exemptions += file.exemptions.length;
    for (const test of file.tests) {
      this.#skipped += test.skipped ? 1 : 0;
      this.#todo += test.todo ? 1 : 0;
    }
    for (const policy of this.#policies) {
      const { key } = policy;
      if ((file.compliant[key] ?? null) !== null && (policy.judgesFilesWithoutTests || hasTests)) {
        policy.files.checked += 1;
        policy.files.compliant += file.compliant[key] === true ? 1 : 0;
        policy.files.exempted += file.exempted[key] ? 1 : 0;
      }
      for (const test of file.tests) {
        if ((test.compliant[key] ?? null) !== null) {
          policy.tests.checked += 1;
          policy.tests.compliant += test.compliant[key] === true ? 1 : 0;
          policy.tests.exempted += test.exempted[key] ? 1 : 0;
        }
      }
    }
  }

  totals(): Totals {
    return {
      files: this.#files,
      testFiles: this.#testFiles,
      filesWithParseErrors: this.#filesWithParseErrors,
      filesWithReadErrors: this.#filesWithReadErrors,
      tests: this.#tests,
      skipped: this.#skipped,
      todo: this.#todo,
      violations: this.#violations,
      exemptions: this.#exemptions,
      policies: Object.fromEntries(
        this.#policies.map(({ key, files, tests }) => [
          key,
          { files: ratio(files.compliant, files.checked), tests: ratio(tests.compliant, tests.checked), exempted: { files: files.exempted, tests: tests.exempted } },
        ]),
      ),
    };
  }
}

export function computeTotals(files: Iterable<FileReport>, judged: readonly PolicyReport[]): Totals {
  const counter = new TotalsCounter(judged);
  for (const file of files) {
    counter.add(file);
  }
  return counter.totals();
}
