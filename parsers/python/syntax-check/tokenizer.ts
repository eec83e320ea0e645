/**
 * Python 3.11's tokenizer (CPython's Parser/tokenizer.c), rewritten for one job: the tokens the grammar
 * check needs and the first error the tokenizer would raise, with CPython's message and position.
 *
 * CPython tokenizes lazily, so an error is only raised when the parser asks for the token that fails;
 * here the whole text is tokenized up front and the error is recorded with the index of the token that
 * could not be produced (`errorAt`). Columns are UTF-16 code units (what ESLint shows), not CPython's
 * code points; the corpus test converts.
 *
 * Line ends are "\n", "\r\n" and a lone "\r", as CPython's universal newlines read them. f-strings are
 * scanned as PEP 701 (Python 3.12) reads them, so that quotes reused inside a replacement field, which
 * newer Pythons accept, never become an error here.
 */
import { type SyntaxProblem, problem } from "./problem.js";

export const enum TokenType {
  Name,
  Number,
  String,
  Op,
  Newline,
  Indent,
  Dedent,
  EndMarker,
}

export interface Token {
  type: TokenType;
  /** The source text (for an operator, the operator itself). */
  text: string;
  /** 1-based line where the token starts. */
  line: number;
  /** 0-based UTF-16 column of its start; -1 for INDENT and DEDENT, which CPython gives no column. */
  col: number;
  endLine: number;
  endCol: number;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  /** Bracket nesting level at the token's start (CPython reports "forgot a comma" only inside brackets). */
  level: number;
  /** An f-string: its replacement fields are checked by the grammar check (see `fields`). */
  fstring?: FStringField[];
  /** An f-string whose fields could not be read: the "f-string: ..." error 3.11 raises for it. */
  fstringError?: string;
}

/** Where the tokenizer is, to scan a string twice. */
interface TokenizerPlace {
  pos: number;
  line: number;
  lineStart: number;
  lineStarts: number;
  tokens: number;
  brackets: number;
  atLineStart: boolean;
}

/** One `{...}` replacement field of an f-string, as its own token list (ending in an ENDMARKER). */
export interface FStringField {
  tokens: Token[];
  /** Offset of the "{". */
  open: number;
}

/**
 * How a tokenizer error competes with a grammar error found earlier in the file (CPython's
 * `_PyPegen_tokenize_full_source_to_check_for_errors`): errors CPython raises as SyntaxError objects in
 * the tokenizer win over the parser's; an unclosed bracket wins when it opened on an earlier line;
 * indentation errors and others never do.
 */
export type TokenizerErrorKind = "raised" | "unclosed" | "quiet";

export interface TokenizerError extends SyntaxProblem {
  kind: TokenizerErrorKind;
  /** For "unclosed": the line of the innermost open bracket. */
  bracketLine: number;
}

export interface Tokenization {
  tokens: Token[];
  /** The first tokenizer error, if any, raised when the parser asks for `tokens[errorAt]`. */
  error: TokenizerError | null;
  errorAt: number;
  /** Line starts (UTF-16 offsets), for positions. */
  lineStarts: number[];
  /** The text tokenized (with the line end CPython adds to a last line that has none). */
  text: string;
}

const TAB_SIZE = 8;
const MAX_INDENT = 100;
const MAX_LEVEL = 200;

const THREE_CHAR_OPS = new Set(["**=", "...", "//=", "<<=", ">>=", "!=", "->"]);
const TWO_CHAR_OPS = new Set(["!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>", "==", ">=", ">>", "@=", "^=", "|="]);

const ID_START = /[\p{XID_Start}_]/u;
const ID_CONTINUE = /[\p{XID_Continue}]/u;
/** Python's str.isprintable(): no control, format, surrogate, unassigned, private-use or separator other than space. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** tokenizer.c's is_potential_identifier_start: ASCII letters, "_" and anything non-ASCII. */
function isIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

function isIdentifierChar(c: number): boolean {
  return isIdentifierStart(c) || isDigit(c);
}

function hex4(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(4, "0");
}

class TokenizerStop extends Error {
  constructor(readonly error: TokenizerError) {
    super(error.message);
  }
}

