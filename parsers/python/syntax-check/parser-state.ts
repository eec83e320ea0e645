/**
 * The token cursor the grammar check walks, with pegen's bookkeeping: the furthest token ever looked
 * at (CPython reports a generic "invalid syntax" there), memoized rule results, and the two passes
 * (the second one runs the `invalid_*` rules that raise CPython's specific messages).
 */
import { type ErrorClass, type SyntaxProblem, problem } from "./problem.js";
import type { Span } from "./syntax-tree.js";
import { type Token, type Tokenization, type TokenizerError, TokenType } from "./tokenizer.js";

export const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
  "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
  "return", "try", "while", "with", "yield",
]);

/** Thrown to stop parsing with CPython's error. */
export class SyntaxFound extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

/** Thrown when the parser asks for the token the tokenizer could not produce. */
export class TokenizerFound extends Error {
  constructor(readonly error: TokenizerError) {
    super(error.message);
  }
}

interface MemoEntry {
  rule: number;
  end: number;
  value: unknown;
  next: MemoEntry | undefined;
}

/** Bounds recursion: deeper nesting is reported like CPython's parser stack overflow. */
const MAX_DEPTH = 1000;

export class ParserState {
  pos = 0;
  /** Index of the furthest token fetched, in either pass (pegen's `p->fill - 1`). */
  furthest = 0;
  /** The second pass: `invalid_*` rules are on. */
  invalidRules = false;
  depth = 0;
  readonly tokens: Token[];
  readonly #errorAt: number;
  readonly #tokenizerError: TokenizerError | null;
  readonly #lineStarts: number[];
  readonly #text: string;
  /** Memoized results by token index, as pegen keeps them on its tokens: a short list per token. */
  #memo: (MemoEntry | undefined)[] = [];

  constructor(tokenization: Tokenization) {
    this.tokens = tokenization.tokens;
    this.#errorAt = tokenization.error === null ? -1 : tokenization.errorAt;
    this.#tokenizerError = tokenization.error;
    this.#lineStarts = tokenization.lineStarts;
    this.#text = tokenization.text;
  }

  /** A state over an f-string field's own tokens, sharing this file's lines. */
  fieldState(tokens: Token[]): ParserState {
    return new ParserState({ tokens, error: null, errorAt: -1, lineStarts: this.#lineStarts, text: this.#text });
  }

  /** Starts the second pass over the same tokens. */
  reset(): void {
    this.pos = 0;
    this.depth = 0;
    this.#memo = [];
  }

  peek(): Token {
    const pos = this.pos;
    if (pos > this.furthest) {
      this.furthest = pos;
    }
    if (pos === this.#errorAt) {
      throw new TokenizerFound(this.#tokenizerError!);
    }
    return this.tokens[pos]!;
  }

  /** The token after the next one (used for a two-token lookahead); never past a tokenizer error. */
  peekSecond(): Token {
    this.pos++;
    try {
      return this.peek();
    } finally {
      this.pos--;
    }
  }

  next(): Token {
    const token = this.peek();
    this.pos++;
    return token;
  }

  op(text: string): Token | null {
    const token = this.peek();
    if (token.type === TokenType.Op && token.text === text) {
      this.pos++;
      return token;
    }
    return null;
  }

  isOp(text: string): boolean {
    const token = this.peek();
    return token.type === TokenType.Op && token.text === text;
  }

  keyword(word: string): Token | null {
    const token = this.peek();
    if (token.type === TokenType.Name && token.text === word) {
      this.pos++;
      return token;
    }
    return null;
  }

  isKeyword(word: string): boolean {
    const token = this.peek();
    return token.type === TokenType.Name && token.text === word;
  }

  /** A NAME that is not a keyword. */
  name(): Token | null {
    const token = this.peek();
    if (token.type === TokenType.Name && !KEYWORDS.has(token.text)) {
      this.pos++;
      return token;
    }
    return null;
  }

  type(type: TokenType): Token | null {
    const token = this.peek();
    if (token.type === type) {
      this.pos++;
      return token;
    }
    return null;
  }

  isType(type: TokenType): boolean {
    return this.peek().type === type;
  }

  /** `&&'x'`: a token that must be there, or CPython's "expected 'x'" at the token found instead. */
  forced(text: string): Token {
    const found = this.op(text);
    if (found === null) {
      this.raiseAt(this.peek(), `expected '${text}'`);
    }
    return found;
  }

  /** Runs a rule once per position and pass (pegen's `(memo)`): keeps nested brackets linear. */
  memo<T>(rule: number, parse: () => T): T {
    const start = this.pos;
    for (let entry = this.#memo[start]; entry !== undefined; entry = entry.next) {
      if (entry.rule === rule) {
        this.pos = entry.end;
        return entry.value as T;
      }
    }
    const value = parse();
    this.#memo[start] = { rule, end: this.pos, value, next: this.#memo[start] };
    return value;
  }

  /** Runs `parse`, and restores the position when it yields null. */
  attempt<T>(parse: () => T | null): T | null {
    const mark = this.pos;
    const value = parse();
    if (value === null) {
      this.pos = mark;
    }
    return value;
  }

  /** Positive lookahead. */
  ahead(parse: () => unknown): boolean {
    const mark = this.pos;
    const found = parse() !== null;
    this.pos = mark;
    return found;
  }

  /** Runs `parse` one nesting level deeper, for the rules through which brackets and blocks recurse. */
  nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      // CPython's parser gives up on such nesting too (with a MemoryError or RecursionError).
      const token = this.peek();
      throw new SyntaxFound(problem("too many nested expressions", token.line, token.col + 1));
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION / _RANGE / _STARTING_FROM: at the start of a node or token. */
  raiseAt(at: Span | Token, message: string, errorClass: ErrorClass = "SyntaxError"): never {
    const col = at.col < 0 ? this.#cursorColumn(at as Token) - 1 : at.col;
    throw new SyntaxFound(problem(message, at.line, col + 1, errorClass));
  }

  /** RAISE_ERROR_KNOWN_LOCATION with an explicit 1-based column. */
  raiseAtColumn(line: number, column: number, message: string): never {
    throw new SyntaxFound(problem(message, line, column));
  }

  /** RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the furthest token fetched. */
  raiseAtLast(message: string, errorClass: ErrorClass = "SyntaxError"): never {
    const last = this.tokens[Math.min(this.furthest, this.tokens.length - 1)]!;
    if (last.col < 0) {
      // INDENT and DEDENT have no column: CPython takes its tokenizer's cursor, just past the indentation.
      throw new SyntaxFound(problem(message, last.line, this.#cursorColumn(last), errorClass));
    }
    throw new SyntaxFound(problem(message, last.line, last.col + 1, errorClass));
  }

  /** CPython's tokenizer cursor past a token without a column; a line end counts as one character ("\r\n" too). */
  #cursorColumn(token: Token): number {
    const lineStart = this.#lineStarts[token.line - 1]!;
    let contentEnd = token.start;
    while (contentEnd > lineStart && (this.#text.charCodeAt(contentEnd - 1) === 10 || this.#text.charCodeAt(contentEnd - 1) === 13)) {
      contentEnd--;
    }
    return contentEnd < token.start ? contentEnd - lineStart + 1 : token.start - lineStart;
  }
}
