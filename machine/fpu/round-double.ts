// Directed and ties-away rounding of binary64 results from the round-to-nearest result. The host
// gives d = RN64(x) for + - * / sqrt, and an error-free transformation gives the sign of x - d; the
// result in any mode is d or its neighbour on that side, one step of the encoding. The step is
// taken on the register's words in place, so no number crosses a call (V8 would box it).

import { FFlag, RoundingMode } from '../../abi/float.js';
import { FloatState } from './float-state.js';
import { stepDouble } from './bits.js';

/**
 * Above this magnitude a binary64 product's rounding error is itself a binary64 (TwoProduct is
 * exact), and half an ulp is a normal number.
 */
export const FINISH_MIN = 2 ** -968;

/**
 * Turns f rd, holding d = RN64(x) of an inexact exact result x (finite, |d| >= 2^-1021 so that no
 * step reaches the subnormals), into the result of mode `rm`. `above` says x > d. `halfwayOut`
 * says x lies exactly halfway between d and its neighbour away from zero (RMM rounds that away).
 * Accrues NX, and OF when a step reaches infinity.
 */
export function finishDouble(st: FloatState, rd: number, above: boolean, halfwayOut: boolean, rm: RoundingMode): void {
  const w = st.fInts;
  let lo = w[2 * rd];
  let hi = w[2 * rd + 1];
  const positive = hi >= 0;
  let step = 0; // +1: one encoding away from zero, -1: towards it
  switch (rm) {
    case RoundingMode.RTZ:
      if (above !== positive) step = -1;
      break;
    case RoundingMode.RDN:
      if (!above) step = positive ? -1 : 1;
      break;
    case RoundingMode.RUP:
      if (above) step = positive ? 1 : -1;
      break;
    case RoundingMode.RMM:
      if (halfwayOut) step = 1;
      break;
  }
  if (step > 0) {
    lo = (lo + 1) | 0;
    if (lo === 0) hi++;
  } else if (step < 0) {
    if (lo === 0) hi--;
    lo = (lo - 1) | 0;
  }
  w[2 * rd] = lo;
  w[2 * rd + 1] = hi;
  st.fcsr |= (hi & 0x7fffffff) === 0x7ff00000 && lo === 0 ? FFlag.OF | FFlag.NX : FFlag.NX;
}

/** Given the exact error err = x - d, is x exactly halfway from d to its neighbour away from zero? */
export function halfwayOut(d: number, err: number): boolean {
  return err > 0 === d > 0 && 2 * err === stepDouble(d, true) - d;
}
