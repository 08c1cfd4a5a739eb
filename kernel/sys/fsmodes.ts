// File modes and names: fchmod 52, fchmodat 53, linkat 37, umask 166. Everyone is root here, so permission
// bits never refuse a read or a write (root's rule), but execve still needs some execute bit (execve.ts).

import { Errno } from '../../abi/errno.js';
import { AT_EMPTY_PATH, AT_SYMLINK_FOLLOW } from '../../abi/fcntl.js';
import { RamFileHandle } from '../fs/handles.js';
import { chmodNode } from '../fs/vfs.js';
import { resolvePath } from './fs.js';
import type { SysContext } from './context.js';

/** fchmodat(dirfd, path, mode): the permission bits of the file `path` names become mode & 07777. */
export function sysFchmodat(ctx: SysContext, dirfd: number, pathVa: number, mode: number): number {
  const abs = resolvePath(ctx, dirfd, pathVa);
  if (typeof abs === 'number') return abs;
  return ctx.kernel.fs.chmod(abs, mode);
}

/** fchmod(fd, mode): the same for an open file: a ramfs file, or a directory opened by path. */
export function sysFchmod(ctx: SysContext, fd: number, mode: number): number {
  const file = ctx.proc.fds.get(fd);
  if (!file) return -Errno.EBADF;
  if (file instanceof RamFileHandle) return chmodNode(file.file, mode);
  if (file.directoryPath !== undefined) return ctx.kernel.fs.chmod(file.directoryPath, mode);
  // Pipes and devices have no mode of their own to change here.
  return -Errno.EPERM;
}

/**
 * linkat(olddirfd, oldpath, newdirfd, newpath, flags): a second name for a file. AT_SYMLINK_FOLLOW changes
 * nothing (there are no symbolic links); AT_EMPTY_PATH (linking an open file) is not supported (ENOENT, as
 * Linux answers callers without the capability it needs).
 */
export function sysLinkat(ctx: SysContext, oldDirfd: number, oldVa: number, newDirfd: number, newVa: number, flags: number): number {
  if ((flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) !== 0) return -Errno.EINVAL;
  const from = resolvePath(ctx, oldDirfd, oldVa);
  if (typeof from === 'number') return from;
  const to = resolvePath(ctx, newDirfd, newVa);
  if (typeof to === 'number') return to;
  return ctx.kernel.fs.link(from, to);
}

/** umask(mask): sets the creation mask (mask & 0777) and returns the old one. */
export function sysUmask(ctx: SysContext, mask: number): number {
  const old = ctx.proc.umask;
  ctx.proc.umask = mask & 0o777;
  return old;
}
