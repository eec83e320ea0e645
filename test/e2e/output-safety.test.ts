/**
 * Reports that say what testaudit means whatever the audited code holds, through the real binary: the
 * Markdown comment rendered by a real CommonMark/GFM renderer (Debian's cmark-gfm, with raw HTML passed
 * through as GitHub passes comments) keeps its tables when a test title holds a blank line and `<!--`,
 * and a file name with backticks, `@mentions` and `**bold**` stays code; the terminal table shows
 * escape sequences as text; SARIF URIs are percent-encoded; GitHub annotations cannot be split; and a
 * report of 130,000 files prints.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import dedent from "dedent";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditReport, FileReport } from "../../src/audit/report-types.js";
import { fileListDigest } from "../../src/audit/shard.js";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const bin = join(root, "dist/src/cli/main.js");
const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;

function testaudit(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

const ESC = "\u001B";
const backtickName = "web/integration/a`@octocat **bold** <b>x</b>|y`.test.ts";
const escapeName = `tests/integration/test_${ESC}[31mred.py`;
const uriName = "tests/integration/test_a b#c%d,e:f.py";

const folder = writeTree(
  {
    "eslint.config.js": dedent`
      import testaudit from ${JSON.stringify(plugin)};
      export default [
        ...testaudit.configs.recommended,
        { files: ["**/*.py", "**/*.ts"], rules: { "testaudit/require-bvj": "off", "testaudit/require-base-class": "off" } },
      ];
    `,
    // A module-level mock reaches both tests, so the reports list their titles.
    // Escapes in the TypeScript source (not dedent's: it would turn them into the characters).
    "web/integration/evil.test.ts": [
      'import { test, vi } from "vitest";',
      'vi.mock("../payments");',
      'test("pays\\n\\n<!-- everything after this is hidden", () => {});',
      'test("\\u001b]0;pwned\\u0007\\u001b[2J refunds", () => {});',
    ].join("\n"),
    [backtickName]: 'import { test, vi } from "vitest";\nvi.mock("../cart");\ntest("adds", () => {});\n',
    [escapeName]: "def test_red():\n    pass\n",
    [uriName]: `from unittest import mock  # eslint-disable-line testaudit/no-mocks -- ${ESC}[2J wipes the screen\n\n\ndef test_uri():\n    pass\n`,
  },
  "testaudit-safety-",
);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Decodes the few entities cmark-gfm writes. */
function text(html: string): string {
  return html.replace(/&lt;/gu, "<").replace(/&gt;/gu, ">").replace(/&quot;/gu, '"').replace(/&amp;/gu, "&");
}

describe("Markdown, rendered by cmark-gfm", () => {
  const markdown = testaudit(["--format", "markdown"], folder).stdout;
  const render = spawnSync("cmark-gfm", ["--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough"], { input: markdown, encoding: "utf8" });
  const html = render.stdout;

  it("keeps every table when a test title holds a blank line and an HTML comment", () => {
    expect(render.status).toBe(0);
    // The policies, the mocks that reach tests, the exemptions, and the files.
    expect(html.match(/<table>/gu)).toHaveLength(4);
    expect(html).not.toContain("<!--");
    expect(text(html)).toContain("web/integration/evil.test.ts::pays\\n\\n<!-- everything after this is hidden");
  });

  it("keeps a file name with backticks, an @mention, bold and HTML in one code span", () => {
    // The report's own headings are bold; nothing from the name is.
    expect(html.match(/<strong>[^<]*<\/strong>/gu)).toEqual(["<strong>Mocks that reach tests from outside them:</strong>", "<strong>Exemptions</strong>"]);
    expect(html).not.toMatch(/<b>|<em>/u);
    const cells = [...html.matchAll(/<code>([\s\S]*?)<\/code>/gu)].map((match) => text(match[1]!));
    expect(cells).toContain(backtickName);
    // Outside code, no @mention and no `<` from a name: everything is in a span.
    expect(html.replace(/<code>[\s\S]*?<\/code>/gu, "")).not.toMatch(/@octocat|&lt;b&gt;/u);
  });

  it("shows escape sequences as text", () => {
    expect(markdown).not.toContain(ESC);
    expect(text(html)).toContain("tests/integration/test_\\x1b[31mred.py");
  });
});

describe("the terminal table", () => {
  const table = testaudit([], folder).stdout;

  it("replaces control characters in file names and justifications with visible escapes (test titles are counted, not printed)", () => {
    // eslint-disable-next-line no-control-regex -- control characters are what must not be there.
    expect(table).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/u);
    expect(table).toContain("tests/integration/test_\\x1b[31mred.py");
    expect(table).toContain("directive: \\x1b[2J wipes the screen");
  });
});

describe("SARIF and GitHub annotations", () => {
  interface Sarif {
    runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  }
  const sarif = JSON.parse(testaudit(["--format", "sarif"], folder).stdout) as Sarif;
  const uris = sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);

  it("percent-encodes every artifact URI (RFC 3986), so a space, # or % names the right file", () => {
    expect(uris).toContain("tests/integration/test_a%20b%23c%25d%2Ce%3Af.py");
    // The name's `</b>` holds a `/`: a folder and a file, each segment encoded.
    expect(uris).toContain("web/integration/a%60%40octocat%20**bold**%20%3Cb%3Ex%3C/b%3E%7Cy%60.test.ts");
    for (const uri of [...uris, sarif.runs[0]!.originalUriBaseIds["%SRCROOT%"]!.uri]) {
      expect(uri).toMatch(/^(?:file:\/\/)?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/u);
    }
  });

  it("escapes GitHub workflow commands' properties and messages", () => {
    const github = testaudit(["--format", "github"], folder).stdout;
    expect(github).not.toContain(ESC);
    expect(github).toContain("::notice file=tests/integration/test_a b#c%25d%2Ce%3Af.py,line=1,title=testaudit/no-mocks exempted (directive)::");
    expect(github).toContain("Reason: \\x1b[2J wipes the screen");
  });
});

describe("a report of 130,000 files", () => {
  it("prints as a table and as HTML: no printer spreads or recurses over the files", () => {
    const single = JSON.parse(testaudit(["--format", "json", "tests/integration/test_\u001B[31mred.py"], folder).stdout) as AuditReport;
    const template = single.files[0]!;
    const files: FileReport[] = Array.from({ length: 130_000 }, (_, index) => ({ ...template, path: `tests/integration/generated/test_${String(index).padStart(6, "0")}.py` }));
    const paths = files.map((file) => file.path);
    const big: AuditReport = { ...single, files, run: { ...single.run, files: paths, allFiles: { count: paths.length, digest: fileListDigest(paths) } } };
    writeFileSync(join(folder, "big.json"), JSON.stringify(big));
    const table = testaudit(["merge", "big.json"], folder);
    expect(table.stderr).toBe("");
    expect(table.status).toBe(0);
    expect(table.stdout).toContain("130000 tests in 130000 test files (130000 files audited); no violations");
    const html = testaudit(["merge", "big.json", "--format", "html", "--output", "big.html"], folder);
    expect(html.stderr).toBe("");
    expect(readFileSync(join(folder, "big.html"), "utf8")).toContain("130000 tests");
  }, 120_000);
});
