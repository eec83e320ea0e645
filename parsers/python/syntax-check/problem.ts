/** A syntax error as CPython reports it: its message, exception class, and where. */
export type ErrorClass = "SyntaxError" | "IndentationError" | "TabError";

export interface SyntaxProblem {
  /** CPython's `msg`, e.g. "expected ':'". */
  message: string;
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units (CPython's `offset`, which counts code points). */
  column: number;
  errorClass: ErrorClass;
}

export function problem(message: string, line: number, column: number, errorClass: ErrorClass = "SyntaxError"): SyntaxProblem {
  // CPython says 0 (or nothing) where its column is unknown; ESLint's columns start at 1.
  return { message, line, column: Math.max(column, 1), errorClass };
}
