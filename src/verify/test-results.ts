/**
 * The outcome of a real test run, read from the JUnit XML files given with `--results`: what claims
 * like "6/6 tests passed" or "ALL TESTS PASSED" are checked against. A test case is matched to a
 * report's file by its `file` attribute, a class name or suite name that is a path (Vitest, Jest),
 * or pytest's dotted class name ("tests.integration.test_db.TestDb" is tests/integration/test_db.py).
 */
import { readAtMost } from "../report/read-report.js";
import { JUnitError, readJUnit, type JUnitCase } from "./junit.js";

/** JUnit files of large suites run to tens of megabytes. */
const MAX_RESULTS_BYTES = 64 * 1024 * 1024;

export interface Tally {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  /** Seconds, summed over the test cases. */
  time: number;
}

export { JUnitError };

const CODE_FILE = /\.(?:py|[cm]?[jt]sx?)$/u;

function normalizePath(path: string): string {
  return path.replace(/\\/gu, "/").replace(/^\.\//u, "");
}

/** The paths a test case may come from, most specific first. */
function candidatePaths(testCase: JUnitCase): string[] {
  const candidates: string[] = [];
  if (testCase.file !== null) {
    candidates.push(normalizePath(testCase.file));
  }
  for (const name of [testCase.classname, testCase.suite ?? ""]) {
    if (name.includes("/") || CODE_FILE.test(name)) {
      candidates.push(normalizePath(name));
    }
  }
  // pytest: a dotted module path, then the classes; a module that failed to collect has its path as the name.
  const dotted = testCase.classname === "" ? testCase.name : testCase.classname;
  if (candidates.length === 0 && dotted !== "" && !dotted.includes(" ")) {
    const parts = dotted.split(".");
    for (let length = parts.length; length > 0; length -= 1) {
      candidates.push(`${parts.slice(0, length).join("/")}.py`);
    }
  }
  return candidates;
}

function samePath(candidate: string, named: string): boolean {
  return candidate === named || candidate.endsWith(`/${named}`) || named.endsWith(`/${candidate}`);
}

function tally(cases: readonly JUnitCase[]): Tally {
  const count = (outcome: JUnitCase["outcome"]): number => cases.filter((testCase) => testCase.outcome === outcome).length;
  const time = cases.reduce((sum, testCase) => sum + testCase.time, 0);
  return { tests: cases.length, passed: count("passed"), failed: count("failed"), errors: count("error"), skipped: count("skipped"), time: Math.round(time * 1000) / 1000 };
}

export class TestResults {
  readonly files: readonly string[];
  readonly cases: readonly JUnitCase[];

  constructor(files: readonly string[], cases: readonly JUnitCase[]) {
    this.files = files;
    this.cases = cases;
  }

  /** Reads the JUnit XML files; a file that is missing or not JUnit XML throws JUnitError. */
  static read(paths: readonly string[]): TestResults {
    const cases = paths.flatMap((path) => {
      let bytes: Buffer;
      try {
        bytes = readAtMost(path, MAX_RESULTS_BYTES);
      } catch (error) {
        throw new JUnitError(`cannot read the test results ${path}: ${(error as Error).message}`);
      }
      if (bytes.length > MAX_RESULTS_BYTES) {
        throw new JUnitError(`the test results ${path} are larger than ${MAX_RESULTS_BYTES} bytes`);
      }
      return readJUnit(bytes.toString("utf8"), `the test results ${path}`);
    });
    return new TestResults(paths, cases);
  }

  total(): Tally {
    return tally(this.cases);
  }

  /** The outcomes of the tests of the file a report names. */
  forFile(named: string): Tally {
    const wanted = normalizePath(named);
    return tally(this.cases.filter((testCase) => candidatePaths(testCase).some((candidate) => samePath(candidate, wanted))));
  }
}
