/**
 * Shared by the parse-* children: reads the corpus file list the parent wrote (one absolute path a line)
 * and runs `eachFile(text)` over every file, then prints one JSON line of counters to stdout.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** tree-sitter and tree-sitter-python as the plugin loads them (parsers/python/tree-sitter.ts). */
export function createPythonParser() {
  const require = createRequire(new URL("../package.json", import.meta.url));
  const Parser = require("tree-sitter");
  const python = require("tree-sitter-python");
  const parser = new Parser();
  parser.setLanguage(python);
  return parser;
}

/** `parser.parse` exactly as parsePythonTree calls it. */
export function parse(parser, text) {
  return parser.parse(text, null, { bufferSize: text.length * 2 + 2 });
}

/**
 * A tree's native memory goes only when V8 has collected its JS object and the event loop has then run
 * the binding's finalizer: a synchronous loop over the corpus would keep every tree (about 600 MB for
 * CPython's suite) and slow the parses it times. The loop yields every FILES_PER_TURN files.
 */
const FILES_PER_TURN = 50;

export async function runOverCorpus(eachFile) {
  const listFile = process.argv[2];
  if (!listFile) {
    console.error("usage: node <script> <file-list>");
    process.exit(2);
  }
  const files = readFileSync(listFile, "utf8").split("\n").filter(Boolean);
  const counters = { files: 0 };
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    eachFile(text, counters, file);
    counters.files += 1;
    if (counters.files % FILES_PER_TURN === 0) {
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
    }
  }
  process.stdout.write(`${JSON.stringify(counters)}\n`);
}
