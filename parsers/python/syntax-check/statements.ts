/**
 * Python 3.11's statement grammar (CPython's Grammar/python.gram, GENERAL STATEMENTS through COMPOUND
 * STATEMENTS), with the second pass's `invalid_*` statement rules: "expected ':'", the "expected an
 * indented block after ..." IndentationErrors, "expected 'except' or 'finally' block", and the
 * invalid targets of assignments, `del`, `for` and `with`. PEP 695 (`def f[T]`, `class C[T]`,
 * `type X = ...`) and PEP 758 (`except A, B:`) are accepted, as newer Pythons do.
 */
import { ExpressionGrammar } from "./expressions.js";
import { KEYWORDS } from "./parser-state.js";
import { type ExceptHandler, type Expr, type ImportedName, type Keyword, type Span, type Stmt, type StmtKind, expr, exprName, spanFrom, spanOf } from "./syntax-tree.js";
import { type Token, TokenType } from "./tokenizer.js";

const enum StatementRule {
  Block = 40,
  SimpleStmt,
}

/** A statement node; like expressions, every one has every field, in one order. */
function stmt(kind: StmtKind, span: Span, exprs: Expr[], extra: Partial<Stmt> = {}): Stmt {
  return {
    kind,
    line: span.line,
    col: span.col,
    endLine: span.endLine,
    endCol: span.endCol,
    exprs,
    isAsync: extra.isAsync,
    targets: extra.targets,
    body: extra.body,
    orelse: extra.orelse,
    finalbody: extra.finalbody,
    handlers: extra.handlers,
    cases: extra.cases,
    name: extra.name,
    args: extra.args,
    keywords: extra.keywords,
    names: extra.names,
    module: extra.module,
    simple: extra.simple,
  };
}

export class Grammar extends ExpressionGrammar {
  /** file: [statements] ENDMARKER */
  file(): Stmt[] | null {
    const body = this.statements() ?? [];
    return this.p.type(TokenType.EndMarker) === null ? null : body;
  }

  statements(): Stmt[] | null {
    return this.oneOrMore(() => this.statement())?.flat() ?? null;
  }

  statement(): Stmt[] | null {
    const p = this.p;
    return p.nested(() => {
      const compound = p.attempt(() => this.compoundStmt());
      return compound !== null ? [compound] : this.simpleStmts();
    });
  }

  /** simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
  simpleStmts(): Stmt[] | null {
    const first = this.simpleStmt();
    if (first === null) {
      return null;
    }
    const body = [first, ...this.restAfter(";", () => this.simpleStmt())];
    return this.p.type(TokenType.Newline) === null ? null : body;
  }

  simpleStmt(): Stmt | null {
    return this.p.memo(StatementRule.SimpleStmt, () => {
      const p = this.p;
      const assignment = p.attempt(() => this.assignment()) ?? p.attempt(() => this.typeAlias());
      if (assignment !== null) {
        return assignment;
      }
      const value = p.attempt(() => this.starExpressions());
      if (value !== null) {
        return stmt("Expr", value, [value]);
      }
      const token = p.peek();
      if (token.type !== TokenType.Name) {
        return null;
      }
      switch (token.text) {
        case "return": {
          p.pos++;
          const result = p.attempt(() => this.starExpressions());
          return stmt("Return", this.spanFromToken(token), result ? [result] : []);
        }
        case "import":
        case "from":
          return this.importStmt();
        case "raise":
          return this.raiseStmt(token);
        case "pass":
        case "break":
        case "continue":
          p.pos++;
          return stmt(token.text === "pass" ? "Pass" : token.text === "break" ? "Break" : "Continue", spanOf(token, token), []);
        case "del":
          return this.delStmt(token);
        case "yield": {
          const value = this.yieldExpr();
          return value === null ? null : stmt("Expr", value, [value]);
        }
        case "assert":
          return this.assertStmt(token);
        case "global":
        case "nonlocal":
          return this.globalStmt(token);
        default:
          return null;
      }
    });
  }

  /** PEP 695's `type X[T] = expression` (Python 3.12). */
  typeAlias(): Stmt | null {
    const p = this.p;
    const start = p.peek();
    if (start.type !== TokenType.Name || start.text !== "type") {
      return null;
    }
    p.pos++;
    const name = p.name();
    if (name === null) {
      return null;
    }
    this.typeParams();
    if (!p.op("=")) {
      return null;
    }
    const value = this.expression();
    return value === null ? null : stmt("TypeAlias", this.spanFromToken(start), [value]);
  }

  /** PEP 695's `[T: bound, *Ts, **P]` after a def, class or type name. */
  typeParams(): boolean {
    const p = this.p;
    const mark = p.pos;
    if (!p.op("[")) {
      return false;
    }
    for (;;) {
      const star = p.op("*") ?? p.op("**");
      if (p.name() === null) {
        p.pos = mark;
        return false;
      }
      if (star === null && p.op(":") && this.expression() === null) {
        p.pos = mark;
        return false;
      }
      if (p.op("=") && (star?.text === "*" ? this.starExpression() : this.expression()) === null) {
        p.pos = mark;
        return false;
      }
      if (!p.op(",") || p.isOp("]")) {
        break;
      }
    }
    if (!p.op("]")) {
      p.pos = mark;
      return false;
    }
    return true;
  }

