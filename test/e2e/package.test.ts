/**
 * The package as a user gets it: `npm pack` in a clean copy of the repository (its `prepare` script
 * builds dist/ there), then a fresh project made by `npm init -y` (so `"type": "commonjs"`) that installs
 * only eslint and the tarball, takes README's config verbatim, lints Python and TypeScript through the
 * plugin and the `testaudit` CLI, and type-checks a typed eslint.config.ts against the declarations the
 * package ships.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import dedent from "dedent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/report-types.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string };
const eslintVersion = (JSON.parse(readFileSync(require.resolve("eslint/package.json"), "utf8")) as { version: string }).version;

/** What `npm pack --json` says of one tarball. */
interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number }[];
}

// Under `npm test` the environment carries npm_config_local_prefix and friends naming this repository:
// inherited, they would point the nested npm at it instead of the temporary project.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/iu.test(name) && name !== "INIT_CWD"));

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: childEnv, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function runOrThrow(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${String(result.status ?? result.signal)}:\n${result.stderr.slice(-4000)}`);
  }
  return result;
}

/** npm's own warnings (such as an unknown key in the machine's ~/.npmrc) are not the tool's output. */
function withoutNpmWarnings(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line !== "" && !line.startsWith("npm warn "));
}

/** Every file below `folder`, relative to `base`, with `/`. */
function filesBelow(folder: string, base: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

// Folders a checkout may hold that are not the project's sources: copying them would let a stale or
// installed build stand in for the one `prepare` makes.
const NOT_COPIED = new Set(["node_modules", ".git", "dist", "coverage", ".eslintcache"]);

let workspace: string;
let pack: PackResult;
let consumer: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), "testaudit-pack-"));
  const source = join(workspace, "source");
  cpSync(root, source, { recursive: true, filter: (path) => !NOT_COPIED.has(relative(root, path).split(sep)[0] ?? "") });
  symlinkSync(join(root, "node_modules"), join(source, "node_modules"), "dir");
  const packed = runOrThrow("npm", ["pack", "--json", "--pack-destination", workspace], source);
  [pack] = JSON.parse(packed.stdout) as [PackResult];

  consumer = join(workspace, "consumer");
  mkdirSync(consumer);
  runOrThrow("npm", ["init", "-y"], consumer);
  runOrThrow("npm", ["pkg", "set", "allowScripts.tree-sitter=true", "allowScripts.tree-sitter-python=true", "--json"], consumer);
  // The native tree-sitter addons compile here, as on a user's machine, so install scripts must run.
  runOrThrow("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `eslint@${eslintVersion}`, join(workspace, pack.filename)], consumer);

  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(consumer, path)), { recursive: true });
    writeFileSync(join(consumer, path), `${text}\n`);
  };
  // README's config, as a new user copies it.
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const intro = readme.indexOf("`eslint.config.mjs`, for a tree with Python and TypeScript tests side by side");
  const start = readme.indexOf("```js\n", intro) + "```js\n".length;
  if (intro === -1 || start < intro) {
    throw new Error("README's eslint.config.mjs example was not found.");
  }
  writeFileSync(join(consumer, "eslint.config.mjs"), readme.slice(start, readme.indexOf("```", start)));
  write("tests/integration/base.py", "import unittest\n\n\nclass BaseIntegrationTest(unittest.TestCase):\n    pass");
  write("tests/integration/test_orders.py", dedent`
    """Orders against the real database.

    Business Value Justification:
    - Segment: Enterprise
    - Business Goal: Retention
    - Value Impact: Orders are never lost
    - Strategic Impact: Lost orders lose accounts
    """
    from unittest import mock

    from .base import BaseIntegrationTest


    class TestOrders(BaseIntegrationTest):
        def test_order_is_saved(self):
            with mock.patch("orders.save"):
                pass


    class TestRefunds:
        def test_refund_is_recorded(self):
            pass
  `);
  write("web/integration/cart.test.ts", dedent`
    import { describe, expect, it, vi } from "vitest";

    vi.mock("../src/payments");

    interface Cart {
      items: string[];
    }

    describe("cart", () => {
      it("keeps items between visits", async () => {
        const cart: Cart = { items: ["A1"] };
        expect(cart satisfies Cart).toEqual({ items: ["A1"] });
      });
    });
  `);
}, 400_000);

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