/** Tokenizes `source` (a leading BOM is skipped, as CPython does). */
export function tokenize(source: string): Tokenization {
  const tokenizer = new Tokenizer(source);
  try {
    tokenizer.run();
  } catch (stop) {
    if (!(stop instanceof TokenizerStop)) {
      throw stop;
    }
    return { tokens: tokenizer.tokens, error: stop.error, errorAt: tokenizer.tokens.length, lineStarts: tokenizer.lineStarts, text: tokenizer.text };
  }
  return { tokens: tokenizer.tokens, error: null, errorAt: -1, lineStarts: tokenizer.lineStarts, text: tokenizer.text };
}

interface OpenBracket {
  char: string;
  line: number;
  col: number;
}

class Tokenizer {
  readonly tokens: Token[] = [];
  readonly lineStarts: number[] = [];
  readonly #text: string;
  #pos: number;
  #line = 1;
  #lineStart: number;
  readonly #indents = [0];
  readonly #altIndents = [0];
  readonly #brackets: OpenBracket[] = [];
  #pendingIndents = 0;
  #atLineStart = true;
  /** Whether the current line holds only whitespace and a comment (no NEWLINE token for it). */
  #blankLine = false;

  constructor(source: string) {
    let text = source;
    const last = text.charCodeAt(text.length - 1);
    if (text.length > 0 && last !== 10 && last !== 13) {
      text += "\n";
    }
    this.#text = text;
    this.#pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.#lineStart = this.#pos;
    this.lineStarts.push(0);
  }

  get text(): string {
    return this.#text;
  }

  run(): void {
    for (;;) {
      if (this.#next()) {
        return;
      }
    }
  }