  /**
   * assignment:
   *   NAME ':' expression ['=' annotated_rhs]
   * | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
   * | (star_targets '=')+ (yield_expr | star_expressions) !'='
   * | single_target augassign ~ (yield_expr | star_expressions)
   * | invalid_assignment
   */
  assignment(): Stmt | null {
    const p = this.p;
    const mark = p.pos;
    const start = p.peek();
    const name = p.name();
    if (name !== null && p.op(":")) {
      const annotated = this.annotatedAssignment(start, expr("Name", spanOf(name, name), [], { id: name.text }), true);
      if (annotated !== null) {
        return annotated;
      }
    }
    p.pos = mark;
    let annotated: Expr | null = null;
    if (p.op("(")) {
      const inner = this.singleTarget();
      annotated = inner !== null && p.op(")") ? inner : null;
    }
    if (annotated === null) {
      p.pos = mark;
      annotated = this.subscriptAttributeTarget();
    }
    if (annotated !== null && p.op(":")) {
      const assignment = this.annotatedAssignment(start, annotated, false);
      if (assignment !== null) {
        return assignment;
      }
    }
    p.pos = mark;
    const targets = this.starTargetsAssigned();
    if (targets.length > 0) {
      const value = this.yieldOrStarExpressions();
      if (value !== null && !p.isOp("=")) {
        return stmt("Assign", this.spanFromToken(start), [...targets, value], { targets });
      }
    }
    p.pos = mark;
    const single = this.singleTarget();
    if (single !== null && this.isAugmentedAssignment()) {
      p.pos++;
      const value = this.yieldOrStarExpressions();
      // The cut: with no value, the statement is not an assignment, nor anything else.
      return value === null ? null : stmt("AugAssign", this.spanFromToken(start), [single, value], { targets: [single] });
    }
    p.pos = mark;
    if (p.invalidRules) {
      this.invalidAssignment();
    }
    p.pos = mark;
    return null;
  }

  /** After `target ':'`: expression ['=' annotated_rhs], or null when no annotation follows. */
  protected annotatedAssignment(start: Token, target: Expr, simple: boolean): Stmt | null {
    const annotation = this.expression();
    if (annotation === null) {
      return null;
    }
    const value = this.annotatedValue();
    return stmt("AnnAssign", this.spanFromToken(start), [target, annotation, ...(value ? [value] : [])], { targets: [target], simple });
  }

  protected annotatedValue(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    if (!p.op("=")) {
      return null;
    }
    const value = this.yieldOrStarExpressions();
    if (value === null) {
      p.pos = mark;
    }
    return value;
  }

  /** yield_expr | star_expressions: a right-hand side. */
  protected yieldOrStarExpressions(): Expr | null {
    return this.yieldExpr() ?? this.starExpressions();
  }

  /** (star_targets '=')*: the targets, the position after the last '='. */
  protected starTargetsAssigned(): Expr[] {
    const p = this.p;
    const targets: Expr[] = [];
    for (;;) {
      const mark = p.pos;
      const target = this.starTargets();
      if (target === null || !p.op("=")) {
        p.pos = mark;
        return targets;
      }
      targets.push(target);
    }
  }

  protected invalidAssignment(): void {
    const p = this.p;
    const mark = p.pos;
    // a=invalid_ann_assign_target ':' expression
    const annTarget = this.invalidAnnAssignTarget();
    if (annTarget !== null && p.op(":") && this.expression() !== null) {
      p.raiseAt(annTarget, `only single target (not ${exprName(annTarget)}) can be annotated`);
    }
    p.pos = mark;
    // a=star_named_expression ',' star_named_expressions* ':' expression
    const first = this.starNamedExpression();
    if (first !== null && p.op(",")) {
      while (p.attempt(() => this.starNamedExpressions()) !== null) {
        // star_named_expressions*
      }
      if (p.op(":") && this.expression() !== null) {
        p.raiseAt(first, "only single target (not tuple) can be annotated");
      }
    }
    p.pos = mark;
    // a=expression ':' expression
    const illegal = this.expression();
    if (illegal !== null && p.op(":") && this.expression() !== null) {
      p.raiseAt(illegal, "illegal target for annotation");
    }
    p.pos = mark;
    // (star_targets '=')* a=star_expressions '='
    this.starTargetsAssigned();
    const target = this.starExpressions();
    if (target !== null && p.isOp("=")) {
      this.raiseInvalidTarget("star", target);
    }
    p.pos = mark;
    // (star_targets '=')* a=yield_expr '='
    this.starTargetsAssigned();
    const yielded = this.yieldExpr();
    if (yielded !== null && p.isOp("=")) {
      p.raiseAt(yielded, "assignment to yield expression not possible");
    }
    p.pos = mark;
    // a=star_expressions augassign (yield_expr | star_expressions)
    const augmented = this.starExpressions();
    if (augmented !== null && this.isAugmentedAssignment()) {
      p.pos++;
      if (this.yieldOrStarExpressions() !== null) {
        p.raiseAt(augmented, `'${exprName(augmented)}' is an illegal expression for augmented assignment`);
      }
    }
    p.pos = mark;
  }

