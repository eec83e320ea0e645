/**
 * The one tree-sitter parser of this thread. Loaded on the first parse, not at import time, so that
 * loading the plugin for JS-only work never pays for the native addon. Each worker thread of
 * `eslint --concurrency` gets its own module instance and so its own parser.
 */
import { createRequire } from "node:module";
import type Parser from "tree-sitter";

const require = createRequire(import.meta.url);

let parser: Parser | undefined;

function createParser(): Parser {
  const ParserClass = require("tree-sitter") as typeof Parser;
  const python = require("tree-sitter-python") as Parser.Language;
  const created = new ParserClass();
  created.setLanguage(python);
  return created;
}

/**
 * Parses Python source text; never throws on syntax errors (they become ERROR/MISSING nodes). A lone
 * `\r` ends a line for Python but not for tree-sitter-python, so it is given a `\n` in its place: the
 * same length, so every offset stays the text's.
 */
export function parsePythonTree(text: string): Parser.Tree {
  parser ??= createParser();
  const input = text.includes("\r") ? text.replace(/\r(?!\n)/gu, "\n") : text;
  // A buffer as large as the UTF-16 input avoids the binding's 32 KiB chunked reads on big files.
  return parser.parse(input, null, { bufferSize: input.length * 2 + 2 });
}

export interface NodeTypeInfo {
  type: string;
  named: boolean;
  subtypes?: { type: string; named: boolean }[];
  fields?: Record<string, unknown>;
  children?: unknown;
}

/** tree-sitter-python's node-types.json, for visitor keys, selector classes and the converter's shortcuts. */
export function pythonNodeTypes(): readonly NodeTypeInfo[] {
  return (require("tree-sitter-python") as { nodeTypeInfo: NodeTypeInfo[] }).nodeTypeInfo;
}
