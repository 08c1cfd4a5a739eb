// File system calls over the file tree: openat, _llseek, statx, getdents64, mkdirat, unlinkat, chdir,
// getcwd, dup, dup3, fcntl64, pipe2, ioctl. Paths are relative to the working directory, or to a directory
// fd for the *at calls.

import { Errno } from '../../abi/errno.js';
import {
  AT_EMPTY_PATH, AT_FDCWD, AT_REMOVEDIR, F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_ACCMODE,
  O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_LARGEFILE, O_NOFOLLOW, O_NONBLOCK, O_RDWR, O_TRUNC, O_WRONLY,
} from '../../abi/fcntl.js';
import { PATH_MAX } from '../../abi/limits.js';
import type { FileStat, OpenFile } from '../dev/file.js';
import { DirHandle, RamFileHandle, SynthFileHandle, statOf, truncate } from '../fs/handles.js';
import { HostFileHandle } from '../fs/hostfs.js';
import { isDir, type Node } from '../fs/node.js';
import { Pipe, PipeReader, PipeWriter } from '../fs/pipe.js';
import { normalizePath } from '../fs/vfs.js';
import { MAX_FDS } from '../proc/fdtable.js';
import { copyIn, copyInString, copyOut } from '../mem/uaccess.js';
import type { SysContext } from './context.js';
import { consoleJobIoctl } from '../tty/jobcontrol.js';

/** The absolute path `pathVa` names, relative to `dirfd` (AT_FDCWD: the working directory), or -errno. */
export function resolvePath(ctx: SysContext, dirfd: number, pathVa: number, allowEmpty = false): string | number {
  const path = copyInString(ctx.proc.space, pathVa, PATH_MAX);
  if (typeof path === 'number') return path;
  if (path === '' && !allowEmpty) return -Errno.ENOENT;
  if (path.startsWith('/') || dirfd === AT_FDCWD) return normalizePath(ctx.proc.cwd, path);
  const dir = ctx.proc.fds.get(dirfd);
  if (!dir) return -Errno.EBADF;
  if (dir.directoryPath === undefined) return -Errno.ENOTDIR;
  return normalizePath(dir.directoryPath, path);
}

/** A new open file for `node` at `abs`, or -errno. */
function openNode(ctx: SysContext, node: Node, abs: string, flags: number): OpenFile | number {
  const acc = flags & O_ACCMODE;
  const writing = acc === O_WRONLY || acc === O_RDWR;
  if ((flags & O_DIRECTORY) && !isDir(node)) return -Errno.ENOTDIR;
  const k = ctx.kernel;
  switch (node.kind) {
    case 'dir': case 'sdir': case 'hdir': {
      if (writing) return -Errno.EISDIR;
      const parent = k.fs.lookup(normalizePath(abs, '..'));
      return new DirHandle(abs, abs, node, typeof parent !== 'number' && isDir(parent) ? parent : node, flags);
    }
    case 'file':
      if (writing && !node.writable) return -Errno.EACCES;
      if (writing && (flags & O_TRUNC)) truncate(node, k.realtimeMs(), k.fs.usage);
      return new RamFileHandle(abs, node, acc !== O_WRONLY, writing, (flags & O_APPEND) !== 0, flags, k.realtimeMs, k.fs.usage);
    case 'hfile': {
      if (writing && (flags & O_TRUNC)) {
        const r = node.host.port.truncate(node.rel, 0);
        if (r < 0) return r;
      }
      return new HostFileHandle(abs, node, acc !== O_WRONLY, writing, (flags & O_APPEND) !== 0, flags);
    }
    case 'sfile':
      if (writing) return -Errno.EACCES;
      return new SynthFileHandle(abs, node, node.render(), flags);
    case 'dev':
      return node.open(flags);
  }
}

/** openat(dirfd, path, flags, mode). */
export function sysOpenat(ctx: SysContext, dirfd: number, pathVa: number, flags: number, mode: number): number {
  const abs = resolvePath(ctx, dirfd, pathVa);
  if (typeof abs === 'number') return abs;
  const file = openPath(ctx, abs, flags, mode);
  if (typeof file === 'number') return file;
  const fd = ctx.proc.fds.add(file, (flags & O_CLOEXEC) !== 0);
  return fd < 0 ? -Errno.EMFILE : fd;
}

