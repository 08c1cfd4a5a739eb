// Hand-written lexer for one assembly statement (GNU as syntax for RISC-V).
// A statement ends at ';', at a '#' comment or at the end of the line. Tokens carry their
// 0-based column so that every diagnostic can point at the offending text.

import { AsmError } from './diagnostics.js';

/** Token kinds. */
export const enum Tk {
  END = 0,
  /** Name: symbol, register, mnemonic, directive (`.text`), `@progbits`. */
  IDENT = 1,
  /** Integer constant (decimal, 0x, 0b, octal, 'c'). `big` is set when it exceeds 2^53. */
  NUM = 2,
  /** Double-quoted string, escapes decoded to bytes (one char per byte, 0..255). */
  STR = 3,
  /** Operator or punctuation; `text` holds it ("+", "<<", "(", ","...). */
  PUNCT = 4,
  /** Numeric local label reference `1b`/`1f`: `num` is the label, `text` is "b" or "f". */
  LOCALREF = 5,
  /** `%name`: relocation operator (%hi) or a type in `.type x, %function`. */
  PERCENT = 6,
}

export interface Token {
  kind: Tk;
  text: string;
  num: number;
  big: bigint | null;
  col: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 46 || c === 36;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 12 || c === 11;

/** Two-character operators, checked before single characters. */
const TWO_CHAR_OPS = new Set(['<<', '>>', '==', '!=', '<>', '<=', '>=', '&&', '||']);

/**
 * Tokenizes `line` from `start` to the end of the statement. Returns the tokens (ending with an
 * END token) and sets `next` to the index just past the statement (past the ';' if any), or -1 when
 * the line is finished. Throws AsmError on malformed numbers, strings or characters.
 */
export class Lexer {
  next = -1;

  tokenize(line: string, start: number): Token[] {
    const toks: Token[] = [];
    const n = line.length;
    let i = start;
    this.next = -1;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (isSpace(c)) { i++; continue; }
      if (c === 35) break; // '#': comment to end of line
      if (c === 59) { this.next = i + 1; break; } // ';'
      if (isIdentStart(c)) {
        let j = i + 1;
        while (j < n && isIdentPart(line.charCodeAt(j))) j++;
        toks.push(tok(Tk.IDENT, line.slice(i, j), 0, i));
        i = j;
      } else if (isDigit(c)) {
        i = this.number(line, i, toks);
      } else if (c === 34) {
        i = this.string(line, i, toks);
      } else if (c === 39) {
        i = this.charConst(line, i, toks);
      } else if (c === 37 && i + 1 < n && isIdentStart(line.charCodeAt(i + 1))) {
        let j = i + 2;
        while (j < n && isIdentPart(line.charCodeAt(j))) j++;
        toks.push(tok(Tk.PERCENT, line.slice(i + 1, j), 0, i));
        i = j;
      } else if (c === 64 && i + 1 < n && isIdentStart(line.charCodeAt(i + 1))) {
        let j = i + 2;
        while (j < n && isIdentPart(line.charCodeAt(j))) j++;
        toks.push(tok(Tk.IDENT, line.slice(i, j), 0, i));
        i = j;
      } else {
        const two = line.slice(i, i + 2);
        if (TWO_CHAR_OPS.has(two)) {
          toks.push(tok(Tk.PUNCT, two, 0, i));
          i += 2;
        } else if ('+-*/%&|^~!()<>,:=[]'.indexOf(line[i]) >= 0) {
          toks.push(tok(Tk.PUNCT, line[i], 0, i));
          i++;
        } else {
          throw new AsmError(`unexpected character '${line[i]}'`, i);
        }
      }
    }
    toks.push(tok(Tk.END, '', 0, i));
    return toks;
  }