  /** invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
  protected invalidAnnAssignTarget(): Expr | null {
    const p = this.p;
    const mark = p.pos;
    const found = p.attempt(() => this.list()) ?? p.attempt(() => this.tuple());
    if (found !== null) {
      return found;
    }
    if (p.op("(")) {
      const inner = this.invalidAnnAssignTarget();
      if (inner !== null && p.op(")")) {
        return inner;
      }
    }
    p.pos = mark;
    return null;
  }

  protected raiseStmt(start: Token): Stmt | null {
    const p = this.p;
    p.pos++;
    const exception = p.attempt(() => this.expression());
    if (exception === null) {
      return stmt("Raise", spanOf(start, start), []);
    }
    const cause = this.tail(() => p.keyword("from"));
    return stmt("Raise", this.spanFromToken(start), cause === null ? [exception] : [exception, cause]);
  }

  protected delStmt(start: Token): Stmt | null {
    const p = this.p;
    const mark = p.pos;
    p.pos++;
    const targets = this.delTargets();
    if (targets !== null && (p.isOp(";") || p.isType(TokenType.Newline))) {
      return stmt("Delete", this.spanFromToken(start), targets, { targets });
    }
    p.pos = mark + 1;
    if (p.invalidRules) {
      const target = this.starExpressions();
      this.raiseInvalidTarget("del", target);
    }
    p.pos = mark;
    return null;
  }

  protected assertStmt(start: Token): Stmt | null {
    const p = this.p;
    p.pos++;
    const test = this.expression();
    if (test === null) {
      return null;
    }
    const message = this.tail(() => p.op(","));
    return stmt("Assert", this.spanFromToken(start), message === null ? [test] : [test, message]);
  }

  protected globalStmt(start: Token): Stmt | null {
    const p = this.p;
    p.pos++;
    const names: ImportedName[] = [];
    for (;;) {
      const name = p.name();
      if (name === null) {
        return null;
      }
      names.push({ name: name.text, span: spanOf(name, name) });
      if (!this.commaBefore(() => p.isType(TokenType.Name))) {
        break;
      }
    }
    return stmt(start.text === "global" ? "Global" : "Nonlocal", this.spanFromToken(start), [], { names });
  }

  // ---------------------------------------------------------------------------------------------------
  // Imports.

  protected importStmt(): Stmt | null {
    const p = this.p;
    const start = p.next();
    if (start.text === "import") {
      const names = this.dottedAsNames();
      return names === null ? null : stmt("Import", this.spanFromToken(start), [], { names });
    }
    let level = 0;
    for (;;) {
      const dot = p.op(".") ?? p.op("...");
      if (dot === null) {
        break;
      }
      level += dot.text.length;
    }
    const mark = p.pos;
    const module = this.dottedName();
    if (module === null && level === 0) {
      return null;
    }
    if (!p.keyword("import")) {
      p.pos = mark;
      if (module !== null || !p.keyword("import")) {
        return null;
      }
    }
    const names = this.importFromTargets();
    return names === null ? null : stmt("ImportFrom", this.spanFromToken(start), [], { names, module });
  }

  protected dottedName(): string | null {
    const p = this.p;
    const first = p.name();
    if (first === null) {
      return null;
    }
    let dotted = first.text;
    for (;;) {
      const mark = p.pos;
      if (!p.op(".")) {
        break;
      }
      const next = p.name();
      if (next === null) {
        p.pos = mark;
        break;
      }
      dotted += `.${next.text}`;
    }
    return dotted;
  }

  protected dottedAsNames(): ImportedName[] | null {
    const p = this.p;
    const names: ImportedName[] = [];
    for (;;) {
      const start = p.peek();
      const name = this.dottedName();
      if (name === null) {
        return names.length > 0 ? names : null;
      }
      names.push({ name, span: this.spanFromToken(start) });
      if (!this.importAlias()) {
        return null;
      }
      if (!p.op(",")) {
        return names;
      }
    }
  }

  /** `['as' NAME]` after an imported name: false, with the position kept, when 'as' has no NAME after it. */
  protected importAlias(): boolean {
    const p = this.p;
    const mark = p.pos;
    if (p.keyword("as") && p.name() === null) {
      p.pos = mark;
      return false;
    }
    return true;
  }