describe("the tarball", () => {
  it("holds exactly the compiled plugin and CLI with declarations, the docs, README, LICENSE and package.json", () => {
    const sources = ["src", "lib", "parsers"].flatMap((folder) => filesBelow(join(root, folder), root)).filter((path) => path.endsWith(".ts"));
    const expected = [
      ...sources.flatMap((path) => [`dist/${path.replace(/\.ts$/u, ".js")}`, `dist/${path.replace(/\.ts$/u, ".d.ts")}`]),
      // README's picture stays on GitHub, where npm's page of the README finds it.
      ...filesBelow(join(root, "docs"), root).filter((path) => !path.startsWith("docs/images/")),
      "LICENSE",
      "README.md",
      "package.json",
    ];
    const packed = pack.files.map((file) => file.path);
    expect(packed.toSorted()).toEqual(expected.toSorted());
    // The same rule said as what must never ship, so a failure names the kind of file that slipped in.
    const forbidden = packed.filter(
      (path) => /^(?:test|examples|bench|scripts|src|lib|parsers|node_modules)\//u.test(path) || /(?<!\.d)\.ts$|\.map$/u.test(path),
    );
    expect(forbidden).toEqual([]);
  });

  it("ships no source-map references: the sources they would point at are not in the package", () => {
    const installed = join(consumer, "node_modules", manifest.name);
    const withMapComment = filesBelow(join(installed, "dist"), installed).filter((path) =>
      readFileSync(join(installed, path), "utf8").includes("sourceMappingURL"),
    );
    expect(withMapComment).toEqual([]);
  });

  it("stays small: its size on disk is what npm reports, under 435 kB packed and 1.55 MB unpacked", () => {
    expect(statSync(join(workspace, pack.filename)).size).toBe(pack.size);
    expect(pack.entryCount).toBe(pack.files.length);
    expect(pack.size).toBeLessThan(435_000);
    // The CPython-faithful syntax check (parsers/python/syntax-check/) is about a third of the code;
    // verify's report reader, claim extractor, JUnit reader and tree index about a sixth; the gate's
    // file discovery, config plan, exemptions, shard checks and safe output formats about 90 kB;
    // require-skip-reason and require-assertions, their model facts, traces and docs about 75 kB;
    // no-unawaited-async-tests, max-lines, the policy registry, no-test-doubles and the suggestions about
    // as much again; the audit's report spool, its one-pass totals and sections about 15 kB.
    expect(pack.unpackedSize).toBeLessThan(1_550_000);
  });
});

