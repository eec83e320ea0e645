/**
 * `testaudit --format html` as a person sees it: the real binary writes the page and, from the same
 * input, the JSON report; Debian's headless Chromium renders the page, and what it shows is checked
 * against the JSON: the charts' bars and texts, the summary and the file table, with no console error,
 * no script error and no request beyond the page's own file.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inflateSync } from "node:zlib";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditReport, Ratio, Totals } from "../../src/audit/report-types.js";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const bin = join(root, "dist/src/cli/main.js");
const CHROMIUM = "/usr/bin/chromium";
const VIEWPORT = { width: 1280, height: 800 };
const BAR_GREEN: [number, number, number] = [0x2d, 0xa4, 0x4e];
const BAR_WIDTH = 420;

const folders: string[] = [];

function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** Runs the real binary twice on the same input: the HTML page and the JSON report, both written with --output. */
function audit(args: string[], cwd: string): { pagePath: string; report: AuditReport } {
  const out = tempFolder("testaudit-html-out-");
  const pagePath = join(out, "report.html");
  const jsonPath = join(out, "report.json");
  for (const [format, output] of [["html", pagePath], ["json", jsonPath]] as const) {
    const run = spawnSync(process.execPath, [bin, ...args, "--format", format, "--output", output], { cwd, encoding: "utf8" });
    expect({ format, status: run.status, stdout: run.stdout }).toEqual({ format, status: 1, stdout: "" });
    expect(run.stderr).toMatch(/^testaudit: the gate fails: [^\n]*\n$/u);
  }
  return { pagePath, report: JSON.parse(readFileSync(jsonPath, "utf8")) as AuditReport };
}

interface Rendered {
  page: Page;
  consoleProblems: string[];
  pageErrors: string[];
  requests: string[];
  pageUrl: string;
}

async function render(browser: Browser, pagePath: string): Promise<Rendered> {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // The page is static: an element not there at once never comes, so fail fast instead of waiting 30 s.
  page.setDefaultTimeout(5_000);
  const rendered: Rendered = { page, consoleProblems: [], pageErrors: [], requests: [], pageUrl: pathToFileURL(pagePath).href };
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      rendered.consoleProblems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => rendered.pageErrors.push(String(error)));
  page.on("request", (request) => rendered.requests.push(request.url()));
  await page.goto(rendered.pageUrl, { waitUntil: "load" });
  return rendered;
}

function ratioText(ratio: Ratio): string {
  return ratio.total === 0 ? "not checked" : `${ratio.compliant}/${ratio.total} (${String(ratio.percent)}%)`;
}

function summaryText(totals: Totals): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${count(totals.tests, "test")} (${totals.skipped} skipped, ${totals.todo} todo) in ${count(totals.testFiles, "test file")}; ${count(totals.files, "file")} audited, ${totals.filesWithParseErrors} with parse errors, ${totals.filesWithReadErrors} unreadable; ${count(totals.violations, "rule violation")}; ${count(totals.exemptions, "exemption")}.`;
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (found === null) {
    throw new Error(`${String(locator)} is not rendered.`);
  }
  return found;
}

/** What one chart shows: its caption, and per row the full label, the bar's value and drawn length, and the value text. */
async function readChart(page: Page, id: string): Promise<{ caption: string; rows: { label: string; value: number; length: number; text: string }[] }> {
  const figure = page.locator(`figure#${id}`);
  const figureBox = await box(figure);
  expect(figureBox.width * figureBox.height, `#${id} has an empty box`).toBeGreaterThan(0);
  const chartBox = await box(figure.locator("svg[role=img]"));
  const bars = await figure.locator("rect.bar").all();
  const tracks = await figure.locator("rect.track").all();
  const labels = await figure.locator("svg.labels text.label").all();
  const values = await figure.locator("text.value").all();
  const rows = [];
  for (const [index, bar] of bars.entries()) {
    const barBox = await box(bar);
    const trackBox = await box(tracks[index]!);
    const labelBox = await box(labels[index]!);
    const valueBox = await box(values[index]!);
    // Drawn where a person can read it: the label ends before its bar, the value text after the track and inside the chart.
    expect(labelBox.x + labelBox.width, `label ${index} of #${id} runs under its bar`).toBeLessThanOrEqual(barBox.x);
    expect(valueBox.x).toBeGreaterThanOrEqual(trackBox.x + trackBox.width);
    expect(valueBox.x + valueBox.width).toBeLessThanOrEqual(chartBox.x + chartBox.width);
    expect(trackBox.width).toBe(BAR_WIDTH);
    rows.push({
      label: (await figure.locator("svg.labels title").nth(index).textContent()) ?? "",
      value: Number(await bar.getAttribute("data-value")),
      length: barBox.width,
      text: (await values[index]!.textContent()) ?? "",
    });
  }
  const caption = figure.locator("figcaption");
  const captionBox = await box(caption);
  // The caption is read first: above the bars, within the window.
  expect(captionBox.y + captionBox.height).toBeLessThanOrEqual(chartBox.y + 1);
  expect(captionBox.x + captionBox.width).toBeLessThanOrEqual(VIEWPORT.width);
  return { caption: await caption.innerText(), rows };
}

