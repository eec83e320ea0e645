#!/usr/bin/env node
/**
 * testaudit benchmark: `npm run bench [-- --corpus DIR] [-- --runs N]`.
 *
 * Lints CPython's own test suite (or --corpus DIR) and measures, as separate child processes run
 * round-robin N times so noise hits every variant alike:
 *   1. tree-sitter parse only (the floor), 2. parse + TreeCursor walk, 3. parse + our PyNode conversion,
 *   4. eslint with the testaudit/python language and no rules, 5. eslint with the four rules,
 *   6. the same with --concurrency 2.
 * Reports median wall time, files/s, median peak RSS and the ratio to parse-only, then sanity checks
 * from ESLint's JSON report (file count, fatal parse errors, problems per rule, crashes).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
const ROOT = resolve(BENCH_DIR, "..");
const DEFAULT_CORPUS = "/usr/lib/python3.11/test";
const ESLINT_BIN = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
const RULES = ["testaudit/no-mocks", "testaudit/require-base-class", "testaudit/require-bvj", "testaudit/max-tests-per-file"];

// ---------------------------------------------------------------------------------------------------
// Arguments and corpus.

function parseArgs(argv) {
  const options = { corpus: null, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--corpus") {
      options.corpus = value();
    } else if (flag === "--runs") {
      options.runs = Number(value());
      if (!Number.isInteger(options.runs) || options.runs < 1) {
        fail(`--runs wants a positive integer, got ${JSON.stringify(argv[i])}.`, 2);
      }
    } else if (flag === "--help" || flag === "-h") {
      console.log("usage: npm run bench [-- --corpus DIR] [-- --runs N]   (default corpus: CPython's test suite, 3 runs)");
      process.exit(0);
    } else {
      fail(`Unknown argument ${JSON.stringify(arg)}. Usage: npm run bench [-- --corpus DIR] [-- --runs N]`, 2);
    }
  }
  return options;
}

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

/** Every *.py file under `dir`, as ESLint enumerates them (node_modules and .git are ignored by default). */
function listPythonFiles(dir) {
  const files = [];
  const visit = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== ".git") {
          visit(path);
        }
      } else if (entry.isFile() && entry.name.endsWith(".py")) {
        files.push(path);
      }
    }
  };
  visit(dir);
  return files.sort();
}

// ---------------------------------------------------------------------------------------------------
// Children.

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Spawns one child with the usage probe preloaded; resolves with wall seconds, CPU seconds, peak RSS and output. */
function runChild(args, { cwd, rssFile }) {
  rmSync(rssFile, { force: true });
  const probe = pathToFileURL(join(BENCH_DIR, "peak-rss.mjs")).href;
  const env = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${probe}`.trim(),
    TESTAUDIT_BENCH_RSS_FILE: rssFile,
  };
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let usage = null;
      try {
        usage = JSON.parse(readFileSync(rssFile, "utf8"));
      } catch {
        // Reported as missing ("n/a") below.
      }
      resolvePromise({
        seconds,
        rssMb: usage === null ? null : usage.maxRSS / 1024,
        cpuSeconds: usage === null ? null : (usage.userCPUTime + usage.systemCPUTime) / 1e6,
        code,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// ESLint's JSON report.

function summarizeReport(reportFile) {
  const results = JSON.parse(readFileSync(reportFile, "utf8"));
  const summary = {
    files: results.length,
    fatalFiles: [],
    crashes: [],
    perRule: Object.fromEntries(RULES.map((rule) => [rule, 0])),
    otherRules: {},
    otherMessages: [],
  };
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) {
        // Our language turns a throwing parser into "tree-sitter failed: ..."; a fatal message that is not a
        // "Parsing error" is ESLint's own failure. Everything else fatal is a Python syntax error.
        if (message.message.includes("tree-sitter failed") || !message.message.startsWith("Parsing error:")) {
          summary.crashes.push(`${result.filePath}: ${message.message}`);
        } else {
          summary.fatalFiles.push(`${result.filePath}:${message.line}:${message.column} ${message.message}`);
        }
      } else if (message.ruleId && message.ruleId in summary.perRule) {
        summary.perRule[message.ruleId] += 1;
      } else if (message.ruleId) {
        summary.otherRules[message.ruleId] = (summary.otherRules[message.ruleId] ?? 0) + 1;
      } else {
        summary.otherMessages.push(`${result.filePath}:${message.line}: ${message.message}`);
      }
    }
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------------
// Main.

const options = parseArgs(process.argv.slice(2));
const corpus = resolve(options.corpus ?? DEFAULT_CORPUS);
if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
  if (options.corpus === null) {
    fail(
      `The benchmark corpus ${DEFAULT_CORPUS} (CPython's test suite) is not installed.\n` +
        "Install it with:  apt-get update && apt-get install -y libpython3.11-testsuite\n" +
        "or point the benchmark at another folder of Python files:  npm run bench -- --corpus DIR",
      2,
    );
  }
  fail(`--corpus ${options.corpus}: no such directory.`, 2);
}
for (const built of ["dist/src/index.js", "dist/parsers/python/tree-sitter.js", "dist/parsers/python/to-py-ast.js"]) {
  if (!existsSync(join(ROOT, built))) {
    fail(`${built} is missing: build first (npm run build, which npm run bench does for you).`, 2);
  }
}
if (!existsSync(ESLINT_BIN)) {
  fail(`${ESLINT_BIN} is missing: run npm install.`, 2);
}

