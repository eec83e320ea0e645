/**
 * The gate as an adversarial contributor meets it, through the real `testaudit` binary: a pull request
 * that adds a config file beside its mocked tests; findings silenced by `eslint-disable`, by
 * `eslint-suppressions.json` and by an ignore, which pass the gate but are counted and listed with their
 * reasons; `--max-exemptions`; shards that are missing, repeated, from another config or not JSON; and
 * files that are FIFOs, dangling, looping, outside the project, or gone by the time they are read.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import dedent from "dedent";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/report-types.js";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const bin = join(root, "dist/src/cli/main.js");
const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;

function testaudit(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});
function tree(files: Record<string, string>): string {
  const folder = writeTree(files, "testaudit-gate-");
  folders.push(folder);
  return folder;
}

const mockedTest = (name: string): string => `from unittest import mock\n\n\ndef ${name}():\n    with mock.patch("payments.gateway"):\n        pass\n`;

/** main before the pull request: one clean file, and one finding silenced in each way ESLint offers. */
const base = {
  "eslint.config.js": dedent`
    import testaudit from ${JSON.stringify(plugin)};
    export default [
      { ignores: ["tests/integration/legacy/**"] },
      ...testaudit.configs.recommended,
      {
        files: testaudit.configs["recommended-python"].files,
        rules: { "testaudit/require-bvj": "off", "testaudit/require-base-class": "off", "testaudit/max-tests-per-file": ["error", { max: 2 }] },
      },
    ];
  `,
  "tests/integration/test_orders.py": "def test_lists_orders():\n    pass\n",
  "tests/integration/test_generated.py": `# eslint testaudit/max-tests-per-file: ["error", { "max": 3 }] -- generated cases\n${["a", "b", "c"].map((name) => `def test_${name}():\n    pass\n`).join("\n")}`,
  "tests/integration/test_fakes.py": `# eslint testaudit/no-mocks: "off"\n${mockedTest("test_fake_api")}`,
  "tests/integration/test_vendor.py": dedent`
    from unittest import mock  # eslint-disable-line testaudit/no-mocks -- vendor SDK has no sandbox


    def test_vendor_callback():
        with mock.patch("vendor.sdk"):  # eslint-disable-line testaudit/no-mocks -- vendor SDK has no sandbox
            pass


    def test_vendor_status():
        pass
  `,
  "tests/integration/test_disabled.py": `# eslint-disable testaudit/no-mocks\n${mockedTest("test_disabled_everywhere")}`,
  "tests/integration/test_bulk.py": mockedTest("test_bulk_suppressed"),
  "eslint-suppressions.json": JSON.stringify({ "tests/integration/test_bulk.py": { "testaudit/no-mocks": { count: 2 } } }),
  "tests/integration/legacy/test_old.py": mockedTest("test_old"),
};

/** The pull request: a config file beside the new mocked tests, which would take them out of the audit. */
const pullRequest = {
  "tests/integration/payments/eslint.config.js": dedent`
    import { writeFileSync } from "node:fs";
    // Proof of being run: a nested config must not be loaded unless --allow-nested-config.
    writeFileSync(new URL("./nested-config-ran.txt", import.meta.url), "ran");
    export default [{}];
  `,
  "tests/integration/payments/test_refunds.py": mockedTest("test_refund_goes_through"),
};