/** The policy rows a compliance chart must show for `totals`: one per policy the JSON report says judges tests, with its ratio. */
function expectedPolicyRows(report: AuditReport, totals: Totals): { label: string; value: number; length: number; text: string }[] {
  return report.policies
    .filter((policy) => policy.judgesTests)
    .map((policy) => {
      const ratio = totals.policies[policy.key]!.tests;
      return { label: policy.label, value: ratio.percent ?? 0, length: Math.round(((ratio.percent ?? 0) / 100) * BAR_WIDTH), text: ratioText(ratio) };
    });
}

function expectedFileRows(report: AuditReport): { label: string; value: number; length: number; text: string }[] {
  const testFiles = report.files.filter((file) => file.tests.length > 0);
  const most = Math.max(1, ...testFiles.map((file) => file.tests.length));
  return testFiles.map((file) => ({ label: file.path, value: file.tests.length, length: Math.round((file.tests.length / most) * BAR_WIDTH), text: String(file.tests.length) }));
}

/** The number of pixels of exactly `rgb` in an 8-bit, non-interlaced RGB or RGBA PNG, as Chromium writes screenshots. */
function countPixels(png: Buffer, rgb: [number, number, number]): { width: number; height: number; count: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [bitDepth, colorType, , , interlace] = png.subarray(24, 29);
  expect({ bitDepth, interlace, colorType: colorType === 2 || colorType === 6 }).toEqual({ bitDepth: 8, interlace: 0, colorType: true });
  const channels = colorType === 6 ? 4 : 3;
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; offset += 12 + png.readUInt32BE(offset)) {
    if (png.toString("latin1", offset + 4, offset + 8) === "IDAT") {
      chunks.push(png.subarray(offset + 8, offset + 8 + png.readUInt32BE(offset)));
    }
  }
  const filtered = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = filtered[y * (stride + 1)];
    for (let i = 0; i < stride; i += 1) {
      const left = i >= channels ? pixels[y * stride + i - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels]! : 0;
      const estimate = left + up - upLeft;
      const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
      const paeth = toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter!];
      if (predictor === undefined) {
        throw new Error(`PNG row ${y} has the unknown filter ${String(filter)}.`);
      }
      pixels[y * stride + i] = (filtered[y * (stride + 1) + 1 + i]! + predictor) & 0xff;
    }
  }
  let count = 0;
  for (let offset = 0; offset < pixels.length; offset += channels) {
    if (pixels[offset] === rgb[0] && pixels[offset + 1] === rgb[1] && pixels[offset + 2] === rgb[2]) {
      count += 1;
    }
  }
  return { width, height, count };
}

