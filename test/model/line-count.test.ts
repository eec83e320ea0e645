/**
 * One line count everywhere: as an editor shows the lines, the same for files that parse and files that
 * do not, in every format, and `wc -l` (the real binary) for what it counts. `verify` judges a line
 * claim true when it equals either. Real files, the real `testaudit` binary.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/report-types.js";
import { editorLineCount, lineFeedCount } from "../../src/model/line-count.js";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const bin = join(root, "dist/src/cli/main.js");

/** Texts with every kind of ending, and how many lines an editor shows for each. */
const TEXTS: { name: string; text: string; lines: number }[] = [
  { name: "empty", text: "", lines: 0 },
  { name: "one line with its line end", text: "x = 1\n", lines: 1 },
  { name: "one line without a line end", text: "x = 1", lines: 1 },
  { name: "three lines, the last without a line end", text: "a\nb\nc", lines: 3 },
  { name: "a blank line at the end", text: "a\n\n", lines: 2 },
  { name: "CRLF line ends", text: "a\r\nb\r\n", lines: 2 },
  { name: "lone CR line ends (classic Mac OS)", text: "a\rb\rc\r", lines: 3 },
  { name: "mixed line ends, the last without one", text: "a\r\nb\rc\nd", lines: 4 },
];

describe("line counts", () => {
  const folder = writeTree({});
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  for (const { name, text, lines } of TEXTS) {
    it(`${name}: ${lines} lines as an editor shows them, and line feeds as wc -l counts them`, () => {
      const file = join(folder, "sample.txt");
      writeFileSync(file, text);
      const wc = Number(execFileSync("wc", ["-l"], { input: text, encoding: "utf8" }).trim());
      expect(editorLineCount(text)).toBe(lines);
      expect(lineFeedCount(text)).toBe(wc);
    });
  }
});

describe("the audit's line counts", () => {
  // Two files of 33 lines as an editor shows them, one ending with a newline, one without; and the same
  // for files that do not parse.
  const body = Array.from({ length: 32 }, (_, index) => `VALUE_${index} = ${index}`).join("\n");
  const test = `def test_one():\n    assert True\n${body.split("\n").slice(0, 31).join("\n")}`;
  const broken = `def test_one(:\n    pass\n${body.split("\n").slice(0, 31).join("\n")}`;
  const tree = writeTree({
    "eslint.config.js": `import testaudit from "${join(root, "dist/src/index.js")}";\nexport default [...testaudit.configs.recommended];\n`,
    "tests/integration/test_newline.py": `${test}\n`,
  });
  writeFileSync(join(tree, "tests/integration/test_no_newline.py"), test);
  writeFileSync(join(tree, "tests/integration/test_broken_newline.py"), `${broken}\n`);
  writeFileSync(join(tree, "tests/integration/test_broken_no_newline.py"), broken);
  writeFileSync(join(tree, "REPORT.md"), [
    "# Audit",
    "",
    "- `test_newline.py`: 33 lines",
    "- `test_no_newline.py`: 32 lines",
    "- `test_broken_newline.py`: 34 lines",
  ].join("\n"));
  afterAll(() => {
    rmSync(tree, { recursive: true, force: true });
  });

  const run = (args: string[]): { status: number | null; stdout: string } => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: tree, encoding: "utf8" });
    return { status: result.status, stdout: result.stdout };
  };

  it("are the editor's for files that parse and files that do not, with wc -l's beside them", () => {
    const report = JSON.parse(run(["--format", "json"]).stdout) as AuditReport;
    const counts = Object.fromEntries(report.files.map((file) => [file.path.replace("tests/integration/", ""), [file.lines, file.lineFeeds, file.parseError !== null]]));
    expect(counts).toEqual({
      "test_broken_newline.py": [33, 33, true],
      "test_broken_no_newline.py": [33, 32, true],
      "test_newline.py": [33, 33, false],
      "test_no_newline.py": [33, 32, false],
    });
  });

  it("are the same in the table and Markdown", () => {
    const table = run([]).stdout;
    const markdown = run(["--format", "markdown"]).stdout;
    for (const name of ["test_broken_newline.py", "test_broken_no_newline.py", "test_newline.py", "test_no_newline.py"]) {
      expect(table).toMatch(new RegExp(`${name}\\s+33\\s`, "u"));
      expect(markdown).toContain(`| \`tests/integration/${name}\` | 33 |`);
    }
  });

  it("let verify accept the editor's count and wc -l's, and nothing else", () => {
    const { claims: checks } = JSON.parse(run(["verify", "REPORT.md", "--format", "json"]).stdout) as { claims: { text: string; stated: number; measured: number; verdict: string }[] };
    expect(checks.map(({ stated, measured, verdict }) => ({ stated, measured, verdict }))).toEqual([
      { stated: 33, measured: 33, verdict: "true" },
      { stated: 32, measured: 33, verdict: "true" },
      { stated: 34, measured: 33, verdict: "false" },
    ]);
  });
});
