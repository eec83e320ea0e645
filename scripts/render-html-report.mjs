/**
 * Regenerates README's picture, docs/images/html-report.png: the built testaudit binary writes the HTML
 * report of the bundled example suite (the groups README names), and Debian's headless Chromium renders
 * it through playwright-core, as test/e2e/html-report-browser.test.ts does. A page that logs a console
 * error, throws or fetches anything is not pictured: the script fails instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = join(root, "dist/src/cli/main.js");
const picture = join(root, "docs/images/html-report.png");
const groups = ["--group", "python=examples/*_service/**", "--group", "web=examples/web/**"];

async function render() {
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: build first (npm run build).`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.`);
  }
  const folder = mkdtempSync(join(tmpdir(), "testaudit-render-"));
  try {
    await screenshot(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function screenshot(folder) {
  const pagePath = join(folder, "report.html");
  const run = spawnSync(process.execPath, [bin, "--config", "eslint-plugin.config.js", "examples", ...groups, "--format", "html", "--output", pagePath], { cwd: root, encoding: "utf8" });
  // The example suite has planted violations: exit 1, with the gate's one-line verdict, is the expected outcome, anything else a failure.
  if (run.status !== 1 || !/^testaudit: the gate fails: [^\n]*\n$/u.test(run.stderr)) {
    throw new Error(`testaudit exited ${run.status}${run.stderr ? `: ${run.stderr}` : ""}`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
    const problems = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error}`));
    const pageUrl = pathToFileURL(pagePath).href;
    page.on("request", (request) => {
      if (request.url() !== pageUrl) {
        problems.push(`request: ${request.url()}`);
      }
    });
    await page.goto(pageUrl, { waitUntil: "load" });
    if (problems.length > 0) {
      throw new Error(`The report did not render cleanly:\n${problems.join("\n")}`);
    }
    await page.screenshot({ path: picture, fullPage: true });
  } finally {
    await browser.close();
  }
}

render().then(
  () => console.log(`Wrote ${picture.slice(root.length + 1)}.`),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
