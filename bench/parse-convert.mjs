/** Variant 3: parse + the plugin's own conversion to PyNode objects (built dist/), our floor before ESLint. */
import { runOverCorpus } from "./corpus-list.mjs";
import { parsePythonTree } from "../dist/parsers/python/tree-sitter.js";
import { toPyAst } from "../dist/parsers/python/to-py-ast.js";

await runOverCorpus((text, counters) => {
  const { ast, comments, syntaxError } = toPyAst(parsePythonTree(text), text);
  counters.topLevel = (counters.topLevel ?? 0) + ast.children.length;
  counters.comments = (counters.comments ?? 0) + comments.length;
  if (syntaxError) {
    counters.syntaxErrors = (counters.syntaxErrors ?? 0) + 1;
  }
});
