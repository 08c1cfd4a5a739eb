// The f area of a signal frame: written whatever the process did (as Linux does), given back bit for bit, and a
// handler's FP values written into the frame mark the process as having touched FP.
import { describe, expect, it } from 'vitest';
import { FP_FCSR, SC_FPREGS, UC_MCONTEXT, UC_OFFSET } from '../../../abi/sigframe.js';
import { restoreFrame, saveFrame } from '../../../kernel/proc/sigframe.js';
import { Hart } from '../../../machine/hart.js';

const FPREGS = UC_OFFSET + UC_MCONTEXT + SC_FPREGS;

describe('the f area of a signal frame', () => {
  it('holds zeros for a process that never touched FP, and restoring them leaves it untouched', () => {
    const tf = new Hart();
    const frame = saveFrame(tf, 10, [0, 0]);
    expect(frame.subarray(FPREGS, FPREGS + 264).every((b) => b === 0)).toBe(true);
    restoreFrame(frame, tf);
    expect(tf.fpUsed).toBe(false);
  });

  it('round-trips every bit of f0-f31 and fcsr', () => {
    const tf = new Hart();
    for (let i = 0; i < 64; i++) tf.fWords[i] = (i * 0x9e3779b9) >>> 0;
    tf.fcsr = 0xe1;
    tf.fpUsed = true;
    const frame = saveFrame(tf, 10, [0, 0]);
    const back = new Hart();
    back.fpUsed = true;
    restoreFrame(frame, back);
    expect([...back.fBytes]).toEqual([...tf.fBytes]);
    expect(back.fcsr).toBe(0xe1);
  });

  it('marks a process as using FP when the frame it returns through holds FP state', () => {
    for (const edit of [(f: DataView) => f.setUint32(FPREGS + 8 * 31 + 4, 0x7ff80000, true), (f: DataView) => f.setUint32(FPREGS + FP_FCSR, 0x20, true)]) {
      const tf = new Hart();
      const frame = saveFrame(tf, 10, [0, 0]);
      edit(new DataView(frame.buffer));
      restoreFrame(frame, tf);
      expect(tf.fpUsed).toBe(true);
    }
  });
});
