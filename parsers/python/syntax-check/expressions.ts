/**
 * Python 3.11's expression grammar (CPython's Grammar/python.gram, EXPRESSIONS through ASSIGNMENT
 * TARGETS) as a backtracking recursive descent over tokens, with the `invalid_*` alternatives of the
 * second pass where the grammar puts them, so the first one to match raises CPython's message.
 */
import { KEYWORDS, SyntaxFound } from "./parser-state.js";
import { RuleShapes } from "./rule-shapes.js";
import { type Arguments, type Comprehension, type Expr, type ExprKind, type Keyword, type Span, expr, exprName, invalidTarget, spanFrom, spanOf, type TargetsType } from "./syntax-tree.js";
import { type Token, TokenType } from "./tokenizer.js";

const enum Rule {
  Expression = 1,
  StarExpression,
  Disjunction,
  Conjunction,
  Inversion,
  BitwiseOr,
  Factor,
  AwaitPrimary,
  Primary,
  Atom,
  StarTarget,
  TargetWithStarAtom,
  TPrimary,
  Arguments,
  InvalidNamedExpression,
  NamedExpression,
  Strings,
  DelTarget,
  Slices,
  StarNamedExpression,
}

const COMPARE_OPS = new Set(["==", "!=", "<=", "<", ">=", ">"]);
const AUGMENTED = new Set(["+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//="]);
const LEGACY = new Set(["print", "exec"]);

function nameExpr(token: Token): Expr {
  return expr("Name", spanOf(token, token), [], { id: token.text });
}

export class ExpressionGrammar extends RuleShapes {
  /** An optional `introducer expression` tail: the expression, or null with the position kept. */
  protected tail(introducer: () => Token | null): Expr | null {
    const p = this.p;
    const mark = p.pos;
    if (introducer() === null) {
      return null;
    }
    const value = this.expression();
    if (value === null) {
      p.pos = mark;
    }
    return value;
  }

  // ---------------------------------------------------------------------------------------------------
  // Expressions.

  /** expressions: expression (',' expression)* [','] */
  expressions(): Expr | null {
    return this.tupleOf(() => this.expression());
  }

  expression(): Expr | null {
    return this.p.memo(Rule.Expression, () =>
      this.p.nested(() => {
        const p = this.p;
        const mark = p.pos;
        if (p.invalidRules) {
          this.invalidExpression();
          p.pos = mark;
          this.invalidLegacyExpression();
          p.pos = mark;
        }
        return this.conditionalOrLambda();
      }),
    );
  }

  /** expression's alternatives: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
  protected conditionalOrLambda(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const body = this.disjunction();
    if (body !== null) {
      const afterBody = p.pos;
      if (p.keyword("if")) {
        const test = this.disjunction();
        if (test !== null && p.keyword("else")) {
          const orelse = this.expression();
          if (orelse !== null) {
            return expr("IfExp", spanFrom(body, orelse), [test, body, orelse]);
          }
        }
      }
      p.pos = afterBody;
      return body;
    }
    p.pos = mark;
    return this.lambdef();
  }

  /** expression with no invalid rules under it (and so without expression's memo, which is the pass's). */
  expressionWithoutInvalid(): Expr | null {
    const saved = this.p.invalidRules;
    this.p.invalidRules = false;
    try {
      return this.conditionalOrLambda();
    } finally {
      this.p.invalidRules = saved;
    }
  }

  invalidExpression(): void {
    const p = this.p;
    const mark = p.pos;
    // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
    const first = p.peek();
    const softKeyword = first.type === TokenType.Name && (first.text === "match" || first.text === "case" || first.text === "_" || first.text === "type");
    const nameThenString = first.type === TokenType.Name && !KEYWORDS.has(first.text) && p.peekSecond().type === TokenType.String;
    if (!softKeyword && !nameThenString) {
      const a = this.disjunction();
      if (a !== null) {
        const b = this.expressionWithoutInvalid();
        if (b !== null) {
          const isLegacy = a.kind === "Name" && LEGACY.has(a.id ?? "");
          if (!isLegacy && p.tokens[p.pos - 1]!.level !== 0) {
            p.raiseAt(a, "invalid syntax. Perhaps you forgot a comma?");
          }
        }
      }
    }
    p.pos = mark;
    // a=disjunction 'if' b=disjunction !('else'|':')
    const a = this.disjunction();
    if (a !== null && p.keyword("if")) {
      const b = this.disjunction();
      if (b !== null && !p.isKeyword("else") && !p.isOp(":")) {
        p.raiseAt(a, "expected 'else' after 'if' expression");
      }
    }
    p.pos = mark;
  }

  invalidLegacyExpression(): void {
    const p = this.p;
    const a = p.name();
    if (a === null || !LEGACY.has(a.text) || p.isOp("(")) {
      return;
    }
    const b = this.starExpressions();
    if (b !== null) {
      p.raiseAt(a, `Missing parentheses in call to '${a.text}'. Did you mean ${a.text}(...)?`);
    }
  }

  /** yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
  yieldExpr(): Expr | null {
    const p = this.p;
    const start = p.keyword("yield");
    if (start === null) {
      return null;
    }
    const from = this.tail(() => p.keyword("from"));
    if (from !== null) {
      return expr("YieldFrom", this.spanFromToken(start), [from], { value: from });
    }
    const value = p.attempt(() => this.starExpressions());
    return expr("Yield", this.spanFromToken(start), value ? [value] : [], value ? { value } : {});
  }

  /** star_expressions: star_expression (',' star_expression)* [','] */
  starExpressions(): Expr | null {
    return this.tupleOf(() => this.starExpression());
  }

  /** star_expression: '*' bitwise_or | expression */
  starExpression(): Expr | null {
    return this.starredBitwiseOr() ?? this.expression();
  }

  /** star_named_expressions: ','.star_named_expression+ [','] */
  starNamedExpressions(): Expr[] | null {
    const first = this.starNamedExpression();
    return first === null ? null : [first, ...this.restAfter(",", () => this.starNamedExpression())];
  }

  /** star_named_expression: '*' bitwise_or | named_expression */
  starNamedExpression(): Expr | null {
    return this.p.isOp("*") ? this.starredBitwiseOr() : this.namedExpression();
  }

