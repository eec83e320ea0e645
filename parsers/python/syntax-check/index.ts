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
    if (!(error instanceof SyntaxFound)) {
      throw error;
    }
    parserError = error.problem;
  }
  return laterTokenizerError(tokenization, state) ?? parserError;
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
