/**
 * `testaudit/python`: ESLint's Language object for Python, backed by tree-sitter-python.
 */
import type { File, FileError, Language, OkParseResult, ParseResult } from "@eslint/core";
import { decodePythonSource } from "./decode-source.js";
import type { PyNode } from "./py-node.js";
import { PythonSourceCode, type PythonLanguageOptions } from "./python-source-code.js";
import { findSyntaxError, offsetOf } from "./syntax-check/index.js";
import { needsSyntaxCheck } from "./syntax-check/suspects.js";
import { SourceText } from "./source-text.js";
import { type PyConversion, toPyAst } from "./to-py-ast.js";
import { parsePythonTree } from "./tree-sitter.js";
import { buildSelectorClasses, buildVisitorKeys } from "./visitor-keys.js";

let selectorClasses: Map<string, Set<string>> | undefined;

/** The text is the file's as CPython decodes it, which may differ from what ESLint read as UTF-8. */
export type PythonParseResult = OkParseResult<PyNode> & { comments: PyNode[]; text: string };

/**
 * The syntax error CPython would report, as ESLint's FileError (1-based line and column). The checker
 * runs only when tree-sitter found an error or the tree holds a construct tree-sitter accepts that
 * CPython may not; when it finds nothing, CPython accepts the file and it is linted as it parsed.
 */
function cpythonSyntaxError(text: string, conversion: PyConversion): FileError | null {
  if (conversion.syntaxError === null && !needsSyntaxCheck(text, conversion.ast, conversion.suspects, conversion.depth)) {
    return null;
  }
  const found = findSyntaxError(text);
  if (found === null) {
    return null;
  }
  // CPython also ends lines at a lone "\r"; the position is given in the lines ESLint shows.
  const position = new SourceText(text).positionOf(offsetOf(text, found.line, found.column));
  return { message: found.message, line: position.line, column: position.column + 1 };
}

export class PythonLanguage
  implements Language<{ LangOptions: PythonLanguageOptions; Code: PythonSourceCode; RootNode: PyNode; Node: PyNode }>
{
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = "type";
  readonly defaultLanguageOptions: PythonLanguageOptions = { tolerant: false };
  #visitorKeys: Record<string, string[]> | undefined;

  get visitorKeys(): Record<string, string[]> {
    this.#visitorKeys ??= buildVisitorKeys();
    return this.#visitorKeys;
  }

  /** Only our own keys are checked: other config objects (a JS parser, say) may merge into .py files. */
  validateLanguageOptions(options: PythonLanguageOptions): void {
    if ("tolerant" in options && options.tolerant !== undefined && typeof options.tolerant !== "boolean") {
      throw new TypeError(`Expected "tolerant" to be a boolean, got ${typeof options.tolerant}.`);
    }
  }

  /** ESLint calls this unbound (`language.matchesSelectorClass` passed as a function), so no `this`. */
  matchesSelectorClass(className: string, node: PyNode): boolean {
    selectorClasses ??= buildSelectorClasses();
    return selectorClasses.get(className.toLowerCase())?.has(node.type) ?? false;
  }

  parse(file: File, context: { languageOptions: PythonLanguageOptions }): ParseResult<PyNode> {
    const tolerant = context.languageOptions.tolerant === true;
    const decoded = decodePythonSource(file);
    if (!decoded.ok && !tolerant) {
      return { ok: false, errors: [{ message: decoded.error.message, line: decoded.error.line, column: decoded.error.column + 1 }] };
    }
    // A tolerant lint of a file CPython cannot decode reads it as ESLint did.
    const text = decoded.ok ? decoded.text : String(file.body);
    let conversion;
    try {
      conversion = toPyAst(parsePythonTree(text), text);
    } catch (error) {
      // tree-sitter does not throw on bad syntax; this is a broken binding or exhausted memory.
      const errors: FileError[] = [{ message: `tree-sitter failed: ${(error as Error).message}`, line: 1, column: 1 }];
      return { ok: false, errors };
    }
    const fileError = tolerant ? null : cpythonSyntaxError(text, conversion);
    if (fileError !== null) {
      return { ok: false, errors: [fileError] };
    }
    const { ast, comments } = conversion;
    const result: PythonParseResult = { ok: true, ast, comments, text };
    return result;
  }

  createSourceCode(file: File, input: OkParseResult<PyNode>): PythonSourceCode {
    const { text, comments } = input as PythonParseResult;
    return new PythonSourceCode({ text, ast: input.ast, comments });
  }
}
