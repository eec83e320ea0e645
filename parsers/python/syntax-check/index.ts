/**
 * `findSyntaxError(text)`: the SyntaxError (or IndentationError, TabError) CPython 3.11 raises for a
 * Python file, with its message, line and column, or null when CPython (or a newer Python, for syntax
 * added since) accepts the file.
 *
 * How CPython decides which error to report, followed here:
 * 1. The parser runs over tokens pulled lazily from the tokenizer; a tokenizer error met on the way
 *    is final.
 * 2. When the first pass fails, a second pass runs with the `invalid_*` rules on; the first of them
 *    that matches raises its message. Errors raised during the first pass (`&&':'`, string literal
 *    errors) skip it.
 * 3. With no specific message, "invalid syntax" (or "unexpected indent"/"unexpected unindent") is
 *    reported at the furthest token the first pass fetched.
 * 4. A parser error then loses to a tokenizer error later in the file that CPython raises as a
 *    SyntaxError (bad string, character, number, bracket), and to an unclosed bracket opened on an
 *    earlier line than the furthest token fetched.
 * 5. A module that parses still goes through the compiler's checks (see compile-checks.ts).
 */
import { findCompileError } from "./compile-checks.js";
import { ParserState, SyntaxFound, TokenizerFound } from "./parser-state.js";
import type { SyntaxProblem } from "./problem.js";
import { Grammar } from "./statements.js";
import { type Tokenization, TokenType, tokenize } from "./tokenizer.js";

export type { SyntaxProblem } from "./problem.js";

export function findSyntaxError(text: string): SyntaxProblem | null {
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    // CPython 3.11 refuses the source before tokenizing, with no position: the NUL itself is shown.
    const before = text.slice(0, nul).split(/\r\n|\r|\n/u);
    return { message: "source code string cannot contain null bytes", line: before.length, column: before[before.length - 1]!.length + 1, errorClass: "SyntaxError" };
  }
  const tokenization = tokenize(text);
  const state = new ParserState(tokenization);
  const grammar = new Grammar(state);
  let parserError: SyntaxProblem;
  try {
    const module = grammar.file();
    if (module !== null) {
      return findCompileError(module);
    }
    parserError = secondPass(state, grammar);
  } catch (error) {
    if (error instanceof TokenizerFound) {
      return error.error;
    }
    if (error instanceof RangeError) {
      return tooDeep(tokenization, state);
    }
    if (!(error instanceof SyntaxFound)) {
      throw error;
    }
    parserError = error.problem;
  }
  return laterTokenizerError(tokenization, state) ?? parserError;
}

/**
 * The JavaScript stack ran out before the depth limit of ParserState (each nesting level costs the
 * recursive descent dozens of frames). CPython's parser, with a deeper C stack, would reach the
 * tokenizer's error (200 nested brackets, 100 indentation levels) when there is one; otherwise it
 * gives up too.
 */
function tooDeep(tokenization: Tokenization, state: ParserState): SyntaxProblem {
  if (tokenization.error !== null) {
    return tokenization.error;
  }
  const token = state.tokens[Math.min(state.furthest, state.tokens.length - 1)]!;
  return { message: "too many nested expressions", line: token.line, column: Math.max(token.col + 1, 1), errorClass: "SyntaxError" };
}

/** Runs the `invalid_*` rules; their error, or the generic one at the first pass's furthest token. */
function secondPass(state: ParserState, grammar: Grammar): SyntaxProblem {
  const furthest = state.tokens[state.furthest]!;
  state.reset();
  state.invalidRules = true;
  try {
    grammar.file();
  } catch (error) {
    if (error instanceof SyntaxFound) {
      return error.problem;
    }
    throw error;
  }
  if (furthest.type === TokenType.Indent || furthest.type === TokenType.Dedent) {
    try {
      state.raiseAtLast(furthest.type === TokenType.Indent ? "unexpected indent" : "unexpected unindent", "IndentationError");
    } catch (error) {
      return (error as SyntaxFound).problem;
    }
  }
  try {
    state.raiseAt(furthest, "invalid syntax");
  } catch (error) {
    return (error as SyntaxFound).problem;
  }
}

/** CPython's _PyPegen_tokenize_full_source_to_check_for_errors. */
function laterTokenizerError(tokenization: Tokenization, state: ParserState): SyntaxProblem | null {
  const error = tokenization.error;
  if (error === null) {
    return null;
  }
  if (error.kind === "raised") {
    return error;
  }
  const furthestLine = state.tokens[Math.min(state.furthest, state.tokens.length - 1)]!.line;
  if (error.kind === "unclosed" && furthestLine > error.bracketLine) {
    return error;
  }
  return null;
}

/** The UTF-16 offset of a 1-based line and column in CPython's lines ("\n", "\r\n" or a lone "\r" ends one). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line && offset < text.length; offset++) {
    const c = text.charCodeAt(offset);
    if (c === 10 || (c === 13 && text.charCodeAt(offset + 1) !== 10)) {
      current++;
    }
  }
  return Math.min(offset + column - 1, text.length);
}