describe("exemptions: silenced findings pass the gate, but are counted, listed and limited", () => {
  const folder = tree(base);
  const json = testaudit(["--format", "json"], folder);
  const report = JSON.parse(json.stdout) as AuditReport;

  it("exits 0: every non-compliant test is exempted", () => {
    expect(json.stderr).toBe("");
    expect(json.status).toBe(0);
  });

  it("counts exempted tests as not compliant, apart, per policy", () => {
    expect(report.totals.policies.noMocks).toEqual({
      files: { compliant: 2, total: 7, percent: 28.6 },
      tests: { compliant: 5, total: 10, percent: 50 },
      exempted: { files: 5, tests: 5 },
    });
    expect(report.totals.policies.maxTests).toMatchObject({ files: { compliant: 6, total: 7 }, exempted: { files: 1, tests: 0 } });
  });

  it("lists each exemption with its file, line, kind and the reason after --", () => {
    const listed = report.files.flatMap((file) => file.exemptions.map((exemption) => [file.path, exemption.line, exemption.kind, exemption.justification ?? exemption.source]));
    expect(listed).toEqual([
      ["tests/integration/legacy/test_old.py", 1, "ignore", "eslint.config.js"],
      ["tests/integration/legacy/test_old.py", 5, "ignore", "eslint.config.js"],
      ["tests/integration/test_bulk.py", 1, "suppressionsFile", "eslint-suppressions.json"],
      ["tests/integration/test_bulk.py", 5, "suppressionsFile", "eslint-suppressions.json"],
      ["tests/integration/test_disabled.py", 2, "directive", null],
      ["tests/integration/test_disabled.py", 6, "directive", null],
      ["tests/integration/test_fakes.py", 1, "inlineConfig", null],
      ["tests/integration/test_generated.py", 1, "inlineConfig", "generated cases"],
      ["tests/integration/test_vendor.py", 1, "directive", "vendor SDK has no sandbox"],
      ["tests/integration/test_vendor.py", 5, "directive", "vendor SDK has no sandbox"],
    ]);
    expect(report.totals.exemptions).toBe(10);
    expect(report.files.find((file) => file.path === "tests/integration/test_vendor.py")!.tests.map((test) => [test.name, test.compliant.noMocks, test.exempted.noMocks])).toEqual([
      ["test_vendor_callback", false, true],
      ["test_vendor_status", true, false],
    ]);
  });

  it("shows them in the table, Markdown and GitHub annotations", () => {
    const table = testaudit([], folder).stdout;
    expect(table).toContain("No mocks             2/7 (28.6%)      5/10 (50%)       5 tests, 5 files exempted");
    expect(table).toContain("tests/integration/test_vendor.py:5  testaudit/no-mocks  directive: vendor SDK has no sandbox");
    expect(table).toContain("tests/integration/legacy/test_old.py:5  testaudit/no-mocks  ignore: ignored by eslint.config.js");
    const markdown = testaudit(["--format", "markdown"], folder).stdout;
    expect(markdown).toContain("| No mocks | 2/7 (28.6%) | 5/10 (50%) | 5 tests, 5 files exempted |");
    expect(markdown).toContain("| `tests/integration/test_bulk.py:5` | testaudit/no-mocks | suppressionsFile | `listed in eslint-suppressions.json` |");
    const github = testaudit(["--format", "github"], folder).stdout;
    expect(github).toContain("::notice file=tests/integration/test_vendor.py,line=5,title=testaudit/no-mocks exempted (directive)::'mock.patch' comes from the mocking library 'unittest.mock'; integration tests must use real services. Reason: vendor SDK has no sandbox");
  });

  it("fails the gate past --max-exemptions N, and --exit-zero reports without failing", () => {
    const limited = testaudit(["--max-exemptions", "9"], folder);
    expect(limited.status).toBe(1);
    expect(limited.stderr).toBe("testaudit: the gate fails: 10 exemptions, more than --max-exemptions 9\n");
    expect(testaudit(["--max-exemptions", "10"], folder).status).toBe(0);
    const reportOnly = testaudit(["--max-exemptions", "0", "--exit-zero"], folder);
    expect(reportOnly.status).toBe(0);
    expect(reportOnly.stderr).toBe("testaudit: the gate would fail (--exit-zero): 10 exemptions, more than --max-exemptions 0\n");
  });
});

