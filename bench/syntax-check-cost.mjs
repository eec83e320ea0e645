#!/usr/bin/env node
/**
 * What the CPython syntax check costs on files tree-sitter accepts, in one process (built dist/):
 * `npm run bench:syntax-check [-- --corpus DIR] [-- --rounds N]`.
 *
 * Three variants over the same texts, read into memory first:
 *   1. parse: tree-sitter alone,
 *   2. convert: parse + toPyAst (which also collects the suspect nodes),
 *   3. check: parse + toPyAst + needsSyntaxCheck on every file + findSyntaxError on the files it picks,
 *      as PythonLanguage.parse() does.
 * A round runs every file through all three variants back to back, their order rotating from file to
 * file, so that a busy moment on a shared machine or GC debt weighs on each alike; the report takes the
 * median of the rounds. Variant 3 also times its gate and its checker alone, which is steadier than
 * the difference of two variants. Only files tree-sitter accepts count: on the others the checker runs
 * anyway, for its error message.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parsePythonTree } from "../dist/parsers/python/tree-sitter.js";
import { toPyAst } from "../dist/parsers/python/to-py-ast.js";
import { findSyntaxError } from "../dist/parsers/python/syntax-check/index.js";
import { needsSyntaxCheck } from "../dist/parsers/python/syntax-check/suspects.js";

const USAGE = "usage: node bench/syntax-check-cost.mjs [--corpus DIR] [--rounds N]";

function parseArgs(argv) {
  const options = { corpus: "/usr/lib/python3.11/test", rounds: 5 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--corpus") {
      options.corpus = argv[++i];
    } else if (argv[i] === "--rounds") {
      options.rounds = Number(argv[++i]);
    } else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.rounds) || options.rounds < 1 || !options.corpus) {
    console.error(USAGE);
    process.exit(2);
  }
  return options;
}

function pythonFiles(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".py"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Counts that keep every variant's work observable, so none of it can be optimized away. */
let sink = 0;

function parseOnly(text) {
  sink += parsePythonTree(text).rootNode.hasError ? 1 : 0;
}

function parseConvert(text) {
  sink += toPyAst(parsePythonTree(text), text).depth;
}

/** Variant 3, with its gate's and its checker's own time added to `round`. */
function parseConvertCheck(text, round) {
  const conversion = toPyAst(parsePythonTree(text), text);
  const gateStart = performance.now();
  const picked = conversion.syntaxError !== null || needsSyntaxCheck(text, conversion.ast, conversion.suspects, conversion.depth);
  const checkStart = performance.now();
  round.gate += checkStart - gateStart;
  if (picked) {
    sink += findSyntaxError(text) === null ? 0 : 1;
    round.checker += performance.now() - checkStart;
    round.checked += 1;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A tree's native memory goes only when V8 has collected its JS object and the event loop has then run
 * the binding's finalizer; a synchronous loop over the corpus frees nothing (about 10 GB on CPython's
 * suite). Every FILES_PER_COLLECTION files, outside the timed parts, a full collection (`node
 * --expose-gc`, which the npm script passes) and a turn of the event loop free the trees made so far.
 */
const FILES_PER_COLLECTION = 50;

async function freeTrees() {
  globalThis.gc?.();
  await new Promise((resolveTurn) => setImmediate(resolveTurn));
}

/** One round: every file through every variant, the variants' order rotating from file to file. */
async function runRound(texts, rotation) {
  const round = { parse: 0, convert: 0, check: 0, gate: 0, checker: 0, checked: 0 };
  const variants = [
    ["parse", (text) => parseOnly(text)],
    ["convert", (text) => parseConvert(text)],
    ["check", (text) => parseConvertCheck(text, round)],
  ];
  for (const [fileIndex, text] of texts.entries()) {
    for (let index = 0; index < variants.length; index++) {
      const [key, run] = variants[(fileIndex + rotation + index) % variants.length];
      const start = performance.now();
      run(text);
      round[key] += performance.now() - start;
    }
    if (fileIndex % FILES_PER_COLLECTION === FILES_PER_COLLECTION - 1) {
      await freeTrees();
    }
  }
  return round;
}

async function measure(texts, rounds) {
  // One untimed round warms the JIT and tree-sitter for all three.
  await runRound(texts, 0);
  const measured = [];
  for (let round = 1; round <= rounds; round++) {
    measured.push(await runRound(texts, round));
  }
  const of = (pick) => median(measured.map(pick));
  const parse = of((round) => round.parse);
  const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
  const ratio = (value) => (value / parse).toFixed(3);
  const row = (label, value) => console.log(`  ${label.padEnd(44)} ${ms(value)}  ${ratio(value)}`);
  console.log(`${texts.length} files tree-sitter accepts, ${measured[0].checked} of them checked; median of ${rounds} rounds (ratio to parse)`);
  row("1. parse", parse);
  row("2. parse + toPyAst", of((round) => round.convert));
  row("3. parse + toPyAst + syntax check", of((round) => round.check));
  row("syntax check added (3 - 2, paired by round)", of((round) => round.check - round.convert));
  row("  needsSyntaxCheck alone (timed inside 3)", of((round) => round.gate));
  row("  findSyntaxError alone (timed inside 3)", of((round) => round.checker));
  row("  both (timed inside 3)", of((round) => round.gate + round.checker));
}

const options = parseArgs(process.argv.slice(2));
const files = pythonFiles(resolve(options.corpus));
// As ESLint reads them: UTF-8, without a BOM.
const texts = files.map((file) => readFileSync(file, "utf8").replace(/^\uFEFF/u, ""));
const accepted = texts.filter((text) => !parsePythonTree(text).rootNode.hasError);
console.log(`${files.length} files in ${options.corpus}, ${files.length - accepted.length} with tree-sitter errors left out; node ${process.version}`);
await measure(accepted, options.rounds);
if (sink < 0) {
  console.log(sink);
}
