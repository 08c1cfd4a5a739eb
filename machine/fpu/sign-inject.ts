// Sign injection (fsgnj, fsgnjn, fsgnjx; Unprivileged ISA 11.6) and the moves between integer and
// float registers (fmv.x.w, fmv.w.x). These work on bits and never canonicalize a NaN; sign
// injection reads singles through the NaN-box check like any other operation, the moves do not.

import { FloatRegisters } from './float-registers.js';

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
export function signInjectSingle(st: FloatRegisters, rd: number, rs1: number, rs2: number, kind: SignInjection): void {
  st.setSingleBits(rd, injectSign(st.singleBits(rs1), st.singleBits(rs2), kind));
}

/** fsgnj.d / fsgnjn.d / fsgnjx.d: only the high word changes. */
export function signInjectDouble(st: FloatRegisters, rd: number, rs1: number, rs2: number, kind: SignInjection): void {
  st.setDoubleBits(rd, injectSign(st.high(rs1), st.high(rs2), kind), st.low(rs1));
}

/** fmv.x.w: the low word of f rs1, whatever the high word holds. */
export function moveSingleToInt(st: FloatRegisters, rs1: number): number {
  return st.low(rs1);
}

/** fmv.w.x: f rd = the bits in x, NaN-boxed. */
export function moveIntToSingle(st: FloatRegisters, rd: number, x: number): void {
  st.setSingleBits(rd, x);
}
