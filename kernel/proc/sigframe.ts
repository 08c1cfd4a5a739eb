// The signal frame's contents (layout in abi/sigframe.ts): the interrupted hart state as one unit — x1..x31,
// pc, the f registers' bytes and fcsr — plus the signal mask to restore. What saveFrame writes, restoreFrame
// gives back bit for bit.
//
// The f area is always written and read, as Linux does (setup_sigcontext/restore_sigcontext copy
// `__riscv_d_ext_state` whenever the hart has F/D, whatever the FS state): measured, copying it costs about
// 0.1 us each way against 20-50 us for a whole signal round trip (deliver, handler, sigreturn), so skipping it
// for processes that never touched FP would save nothing measurable and make the frame depend on a flag.

import {
  FP_FCSR, SC_FPREGS, SC_REGS, SI_CODE, SI_SIGNO, SI_USER, SIGFRAME_BYTES, UC_MCONTEXT, UC_OFFSET, UC_SIGMASK,
} from '../../abi/sigframe.js';
import { F_STATE_BYTES, type Hart } from '../../machine/hart.js';

const REGS = UC_OFFSET + UC_MCONTEXT + SC_REGS;
const FPREGS = UC_OFFSET + UC_MCONTEXT + SC_FPREGS;
const MASK = UC_OFFSET + UC_SIGMASK;

/** The frame for signal `sig` interrupting `tf`, whose mask before the handler was `mask`. */
export function saveFrame(tf: Hart, sig: number, mask: readonly [number, number]): Uint8Array {
  const frame = new Uint8Array(SIGFRAME_BYTES);
  const v = new DataView(frame.buffer);
  v.setInt32(SI_SIGNO, sig, true);
  v.setInt32(SI_CODE, SI_USER, true);
  v.setUint32(MASK, mask[0], true);
  v.setUint32(MASK + 4, mask[1], true);
  v.setUint32(REGS, tf.pc >>> 0, true);
  for (let r = 1; r < 32; r++) v.setInt32(REGS + 4 * r, tf.x[r], true);
  frame.set(tf.fBytes, FPREGS);
  v.setUint32(FPREGS + FP_FCSR, tf.fcsr >>> 0, true);
  return frame;
}

/**
 * Puts the state saved in `frame` (SIGFRAME_BYTES) back into `tf`; returns the signal mask it holds. Sets
 * tf.fpUsed when the restored f registers or fcsr are not all zero (a process that never used FP has zeros).
 */
export function restoreFrame(frame: Uint8Array, tf: Hart): [number, number] {
  const v = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  tf.pc = v.getUint32(REGS, true);
  for (let r = 1; r < 32; r++) tf.x[r] = v.getInt32(REGS + 4 * r, true);
  tf.fBytes.set(frame.subarray(FPREGS, FPREGS + F_STATE_BYTES));
  tf.fcsr = v.getUint32(FPREGS + FP_FCSR, true);
  // A handler may have written FP state into the frame: the process has touched FP from now on.
  if (!tf.fpUsed) tf.fpUsed = tf.fcsr !== 0 || tf.fWords.some((w) => w !== 0);
  return [v.getUint32(MASK, true), v.getUint32(MASK + 4, true)];
}
