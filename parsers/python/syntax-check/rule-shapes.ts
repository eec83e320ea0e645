/**
 * The shapes PEG rules repeat (lists with separators, repetitions, optional parts), over the token
 * cursor: each takes the rule's items as functions, and leaves the position as the grammar's notation
 * does (an item that is not there consumes nothing).
 */
import type { ParserState } from "./parser-state.js";
import { type Expr, type Span, expr, spanFrom, spanOf } from "./syntax-tree.js";
import type { Token } from "./tokenizer.js";

export class RuleShapes {
  constructor(protected readonly p: ParserState) {}

  protected last(): Token {
    return this.p.tokens[this.p.pos - 1]!;
  }

  protected spanFromToken(first: Token): Span {
    return spanOf(first, this.last());
  }

  /** `(separator item)* [separator]` after a first item: the items that follow, a trailing separator consumed. */
  protected restAfter<T>(separator: string, item: () => T | null): T[] {
    const items: T[] = [];
    while (this.p.op(separator)) {
      const next = this.p.attempt(item);
      if (next === null) {
        break;
      }
      items.push(next);
    }
    return items;
  }

  /** `item (',' item)* [',']`: the one item, or a Tuple of them when a comma follows it. */
  protected tupleOf(item: () => Expr | null): Expr | null {
    const first = item();
    if (first === null) {
      return null;
    }
    if (!this.p.isOp(",")) {
      return first;
    }
    const elts = [first, ...this.restAfter(",", item)];
    return expr("Tuple", spanFrom(first, this.last()), elts, { elts });
  }

  /** `item+`: each item tried where the last one ended, until one is not there; null when none is. */
  protected oneOrMore<T>(item: () => T | null): T[] | null {
    const items: T[] = [];
    for (;;) {
      const next = this.p.attempt(item);
      if (next === null) {
        return items.length > 0 ? items : null;
      }
      items.push(next);
    }
  }

  /** `(word operand)*`: the operands, stopping before a word that has no operand after it. */
  protected keywordOperands<T>(word: string, operand: () => T | null): T[] {
    const p = this.p;
    const operands: T[] = [];
    for (;;) {
      const mark = p.pos;
      if (!p.keyword(word)) {
        return operands;
      }
      const next = operand();
      if (next === null) {
        p.pos = mark;
        return operands;
      }
      operands.push(next);
    }
  }

  /** `','.item+ [',']` where `close` ends the list: the items (maybe none), a trailing comma consumed. */
  protected itemsBefore<T>(close: string, item: () => T | null): T[] {
    const p = this.p;
    const items: T[] = [];
    for (;;) {
      const next = item();
      if (next === null) {
        return items;
      }
      items.push(next);
      if (!p.op(",") || p.isOp(close)) {
        return items;
      }
    }
  }

  /** A ',' taken only when `follows` holds after it; otherwise the position is kept. */
  protected commaBefore(follows: () => boolean): boolean {
    const p = this.p;
    const mark = p.pos;
    if (!p.op(",")) {
      return false;
    }
    if (follows()) {
      return true;
    }
    p.pos = mark;
    return false;
  }
}