  /** `'*' bitwise_or`, or null with the position kept. */
  protected starredBitwiseOr(): Expr | null {
    return this.starred(() => this.bitwiseOr());
  }

  /** `'*' operand` as a Starred, or null with the position kept. */
  protected starred(operand: () => Expr | null): Expr | null {
    const p = this.p;
    const star = p.op("*");
    if (star === null) {
      return null;
    }
    const value = operand();
    if (value === null) {
      p.pos--;
      return null;
    }
    return expr("Starred", spanFrom(spanOf(star, star), value), [value], { value });
  }

  /** star_named_expression ',' [star_named_expressions]: a tuple's elements, or null with the position kept. */
  protected starNamedTupleElements(): Expr[] | null {
    const p = this.p;
    const mark = p.pos;
    const first = this.starNamedExpression();
    if (first === null || !p.op(",")) {
      p.pos = mark;
      return null;
    }
    return [first, ...(p.attempt(() => this.starNamedExpressions()) ?? [])];
  }

  /** assignment_expression: NAME ':=' ~ expression */
  assignmentExpression(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const name = p.name();
    if (name === null || !p.op(":=")) {
      p.pos = mark;
      return null;
    }
    const value = this.expression();
    if (value === null) {
      // The cut: no other alternative is tried.
      return null;
    }
    const target = nameExpr(name);
    return expr("NamedExpr", spanFrom(target, value), [target, value], { target, value });
  }

  /** named_expression: assignment_expression | invalid_named_expression | expression !':=' */
  namedExpression(): Expr | null {
    return this.p.memo(Rule.NamedExpression, () => this.assignmentOrExpression(true));
  }

