// Sign injection (fsgnj, fsgnjn, fsgnjx; Unprivileged ISA 11.6) and the moves between integer and
// float registers (fmv.x.w, fmv.w.x). These work on bits and never canonicalize a NaN; sign
// injection reads singles through the NaN-box check like any other operation, the moves do not.

import { FloatState, setDoubleBits, setSingleBits, singleBits } from './float-state.js';

/** The sign-injection variants, by funct3 of their encoding. */
export const enum SignInjection {
  /** fsgnj: the sign of rs2. */
  COPY = 0,
  /** fsgnjn: the opposite of the sign of rs2. */
  NEGATE = 1,
  /** fsgnjx: the sign of rs1 xor the sign of rs2. */
  XOR = 2,
}

const SIGN = 0x80000000 | 0;

function injectSign(target: number, source: number, kind: SignInjection): number {
  switch (kind) {
    case SignInjection.COPY:
      return (target & ~SIGN) | (source & SIGN);
    case SignInjection.NEGATE:
      return (target & ~SIGN) | (~source & SIGN);
    default:
      return target ^ (source & SIGN);
  }
}

/** fsgnj.s / fsgnjn.s / fsgnjx.s. */
export function signInjectSingle(st: FloatState, rd: number, rs1: number, rs2: number, kind: SignInjection): void {
  setSingleBits(st, rd, injectSign(singleBits(st, rs1), singleBits(st, rs2), kind));
}

/** fsgnj.d / fsgnjn.d / fsgnjx.d: only the high word changes. */
export function signInjectDouble(st: FloatState, rd: number, rs1: number, rs2: number, kind: SignInjection): void {
  setDoubleBits(st, rd, injectSign(st.fInts[2 * rs1 + 1], st.fInts[2 * rs2 + 1], kind), st.fInts[2 * rs1]);
}

/** fmv.x.w: the low word of f rs1, whatever the high word holds. */
export function moveSingleToInt(st: FloatState, rs1: number): number {
  return st.fInts[2 * rs1];
}

/** fmv.w.x: f rd = the bits in x, NaN-boxed. */
export function moveIntToSingle(st: FloatState, rd: number, x: number): void {
  setSingleBits(st, rd, x);
}