  /** import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*' | invalid_import_from_targets */
  protected importFromTargets(): ImportedName[] | null {
    const p = this.p;
    const mark = p.pos;
    if (p.op("(")) {
      const names = this.importFromAsNames();
      if (names !== null) {
        p.op(",");
        if (p.op(")")) {
          return names;
        }
      }
      p.pos = mark;
      return null;
    }
    const star = p.op("*");
    if (star !== null) {
      return [{ name: "*", span: spanOf(star, star) }];
    }
    const names = this.importFromAsNames();
    if (names !== null && !p.isOp(",")) {
      return names;
    }
    if (names !== null && p.invalidRules && p.op(",") && p.isType(TokenType.Newline)) {
      p.raiseAtLast("trailing comma not allowed without surrounding parentheses");
    }
    p.pos = mark;
    return null;
  }

  protected importFromAsNames(): ImportedName[] | null {
    const p = this.p;
    const names: ImportedName[] = [];
    for (;;) {
      const name = p.name();
      if (name === null) {
        break;
      }
      names.push({ name: name.text, span: spanOf(name, name) });
      if (!this.importAlias()) {
        return null;
      }
      if (!this.commaBefore(() => p.isType(TokenType.Name))) {
        break;
      }
    }
    return names.length > 0 ? names : null;
  }

  // ---------------------------------------------------------------------------------------------------
  // Compound statements.

  compoundStmt(): Stmt | null {
    const p = this.p;
    const token = p.peek();
    if (token.type === TokenType.Op && token.text === "@") {
      return this.decorated();
    }
    if (token.type !== TokenType.Name) {
      return null;
    }
    switch (token.text) {
      case "def":
        return this.functionDef(null);
      case "if":
        return this.ifStmt();
      case "class":
        return this.classDef();
      case "with":
        return this.withStmt(null);
      case "for":
        return this.forStmt(null);
      case "try":
        return this.tryStmt();
      case "while":
        return this.whileStmt();
      case "async": {
        const next = p.peekSecond();
        if (next.type === TokenType.Name) {
          p.pos++;
          const compound = next.text === "def" ? this.functionDef(token) : next.text === "with" ? this.withStmt(token) : next.text === "for" ? this.forStmt(token) : null;
          if (compound !== null) {
            return compound;
          }
          p.pos--;
        }
        return null;
      }
      case "match":
        return this.matchStmt();
      default:
        return null;
    }
  }

  protected decorated(): Stmt | null {
    const p = this.p;
    const decorators: Expr[] = [];
    while (p.op("@")) {
      const decorator = this.namedExpression();
      if (decorator === null || p.type(TokenType.Newline) === null) {
        return null;
      }
      decorators.push(decorator);
    }
    const token = p.peek();
    let definition: Stmt | null = null;
    if (token.type === TokenType.Name && token.text === "def") {
      definition = this.functionDef(null);
    } else if (token.type === TokenType.Name && token.text === "class") {
      definition = this.classDef();
    } else if (token.type === TokenType.Name && token.text === "async" && p.peekSecond().text === "def") {
      p.pos++;
      definition = this.functionDef(token);
    }
    if (definition !== null) {
      definition.exprs.unshift(...decorators);
    }
    return definition;
  }

  /** block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
  block(): Stmt[] | null {
    return this.p.memo(StatementRule.Block, () => {
      const p = this.p;
      const mark = p.pos;
      const body = p.attempt(() => this.indentedStatements()) ?? p.attempt(() => this.simpleStmts());
      if (body !== null) {
        return body;
      }
      if (p.invalidRules && p.type(TokenType.Newline) && !p.isType(TokenType.Indent)) {
        p.raiseAtLast("expected an indented block", "IndentationError");
      }
      p.pos = mark;
      return null;
    });
  }

  /** NEWLINE INDENT statements DEDENT */
  protected indentedStatements(): Stmt[] | null {
    const p = this.p;
    if (p.type(TokenType.Newline) === null || p.type(TokenType.Indent) === null) {
      return null;
    }
    const body = this.statements();
    return body !== null && p.type(TokenType.Dedent) !== null ? body : null;
  }

  /** `':' NEWLINE !INDENT` after a header: CPython's "expected an indented block after ..." */
  protected missingIndentedBlock(what: string, keyword: Token): void {
    const p = this.p;
    const mark = p.pos;
    if (p.op(":") && p.type(TokenType.Newline) && !p.isType(TokenType.Indent)) {
      p.raiseAtLast(`expected an indented block after ${what} on line ${keyword.line}`, "IndentationError");
    }
    p.pos = mark;
  }

  /**
   * In the second pass, where a header's ':' should follow: "expected ':'" at a NEWLINE, or a missing
   * indented block after the ':'. The position is kept.
   */
  protected invalidHeaderEnd(what: string, keyword: Token): void {
    const p = this.p;
    if (!p.invalidRules) {
      return;
    }
    if (p.isType(TokenType.Newline)) {
      p.raiseAtLast("expected ':'");
    }
    this.missingIndentedBlock(what, keyword);
  }