  invalidNamedExpression(): void {
    this.p.memo(Rule.InvalidNamedExpression, () => {
      const p = this.p;
      const mark = p.pos;
      const a = this.expression();
      if (a !== null && p.op(":=") && this.expression() !== null) {
        p.raiseAt(a, `cannot use assignment expressions with ${exprName(a)}`);
      }
      p.pos = mark;
      const name = p.name();
      if (name !== null && p.op("=")) {
        const b = this.bitwiseOr();
        if (b !== null && !p.isOp("=") && !p.isOp(":=")) {
          p.raiseAt(name, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
      }
      p.pos = mark;
      // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
      const excluded =
        p.ahead(() => p.attempt(() => this.list()) ?? p.attempt(() => this.tuple()) ?? p.attempt(() => this.genexp())) ||
        p.isKeyword("True") ||
        p.isKeyword("None") ||
        p.isKeyword("False");
      p.pos = mark;
      if (!excluded) {
        const target = this.bitwiseOr();
        if (target !== null && p.op("=") && this.bitwiseOr() !== null && !p.isOp("=") && !p.isOp(":=")) {
          p.raiseAt(target, `cannot assign to ${exprName(target)} here. Maybe you meant '==' instead of '='?`);
        }
      }
      p.pos = mark;
      return null;
    });
  }

  disjunction(): Expr | null {
    return this.p.memo(Rule.Disjunction, () => this.boolOp("or", () => this.conjunction()));
  }

  conjunction(): Expr | null {
    return this.boolOp("and", () => this.inversion());
  }

  protected boolOp(word: string, operand: () => Expr | null): Expr | null {
    const first = operand();
    if (first === null) {
      return null;
    }
    const values = [first, ...this.keywordOperands(word, operand)];
    return values.length === 1 ? first : expr("BoolOp", spanFrom(first, values[values.length - 1]!), values);
  }

  inversion(): Expr | null {
    const p = this.p;
    return p.nested(() => {
      const not = p.keyword("not");
      return not === null ? this.comparison() : this.unaryOperand(not, () => this.inversion());
    });
  }

  /** The operand after a prefix operator just taken, as a UnaryOp; null, the operator given back, without one. */
  protected unaryOperand(operator: Token, operand: () => Expr | null): Expr | null {
    const value = operand();
    if (value === null) {
      this.p.pos--;
      return null;
    }
    return expr("UnaryOp", spanFrom(spanOf(operator, operator), value), [value]);
  }

  comparison(): Expr | null {
    const p = this.p;
    const left = this.bitwiseOr();
    if (left === null) {
      return null;
    }
    const comparators: Expr[] = [];
    let firstOp: string | null = null;
    for (;;) {
      const mark = p.pos;
      const token = p.peek();
      let op: string | null = null;
      if (token.type === TokenType.Op && COMPARE_OPS.has(token.text)) {
        p.pos++;
        op = token.text;
      } else if (p.keyword("in")) {
        op = "in";
      } else if (p.keyword("not")) {
        op = p.keyword("in") ? "not in" : null;
      } else if (p.keyword("is")) {
        op = p.keyword("not") ? "is not" : "is";
      }
      const right = op === null ? null : this.bitwiseOr();
      if (right === null) {
        p.pos = mark;
        break;
      }
      firstOp ??= op;
      comparators.push(right);
    }
    if (comparators.length === 0) {
      return left;
    }
    return expr("Compare", spanFrom(left, comparators[comparators.length - 1]!), [left, ...comparators], { value: left, firstOp: firstOp! });
  }

  bitwiseOr(): Expr | null {
    return this.p.memo(Rule.BitwiseOr, () =>
      this.binary(["|"], () =>
        this.binary(["^"], () => this.binary(["&"], () => this.binary(["<<", ">>"], () => this.binary(["+", "-"], () => this.binary(["*", "/", "//", "%", "@"], () => this.factor()))))),
      ),
    );
  }

  protected binary(ops: string[], operand: () => Expr | null): Expr | null {
    const p = this.p;
    let left = operand();
    if (left === null) {
      return null;
    }
    for (;;) {
      const mark = p.pos;
      const token = p.peek();
      if (token.type !== TokenType.Op || !ops.includes(token.text)) {
        break;
      }
      p.pos++;
      const right = operand();
      if (right === null) {
        p.pos = mark;
        break;
      }
      left = expr("BinOp", spanFrom(left, right), [left, right]);
    }
    return left;
  }

  factor(): Expr | null {
    const p = this.p;
    const token = p.peek();
    if (token.type === TokenType.Op && (token.text === "+" || token.text === "-" || token.text === "~")) {
      p.pos++;
      return this.unaryOperand(token, () => p.nested(() => this.factor()));
    }
    return this.power();
  }

  power(): Expr | null {
    const p = this.p;
    const base = this.awaitPrimary();
    if (base === null) {
      return null;
    }
    const mark = p.pos;
    if (p.op("**")) {
      const exponent = p.nested(() => this.factor());
      if (exponent !== null) {
        return expr("BinOp", spanFrom(base, exponent), [base, exponent]);
      }
      p.pos = mark;
    }
    return base;
  }

  awaitPrimary(): Expr | null {
    const p = this.p;
    const awaitToken = p.keyword("await");
    if (awaitToken !== null) {
      const value = this.primary();
      if (value !== null) {
        return expr("Await", spanFrom(spanOf(awaitToken, awaitToken), value), [value], { value });
      }
      p.pos--;
      return null;
    }
    return this.primary();
  }

  /** primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom */
  primary(): Expr | null {
    return this.p.memo(Rule.Primary, () => {
      let value = this.atom();
      if (value === null) {
        return null;
      }
      for (;;) {
        const extended = this.trailer(value);
        if (extended === null) {
          return value;
        }
        value = extended;
      }
    });
  }

  /** One `.name`, call or subscript after `value`; null (position kept) when there is none. */
  protected trailer(value: Expr): Expr | null {
    const p = this.p;
    const mark = p.pos;
    if (p.op(".")) {
      const name = p.name();
      if (name !== null) {
        return expr("Attribute", spanFrom(value, spanOf(name, name)), [value], { value, id: name.text });
      }
      p.pos = mark;
      return null;
    }
    if (p.isOp("(")) {
      const generator = this.genexp();
      if (generator !== null) {
        return expr("Call", spanFrom(value, generator), [value, generator], { value, keywords: [] });
      }
      p.pos = mark;
      p.op("(");
      const call = this.arguments();
      if (p.op(")")) {
        const args = call?.args ?? [];
        const keywords = call?.keywords ?? [];
        return expr("Call", spanFrom(value, this.last()), [value, ...args, ...keywords.map((keyword) => keyword.value)], { value, keywords });
      }
      p.pos = mark;
      return null;
    }
    if (p.op("[")) {
      const index = this.slices();
      if (index !== null && p.op("]")) {
        return expr("Subscript", spanFrom(value, this.last()), [value, index], { value });
      }
      p.pos = mark;
      return null;
    }
    return null;
  }

  /** slices: slice !',' | ','.(slice | starred_expression)+ [','] */
  slices(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const single = this.slice();
    if (single !== null && !p.isOp(",")) {
      return single;
    }
    p.pos = mark;
    const items = this.itemsBefore("]", () => this.slice() ?? this.starredExpression());
    return items.length === 0 ? null : expr("Tuple", spanFrom(items[0]!, this.last()), items, { elts: items });
  }

  /** slice: [expression] ':' [expression] [':' [expression]] | named_expression */
  slice(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const start = p.peek();
    const lower = p.attempt(() => this.expression());
    if (p.op(":")) {
      const children: Expr[] = lower ? [lower] : [];
      const upper = p.attempt(() => this.expression());
      if (upper) {
        children.push(upper);
      }
      if (p.op(":")) {
        const step = p.attempt(() => this.expression());
        if (step) {
          children.push(step);
        }
      }
      return expr("Slice", this.spanFromToken(start), children);
    }
    p.pos = mark;
    return this.namedExpression();
  }

  atom(): Expr | null {
    return this.p.memo(Rule.Atom, () => {
      const p = this.p;
      const token = p.peek();
      switch (token.type) {
        case TokenType.Name:
          if (!KEYWORDS.has(token.text)) {
            p.pos++;
            return nameExpr(token);
          }
          if (token.text === "True" || token.text === "False" || token.text === "None") {
            p.pos++;
            return expr("Constant", spanOf(token, token), [], { constant: token.text });
          }
          return null;
        case TokenType.String:
          return this.strings();
        case TokenType.Number:
          p.pos++;
          return expr("Constant", spanOf(token, token), [], { constant: "literal" });
        case TokenType.Op:
          break;
        default:
          return null;
      }
      return p.nested(() => {
        switch (token.text) {
          case "(":
            return p.attempt(() => this.tuple()) ?? p.attempt(() => this.group()) ?? p.attempt(() => this.genexp());
          case "[":
            return p.attempt(() => this.list()) ?? p.attempt(() => this.listcomp());
          case "{":
            return p.attempt(() => this.dict()) ?? p.attempt(() => this.set()) ?? p.attempt(() => this.dictcomp()) ?? p.attempt(() => this.setcomp());
          case "...":
            p.pos++;
            return expr("Constant", spanOf(token, token), [], { constant: "ellipsis" });
          default:
            return null;
        }
      });
    });
  }

  /** strings: STRING+ (an f-string's fields are checked as expressions of their own). */
  strings(): Expr | null {
    return this.p.memo(Rule.Strings, () => {
      const p = this.p;
      const first = p.peek();
      const children: Expr[] = [];
      let fstring = false;
      let bytes = 0;
      let count = 0;
      let fieldError: string | null = null;
      const fieldTokens: Token[][] = [];
      while (p.isType(TokenType.String)) {
        const token = p.next();
        count++;
        const prefix = /^[A-Za-z]*/u.exec(token.text)![0].toLowerCase();
        if (prefix.includes("b")) {
          bytes++;
        }
        if (token.fstringError !== undefined) {
          fieldError ??= token.fstringError;
        }
        if (token.fstring) {
          fstring = true;
          fieldTokens.push(...token.fstring.map((field) => field.tokens));
        }
      }
      // 3.11 parses f-strings when the whole run of strings is read: their errors are at the next token.
      for (const tokens of fieldTokens) {
        children.push(...this.fstringField(tokens));
      }
      if (fieldError !== null) {
        p.raiseAtLast(fieldError);
      }
      if (bytes > 0 && bytes < count) {
        p.raiseAtLast("cannot mix bytes and nonbytes literals");
      }
      return expr(fstring ? "JoinedStr" : "Constant", this.spanFromToken(first), children, fstring ? {} : { constant: "literal" });
    });
  }

  /**
   * Parses one f-string replacement field's tokens as `(yield_expr | star_expressions)` with a parser of
   * its own, as CPython 3.11 compiles "(" + field + ")"; its errors read "f-string: ...".
   */
  protected fstringField(tokens: Token[]): Expr[] {
    const p = this.p;
    let end = tokens.length - 1;
    const debug = tokens[end - 1];
    if (debug?.type === TokenType.Op && debug.text === "=") {
      end--;
    }
    const body = tokens.slice(0, end);
    if (body.length === 0) {
      p.raiseAtLast("f-string: empty expression not allowed");
    }
    const fieldTokens = [...body, { ...tokens[tokens.length - 1]!, type: TokenType.EndMarker }];
    const field = p.fieldState(fieldTokens);
    const grammar = new ExpressionGrammar(field);
    const parseField = (): Expr | null => {
      const value = grammar.yieldExpr() ?? grammar.starExpressions();
      return value !== null && field.isType(TokenType.EndMarker) ? value : null;
    };
    const first = body[0]!;
    // CPython parses "(" + text + ")" on its own, so columns count from the field's start, plus the "(".
    const relocate = (error: SyntaxFound): never => {
      const column = error.problem.line === first.line ? error.problem.column - first.col + 1 : error.problem.column;
      throw new SyntaxFound({ ...error.problem, message: `f-string: ${error.problem.message}`, column });
    };
    try {
      const value = parseField();
      if (value !== null) {
        return [value];
      }
      const furthest = field.tokens[field.furthest]!;
      field.reset();
      field.invalidRules = true;
      parseField();
      field.raiseAt(furthest, "invalid syntax");
    } catch (error) {
      if (error instanceof SyntaxFound) {
        relocate(error);
      }
      throw error;
    }
    return [];
  }

  group(): Expr | null {
    const p = this.p;
    const open = p.op("(");
    if (open === null) {
      return null;
    }
    const mark = p.pos;
    const inner = this.yieldExpr() ?? this.namedExpression();
    if (inner !== null && p.op(")")) {
      return { ...inner, parenthesized: true };
    }
    p.pos = mark;
    if (p.invalidRules) {
      // invalid_group: '(' starred_expression ')' | '(' '**' expression ')'
      const starred = this.starredExpression();
      if (starred !== null && p.isOp(")")) {
        p.raiseAt(starred, "cannot use starred expression here");
      }
      p.pos = mark;
      const doubleStar = p.op("**");
      if (doubleStar !== null && this.expression() !== null && p.isOp(")")) {
        p.raiseAt(doubleStar, "cannot use double starred expression here");
      }
      p.pos = mark;
    }
    return null;
  }

  /** tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
  tuple(): Expr | null {
    const p = this.p;
    const open = p.op("(");
    if (open === null) {
      return null;
    }
    const elts = this.starNamedTupleElements() ?? [];
    if (!p.op(")")) {
      return null;
    }
    return expr("Tuple", this.spanFromToken(open), elts, { elts });
  }

  /** genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension */
  genexp(): Expr | null {
    return this.simpleComprehension("(", ")", "GeneratorExp", () => this.assignmentOrExpression(false));
  }

  /**
   * assignment_expression | expression !':=', and named_expression when `withInvalidRule`: there,
   * invalid_named_expression comes between the two.
   */
  protected assignmentOrExpression(withInvalidRule: boolean): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const assigned = this.assignmentExpression();
    if (assigned !== null) {
      return assigned;
    }
    p.pos = mark;
    if (withInvalidRule && p.invalidRules) {
      this.invalidNamedExpression();
      p.pos = mark;
    }
    const value = this.expression();
    if (value !== null && !p.isOp(":=")) {
      return value;
    }
    p.pos = mark;
    return null;
  }

  protected comprehension(kind: ExprKind, open: Token, elements: Expr[], generators: Comprehension[]): Expr {
    const children = [...elements];
    for (const generator of generators) {
      children.push(generator.target, generator.iter, ...generator.ifs);
    }
    return expr(kind, this.spanFromToken(open), children, { generators, elts: elements });
  }

  /** list: '[' [star_named_expressions] ']' */
  list(): Expr | null {
    const p = this.p;
    const open = p.op("[");
    if (open === null) {
      return null;
    }
    const elts = p.attempt(() => this.starNamedExpressions()) ?? [];
    if (!p.op("]")) {
      return null;
    }
    return expr("List", this.spanFromToken(open), elts, { elts });
  }

  listcomp(): Expr | null {
    return this.simpleComprehension("[", "]", "ListComp", () => this.namedExpression());
  }

  setcomp(): Expr | null {
    return this.simpleComprehension("{", "}", "SetComp", () => this.namedExpression());
  }

  /** `open element for_if_clauses close | invalid_comprehension`: a comprehension of one element. */
  protected simpleComprehension(open: string, close: string, kind: ExprKind, element: () => Expr | null): Expr | null {
    if (!this.p.isOp(open)) {
      return null;
    }
    const found = this.bracketedComprehension(open, close, kind, () => {
      const single = element();
      return single === null ? null : [single];
    });
    if (found === null && this.p.invalidRules) {
      this.invalidComprehension();
    }
    return found;
  }

  /** `open elements for_if_clauses close`, or null with the position kept. */
  protected bracketedComprehension(open: string, close: string, kind: ExprKind, elements: () => Expr[] | null): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const openToken = p.op(open);
    if (openToken === null) {
      return null;
    }
    const parsed = elements();
    if (parsed !== null) {
      const generators = this.forIfClauses();
      if (generators !== null && p.op(close)) {
        return this.comprehension(kind, openToken, parsed, generators);
      }
    }
    p.pos = mark;
    return null;
  }

