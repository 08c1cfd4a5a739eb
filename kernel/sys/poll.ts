// ppoll_time64(fds, nfds, timeout, sigmask, sigsetsize), the one poll call 32-bit RISC-V Linux has (poll and
// ppoll of libc are built on it). Each struct pollfd names an fd and the events wanted; the call fills in
// revents from each file's readiness (OpenFile.pollEvents) and returns how many fds have some, sleeping on
// the files' wait channels until one does, the timeout passes, or a caught signal interrupts (-EINTR).
// As Linux: a negative fd is skipped (revents 0), a closed fd reports POLLNVAL, POLLERR and POLLHUP are
// reported whether asked for or not, a NULL timeout waits forever and a zero one does not wait, and the time
// left is written back to *timeout.

import { Errno } from '../../abi/errno.js';
import { POLLERR, POLLFD_BYTES, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLRDNORM, POLLWRNORM } from '../../abi/poll.js';
import type { OpenFile } from '../dev/file.js';
import { MAX_FDS } from '../proc/fdtable.js';
import type { WaitChannel } from '../proc/waitchan.js';
import { copyIn, copyOut } from '../mem/uaccess.js';
import type { SysContext } from './context.js';

/** What a file reports without a pollEvents of its own (Linux's DEFAULT_POLLMASK). */
const ALWAYS_READY = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;

/** A file's readiness with the RDNORM/WRNORM twins Linux sets beside POLLIN/POLLOUT. */
function readiness(file: OpenFile): number {
  if (!file.pollEvents) return ALWAYS_READY;
  const ev = file.pollEvents();
  return ev | (ev & POLLIN ? POLLRDNORM : 0) | (ev & POLLOUT ? POLLWRNORM : 0);
}

/** Fills revents (bytes 6-7 of each pollfd) in `raw`; returns how many are non-zero. */
function scan(ctx: SysContext, raw: Uint8Array, nfds: number): number {
  const v = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  let count = 0;
  for (let i = 0; i < nfds; i++) {
    const fd = v.getInt32(i * POLLFD_BYTES, true);
    let revents = 0;
    if (fd >= 0) {
      const file = ctx.proc.fds.get(fd);
      const wanted = v.getUint16(i * POLLFD_BYTES + 4, true) | POLLERR | POLLHUP;
      revents = file ? readiness(file) & wanted : POLLNVAL;
    }
    v.setUint16(i * POLLFD_BYTES + 6, revents, true);
    if (revents !== 0) count++;
  }
  return count;
}

/** The channels whose wake-up may change the answer for the fds and events asked about. */
function channels(ctx: SysContext, raw: Uint8Array, nfds: number): WaitChannel[] {
  const v = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Set<WaitChannel>();
  for (let i = 0; i < nfds; i++) {
    const file = ctx.proc.fds.get(v.getInt32(i * POLLFD_BYTES, true));
    if (!file) continue;
    // a hang-up or error is reported unasked, and both come through these channels: listen to both
    if (file.readWait) out.add(file.readWait);
    if (file.writeWait) out.add(file.writeWait);
  }
  return [...out];
}

/** The timeout in ms (undefined: forever), or -EINVAL / -EFAULT. */
function readTimeout(ctx: SysContext, tsp: number): number | undefined {
  if (tsp === 0) return undefined;
  const raw = copyIn(ctx.proc.space, tsp, 16);
  if (typeof raw === 'number') return raw;
  const v = new DataView(raw.buffer);
  const sec = Number(v.getBigInt64(0, true));
  const nsec = Number(v.getBigInt64(8, true));
  if (sec < 0 || nsec < 0 || nsec >= 1e9) return -Errno.EINVAL;
  return sec * 1000 + nsec / 1e6;
}

/** Writes the time left until `deadlineMs` to the user's timespec (Linux updates it on every return). */
function writeTimeLeft(ctx: SysContext, tsp: number, deadlineMs: number): number {
  const leftNs = Math.max(0, Math.round((deadlineMs - ctx.monotonicMs()) * 1e6));
  const out = new Uint8Array(16);
  const v = new DataView(out.buffer);
  v.setBigInt64(0, BigInt(Math.floor(leftNs / 1e9)), true);
  v.setBigInt64(8, BigInt(leftNs % 1e9), true);
  return copyOut(ctx.proc.space, tsp, out);
}

/**
 * ppoll_time64(fds, nfds, tsp, sigmask, sigsetsize): the count of fds with events (0 on timeout), -EINVAL for
 * nfds beyond RLIMIT_NOFILE, a bad timespec or a sigsetsize other than 8, -EFAULT, -EINTR. A sigmask replaces
 * the process's mask for the duration of the call (the kernel records masks; see sysRtSigprocmask).
 */
export function sysPpollTime64(ctx: SysContext, fds: number, nfds: number, tsp: number, sigmask: number, sigsetsize: number): number | undefined {
  if (nfds >>> 0 > MAX_FDS) return -Errno.EINVAL;
  const timeoutMs = readTimeout(ctx, tsp);
  if (timeoutMs !== undefined && timeoutMs < 0) return timeoutMs;
  let savedMask: [number, number] | undefined;
  if (sigmask !== 0) {
    if (sigsetsize !== 8) return -Errno.EINVAL;
    const m = copyIn(ctx.proc.space, sigmask, 8);
    if (typeof m === 'number') return m;
    const mv = new DataView(m.buffer);
    savedMask = ctx.proc.sigmask;
    ctx.proc.sigmask = [mv.getUint32(0, true), mv.getUint32(4, true)];
  }
  const p = ctx.proc;
  const deadlineMs = ctx.monotonicMs() + (timeoutMs ?? 0);
  const finish = (r: number): number => {
    if (savedMask) p.sigmask = savedMask;
    if (tsp !== 0 && (r >= 0 || r === -Errno.EINTR)) {
      const w = writeTimeLeft(ctx, tsp, deadlineMs);
      if (w < 0) return w;
    }
    return r;
  };
  const raw = copyIn(p.space, fds, nfds * POLLFD_BYTES);
  if (typeof raw === 'number') return finish(raw);
  const attempt = (): number | undefined => {
    const n = scan(ctx, raw, nfds);
    const expired = timeoutMs !== undefined && ctx.monotonicMs() >= deadlineMs;
    if (n === 0 && !expired) return undefined;
    const r = copyOut(p.space, fds, raw);
    return finish(r < 0 ? r : n);
  };
  const first = attempt();
  if (first !== undefined) return first;
  ctx.sleep(attempt, {
    channels: channels(ctx, raw, nfds),
    wakeAtMs: timeoutMs === undefined ? undefined : deadlineMs,
    what: 'poll',
    onSignal: () => finish(-Errno.EINTR),
  });
  return undefined;
}