  /** A header's colon, or in the second pass "expected ':'" when a NEWLINE comes instead. */
  protected headerColon(): boolean {
    const p = this.p;
    if (p.op(":")) {
      return true;
    }
    if (p.invalidRules && p.isType(TokenType.Newline)) {
      p.raiseAtLast("expected ':'");
    }
    return false;
  }

  protected functionDef(asyncToken: Token | null): Stmt | null {
    const p = this.p;
    const def = p.keyword("def")!;
    const start = asyncToken ?? def;
    const name = p.name();
    if (name === null) {
      return null;
    }
    this.typeParams();
    const afterName = p.pos;
    if (p.invalidRules) {
      // invalid_def_raw: ... ':' NEWLINE !INDENT
      if (p.op("(")) {
        this.parameters(")");
        if (p.op(")")) {
          this.tail(() => p.op("->"));
          this.missingIndentedBlock("function definition", def);
        }
      }
      p.pos = afterName;
    }
    p.forced("(");
    const args = this.parameters(")") ?? { all: [], defaults: [] };
    if (!p.op(")")) {
      return null;
    }
    const returns = this.tail(() => p.op("->"));
    const exprs: Expr[] = returns === null ? [...args.defaults] : [...args.defaults, returns];
    p.forced(":");
    const body = this.block();
    if (body === null) {
      return null;
    }
    return stmt("FunctionDef", this.spanFromToken(start), exprs, { isAsync: asyncToken !== null, name: name.text, args, body });
  }

  protected classDef(): Stmt | null {
    const p = this.p;
    const start = p.keyword("class")!;
    const name = p.name();
    if (name === null) {
      return null;
    }
    this.typeParams();
    const afterName = p.pos;
    let bases: { args: Expr[]; keywords: Keyword[] } = { args: [], keywords: [] };
    if (p.op("(")) {
      bases = this.arguments() ?? bases;
      if (!p.op(")")) {
        p.pos = afterName;
      }
    }
    this.invalidHeaderEnd("class definition", start);
    if (!p.op(":")) {
      return null;
    }
    const body = this.block();
    if (body === null) {
      return null;
    }
    return stmt("ClassDef", this.spanFromToken(start), [...bases.args, ...bases.keywords.map((keyword) => keyword.value)], {
      name: name.text,
      body,
      keywords: bases.keywords,
    });
  }

  protected ifStmt(): Stmt | null {
    return this.conditional("if");
  }

  /** if_stmt / elif_stmt, with invalid_if_stmt / invalid_elif_stmt first. */
  protected conditional(word: "if" | "elif"): Stmt | null {
    const p = this.p;
    const mark = p.pos;
    const start = p.keyword(word)!;
    const test = this.namedExpression();
    if (test === null) {
      return null;
    }
    this.invalidHeaderEnd(`'${word}' statement`, start);
    if (!p.op(":")) {
      p.pos = mark;
      return null;
    }
    const body = this.block();
    if (body === null) {
      return null;
    }
    let orelse: Stmt[] = [];
    if (p.isKeyword("elif")) {
      const elif = this.conditional("elif");
      if (elif !== null) {
        orelse = [elif];
      }
    } else {
      orelse = this.elseBlock() ?? [];
    }
    return stmt("If", this.spanFromToken(start), [test], { body, orelse });
  }

  /** else_block: invalid_else_stmt | 'else' &&':' block */
  protected elseBlock(): Stmt[] | null {
    return this.clauseBlock("else");
  }

  /** `word &&':' block`, with its invalid_*_stmt first: an `else` or `finally` clause. */
  protected clauseBlock(word: "else" | "finally"): Stmt[] | null {
    const p = this.p;
    const mark = p.pos;
    const start = p.keyword(word);
    if (start === null) {
      return null;
    }
    if (p.invalidRules) {
      this.missingIndentedBlock(`'${word}' statement`, start);
    }
    p.forced(":");
    const body = this.block();
    if (body === null) {
      p.pos = mark;
    }
    return body;
  }

  protected whileStmt(): Stmt | null {
    const p = this.p;
    const start = p.keyword("while")!;
    const test = this.namedExpression();
    if (test === null) {
      return null;
    }
    this.invalidHeaderEnd("'while' statement", start);
    if (!p.op(":")) {
      return null;
    }
    const body = this.block();
    if (body === null) {
      return null;
    }
    return stmt("While", this.spanFromToken(start), [test], { body, orelse: this.elseBlock() ?? [] });
  }

  protected forStmt(asyncToken: Token | null): Stmt | null {
    const p = this.p;
    const mark = p.pos;
    const forToken = p.keyword("for")!;
    const start = asyncToken ?? forToken;
    const target = this.starTargets();
    if (target !== null && p.keyword("in")) {
      const iter = this.starExpressions();
      if (iter === null) {
        // The cut after 'in'.
        return null;
      }
      this.invalidHeaderEnd("'for' statement", forToken);
      if (p.op(":")) {
        const body = this.block();
        if (body !== null) {
          return stmt("For", this.spanFromToken(start), [target, iter], { isAsync: asyncToken !== null, targets: [target], body, orelse: this.elseBlock() ?? [] });
        }
      }
      return null;
    }
    p.pos = mark;
    if (p.invalidRules) {
      this.invalidForTarget();
    }
    return null;
  }