  invalidComprehension(): void {
    const p = this.p;
    const mark = p.pos;
    const open = p.peek();
    if (open.type !== TokenType.Op || !["[", "(", "{"].includes(open.text)) {
      return;
    }
    p.pos++;
    const afterOpen = p.pos;
    // ('[' | '(' | '{') a=starred_expression for_if_clauses
    const starred = this.starredExpression();
    if (starred !== null && this.forIfClauses() !== null) {
      p.raiseAt(starred, "iterable unpacking cannot be used in comprehension");
    }
    if (open.text !== "(") {
      p.pos = afterOpen;
      // ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
      const a = this.starNamedExpression();
      if (a !== null && p.op(",")) {
        const afterComma = p.pos;
        const b = this.starNamedExpressions();
        if (b !== null && this.forIfClauses() !== null) {
          p.raiseAt(a, "did you forget parentheses around the comprehension target?");
        }
        p.pos = afterComma;
        if (this.forIfClauses() !== null) {
          p.raiseAt(a, "did you forget parentheses around the comprehension target?");
        }
      }
    }
    p.pos = mark;
  }

  /** set: '{' star_named_expressions '}' */
  set(): Expr | null {
    const p = this.p;
    const open = p.op("{");
    if (open === null) {
      return null;
    }
    const elts = this.starNamedExpressions();
    if (elts === null || !p.op("}")) {
      return null;
    }
    return expr("Set", this.spanFromToken(open), elts, { elts });
  }