const files = listPythonFiles(corpus);
if (files.length === 0) {
  fail(`No *.py files under ${corpus}.`, 2);
}
// Reading every file here also warms the page cache before the first timed child.
let lines = 0;
let bytes = 0;
for (const file of files) {
  const buffer = readFileSync(file);
  bytes += buffer.length;
  const text = buffer.toString("utf8");
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    count += 1;
  }
  lines += count + (text.length > 0 && !text.endsWith("\n") ? 1 : 0);
}

const work = mkdtempSync(join(tmpdir(), "testaudit-bench-"));
const listFile = join(work, "files.txt");
writeFileSync(listFile, `${files.join("\n")}\n`);
const rssFile = join(work, "rss.txt");

const eslintArgs = (config, report, extra = []) => [ESLINT_BIN, "-c", join(BENCH_DIR, config), "--format", "json", "--output-file", report, ...extra, "."];
/**
 * ESLint 10 ignores files outside its base path (the cwd when `-c` is given), and --no-ignore does not
 * change that, so the ESLint children run inside the corpus with an absolute config path.
 */
const variants = [
  { key: "parse", name: "parse-only (tree-sitter)", args: [join(BENCH_DIR, "parse-only.mjs"), listFile], cwd: ROOT },
  { key: "walk", name: "parse + TreeCursor walk", args: [join(BENCH_DIR, "parse-walk.mjs"), listFile], cwd: ROOT },
  { key: "convert", name: "parse + toPyAst conversion", args: [join(BENCH_DIR, "parse-convert.mjs"), listFile], cwd: ROOT },
  { key: "eslint0", name: "eslint, no rules", eslint: true, args: eslintArgs("eslint.norules.config.js", join(work, "eslint0.json")), report: join(work, "eslint0.json"), cwd: corpus },
  { key: "eslint4", name: "eslint, four rules", eslint: true, args: eslintArgs("eslint.rules.config.js", join(work, "eslint4.json")), report: join(work, "eslint4.json"), cwd: corpus },
  {
    key: "eslint4c2",
    name: "eslint, four rules, --concurrency 2",
    eslint: true,
    args: eslintArgs("eslint.rules.config.js", join(work, "eslint4c2.json"), ["--concurrency", "2"]),
    report: join(work, "eslint4c2.json"),
    cwd: corpus,
  },
];

