#!/usr/bin/env node
/**
 * testaudit benchmark: `npm run bench [-- --only python|js|cli|cache] [-- --corpus DIR] [-- --runs N]`.
 *
 * Four parts, each measured as separate child processes run round-robin N times so noise hits every
 * variant alike; the default runs all four.
 *
 * Python: lints CPython's own test suite (or --corpus DIR):
 *   1. tree-sitter parse only (the floor), 2. parse + TreeCursor walk, 3. parse + our PyNode conversion,
 *   3b. the same plus the CPython syntax check's gate and the check on the files the gate picks,
 *   4. eslint with the testaudit/python language and no rules, 5. eslint with the four rules,
 *   6. the same with --concurrency 2.
 * Reports median wall time, files/s, median peak RSS and the ratio to parse-only.
 *
 * JS/TS: generates a 2,000-file integration-test corpus with bench/generate-js-corpus.mjs (seeded, the
 * same bytes every run) into a temporary folder, then lints it with @typescript-eslint/parser and
 *   1. no rules, 2. eslint-plugin-jest's no-mocks-import + expect-expect (the peer),
 *   3. testaudit's four rules, 4. the same with --concurrency 2.
 * Reports the same columns and the ratios testaudit / jest (target <= 1.5), testaudit / no rules and
 * jest / no rules.
 *
 * Both halves end with sanity checks from ESLint's report (file count, fatal parse errors, problems per
 * rule, crashes).
 *
 * CLI: the `testaudit` command against `eslint` with the same config and four rules, on CPython's suite,
 * on the standard library it sits in (unless --corpus names another), and on a generated pytest suite
 * with a src/ layout (bench/generate-pytest-corpus.mjs) at 1x, 2x and 4x its 755 test files: the
 * wall-time ratio (target <= 1.2), peak RSS, and peak RSS growth per file.
 *
 * Cache: `eslint --cache` with the recommended-python config on a copy of the Python corpus, cold (no
 * cache) and warm (the cache the cold run just wrote), round-robin: the warm/cold ratios of wall and CPU time.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_FILES as JS_DEFAULT_FILES, DEFAULT_SEED as JS_SEED, generateJsCorpus } from "./generate-js-corpus.mjs";
import { DEFAULT_FILES as PYTEST_DEFAULT_FILES, generatePytestCorpus } from "./generate-pytest-corpus.mjs";

const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
const ROOT = resolve(BENCH_DIR, "..");
const DEFAULT_CORPUS = "/usr/lib/python3.11/test";
const ESLINT_BIN = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
const RULES = ["testaudit/no-mocks", "testaudit/require-base-class", "testaudit/require-bvj", "testaudit/max-tests-per-file"];
const JEST_RULES = ["jest/no-mocks-import", "jest/expect-expect"];
const USAGE = "usage: npm run bench [-- --only python|js|cli|cache] [-- --corpus DIR] [-- --runs N] [-- --js-files N]\n" +
  "  --only python|js|cli|cache  run one part (default: all four)\n" +
  "  --corpus DIR      Python corpus (default: CPython's test suite, " + "/usr/lib/python3.11/test)\n" +
  "  --runs N          repetitions of every variant, round-robin (default 3)\n" +
  "  --js-files N      size of the generated JS/TS corpus (default 2000)";

// ---------------------------------------------------------------------------------------------------
// Arguments and corpus.

function parseArgs(argv) {
  const options = { corpus: null, runs: 3, only: null, jsFiles: JS_DEFAULT_FILES };
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
    } else if (flag === "--only") {
      options.only = value();
      if (!["python", "js", "cli", "cache"].includes(options.only)) {
        fail(`--only wants "python", "js", "cli" or "cache", got ${JSON.stringify(options.only)}.`, 2);
      }
    } else if (flag === "--js-files") {
      options.jsFiles = Number(value());
      if (!Number.isInteger(options.jsFiles) || options.jsFiles < 1) {
        fail(`--js-files wants a positive integer, got ${JSON.stringify(argv[i])}.`, 2);
      }
    } else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else {
      fail(`Unknown argument ${JSON.stringify(arg)}.\n${USAGE}`, 2);
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

function summarizeReport(reportFile, rules) {
  const results = JSON.parse(readFileSync(reportFile, "utf8"));
  const summary = {
    files: results.length,
    filesWithProblems: 0,
    fatalFiles: [],
    crashes: [],
    perRule: Object.fromEntries(rules.map((rule) => [rule, 0])),
    otherRules: {},
    otherMessages: [],
  };
  for (const result of results) {
    if (result.messages.length > 0) {
      summary.filesWithProblems += 1;
    }
    for (const message of result.messages) {
      if (message.fatal) {
        // Our language turns a throwing parser into "tree-sitter failed: ..."; a fatal message that is not a
        // "Parsing error" is ESLint's own failure. Everything else fatal is a syntax error in the file.
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
// Measuring and reporting, shared by both halves.

const loadText = () => loadavg().map((value) => value.toFixed(2)).join(" ");

/** Runs every variant `runs` times, round-robin; null (with process.exitCode = 1) when a child fails. */
async function measure(variants, { runs, rssFile, expectedFiles, rules }) {
  const samples = Object.fromEntries(variants.map((variant) => [variant.key, []]));
  const childOutput = {};
  const reports = {};
  const width = Math.max(...variants.map((variant) => variant.name.length)) + 1;
  for (let run = 1; run <= runs; run++) {
    for (const variant of variants) {
      process.stderr.write(`  run ${run}/${runs}  ${variant.name.padEnd(width)} `);
      variant.before?.();
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
        return null;
      }
      if (result.stderr.trim() !== "") {
        console.error(`  stderr of ${variant.name}:\n${result.stderr.trim().split("\n").slice(0, 20).join("\n")}`);
      }
      samples[variant.key].push(result);
      if (run === 1) {
        childOutput[variant.key] = result.stdout.trim();
      }
      if (variant.report) {
        const summary = summarizeReport(variant.report, rules);
        if (summary.files !== expectedFiles) {
          console.error(`\n${variant.name} linted ${summary.files} files, expected ${expectedFiles}: ESLint is skipping part of the corpus.`);
          process.exitCode = 1;
          return null;
        }
        reports[variant.key] ??= summary;
      }
    }
  }
  const stats = Object.fromEntries(
    variants.map((variant) => {
      const all = samples[variant.key];
      const rss = all.map((sample) => sample.rssMb).filter((value) => value !== null);
      const cpu = all.map((sample) => sample.cpuSeconds).filter((value) => value !== null);
      return [
        variant.key,
        {
          wall: median(all.map((sample) => sample.seconds)),
          cpu: cpu.length ? median(cpu) : null,
          rss: rss.length ? median(rss) : null,
          all: all.map((sample) => sample.seconds),
        },
      ];
    }),
  );
  return { stats, childOutput, reports };
}