describe("the HTML report in headless Chromium", () => {
  let browser: Browser;
  // Set only once Chromium started: afterAll must not hide a failed launch behind its own error.
  let launched: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: this test renders the report in Debian's chromium, which .ci/run installs (apt-get install -y chromium).`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    launched = browser;
  });

  afterAll(async () => {
    await launched?.close();
    for (const folder of folders) {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  /** The checks every rendered report passes, against its own JSON report. */
  function rendersItsReport(setup: () => Promise<{ rendered: Rendered; report: AuditReport }>): void {
    let rendered: Rendered;
    let report: AuditReport;
    // Set only once the page rendered: afterAll must not hide a failed setup behind its own error.
    let opened: Rendered | undefined;

    beforeAll(async () => {
      ({ rendered, report } = await setup());
      opened = rendered;
    });

    afterAll(async () => {
      await opened?.page.close();
    });

    it("logs no console error or warning, throws no script error, and loads nothing but itself", () => {
      expect(rendered.consoleProblems).toEqual([]);
      expect(rendered.pageErrors).toEqual([]);
      expect(rendered.requests).toEqual([rendered.pageUrl]);
    });

    it("shows the JSON report's totals", async () => {
      expect(await rendered.page.locator("#summary").innerText()).toBe(summaryText(report.totals));
    });

    it("charts compliance per policy with the JSON report's ratios", async () => {
      const chart = await readChart(rendered.page, "compliance");
      expect(chart).toEqual({ caption: "Tests compliant, all files", rows: expectedPolicyRows(report, report.totals) });
    });

    it("charts each group with its own ratios", async () => {
      expect(await rendered.page.locator("figure[id^=group-]").count()).toBe(report.groups.length);
      for (const [index, group] of report.groups.entries()) {
        const chart = await readChart(rendered.page, `group-${index}`);
        expect(chart).toEqual({ caption: `${group.name} (${group.glob}): tests compliant`, rows: expectedPolicyRows(report, group.totals) });
      }
    });

    it("charts one bar per file with tests, as long as its share of the most tests", async () => {
      const chart = await readChart(rendered.page, "tests-per-file");
      expect(chart).toEqual({ caption: "Collected tests per file", rows: expectedFileRows(report) });
    });

    it("lists every audited file in the table", async () => {
      const rows = await rendered.page.locator("#files tbody tr").all();
      const cells = await Promise.all(rows.map(async (row) => (await row.locator("td").allInnerTexts()).map((text) => text.replace(/\s+/gu, " "))));
      expect(cells).toEqual(
        report.files.map((file) => [file.path, String(file.lines), file.parseError ? "parse error" : String(file.tests.length), String(file.mocks.length), String(file.violations.length)]),
      );
    });

    it("takes a screenshot as wide as the window that shows every bar's pixels", async () => {
      const path = join(tempFolder("testaudit-html-shot-"), "report.png");
      await rendered.page.screenshot({ path, fullPage: true });
      const png = readFileSync(path);
      const bars = await rendered.page.locator("rect.bar").all();
      let barArea = 0;
      for (const bar of bars) {
        const barBox = await box(bar);
        barArea += barBox.width * barBox.height;
      }
      const shot = countPixels(png, BAR_GREEN);
      // As wide as the window: nothing pushes the page sideways.
      expect(shot.width).toBe(VIEWPORT.width);
      expect(shot.height).toBeGreaterThan(VIEWPORT.height / 2);
      expect(barArea).toBeGreaterThan(0);
      expect(shot.count).toBe(barArea);
    });
  }

  describe("on the bundled example suite (Python services and a TS web app) in two groups", () => {
    let exampleReport: AuditReport;
    rendersItsReport(async () => {
      const { pagePath, report } = audit(["--config", "eslint-plugin.config.js", "examples", "--group", "python=examples/*_service/**", "--group", "web=examples/web/**"], root);
      exampleReport = report;
      return { rendered: await render(browser, pagePath), report };
    });

    it("is the suite README describes", () => {
      expect(summaryText(exampleReport.totals)).toBe("27 tests (1 skipped, 0 todo) in 7 test files; 10 files audited, 0 with parse errors, 0 unreadable; 17 rule violations; 0 exemptions.");
      // No mocks, base class, BVJ, async tests awaited (on in recommended), then the three rules the example config leaves off.
      const off = ["not checked", "not checked", "not checked"];
      expect(expectedPolicyRows(exampleReport, exampleReport.totals).map((row) => row.text)).toEqual(["20/27 (74.1%)", "23/27 (85.2%)", "24/27 (88.9%)", "27/27 (100%)", ...off]);
      expect(exampleReport.groups.map((group) => expectedPolicyRows(exampleReport, group.totals).map((row) => row.text))).toEqual([
        ["16/21 (76.2%)", "19/21 (90.5%)", "19/21 (90.5%)", "21/21 (100%)", ...off],
        ["4/6 (66.7%)", "4/6 (66.7%)", "5/6 (83.3%)", "6/6 (100%)", ...off],
      ]);
      expect(expectedFileRows(exampleReport).map((row) => row.value)).toEqual([3, 13, 2, 3, 2, 2, 2]);
    });
  });

  describe("on a temporary tree with a long path, a file that does not parse and a group name to escape", () => {
    const longFolder = "services/payments_and_reconciliation_platform/very/deeply/nested/package/tests/integration";
    let treeReport: AuditReport;
    let treeRendered: Rendered;
    rendersItsReport(async () => {
      const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;
      const folder = writeTree(
        {
          "eslint.config.js": `import testaudit from ${JSON.stringify(plugin)};\nexport default [...testaudit.configs.recommended];\n`,
          [`${longFolder}/test_ledger_reconciliation_end_to_end_scenarios.py`]: "import unittest\n\nclass TestLedger(unittest.TestCase):\n    def test_balances(self):\n        pass\n\n    def test_reverses(self):\n        pass\n",
          "py/tests/integration/test_broken.py": "def test_a(:\n    pass\n",
          "web/integration/cart.test.ts": 'import { describe, expect, it, vi } from "vitest";\n\nvi.mock("./db");\n\ndescribe("cart", () => {\n  it("adds", () => {\n    expect(1).toBe(1);\n  });\n  it.skip("removes", () => {});\n  it.todo("clears");\n});\n',
        },
        "testaudit-html-tree-",
      );
      folders.push(folder);
      const { pagePath, report } = audit(["--group", `pay<&>=${longFolder.replace("/tests/integration", "")}/**`, "--group", "web=web/**"], folder);
      treeReport = report;
      treeRendered = await render(browser, pagePath);
      return { rendered: treeRendered, report };
    });

    it("audits both languages and the broken file", () => {
      expect(treeReport.files.map((file) => [file.path, file.parseError === null ? file.language : "parse error", file.tests.length])).toEqual([
        ["py/tests/integration/test_broken.py", "parse error", 0],
        [`${longFolder}/test_ledger_reconciliation_end_to_end_scenarios.py`, "python", 2],
        ["web/integration/cart.test.ts", "js", 3],
      ]);
    });

    it("shortens the long path from the left and keeps it whole in the tooltip", async () => {
      const label = treeRendered.page.locator("#tests-per-file svg.labels text.label").first();
      expect(await label.textContent()).toBe("…ge/tests/integration/test_ledger_reconciliation_end_to_end_scenarios.py");
      expect(await treeRendered.page.locator("#tests-per-file svg.labels title").first().textContent()).toBe(`${longFolder}/test_ledger_reconciliation_end_to_end_scenarios.py`);
    });
  });

  it("says 'none' in the tests-per-file chart of a tree without tests", async () => {
    const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;
    const folder = writeTree(
      { "eslint.config.js": `import testaudit from ${JSON.stringify(plugin)};\nexport default [...testaudit.configs.recommended];\n`, "tests/integration/test_nothing.py": "def helper():\n    pass\n" },
      "testaudit-html-empty-",
    );
    folders.push(folder);
    const out = tempFolder("testaudit-html-out-");
    const run = spawnSync(process.execPath, [bin, "--format", "html", "--output", join(out, "report.html")], { cwd: folder, encoding: "utf8" });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    const rendered = await render(browser, join(out, "report.html"));
    try {
      expect([rendered.consoleProblems, rendered.pageErrors, rendered.requests]).toEqual([[], [], [rendered.pageUrl]]);
      expect(await rendered.page.locator("#tests-per-file rect.bar").count()).toBe(0);
      expect(await rendered.page.locator("#tests-per-file svg").textContent()).toBe("none");
      expect(await rendered.page.locator("#summary").innerText()).toBe("0 tests (0 skipped, 0 todo) in 0 test files; 1 file audited, 0 with parse errors, 0 unreadable; 0 rule violations; 0 exemptions.");
    } finally {
      await rendered.page.close();
    }
  });
});
