/**
 * Variant 3b: variant 3 plus what PythonLanguage.parse() adds for syntax errors: the cheap test of
 * which files need the CPython syntax check, and the check itself on those files (built dist/).
 */
import { runOverCorpus } from "./corpus-list.mjs";
import { parsePythonTree } from "../dist/parsers/python/tree-sitter.js";
import { toPyAst } from "../dist/parsers/python/to-py-ast.js";
import { findSyntaxError } from "../dist/parsers/python/syntax-check/index.js";
import { needsSyntaxCheck } from "../dist/parsers/python/syntax-check/suspects.js";

await runOverCorpus((text, counters) => {
  const { ast, comments, syntaxError, suspects, depth } = toPyAst(parsePythonTree(text), text);
  counters.topLevel = (counters.topLevel ?? 0) + ast.children.length;
  counters.comments = (counters.comments ?? 0) + comments.length;
  if (syntaxError !== null || needsSyntaxCheck(text, ast, suspects, depth)) {
    counters.checked = (counters.checked ?? 0) + 1;
    if (findSyntaxError(text) !== null) {
      counters.syntaxErrors = (counters.syntaxErrors ?? 0) + 1;
    }
  }
});
