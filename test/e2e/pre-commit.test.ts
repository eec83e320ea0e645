/**
 * The pre-commit hook end to end: Debian's pre-commit installs this repository's `testaudit` hook the way
 * it installs any node hook (npm install, npm pack, then a global install into a fresh environment), and
 * runs it on a fixture repository, through `pre-commit run` and through a real `git commit`.
 *
 * The install is slow because it compiles tree-sitter, so every run shares one environment in a temporary
 * PRE_COMMIT_HOME, and the tests run in order. The hook repository is a snapshot of this working tree's
 * tracked files, so an edited .pre-commit-hooks.yaml is tested before it is committed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import dedent from "dedent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const INSTALL_TIMEOUT = 20 * 60_000;

interface Run {
  status: number | null;
  output: string;
}

/** pre-commit is a system package, not an npm dependency: its absence fails every test with the fix. */
const PRE_COMMIT_MISSING =
  "pre-commit is not installed, and these tests run the real pre-commit framework: install Debian's package with `apt-get install -y pre-commit`.";

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Run {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  if (result.error) {
    const missing = command === "pre-commit" && (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw missing ? new Error(PRE_COMMIT_MISSING) : result.error;
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function git(cwd: string, ...args: string[]): string {
  const result = run("git", args, cwd);
  if (result.status !== 0) {
    throw new Error(`git ${args.join(" ")} failed in ${cwd}:\n${result.output}`);
  }
  return result.output.trim();
}

/**
 * A bare repository holding this working tree's tracked files as one commit; returns its path and the sha.
 * `git stash create` records uncommitted changes without touching the working tree, the index or any ref.
 */
function snapshotHookRepo(into: string): { repo: string; sha: string } {
  const sha = git(root, "stash", "create") || git(root, "rev-parse", "HEAD");
  const repo = join(into, "hook-repo.git");
  git(into, "init", "--quiet", "--bare", repo);
  git(root, "push", "--quiet", "--no-verify", repo, `${sha}:refs/heads/main`);
  return { repo, sha };
}

/**
 * ESLint's stylish output reduced to `path:line:column severity rule`, with paths relative to `base`.
 * The last word of a finding line is its rule, so a message that names no rule also shows up here.
 */
function findings(output: string, base: string): string[] {
  const found: string[] = [];
  let file = "";
  for (const line of output.split("\n")) {
    if (line.startsWith(`${base}/`)) {
      file = relative(base, line.trim());
      continue;
    }
    const finding = /^\s+(?<line>\d+):(?<column>\d+)\s+(?<severity>error|warning)\s+.*\s(?<rule>\S+)$/u.exec(line)?.groups;
    if (finding) {
      found.push(`${file}:${finding.line!}:${finding.column!} ${finding.severity!} ${finding.rule!}`);
    }
  }
  return found;
}

const BVJ_PY = dedent`
  """Orders against the real database.

  Business Value Justification (BVJ):
  - Segment: Enterprise
  - Business Goal: Revenue
  - Value Impact: Orders are stored
  - Strategic Impact: Orders are the business
  """
`;

// dedent would re-indent an interpolated block, so the shared docstrings are joined on by hand.
const ORDERS_WITH_MOCK = `${BVJ_PY}\n${dedent`
  import unittest
  from unittest import mock


  class OrderTests(unittest.TestCase):
      def test_order_is_stored(self):
          with mock.patch("orders.save"):
              self.assertTrue(True)
`}`;

const ORDERS_CLEAN = `${BVJ_PY}\n${dedent`
  import unittest

  import requests


  class OrderTests(unittest.TestCase):
      def test_order_is_stored(self):
          response = requests.post("http://127.0.0.1:8080/orders", json={"sku": "A1"}, timeout=10)
          self.assertEqual(response.status_code, 201)
`}`;

const CHECKOUT_HEADER = dedent`
  /**
   * Checkout against the real stack.
   *
   * Business Value Justification:
   * - Segment: Enterprise
   * - Business Goal: Conversion
   * - Value Impact: Buyers can pay
   * - Strategic Impact: Checkout is where revenue happens
   */
`;

const CHECKOUT_CLEAN = `${CHECKOUT_HEADER}\n${dedent`
  import { expect, test } from "vitest";

  test("pays", async () => {
    const response = await fetch("http://127.0.0.1:8080/pay");
    expect(response.status).toBe(200);
  });
`}`;

const CHECKOUT_WITH_MOCK = `${CHECKOUT_HEADER}\n${dedent`
  import { expect, test, vi } from "vitest";

  vi.mock("../src/payments");

  test("pays", async () => {
    const response = await fetch("http://127.0.0.1:8080/pay");
    expect(response.status).toBe(200);
  });
`}`;

describe("the testaudit pre-commit hook", () => {
  let scratch: string;
  let project: string;
  let hook: { repo: string; sha: string };
  let env: NodeJS.ProcessEnv;

  const preCommit = (...args: string[]): Run => run("pre-commit", [...args, "--color", "never"], project, env);
  const write = (path: string, text: string): void => {
    writeFileSync(join(project, path), `${text}\n`);
  };

  beforeAll(() => {
    scratch = realpathSync(mkdtempSync(join(tmpdir(), "testaudit-pre-commit-")));
    hook = snapshotHookRepo(scratch);
    // A Python project with no node_modules: the config requires the plugin from the hook's own
    // environment, which pre-commit puts on NODE_PATH (ESM imports would not look there).
    project = realpathSync(
      writeTree(
        {
          "eslint.config.cjs": dedent`
            const testaudit = require("eslint-plugin-testaudit").default;

            module.exports = [...testaudit.configs.recommended];
          `,
          ".pre-commit-config.yaml": dedent`
            repos:
              - repo: ${hook.repo}
                rev: ${hook.sha}
                hooks:
                  - id: testaudit
          `,
          "app/orders.py": "def total(items):\n    return sum(items)",
          "tests/integration/test_orders.py": ORDERS_WITH_MOCK,
          "tests/integration/test_customers.py": ORDERS_CLEAN.replaceAll("Order", "Customer").replaceAll("order", "customer"),
          "web/e2e/checkout.test.ts": CHECKOUT_CLEAN,
        },
        "testaudit-pre-commit-project-",
      ),
    );
    env = { ...process.env, PRE_COMMIT_HOME: join(scratch, "pre-commit-home"), NO_COLOR: "1" };
    delete env.FORCE_COLOR;
    // Leaner installs: npm trusts its cache for package metadata, and node-gyp compiles on every core.
    Object.assign(env, { npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", JOBS: "max" });
    git(project, "init", "--quiet", "--initial-branch=main");
    git(project, "config", "user.name", "testaudit test");
    git(project, "config", "user.email", "testaudit@example.invalid");
    git(project, "config", "commit.gpgsign", "false");
    git(project, "add", "--all");
    git(project, "commit", "--quiet", "--message", "A suite with one mocking test");
  });

  afterAll(() => {
    for (const folder of [project, scratch]) {
      if (folder) {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  });

  it("has a manifest pre-commit accepts, in a repository whose npm pack prints only the tarball name", () => {
    expect(run("pre-commit", ["validate-manifest", ".pre-commit-hooks.yaml"], root).status).toBe(0);
    // pre-commit's node language takes the standard output of `npm pack` as the tarball's file name, and
    // npm prints a banner there for the `prepare` script unless the project's .npmrc runs it in the background.
    const npmrc = run("git", ["--git-dir", hook.repo, "show", `${hook.sha}:.npmrc`], scratch);
    expect(npmrc.output, "the repository's .npmrc must set foreground-scripts=false").toMatch(/^foreground-scripts\s*=\s*false$/mu);
  });

  it(
    "run --all-files: installs the hook, fails, and names the mocking file, line and rule, and nothing else",
    () => {
      const result = preCommit("run", "--all-files");
      expect(result.status, result.output).toBe(1);
      expect(result.output).toMatch(/^testaudit\.+Failed\n- hook id: testaudit\n- exit code: 1\n/mu);
      expect(findings(result.output, project)).toEqual([
        "tests/integration/test_orders.py:10:22 error testaudit/no-mocks",
        "tests/integration/test_orders.py:15:14 error testaudit/no-mocks",
      ]);
      expect(result.output).toContain("'mock.patch' comes from the mocking library 'unittest.mock'; integration tests must use real services");
      // The cache's dependency manifest is kept outside the repository: git sees nothing new.
      expect(git(project, "status", "--porcelain", "--untracked-files=all")).toBe("");
    },
    INSTALL_TIMEOUT,
  );

  it("git commit through the installed hook: checks the staged files only and refuses the commit", () => {
    const install = preCommit("install");
    expect(install.status, install.output).toBe(0);
    const before = git(project, "rev-parse", "HEAD");
    write("web/e2e/checkout.test.ts", CHECKOUT_WITH_MOCK);
    git(project, "add", "web/e2e/checkout.test.ts");
    const result = run("git", ["commit", "--message", "Mock the payments"], project, env);
    expect(result.status, result.output).toBe(1);
    // test_orders.py still mocks, but it is not staged, so the hook is not given it.
    expect(findings(result.output, project)).toEqual(["web/e2e/checkout.test.ts:12:1 error testaudit/no-mocks"]);
    expect(git(project, "rev-parse", "HEAD")).toBe(before);
  });

  it("passes once the files are fixed, both on every file and on a commit", () => {
    write("web/e2e/checkout.test.ts", CHECKOUT_CLEAN);
    write("tests/integration/test_orders.py", ORDERS_CLEAN);
    git(project, "add", "--all");
    const all = preCommit("run", "--all-files");
    expect(all.status, all.output).toBe(0);
    expect(all.output).toMatch(/^testaudit\.+Passed$/mu);
    expect(findings(all.output, project)).toEqual([]);
    const commit = run("git", ["commit", "--quiet", "--message", "Orders against the real service"], project, env);
    expect(commit.status, commit.output).toBe(0);
    expect(git(project, "log", "--format=%s", "-1")).toBe("Orders against the real service");
  });
});
