/**
 * The progress bar of the real `testaudit` binary, drawn on a real pseudo-terminal: util-linux
 * `script` runs the command with a terminal for its standard streams and copies what the terminal
 * was sent to its own stdout. The suite audited is large enough to last well past the moment after
 * which the bar appears, so a case that expects no bar would see one if the rule were wrong.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Files, writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const bin = join(root, "dist/src/cli/main.js");

const FILES = 300;
const TESTS_PER_FILE = 20;
// The JSON report of this suite is a few MB, past spawnSync's default limit of 1 MB.
const REPORT_BYTES = 64 * 1024 * 1024;

function suite(): Files {
  const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;
  const files: Files = {
    "eslint.config.js": `import testaudit from ${JSON.stringify(plugin)};\nexport default [...testaudit.configs.recommended];\n`,
    "AUDIT_REPORT.md": `# Audit\n\n- **${FILES * TESTS_PER_FILE} tests** across **${FILES} test files**\n`,
  };
  for (let file = 0; file < FILES; file += 1) {
    const methods = Array.from({ length: TESTS_PER_FILE }, (_, test) => `    def test_${test}(self):\n        total = ${test} + ${file}\n        assert total == ${test + file}\n`);
    files[`tests/integration/area_${file % 10}/test_module_${file}.py`] = `from unittest import TestCase\n\n\nclass Module${file}Tests(TestCase):\n${methods.join("\n")}`;
  }
  return files;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** `testaudit ARGS` with stdout and stderr piped to this process, as a script or CI runs it. */
function piped(cwd: string, args: string[]): Run {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", maxBuffer: REPORT_BYTES });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * `testaudit ARGS` on a pseudo-terminal; `redirect` is shell text appended to the command (e.g. `2>FILE`).
 * The result's stdout is everything the terminal was sent, stderr included; its status is testaudit's.
 */
function onTerminal(cwd: string, args: string[], { redirect = "", term = "xterm" } = {}): Run {
  const command = [process.execPath, bin, ...args].map(shellQuote).join(" ") + (redirect === "" ? "" : ` ${redirect}`);
  const run = spawnSync("script", ["-qfec", command, "/dev/null"], { cwd, encoding: "utf8", maxBuffer: REPORT_BYTES, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TERM: term } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * What a person sees once the output has stopped: the terminal's lines after carriage returns and
 * "erase to end of line" took effect (the terminal turns each "\n" into "\r\n").
 */
function screen(output: string): string {
  const lines: string[] = [];
  let line: string[] = [];
  let column = 0;
  for (let index = 0; index < output.length; index += 1) {
    const char = output[index]!;
    if (output.startsWith("\u001B[K", index)) {
      line.length = column;
      index += 2;
    } else if (char === "\r") {
      column = 0;
    } else if (char === "\n") {
      lines.push(line.join(""));
      line = [];
      column = 0;
    } else {
      line[column] = char;
      column += 1;
    }
  }
  lines.push(line.join(""));
  return lines.join("\n");
}

interface Frame {
  bar: string;
  done: number;
  total: number;
  seconds: number;
}

function frames(output: string): Frame[] {
  // eslint-disable-next-line no-control-regex -- the progress line is drawn with the terminal's escape codes.
  return [...output.matchAll(/\r\[([#-]{20})\] (\d+)\/(\d+) files (\d+\.\d)s\u001B\[K/gu)].map((match) => ({
    bar: match[1]!,
    done: Number(match[2]),
    total: Number(match[3]),
    seconds: Number(match[4]),
  }));
}

describe("testaudit's progress bar", () => {
  let folder: string;
  let reference: Run;

  beforeAll(() => {
    folder = writeTree(suite(), "testaudit-progress-");
    reference = piped(folder, ["--format", "json"]);
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("prints nothing but the report, and the gate's one-line verdict on standard error, when its output is piped", () => {
    expect(reference.stderr).toMatch(/^testaudit: the gate fails: [^\n]*\n$/u);
    expect(reference.status).toBe(1);
    const report = JSON.parse(reference.stdout) as { totals: { files: number; tests: number } };
    expect(report.totals).toMatchObject({ files: FILES, tests: FILES * TESTS_PER_FILE });
  });

  it("draws a growing bar on a terminal, erases it, and leaves the report as a pipe gets it", () => {
    const run = onTerminal(folder, ["--format", "json"]);
    expect(run.status).toBe(reference.status);
    const drawn = frames(run.stdout);
    expect(drawn.length).toBeGreaterThan(0);
    for (const frame of drawn) {
      expect(frame.total).toBe(FILES);
      expect(frame.bar).toBe("#".repeat(Math.floor((frame.done / FILES) * 20)).padEnd(20, "-"));
      expect(frame.seconds).toBeGreaterThanOrEqual(0.4);
    }
    expect(drawn.map((frame) => frame.done)).toEqual(drawn.map((frame) => frame.done).sort((a, b) => a - b));
    // The last frame is followed by a carriage return and an erase, then the report on a clean line.
    // eslint-disable-next-line no-control-regex -- the progress line is drawn with the terminal's escape codes.
    expect(run.stdout).toMatch(/files \d+\.\ds\u001B\[K\r\u001B\[K\{\r\n {2}"schemaVersion"/u);
    // The gate's verdict follows on standard error, the same terminal.
    expect(screen(run.stdout)).toBe(reference.stdout + reference.stderr);
  });

  it("shows no bar with --no-progress", () => {
    const run = onTerminal(folder, ["--format", "json", "--no-progress"]);
    expect(run.status).toBe(reference.status);
    expect(frames(run.stdout)).toEqual([]);
    expect(run.stdout.replaceAll("\r\n", "\n")).toBe(reference.stdout + reference.stderr);
  });

  it("shows no bar when either stream is not the terminal, or the terminal is dumb", () => {
    const errors = join(folder, "stderr.txt");
    const stderrToFile = onTerminal(folder, ["--format", "json"], { redirect: `2>${shellQuote(errors)}` });
    expect(readFileSync(errors, "utf8")).toMatch(/^testaudit: the gate fails: [^\n]*\n$/u);
    expect(stderrToFile.stdout.replaceAll("\r\n", "\n")).toBe(reference.stdout);

    const report = join(folder, "report.json");
    const stdoutToFile = onTerminal(folder, ["--format", "json"], { redirect: `>${shellQuote(report)}` });
    expect(stdoutToFile.stdout.replaceAll("\r\n", "\n")).toBe(reference.stderr);
    expect(readFileSync(report, "utf8")).toBe(reference.stdout);

    const dumb = onTerminal(folder, ["--format", "json"], { term: "dumb" });
    expect(dumb.stdout.replaceAll("\r\n", "\n")).toBe(reference.stdout + reference.stderr);
  });

  it("draws the bar while verify audits, and erases it before the checks", () => {
    const run = onTerminal(folder, ["verify", "AUDIT_REPORT.md", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(frames(run.stdout).length).toBeGreaterThan(0);
    const { claims } = JSON.parse(screen(run.stdout)) as { claims: { stated: number; verdict: string }[] };
    expect(claims.map((check) => [check.stated, check.verdict])).toEqual([
      [FILES * TESTS_PER_FILE, "true"],
      [FILES, "true"],
    ]);
  });
});
