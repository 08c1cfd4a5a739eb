// read, write, readv, writev, close on any open file. Reads sleep while the file would block; writes sleep
// while it has no room (a pipe), until every byte is written — on the file's wait channel, which the file
// wakes when that changes; a write to a pipe nobody reads raises SIGPIPE
// (or, with SIGPIPE ignored, fails with EPIPE).

import { Errno } from '../../abi/errno.js';
import { IOV_MAX } from '../../abi/limits.js';
import { Access } from '../../machine/trap.js';
import { WOULD_BLOCK, type OpenFile } from '../dev/file.js';
import { checkUserRange, copyIn, copyOut } from '../mem/uaccess.js';
import { Signal } from '../../abi/signals.js';
import { panic } from '../panic.js';
import type { Resume } from '../proc/process.js';
import { sendSignal } from '../proc/signal.js';
import { checkFileAccess } from '../tty/jobcontrol.js';
import type { SysContext } from './context.js';
import { O_ACCMODE, O_RDONLY, O_RDWR, O_WRONLY } from '../../abi/fcntl.js';

/** Largest single transfer; a longer request is cut short (Linux caps at 0x7ffff000 bytes too). */
const MAX_IO = 0x7ffff000;
/** Writes are copied in pieces of this size, so a huge count never means a huge kernel buffer. */
const WRITE_PIECE = 64 * 1024;
/** A read transfers at most this much at once (a short read, which POSIX allows). */
const READ_PIECE = 1024 * 1024;

/** Puts the caller to sleep on `file`'s channel for `what` until `attempt` completes. */
function sleepOnFile(ctx: SysContext, file: OpenFile, what: 'read' | 'write', attempt: Resume): void {
  const channel = what === 'read' ? file.readWait : file.writeWait;
  if (!channel) panic(`${what}: ${file.name} would block but has no wait channel`);
  ctx.sleep(attempt, { channels: [channel], what });
}


/**
 * The file open on `fd` when it was opened for `use` (its access mode, O_RDONLY / O_WRONLY / O_RDWR, allows
 * it), else -EBADF, as Linux answers a write to a read-only fd. Every read and write goes through here, so
 * no kind of file can be written through a read-only fd (files without openFlags are read-write).
 */
function openFor(ctx: SysContext, fd: number, use: 'read' | 'write'): OpenFile | number | undefined {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  const mode = (file.openFlags ?? O_RDWR) & O_ACCMODE;
  const allowed = mode === O_RDWR || mode === (use === 'read' ? O_RDONLY : O_WRONLY);
  if (!allowed) return -Errno.EBADF;
  // A background job's use of its terminal: EIO, or a stop signal and the call runs again once continued
  // (undefined leaves pc on the ecall).
  const check = checkFileAccess(ctx.kernel, ctx.proc, file, use);
  if (check === 'restart') return undefined;
  return check < 0 ? check : file;
}

/** Reads into [buf, buf+len) from `file`, sleeping while the file would block. */
function readInto(ctx: SysContext, file: OpenFile, buf: number, len: number): number | undefined {
  const attempt = (): number | undefined => {
    const data = file.read(len);
    if (data === WOULD_BLOCK) return undefined;
    if (typeof data === 'number') return data;
    const r = copyOut(ctx.proc.space, buf, data);
    return r < 0 ? r : data.length;
  };
  const first = attempt();
  if (first === undefined && file.nonblocking) return -Errno.EAGAIN;
  if (first === undefined) sleepOnFile(ctx, file, 'read', attempt);
  return first;
}

/** read(fd, buf, count). */
export function sysRead(ctx: SysContext, fd: number, buf: number, count: number): number | undefined {
  const file = openFor(ctx, fd, 'read');
  if (typeof file !== 'object') return file;
  const len = Math.min(count >>> 0, READ_PIECE);
  if (len === 0) return 0;
  const ok = checkUserRange(ctx.proc.space, buf, len, Access.Store);
  if (ok < 0) return ok;
  return readInto(ctx, file, buf, len);
}

/**
 * Writes the user buffers `vecs` ([address, length] pairs) to `file` in order, copying at most WRITE_PIECE
 * bytes at a time, and sleeping while the file has no room (a pipe) until every byte is written. Returns
 * the count, or -errno when nothing was written (a bad buffer; EPIPE after raising SIGPIPE, when the
 * process survives it); bytes written before an error count as a short write, as in Linux. Undefined when
 * the caller sleeps or died.
 */
