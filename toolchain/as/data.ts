// Data directives: integers of 1/2/4/8 bytes, strings, zero/fill runs and LEB128 constants.

import type { Assembler, StatementHandler } from './assembler.js';
import { AsmError } from './diagnostics.js';
import { comma, constantAt, parseExprAt } from './args.js';
import { FixKind } from './fixup.js';
import { Tk, type Token } from './lexer.js';
import { binary32Bytes, binary64Bytes } from './float-literal.js';

/** Writes `size` little-endian bytes of `value` at the current position. */
export function emitInt(asm: Assembler, value: number | bigint, size: number, col: number): void {
  const sec = asm.cur;
  if (sec.isNobits) {
    if (value !== 0 && value !== 0n) throw new AsmError(`attempt to store a non-zero value in section '${sec.name}'`, col);
    sec.reserve(size);
    return;
  }
  const at = sec.reserve(size);
  if (size === 8 || typeof value === 'bigint') {
    let v = BigInt.asUintN(64, typeof value === 'bigint' ? value : BigInt(Math.trunc(value)));
    for (let k = 0; k < size; k++) {
      sec.buf[at + k] = Number(v & 0xffn);
      v >>= 8n;
    }
    return;
  }
  const v = value | 0;
  for (let k = 0; k < size; k++) sec.buf[at + k] = (v >>> (8 * k)) & 0xff;
}

const isComma = (t: Token): boolean => t.kind === Tk.PUNCT && t.text === ',';

/** `.byte/.half/.word/.quad e1, e2, ...`: constants now, anything else through a DATA fixup. */
function integers(size: number): StatementHandler {
  return (asm, toks, i) => {
    if (toks[i].kind === Tk.END) return;
    for (;;) {
      const t = toks[i];
      if (t.kind === Tk.NUM && t.big !== null && size === 8 && (isComma(toks[i + 1]) || toks[i + 1].kind === Tk.END)) {
        emitInt(asm, t.big, 8, t.col);
        i++;
      } else {
        const [e, next] = parseExprAt(asm, toks, i);
        if (typeof e === 'number') {
          emitInt(asm, e, size, t.col);
        } else {
          if (asm.cur.isNobits) throw new AsmError(`attempt to store a relocatable value in section '${asm.cur.name}'`, t.col);
          asm.cur.reserve(size);
          asm.fixup(FixKind.DATA, e, t.col, size, size);
        }
        i = next;
      }
      if (toks[i].kind === Tk.END) return;
      i = comma(toks, i);
    }
  };
}

/** `.float`/`.single` (binary32) and `.double` (binary64): decimal literals, correctly rounded to nearest-even. */
function floats(size: 4 | 8): StatementHandler {
  return (asm, toks, i) => {
    if (toks[i].kind === Tk.END) return;
    for (;;) {
      let sign = '';
      if (toks[i].kind === Tk.PUNCT && (toks[i].text === '-' || toks[i].text === '+')) sign = toks[i++].text;
      const t = toks[i];
      if (t.kind !== Tk.FLOAT && t.kind !== Tk.NUM) throw new AsmError('expected a floating-point number', t.col);
      const text = sign + (t.kind === Tk.FLOAT ? t.text : String(t.big ?? t.num));
      if (asm.cur.isNobits) throw new AsmError(`attempt to store a value in section '${asm.cur.name}'`, t.col);
      const at = asm.cur.reserve(size);
      const bytes = size === 4 ? binary32Bytes(text) : binary64Bytes(text);
      asm.cur.buf.set(bytes, at);
      i++;
      if (toks[i].kind === Tk.END) return;
      i = comma(toks, i);
    }
  };
}

/** `.ascii`, `.asciz`/`.string` (each string NUL-terminated). */
function strings(terminate: boolean): StatementHandler {
  return (asm, toks, i) => {
    for (;;) {
      const t = toks[i];
      if (t.kind !== Tk.STR) throw new AsmError('expected a string', t.col);
      const sec = asm.cur;
      if (sec.isNobits) throw new AsmError(`attempt to store a non-zero value in section '${sec.name}'`, t.col);
      const n = t.text.length + (terminate ? 1 : 0);
      const at = sec.reserve(n);
      for (let k = 0; k < t.text.length; k++) sec.buf[at + k] = t.text.charCodeAt(k);
      if (terminate) sec.buf[at + t.text.length] = 0;
      i++;
      if (toks[i].kind === Tk.END) return;
      i = comma(toks, i);
    }
  };
}

/**
 * The most bytes a section holding contents may grow to (a NOBITS one only counts its size, up to 2 GiB):
 * the assembler keeps contents in memory, and no RV32 program of ours needs more.
 */