/**
 * Prints one row per variant: median wall, files/s, median peak RSS, then for each reference
 * (`[key, label]`) the wall ratio to it, median CPU and the CPU ratio to the first reference.
 */
function printTable(variants, stats, fileCount, references) {
  const [cpuKey, cpuLabel] = references[0];
  const header = ["variant", "median s", "files/s", "peak RSS MB", ...references.map(([, label]) => `x ${label}`), "CPU s", `CPU x ${cpuLabel}`, "all runs (s)"];
  const rows = [header];
  for (const variant of variants) {
    const { wall, cpu, rss, all } = stats[variant.key];
    const cpuRef = stats[cpuKey].cpu;
    rows.push([
      variant.name,
      wall.toFixed(2),
      (fileCount / wall).toFixed(0),
      rss === null ? "n/a" : rss.toFixed(0),
      ...references.map(([key]) => (wall / stats[key].wall).toFixed(2)),
      cpu === null ? "n/a" : cpu.toFixed(2),
      cpu === null || !cpuRef ? "n/a" : (cpu / cpuRef).toFixed(2),
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
}

function printReportLine(name, summary, rules, { prefix, problems = true }) {
  const perRule = rules.map((rule) => `${rule.replace(prefix, "")} ${summary.perRule[rule]}`).join(", ");
  console.log(
    `  ${name}: ${summary.files} files linted, ${summary.fatalFiles.length} fatal parse errors, ${summary.crashes.length} crashes` +
      (problems ? `; problems: ${perRule} (in ${summary.filesWithProblems} files)` : ""),
  );
  for (const [rule, count] of Object.entries(summary.otherRules)) {
    console.log(`    other rule ${rule}: ${count}`);
  }
  if (summary.otherMessages.length > 0) {
    console.log(`    ${summary.otherMessages.length} messages without a rule, e.g. ${summary.otherMessages[0]}`);
  }
}

function printFatalAndCrashes(reports, mainKey, root) {
  const main = reports[mainKey];
  if (main.fatalFiles.length > 0) {
    const shown = main.fatalFiles.length > 10 ? `first 10 of ${main.fatalFiles.length}` : `${main.fatalFiles.length}`;
    console.log(`  files with a fatal parse error (${shown}):`);
    for (const line of main.fatalFiles.slice(0, 10)) {
      console.log(`    ${line.startsWith(root) ? line.slice(root.length + 1) : line}`);
    }
  }
  const crashes = [...new Set(Object.values(reports).flatMap((summary) => summary.crashes))];
  if (crashes.length > 0) {
    console.log(`  CRASHES (${crashes.length}):`);
    for (const line of crashes.slice(0, 20)) {
      console.log(`    ${line}`);
    }
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Lines and bytes of `files`; reading them also warms the page cache before the first timed child. */
function measureFiles(files) {
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
  return { lines, bytes };
}

// ---------------------------------------------------------------------------------------------------
// Python: CPython's test suite.

async function benchPython(work) {
  const corpus = resolve(options.corpus ?? DEFAULT_CORPUS);
  const files = listPythonFiles(corpus);
  if (files.length === 0) {
    fail(`No *.py files under ${corpus}.`, 2);
  }
  const { lines, bytes } = measureFiles(files);
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
    { key: "check", name: "parse + toPyAst + syntax check", args: [join(BENCH_DIR, "parse-convert-check.mjs"), listFile], cwd: ROOT },
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

  console.log(`Python: ${files.length} files, ${lines.toLocaleString("en-US")} lines, ${(bytes / 1e6).toFixed(1)} MB in ${corpus}`);
  console.log(`node ${process.version}, ${availableParallelism()} cores, ${options.runs} run(s) of ${variants.length} variants, round-robin; load average ${loadText()}\n`);

  const measured = await measure(variants, { runs: options.runs, rssFile, expectedFiles: files.length, rules: RULES });
  if (measured === null) {
    return;
  }
  const { stats, childOutput, reports } = measured;
  printTable(variants, stats, files.length, [["parse", "parse-only"]]);

  const cpuFloor = stats.parse.cpu;
  const ratio = (a, b) => stats[a].wall / stats[b].wall;
  const fourRules = ratio("eslint4", "parse");
  console.log("\nHeadline ratios (median wall):");
  const twoThreads = ratio("eslint4c2", "parse");
  console.log(`  four rules / parse-only                 ${fourRules.toFixed(2)}  (target <= 1.5: ${fourRules <= 1.5 ? "met" : "NOT met"})`);
  console.log(`  four rules --concurrency 2 / parse-only ${twoThreads.toFixed(2)}  (target <= 1.0: ${twoThreads <= 1 ? "met" : "NOT met"})`);
  console.log(`  four rules / eslint no rules            ${ratio("eslint4", "eslint0").toFixed(2)}`);
  console.log(`  eslint no rules / parse-only            ${ratio("eslint0", "parse").toFixed(2)}`);
  console.log(`  parse + toPyAst / parse-only            ${ratio("convert", "parse").toFixed(2)}`);
  // What the CPython syntax check adds to a parse (its gate on every file, the check on the files it picks):
  // a difference of two noisy medians, which `npm run bench:syntax-check` measures in paired rounds instead.
  console.log(
    `  syntax check added / parse-only         ${((stats.check.wall - stats.convert.wall) / stats.parse.wall).toFixed(3)} by wall time, ` +
      `${stats.parse.cpu ? ((stats.check.cpu - stats.convert.cpu) / stats.parse.cpu).toFixed(3) : "n/a"} by CPU time  (budget <= 0.03)`,
  );
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
  const checkOut = safeJson(childOutput.check);
  console.log(`  syntax check: ${checkOut?.checked ?? 0} files checked, ${checkOut?.syntaxErrors ?? 0} with CPython's syntax error`);
  for (const key of ["eslint0", "eslint4", "eslint4c2"]) {
    const name = variants.find((variant) => variant.key === key).name;
    printReportLine(name, reports[key], RULES, { prefix: "testaudit/", problems: key !== "eslint0" });
  }
  printFatalAndCrashes(reports, "eslint4", corpus);
  if (JSON.stringify(reports.eslint4.perRule) !== JSON.stringify(reports.eslint4c2.perRule)) {
    console.log("  WARNING: --concurrency 2 reported different problem counts than one thread.");
  }
}

// ---------------------------------------------------------------------------------------------------
// JS/TS: the generated integration-test corpus.

/** The generated test files as ESLint enumerates them under the JS configs' `files` pattern. */
function listJsTestFiles(dir) {
  const files = [];
  const visit = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        visit(path);
      } else if (entry.isFile() && /\.(?:test|spec)\.(?:js|ts|tsx)$/u.test(entry.name)) {
        files.push(path);
      }
    }
  };
  visit(dir);
  return files.sort();
}

async function benchJs(work) {
  const corpus = join(work, "js-corpus");
  const started = process.hrtime.bigint();
  const generated = generateJsCorpus(corpus, { seed: JS_SEED, files: options.jsFiles });
  const generationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const files = listJsTestFiles(corpus);
  const { lines, bytes } = measureFiles(files);
  const rssFile = join(work, "rss.txt");
  const byExtension = {};
  for (const file of files) {
    const extension = file.slice(file.lastIndexOf(".", file.lastIndexOf(".") - 1) + 1);
    byExtension[extension] = (byExtension[extension] ?? 0) + 1;
  }
  const e2e = files.filter((file) => file.startsWith(join(corpus, "e2e") + "/")).length;

  // A formatter without each file's source text: the variants report problems in different numbers of files.
  const formatter = join(BENCH_DIR, "json-lean-formatter.mjs");
  const eslintArgs = (config, report, extra = []) => [ESLINT_BIN, "-c", join(BENCH_DIR, config), "--format", formatter, "--output-file", report, ...extra, "."];
  const variant = (key, name, config, extra = []) => ({ key, name, eslint: true, args: eslintArgs(config, join(work, `${key}.json`), extra), report: join(work, `${key}.json`), cwd: corpus });
  const variants = [
    variant("js0", "eslint + TS parser, no rules", "eslint.js-norules.config.js"),
    variant("jest2", "jest: no-mocks-import + expect-expect", "eslint.js-jest.config.js"),
    variant("ta4", "testaudit: four rules", "eslint.js-rules.config.js"),
    variant("ta4c2", "testaudit: four rules, --concurrency 2", "eslint.js-rules.config.js", ["--concurrency", "2"]),
  ];

  console.log(
    `JS/TS: ${files.length} generated test files (seed ${JS_SEED}; ${Object.entries(byExtension).map(([extension, count]) => `${count} .${extension}`).join(", ")}; ${e2e} Playwright under e2e/), ` +
      `${lines.toLocaleString("en-US")} lines, ${(bytes / 1e6).toFixed(1)} MB, generated in ${generationSeconds.toFixed(1)} s`,
  );
  console.log(`node ${process.version}, ${availableParallelism()} cores, ${options.runs} run(s) of ${variants.length} variants, round-robin; load average ${loadText()}\n`);

  const measured = await measure(variants, { runs: options.runs, rssFile, expectedFiles: files.length, rules: [...JEST_RULES, ...RULES] });
  if (measured === null) {
    return;
  }
  const { stats, reports } = measured;
  printTable(variants, stats, files.length, [["jest2", "jest"], ["js0", "no rules"]]);

  const ratio = (a, b) => stats[a].wall / stats[b].wall;
  const cpuRatio = (a, b) => (stats[a].cpu && stats[b].cpu ? stats[a].cpu / stats[b].cpu : NaN);
  const vsJest = ratio("ta4", "jest2");
  /** What the rules add on top of parsing and ESLint's own work: (variant - no rules) / (jest - no rules). */
  const added = (of) => (of("ta4") - of("js0")) / (of("jest2") - of("js0"));
  console.log("\nHeadline ratios (median wall):");
  console.log(`  testaudit four rules / jest two rules        ${vsJest.toFixed(2)}  (target <= 1.5: ${vsJest <= 1.5 ? "met" : "NOT met"})`);
  console.log(`  testaudit four rules / eslint no rules       ${ratio("ta4", "js0").toFixed(2)}`);
  console.log(`  jest two rules / eslint no rules             ${ratio("jest2", "js0").toFixed(2)}`);
  console.log(`  testaudit --concurrency 2 / testaudit        ${ratio("ta4c2", "ta4").toFixed(2)}`);
  console.log(`  rules' own cost, testaudit / jest            ${added((key) => stats[key].wall).toFixed(2)}  (time above no rules; noisy when both are small)`);
  if (stats.ta4.cpu && stats.jest2.cpu && stats.js0.cpu) {
    console.log(
      `  same by median CPU time (user+sys, all threads): testaudit / jest ${cpuRatio("ta4", "jest2").toFixed(2)}, ` +
        `testaudit / no rules ${cpuRatio("ta4", "js0").toFixed(2)}, jest / no rules ${cpuRatio("jest2", "js0").toFixed(2)}, ` +
        `rules' own cost testaudit / jest ${added((key) => stats[key].cpu).toFixed(2)}`,
    );
  }

  console.log("\nSanity checks:");
  console.log(`  corpus: ${files.length} test files (${generated.files.length} generated), ${lines.toLocaleString("en-US")} lines`);
  printReportLine(variants[0].name, reports.js0, [], { prefix: "", problems: false });
  printReportLine(variants[1].name, reports.jest2, JEST_RULES, { prefix: "jest/" });
  printReportLine(variants[2].name, reports.ta4, RULES, { prefix: "testaudit/" });
  printReportLine(variants[3].name, reports.ta4c2, RULES, { prefix: "testaudit/" });
  printFatalAndCrashes(reports, "ta4", corpus);
  if (Object.values(reports).some((summary) => summary.fatalFiles.length > 0)) {
    console.log("  WARNING: generated files failed to parse: a bug in bench/generate-js-corpus.mjs.");
    process.exitCode = 1;
  }
  if (JSON.stringify(reports.ta4.perRule) !== JSON.stringify(reports.ta4c2.perRule)) {
    console.log("  WARNING: --concurrency 2 reported different problem counts than one thread.");
  }
  // At its default options require-base-class requires no base of JS/TS classes (unittest.TestCase is
  // Python's convention) and no imports, so 0 is right here; every other rule has planted cases.
  console.log("  require-base-class: 0 expected at default options (no JS/TS base or import is required by default)");
  for (const rule of [...JEST_RULES, ...RULES.filter((name) => name !== "testaudit/require-base-class")]) {
    const summary = rule.startsWith("jest/") ? reports.jest2 : reports.ta4;
    if (summary.perRule[rule] === 0) {
      console.log(`  WARNING: ${rule} reported nothing on a corpus that has planted cases for it.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The testaudit CLI against eslint with the same config, and its memory as the suite grows.

const CLI_BIN = join(ROOT, "dist", "src", "cli", "main.js");
const CLI_SIZES = [1, 2, 4];

async function benchCli(work) {
  const rssFile = join(work, "rss.txt");
  const config = join(BENCH_DIR, "eslint.rules.config.js");
  const cpython = resolve(options.corpus ?? DEFAULT_CORPUS);
  const corpora = [{ key: "cpython", name: `CPython's test suite (${listPythonFiles(cpython).length} files)`, dir: cpython }];
  // The folder CPython's test suite sits in: real Python files by the thousand, the suite among them, for peak memory at that size.
  const stdlib = options.corpus === null ? { key: "stdlib", name: `CPython's standard library, its test suite included (${listPythonFiles(dirname(cpython)).length} files)`, dir: dirname(cpython) } : null;
  if (stdlib) {
    corpora.push(stdlib);
  }
  for (const times of CLI_SIZES) {
    const dir = join(work, `pytest-corpus-${times}x`);
    const count = generatePytestCorpus(dir, { files: PYTEST_DEFAULT_FILES * times });
    corpora.push({ key: `pytest${times}x`, name: `generated pytest suite, src/ layout, ${times}x (${count} test files)`, dir, times, files: listPythonFiles(dir).length });
  }
  const variants = corpora.flatMap((corpus) => [
    { key: `${corpus.key}-eslint`, name: `${corpus.key}: eslint`, eslint: true, args: [ESLINT_BIN, "-c", config, "--format", "json", "--output-file", join(work, "cli-eslint.json"), "."], cwd: corpus.dir },
    // Exit 1 is the gate failing on the corpus's findings, as ESLint's 1 is problems found.
    { key: `${corpus.key}-testaudit`, name: `${corpus.key}: testaudit`, eslint: true, args: [CLI_BIN, "--config", config, "--no-progress", "--format", "json", "--output", join(work, "cli-testaudit.json"), "."], cwd: corpus.dir },
  ]);
  console.log("The testaudit CLI (audit, JSON report) against eslint (JSON report) with the same config, four rules:");
  for (const corpus of corpora) {
    console.log(`  ${corpus.key}: ${corpus.name}`);
  }
  console.log(`node ${process.version}, ${availableParallelism()} cores, ${options.runs} run(s) of ${variants.length} variants, round-robin; load average ${loadText()}\n`);
  const measured = await measure(variants, { runs: options.runs, rssFile, expectedFiles: null, rules: RULES });
  if (measured === null) {
    return;
  }
  const { stats } = measured;
  const rows = [["corpus", "eslint s", "testaudit s", "testaudit / eslint", "CPU testaudit / eslint", "eslint MB", "testaudit MB"]];
  for (const corpus of corpora) {
    const eslint = stats[`${corpus.key}-eslint`];
    const cli = stats[`${corpus.key}-testaudit`];
    const cpuRatio = eslint.cpu && cli.cpu ? (cli.cpu / eslint.cpu).toFixed(2) : "n/a";
    rows.push([corpus.key, eslint.wall.toFixed(2), cli.wall.toFixed(2), `${(cli.wall / eslint.wall).toFixed(2)} (target <= 1.2)`, cpuRatio, eslint.rss?.toFixed(0) ?? "n/a", cli.rss?.toFixed(0) ?? "n/a"]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "));
    if (index === 0) {
      console.log(widths.map((width) => "-".repeat(width)).join("  "));
    }
  }
  const [smallest, largest] = [corpora.find((corpus) => corpus.times === 1), corpora.find((corpus) => corpus.times === CLI_SIZES.at(-1))];
  const growth = (tool) => ((stats[`${largest.key}-${tool}`].rss - stats[`${smallest.key}-${tool}`].rss) * 1024) / (largest.files - smallest.files);
  console.log(`\nPeak RSS growth per file from 1x to ${CLI_SIZES.at(-1)}x (median peaks): testaudit ${growth("testaudit").toFixed(0)} KB (target < 50), eslint ${growth("eslint").toFixed(0)} KB`);
  if (stdlib) {
    console.log(`Peak RSS on the standard library (median): testaudit ${stats["stdlib-testaudit"].rss?.toFixed(0) ?? "n/a"} MB (target < 400 MB at 1,665 files), eslint ${stats["stdlib-eslint"].rss?.toFixed(0) ?? "n/a"} MB`);
  }
  console.log(`load average at the end: ${loadText()}`);
}

// ---------------------------------------------------------------------------------------------------
// eslint --cache: a warm run against a cold one.

async function benchCache(work) {
  const rssFile = join(work, "rss.txt");
  const corpus = resolve(options.corpus ?? DEFAULT_CORPUS);
  // A copy, so the cache and testaudit's manifest of dependencies live in the work folder.
  const dir = join(work, "cache-corpus");
  cpSync(corpus, dir, { recursive: true });
  writeFileSync(join(dir, "eslint.config.js"), `import testaudit from ${JSON.stringify(pathToFileURL(join(ROOT, "dist/src/index.js")).href)};\nexport default [{ ...testaudit.configs["recommended-python"], files: ["**/*.py"] }];\n`);
  const cacheDir = join(work, "eslint-cache");
  const args = [ESLINT_BIN, "--cache", "--cache-location", `${cacheDir}/`, "--format", "json", "--output-file", join(work, "cache.json"), "."];
  const variants = [
    { key: "cold", name: "eslint --cache, cold", eslint: true, args, cwd: dir, before: () => rmSync(cacheDir, { recursive: true, force: true }) },
    { key: "warm", name: "eslint --cache, warm", eslint: true, args, cwd: dir },
  ];
  console.log(`eslint --cache with testaudit's recommended-python config on a copy of ${corpus} (${listPythonFiles(dir).length} files):`);
  console.log(`node ${process.version}, ${availableParallelism()} cores, ${options.runs} run(s) of each, round-robin (every warm run follows a cold one); load average ${loadText()}\n`);
  const measured = await measure(variants, { runs: options.runs, rssFile, expectedFiles: null, rules: RULES });
  if (measured === null) {
    return;
  }
  const { cold, warm } = measured.stats;
  console.log(`cold: ${cold.wall.toFixed(2)} s wall, ${cold.cpu.toFixed(2)} s CPU; warm: ${warm.wall.toFixed(2)} s wall, ${warm.cpu.toFixed(2)} s CPU (medians)`);
  // A warm run lints nothing (test/e2e/cache.test.ts checks that): what it costs is starting ESLint and reading its cache file.
  console.log(`warm / cold: ${(warm.wall / cold.wall).toFixed(3)} wall, ${(warm.cpu / cold.cpu).toFixed(3)} CPU`);
  console.log(`load average at the end: ${loadText()}`);
}

// ---------------------------------------------------------------------------------------------------
// Main.

const options = parseArgs(process.argv.slice(2));
const runPython = options.only === null || options.only === "python";
const runJs = options.only === null || options.only === "js";
const runCli = options.only === null || options.only === "cli";
const runCache = options.only === null || options.only === "cache";
if (runPython || runCli || runCache) {
  const corpus = resolve(options.corpus ?? DEFAULT_CORPUS);
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
    if (options.corpus === null) {
      fail(
        `The benchmark corpus ${DEFAULT_CORPUS} (CPython's test suite) is not installed.\n` +
          "Install it with:  apt-get update && apt-get install -y libpython3.11-testsuite\n" +
          "or point the benchmark at another folder of Python files:  npm run bench -- --corpus DIR\n" +
          "or run only the JS/TS half:  npm run bench -- --only js",
        2,
      );
    }
    fail(`--corpus ${options.corpus}: no such directory.`, 2);
  }
}
for (const built of ["dist/src/index.js", "dist/parsers/python/tree-sitter.js", "dist/parsers/python/to-py-ast.js"]) {
  if (!existsSync(join(ROOT, built))) {
    fail(`${built} is missing: build first (npm run build, which npm run bench does for you).`, 2);
  }
}
if (!existsSync(ESLINT_BIN)) {
  fail(`${ESLINT_BIN} is missing: run npm install.`, 2);
}
if (runJs && !existsSync(join(ROOT, "node_modules", "eslint-plugin-jest"))) {
  fail("eslint-plugin-jest (the JS/TS half's peer) is missing: run npm install.", 2);
}

const work = mkdtempSync(join(tmpdir(), "testaudit-bench-"));
try {
  if (runPython) {
    await benchPython(work);
  }
  if (runJs && process.exitCode !== 1) {
    if (runPython) {
      console.log(`\n${"=".repeat(100)}\n`);
    }
    await benchJs(work);
  }
  if (runCli && process.exitCode !== 1) {
    if (runPython || runJs) {
      console.log(`\n${"=".repeat(100)}\n`);
    }
    await benchCli(work);
  }
  if (runCache && process.exitCode !== 1) {
    if (runPython || runJs || runCli) {
      console.log(`\n${"=".repeat(100)}\n`);
    }
    await benchCache(work);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