  protected withStmt(asyncToken: Token | null): Stmt | null {
    const p = this.p;
    const withToken = p.keyword("with")!;
    const start = asyncToken ?? withToken;
    const afterWith = p.pos;
    if (p.invalidRules) {
      this.invalidWithStmt(withToken, true);
      p.pos = afterWith;
    }
    // 'with' '(' ','.with_item+ ','? ')' ':' block
    if (p.op("(")) {
      const items = this.withItems();
      if (items !== null) {
        p.op(",");
        if (p.op(")") && p.op(":")) {
          const body = this.block();
          if (body !== null) {
            return this.withNode(start, asyncToken, items, body);
          }
        }
      }
      p.pos = afterWith;
    }
    const items = this.withItems();
    if (items !== null && p.op(":")) {
      const body = this.block();
      if (body !== null) {
        return this.withNode(start, asyncToken, items, body);
      }
    }
    p.pos = afterWith;
    if (p.invalidRules) {
      this.invalidWithStmt(withToken, false);
    }
    return null;
  }

  protected withNode(start: Token, asyncToken: Token | null, items: { exprs: Expr[]; targets: Expr[] }, body: Stmt[]): Stmt {
    return stmt("With", this.spanFromToken(start), items.exprs, { isAsync: asyncToken !== null, targets: items.targets, body });
  }

  protected withItems(): { exprs: Expr[]; targets: Expr[] } | null {
    const p = this.p;
    const exprs: Expr[] = [];
    const targets: Expr[] = [];
    for (;;) {
      const value = this.expression();
      if (value === null) {
        return exprs.length > 0 ? { exprs, targets } : null;
      }
      exprs.push(value);
      const mark = p.pos;
      if (p.keyword("as")) {
        const target = this.starTarget();
        if (target !== null && (p.isOp(",") || p.isOp(")") || p.isOp(":"))) {
          exprs.push(target);
          targets.push(target);
        } else {
          p.pos = mark;
          if (p.invalidRules) {
            // invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
            p.keyword("as");
            const bad = this.expression();
            if (bad !== null && (p.isOp(",") || p.isOp(")") || p.isOp(":"))) {
              this.raiseInvalidTarget("star", bad);
            }
            p.pos = mark;
          }
        }
      }
      if (!this.commaBefore(() => !p.isOp(")"))) {
        return { exprs, targets };
      }
    }
  }

  /** invalid_with_stmt_indent (first) and invalid_with_stmt (last): "expected ':'" and indentation. */
  protected invalidWithStmt(withToken: Token, indentation: boolean): void {
    const p = this.p;
    const start = p.pos;
    const items = (parenthesized: boolean): boolean => {
      let count = 0;
      for (;;) {
        const value = parenthesized ? this.expressions() : this.expression();
        if (value === null) {
          break;
        }
        count++;
        const mark = p.pos;
        if (p.keyword("as") && this.starTarget() === null) {
          p.pos = mark;
        }
        if (!p.op(",")) {
          break;
        }
      }
      return count > 0;
    };
    for (const parenthesized of [false, true]) {
      p.pos = start;
      if (parenthesized) {
        if (!p.op("(")) {
          continue;
        }
        if (!items(true)) {
          continue;
        }
        p.op(",");
        if (!p.op(")")) {
          continue;
        }
      } else if (!items(false)) {
        continue;
      }
      if (indentation) {
        this.missingIndentedBlock("'with' statement", withToken);
      } else if (p.isType(TokenType.Newline)) {
        p.raiseAtLast("expected ':'");
      }
    }
    p.pos = start;
  }

  protected tryStmt(): Stmt | null {
    const p = this.p;
    const start = p.keyword("try")!;
    const afterTry = p.pos;
    if (p.invalidRules) {
      this.missingIndentedBlock("'try' statement", start);
      if (p.op(":")) {
        const body = this.block();
        if (body !== null && !p.isKeyword("except") && !p.isKeyword("finally")) {
          p.raiseAtLast("expected 'except' or 'finally' block");
        }
      }
      p.pos = afterTry;
    }
    p.forced(":");
    const body = this.block();
    if (body === null) {
      return null;
    }
    const handlers: ExceptHandler[] = [];
    let star: boolean | null = null;
    for (;;) {
      const handler = this.exceptBlock(star);
      if (handler === null) {
        break;
      }
      star = handler.star;
      handlers.push(handler.handler);
    }
    let orelse: Stmt[] = [];
    if (handlers.length > 0) {
      orelse = this.elseBlock() ?? [];
    }
    const finalbody = this.clauseBlock("finally");
    if (handlers.length === 0 && finalbody === null) {
      return null;
    }
    return stmt("Try", this.spanFromToken(start), handlers.flatMap((handler) => (handler.type ? [handler.type] : [])), {
      body,
      handlers,
      orelse,
      finalbody: finalbody ?? [],
    });
  }

