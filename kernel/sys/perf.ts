// perf_ctl (Pagoda 1002, operations in abi/perf.ts): turns perf counting on or off for the caller, now or from
// its next execve, and reads the report of the caller or of one of its children (a zombie included, so
// `perf stat` reads its command's counters after waitid(WNOWAIT) and before reaping it).

import { Errno } from '../../abi/errno.js';
import { PerfOp } from '../../abi/perf.js';
import { parseCacheSpec, type CacheLevelSpec } from '../../machine/perf/cache.js';
import { copyInString, copyOut } from '../mem/uaccess.js';
import { PerfSession } from '../perf/session.js';
import { formatPerfReport } from '../perf/report.js';
import type { Process } from '../proc/process.js';
import type { SysContext } from './context.js';

const SPEC_MAX = 256;

/** The report text of counted process `p`. */
export function perfReport(p: Process): string {
  return formatPerfReport(`perf: pid ${p.pid} (${p.argv.join(' ') || p.name})`, p.perf!.counts());
}

/** The cache levels named by the spec string at `va` (0: none), or -errno (EINVAL for a bad spec). */
function specAt(ctx: SysContext, va: number): readonly CacheLevelSpec[] | null | number {
  if (va === 0) return null;
  const text = copyInString(ctx.proc.space, va >>> 0, SPEC_MAX);
  if (typeof text === 'number') return text;
  const levels = parseCacheSpec(text);
  return typeof levels === 'string' ? -Errno.EINVAL : levels;
}

export function sysPerfCtl(ctx: SysContext, op: number, pid: number, arg: number, len: number): number {
  const self = ctx.proc;
  if (op === PerfOp.ENABLE || op === PerfOp.ENABLE_AT_EXEC || op === PerfOp.DISABLE) {
    if (pid !== 0 && pid !== self.pid) return -Errno.EPERM;
    if (op === PerfOp.DISABLE) {
      self.perf = undefined;
      self.perfAtExec = undefined;
      return 0;
    }
    const spec = specAt(ctx, arg);
    if (typeof spec === 'number') return spec;
    if (op === PerfOp.ENABLE_AT_EXEC) self.perfAtExec = spec;
    else self.perf = new PerfSession(ctx.kernel.machine.ram, spec ?? undefined);
    return 0;
  }
  if (op !== PerfOp.READ) return -Errno.EINVAL;
  const target = pid === 0 ? self : ctx.kernel.processes.get(pid);
  if (!target) return -Errno.ESRCH;
  if (target !== self && target.ppid !== self.pid) return -Errno.EPERM;
  if (!target.perf) return -Errno.ENOENT;
  if ((len >>> 0) === 0) return -Errno.EINVAL;
  const text = new TextEncoder().encode(perfReport(target)).subarray(0, Math.min(len >>> 0, 1 << 16) - 1);
  const out = new Uint8Array(text.length + 1);
  out.set(text);
  const r = copyOut(self.space, arg >>> 0, out);
  return r < 0 ? r : text.length;
}
