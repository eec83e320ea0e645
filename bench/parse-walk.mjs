/** Variant 2: parse + a full TreeCursor walk over every node (named and anonymous), reading each type. */
import { createPythonParser, parse, runOverCorpus } from "./corpus-list.mjs";

const parser = createPythonParser();
await runOverCorpus((text, counters) => {
  const cursor = parse(parser, text).walk();
  let nodes = 0;
  let typeChars = 0;
  for (;;) {
    nodes += 1;
    typeChars += cursor.nodeType.length;
    if (cursor.gotoFirstChild()) {
      continue;
    }
    let done = false;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
    if (done) {
      break;
    }
  }
  counters.nodes = (counters.nodes ?? 0) + nodes;
  counters.typeChars = (counters.typeChars ?? 0) + typeChars;
});