function writeAll(ctx: SysContext, file: OpenFile, vecs: [number, number][]): number | undefined {
  let vi = 0;
  let off = 0;
  let done = 0;
  const attempt = (): number | undefined => {
    while (vi < vecs.length) {
      const [base, len] = vecs[vi];
      if (off >= len) {
        vi++;
        off = 0;
        continue;
      }
      const data = copyIn(ctx.proc.space, ((base >>> 0) + off) >>> 0, Math.min(WRITE_PIECE, len - off));
      if (typeof data === 'number') return done > 0 ? done : data;
      const n = file.write(data);
      // O_NONBLOCK: what fitted is the answer; nothing fitted is EAGAIN.
      if (n === WOULD_BLOCK) return file.nonblocking ? (done > 0 ? done : -Errno.EAGAIN) : undefined;
      if (n < 0) {
        if (n === -Errno.EPIPE && done === 0) sendSignal(ctx.kernel, ctx.proc, Signal.SIGPIPE);
        return done > 0 ? done : n;
      }
      off += n;
      done += n;
    }
    return done;
  };
  const first = attempt();
  if (first === undefined) sleepOnFile(ctx, file, 'write', attempt);
  return ctx.proc.alive ? first : undefined;
}

/** write(fd, buf, count). */
export function sysWrite(ctx: SysContext, fd: number, buf: number, count: number): number | undefined {
  const file = openFor(ctx, fd, 'write');
  if (typeof file !== 'object') return file;
  return writeAll(ctx, file, [[buf, Math.min(count >>> 0, MAX_IO)]]);
}

/** The iovec array at `iov` as [base, len] pairs, or -errno. */
function readIovecs(ctx: SysContext, iov: number, iovcnt: number): [number, number][] | number {
  if (iovcnt < 0 || iovcnt > IOV_MAX) return -Errno.EINVAL;
  const raw = copyIn(ctx.proc.space, iov, iovcnt * 8);
  if (typeof raw === 'number') return raw;
  const v = new DataView(raw.buffer);
  const out: [number, number][] = [];
  let total = 0;
  for (let i = 0; i < iovcnt; i++) {
    const len = v.getUint32(i * 8 + 4, true);
    total += len;
    if (len > 0x7fffffff || total > 0x7fffffff) return -Errno.EINVAL;
    out.push([v.getUint32(i * 8, true), len]);
  }
  return out;
}

/** writev(fd, iov, iovcnt): the buffers in order, as one write. */
export function sysWritev(ctx: SysContext, fd: number, iov: number, iovcnt: number): number | undefined {
  const file = openFor(ctx, fd, 'write');
  if (typeof file !== 'object') return file;
  const vecs = readIovecs(ctx, iov, iovcnt);
  if (typeof vecs === 'number') return vecs;
  return writeAll(ctx, file, vecs);
}

/** readv(fd, iov, iovcnt): one read, scattered over the buffers in order. */
export function sysReadv(ctx: SysContext, fd: number, iov: number, iovcnt: number): number | undefined {
  const file = openFor(ctx, fd, 'read');
  if (typeof file !== 'object') return file;
  const vecs = readIovecs(ctx, iov, iovcnt);
  if (typeof vecs === 'number') return vecs;
  for (const [base, len] of vecs) {
    const ok = checkUserRange(ctx.proc.space, base, len, Access.Store);
    if (ok < 0) return ok;
  }
  const total = Math.min(vecs.reduce((n, [, len]) => n + len, 0), READ_PIECE);
  if (total === 0) return 0;
  const attempt = (): number | undefined => {
    const data = file.read(total);
    if (data === WOULD_BLOCK) return undefined;
    if (typeof data === 'number') return data;
    let at = 0;
    for (const [base, len] of vecs) {
      if (at >= data.length) break;
      const piece = data.subarray(at, Math.min(at + len, data.length));
      const r = copyOut(ctx.proc.space, base, piece);
      if (r < 0) return r;
      at += piece.length;
    }
    return data.length;
  };
  const first = attempt();
  if (first === undefined && file.nonblocking) return -Errno.EAGAIN;
  if (first === undefined) sleepOnFile(ctx, file, 'read', attempt);
  return first;
}

/** close(fd). */
export function sysClose(ctx: SysContext, fd: number): number {
  return ctx.proc.fds.close(fd) ? 0 : -Errno.EBADF;
}
