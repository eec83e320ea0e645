/**
 * src/verify/junit.ts and test-results.ts: JUnit XML as real runners write it (Debian's pytest 7.2 and
 * this repository's Vitest, run here on generated suites), as jest-junit documents it, and hostile files.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JUnitError, readJUnit } from "../../src/verify/junit.js";
import { TestResults } from "../../src/verify/test-results.js";
import { writeTree } from "../temp-tree.js";
import { suiteTree } from "../verify-trees.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});

function tree(files: Record<string, string>): string {
  const folder = writeTree(files, "testaudit-junit-");
  folders.push(folder);
  return folder;
}

describe("pytest --junitxml (Debian's /usr/bin/python3, pytest 7.2)", () => {
  let results: TestResults;
  let xml: string;
  beforeAll(() => {
    const folder = tree(
      suiteTree([
        { path: "tests/integration/test_orders.py", tests: 4, failing: 1 },
        { path: "tests/integration/test_refunds.py", tests: 3 },
      ]),
    );
    const out = join(folder, "junit.xml");
    const run = spawnSync("/usr/bin/python3", ["-m", "pytest", "-q", "-p", "no:cacheprovider", `--junitxml=${out}`, "tests"], { cwd: folder, encoding: "utf8" });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain("1 failed, 6 passed");
    xml = readFileSync(out, "utf8");
    results = TestResults.read([out]);
  });

  it("reads every test case with its outcome", () => {
    expect(results.total()).toMatchObject({ tests: 7, passed: 6, failed: 1, errors: 0, skipped: 0 });
    expect(results.cases.filter((testCase) => testCase.outcome === "failed").map((testCase) => [testCase.classname, testCase.name])).toEqual([["tests.integration.test_orders.TestOrders", "test_case_1"]]);
  });

  it("finds a report's file from pytest's dotted class names", () => {
    expect(results.forFile("tests/integration/test_orders.py")).toMatchObject({ tests: 4, passed: 3, failed: 1 });
    expect(results.forFile("test_refunds.py")).toMatchObject({ tests: 3, passed: 3, failed: 0 });
    expect(results.forFile("tests/integration/test_missing.py").tests).toBe(0);
  });

  it("sums the test cases' times", () => {
    const sum = [...xml.matchAll(/<testcase [^>]*time="([\d.]+)"/gu)].reduce((total, match) => total + Number(match[1]), 0);
    expect(results.total().time).toBeCloseTo(sum, 3);
  });
});

describe("Vitest's junit reporter (this repository's vitest)", () => {
  it("reads the outcomes by file from the class names, which are paths", () => {
    const folder = tree({
      "web/integration/cart.test.ts": 'describe("cart", () => {\n  test("keeps items", () => { expect(1).toBe(1); });\n  test("empties", () => { expect(1).toBe(2); });\n  test.skip("later", () => {});\n});\n',
      "web/integration/catalog.test.ts": 'test("lists", () => { expect(1).toBe(1); });\n',
    });
    const out = join(folder, "junit.xml");
    const run = spawnSync(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", "--root", folder, "--globals", "--reporter=junit", `--outputFile=${out}`], { cwd: folder, encoding: "utf8" });
    expect(run.status).toBe(1);
    const results = TestResults.read([out]);
    expect(results.total()).toMatchObject({ tests: 4, passed: 2, failed: 1, skipped: 1 });
    expect(results.forFile("web/integration/cart.test.ts")).toMatchObject({ tests: 3, passed: 1, failed: 1, skipped: 1 });
    expect(results.forFile("catalog.test.ts")).toMatchObject({ tests: 1, passed: 1 });
  });
});

describe("jest-junit's documented shape (Jest is not installed here)", () => {
  it("reads the file attribute of each test case", () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="jest tests" tests="2" failures="0" errors="0" time="0.5">',
      '  <testsuite name="cart" errors="0" failures="0" skipped="0" timestamp="2026-01-01T00:00:00" time="0.2" tests="2">',
      '    <testcase classname="cart keeps items" name="cart keeps items" time="0.1" file="web/integration/cart.test.js"></testcase>',
      '    <testcase classname="cart empties" name="cart empties" time="0.1" file="web/integration/cart.test.js"><failure>Error: nope</failure></testcase>',
      "  </testsuite>",
      "</testsuites>",
    ].join("\n");
    const results = new TestResults(["jest.xml"], readJUnit(xml, "jest.xml"));
    expect(results.forFile("web/integration/cart.test.js")).toMatchObject({ tests: 2, passed: 1, failed: 1 });
  });
});

describe("hostile and malformed files", () => {
  it("refuses a billion-laughs file without expanding anything", () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? "" : level};`.repeat(10)}">`)];
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities.join("\n")}\n]>\n<testsuites><testsuite name="&lol9;"><testcase name="&lol9;" classname="a"/></testsuite></testsuites>\n`;
    const folder = tree({ "bomb.xml": bomb });
    const started = performance.now();
    expect(() => TestResults.read([join(folder, "bomb.xml")])).toThrow(JUnitError);
    expect(() => TestResults.read([join(folder, "bomb.xml")])).toThrow("has a document type declaration; JUnit XML has none");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("decodes the predefined entities and character references, and leaves unknown ones as written", () => {
    const [testCase] = readJUnit('<testsuite><testcase classname="a" name="x &lt; y &amp;&#65;&#x42; &nope;"/></testsuite>', "x.xml");
    expect(testCase!.name).toBe("x < y &AB &nope;");
  });

  it("names what is wrong with a malformed file", () => {
    expect(() => readJUnit("<testsuite><testcase name='a'></testsuite>", "x.xml")).toThrow("x.xml: </testsuite> does not close the element open there");
    expect(() => readJUnit("<testsuite><testcase name='a'/>", "x.xml")).toThrow("x.xml: <testsuite> is never closed");
    expect(() => readJUnit("<html><body/></html>", "x.xml")).toThrow("x.xml: no <testsuite> element; is this JUnit XML?");
    expect(() => readJUnit("<testsuite><testcase name=a/></testsuite>", "x.xml")).toThrow("malformed attribute in <testcase>");
  });

  it("reads a large file in linear time", () => {
    const cases = Array.from({ length: 100_000 }, (_, index) => `<testcase classname="t.test_a" name="test_${index}" time="0.001"><system-out><![CDATA[<not a tag>]]></system-out></testcase>`).join("");
    const started = performance.now();
    expect(readJUnit(`<testsuites><testsuite>${cases}</testsuite></testsuites>`, "big.xml")).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("reads a self-closed, empty suite, and refuses a file that is missing", () => {
    const folder = tree({});
    mkdirSync(join(folder, "sub"));
    writeFileSync(join(folder, "sub", "ok.xml"), "<testsuite/>");
    expect(TestResults.read([join(folder, "sub", "ok.xml")]).total().tests).toBe(0);
    expect(() => TestResults.read([join(folder, "missing.xml")])).toThrow(/cannot read the test results .*missing\.xml/u);
  });
});
