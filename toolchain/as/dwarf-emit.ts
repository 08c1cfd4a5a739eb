// Byte-level writing into a debug section the assembler generates itself (.debug_line, .debug_frame):
// fixed bytes, LEB128 numbers, and fixups for addresses and address differences, which layout turns
// into R_RISCV_32 and ADD/SUB pairs exactly as for `.4byte sym` and `.2byte a-b` written by hand.

import type { Assembler } from './assembler.js';
import { node, Op, type Expr } from './expr.js';
import { FixKind } from './fixup.js';
import type { Section } from './section.js';
import type { Sym } from './symbol.js';

/** An expression naming one symbol. */
export function symExpr(s: Sym): Expr {
  const n = node(Op.SYM, 0, 0, 0);
  n.sym = s;
  return n;
}

/** The unsigned LEB128 bytes of `v` (a non-negative integer). */
export function uleb(v: number): number[] {
  const out: number[] = [];
  let x = BigInt(v);
  do {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    out.push(x === 0n ? b : b | 0x80);
  } while (x !== 0n);
  return out;
}

/** The signed LEB128 bytes of `v`. */
export function sleb(v: number): number[] {
  const out: number[] = [];
  let x = BigInt(v);
  for (;;) {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    const done = (x === 0n && (b & 0x40) === 0) || (x === -1n && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

/**
 * Appends to `sec` (which becomes the assembler's current section while writing; the caller restores
 * it). Offsets are fixed-part offsets: these sections hold no alignment or branch fragments.
 */
export class SectionWriter {
  constructor(private readonly asm: Assembler, readonly sec: Section) {}

  /** Bytes written to the section so far (its size: only fixed parts). */
  get size(): number {
    return this.sec.fixedSize;
  }

  bytes(bs: readonly number[]): void {
    const at = this.sec.reserve(bs.length);
    for (let k = 0; k < bs.length; k++) this.sec.buf[at + k] = bs[k] & 0xff;
  }

  u8(v: number): void { this.bytes([v]); }
  u16(v: number): void { this.bytes([v, v >>> 8]); }
  u32(v: number): void { this.bytes([v, v >>> 8, v >>> 16, v >>> 24]); }
  /** Overwrites a 32-bit value written earlier at `at` (a length known only at the end). */
  patch32(at: number, v: number): void {
    const b = this.sec.buf;
    b[at] = v; b[at + 1] = v >>> 8; b[at + 2] = v >>> 16; b[at + 3] = v >>> 24;
  }
  uleb(v: number): void { this.bytes(uleb(v)); }
  sleb(v: number): void { this.bytes(sleb(v)); }

  /** `size` bytes holding the value of `e` after layout (a constant, `sym + c` or `a - b`). */
  value(e: Expr, size: 1 | 2 | 4): void {
    this.bytes(new Array<number>(size).fill(0));
    const saved = this.asm.cur;
    this.asm.cur = this.sec;
    this.asm.fixup(FixKind.DATA, e, 0, size, size);
    this.asm.cur = saved;
  }

  /** An anonymous label at the current end of the section. */
  label(): Sym {
    const saved = this.asm.cur;
    this.asm.cur = this.sec;
    const s = this.asm.symbols.anonymousLabel();
    this.asm.defineLabelHere(s, 0);
    this.asm.cur = saved;
    return s;
  }
}