export const MAX_SECTION_BYTES = 64 << 20;
const MAX_NOBITS_BYTES = 0x7fffffff;

/** Refuses, at `col`, to grow `sec` by `count` bytes past its limit. */
function checkSectionGrowth(sec: Assembler['cur'], count: number, col: number): void {
  const limit = sec.isNobits ? MAX_NOBITS_BYTES : MAX_SECTION_BYTES;
  if (count > limit - sec.fixedSize) {
    throw new AsmError(`section '${sec.name}' would grow past ${limit} bytes (by ${count} at ${sec.fixedSize})`, col);
  }
}

/** Appends `count` bytes of `fill`. */
function emitRun(asm: Assembler, count: number, fill: number, col: number): void {
  const sec = asm.cur;
  if (count < 0) throw new AsmError(`negative repeat count ${count}`, col);
  checkSectionGrowth(sec, count, col);
  if (sec.isNobits) {
    if ((fill & 0xff) !== 0) throw new AsmError(`attempt to store a non-zero value in section '${sec.name}'`, col);
    sec.reserve(count);
    return;
  }
  const at = sec.reserve(count);
  sec.buf.fill(fill & 0xff, at, at + count);
}

/** `.zero n`. */
const zero: StatementHandler = (asm, toks, i) => {
  const [n, j] = constantAt(asm, toks, i);
  asm.expectEnd(toks, j);
  emitRun(asm, n, 0, toks[i].col);
};

/** `.space n[, fill]` / `.skip`. */
const space: StatementHandler = (asm, toks, i) => {
  let [n, j] = constantAt(asm, toks, i);
  let fill = 0;
  if (toks[j].kind !== Tk.END) [fill, j] = constantAt(asm, toks, comma(toks, j));
  asm.expectEnd(toks, j);
  emitRun(asm, n, fill, toks[i].col);
};

/** `.fill repeat[, size[, value]]`: `repeat` copies of a `size`-byte value (size <= 8). */
const fill: StatementHandler = (asm, toks, i) => {
  let [repeat, j] = constantAt(asm, toks, i);
  let size = 1;
  let value = 0;
  if (toks[j].kind !== Tk.END) {
    [size, j] = constantAt(asm, toks, comma(toks, j));
    if (toks[j].kind !== Tk.END) [value, j] = constantAt(asm, toks, comma(toks, j));
  }
  asm.expectEnd(toks, j);
  if (repeat < 0) throw new AsmError(`negative repeat count ${repeat}`, toks[i].col);
  if (size < 0 || size > 8) throw new AsmError(`.fill size ${size} out of range (0..8)`, toks[i].col);
  checkSectionGrowth(asm.cur, repeat * size, toks[i].col);
  const word = size > 4 ? value | 0 : value;
  for (let k = 0; k < repeat; k++) {
    emitInt(asm, word, Math.min(size, 4), toks[i].col);
    if (size > 4) emitRun(asm, size - 4, 0, toks[i].col);
  }
};

/** `.uleb128`/`.sleb128` of constants. */
function leb128(signed: boolean): StatementHandler {
  return (asm, toks, i) => {
    for (;;) {
      const [v, j] = constantAt(asm, toks, i);
      let x = BigInt(v);
      for (;;) {
        const byte = Number(x & 0x7fn);
        x >>= 7n;
        const done = signed ? (x === 0n && (byte & 0x40) === 0) || (x === -1n && (byte & 0x40) !== 0) : x === 0n;
        emitInt(asm, done ? byte : byte | 0x80, 1, toks[i].col);
        if (done) break;
      }
      if (toks[j].kind === Tk.END) return;
      i = comma(toks, j);
    }
  };
}

/** Data directives, by name. */
export function dataDirectives(): Map<string, StatementHandler> {
  const m = new Map<string, StatementHandler>();
  for (const n of ['.byte']) m.set(n, integers(1));
  for (const n of ['.half', '.short', '.2byte']) m.set(n, integers(2));
  for (const n of ['.word', '.long', '.4byte', '.int']) m.set(n, integers(4));
  for (const n of ['.quad', '.8byte', '.dword']) m.set(n, integers(8));
  m.set('.float', floats(4));
  m.set('.single', floats(4));
  m.set('.double', floats(8));
  m.set('.ascii', strings(false));
  m.set('.asciz', strings(true));
  m.set('.string', strings(true));
  m.set('.zero', zero);
  m.set('.space', space);
  m.set('.skip', space);
  m.set('.fill', fill);
  m.set('.uleb128', leb128(false));
  m.set('.sleb128', leb128(true));
  return m;
}