/** Opens absolute path `abs` as openat does (O_CREAT with `mode`, O_EXCL, O_TRUNC, O_NONBLOCK): a new open
 *  file, not yet on any fd, or -errno. Kernel programs (kernel/programs/) open files through here too. */
export function openPath(ctx: SysContext, abs: string, flags: number, mode: number): OpenFile | number {
  const fs = ctx.kernel.fs;
  let node = fs.lookup(abs);
  if (typeof node !== 'number' && (flags & O_CREAT) && (flags & O_EXCL)) return -Errno.EEXIST;
  if (node === -Errno.ENOENT && (flags & O_CREAT)) {
    if (flags & O_DIRECTORY) return -Errno.EINVAL;
    node = fs.createFile(abs, mode & 0o777 & ~ctx.proc.umask);
  }
  if (typeof node === 'number') return node;
  const file = openNode(ctx, node, abs, flags);
  if (typeof file === 'number') return file;
  if (flags & O_NONBLOCK) file.nonblocking = true;
  return file;
}

/** _llseek(fd, offset_high, offset_low, result, whence): the 64-bit new offset stored at result. */
export function sysLlseek(ctx: SysContext, fd: number, high: number, low: number, result: number, whence: number): number {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  if (!file.seek) return -Errno.ESPIPE;
  const offset = (high | 0) * 0x100000000 + (low >>> 0);
  const at = file.seek(offset, whence);
  if (at < 0) return at;
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, BigInt(at), true);
  return copyOut(ctx.proc.space, result, out);
}

/** struct statx (256 bytes) for `st`. */
function encodeStatx(st: FileStat): Uint8Array {
  const out = new Uint8Array(256);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x7ff, true);                 // stx_mask: STATX_BASIC_STATS
  v.setUint32(4, 4096, true);                  // stx_blksize
  v.setUint32(16, st.nlink, true);
  v.setUint16(28, st.mode, true);
  v.setBigUint64(32, BigInt(st.ino), true);
  v.setBigUint64(40, BigInt(st.size), true);
  v.setBigUint64(48, BigInt(Math.ceil(st.size / 512)), true);
  const sec = BigInt(Math.floor(st.mtimeMs / 1000));
  const nsec = Math.floor((st.mtimeMs % 1000) * 1e6);
  for (const at of [64, 80, 96, 112]) {      // atime, btime, ctime, mtime
    v.setBigInt64(at, sec, true);
    v.setUint32(at + 8, nsec, true);
  }
  v.setUint32(128, st.rdevMajor, true);
  v.setUint32(132, st.rdevMinor, true);
  v.setUint32(136, st.devMajor, true);
  v.setUint32(140, st.devMinor, true);
  return out;
}

/** statx(dirfd, path, flags, mask, buf). */
export function sysStatx(ctx: SysContext, dirfd: number, pathVa: number, flags: number, _mask: number, buf: number): number {
  const path = copyInString(ctx.proc.space, pathVa, PATH_MAX);
  if (typeof path === 'number') return path;
  let st: FileStat;
  if (path === '' && (flags & AT_EMPTY_PATH)) {
    const file = dirfd === AT_FDCWD ? undefined : ctx.proc.fds.get(dirfd);
    if (dirfd === AT_FDCWD) {
      const node = ctx.kernel.fs.lookup(ctx.proc.cwd);
      if (typeof node === 'number') return node;
      st = statOf(node);
    } else if (!file) {
      return -Errno.EBADF;
    } else {
      st = file.stat ? file.stat() : { ino: 0, mode: 0o100600, size: 0, nlink: 1, rdevMajor: 0, rdevMinor: 0, devMajor: 0, devMinor: 0, mtimeMs: 0 };
    }
  } else {
    const abs = resolvePath(ctx, dirfd, pathVa);
    if (typeof abs === 'number') return abs;
    const node = ctx.kernel.fs.lookup(abs);
    if (typeof node === 'number') return node;
    st = statOf(node);
  }
  return copyOut(ctx.proc.space, buf, encodeStatx(st));
}

/** getdents64(fd, dirp, count). */
export function sysGetdents64(ctx: SysContext, fd: number, dirp: number, count: number): number {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  if (!file.readDirectory) return -Errno.ENOTDIR;
  const data = file.readDirectory(count >>> 0);
  if (typeof data === 'number') return data;
  const r = copyOut(ctx.proc.space, dirp, data);
  return r < 0 ? r : data.length;
}

