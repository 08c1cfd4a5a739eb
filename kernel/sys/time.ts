// clock_gettime64(clock, struct __kernel_timespec *) and clock_nanosleep_time64(clock, flags, req, rem).
// struct __kernel_timespec is { s64 tv_sec; s64 tv_nsec } (16 bytes) on 32-bit RISC-V.

import { Errno } from '../../abi/errno.js';
import {
  CLOCK_BOOTTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_COARSE, CLOCK_MONOTONIC_RAW, CLOCK_PROCESS_CPUTIME_ID, CLOCK_REALTIME,
  CLOCK_REALTIME_COARSE, CLOCK_THREAD_CPUTIME_ID, TIMER_ABSTIME,
} from '../../abi/time.js';
import { copyIn, copyOut } from '../mem/uaccess.js';
import type { SysContext } from './context.js';

/** The CPU-time clocks count retired instructions at a nominal 100 MHz. */
const NS_PER_INSTRUCTION = 10;

/** The clock's current value in ns, or undefined for an unknown clock. */
function nowNs(ctx: SysContext, clock: number): number | undefined {
  switch (clock) {
    case CLOCK_REALTIME: case CLOCK_REALTIME_COARSE: return Math.floor(ctx.realtimeMs() * 1e6);
    case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME:
      return Math.floor(ctx.monotonicMs() * 1e6);
    case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID: return ctx.cpuInstructions() * NS_PER_INSTRUCTION;
    default: return undefined;
  }
}

function encodeTimespec(ns: number): Uint8Array {
  const out = new Uint8Array(16);
  const v = new DataView(out.buffer);
  v.setBigInt64(0, BigInt(Math.floor(ns / 1e9)), true);
  v.setBigInt64(8, BigInt(ns % 1e9), true);
  return out;
}

/** clock_gettime64(clock, tp): 0, -EINVAL for an unknown clock, -EFAULT. */
export function sysClockGettime64(ctx: SysContext, clock: number, tp: number): number {
  const ns = nowNs(ctx, clock);
  if (ns === undefined) return -Errno.EINVAL;
  return copyOut(ctx.proc.space, tp, encodeTimespec(ns));
}

/**
 * clock_nanosleep_time64(clock, flags, req, rem): sleeps on the run queue's timer list until the requested time
 * (relative, or absolute with TIMER_ABSTIME), then 0. A caught signal ends the sleep early with -EINTR (never
 * restarted, as in Linux), after writing the time left to *rem for a relative sleep when rem is not NULL.
 */
export function sysClockNanosleep64(ctx: SysContext, clock: number, flags: number, req: number, rem: number): number | undefined {
  if (clock === CLOCK_THREAD_CPUTIME_ID) return -Errno.EINVAL;
  const start = nowNs(ctx, clock);
  if (start === undefined) return -Errno.EINVAL;
  const raw = copyIn(ctx.proc.space, req, 16);
  if (typeof raw === 'number') return raw;
  const v = new DataView(raw.buffer);
  const sec = Number(v.getBigInt64(0, true));
  const nsec = Number(v.getBigInt64(8, true));
  if (sec < 0 || nsec < 0 || nsec >= 1e9) return -Errno.EINVAL;
  const relative = (flags & TIMER_ABSTIME) === 0;
  const target = relative ? start + sec * 1e9 + nsec : sec * 1e9 + nsec;
  const waitMs = (target - start) / 1e6;
  if (waitMs <= 0) return 0;
  const wakeAtMs = ctx.monotonicMs() + waitMs;
  const due = (): number | undefined => (ctx.monotonicMs() >= wakeAtMs ? 0 : undefined);
  const interrupted = (): number => {
    if (!relative || rem === 0) return -Errno.EINTR;
    const leftNs = Math.max(0, Math.round((wakeAtMs - ctx.monotonicMs()) * 1e6));
    const r = copyOut(ctx.proc.space, rem, encodeTimespec(leftNs));
    return r < 0 ? r : -Errno.EINTR;
  };
  ctx.sleep(due, { wakeAtMs, what: 'nanosleep', onSignal: interrupted });
  return undefined;
}
