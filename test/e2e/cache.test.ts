/**
 * `eslint --cache` with testaudit: the real eslint binary, cached and uncached, on a project whose
 * results for one file depend on others (a base class in another module, a package's `__init__.py`,
 * pytest.ini, the conftest.py files whose fixtures the tests request). After every edit the cached run must report exactly what an uncached run reports; and
 * a warm run over an unchanged suite must lint no file again.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import dedent from "dedent";
import { afterAll, describe, expect, it } from "vitest";
import { generatePytestCorpus } from "../../bench/generate-pytest-corpus.mjs";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const eslintBin = join(root, "node_modules/eslint/bin/eslint.js");
const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

/** What eslint reports per file, relative paths, as `file line:column rule`. */
function lint(folder: string, cached: boolean): string[] {
  // An uncached eslint deletes the file at --cache-location, so it gets a location of its own.
  const cacheArgs = cached ? ["--cache", "--cache-location", join(folder, ".eslintcache")] : ["--cache-location", join(folder, ".uncached")];
  const args = [eslintBin, "--format", "json", ...cacheArgs, "."];
  const run = spawnSync(process.execPath, args, { cwd: folder, encoding: "utf8" });
  if (run.status === 2 || run.stderr !== "") {
    throw new Error(`eslint failed: ${run.stderr}${run.stdout}`);
  }
  return (JSON.parse(run.stdout) as LintResult[]).flatMap((result) =>
    result.messages.map((message) => `${result.filePath.slice(folder.length + 1)} ${message.line}:${message.column} ${message.ruleId ?? "fatal"}`),
  );
}

const config = (extra = ""): string => dedent`
  import testaudit from ${JSON.stringify(plugin)};
  export default [
    ...testaudit.configs.recommended,
    {
      files: testaudit.configs["recommended-python"].files,
      rules: {
        "testaudit/require-base-class": ["error", { bases: ["framework.IntegrationBase"] }],
        "testaudit/require-bvj": "off",
      },
      ${extra}
    },
  ];
`;

const project = {
  "framework.py": "import unittest\n\nclass IntegrationBase(unittest.TestCase):\n    pass\n",
  "support/__init__.py": "",
  "support/base.py": "from framework import IntegrationBase\n\nclass ServiceTest(IntegrationBase):\n    pass\n",
  "tests/integration/test_orders.py": dedent`
    from support.base import ServiceTest

    class TestOrders(ServiceTest):
        def test_lists_orders(self):
            assert True
  `,
};