  /** dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}' */
  dict(): Expr | null {
    const p = this.p;
    const open = p.op("{");
    if (open === null) {
      return null;
    }
    const afterOpen = p.pos;
    const children = this.itemsBefore("}", () => this.doubleStarredKvpair()).flat();
    if (p.op("}")) {
      return expr("Dict", this.spanFromToken(open), children);
    }
    p.pos = afterOpen;
    if (p.invalidRules) {
      this.invalidDoubleStarredKvpairs();
    }
    return null;
  }

  protected doubleStarredKvpair(): Expr[] | null {
    const p = this.p;
    const mark = p.pos;
    if (p.op("**")) {
      const value = this.bitwiseOr();
      if (value !== null) {
        return [value];
      }
      p.pos = mark;
      return null;
    }
    return this.kvpair();
  }

  protected kvpair(): Expr[] | null {
    const p = this.p;
    const mark = p.pos;
    const key = this.expression();
    if (key !== null && p.op(":")) {
      const value = this.expression();
      if (value !== null) {
        return [key, value];
      }
    }
    p.pos = mark;
    return null;
  }

  protected invalidDoubleStarredKvpairs(): void {
    const p = this.p;
    const mark = p.pos;
    // ','.double_starred_kvpair+ ',' invalid_kvpair
    for (;;) {
      const item = this.doubleStarredKvpair();
      if (item === null || !p.op(",")) {
        break;
      }
      this.invalidKvpair();
    }
    p.pos = mark;
    // expression ':' a='*' bitwise_or | expression ':' &('}'|',')
    if (this.expression() !== null) {
      const colon = p.op(":");
      if (colon !== null) {
        this.invalidDictValue(colon);
      }
    }
    p.pos = mark;
  }

  protected invalidKvpair(): void {
    const p = this.p;
    const mark = p.pos;
    const key = this.expression();
    if (key !== null) {
      const colon = p.op(":");
      if (colon === null) {
        p.raiseAtColumn(key.line, key.endCol, "':' expected after dictionary key");
      } else {
        this.invalidDictValue(colon);
      }
    }
    p.pos = mark;
  }

  /** After a dictionary key's ':': a starred value, or no value at all. */
  protected invalidDictValue(colon: Token): void {
    const p = this.p;
    const star = p.op("*");
    if (star !== null && this.bitwiseOr() !== null) {
      p.raiseAt(star, "cannot use a starred expression in a dictionary value");
    }
    if (p.isOp("}") || p.isOp(",")) {
      p.raiseAt(colon, "expression expected after dictionary key and ':'");
    }
  }

  /** dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension */
  dictcomp(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const found = this.bracketedComprehension("{", "}", "DictComp", () => this.kvpair());
    if (found !== null || !p.op("{")) {
      return found;
    }
    if (p.invalidRules) {
      const doubleStar = p.op("**");
      if (doubleStar !== null && this.bitwiseOr() !== null && this.forIfClauses() !== null && p.isOp("}")) {
        p.raiseAt(doubleStar, "dict unpacking cannot be used in dict comprehension");
      }
    }
    p.pos = mark;
    return null;
  }

  /** for_if_clauses: for_if_clause+ */
  forIfClauses(): Comprehension[] | null {
    return this.oneOrMore(() => this.forIfClause());
  }

  /** [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)* | invalid_for_target */
  forIfClause(): Comprehension | null {
    const p = this.p;
    const mark = p.pos;
    const isAsync = p.keyword("async") !== null;
    if (p.keyword("for")) {
      const target = this.starTargets();
      if (target !== null && p.keyword("in")) {
        const iter = this.disjunction();
        if (iter === null) {
          // The cut after 'in'.
          return null;
        }
        const ifs = this.keywordOperands("if", () => this.disjunction());
        return { target, iter, ifs, isAsync };
      }
    }
    p.pos = mark;
    if (p.invalidRules) {
      this.invalidForTarget();
    }
    return null;
  }

  /** invalid_for_target: ASYNC? 'for' a=star_expressions */
  invalidForTarget(): void {
    const p = this.p;
    const mark = p.pos;
    p.keyword("async");
    if (p.keyword("for")) {
      const target = this.starExpressions();
      this.raiseInvalidTarget("for", target);
    }
    p.pos = mark;
  }