describe("a pull request that raises a strict rule's limit in an inline config comment", () => {
  // max-lines is on in the strict configs only; the pull request's long file raises its own limit.
  const longTest = (lines: number): string => `def test_long():\n${"    assert True\n".repeat(lines)}`;
  const folder = tree({
    "eslint.config.js": dedent`
      import testaudit from ${JSON.stringify(plugin)};
      export default [
        testaudit.configs["strict-python"],
        { files: ["tests/**/*.py"], rules: { "testaudit/require-bvj": "off", "testaudit/require-base-class": "off", "testaudit/max-lines": ["error", { max: 20 }] } },
      ];
    `,
    "tests/integration/test_short.py": longTest(3),
    "tests/integration/test_raised.py": `# eslint testaudit/max-lines: ["error", { "max": 10000 }] -- generated from the spec\n${longTest(40)}`,
  });

  it("passes the gate, and counts the file exempted from max-lines with its reason, never compliant", () => {
    const run = testaudit(["--format", "json"], folder);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as AuditReport;
    const raised = report.files.find((file) => file.path === "tests/integration/test_raised.py")!;
    expect([raised.compliant.maxLines, raised.exempted.maxLines]).toEqual([false, true]);
    expect(raised.exemptions.map((exemption) => [exemption.kind, exemption.policy, exemption.line, exemption.justification])).toEqual([["inlineConfig", "maxLines", 1, "generated from the spec"]]);
    expect(report.totals.policies.maxLines).toMatchObject({ files: { compliant: 1, total: 2 }, exempted: { files: 1 } });
  });

  it("fails the gate when --max-exemptions 0 allows none", () => {
    const run = testaudit(["--max-exemptions", "0"], folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("testaudit: the gate fails: 1 exemption, more than --max-exemptions 0\n");
  });
});

describe("a pull request that adds a config file beside its mocked tests", () => {
  const folder = tree(base);
  const before = testaudit(["--format", "json"], folder);
  for (const [path, text] of Object.entries(pullRequest)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const marker = join(folder, "tests/integration/payments/nested-config-ran.txt");
  const after = testaudit(["--format", "json"], folder);
  const ranWithoutLeave = existsSync(marker);
  const report = JSON.parse(after.stdout) as AuditReport;

  it("still audits its tests, with the root config, and fails the gate naming the config file, which never ran", () => {
    expect(before.status).toBe(0);
    expect(after.status).toBe(1);
    expect(after.stderr).toBe(
      "testaudit: the gate fails: not compliant and not exempted: noMocks (1 test, 1 file); 2 error-level rule violations; nested config tests/integration/payments/eslint.config.js would govern 1 audited file (audited with the root config; --allow-nested-config to use it)\n",
    );
    expect(ranWithoutLeave).toBe(false);
    expect(report.rootConfig).toBe("eslint.config.js");
    expect(report.nestedConfigs).toEqual([{ path: "tests/integration/payments/eslint.config.js", files: 1, used: false }]);
    const refunds = report.files.find((file) => file.path === "tests/integration/payments/test_refunds.py")!;
    expect(refunds.config).toBe("tests/integration/payments/eslint.config.js");
    expect(refunds.tests.map((test) => [test.name, test.compliant.noMocks, test.exempted.noMocks])).toEqual([["test_refund_goes_through", false, false]]);
    expect(report.files.find((file) => file.path === "tests/integration/test_orders.py")!.config).toBe("eslint.config.js");
  });

  it("names the config file in the SARIF log, the HTML page and the GitHub annotations too", () => {
    const sarif = JSON.parse(testaudit(["--format", "sarif"], folder).stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.filter((result) => result.ruleId === "testaudit/nested-config").map((result) => [result.level, result.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ["error", "tests/integration/payments/eslint.config.js"],
    ]);
    expect(testaudit(["--format", "html"], folder).stdout).toContain("<li><code>tests/integration/payments/eslint.config.js</code>: a config file below the root governing 1 audited file(s); not used");
    expect(testaudit(["--format", "github"], folder).stdout).toContain("::error file=tests/integration/payments/eslint.config.js,line=1,title=testaudit%3A nested config::");
    expect(existsSync(marker)).toBe(false);
  });

  it("with --allow-nested-config, uses it and lists what it turns off as exemptions, which --max-exemptions limits", () => {
    const allowed = testaudit(["--allow-nested-config", "--format", "json"], folder);
    expect(allowed.status).toBe(0);
    expect(existsSync(marker)).toBe(true);
    const refunds = (JSON.parse(allowed.stdout) as AuditReport).files.find((file) => file.path === "tests/integration/payments/test_refunds.py")!;
    expect(refunds.exemptions.map((exemption) => [exemption.line, exemption.kind, exemption.source])).toEqual([
      [1, "narrowerConfig", "tests/integration/payments/eslint.config.js"],
      [5, "narrowerConfig", "tests/integration/payments/eslint.config.js"],
    ]);
    expect(testaudit(["--allow-nested-config", "--max-exemptions", "10"], folder).status).toBe(1);
  });

  it("with --config, never looks the nested config up and fails on the mocked test", () => {
    rmSync(marker);
    const run = testaudit(["--config", "eslint.config.js", "--format", "json"], folder);
    expect(run.status).toBe(1);
    expect(existsSync(marker)).toBe(false);
    expect((JSON.parse(run.stdout) as AuditReport).nestedConfigs).toEqual([]);
  });
});

describe("shards", () => {
  const folder = tree({ ...base, "shared/real_checks.py": "def test_linked():\n    pass\n" });
  // A symlinked test file: ESLint lints it, and so must every shard.
  symlinkSync("../../shared/real_checks.py", join(folder, "tests/integration/test_linked.py"));
  const full = testaudit(["--format", "json"], folder);
  const shard = (index: number, extra: string[] = []): string => {
    const out = join(folder, `shard-${index}-of-3${extra.length > 0 ? "-other" : ""}.json`);
    const run = testaudit(["--shard", `${index}/3`, "--format", "json", "--output", out, ...extra], folder);
    expect(run.status, run.stderr).toBe(0);
    return out;
  };
  const shards = [1, 2, 3].map((index) => shard(index));

  it("each carries I/N, the run's fingerprint and its files; together they are the unsharded run, symlinked files included", () => {
    const reports = shards.map((path) => JSON.parse(readFileSync(path, "utf8")) as AuditReport);
    expect(reports.map((report) => report.run.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    const fingerprint = (JSON.parse(full.stdout) as AuditReport).run.fingerprint;
    expect(reports.every((report) => report.run.fingerprint === fingerprint)).toBe(true);
    expect(reports.flatMap((report) => report.run.files).sort()).toEqual((JSON.parse(full.stdout) as AuditReport).files.map((file) => file.path));
    expect(reports.flatMap((report) => report.run.files)).toContain("tests/integration/test_linked.py");
    const merged = testaudit(["merge", ...shards, "--format", "json"], folder);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(full.stdout);
  });

  it("merge refuses a missing, repeated or mismatched shard, or one that is not a report, naming it (exit 2)", () => {
    const missing = testaudit(["merge", shards[0]!, shards[1]!], folder);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("testaudit: shard 3/3 is missing: merge needs all 3 shards of the run (see testaudit --help)\n");
    const repeated = testaudit(["merge", shards[0]!, shards[0]!, shards[1]!, shards[2]!], folder);
    expect(repeated.status).toBe(2);
    expect(repeated.stderr).toContain(`shard 1/3 is given twice: ${shards[0]!} and ${shards[0]!}`);
    const other = shard(2, ["--group", "legacy=tests/integration/legacy/**"]);
    const mismatched = testaudit(["merge", shards[0]!, other, shards[2]!], folder);
    expect(mismatched.status).toBe(2);
    expect(mismatched.stderr).toContain(`${other} (shard 2/3) comes from another run than ${shards[0]!} (shard 1/3)`);
    writeFileSync(join(folder, "cut.json"), readFileSync(shards[0]!, "utf8").slice(0, 200));
    const cut = testaudit(["merge", "cut.json", shards[1]!, shards[2]!], folder);
    expect(cut.status).toBe(2);
    expect(cut.stderr).toMatch(/^testaudit: cut\.json is not JSON \(.*\); merge reads the reports of testaudit --format json \(see testaudit --help\)\n$/u);
    writeFileSync(join(folder, "other.json"), JSON.stringify({ schemaVersion: 3, files: "none" }));
    const malformed = testaudit(["merge", "other.json"], folder);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain("other.json has no valid \"run\"");
  });
});

describe("files that cannot be read are errors of their own, never an abort or a hang", () => {
  const folder = tree({
    "eslint.config.js": dedent`
      import { rmSync } from "node:fs";
      import testaudit from ${JSON.stringify(plugin)};
      // Runs when testaudit loads the config, after it listed the files: this one is gone when it is read.
      rmSync(new URL("./tests/integration/test_vanishing.py", import.meta.url), { force: true });
      export default [...testaudit.configs.recommended, { files: ["**/*.py"], rules: { "testaudit/require-bvj": "off", "testaudit/require-base-class": "off" } }];
    `,
    "tests/integration/test_fine.py": "def test_fine():\n    pass\n",
    "tests/integration/test_vanishing.py": "def test_gone():\n    pass\n",
    "outside-root/test_secret.py": "SECRET = 'do not print'\n",
  });
  const outside = join(folder, "outside-root");
  const project = join(folder, "project");
  mkdirSync(project);
  // The project is a folder of its own; outside-root/ is beside it, so a symlink there leaves the project.
  for (const name of readdirSync(folder).filter((entry) => entry !== "project" && entry !== "outside-root")) {
    spawnSync("mv", [join(folder, name), project]);
  }
  const tests = join(project, "tests/integration");
  spawnSync("mkfifo", [join(tests, "test_fifo.py")]);
  symlinkSync("no_such_file.py", join(tests, "test_dangling.py"));
  symlinkSync("test_looping.py", join(tests, "test_looping.py"));
  symlinkSync(join(outside, "test_secret.py"), join(tests, "test_outside.py"));
  const run = spawnSync(process.execPath, [bin, "--format", "json"], { cwd: project, encoding: "utf8", timeout: 60_000 });
  const report = JSON.parse(run.stdout) as AuditReport;

  it("skips a FIFO with a warning instead of hanging, and does not follow a symlink out of the project", () => {
    expect(run.signal).toBeNull();
    expect(run.stderr.split("\n").filter((line) => line.includes("skipped"))).toEqual([
      "testaudit: skipped tests/integration/test_fifo.py: a FIFO, not a regular file",
      "testaudit: skipped tests/integration/test_outside.py: a symlink that leaves the project root",
    ]);
    expect(report.skipped).toEqual([
      { path: "tests/integration/test_fifo.py", reason: "fifo" },
      { path: "tests/integration/test_outside.py", reason: "outsideRoot" },
    ]);
    expect(run.stdout).not.toContain("do not print");
  });

  it("does not read a file named through a symlinked folder that leaves the project", () => {
    symlinkSync(outside, join(project, "tests/linked"));
    const named = spawnSync(process.execPath, [bin, "--format", "json", "tests/linked/test_secret.py"], { cwd: project, encoding: "utf8" });
    expect(named.stdout).not.toContain("do not print");
    expect((JSON.parse(named.stdout) as AuditReport).skipped).toEqual([{ path: "tests/linked/test_secret.py", reason: "outsideRoot" }]);
  });

  it("reports dangling, looping and vanished files as unreadable, audits the rest, and exits 1", () => {
    expect(run.status).toBe(1);
    expect(report.files.map((file) => [file.path, file.readError?.code ?? null, file.tests.length])).toEqual([
      ["tests/integration/test_dangling.py", "ENOENT", 0],
      ["tests/integration/test_fine.py", null, 1],
      ["tests/integration/test_looping.py", "ELOOP", 0],
      ["tests/integration/test_vanishing.py", "ENOENT", 0],
    ]);
    expect(report.totals.filesWithReadErrors).toBe(3);
    expect(run.stderr).toContain("testaudit: the gate fails: 3 files could not be read\n");
  });
});

describe("output", () => {
  const folder = tree({ ...base, "tests/integration/test_orders.py": `${mockedTest("test_mocked")}\n` });

  /** The sizes a file-size limit is set between: the report as written, and the temporary file of its file reports (each as the report writes it). */
  const sizes = (): { report: number; spool: number } => {
    const report = testaudit(["--format", "json"], folder).stdout;
    const files = (JSON.parse(report) as AuditReport).files;
    return { report: Buffer.byteLength(report), spool: files.reduce((sum, file) => sum + Buffer.byteLength(JSON.stringify(file, null, 2).replaceAll("\n", "\n    ")), 0) };
  };
  const limited = (blocks: number, args: string, env: Record<string, string> = {}): SpawnSyncReturns<string> =>
    spawnSync("bash", ["-c", `ulimit -f ${blocks}; exec "${process.execPath}" "${bin}" ${args}`], { cwd: folder, encoding: "utf8", env: { ...process.env, ...env } });

  it("--output replaces the file whole or not at all: a write cut short (file size limit) leaves the old report, and exits 3", () => {
    writeFileSync(join(folder, "audit.json"), "the previous report\n");
    // Blocks of 1 KiB, enough for the temporary file of file reports but not for the report: the write of --output fails part-way (EFBIG).
    const { report, spool } = sizes();
    const blocks = Math.ceil(spool / 1024);
    expect(blocks * 1024).toBeLessThan(report);
    const run = limited(blocks, "--format json --output audit.json");
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^testaudit: cannot write --output audit\.json: EFBIG: file too large/u);
    expect(readFileSync(join(folder, "audit.json"), "utf8")).toBe("the previous report\n");
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("a temporary file of file reports that cannot be written (file size limit) is an I/O error (exit 3) that names TMPDIR, and leaves no file there", () => {
    const temporary = mkdtempSync(join(tmpdir(), "testaudit-tmpdir-"));
    try {
      expect(sizes().spool).toBeGreaterThan(1024);
      const run = limited(1, "--format json", { TMPDIR: temporary });
      expect(run.status).toBe(3);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^testaudit: cannot write the audit's temporary file of file reports in .* \(set TMPDIR to change the folder\): EFBIG: file too large[^\n]*\n$/u);
      expect(readdirSync(temporary)).toEqual([]);
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
  });

  it("--output /dev/stdout writes to standard output rather than renaming anything over it", () => {
    const run = testaudit(["--format", "json", "--output", "/dev/stdout"], folder);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as AuditReport).totals.tests).toBe(10);
  });

  it("an --output that cannot be written is an I/O error (exit 3), not a violation or a usage error", () => {
    const run = testaudit(["--output", join(folder, "eslint.config.js", "report.txt")], folder);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^testaudit: cannot write --output .*report\.txt: ENOTDIR/u);
  });

  it("a reader that stops early ends the output quietly, with the gate's exit code", () => {
    const run = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" --format json | head -c 10; echo " status=\${PIPESTATUS[0]}"`], { cwd: folder, encoding: "utf8" });
    expect(run.stdout).toMatch(/^\{\n {2}"schem status=1\n$/u);
    expect(run.stderr).toBe("testaudit: the gate fails: not compliant and not exempted: noMocks (1 test, 1 file); 2 error-level rule violations\n");
  });
});
