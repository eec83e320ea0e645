/**
 * The reasons comments give to JS/TS skip marks whose API takes none (`it.skip`, `xit`, `describe.skip`,
 * `@test.skip`): a `//` comment alone on the line above the mark, or a comment after the mark on its line
 * (see comment-reason.ts).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { commentReason } from "../comment-reason.js";
import type { Loc } from "../test-file-model.js";

export class JsCommentReasons {
  readonly #sourceCode: TSESLint.SourceCode;
  /** Comments by the line they start on, read on first use: most files skip nothing. */
  #byLine: Map<number, TSESTree.Comment[]> | null = null;

  constructor(sourceCode: TSESLint.SourceCode) {
    this.#sourceCode = sourceCode;
  }

  reasonFor(loc: Loc): string | null {
    if (this.#byLine === null) {
      this.#byLine = new Map();
      for (const comment of this.#sourceCode.getAllComments()) {
        const line = comment.loc.start.line;
        this.#byLine.set(line, [...(this.#byLine.get(line) ?? []), comment]);
      }
    }
    const trailing = (this.#byLine.get(loc.end.line) ?? []).find((comment) => comment.loc.start.column >= loc.end.column);
    const trailingText = trailing === undefined ? undefined : trailing.type === "Line" ? `//${trailing.value}` : `/*${trailing.value}*/`;
    return commentReason("//", this.#sourceCode.lines[loc.start.line - 2], trailingText);
  }
}