  raiseInvalidTarget(type: TargetsType, e: Expr | null): void {
    const invalid = invalidTarget(e, type);
    if (invalid !== null) {
      this.p.raiseAt(invalid, `${type === "del" ? "cannot delete" : "cannot assign to"} ${exprName(invalid)}`);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Call arguments.

  arguments(): { args: Expr[]; keywords: Keyword[] } | null {
    return this.p.memo(Rule.Arguments, () => {
      const p = this.p;
      const mark = p.pos;
      const args = this.args();
      if (args !== null) {
        p.op(",");
        if (p.isOp(")")) {
          return args;
        }
      }
      p.pos = mark;
      if (p.invalidRules) {
        this.invalidArguments();
      }
      p.pos = mark;
      return null;
    });
  }

  /**
   * args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs] | kwargs
   */
  args(): { args: Expr[]; keywords: Keyword[] } | null {
    const p = this.p;
    const mark = p.pos;
    const positional: Expr[] = [];
    for (;;) {
      const itemMark = p.pos;
      let item = this.starredExpression();
      if (item === null) {
        p.pos = itemMark;
        item = this.assignmentOrExpression(false);
        if (item !== null && p.isOp("=")) {
          item = null;
        }
      }
      if (item === null) {
        p.pos = itemMark;
        break;
      }
      positional.push(item);
      if (!this.commaBefore(() => this.startsArgument())) {
        break;
      }
    }
    if (positional.length > 0) {
      const afterPositional = p.pos;
      if (p.op(",")) {
        const keywords = this.kwargs();
        if (keywords !== null) {
          return { args: [...positional, ...keywords.starred], keywords: keywords.keywords };
        }
      }
      p.pos = afterPositional;
      return { args: positional, keywords: [] };
    }
    p.pos = mark;
    const keywords = this.kwargs();
    if (keywords !== null) {
      return { args: keywords.starred, keywords: keywords.keywords };
    }
    p.pos = mark;
    return null;
  }

  /** Whether something other than a keyword argument may follow the comma (cheap pre-check for the loop). */
  protected startsArgument(): boolean {
    const p = this.p;
    const mark = p.pos;
    const token = p.peek();
    if (token.type === TokenType.Op && (token.text === ")" || token.text === "**")) {
      return false;
    }
    if (token.type === TokenType.Name && !KEYWORDS.has(token.text)) {
      const next = p.peekSecond();
      p.pos = mark;
      if (next.type === TokenType.Op && next.text === "=") {
        return false;
      }
    }
    return true;
  }

  /** kwargs: kwarg_or_starred+ ',' kwarg_or_double_starred+ | kwarg_or_starred+ | kwarg_or_double_starred+ (comma-separated) */
  kwargs(): { starred: Expr[]; keywords: Keyword[] } | null {
    const p = this.p;
    const starred: Expr[] = [];
    const keywords: Keyword[] = [];
    let doubleStarred = false;
    let count = 0;
    for (;;) {
      const itemMark = p.pos;
      const item = doubleStarred ? this.kwargOrDoubleStarred() : (this.kwargOrStarred() ?? this.kwargOrDoubleStarred());
      if (item === null) {
        p.pos = itemMark;
        break;
      }
      if ("kind" in item) {
        starred.push(item);
      } else {
        keywords.push(item);
        if (item.name === null) {
          doubleStarred = true;
        }
      }
      count++;
      // After a '**', only kwarg_or_double_starred items follow: a '*' there ends the list.
      if (!this.commaBefore(() => !p.isOp(")") && !(doubleStarred && p.isOp("*")))) {
        break;
      }
    }
    if (count === 0) {
      return null;
    }
    // A comma followed by something that is no argument belongs to the caller.
    const last = p.tokens[p.pos - 1]!;
    if (last.type === TokenType.Op && last.text === ",") {
      p.pos--;
    }
    return { starred, keywords };
  }

  /** kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression */
  protected kwargOrStarred(): Keyword | Expr | null {
    return this.kwarg() ?? this.starredExpression();
  }

  /** kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
  protected kwargOrDoubleStarred(): Keyword | null {
    const p = this.p;
    const keyword = this.kwarg();
    if (keyword !== null) {
      return keyword;
    }
    const mark = p.pos;
    const doubleStar = p.op("**");
    if (doubleStar !== null) {
      const value = this.expression();
      if (value !== null) {
        return { name: null, value, span: spanFrom(spanOf(doubleStar, doubleStar), value) };
      }
    }
    p.pos = mark;
    return null;
  }

  /** invalid_kwarg | NAME '=' expression: the first alternatives of both kinds of keyword argument. */
  protected kwarg(): Keyword | null {
    const p = this.p;
    const mark = p.pos;
    if (p.invalidRules) {
      this.invalidKwarg();
      p.pos = mark;
    }
    const name = p.name();
    if (name !== null && p.op("=")) {
      const value = this.expression();
      if (value !== null) {
        return { name: name.text, value, span: spanFrom(spanOf(name, name), value) };
      }
    }
    p.pos = mark;
    return null;
  }

  protected invalidKwarg(): void {
    const p = this.p;
    const mark = p.pos;
    // a=('True'|'False'|'None') b='='
    const constant = p.keyword("True") ?? p.keyword("False") ?? p.keyword("None");
    if (constant !== null && p.isOp("=")) {
      p.raiseAt(constant, `cannot assign to ${constant.text}`);
    }
    p.pos = mark;
    this.invalidKeywordComprehension();
    // !(NAME '=') a=expression b='='
    const isKeyword = p.name() !== null && p.isOp("=");
    p.pos = mark;
    if (!isKeyword) {
      const value = this.expression();
      if (value !== null && p.isOp("=")) {
        p.raiseAt(value, 'expression cannot contain assignment, perhaps you meant "=="?');
      }
    }
    p.pos = mark;
  }

  /** a=NAME b='=' expression for_if_clauses, in invalid_kwarg and invalid_arguments; the position is kept. */
  protected invalidKeywordComprehension(): void {
    const p = this.p;
    const mark = p.pos;
    const name = p.name();
    if (name !== null && p.op("=") && this.expression() !== null && this.forIfClauses() !== null) {
      p.raiseAt(name, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    p.pos = mark;
  }

  /** starred_expression: '*' expression */
  starredExpression(): Expr | null {
    return this.starred(() => this.expression());
  }

  protected invalidArguments(): void {
    const p = this.p;
    const mark = p.pos;
    // a=args ',' '*': reported at the arguments' start
    const all = this.args();
    if (all !== null && p.op(",")) {
      const star = p.op("*");
      if (star !== null && all.keywords.some((keyword) => keyword.name === null)) {
        p.raiseAt(p.tokens[mark]!, "iterable argument unpacking follows keyword argument unpacking");
      }
    }
    p.pos = mark;
    // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
    const generator = this.expression();
    if (generator !== null) {
      const clauses = this.forIfClauses();
      if (clauses !== null && p.op(",")) {
        const afterComma = p.pos;
        if (this.args() === null) {
          p.pos = afterComma;
          if (this.expression() === null || this.forIfClauses() === null) {
            p.pos = afterComma;
          }
        }
        p.raiseAt(generator, "Generator expression must be parenthesized");
      }
    }
    p.pos = mark;
    this.invalidKeywordComprehension();
    // a=args b=for_if_clauses
    const leading = this.args();
    if (leading !== null) {
      const clauses = this.forIfClauses();
      if (clauses !== null) {
        const lastArg = leading.args[leading.args.length - 1];
        if (leading.keywords.length === 0 && leading.args.length > 1 && lastArg !== undefined) {
          p.raiseAt(lastArg, "Generator expression must be parenthesized");
        }
      }
    }
    p.pos = mark;
    // args ',' a=expression b=for_if_clauses
    if (this.args() !== null && p.op(",")) {
      const generatorAfter = this.expression();
      if (generatorAfter !== null && this.forIfClauses() !== null) {
        p.raiseAt(generatorAfter, "Generator expression must be parenthesized");
      }
    }
    p.pos = mark;
    // a=args ',' args
    const before = this.args();
    if (before !== null && p.op(",") && this.args() !== null) {
      const unpacking = before.keywords.some((keyword) => keyword.name === null);
      p.raiseAtLast(unpacking ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument");
    }
    p.pos = mark;
  }

  // ---------------------------------------------------------------------------------------------------
  // Lambdas.

  /** lambdef: 'lambda' [lambda_params] ':' expression */
  lambdef(): Expr | null {
    const p = this.p;
    const start = p.keyword("lambda");
    if (start === null) {
      return null;
    }
    const args = this.parameters(":");
    if (!p.op(":")) {
      return null;
    }
    const body = this.expression();
    if (body === null) {
      return null;
    }
    const defaults = args?.defaults ?? [];
    return expr("Lambda", this.spanFromToken(start), [...defaults, body], { args: args ?? { all: [], defaults: [] } });
  }

  /**
   * A parameter list up to `close` (")" for def, ":" for lambda), as CPython's `parameters` and
   * `lambda_parameters` accept it; in the second pass, `invalid_parameters` and friends raise their
   * messages. Returns null (position restored) when no list is there or it breaks the grammar.
   */
  parameters(close: string): Arguments | null {
    const p = this.p;
    const mark = p.pos;
    const isLambda = close === ":";
    const all: Arguments["all"] = [];
    const defaults: Expr[] = [];
    let sawSlash = false;
    let sawStar = false;
    let bareStar: Token | null = null;
    let sawDoubleStar = false;
    let sawDefault = false;
    let keywordOnly = 0;
    const fail = (): null => {
      p.pos = mark;
      return null;
    };
    const invalid = (at: Span | Token, message: string): null => {
      if (p.invalidRules) {
        p.raiseAt(at, message);
      }
      return fail();
    };
    /** A parameter's name and, outside lambdas, its annotation (which is evaluated with the defaults). */
    const named = (name: Token, starred: boolean): void => {
      const annotation = isLambda ? null : this.annotation(starred);
      all.push({ name: name.text, span: spanOf(name, name), annotation });
      if (annotation) {
        defaults.push(annotation);
      }
    };
    for (;;) {
      const token = p.peek();
      if (token.type === TokenType.Op && token.text === close) {
        break;
      }
      if (sawDoubleStar) {
        if ((token.type === TokenType.Op && ["*", "**", "/"].includes(token.text)) || token.type === TokenType.Name) {
          return invalid(token, "arguments cannot follow var-keyword argument");
        }
        return fail();
      }
      if (p.op("/")) {
        if (all.length === 0) {
          return invalid(token, "at least one argument must precede /");
        }
        if (sawSlash) {
          return invalid(token, "/ may appear only once");
        }
        if (sawStar) {
          return invalid(token, "/ must be ahead of *");
        }
        sawSlash = true;
        if (p.isOp("*")) {
          return invalid(p.peek(), "expected comma between / and *");
        }
      } else if (p.op("*")) {
        if (sawStar) {
          return invalid(token, "* argument may appear only once");
        }
        sawStar = true;
        const name = p.name();
        if (name !== null) {
          named(name, true);
          if (p.isOp("=")) {
            return invalid(p.peek(), "var-positional argument cannot have default value");
          }
        } else {
          bareStar = token;
          const next = p.peek();
          const nextNext = next.type === TokenType.Op && next.text === "," ? p.peekSecond() : null;
          if ((next.type === TokenType.Op && next.text === close) || (nextNext !== null && nextNext.type === TokenType.Op && (nextNext.text === close || nextNext.text === "**"))) {
            if (p.invalidRules) {
              if (isLambda) {
                p.raiseAtLast("named arguments must follow bare *");
              }
              p.raiseAt(token, "named arguments must follow bare *");
            }
            return fail();
          }
        }
      } else if (p.op("**")) {
        const name = p.name();
        if (name === null) {
          return fail();
        }
        named(name, false);
        sawDoubleStar = true;
        if (p.isOp("=")) {
          return invalid(p.peek(), "var-keyword argument cannot have default value");
        }
      } else {
        const name = p.name();
        if (name === null) {
          if (token.type === TokenType.Op && token.text === "(" && p.invalidRules) {
            this.parenthesizedParameters(token, isLambda ? "Lambda expression parameters cannot be parenthesized" : "Function parameters cannot be parenthesized");
          }
          return fail();
        }
        named(name, false);
        const equals = p.op("=");
        if (equals !== null) {
          const value = this.expression();
          if (value === null) {
            if (p.isOp(",") || p.isOp(")")) {
              return invalid(equals, "expected default value expression");
            }
            return fail();
          }
          defaults.push(value);
          if (!sawStar) {
            sawDefault = true;
          }
        } else if (sawDefault && !sawStar) {
          return invalid(name, "non-default argument follows default argument");
        }
        if (sawStar) {
          keywordOnly++;
        }
      }
      if (!p.op(",")) {
        if (!p.isOp(close)) {
          return fail();
        }
        break;
      }
    }
    if (bareStar !== null && keywordOnly === 0) {
      return invalid(bareStar, "named arguments must follow bare *");
    }
    return { all, defaults };
  }

  /** `: expression` (or `: star_expression` after `*name`, PEP 646). */
  protected annotation(starred: boolean): Expr | null {
    const p = this.p;
    if (!p.op(":")) {
      return null;
    }
    return starred ? this.starExpression() : this.expression();
  }

  /** param_no_default* a='(' param_no_default+ ','? b=')' */
  protected parenthesizedParameters(open: Token, message: string): void {
    const p = this.p;
    const mark = p.pos;
    p.pos++;
    let count = 0;
    while (p.name() !== null) {
      count++;
      if (!p.op(",")) {
        break;
      }
    }
    if (count > 0 && p.isOp(")")) {
      p.raiseAt(open, message);
    }
    p.pos = mark;
  }

  // ---------------------------------------------------------------------------------------------------
  // Assignment targets.

  /** star_targets: star_target !',' | star_target (',' star_target)* [','] */
  starTargets(): Expr | null {
    return this.tupleOf(() => this.starTarget());
  }

  starTarget(): Expr | null {
    return this.p.memo(Rule.StarTarget, () => {
      const p = this.p;
      const star = p.op("*");
      if (star === null) {
        return this.targetWithStarAtom();
      }
      if (p.isOp("*")) {
        p.pos--;
        return null;
      }
      const value = p.nested(() => this.starTarget());
      if (value === null) {
        p.pos--;
        return null;
      }
      return expr("Starred", spanFrom(spanOf(star, star), value), [value], { value });
    });
  }

  targetWithStarAtom(): Expr | null {
    return this.p.memo(Rule.TargetWithStarAtom, () => this.subscriptAttributeTarget() ?? this.starAtom());
  }

  /** t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead */
  subscriptAttributeTarget(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const base = this.tPrimary();
    if (base === null) {
      p.pos = mark;
      return null;
    }
    const afterBase = p.pos;
    if (p.op(".")) {
      const name = p.name();
      if (name !== null && !this.tLookahead()) {
        return expr("Attribute", spanFrom(base, spanOf(name, name)), [base], { value: base, id: name.text });
      }
    }
    p.pos = afterBase;
    if (p.op("[")) {
      const index = this.slices();
      if (index !== null && p.op("]") && !this.tLookahead()) {
        return expr("Subscript", spanFrom(base, this.last()), [base, index], { value: base });
      }
    }
    p.pos = mark;
    return null;
  }

  protected tLookahead(): boolean {
    const token = this.p.peek();
    return token.type === TokenType.Op && (token.text === "(" || token.text === "[" || token.text === ".");
  }

  /** t_primary: an atom followed by trailers, each of which is followed by another trailer. */
  tPrimary(): Expr | null {
    return this.p.memo(Rule.TPrimary, () => {
      const p = this.p;
      let value = this.atom();
      if (value === null || !this.tLookahead()) {
        return null;
      }
      for (;;) {
        const mark = p.pos;
        const extended = this.trailer(value);
        if (extended === null || !this.tLookahead()) {
          p.pos = mark;
          return value;
        }
        value = extended;
      }
    });
  }

  /** star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')' | '[' [star_targets_list_seq] ']' */
  starAtom(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const name = p.name();
    if (name !== null) {
      return nameExpr(name);
    }
    const open = p.op("(") ?? p.op("[");
    if (open === null) {
      return null;
    }
    const close = open.text === "(" ? ")" : "]";
    if (open.text === "(") {
      const inner = this.targetWithStarAtom();
      if (inner !== null && p.op(")")) {
        return { ...inner, parenthesized: true };
      }
      p.pos = mark + 1;
    }
    const elts: Expr[] = [];
    for (;;) {
      const item = this.starTarget();
      if (item === null) {
        break;
      }
      elts.push(item);
      if (!p.op(",")) {
        break;
      }
    }
    // A parenthesized tuple of targets needs a comma when it has one element.
    if (open.text === "(" && elts.length === 1 && p.tokens[p.pos - 1]!.text !== ",") {
      p.pos = mark;
      return null;
    }
    if (!p.op(close)) {
      p.pos = mark;
      return null;
    }
    return expr(open.text === "(" ? "Tuple" : "List", this.spanFromToken(open), elts, { elts });
  }

  /** single_subscript_attribute_target | NAME: how single_target and del_target begin. */
  protected attributeOrName(): Expr | null {
    const target = this.subscriptAttributeTarget();
    if (target !== null) {
      return target;
    }
    const name = this.p.name();
    return name === null ? null : nameExpr(name);
  }

  /** single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
  singleTarget(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const target = this.attributeOrName();
    if (target !== null) {
      return target;
    }
    if (p.op("(")) {
      const inner = this.singleTarget();
      if (inner !== null && p.op(")")) {
        return inner;
      }
    }
    p.pos = mark;
    return null;
  }

  /** del_targets: ','.del_target+ [','] */
  delTargets(): Expr[] | null {
    const first = this.delTarget();
    return first === null ? null : [first, ...this.restAfter(",", () => this.delTarget())];
  }

  delTarget(): Expr | null {
    return this.p.memo(Rule.DelTarget, () => {
      const p = this.p;
      const mark = p.pos;
      const target = this.attributeOrName();
      if (target !== null) {
        return target;
      }
      const open = p.op("(") ?? p.op("[");
      if (open === null) {
        return null;
      }
      const found = p.nested(() => {
        if (open.text === "(") {
          const inner = this.delTarget();
          if (inner !== null && p.op(")")) {
            return inner;
          }
          p.pos = mark + 1;
        }
        const elts = this.delTargets() ?? [];
        return p.op(open.text === "(" ? ")" : "]") ? expr(open.text === "(" ? "Tuple" : "List", this.spanFromToken(open), elts, { elts }) : null;
      });
      if (found === null) {
        p.pos = mark;
      }
      return found;
    });
  }

  isAugmentedAssignment(): boolean {
    const token = this.p.peek();
    return token.type === TokenType.Op && AUGMENTED.has(token.text);
  }
}
