// The floating-point state of a hart: f0-f31 (64 bits each, FLEN = 64 for D) and fcsr.
// One buffer seen three ways, so that an instruction reads its operands as JS numbers without
// converting bits: f64[n] is f n as binary64; f32[2n] is the binary32 held in its low word; i32[2n]
// and i32[2n+1] are its low and high words. A single is NaN-boxed (Unprivileged ISA 12.2): a
// properly boxed single has all ones in the high word; any other high word makes the single read as
// the canonical NaN. Raw bits are the truth: a NaN's payload is only ever read through i32.

import { CANONICAL_NAN_DOUBLE_HI, CANONICAL_NAN_SINGLE, FCSR_MASK, FFLAGS_MASK, FRM_SHIFT, NAN_BOX_HI } from '../../abi/float.js';

// The views assume a little-endian host (every host Node and the browsers run on).
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('machine/fpu: big-endian host');

export class FloatRegisters {
  /** f0..f31 read as binary64 values. */
  readonly f64 = new Float64Array(32);
  /** The same bytes as words: i32[2n] is the low word of f n, i32[2n+1] its high word. */
  readonly i32 = new Int32Array(this.f64.buffer);
  /** The same bytes as binary32: f32[2n] is the single in the low word of f n (valid when boxed). */
  readonly f32 = new Float32Array(this.f64.buffer);
  /** Accrued exception flags (fcsr bits 4:0, abi/float.ts FFlag). */
  fflags = 0;
  /** Dynamic rounding mode (fcsr bits 7:5); may hold a reserved value, which makes DYN illegal. */
  frm = 0;

  /** fcsr: frm in bits 7:5, fflags in bits 4:0. */
  get fcsr(): number {
    return (this.frm << FRM_SHIFT) | this.fflags;
  }

  set fcsr(value: number) {
    value &= FCSR_MASK;
    this.frm = value >>> FRM_SHIFT;
    this.fflags = value & FFLAGS_MASK;
  }

  /** The bits of f n as a single operand: its low word if NaN-boxed, else the canonical NaN. */
  singleBits(n: number): number {
    return this.i32[2 * n + 1] === NAN_BOX_HI ? this.i32[2 * n] : CANONICAL_NAN_SINGLE;
  }

  /** Writes single bits into f n, NaN-boxed (flw, fmv.w.x and every single result). */
  setSingleBits(n: number, bits: number): void {
    this.i32[2 * n] = bits;
    this.i32[2 * n + 1] = NAN_BOX_HI;
  }

  /** Writes a binary32 value (a JS number already representable in binary32; not NaN). */
  setSingle(n: number, value: number): void {
    this.f32[2 * n] = value;
    this.i32[2 * n + 1] = NAN_BOX_HI;
  }

  /** Writes the canonical binary32 NaN into f n. */
  setSingleNaN(n: number): void {
    this.i32[2 * n] = CANONICAL_NAN_SINGLE;
    this.i32[2 * n + 1] = NAN_BOX_HI;
  }

  /** Low word of f n, unchecked (fsw and fmv.x.w move the bits without looking at the box). */
  low(n: number): number {
    return this.i32[2 * n];
  }

  /** High word of f n. */
  high(n: number): number {
    return this.i32[2 * n + 1];
  }

  /** Writes f n as two words (fld, and tests). */
  setDoubleBits(n: number, hi: number, lo: number): void {
    this.i32[2 * n] = lo;
    this.i32[2 * n + 1] = hi;
  }

  /** Writes the canonical binary64 NaN into f n. */
  setDoubleNaN(n: number): void {
    this.i32[2 * n] = 0;
    this.i32[2 * n + 1] = CANONICAL_NAN_DOUBLE_HI;
  }

  /** All registers and fcsr to zero (a new process). */
  reset(): void {
    this.f64.fill(0);
    this.fflags = 0;
    this.frm = 0;
  }

  /** Copies every register and fcsr from `other` (fork, context switch). */
  copyFrom(other: FloatRegisters): void {
    this.f64.set(other.f64);
    this.fflags = other.fflags;
    this.frm = other.frm;
  }
}