  /**
   * except_block / except_star_block. `star` says which kind the try already has: a try may not mix
   * them ("cannot have both 'except' and 'except*' on the same 'try'").
   */
  protected exceptBlock(star: boolean | null): { handler: ExceptHandler; star: boolean } | null {
    const p = this.p;
    const mark = p.pos;
    const start = p.keyword("except");
    if (start === null) {
      return null;
    }
    const starToken = p.op("*");
    const isStar = starToken !== null;
    if (star !== null && star !== isStar) {
      if (p.invalidRules) {
        p.raiseAt(start, "cannot have both 'except' and 'except*' on the same 'try'");
      }
      p.pos = mark;
      return null;
    }
    const afterExcept = p.pos;
    if (p.invalidRules) {
      this.invalidExceptStmt(start, isStar);
      p.pos = afterExcept;
    }
    let type: Expr | null = null;
    let name: string | null = null;
    if (!p.isOp(":")) {
      type = this.expression();
      if (type === null) {
        p.pos = mark;
        return null;
      }
      if (p.isOp(",")) {
        // PEP 758 (Python 3.14): `except A, B:` without parentheses.
        p.pos = afterExcept;
        type = this.expressions();
        if (type === null || p.isKeyword("as")) {
          p.pos = mark;
          return null;
        }
      } else if (p.keyword("as")) {
        const alias = p.name();
        if (alias === null) {
          p.pos = mark;
          return null;
        }
        name = alias.text;
      }
    } else if (isStar) {
      p.pos = mark;
      return null;
    }
    const body = this.colonBlock(mark);
    return body === null ? null : { handler: { ...this.spanFromToken(start), type, name, body }, star: isStar };
  }

  protected invalidExceptStmt(start: Token, isStar: boolean): void {
    const p = this.p;
    const mark = p.pos;
    const what = isStar ? "'except*' statement" : "'except' statement";
    // a='except' '*' (NEWLINE | ':')
    if (isStar && (p.isType(TokenType.Newline) || p.isOp(":"))) {
      p.raiseAtLast("expected one or more exception types");
    }
    if (!isStar) {
      this.invalidHeaderEnd(what, start);
    }
    // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
    const first = this.expression();
    if (first !== null) {
      const afterFirst = p.pos;
      // Without 'as', Python 3.14 accepts the list (PEP 758): only the aliased form stays an error here.
      if (p.op(",") && this.expressions() !== null && this.alias() && p.isOp(":")) {
        p.raiseAt(first, "multiple exception types must be parenthesized");
      }
      p.pos = afterFirst;
      this.alias();
      this.invalidHeaderEnd(what, start);
    }
    p.pos = mark;
  }

  /** `['as' NAME]`: whether both are there (and taken); the position is kept otherwise. */
  protected alias(): boolean {
    const p = this.p;
    const mark = p.pos;
    if (p.keyword("as") !== null && p.name() !== null) {
      return true;
    }
    p.pos = mark;
    return false;
  }

  // ---------------------------------------------------------------------------------------------------
  // match statements (soft keywords).

  protected matchStmt(): Stmt | null {
    const p = this.p;
    const mark = p.pos;
    const start = p.next();
    const subject = this.subjectExpr();
    if (subject === null) {
      p.pos = mark;
      return null;
    }
    const afterSubject = p.pos;
    if (p.op(":") && p.type(TokenType.Newline) && p.type(TokenType.Indent)) {
      const cases: Stmt[][] = [];
      const exprs: Expr[] = [subject];
      for (;;) {
        const body = this.caseBlock(exprs);
        if (body === null) {
          break;
        }
        cases.push(body);
      }
      if (cases.length > 0 && p.type(TokenType.Dedent)) {
        return stmt("Match", this.spanFromToken(start), exprs, { cases });
      }
    }
    p.pos = afterSubject;
    this.invalidHeaderEnd("'match' statement", start);
    p.pos = mark;
    return null;
  }

  /** subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
  protected subjectExpr(): Expr | null {
    const elts = this.starNamedTupleElements();
    return elts === null ? this.namedExpression() : expr("Tuple", spanFrom(elts[0]!, this.last()), elts, { elts });
  }

  protected caseBlock(exprs: Expr[]): Stmt[] | null {
    const p = this.p;
    const mark = p.pos;
    const start = p.peek();
    if (start.type !== TokenType.Name || start.text !== "case") {
      return null;
    }
    p.pos++;
    if (!this.patterns()) {
      p.pos = mark;
      return null;
    }
    const guardMark = p.pos;
    if (p.keyword("if")) {
      const guard = this.namedExpression();
      if (guard === null) {
        p.pos = guardMark;
      } else {
        exprs.push(guard);
      }
    }
    this.invalidHeaderEnd("'case' statement", start);
    return this.colonBlock(mark);
  }

  /** ':' block: the body, or null with the position back at `mark`. */
  protected colonBlock(mark: number): Stmt[] | null {
    const p = this.p;
    const body = p.op(":") ? this.block() : null;
    if (body === null) {
      p.pos = mark;
    }
    return body;
  }

