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
  /** Decimal floating-point literal (`1.5`, `2e-3`) for `.float`/`.double`; `text` holds it. */
  FLOAT = 7,
}

/** A decimal literal with a fraction or an exponent, not followed by more of a name. */
const FLOAT_LITERAL = /^[0-9]+(?:\.[0-9]*(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)(?![A-Za-z0-9_.$])/;

/** A token; its text is sliced from the source only when asked for (most numbers never are). */
export class Token {
  kind: Tk = Tk.END;
  num = 0;
  big: bigint | null = null;
  /** 0-based column in its line. */
  col = 0;
  /** IDENT only: the register it names (x0..x31, ABI name, fp), else -1. */
  reg = -1;
  private src = '';
  private start = 0;
  private end = 0;
  private cached: string | null = null;

  get text(): string {
    if (this.cached === null) this.cached = this.src.slice(this.start, this.end);
    return this.cached;
  }

  set(kind: Tk, text: string | null, num: number, src: string, start: number, end: number, col: number): void {
    this.kind = kind;
    this.cached = text;
    this.num = num;
    this.big = null;
    this.reg = -1;
    this.src = src;
    this.start = start;
    this.end = end;
    this.col = col;
  }
}

/** Register names keyed by their packed 7-bit characters (all are 2-4 characters long). */
const REG_KEYS = new Map<number, number>();
const ABI = ['zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6'];
const packKey = (s: string, i: number, j: number): number => {
  let k = 0;
  for (let p = i; p < j; p++) k = k * 128 + s.charCodeAt(p);
  return k * 8 + (j - i);
};
ABI.forEach((n, i) => REG_KEYS.set(packKey(n, 0, n.length), i));
for (let i = 0; i < 32; i++) REG_KEYS.set(packKey(`x${i}`, 0, `x${i}`.length), i);
REG_KEYS.set(packKey('fp', 0, 2), 8);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 46 || c === 36;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 12 || c === 11;

/** The two-character operator starting with char codes a, b, or null. */
function twoCharOperator(a: number, b: number): string | null {
  switch (a) {
    case 60: return b === 60 ? '<<' : b === 62 ? '<>' : b === 61 ? '<=' : null; // <
    case 62: return b === 62 ? '>>' : b === 61 ? '>=' : null; // >
    case 61: return b === 61 ? '==' : null; // =
    case 33: return b === 61 ? '!=' : null; // !
    case 38: return b === 38 ? '&&' : null; // &
    case 124: return b === 124 ? '||' : null; // |
    default: return null;
  }
}

/**
 * Tokenizes one statement of `src`: from `start` up to `end` (the end of the line), stopping at ';'
 * or '#'. Columns are counted from `lineStart`. Returns the tokens, ending with an END token, and
 * sets `next` to the index just past the ';', or -1 when the line is finished. The returned array
 * and its tokens are reused by the next call (the assembler handles one statement at a time).
 * Throws AsmError on malformed numbers, strings or characters.
 */
export class Lexer {
  next = -1;
  private readonly pool: Token[] = [];
  private count = 0;
  private lineStart = 0;
  private end = 0;
  private src = '';

  tokenize(src: string, start: number, end: number, lineStart: number): Token[] {
    this.count = 0;
    this.lineStart = lineStart;
    this.end = end;
    this.src = src;
    const toks = this.pool;
    const line = src;
    const n = end;
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
        const t = this.push(Tk.IDENT, null, 0, i, j);
        if (j - i >= 2 && j - i <= 4) t.reg = REG_KEYS.get(packKey(line, i, j)) ?? -1;
        i = j;
      } else if (isDigit(c)) {
        i = this.number(line, i);
      } else if (c === 34) {
        i = this.string(line, i);
      } else if (c === 39) {
        i = this.charConst(line, i);
      } else if (c === 37 && i + 1 < n && isIdentStart(line.charCodeAt(i + 1))) {
        let j = i + 2;
        while (j < n && isIdentPart(line.charCodeAt(j))) j++;
        this.push(Tk.PERCENT, line.slice(i + 1, j), 0, i, j);
        i = j;
      } else if (c === 64 && i + 1 < n && isIdentStart(line.charCodeAt(i + 1))) {
        let j = i + 2;
        while (j < n && isIdentPart(line.charCodeAt(j))) j++;
        this.push(Tk.IDENT, null, 0, i, j);
        i = j;
      } else {
        const two = i + 1 < n ? twoCharOperator(c, line.charCodeAt(i + 1)) : null;
        if (two !== null) {
          this.push(Tk.PUNCT, two, 0, i, i + 2);
          i += 2;
        } else if ('+-*/%&|^~!()<>,:=[]'.indexOf(line[i]) >= 0) {
          this.push(Tk.PUNCT, line[i], 0, i, i + 1);
          i++;
        } else {
          throw new AsmError(`unexpected character '${line[i]}'`, i - this.lineStart);
        }
      }
    }
    this.push(Tk.END, '', 0, i, i);
    return toks;
  }

  /** Appends a token, reusing pooled objects; `at` is an index into the source. */
  private push(kind: Tk, text: string | null, num: number, at: number, endAt: number): Token {
    let t = this.pool[this.count];
    if (t === undefined) {
      t = new Token();
      this.pool.push(t);
    }
    this.count++;
    t.set(kind, text, num, this.src, at, endAt, at - this.lineStart);
    return t;
  }

  /** Lexes a number or a local label reference (`1b`, `2f`) at `i`. */
  private number(line: string, i: number): number {
    const n = this.end;
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
    if (radix !== 16 && radix !== 2) {
      const m = FLOAT_LITERAL.exec(line.slice(i, n));
      if (m !== null && m[0].length > j - i) {
        this.push(Tk.FLOAT, m[0], 0, i, i + m[0].length);
        return i + m[0].length;
      }
    }
    if (radix === 10 && j < n) {
      const s = line.charCodeAt(j);
      if ((s === 98 || s === 102) && (j + 1 >= n || !isIdentPart(line.charCodeAt(j + 1)))) {
        this.push(Tk.LOCALREF, s === 98 ? 'b' : 'f', Number(line.slice(i, j)), i, j + 1);
        return j + 1;
      }
    }
    if (j === digitsStart || (j < n && isIdentPart(line.charCodeAt(j)))) {
      let k = j;
      while (k < n && isIdentPart(line.charCodeAt(k))) k++;
      throw new AsmError(`invalid number '${line.slice(i, k)}'`, i - this.lineStart);
    }
    let value = 0;
    for (let p = digitsStart; p < j; p++) value = value * radix + digitValue(line.charCodeAt(p));
    let big: bigint | null = null;
    if (value > Number.MAX_SAFE_INTEGER) {
      const prefix = radix === 16 ? '0x' : radix === 2 ? '0b' : radix === 8 ? '0o' : '';
      big = BigInt(prefix + line.slice(digitsStart, j));
      value = Number(BigInt.asIntN(64, big));
    }
    const t = this.push(Tk.NUM, null, value, i, j);
    t.big = big;
    return j;
  }

  /** Lexes a double-quoted string at `i`, decoding escapes into bytes. */
  private string(line: string, i: number): number {
    const n = this.end;
    let out = '';
    let j = i + 1;
    while (j < n && line.charCodeAt(j) !== 34) {
      const c = line.charCodeAt(j);
      if (c === 92) {
        const r = decodeEscape(line, j, this.end, this.lineStart);
        out += String.fromCharCode(r.value);
        j = r.next;
      } else {
        out += c < 0x80 ? line[j] : utf8Bytes(line, j);
        j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      }
    }
    if (j >= n) throw new AsmError('unterminated string', i - this.lineStart);
    this.push(Tk.STR, out, 0, i, j + 1);
    return j + 1;
  }

  /** Lexes a character constant `'a`, `'a'` or `'\n'` at `i` as a number. */
  private charConst(line: string, i: number): number {
    const n = this.end;
    if (i + 1 >= n) throw new AsmError('unterminated character constant', i - this.lineStart);
    let value: number;
    let j: number;
    if (line.charCodeAt(i + 1) === 92) {
      const r = decodeEscape(line, i + 1, this.end, this.lineStart);
      value = r.value;
      j = r.next;
    } else {
      value = line.charCodeAt(i + 1);
      j = i + 2;
    }
    if (j < n && line.charCodeAt(j) === 39) j++;
    this.push(Tk.NUM, null, value, i, j);
    return j;
  }
}


