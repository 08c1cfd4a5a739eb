// read, write, readv, writev, openat, close on devices (console, /dev/null, /dev/zero).

import { Errno } from '../../abi/errno.js';
import { Access } from '../../machine/trap.js';
import { WOULD_BLOCK, type OpenFile } from '../dev/file.js';
import { checkUserRange, copyIn, copyInString, copyOut } from '../mem/uaccess.js';
import type { SysContext } from './context.js';

/** Largest single transfer; a longer request is cut short (Linux caps at 0x7ffff000 bytes too). */
const MAX_IO = 0x7ffff000;
/** Writes are copied in pieces of this size, so a huge count never means a huge kernel buffer. */
const WRITE_PIECE = 64 * 1024;
/** A read transfers at most this much at once (a short read, which POSIX allows). */
const READ_PIECE = 1024 * 1024;
const IOV_MAX = 1024;
const AT_FDCWD = -100;
const PATH_MAX = 4096;

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
  if (first === undefined) ctx.block(attempt);
  return first;
}

/** read(fd, buf, count). */
export function sysRead(ctx: SysContext, fd: number, buf: number, count: number): number | undefined {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  const len = Math.min(count >>> 0, READ_PIECE);
  if (len === 0) return 0;
  const ok = checkUserRange(ctx.proc.space, buf, len, Access.Store);
  if (ok < 0) return ok;
  return readInto(ctx, file, buf, len);
}

/**
 * Writes user bytes [buf, buf+len) to `file` in pieces: -errno when nothing could be written, else the bytes
 * written up to the first bad piece or short device write (a short write, as Linux does).
 */
function writeFrom(ctx: SysContext, file: OpenFile, buf: number, len: number): number {
  let done = 0;
  do {
    const data = copyIn(ctx.proc.space, (buf >>> 0) + done, Math.min(WRITE_PIECE, len - done));
    if (typeof data === 'number') return done > 0 ? done : data;
    const n = file.write(data);
    if (n < 0) return done > 0 ? done : n;
    done += n;
    if (n < data.length) break;
  } while (done < len);
  return done;
}

/** write(fd, buf, count). */
export function sysWrite(ctx: SysContext, fd: number, buf: number, count: number): number {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  return writeFrom(ctx, file, buf, Math.min(count >>> 0, MAX_IO));
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

/** writev(fd, iov, iovcnt): each buffer in order, stopping at the first short or failed one. */
export function sysWritev(ctx: SysContext, fd: number, iov: number, iovcnt: number): number {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  const vecs = readIovecs(ctx, iov, iovcnt);
  if (typeof vecs === 'number') return vecs;
  let total = 0;
  for (const [base, len] of vecs) {
    if (len === 0) continue;
    const n = writeFrom(ctx, file, base, len);
    if (n < 0) return total > 0 ? total : n;
    total += n;
    if (n < len) break;
  }
  return total;
}

/** readv(fd, iov, iovcnt): one read, scattered over the buffers in order. */
export function sysReadv(ctx: SysContext, fd: number, iov: number, iovcnt: number): number | undefined {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
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
  if (first === undefined) ctx.block(attempt);
  return first;
}

/** openat(dirfd, path, flags, mode): devices only for now; other paths are ENOENT. */
export function sysOpenat(ctx: SysContext, dirfd: number, path: number): number {
  const name = copyInString(ctx.proc.space, path, PATH_MAX);
  if (typeof name === 'number') return name;
  if (name === '') return -Errno.ENOENT;
  if (!name.startsWith('/') && dirfd !== AT_FDCWD && !ctx.proc.fds.get(dirfd)) return -Errno.EBADF;
  const file = ctx.openDevice(name);
  if (!file) return -Errno.ENOENT;
  const fd = ctx.proc.fds.add(file);
  return fd < 0 ? -Errno.EMFILE : fd;
}

/** close(fd). */
export function sysClose(ctx: SysContext, fd: number): number {
  return ctx.proc.fds.close(fd) ? 0 : -Errno.EBADF;
}
