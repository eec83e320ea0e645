/**
 * The `testaudit` CLI asks the file system about each path once per run (src/model/fs-snapshot.ts),
 * however many test files import the same modules and share the same conftest.py chain and pytest
 * config. A generated pytest suite with a src/ layout (bench/generate-pytest-corpus.mjs), run through
 * the real binary with bench/count-fs-calls.cjs counting every synchronous fs call.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generatePytestCorpus } from "../../bench/generate-pytest-corpus.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("file-system questions of one audit", () => {
  const folder = mkdtempSync(join(tmpdir(), "testaudit-fs-questions-"));
  generatePytestCorpus(folder, { files: 60 });
  writeFileSync(join(folder, "eslint.config.mjs"), `import testaudit from ${JSON.stringify(join(root, "dist/src/index.js"))};\nexport default [{ ...testaudit.configs["recommended-python"], files: ["tests/**/*.py"] }];\n`);
  afterAll(() => { rmSync(folder, { recursive: true, force: true }); });

  it("stats each path about once, where every test file resolving its own imports would stat each many times", () => {
    const run = spawnSync(process.execPath, ["--require", join(root, "bench/count-fs-calls.cjs"), join(root, "dist/src/cli/main.js"), "--config", "eslint.config.mjs", "--format", "json", "tests"], { cwd: folder, encoding: "utf8" });
    const counts = /statSync (\d+)\/(\d+)/u.exec(run.stderr);
    expect(counts, run.stderr).not.toBeNull();
    const [calls, paths] = [Number(counts![1]), Number(counts![2])];
    // Once by the model's snapshot, once more by the config's cache stamp for the paths it depends on.
    expect(calls).toBeLessThanOrEqual(2 * paths);
    const report = JSON.parse(run.stdout) as { totals: { tests: number; testFiles: number } };
    expect(report.totals.testFiles).toBe(60);
  });
});