/** mkdirat(dirfd, path, mode). */
export function sysMkdirat(ctx: SysContext, dirfd: number, pathVa: number, mode: number): number {
  const abs = resolvePath(ctx, dirfd, pathVa);
  if (typeof abs === 'number') return abs;
  return ctx.kernel.fs.mkdir(abs, mode & 0o777 & ~ctx.proc.umask);
}

/** unlinkat(dirfd, path, flags): AT_REMOVEDIR removes an empty directory. */
export function sysUnlinkat(ctx: SysContext, dirfd: number, pathVa: number, flags: number): number {
  if ((flags & ~AT_REMOVEDIR) !== 0) return -Errno.EINVAL;
  const abs = resolvePath(ctx, dirfd, pathVa);
  if (typeof abs === 'number') return abs;
  return ctx.kernel.fs.remove(abs, (flags & AT_REMOVEDIR) !== 0);
}

/** RENAME_NOREPLACE: renameat2 fails with EEXIST instead of replacing. */
const RENAME_NOREPLACE = 1;

/** renameat2(olddirfd, oldpath, newdirfd, newpath, flags): RENAME_NOREPLACE is the one flag taken. */
export function sysRenameat2(ctx: SysContext, oldDirfd: number, oldVa: number, newDirfd: number, newVa: number, flags: number): number {
  if ((flags & ~RENAME_NOREPLACE) !== 0) return -Errno.EINVAL;
  const from = resolvePath(ctx, oldDirfd, oldVa);
  if (typeof from === 'number') return from;
  const to = resolvePath(ctx, newDirfd, newVa);
  if (typeof to === 'number') return to;
  const fs = ctx.kernel.fs;
  if ((flags & RENAME_NOREPLACE) && typeof fs.lookup(to) !== 'number') return -Errno.EEXIST;
  return fs.rename(from, to);
}

/** The 64-bit length a 32-bit call passes in two registers (low word first), or -EINVAL when negative. */
function length64(low: number, high: number): number {
  const n = (high | 0) * 0x100000000 + (low >>> 0);
  return n < 0 ? -Errno.EINVAL : n;
}

/** truncate64(path, length_low, length_high). */
export function sysTruncate64(ctx: SysContext, pathVa: number, low: number, high: number): number {
  const size = length64(low, high);
  if (size < 0) return size;
  const abs = resolvePath(ctx, AT_FDCWD, pathVa);
  if (typeof abs === 'number') return abs;
  return ctx.kernel.fs.truncate(abs, size);
}

/** ftruncate64(fd, length_low, length_high): EINVAL for files that cannot be resized or are not open for writing. */
export function sysFtruncate64(ctx: SysContext, fd: number, low: number, high: number): number {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  const size = length64(low, high);
  if (size < 0) return size;
  if (!file.truncate) return -Errno.EINVAL;
  return file.truncate(size);
}

/** chdir(path). */
export function sysChdir(ctx: SysContext, pathVa: number): number {
  const abs = resolvePath(ctx, AT_FDCWD, pathVa);
  if (typeof abs === 'number') return abs;
  const node = ctx.kernel.fs.lookup(abs);
  if (typeof node === 'number') return node;
  if (!isDir(node)) return -Errno.ENOTDIR;
  ctx.proc.cwd = abs;
  return 0;
}

/** getcwd(buf, size): the length stored including the NUL, or ERANGE when it does not fit. */
export function sysGetcwd(ctx: SysContext, buf: number, size: number): number {
  const bytes = new TextEncoder().encode(ctx.proc.cwd + '\0');
  if (bytes.length > (size >>> 0)) return -Errno.ERANGE;
  const r = copyOut(ctx.proc.space, buf, bytes);
  return r < 0 ? r : bytes.length;
}

/** dup(fd): the lowest free fd, sharing the open file (and its offset). */
export function sysDup(ctx: SysContext, fd: number): number {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  const n = ctx.proc.fds.add(file);
  return n < 0 ? -Errno.EMFILE : n;
}

