// Directed and ties-away rounding of binary64 results from the round-to-nearest result. The host
// gives d = RN64(x) for + - * / sqrt, and an error-free transformation gives the sign of x - d; the
// result in any mode is d or its neighbour on that side.

import { FFlag, RoundingMode } from '../../abi/float.js';
import { stepDouble } from './bits.js';
import { FlagSink } from './exact.js';

/**
 * Above this magnitude a binary64 product's rounding error is itself a binary64 (TwoProduct is
 * exact), and half an ulp is a normal number.
 */
export const FINISH_MIN = 2 ** -968;

/**
 * The binary64 result in mode `rm` for the exact value x, given d = RN64(x) (finite, |d| >= 2^-1021 so that no step
 * reaches the subnormals)
 * and `err`, nonzero with the sign of x - d. When x may lie exactly halfway between d and a
 * neighbour, `err` must be exactly x - d (ties are then recognised for RMM); otherwise any number
 * of that sign that is not half the distance to a neighbour. Accrues NX, and OF when a step reaches
 * infinity.
 */
export function finishDouble(sink: FlagSink, d: number, err: number, rm: RoundingMode): number {
  let result = d;
  const outward = err > 0 === d > 0;
  switch (rm) {
    case RoundingMode.RTZ:
      if (!outward) result = stepDouble(d, false);
      break;
    case RoundingMode.RDN:
      if (err < 0) result = stepDouble(d, d < 0);
      break;
    case RoundingMode.RUP:
      if (err > 0) result = stepDouble(d, d > 0);
      break;
    case RoundingMode.RMM:
      if (outward) {
        const next = stepDouble(d, true);
        if (2 * err === next - d) result = next;
      }
      break;
  }
  sink.fflags |= result === Infinity || result === -Infinity ? FFlag.OF | FFlag.NX : FFlag.NX;
  return result;
}
