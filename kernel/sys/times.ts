// times(buf): the CPU time of the caller and of the children it reaped, in clock ticks.
// struct tms { clock_t tms_utime, tms_stime, tms_cutime, tms_cstime } is four 32-bit longs on rv32. The
// user time is the process's instructions at the nominal 100 MHz plus the host time a kernel program's body
// (cc, ld, ...) ran for it; Pagoda keeps no separate system time (stime and cstime are 0).

import { copyOut } from '../mem/uaccess.js';
import { cpuMsOf } from '../proc/process.js';
import type { SysContext } from './context.js';

/** Clock ticks per second (sysconf(_SC_CLK_TCK), CLK_TCK: 100 as on Linux). */
export const CLOCK_TICKS_PER_SECOND = 100;

const ticks = (ms: number): number => Math.floor((ms * CLOCK_TICKS_PER_SECOND) / 1000);

/** times(buf): ticks since boot (never -1); buf may be NULL; -EFAULT for a bad buffer. */
export function sysTimes(ctx: SysContext, buf: number): number {
  const p = ctx.proc;
  if (buf !== 0) {
    const out = new Uint8Array(16);
    const v = new DataView(out.buffer);
    v.setUint32(0, ticks(cpuMsOf(p)) >>> 0, true);
    v.setUint32(8, ticks(p.reapedCpuMs) >>> 0, true);
    const r = copyOut(p.space, buf, out);
    if (r < 0) return r;
  }
  return ticks(ctx.monotonicMs()) & 0x7fffffff;
}