console.log(`testaudit benchmark: ${files.length} files, ${lines.toLocaleString("en-US")} lines, ${(bytes / 1e6).toFixed(1)} MB in ${corpus}`);
const loadText = () => loadavg().map((value) => value.toFixed(2)).join(" ");
console.log(`node ${process.version}, ${availableParallelism()} cores, ${options.runs} run(s) of ${variants.length} variants, round-robin; load average ${loadText()}\n`);

const samples = Object.fromEntries(variants.map((variant) => [variant.key, []]));
const childOutput = {};
const reports = {};
try {
  for (let run = 1; run <= options.runs; run++) {
    for (const variant of variants) {
      process.stderr.write(`  run ${run}/${options.runs}  ${variant.name.padEnd(38)} `);
      const result = await runChild(variant.args, { cwd: variant.cwd, rssFile });
      process.stderr.write(
        `${result.seconds.toFixed(2)} s wall  ${result.cpuSeconds === null ? "?" : result.cpuSeconds.toFixed(2)} s CPU  ${result.rssMb === null ? "?" : result.rssMb.toFixed(0)} MB\n`,
      );
      // ESLint exits 1 when it reports problems; 2 (or a signal) means it crashed or was misconfigured.
      const failed = result.signal !== null || (variant.eslint ? result.code !== 0 && result.code !== 1 : result.code !== 0);
      if (failed) {
        console.error(`\n${variant.name} failed (exit ${result.code}${result.signal ? `, signal ${result.signal}` : ""}):`);
        console.error(result.stderr || result.stdout);
        process.exitCode = 1;
        throw new Error("child failed");
      }
      if (result.stderr.trim() !== "") {
        console.error(`  stderr of ${variant.name}:\n${result.stderr.trim().split("\n").slice(0, 20).join("\n")}`);
      }
      samples[variant.key].push(result);
      if (run === 1) {
        childOutput[variant.key] = result.stdout.trim();
      }
      if (variant.report) {
        const summary = summarizeReport(variant.report);
        if (summary.files !== files.length) {
          console.error(`\n${variant.name} linted ${summary.files} files, expected ${files.length}: ESLint is skipping part of the corpus.`);
          process.exitCode = 1;
          throw new Error("file count mismatch");
        }
        reports[variant.key] ??= summary;
      }
    }
  }
} catch (error) {
  if (process.exitCode !== 1) {
    throw error;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (process.exitCode === 1) {
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------
// Report.

const stats = Object.fromEntries(
  variants.map((variant) => {
    const runs = samples[variant.key];
    const rss = runs.map((run) => run.rssMb).filter((value) => value !== null);
    const cpu = runs.map((run) => run.cpuSeconds).filter((value) => value !== null);
    return [
      variant.key,
      {
        wall: median(runs.map((run) => run.seconds)),
        cpu: cpu.length ? median(cpu) : null,
        rss: rss.length ? median(rss) : null,
        all: runs.map((run) => run.seconds),
      },
    ];
  }),
);
const floor = stats.parse.wall;
const cpuFloor = stats.parse.cpu;
const rows = [["variant", "median s", "files/s", "peak RSS MB", "x parse-only", "CPU s", "CPU x parse", "all runs (s)"]];
for (const variant of variants) {
  const { wall, cpu, rss, all } = stats[variant.key];
  rows.push([
    variant.name,
    wall.toFixed(2),
    (files.length / wall).toFixed(0),
    rss === null ? "n/a" : rss.toFixed(0),
    (wall / floor).toFixed(2),
    cpu === null ? "n/a" : cpu.toFixed(2),
    cpu === null || !cpuFloor ? "n/a" : (cpu / cpuFloor).toFixed(2),
    all.map((seconds) => seconds.toFixed(2)).join(" "),
  ]);
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const [index, row] of rows.entries()) {
  console.log(row.map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ").trimEnd());
  if (index === 0) {
    console.log(widths.map((width) => "-".repeat(width)).join("  "));
  }
}

console.log(`load average at the end: ${loadText()} (a load above 0 means other processes shared the cores)`);

const ratio = (a, b) => stats[a].wall / stats[b].wall;
const fourRules = ratio("eslint4", "parse");
console.log("\nHeadline ratios (median wall):");
console.log(`  four rules / parse-only                 ${fourRules.toFixed(2)}  (target <= 2.0: ${fourRules <= 2 ? "met" : "NOT met"})`);
console.log(`  four rules --concurrency 2 / parse-only ${ratio("eslint4c2", "parse").toFixed(2)}  (goal: near 1.0)`);
console.log(`  four rules / eslint no rules            ${ratio("eslint4", "eslint0").toFixed(2)}`);
console.log(`  eslint no rules / parse-only            ${ratio("eslint0", "parse").toFixed(2)}`);
console.log(`  parse + toPyAst / parse-only            ${ratio("convert", "parse").toFixed(2)}`);
if (cpuFloor) {
  // CPU time is far less sensitive than wall time to other processes sharing the cores.
  const cpuRatio = (key) => (stats[key].cpu / cpuFloor).toFixed(2);
  console.log(
    `  same by median CPU time (user+sys, all threads): four rules / parse-only ${cpuRatio("eslint4")}, ` +
      `four rules / eslint no rules ${(stats.eslint4.cpu / stats.eslint0.cpu).toFixed(2)}, eslint no rules / parse-only ${cpuRatio("eslint0")}`,
  );
}

console.log("\nSanity checks:");
console.log(`  corpus: ${files.length} files, ${lines.toLocaleString("en-US")} lines`);
const parseOut = safeJson(childOutput.parse);
const walkOut = safeJson(childOutput.walk);
const convertOut = safeJson(childOutput.convert);
console.log(`  parse-only: ${parseOut?.files ?? "?"} files parsed, ${parseOut?.withErrors ?? 0} trees with ERROR/MISSING nodes`);
console.log(`  walk: ${walkOut?.nodes?.toLocaleString("en-US") ?? "?"} nodes visited`);
console.log(`  toPyAst: ${convertOut?.files ?? "?"} files converted, ${convertOut?.syntaxErrors ?? 0} with a syntax error, ${convertOut?.comments?.toLocaleString("en-US") ?? "?"} comments`);
for (const key of ["eslint0", "eslint4", "eslint4c2"]) {
  const summary = reports[key];
  const name = variants.find((variant) => variant.key === key).name;
  const perRule = RULES.map((rule) => `${rule.replace("testaudit/", "")} ${summary.perRule[rule]}`).join(", ");
  console.log(`  ${name}: ${summary.files} files linted, ${summary.fatalFiles.length} fatal parse errors, ${summary.crashes.length} crashes` + (key === "eslint0" ? "" : `; problems: ${perRule}`));
  for (const [rule, count] of Object.entries(summary.otherRules)) {
    console.log(`    other rule ${rule}: ${count}`);
  }
  if (summary.otherMessages.length > 0) {
    console.log(`    ${summary.otherMessages.length} messages without a rule, e.g. ${summary.otherMessages[0]}`);
  }
}
const main = reports.eslint4;
if (main.fatalFiles.length > 0) {
  const shown = main.fatalFiles.length > 10 ? `first 10 of ${main.fatalFiles.length}` : `${main.fatalFiles.length}`;
  console.log(`  files with a fatal parse error (${shown}):`);
  for (const line of main.fatalFiles.slice(0, 10)) {
    console.log(`    ${line.startsWith(corpus) ? line.slice(corpus.length + 1) : line}`);
  }
}
const crashes = [...new Set(Object.values(reports).flatMap((summary) => summary.crashes))];
if (crashes.length > 0) {
  console.log(`  CRASHES (${crashes.length}):`);
  for (const line of crashes.slice(0, 20)) {
    console.log(`    ${line}`);
  }
}
if (JSON.stringify(reports.eslint4.perRule) !== JSON.stringify(reports.eslint4c2.perRule)) {
  console.log("  WARNING: --concurrency 2 reported different problem counts than one thread.");
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
