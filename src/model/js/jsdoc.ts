/**
 * JSDoc-style block comments (`/** ... *\/`) as docstrings: the text between the delimiters, with each
 * line's leading `*` blanked out rather than removed, so every offset in it is still the file's offset.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { findBvjBlocks } from "../bvj.js";
import type { Docstring } from "../test-file-model.js";

export function isJsdoc(comment: TSESTree.Comment): comment is TSESTree.BlockComment {
  return comment.type === "Block" && comment.value.startsWith("*");
}

/** The comment's body with its decoration blanked: `/**\n * Segment: x\n *\/` → body `  \n   Segment: x\n `. */
function blankDecoration(value: string): string {
  return value
    .split("\n")
    .map((line, index) => (index === 0 ? line.replace(/^\*+/u, (stars) => " ".repeat(stars.length)) : line.replace(/^(\s*)\*(?!\/)/u, "$1 ")))
    .join("\n");
}

export class JsdocReader {
  readonly #sourceCode: TSESLint.SourceCode;
  readonly #docstrings = new Map<TSESTree.Comment, Docstring>();

  constructor(sourceCode: TSESLint.SourceCode) {
    this.#sourceCode = sourceCode;
  }

  /** One Docstring per comment, so a block seen from two tests is one block. */
  read(comment: TSESTree.BlockComment): Docstring {
    let docstring = this.#docstrings.get(comment);
    if (!docstring) {
      const text = blankDecoration(comment.value);
      const locate = (index: number): { line: number; column: number } => this.#sourceCode.getLocFromIndex(index);
      docstring = { text, loc: comment.loc, bvjBlocks: findBvjBlocks(text, comment.range[0] + 2, locate) };
      this.#docstrings.set(comment, docstring);
    }
    return docstring;
  }

  /** The JSDoc comment directly before `node` (nothing but white space between them), if any. */
  before(node: TSESTree.Node): Docstring | null {
    const comments = this.#sourceCode.getCommentsBefore(node);
    const last = comments[comments.length - 1];
    return last && isJsdoc(last) ? this.read(last) : null;
  }

  /** The first JSDoc comment of the file, when it comes before any code. */
  top(): Docstring | null {
    const { ast } = this.#sourceCode;
    const first = ast.body[0];
    const leading = first ? this.#sourceCode.getCommentsBefore(first) : ast.comments;
    const comment = leading.find(isJsdoc);
    return comment ? this.read(comment) : null;
  }
}