/** Value of a hex/decimal digit character. */
const digitValue = (c: number): number => (c <= 57 ? c - 48 : (c | 32) - 87);

const isBinDigit = (c: number): boolean => c === 48 || c === 49;

function isRadixDigit(c: number, radix: number): boolean {
  if (radix === 10) return isDigit(c);
  if (radix === 16) return isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
  if (radix === 8) return c >= 48 && c <= 55;
  return isBinDigit(c);
}

/** Decodes the escape starting at the backslash `line[j]`; returns the byte and the next index. */
function decodeEscape(line: string, j: number, end: number, lineStart: number): { value: number; next: number } {
  const e = j + 1 < end ? line[j + 1] : undefined;
  if (e === undefined) throw new AsmError('unterminated escape sequence', j - lineStart);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, '"': 34, "'": 39 };
  if (e in simple) return { value: simple[e], next: j + 2 };
  if (e >= '0' && e <= '7') {
    let k = j + 1;
    let v = 0;
    while (k < end && k < j + 4 && line[k] >= '0' && line[k] <= '7') v = v * 8 + (line.charCodeAt(k++) - 48);
    return { value: v & 0xff, next: k };
  }
  if (e === 'x' || e === 'X') {
    let k = j + 2;
    let v = 0;
    while (k < end && isRadixDigit(line.charCodeAt(k), 16)) v = (v * 16 + parseInt(line[k++], 16)) & 0xff;
    if (k === j + 2) throw new AsmError('\\x used with no following hex digits', j - lineStart);
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
