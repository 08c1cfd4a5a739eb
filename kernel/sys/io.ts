// read, write, readv, writev, openat, close on devices (console, /dev/null, /dev/zero).

import { Errno } from '../../abi/errno.js';
import { Access } from '../../machine/trap.js';
import { WOULD_BLOCK, type OpenFile } from '../dev/file.js';
import { checkUserRange, copyIn, copyInString, copyOut } from '../mem/uaccess.js';
import type { SysContext } from './context.js';

/** Largest single transfer; a longer request is cut short (Linux caps at 0x7ffff000 bytes too). */
const MAX_IO = 0x7ffff000;
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
  const len = Math.min(count >>> 0, MAX_IO);
  if (len === 0) return 0;
  const ok = checkUserRange(ctx.proc.space, buf, len, Access.Store);
  if (ok < 0) return ok;
  return readInto(ctx, file, buf, len);
}

/** write(fd, buf, count). */
export function sysWrite(ctx: SysContext, fd: number, buf: number, count: number): number {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  const len = Math.min(count >>> 0, MAX_IO);
  const data = copyIn(ctx.proc.space, buf, len);
  if (typeof data === 'number') return data;
  return file.write(data);
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

/** writev(fd, iov, iovcnt): the buffers gathered, then written as one. */
export function sysWritev(ctx: SysContext, fd: number, iov: number, iovcnt: number): number {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  const vecs = readIovecs(ctx, iov, iovcnt);
  if (typeof vecs === 'number') return vecs;
  const parts: Uint8Array[] = [];
  for (const [base, len] of vecs) {
    const data = copyIn(ctx.proc.space, base, len);
    if (typeof data === 'number') return data;
    parts.push(data);
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return file.write(all);
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
  const total = vecs.reduce((n, [, len]) => n + len, 0);
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
