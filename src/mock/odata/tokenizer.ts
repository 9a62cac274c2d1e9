/**
 * Splits OData query text into tokens. Literals are decoded here: 'strings' with '' for a quote,
 * numbers, unquoted ISO date-times (2025-07-01T00:00:00Z), and typed enum literals
 * (microsoft.graph.usageAuthMethod'email', read as plain strings). Nothing is ever evaluated.
 */
import { ODataQueryError } from '../http-error.js';

export type Token =
  | { kind: 'ident'; text: string; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'datetime'; value: number; text: string; pos: number }
  | { kind: 'punct'; text: '(' | ')' | ',' | ':' | '/'; pos: number }
  | { kind: 'eof'; pos: number };

const DATETIME = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))?/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_$][A-Za-z0-9_.]*/y;
const WORD_CHAR = /[A-Za-z0-9_.]/;

function matchAt(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  return re.exec(text)?.[0];
}

/** Reads a quoted string starting at `pos` (on the opening quote); returns the value and the next position. */
function readString(text: string, pos: number): [string, number] {
  let value = '';
  let i = pos + 1;
  for (;;) {
    const q = text.indexOf("'", i);
    if (q < 0) throw new ODataQueryError(`Unterminated string literal at position ${pos}`);
    value += text.slice(i, q);
    if (text[q + 1] === "'") {
      value += "'";
      i = q + 2;
    } else {
      return [value, q + 1];
    }
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const c = text[pos]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      pos++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === ':' || c === '/') {
      tokens.push({ kind: 'punct', text: c, pos });
      pos++;
      continue;
    }
    if (c === "'") {
      const [value, next] = readString(text, pos);
      tokens.push({ kind: 'string', value, pos });
      pos = next;
      continue;
    }
    const date = matchAt(DATETIME, text, pos);
    if (date && !WORD_CHAR.test(text[pos + date.length] ?? '')) {
      const value = Date.parse(date);
      if (Number.isNaN(value)) throw new ODataQueryError(`Invalid date-time literal '${date}' at position ${pos}`);
      tokens.push({ kind: 'datetime', value, text: date, pos });
      pos += date.length;
      continue;
    }
    const num = matchAt(NUMBER, text, pos);
    if (num) {
      if (WORD_CHAR.test(text[pos + num.length] ?? '')) {
        throw new ODataQueryError(`Unrecognized literal at position ${pos}`);
      }
      tokens.push({ kind: 'number', value: Number(num), pos });
      pos += num.length;
      continue;
    }
    const ident = matchAt(IDENT, text, pos);
    if (ident) {
      if (text[pos + ident.length] === "'" && ident.includes('.')) {
        const [value, next] = readString(text, pos + ident.length);
        tokens.push({ kind: 'string', value, pos });
        pos = next;
        continue;
      }
      tokens.push({ kind: 'ident', text: ident, pos });
      pos += ident.length;
      continue;
    }
    throw new ODataQueryError(`Syntax error: character '${c}' at position ${pos} is not valid`);
  }
  tokens.push({ kind: 'eof', pos });
  return tokens;
}