  /** patterns: open_sequence_pattern | pattern */
  protected patterns(): boolean {
    const p = this.p;
    if (!this.maybeStarPattern()) {
      return false;
    }
    while (p.op(",")) {
      if (!this.maybeStarPattern()) {
        break;
      }
    }
    return true;
  }

  protected maybeStarPattern(): boolean {
    const p = this.p;
    const mark = p.pos;
    if (p.op("*")) {
      if (p.name() !== null) {
        return true;
      }
      p.pos = mark;
      return false;
    }
    return this.pattern();
  }

  /** pattern: or_pattern ['as' NAME] */
  protected pattern(): boolean {
    const p = this.p;
    return p.nested(() => {
      if (!this.closedPattern()) {
        return false;
      }
      for (;;) {
        const mark = p.pos;
        if (!p.op("|")) {
          break;
        }
        if (!this.closedPattern()) {
          p.pos = mark;
          break;
        }
      }
      const mark = p.pos;
      if (p.keyword("as")) {
        const target = p.name();
        if (target === null || target.text === "_") {
          p.pos = mark;
          if (p.invalidRules) {
            p.keyword("as");
            const bad = p.peek();
            if (bad.type === TokenType.Name && bad.text === "_") {
              p.raiseAt(bad, "cannot use '_' as a target");
            }
            const value = this.expression();
            if (value !== null) {
              p.raiseAt(value, "invalid pattern target");
            }
            p.pos = mark;
          }
        }
      }
      return true;
    });
  }

  protected closedPattern(): boolean {
    const p = this.p;
    const token = p.peek();
    if (token.type === TokenType.Number || (token.type === TokenType.Op && (token.text === "-" || token.text === "+"))) {
      if (p.op("-") === null) {
        p.op("+");
      }
      if (p.type(TokenType.Number) === null) {
        return false;
      }
      const mark = p.pos;
      if ((p.op("+") ?? p.op("-")) !== null && p.type(TokenType.Number) === null) {
        p.pos = mark;
      }
      return true;
    }
    if (token.type === TokenType.String) {
      this.strings();
      return true;
    }
    if (token.type === TokenType.Name) {
      if (token.text === "None" || token.text === "True" || token.text === "False") {
        p.pos++;
        return true;
      }
      if (KEYWORDS.has(token.text)) {
        return false;
      }
      p.pos++;
      while (p.isOp(".")) {
        p.pos++;
        if (p.name() === null) {
          return false;
        }
      }
      if (p.op("(")) {
        return this.classPatternArguments();
      }
      return true;
    }
    if (token.type !== TokenType.Op) {
      return false;
    }
    const mark = p.pos;
    if (token.text === "(" || token.text === "[") {
      p.pos++;
      const close = token.text === "(" ? ")" : "]";
      if (p.op(close)) {
        return true;
      }
      if (!this.patterns()) {
        p.pos = mark;
        return false;
      }
      if (!p.op(close)) {
        p.pos = mark;
        return false;
      }
      return true;
    }
    if (token.text === "{") {
      p.pos++;
      for (;;) {
        if (p.op("}")) {
          return true;
        }
        if (p.op("**")) {
          // `**rest` must be a name other than "_", and the last entry.
          const rest = p.name();
          if (rest === null || rest.text === "_") {
            break;
          }
          p.op(",");
          if (p.op("}")) {
            return true;
          }
          break;
        } else {
          if (!this.closedPattern()) {
            break;
          }
          if (!p.op(":") || !this.pattern()) {
            break;
          }
        }
        if (!p.op(",")) {
          if (p.op("}")) {
            return true;
          }
          break;
        }
      }
      p.pos = mark;
      return false;
    }
    return false;
  }

  /** After `Name(`: positional patterns, then keyword patterns, up to ")". */
  protected classPatternArguments(): boolean {
    const p = this.p;
    let sawKeyword = false;
    for (;;) {
      if (p.op(")")) {
        return true;
      }
      const mark = p.pos;
      if (p.name() !== null && p.op("=")) {
        sawKeyword = true;
        if (!this.pattern()) {
          return false;
        }
      } else {
        p.pos = mark;
        if (!this.pattern()) {
          return false;
        }
        if (sawKeyword) {
          if (p.invalidRules) {
            p.raiseAt(p.tokens[mark]!, "positional patterns follow keyword patterns");
          }
          return false;
        }
      }
      if (!p.op(",")) {
        return p.op(")") !== null;
      }
    }
  }
}

