/**
 * Recursive-descent parser for the `$filter` subset the routes document:
 *   expr    := and ('or' and)*
 *   and     := cmp ('and' cmp)*
 *   cmp     := unary (('eq'|'ne'|'gt'|'ge'|'lt'|'le') unary)?
 *   unary   := 'not' unary | primary
 *   primary := '(' expr ')' | literal | name '(' args ')' | path ['/' ('any'|'all') '(' [var ':' expr] ')']
 * Keywords are lower-case, as in OData. Arithmetic (add, sub…) and `in`/`has` are rejected.
 */
import { ODataQueryError } from '../http-error.js';
import { COMPARE_OPS, type CompareOp, type FilterNode } from './ast.js';
import { tokenize, type Token } from './tokenizer.js';

const UNSUPPORTED_OPERATORS = new Set(['add', 'sub', 'mul', 'div', 'mod', 'in', 'has']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    return this.tokens[this.i++] ?? this.tokens[this.tokens.length - 1]!;
  }
  private isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text === word;
  }
  private isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === text;
  }
  private expectPunct(text: string): void {
    const t = this.next();
    if (t.kind !== 'punct' || t.text !== text) throw this.error(`expected '${text}'`, t);
  }
  private error(message: string, token = this.peek()): ODataQueryError {
    const where = token.kind === 'eof' ? 'at the end' : `at position ${token.pos}`;
    return new ODataQueryError(`Invalid filter clause: ${message} ${where}`);
  }

  parseAll(): FilterNode {
    if (this.peek().kind === 'eof') throw this.error('empty expression');
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      if (rest.kind === 'ident' && UNSUPPORTED_OPERATORS.has(rest.text)) {
        throw new ODataQueryError(`Invalid filter clause: operator '${rest.text}' is not supported`);
      }
      throw this.error('unexpected token', rest);
    }
    return node;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      this.next();
      left = { kind: 'logical', op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseCompare();
    while (this.isWord('and')) {
      this.next();
      left = { kind: 'logical', op: 'and', left, right: this.parseCompare() };
    }
    return left;
  }

  private parseCompare(): FilterNode {
    const left = this.parseUnary();
    const t = this.peek();
    if (t.kind === 'ident' && COMPARE_OPS.has(t.text)) {
      this.next();
      return { kind: 'compare', op: t.text as CompareOp, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.isWord('not')) {
      this.next();
      return { kind: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const t = this.next();
    switch (t.kind) {
      case 'punct':
        if (t.text !== '(') throw this.error(`unexpected '${t.text}'`, t);
        {
          const inner = this.parseOr();
          this.expectPunct(')');
          return inner;
        }
      case 'string':
        return { kind: 'literal', type: 'string', value: t.value };
      case 'number':
        return { kind: 'literal', type: 'number', value: t.value };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: t.value, text: t.text };
      case 'eof':
        throw this.error('expression expected', t);
      case 'ident':
        break;
    }
    if (t.text === 'true' || t.text === 'false') return { kind: 'literal', type: 'boolean', value: t.text === 'true' };
    if (t.text === 'null') return { kind: 'literal', type: 'null', value: null };
    if (this.isPunct('(')) return this.parseCall(t.text);
    return this.parsePath(t.text);
  }

  private parseCall(name: string): FilterNode {
    this.expectPunct('(');
    const args: FilterNode[] = [];
    if (!this.isPunct(')')) {
      args.push(this.parseOr());
      while (this.isPunct(',')) {
        this.next();
        args.push(this.parseOr());
      }
    }
    this.expectPunct(')');
    return { kind: 'call', name, args };
  }

  private parsePath(first: string): FilterNode {
    const segments = [first];
    while (this.isPunct('/')) {
      this.next();
      const seg = this.next();
      if (seg.kind !== 'ident') throw this.error('property name expected after /', seg);
      if ((seg.text === 'any' || seg.text === 'all') && this.isPunct('(')) {
        return this.parseLambda(segments, seg.text);
      }
      segments.push(seg.text);
    }
    return { kind: 'path', segments };
  }

  private parseLambda(collection: string[], quantifier: 'any' | 'all'): FilterNode {
    this.expectPunct('(');
    if (this.isPunct(')')) {
      this.next();
      if (quantifier === 'all') throw this.error('all() needs a lambda expression');
      return { kind: 'lambda', collection, quantifier };
    }
    const variable = this.next();
    if (variable.kind !== 'ident') throw this.error('lambda variable expected', variable);
    this.expectPunct(':');
    const body = this.parseOr();
    this.expectPunct(')');
    return { kind: 'lambda', collection, quantifier, variable: variable.text, body };
  }
}

export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text)).parseAll();
}