describe("eslint --cache gives the results of an uncached run when files a result depends on change", () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  const tree = (files: Record<string, string>): string => {
    const folder = writeTree(files, "testaudit-cache-");
    folders.push(folder);
    return folder;
  };

  it("follows edits to a base class in another module, to a package's __init__.py and to pytest.ini", () => {
    const folder = tree({ ...project, "eslint.config.js": config() });
    const edits: [string, () => void][] = [
      ["unchanged", () => undefined],
      ["the base no longer inherits the required class", () => { writeFileSync(join(folder, "support/base.py"), "class ServiceTest:\n    pass\n"); }],
      ["the base inherits it again", () => { writeFileSync(join(folder, "support/base.py"), project["support/base.py"]); }],
      ["support is no longer a package", () => { unlinkSync(join(folder, "support/__init__.py")); }],
      ["support is a package again", () => { writeFileSync(join(folder, "support/__init__.py"), ""); }],
      ["a pytest.ini makes only Check* classes test classes", () => { writeFileSync(join(folder, "pytest.ini"), "[pytest]\npython_classes = Check\n"); }],
      ["the pytest.ini goes away", () => { unlinkSync(join(folder, "pytest.ini")); }],
    ];
    const seen: Record<string, string[]> = {};
    for (const [edit, apply] of edits) {
      apply();
      const cached = lint(folder, true);
      expect({ edit, cached }).toEqual({ edit, cached: lint(folder, false) });
      seen[edit] = cached;
    }
    // The edits really change the results, so a stale cache would have been caught.
    expect(seen.unchanged).toEqual([]);
    expect(seen["the base no longer inherits the required class"]).toEqual(["tests/integration/test_orders.py 3:7 testaudit/require-base-class"]);
    expect(seen["a pytest.ini makes only Check* classes test classes"]).toEqual([]);
  });

  it("follows edits to a conftest.py fixture that starts or stops patching, and a nearer conftest.py that appears or goes away", () => {
    const realFixture = "import pytest\n\n\n@pytest.fixture\ndef tax_service():\n    yield RealTaxService()\n";
    const patchingFixture = 'from unittest import mock\n\nimport pytest\n\n\n@pytest.fixture\ndef tax_service():\n    with mock.patch("billing.tax.rate_for"):\n        yield\n';
    // tests/conftest.py is outside the linted files: only the test file's results can show its edits.
    const folder = tree({
      "eslint.config.js": config(),
      "pytest.ini": "[pytest]\n",
      "framework.py": project["framework.py"],
      "tests/conftest.py": realFixture,
      "tests/integration/test_invoices.py": dedent`
        from framework import IntegrationBase


        class TestInvoices(IntegrationBase):
            def test_total(self, tax_service):
                assert tax_service
      `,
    });
    const nearer = join(folder, "tests/integration/conftest.py");
    const edits: [string, () => void][] = [
      ["unchanged", () => undefined],
      ["the fixture starts patching", () => { writeFileSync(join(folder, "tests/conftest.py"), patchingFixture); }],
      ["the fixture stops patching", () => { writeFileSync(join(folder, "tests/conftest.py"), realFixture); }],
      ["a nearer conftest.py overrides it with one that patches", () => { writeFileSync(nearer, patchingFixture); }],
      ["the nearer conftest.py goes away", () => { unlinkSync(nearer); }],
    ];
    const seen: Record<string, string[]> = {};
    for (const [edit, apply] of edits) {
      apply();
      const cached = lint(folder, true);
      expect({ edit, cached }).toEqual({ edit, cached: lint(folder, false) });
      seen[edit] = cached;
    }
    expect(seen.unchanged).toEqual([]);
    expect(seen["the fixture starts patching"]).toEqual(["tests/integration/test_invoices.py 5:9 testaudit/no-mocks"]);
    expect(seen["the fixture stops patching"]).toEqual([]);
    // The nearer conftest.py is linted itself (its import and its patch), and reaches the test.
    expect(seen["a nearer conftest.py overrides it with one that patches"]).toEqual([
      "tests/integration/conftest.py 1:22 testaudit/no-mocks",
      "tests/integration/conftest.py 8:10 testaudit/no-mocks",
      "tests/integration/test_invoices.py 5:9 testaudit/no-mocks",
    ]);
    expect(seen["the nearer conftest.py goes away"]).toEqual([]);
  });

  it("would be stale without the dependency stamp in the configs' settings (what the stamp fixes)", () => {
    const folder = tree({ ...project, "eslint.config.js": config(`settings: { testaudit: { dependencies: "constant" } },`) });
    expect(lint(folder, true)).toEqual([]);
    writeFileSync(join(folder, "support/base.py"), "class ServiceTest:\n    pass\n");
    expect(lint(folder, true)).toEqual([]);
    expect(lint(folder, false)).toEqual(["tests/integration/test_orders.py 3:7 testaudit/require-base-class"]);
  });
});

/** Which files one cached `eslint --debug` run over `folder` linted, and which it took from the cache, by ESLint's own log. */
function cacheUse(folder: string): { linted: string[]; fromCache: string[]; problems: number } {
  const args = [eslintBin, "--debug", "--format", "json", "--cache", "--cache-location", join(folder, ".eslintcache"), "."];
  const run = spawnSync(process.execPath, args, { cwd: folder, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status === 2) {
    throw new Error(`eslint failed: ${run.stderr}`);
  }
  const logged = (pattern: RegExp): string[] => [...run.stderr.matchAll(pattern)].map((match) => match[1]!.slice(folder.length + 1)).sort();
  return {
    linted: logged(/File "([^"]+)" read in/gu),
    fromCache: logged(/Skipping file since it hasn't changed: (\S+)/gu),
    problems: (JSON.parse(run.stdout) as LintResult[]).reduce((sum, result) => sum + result.messages.length, 0),
  };
}

describe("a warm eslint --cache run", () => {
  // How much CPU a warm run saves is measured side by side by `npm run bench -- --only cache`; here, what makes it cheap.
  it("lints no file again: ESLint takes every result from its cache, and the results are the cold run's", () => {
    const folder = mkdtempSync(join(tmpdir(), "testaudit-warm-"));
    try {
      const files = generatePytestCorpus(folder, { files: 40 });
      writeFileSync(join(folder, "eslint.config.js"), `import testaudit from ${JSON.stringify(plugin)};\nexport default [{ ...testaudit.configs["recommended-python"], files: ["**/*.py"] }];\n`);
      const cold = cacheUse(folder);
      expect(cold.linted.length).toBeGreaterThanOrEqual(files);
      expect(cold.fromCache).toEqual([]);
      expect(cold.problems).toBeGreaterThan(0);
      // The manifest of dependencies grew during the cold run; paths recorded unchanged leave the stamp as it was.
      const warm = cacheUse(folder);
      expect(warm).toEqual({ linted: [], fromCache: cold.linted, problems: cold.problems });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