  /** Lexes a number or a local label reference (`1b`, `2f`) at `i`. */
  private number(line: string, i: number, toks: Token[]): number {
    const n = line.length;
    const c1 = i + 1 < n ? line.charCodeAt(i + 1) | 32 : 0;
    let j = i;
    let radix = 10;
    let digitsStart = i;
    if (line.charCodeAt(i) === 48 && c1 === 120) { radix = 16; digitsStart = i + 2; }
    else if (line.charCodeAt(i) === 48 && c1 === 98 && i + 2 < n && isBinDigit(line.charCodeAt(i + 2))) {
      radix = 2; digitsStart = i + 2;
    } else if (line.charCodeAt(i) === 48 && i + 1 < n && isDigit(line.charCodeAt(i + 1))) {
      radix = 8; digitsStart = i + 1;
    }
    j = digitsStart;
    while (j < n && isRadixDigit(line.charCodeAt(j), radix)) j++;
    if (radix === 10 && j < n) {
      const s = line.charCodeAt(j);
      if ((s === 98 || s === 102) && (j + 1 >= n || !isIdentPart(line.charCodeAt(j + 1)))) {
        toks.push(tok(Tk.LOCALREF, s === 98 ? 'b' : 'f', Number(line.slice(i, j)), i));
        return j + 1;
      }
    }
    if (j === digitsStart || (j < n && isIdentPart(line.charCodeAt(j)))) {
      let k = j;
      while (k < n && isIdentPart(line.charCodeAt(k))) k++;
      throw new AsmError(`invalid number '${line.slice(i, k)}'`, i);
    }
    const digits = line.slice(digitsStart, j);
    let value = radix === 10 ? Number(digits) : parseInt(digits, radix);
    let big: bigint | null = null;
    if (value > Number.MAX_SAFE_INTEGER) {
      const prefix = radix === 16 ? '0x' : radix === 2 ? '0b' : radix === 8 ? '0o' : '';
      big = BigInt(prefix + digits);
      value = Number(BigInt.asIntN(64, big));
    }
    const t = tok(Tk.NUM, line.slice(i, j), value, i);
    t.big = big;
    toks.push(t);
    return j;
  }

  /** Lexes a double-quoted string at `i`, decoding escapes into bytes. */
  private string(line: string, i: number, toks: Token[]): number {
    const n = line.length;
    let out = '';
    let j = i + 1;
    while (j < n && line.charCodeAt(j) !== 34) {
      const c = line.charCodeAt(j);
      if (c === 92) {
        const r = decodeEscape(line, j);
        out += String.fromCharCode(r.value);
        j = r.next;
      } else {
        out += c < 0x80 ? line[j] : utf8Bytes(line, j);
        j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      }
    }
    if (j >= n) throw new AsmError('unterminated string', i);
    toks.push(tok(Tk.STR, out, 0, i));
    return j + 1;
  }

  /** Lexes a character constant `'a`, `'a'` or `'\n'` at `i` as a number. */
  private charConst(line: string, i: number, toks: Token[]): number {
    const n = line.length;
    if (i + 1 >= n) throw new AsmError('unterminated character constant', i);
    let value: number;
    let j: number;
    if (line.charCodeAt(i + 1) === 92) {
      const r = decodeEscape(line, i + 1);
      value = r.value;
      j = r.next;
    } else {
      value = line.charCodeAt(i + 1);
      j = i + 2;
    }
    if (j < n && line.charCodeAt(j) === 39) j++;
    toks.push(tok(Tk.NUM, line.slice(i, j), value, i));
    return j;
  }
}

function tok(kind: Tk, text: string, num: number, col: number): Token {
  return { kind, text, num, big: null, col };
}

const isBinDigit = (c: number): boolean => c === 48 || c === 49;

function isRadixDigit(c: number, radix: number): boolean {
  if (radix === 10) return isDigit(c);
  if (radix === 16) return isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
  if (radix === 8) return c >= 48 && c <= 55;
  return isBinDigit(c);
}

/** Decodes the escape starting at the backslash `line[j]`; returns the byte and the next index. */
function decodeEscape(line: string, j: number): { value: number; next: number } {
  const e = line[j + 1];
  if (e === undefined) throw new AsmError('unterminated escape sequence', j);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, '"': 34, "'": 39 };
  if (e in simple) return { value: simple[e], next: j + 2 };
  if (e >= '0' && e <= '7') {
    let k = j + 1;
    let v = 0;
    while (k < line.length && k < j + 4 && line[k] >= '0' && line[k] <= '7') v = v * 8 + (line.charCodeAt(k++) - 48);
    return { value: v & 0xff, next: k };
  }
  if (e === 'x' || e === 'X') {
    let k = j + 2;
    let v = 0;
    while (k < line.length && isRadixDigit(line.charCodeAt(k), 16)) v = (v * 16 + parseInt(line[k++], 16)) & 0xff;
    if (k === j + 2) throw new AsmError('\\x used with no following hex digits', j);
    return { value: v, next: k };
  }
  return { value: line.charCodeAt(j + 1) & 0xff, next: j + 2 };
}

/** The UTF-8 bytes (as a byte string) of the code point at `line[j]`. */
function utf8Bytes(line: string, j: number): string {
  const cp = line.codePointAt(j) ?? 0xfffd;
  const bytes = new TextEncoder().encode(String.fromCodePoint(cp));
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
