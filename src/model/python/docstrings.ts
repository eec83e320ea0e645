/**
 * Docstrings as the model keeps them: the text between the quotes, where it is, and the Business Value
 * Justification blocks it holds.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";
import { findBvjBlocks, type Locator } from "../bvj.js";
import type { Docstring } from "../test-file-model.js";
import { stringBody } from "./syntax.js";

export type DocstringReader = (stringNode: PyNode | null) => Docstring | null;

/** Reads docstring nodes of one file, whose offsets `locate` turns into lines and columns. */
export function docstringReader(locate: Locator): DocstringReader {
  return (stringNode) => {
    const body = stringNode ? stringBody(stringNode) : null;
    if (!stringNode || !body) {
      return null;
    }
    return { text: body.text, loc: stringNode.loc, bvjBlocks: findBvjBlocks(body.text, body.start, locate) };
  };
}