  #code(at: number): number {
    return at < this.#text.length ? this.#text.charCodeAt(at) : -1;
  }

  /** Length of the line end at `at` (0 when none). */
  #newlineLength(at: number): number {
    const c = this.#code(at);
    if (c === 10) {
      return 1;
    }
    if (c === 13) {
      return this.#code(at + 1) === 10 ? 2 : 1;
    }
    return 0;
  }

  #startNewLine(afterNewline: number): void {
    this.#pos = afterNewline;
    this.#line += 1;
    this.#lineStart = afterNewline;
    this.lineStarts.push(afterNewline);
  }

  /** Offset of the end of the current line's content (its line end, or the text's end). */
  #lineEnd(from: number): number {
    let at = from;
    while (at < this.#text.length && this.#newlineLength(at) === 0) {
      at++;
    }
    return at;
  }

  #fail(message: string, line: number, offset: number, kind: TokenizerErrorKind = "raised", errorClass: "SyntaxError" | "IndentationError" | "TabError" = "SyntaxError"): never {
    throw new TokenizerStop({ ...problem(message, line, Math.max(offset, 1), errorClass), kind, bracketLine: 0 });
  }

  /** CPython's syntaxerror(): the position is the count of characters before the tokenizer's cursor. */
  #failAtCursor(message: string, cursor: number): never {
    this.#fail(message, this.#line, cursor - this.#lineStart);
  }

  #push(type: TokenType, start: number, end: number, line = this.#line, col = start - this.#lineStart): void {
    this.tokens.push({
      type,
      text: this.#text.slice(start, end),
      line,
      col,
      endLine: this.#line,
      endCol: end - this.#lineStart,
      start,
      end,
      level: this.#brackets.length,
    });
  }

  /** A backslash at `at` must be followed by a line end (tok_continuation_line); returns the offset after it. */
  #continuation(at: number): number {
    const newline = this.#newlineLength(at + 1);
    if (newline === 0) {
      // E_LINECONT: reported one past the character after the backslash.
      this.#fail("unexpected character after line continuation character", this.#line, at + 2 - this.#lineStart, "quiet");
    }
    const lineLength = at + 1 - this.#lineStart;
    this.#startNewLine(at + 1 + newline);
    if (this.#pos >= this.#text.length) {
      this.#fail("unexpected EOF while parsing", this.#line - 1, lineLength + 1, "quiet");
    }
    return this.#pos;
  }

  /** Reads indentation at the start of a line and queues INDENT/DEDENT tokens (the `atbol` part of tok_get). */
  #indentation(): void {
    this.#atLineStart = false;
    let col = 0;
    let altCol = 0;
    let continuationCol = 0;
    let c: number;
    for (;;) {
      c = this.#code(this.#pos);
      if (c === 32) {
        col++;
        altCol++;
      } else if (c === 9) {
        col = (Math.floor(col / TAB_SIZE) + 1) * TAB_SIZE;
        altCol++;
      } else if (c === 12) {
        col = altCol = 0;
      } else if (c === 92) {
        // Indentation cannot be split over lines with backslashes: the first one decides.
        continuationCol = continuationCol || col;
        this.#pos = this.#continuation(this.#pos);
        continue;
      } else {
        break;
      }
      this.#pos++;
    }
    this.#blankLine = c === 35 || this.#newlineLength(this.#pos) > 0;
    if (this.#blankLine || this.#brackets.length > 0) {
      return;
    }
    if (continuationCol) {
      col = altCol = continuationCol;
    }
    const top = this.#indents.length - 1;
    const tabError = (): never =>
      this.#fail("inconsistent use of tabs and spaces in indentation", this.#line, 1, "quiet", "TabError");
    if (col === this.#indents[top]) {
      if (altCol !== this.#altIndents[top]) {
        tabError();
      }
    } else if (col > this.#indents[top]!) {
      if (this.#indents.length >= MAX_INDENT) {
        this.#fail("too many levels of indentation", this.#line, 1, "quiet", "IndentationError");
      }
      if (altCol <= this.#altIndents[top]!) {
        tabError();
      }
      this.#pendingIndents++;
      this.#indents.push(col);
      this.#altIndents.push(altCol);
    } else {
      while (this.#indents.length > 1 && col < this.#indents[this.#indents.length - 1]!) {
        this.#pendingIndents--;
        this.#indents.pop();
        this.#altIndents.pop();
      }
      if (col !== this.#indents[this.#indents.length - 1]) {
        const end = this.#lineEnd(this.#pos);
        this.#fail("unindent does not match any outer indentation level", this.#line, end - this.#lineStart + 1, "quiet", "IndentationError");
      }
      if (altCol !== this.#altIndents[this.#altIndents.length - 1]) {
        tabError();
      }
    }
  }

  /** Produces the next token; true at the end. */
  #next(): boolean {
    if (this.#atLineStart) {
      this.#indentation();
    }
    if (this.#pendingIndents !== 0) {
      const type = this.#pendingIndents < 0 ? TokenType.Dedent : TokenType.Indent;
      this.#pendingIndents += this.#pendingIndents < 0 ? 1 : -1;
      // At the end of the text CPython is still on the last line read: its DEDENTs are placed there.
      const atEnd = this.#pos >= this.#text.length && this.#line > 1;
      this.#push(type, this.#pos, this.#pos, atEnd ? this.#line - 1 : this.#line, -1);
      this.tokens[this.tokens.length - 1]!.endCol = -1;
      return false;
    }
    const text = this.#text;
    let c: number;
    for (;;) {
      c = this.#code(this.#pos);
      if (c === 32 || c === 9 || c === 12) {
        this.#pos++;
        continue;
      }
      if (c === 92) {
        this.#pos = this.#continuation(this.#pos);
        continue;
      }
      break;
    }
    const start = this.#pos;
    if (c === 35) {
      this.#pos = this.#lineEnd(this.#pos);
      c = this.#code(this.#pos);
    }
    if (c === -1) {
      if (this.#brackets.length > 0) {
        const open = this.#brackets[this.#brackets.length - 1]!;
        throw new TokenizerStop({ ...problem(`'${open.char}' was never closed`, open.line, open.col + 1), kind: "unclosed", bracketLine: open.line });
      }
      // CPython gives ENDMARKER no column either, and leaves it on the last line read.
      this.#push(TokenType.EndMarker, start, start, this.#line > 1 && start >= this.#text.length ? this.#line - 1 : this.#line, -1);
      return true;
    }
    const newline = this.#newlineLength(this.#pos);
    if (newline > 0) {
      const blank = this.#blankLine || this.#brackets.length > 0;
      if (!blank) {
        // NEWLINE starts where a trailing comment starts, and leaves the line end out.
        this.#push(TokenType.Newline, start, this.#pos);
        const token = this.tokens[this.tokens.length - 1]!;
        token.endCol = this.#pos - this.#lineStart;
      }
      this.#startNewLine(this.#pos + newline);
      this.#atLineStart = true;
      return false;
    }
    if (isIdentifierStart(c)) {
      return this.#nameOrPrefixedString(start);
    }
    if (c === 46 && isDigit(this.#code(this.#pos + 1))) {
      this.#number(start);
      return false;
    }
    if (isDigit(c)) {
      this.#number(start);
      return false;
    }
    if (c === 39 || c === 34) {
      this.#string(start, start, "");
      return false;
    }
    const three = text.slice(this.#pos, this.#pos + 3);
    if (THREE_CHAR_OPS.has(three) && three.length === 3) {
      this.#pos += 3;
      this.#push(TokenType.Op, start, this.#pos);
      return false;
    }
    const two = text.slice(this.#pos, this.#pos + 2);
    if (TWO_CHAR_OPS.has(two)) {
      this.#pos += 2;
      this.#push(TokenType.Op, start, this.#pos);
      return false;
    }
    this.#bracket(c, start);
    const codePoint = text.codePointAt(this.#pos)!;
    if (NOT_PRINTABLE.test(String.fromCodePoint(codePoint))) {
      this.#failAtCursor(`invalid non-printable character U+${hex4(codePoint)}`, this.#pos + 1);
    }
    this.#pos += codePoint > 0xffff ? 2 : 1;
    this.#push(TokenType.Op, start, this.#pos);
    return false;
  }

  /** Keeps the bracket stack, with tokenizer.c's messages for brackets that do not match. */
  #bracket(c: number, start: number): void {
    const char = String.fromCharCode(c);
    if (c === 40 || c === 91 || c === 123) {
      if (this.#brackets.length >= MAX_LEVEL) {
        this.#failAtCursor("too many nested parentheses", start + 1);
      }
      this.#brackets.push({ char, line: this.#line, col: start - this.#lineStart });
    } else if (c === 41 || c === 93 || c === 125) {
      const open = this.#brackets.pop();
      if (open === undefined) {
        this.#failAtCursor(`unmatched '${char}'`, start + 1);
      }
      const expected = open.char === "(" ? ")" : open.char === "[" ? "]" : "}";
      if (expected !== char) {
        const where = open.line === this.#line ? "" : ` on line ${open.line}`;
        this.#failAtCursor(`closing parenthesis '${char}' does not match opening parenthesis '${open.char}'${where}`, start + 1);
      }
    }
  }

  #nameOrPrefixedString(start: number): boolean {
    const text = this.#text;
    // String prefixes: b, r, u, f in the combinations tokenizer.c allows, then a quote.
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    let at = start;
    for (;;) {
      const c = text.charCodeAt(at) | 0x20;
      if (!(sawB || sawU || sawF) && c === 98) {
        sawB = true;
      } else if (!(sawB || sawU || sawR || sawF) && c === 117) {
        sawU = true;
      } else if (!(sawR || sawU) && c === 114) {
        sawR = true;
      } else if (!(sawF || sawB || sawU) && c === 102) {
        sawF = true;
      } else {
        break;
      }
      at++;
      const next = text.charCodeAt(at);
      if (next === 39 || next === 34) {
        this.#string(start, at, text.slice(start, at).toLowerCase());
        return false;
      }
    }
    let nonAscii = false;
    at = start;
    while (at < text.length && isIdentifierChar(text.charCodeAt(at))) {
      if (text.charCodeAt(at) >= 128) {
        nonAscii = true;
      }
      at++;
    }
    if (nonAscii) {
      this.#verifyIdentifier(start, at);
    }
    this.#pos = at;
    this.#push(TokenType.Name, start, at);
    return false;
  }

  /** verify_identifier: the first character that is not XID_Start/XID_Continue is the error. */
  #verifyIdentifier(start: number, end: number): void {
    let first = true;
    for (let at = start; at < end; ) {
      const codePoint = this.#text.codePointAt(at)!;
      const char = String.fromCodePoint(codePoint);
      const valid = first ? ID_START.test(char) : ID_CONTINUE.test(char);
      const width = char.length;
      if (!valid) {
        const cursor = at + width;
        if (NOT_PRINTABLE.test(char)) {
          this.#failAtCursor(`invalid non-printable character U+${hex4(codePoint)}`, cursor);
        }
        this.#failAtCursor(`invalid character '${char}' (U+${hex4(codePoint)})`, cursor);
      }
      first = false;
      at += width;
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Numbers (tok_get's number branch, tok_decimal_tail and verify_end_of_number).

  /** Digits and single underscores between them; returns the offset after them. */
  #decimalTail(from: number): number {
    let at = from;
    for (;;) {
      while (isDigit(this.#code(at))) {
        at++;
      }
      if (this.#code(at) !== 95) {
        return at;
      }
      at++;
      if (!isDigit(this.#code(at))) {
        this.#failAtCursor("invalid decimal literal", at);
      }
    }
  }

  /** A number followed by a name character is an error, unless a keyword that may follow one starts there. */
  #verifyEndOfNumber(at: number, kind: string): void {
    const c = this.#code(at);
    const rest = this.#text.slice(at, at + 4);
    const keywordFollows =
      rest.startsWith("and") || rest.startsWith("else") || rest.startsWith("for") || rest.startsWith("or") || rest.startsWith("not") ||
      (c === 105 && /^i[fns]/u.test(rest));
    if (!keywordFollows && isIdentifierChar(c)) {
      this.#failAtCursor(`invalid ${kind} literal`, at);
    }
  }

  #number(start: number): void {
    let at = start;
    const c0 = this.#code(at);
    if (c0 === 46) {
      at = this.#fraction(at + 1);
    } else if (c0 === 48) {
      at = this.#zeroNumber(start);
    } else {
      at = this.#decimalTail(at);
      at = this.#afterInteger(at);
    }
    this.#pos = at;
    this.#push(TokenType.Number, start, at);
  }

  /** 0x, 0o, 0b, or zeros that may start a float or an imaginary number. */
  #zeroNumber(start: number): number {
    let at = start + 1;
    const c = this.#code(at) | 0x20;
    if (c === 120 || c === 111 || c === 98) {
      const kind = c === 120 ? "hexadecimal" : c === 111 ? "octal" : "binary";
      const isDigitOf = c === 120 ? isHexDigit : c === 111 ? (d: number) => d >= 48 && d <= 55 : (d: number) => d === 48 || d === 49;
      at++;
      for (;;) {
        if (this.#code(at) === 95) {
          at++;
        }
        const d = this.#code(at);
        if (!isDigitOf(d)) {
          if (c !== 120 && isDigit(d)) {
            this.#failAtCursor(`invalid digit '${String.fromCharCode(d)}' in ${kind} literal`, at + 1);
          }
          this.#failAtCursor(`invalid ${kind} literal`, at);
        }
        while (isDigitOf(this.#code(at))) {
          at++;
        }
        if (this.#code(at) !== 95) {
          break;
        }
      }
      if (c !== 120 && isDigit(this.#code(at))) {
        this.#failAtCursor(`invalid digit '${String.fromCharCode(this.#code(at))}' in ${kind} literal`, at + 1);
      }
      this.#verifyEndOfNumber(at, kind);
      return at;
    }
    // Zeros, maybe with underscores, then maybe other digits (only valid before ".", "e" or "j").
    for (;;) {
      if (this.#code(at) === 95) {
        at++;
        if (!isDigit(this.#code(at))) {
          this.#failAtCursor("invalid decimal literal", at);
        }
      }
      if (this.#code(at) !== 48) {
        break;
      }
      at++;
    }
    let nonZero = false;
    if (isDigit(this.#code(at))) {
      nonZero = true;
      at = this.#decimalTail(at);
    }
    const next = this.#code(at);
    if (next === 46 || next === 101 || next === 69 || next === 106 || next === 74) {
      return this.#afterInteger(at);
    }
    if (nonZero) {
      this.#fail(
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        this.#line,
        start + 1 - this.#lineStart,
      );
    }
    this.#verifyEndOfNumber(at, "decimal");
    return at;
  }

  /** After the integer digits of a decimal: a fraction, an exponent, an imaginary suffix. */
  #afterInteger(from: number): number {
    if (this.#code(from) === 46) {
      return this.#fraction(from + 1);
    }
    return this.#exponentAndSuffix(from);
  }

  #fraction(from: number): number {
    let at = from;
    if (isDigit(this.#code(at))) {
      at = this.#decimalTail(at);
    }
    return this.#exponentAndSuffix(at);
  }

  #exponentAndSuffix(from: number): number {
    let at = from;
    const c = this.#code(at);
    if (c === 101 || c === 69) {
      const e = at;
      at++;
      const sign = this.#code(at);
      if (sign === 43 || sign === 45) {
        at++;
        if (!isDigit(this.#code(at))) {
          this.#failAtCursor("invalid decimal literal", at);
        }
      } else if (!isDigit(sign)) {
        // "1e" followed by no digit: the number ends before the "e", which must not start a name.
        this.#verifyEndOfNumber(e, "decimal");
        return e;
      }
      at = this.#decimalTail(at);
    }
    const j = this.#code(at);
    if (j === 106 || j === 74) {
      at++;
      this.#verifyEndOfNumber(at, "imaginary");
      return at;
    }
    this.#verifyEndOfNumber(at, "decimal");
    return at;
  }

  // -------------------------------------------------------------------------------------------------
  // Strings.

  /**
   * A string literal from its prefix at `start` and its first quote at `quoteAt`. An f-string's
   * replacement fields are tokenized as code (PEP 701), which also finds its true end.
   */
  #string(start: number, quoteAt: number, prefix: string): void {
    const text = this.#text;
    const quote = text.charCodeAt(quoteAt);
    const startLine = this.#line;
    const startLineStart = this.#lineStart;
    const triple = text.charCodeAt(quoteAt + 1) === quote && text.charCodeAt(quoteAt + 2) === quote;
    const quoteSize = triple ? 3 : 1;
    const fields: FStringField[] | null = prefix.includes("f") ? [] : null;
    const raw = prefix.includes("r");
    const unterminated = (): never => {
      // At the end of the text CPython is still on the last line read, not past its line end.
      const detectedAt = this.#pos >= this.#text.length && this.#pos === this.#lineStart && this.#line > startLine ? this.#line - 1 : this.#line;
      const message = triple
        ? `unterminated triple-quoted string literal (detected at line ${detectedAt})`
        : `unterminated string literal (detected at line ${detectedAt})`;
      this.#fail(message, startLine, start + 1 - startLineStart);
    };
    /** The string's end: at the first closing quote (3.11), or past replacement fields read as code (PEP 701). */
    const scan = (withFields: boolean): number => {
      let at = quoteAt + quoteSize;
      for (;;) {
        const c = this.#code(at);
        if (c === -1) {
          unterminated();
        }
        const newline = this.#newlineLength(at);
        if (newline > 0) {
          if (!triple) {
            unterminated();
          }
          this.#startNewLine(at + newline);
          at = this.#pos;
          continue;
        }
        if (c === quote && (!triple || (text.charCodeAt(at + 1) === quote && text.charCodeAt(at + 2) === quote))) {
          return at + quoteSize;
        }
        if (c === 92) {
          // A backslash escapes the next character, a line end included (raw strings too, for the quote).
          if (withFields && !raw && text.charCodeAt(at + 1) === 78 && text.charCodeAt(at + 2) === 123) {
            // \N{NAME} in an f-string is an escape, not a replacement field.
            const close = text.indexOf("}", at + 3);
            at = close < 0 ? at + 3 : close + 1;
            continue;
          }
          const escapedNewline = this.#newlineLength(at + 1);
          if (escapedNewline > 0) {
            this.#startNewLine(at + 1 + escapedNewline);
            at = this.#pos;
          } else {
            at += at + 1 < text.length ? 2 : 1;
          }
          continue;
        }
        if (withFields && fields !== null && c === 123) {
          if (text.charCodeAt(at + 1) === 123) {
            at += 2;
            continue;
          }
          at = this.#replacementField(at, fields, quote, triple, unterminated);
          continue;
        }
        at++;
      }
    };
    let end: number;
    let fieldError: string | null = null;
    if (fields === null) {
      end = scan(false);
    } else {
      // 3.11 ends an f-string at its first closing quote: an unterminated one is its error. Newer Pythons
      // read the fields as code, so quotes reused inside them are accepted; when that reading fails, the
      // string is 3.11's and the failure is the f-string's error.
      const before = this.#save();
      const plainEnd = scan(false);
      const afterPlain = this.#save();
      this.#restore(before);
      try {
        end = scan(true);
      } catch (stop) {
        if (!(stop instanceof TokenizerStop)) {
          throw stop;
        }
        this.#restore(afterPlain);
        fields.length = 0;
        end = plainEnd;
        fieldError = stop.error.message.startsWith("f-string") ? stop.error.message : "f-string: expecting '}'";
      }
    }
    this.#pos = end;
    this.#push(TokenType.String, start, end, startLine, start - startLineStart);
    if (fields !== null) {
      const token = this.tokens[this.tokens.length - 1]!;
      token.fstring = fields;
      if (fieldError !== null) {
        token.fstringError = fieldError;
      }
    }
  }

  #save(): TokenizerPlace {
    return {
      pos: this.#pos,
      line: this.#line,
      lineStart: this.#lineStart,
      lineStarts: this.lineStarts.length,
      tokens: this.tokens.length,
      brackets: this.#brackets.length,
      atLineStart: this.#atLineStart,
    };
  }

  #restore(place: TokenizerPlace): void {
    this.#pos = place.pos;
    this.#line = place.line;
    this.#lineStart = place.lineStart;
    this.lineStarts.length = place.lineStarts;
    this.tokens.length = place.tokens;
    this.#brackets.length = place.brackets;
    this.#atLineStart = place.atLineStart;
  }

  /**
   * Tokenizes one `{...}` field of an f-string as code, up to its closing "}" at depth 0, into a token
   * list of its own; returns the offset after the "}". A nested format spec (`{x:{width}}`) is walked
   * as text with its own fields.
   */
  #replacementField(open: number, fields: FStringField[], quote: number, triple: boolean, unterminated: () => never): number {
    const outerTokens = this.tokens.length;
    const savedBrackets = this.#brackets.length;
    const savedAtLineStart = this.#atLineStart;
    this.#pos = open + 1;
    this.#brackets.push({ char: "{", line: this.#line, col: open - this.#lineStart });
    let end = -1;
    while (end < 0) {
      while (this.#code(this.#pos) === 32 || this.#code(this.#pos) === 9 || this.#code(this.#pos) === 12) {
        this.#pos++;
      }
      const c = this.#code(this.#pos);
      if (c === -1 || (!triple && this.#newlineLength(this.#pos) > 0)) {
        // 3.11 ends a one-quote f-string at the line end, inside a field or not.
        unterminated();
      }
      if (this.#brackets.length === savedBrackets + 1) {
        if (c === 125) {
          this.#brackets.pop();
          end = this.#pos + 1;
          break;
        }
        if (c === quote && (!triple || (this.#code(this.#pos + 1) === quote && this.#code(this.#pos + 2) === quote))) {
          // The string ends inside the field: CPython 3.11 reads "f-string: expecting '}'".
          this.#fail("f-string: expecting '}'", this.#line, open - this.#lineStart + 1);
        }
        if (c === 58 || (c === 33 && this.#code(this.#pos + 1) !== 61)) {
          // A conversion or a format spec: the expression ends here; the spec is scanned as text.
          const specEnd = this.#formatSpec(this.#pos, fields, quote, triple, unterminated);
          this.#brackets.pop();
          end = specEnd;
          break;
        }
      }
      this.#next();
    }
    if (end < 0) {
      this.#fail("f-string: expecting '}'", this.#line, open - this.#lineStart + 1);
    }
    const fieldTokens = this.tokens.splice(outerTokens).filter((token) => token.type !== TokenType.Newline && token.type !== TokenType.Indent && token.type !== TokenType.Dedent);
    fieldTokens.push({ ...fieldTokens[fieldTokens.length - 1] ?? this.#endToken(open), type: TokenType.EndMarker, text: "" });
    fields.push({ tokens: fieldTokens, open });
    this.#brackets.length = savedBrackets;
    this.#atLineStart = savedAtLineStart;
    this.#pos = end;
    return end;
  }

  #endToken(at: number): Token {
    return { type: TokenType.EndMarker, text: "", line: this.#line, col: at - this.#lineStart, endLine: this.#line, endCol: at - this.#lineStart, start: at, end: at, level: 0 };
  }

  /** From "!" or ":" inside a field to the offset after its closing "}", with nested fields. */
  #formatSpec(from: number, fields: FStringField[], quote: number, triple: boolean, unterminated: () => never): number {
    let at = from;
    for (;;) {
      const c = this.#code(at);
      if (c === -1 || (!triple && this.#newlineLength(at) > 0)) {
        unterminated();
      }
      if (c === quote && (!triple || (this.#code(at + 1) === quote && this.#code(at + 2) === quote))) {
        this.#fail("f-string: expecting '}'", this.#line, from - this.#lineStart);
      }
      const newline = this.#newlineLength(at);
      if (newline > 0) {
        this.#startNewLine(at + newline);
        at = this.#pos;
        continue;
      }
      if (c === 125) {
        return at + 1;
      }
      if (c === 123) {
        at = this.#replacementField(at, fields, quote, triple, unterminated);
        continue;
      }
      at++;
    }
  }
}
