/** Variant 1: tree-sitter parse of every corpus file; each tree is dropped at once. */
import { createPythonParser, parse, runOverCorpus } from "./corpus-list.mjs";

const parser = createPythonParser();
await runOverCorpus((text, counters) => {
  const tree = parse(parser, text);
  if (tree.rootNode.hasError) {
    counters.withErrors = (counters.withErrors ?? 0) + 1;
  }
});
