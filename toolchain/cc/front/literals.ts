// Integer constants (C11 6.4.4.1): value, and the first type of the standard's list that holds it.
import { CompileError } from '../diagnostics.js';
import type { Token } from './tokenize.js';

/** The value of an integer constant and its type as (size in bytes, signedness, 'long' rank). */
export interface IntLiteral {
  value: bigint;
  size: 4 | 8;
  unsigned: boolean;
  isLong: boolean;
}

/** Parsed constants by spelling (results are immutable and shared); bounded. */
const cache = new Map<string, IntLiteral>();

/** Parses a pp-number as an integer constant (the caller sends floating spellings to float-literal.ts). */
export function parseIntegerLiteral(tok: Token): IntLiteral {
  const found = cache.get(tok.text);
  if (found !== undefined) return found;
  const lit = parseUncached(tok);
  if (cache.size >= 4096) cache.clear();
  cache.set(tok.text, lit);
  return lit;
}

function parseUncached(tok: Token): IntLiteral {
  const s = tok.text;
  let base = 10;
  let i = 0;
  if (/^0[xX]/.test(s)) {
    base = 16;
    i = 2;
  } else if (/^0[bB]/.test(s)) {
    base = 2;
    i = 2;
  } else if (s[0] === '0') base = 8;
  const digitsRe = base === 16 ? /^[0-9a-fA-F]*/ : base === 2 ? /^[01]*/ : /^[0-9]*/;
  const digits = digitsRe.exec(s.slice(i))![0];
  const suffix = s.slice(i + digits.length);
  // (floating spellings never get here: float-literal.ts takes them; "1f" is an integer with a bad suffix)
  if (base === 8 && /[89]/.test(digits)) throw new CompileError(`invalid digit in octal constant '${s}'`, tok);
  const m = /^(?:([uU])(ll|LL|l|L)?|(ll|LL|l|L)([uU])?)?$/.exec(suffix);
  if (!m) throw new CompileError(`invalid suffix "${suffix}" on integer constant`, tok);
  if (digits === '' && base !== 8) throw new CompileError(`invalid integer constant '${s}'`, tok);
  const prefix = base === 16 ? '0x' : base === 2 ? '0b' : base === 8 ? '0o' : '';
  let value = BigInt(prefix + (digits === '' ? '0' : digits));
  const hasU = !!(m[1] || m[4]);
  const l = (m[2] || m[3] || '').length;
  if (value > 0xffffffffffffffffn) value = BigInt.asUintN(64, value);
  // candidate types in order (C11 6.4.4.1 table)
  type Cand = [4 | 8, boolean, boolean];
  const cands: Cand[] = [];
  const decimal = base === 10;
  const push = (size: 4 | 8, unsigned: boolean, isLong: boolean): void => {
    cands.push([size, unsigned, isLong]);
  };
  if (l === 0 && !hasU) {
    push(4, false, false);
    if (!decimal) push(4, true, false);
    push(4, false, true);
    if (!decimal) push(4, true, true);
    push(8, false, false);
    push(8, true, false);
  } else if (l === 0 && hasU) {
    push(4, true, false);
    push(4, true, true);
    push(8, true, false);
  } else if (l === 1) {
    if (!hasU) push(4, false, true);
    if (!decimal || hasU) push(4, true, true);
    if (!hasU) push(8, false, false);
    push(8, true, false);
  } else {
    if (!hasU) push(8, false, false);
    push(8, true, false);
  }
  for (const [size, unsigned, isLong] of cands) {
    const max = size === 4 ? (unsigned ? 0xffffffffn : 0x7fffffffn) : unsigned ? 0xffffffffffffffffn : 0x7fffffffffffffffn;
    if (value <= max) return { value, size, unsigned, isLong };
  }
  return { value, size: 8, unsigned: true, isLong: false };
}
