/**
 * The SourceCode ESLint hands to rules for a Python file: text, lines and locations from plugin-kit's
 * TextSourceCodeBase, plus traversal and inline `# eslint-...` directives read from Python comments.
 */
import type { FileProblem, SourceLocation } from "@eslint/core";
import { ConfigCommentParser, Directive, TextSourceCodeBase } from "@eslint/plugin-kit";
import type { PyNode } from "./py-node.js";

// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- ESLint's LanguageOptions is a Record, which only a type alias satisfies (an interface has no implicit index signature).
export type PythonLanguageOptions = {
  /** Lint files with syntax errors instead of reporting a fatal parsing error. */
  tolerant?: boolean;
};

const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;
const commentParser = new ConfigCommentParser();

/**
 * A visit step without `args`: ESLint then calls visitors with the node alone (`visitor(step.target)`),
 * so no array is made for each of the millions of steps a large file has. The type declares `args` only
 * to satisfy @eslint/core's step interface; at run time the property is absent, which is what ESLint checks.
 */
class PyVisitStep {
  readonly type = "visit";
  readonly kind = 1;
  declare readonly args: unknown[];

  constructor(
    readonly target: PyNode,
    readonly phase: 1 | 2,
  ) {}
}

/** The comment's text after `#`, which is what ESLint's directive grammar expects. */
function directiveText(comment: PyNode): string {
  return comment.text.slice(1);
}

export class PythonSourceCode extends TextSourceCodeBase<{
  LangOptions: PythonLanguageOptions;
  RootNode: PyNode;
  SyntaxElementWithLoc: PyNode;
  ConfigNode: PyNode;
}> {
  /** Every `#` comment of the file, in source order. */
  readonly comments: readonly PyNode[];
  #inlineConfigComments: PyNode[] | undefined;

  constructor({ text, ast, comments }: { text: string; ast: PyNode; comments: readonly PyNode[] }) {
    // Python ends a line at "\n", "\r\n" and a lone "\r" alike.
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.comments = comments;
  }

  override getParent(node: PyNode): PyNode | undefined {
    return node.parent ?? undefined;
  }

  /**
   * Enter and exit steps for every node, depth first, made as ESLint consumes them rather than held in
   * an array (two steps per node would otherwise stay alive for the whole file). Steps carry no `args`,
   * so ESLint calls visitors with the node alone (its parent is `node.parent`) and no array is made per
   * step. Iterative, so deep nesting cannot overflow the stack.
   */
  override *traverse(): Iterable<PyVisitStep> {
    const stack: { node: PyNode; next: number }[] = [{ node: this.ast, next: 0 }];
    yield new PyVisitStep(this.ast, 1);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const child = frame.node.children[frame.next];
      if (child) {
        frame.next += 1;
        yield new PyVisitStep(child, 1);
        stack.push({ node: child, next: 0 });
      } else {
        stack.pop();
        yield new PyVisitStep(frame.node, 2);
      }
    }
  }

  /** Comments that hold an `eslint`, `eslint-disable...` or `eslint-enable` directive. */
  getInlineConfigNodes(): PyNode[] {
    this.#inlineConfigComments ??= this.comments.filter((comment) => INLINE_CONFIG.test(directiveText(comment)));
    return this.#inlineConfigComments;
  }

  getDisableDirectives(): { directives: Directive[]; problems: FileProblem[] } {
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const directive = commentParser.parseDirective(directiveText(comment));
      if (!directive || directive.label === "eslint") {
        continue;
      }
      directives.push(
        new Directive({
          type: directive.label.slice("eslint-".length) as Directive["type"],
          node: comment,
          value: directive.value,
          justification: directive.justification,
        }),
      );
    }
    return { directives, problems: [] };
  }

  applyInlineConfig(): { configs: { config: { rules: Record<string, never> }; loc: SourceLocation }[]; problems: FileProblem[] } {
    const configs: { config: { rules: Record<string, never> }; loc: SourceLocation }[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const directive = commentParser.parseDirective(directiveText(comment));
      if (directive?.label !== "eslint") {
        continue;
      }
      const parsed = commentParser.parseJSONLikeConfig(directive.value);
      if (parsed.ok) {
        configs.push({ config: { rules: parsed.config as Record<string, never> }, loc: comment.loc });
      } else {
        problems.push({ ruleId: null, message: parsed.error.message, loc: comment.loc });
      }
    }
    return { configs, problems };
  }
}