/** dup3(old, new, flags): EINVAL when equal; new is closed first; O_CLOEXEC the only flag. */
export function sysDup3(ctx: SysContext, oldfd: number, newfd: number, flags: number): number {
  const file = ctx.proc.fds.get(oldfd);
  if (!file) return -Errno.EBADF;
  if (oldfd === newfd || (flags & ~O_CLOEXEC) !== 0) return -Errno.EINVAL;
  if (newfd < 0 || newfd >= MAX_FDS) return -Errno.EBADF;
  ctx.proc.fds.set(newfd, file, (flags & O_CLOEXEC) !== 0);
  return newfd;
}

/**
 * What F_GETFL reports of the flags a file was opened with, as Linux keeps them in f_flags: the access mode
 * and the status flags (O_APPEND, O_LARGEFILE, O_DIRECTORY, O_NOFOLLOW, O_DSYNC, O_DIRECT, O_NOATIME, O_SYNC,
 * O_PATH); never the creation flags (O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC), O_CLOEXEC, or bits Linux does not
 * define, which open ignores. O_NONBLOCK comes from the file's current mode.
 */
const F_GETFL_KEPT = O_ACCMODE | O_APPEND | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | 0o10000 | 0o40000 | 0o1000000 | 0o4010000 | 0o10000000;

/** fcntl64(fd, cmd, arg): F_DUPFD(_CLOEXEC), F_GETFD/F_SETFD (FD_CLOEXEC), F_GETFL, F_SETFL (accepted). */
export function sysFcntl64(ctx: SysContext, fd: number, cmd: number, arg: number): number {
  const fds = ctx.proc.fds;
  const file = fds.get(fd);
  if (!file) return -Errno.EBADF;
  switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: {
      const n = fds.add(file, cmd === F_DUPFD_CLOEXEC, arg);
      return n < 0 ? -Errno.EMFILE : n;
    }
    case F_GETFD: return fds.isCloseOnExec(fd) ? FD_CLOEXEC : 0;
    case F_SETFD: fds.setCloseOnExec(fd, (arg & FD_CLOEXEC) !== 0); return 0;
    case F_GETFL: return ((file.openFlags ?? O_RDWR) & F_GETFL_KEPT) | (file.nonblocking ? O_NONBLOCK : 0);
    // Of the status flags only O_NONBLOCK changes anything here (O_APPEND is fixed at open).
    case F_SETFL: file.nonblocking = (arg & O_NONBLOCK) !== 0; return 0;
    default: return -Errno.EINVAL;
  }
}

/** pipe2(fds, flags): [read end, write end]; O_CLOEXEC, and O_NONBLOCK on both ends. */
export function sysPipe2(ctx: SysContext, fdsVa: number, flags: number): number {
  if ((flags & ~(O_CLOEXEC | O_NONBLOCK)) !== 0) return -Errno.EINVAL;
  const fds = ctx.proc.fds;
  const pipe = new Pipe();
  const cloexec = (flags & O_CLOEXEC) !== 0;
  const r = fds.add(new PipeReader(pipe), cloexec);
  if (r < 0) return -Errno.EMFILE;
  const w = fds.add(new PipeWriter(pipe), cloexec);
  if (w < 0) {
    fds.close(r);
    return -Errno.EMFILE;
  }
  if (flags & O_NONBLOCK) fds.get(r)!.nonblocking = fds.get(w)!.nonblocking = true;
  const out = new Uint8Array(8);
  new DataView(out.buffer).setInt32(0, r, true);
  new DataView(out.buffer).setInt32(4, w, true);
  const res = copyOut(ctx.proc.space, fdsVa, out);
  if (res < 0) {
    fds.close(r);
    fds.close(w);
  }
  return res;
}

/** ioctl(fd, request, arg): the device's answer; ENOTTY for files that are not terminals. */
export function sysIoctl(ctx: SysContext, fd: number, request: number, arg: number): number | undefined {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  if (!file.ioctl) return -Errno.ENOTTY;
  const space = ctx.proc.space;
  const mem = {
    copyIn: (va: number, len: number) => copyIn(space, va, len),
    copyOut: (va: number, bytes: Uint8Array) => copyOut(space, va, bytes),
  };
  const job = consoleJobIoctl(ctx.kernel, ctx.proc, file, request >>> 0, arg >>> 0, mem);
  if (job !== undefined) return job === 'restart' ? undefined : job;
  return file.ioctl(request >>> 0, arg >>> 0, mem);
}