describe("a fresh project with only eslint and the tarball installed", () => {
  it("lints Python and TypeScript through the plugin's recommended config with `npx eslint .`", () => {
    // `--no`: never fetch a bin the project lacks; `--`: without it npx takes `--format` as its own option.
    const lint = run("npx", ["--no", "--", "eslint", "--format", "json", "."], consumer);
    expect(withoutNpmWarnings(lint.stderr)).toEqual([]);
    expect(lint.status).toBe(1);
    const findings = (JSON.parse(lint.stdout) as LintResult[])
      .flatMap((result) => result.messages.map((message) => `${relative(consumer, result.filePath)}:${message.line} ${message.ruleId ?? "fatal"}`))
      .sort();
    // README's config asks for test_framework.ssot.SSotBaseTestCase and the test-framework/ssot helper, which this project lacks.
    expect(findings).toEqual([
      "tests/integration/test_orders.py:14 testaudit/require-base-class",
      "tests/integration/test_orders.py:16 testaudit/no-mocks",
      "tests/integration/test_orders.py:20 testaudit/require-base-class",
      "tests/integration/test_orders.py:9 testaudit/no-mocks",
      "web/integration/cart.test.ts:10 testaudit/require-base-class",
      "web/integration/cart.test.ts:10 testaudit/require-bvj",
      "web/integration/cart.test.ts:3 testaudit/no-mocks",
    ]);
    // The cache's dependency manifest is not written into the project (a Python repository has no node_modules of its own).
    expect(existsSync(join(consumer, "node_modules", ".cache", "testaudit"))).toBe(false);
  });

  it("audits the same files with `npx testaudit --format json`, and says its version", () => {
    const audit = run("npx", ["--no", "--", "testaudit", "--format", "json"], consumer);
    expect(withoutNpmWarnings(audit.stderr)).toEqual([
      "testaudit: the gate fails: not compliant and not exempted: noMocks (2 tests, 2 files), baseClass (3 tests, 2 files), bvj (1 test, 1 file); 7 error-level rule violations",
    ]);
    expect(audit.status).toBe(1);
    expect(run("npx", ["--no", "--", "testaudit", "--version"], consumer).stdout).toBe(`testaudit ${manifest.version}\n`);
    const report = JSON.parse(audit.stdout) as AuditReport;
    expect(report.tool).toEqual({ name: "testaudit", version: manifest.version });
    expect(
      report.files.map((file) => ({
        path: file.path,
        language: file.language,
        tests: file.tests.map((test) => test.id),
        violations: file.violations.map((violation) => `${violation.line} ${violation.ruleId}`),
      })),
    ).toEqual([
      { path: "tests/integration/base.py", language: "python", tests: [], violations: [] },
      {
        path: "tests/integration/test_orders.py",
        language: "python",
        tests: ["TestOrders::test_order_is_saved", "TestRefunds::test_refund_is_recorded"],
        violations: ["9 testaudit/no-mocks", "14 testaudit/require-base-class", "16 testaudit/no-mocks", "20 testaudit/require-base-class"],
      },
      { path: "web/integration/cart.test.ts", language: "js", tests: ["cart > keeps items between visits"], violations: ["3 testaudit/no-mocks", "10 testaudit/require-base-class", "10 testaudit/require-bvj"] },
    ]);
  });

  it("type-checks a config author's typed eslint.config.ts against the shipped declarations, and rejects a wrong option type", () => {
    const typedConfig = (maxTests: string): string => dedent`
      import type { Linter } from "eslint";
      import testaudit, { type TestauditRulesConfig } from "eslint-plugin-testaudit";

      const pythonOptions: Linter.Config<TestauditRulesConfig> = {
        files: testaudit.configs["recommended-python"].files,
        rules: {
          "testaudit/require-base-class": ["error", { bases: ["BaseIntegrationTest"] }],
          "testaudit/max-tests-per-file": ["error", { max: ${maxTests} }],
          "testaudit/no-mocks": ["error", { allow: ["freezegun"] }],
        },
      };

      export default [...testaudit.configs.recommended, pythonOptions] satisfies Linter.Config[];
    `;
    const folder = join(consumer, "typed-config");
    mkdirSync(folder);
    writeFileSync(join(folder, "eslint.config.ts"), `${typedConfig("30")}\n`);
    writeFileSync(join(folder, "wrong-option.config.ts"), `${typedConfig('"30"')}\n`);
    // skipLibCheck off: the shipped .d.ts files are checked too, with no @types packages to lean on.
    const compilerOptions = { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, skipLibCheck: false, types: [] };
    writeFileSync(join(folder, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["eslint.config.ts", "wrong-option.config.ts"] }));

    const check = run(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], folder);
    expect(check.stderr).toBe("");
    expect(check.stdout.trim().split("\n")).toEqual(["wrong-option.config.ts(8,49): error TS2322: Type 'string' is not assignable to type 'number'."]);
    expect(check.status).toBe(2);
  });
});
