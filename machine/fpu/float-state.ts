// The floating-point state the F and D operations work on: f0-f31 (64 bits each, FLEN = 64 for D)
// and fcsr. The operations take it as a FloatState, so that the hart (machine/hart.ts) can hold the
// registers itself and hand itself in; FloatRegisters is a standalone FloatState (tests, tools).
// One buffer seen three ways, so that an instruction reads its operands as JS numbers without
// converting bits: f[n] is f n as binary64; fSingles[2n] is the binary32 held in its low word;
// fInts[2n] and fInts[2n+1] are its low and high words. A single is NaN-boxed (Unprivileged ISA
// 12.2): a properly boxed single has all ones in the high word; any other high word makes the
// single read as the canonical NaN. Raw bits are the truth: a NaN's payload is only read from fInts.

import { CANONICAL_NAN_DOUBLE_HI, CANONICAL_NAN_SINGLE, NAN_BOX_HI } from '../../abi/float.js';

// The views assume a little-endian host (every host Node and the browsers run on).
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('machine/fpu: big-endian host');

/** What the F and D operations read and write. */
export interface FloatState {
  /** f0..f31 as binary64 values (for arithmetic; never to move bit patterns). */
  readonly f: Float64Array;
  /** The same bytes as signed words: fInts[2n] is the low word of f n, fInts[2n+1] its high word. */
  readonly fInts: Int32Array;
  /** The same bytes as binary32: fSingles[2n] is the single in the low word of f n (valid when boxed). */
  readonly fSingles: Float32Array;
  /** frm in bits 7:5, the accrued flags (abi/float.ts FFlag) in bits 4:0; operations OR flags in. */
  fcsr: number;
}

/** A FloatState of its own: 32 registers, all zero, and fcsr 0. */
export class FloatRegisters implements FloatState {
  readonly f = new Float64Array(32);
  readonly fInts = new Int32Array(this.f.buffer);
  readonly fSingles = new Float32Array(this.f.buffer);
  fcsr = 0;

  /** All registers and fcsr to zero. */
  reset(): void {
    this.f.fill(0);
    this.fcsr = 0;
  }
}

/** The bits of f n as a single operand: its low word if NaN-boxed, else the canonical NaN. */
export function singleBits(st: FloatState, n: number): number {
  return st.fInts[2 * n + 1] === NAN_BOX_HI ? st.fInts[2 * n] : CANONICAL_NAN_SINGLE;
}

/** Writes single bits into f n, NaN-boxed (flw, fmv.w.x and bit-exact single results). */
export function setSingleBits(st: FloatState, n: number, bits: number): void {
  st.fInts[2 * n] = bits;
  st.fInts[2 * n + 1] = NAN_BOX_HI;
}

/** Writes a binary32 value (a JS number representable in binary32, not NaN) into f n, boxed. */
export function setSingle(st: FloatState, n: number, value: number): void {
  st.fSingles[2 * n] = value;
  st.fInts[2 * n + 1] = NAN_BOX_HI;
}

/** Writes the canonical binary32 NaN into f n. */
export function setSingleNaN(st: FloatState, n: number): void {
  st.fInts[2 * n] = CANONICAL_NAN_SINGLE;
  st.fInts[2 * n + 1] = NAN_BOX_HI;
}

/** Writes f n as two words (fld, bit-exact double results). */
export function setDoubleBits(st: FloatState, n: number, hi: number, lo: number): void {
  st.fInts[2 * n] = lo;
  st.fInts[2 * n + 1] = hi;
}

/** Writes the canonical binary64 NaN into f n. */
export function setDoubleNaN(st: FloatState, n: number): void {
  st.fInts[2 * n] = 0;
  st.fInts[2 * n + 1] = CANONICAL_NAN_DOUBLE_HI;
}
