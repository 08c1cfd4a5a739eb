// rename: moves a ramfs entry to a new name, as Linux's renameat2 does within one file system. An existing
// target is replaced atomically (a file by a file, a directory by an empty directory); open files keep
// their node. Refusals: ENOENT (no source, or no target directory), EEXIST (RENAME_NOREPLACE and a target),
// EISDIR / ENOTDIR (a file over a directory or the reverse), ENOTEMPTY, EINVAL (a directory into itself, or
// an unknown flag), EACCES (read-only places), EBUSY (/, /proc, /dev entries).

import { Errno } from '../../abi/errno.js';
import { isDir, lookupIn } from './node.js';
import type { Vfs } from './vfs.js';

/** renameat2's RENAME_NOREPLACE: fail with EEXIST rather than replace. */
export const RENAME_NOREPLACE = 1;

/** Renames absolute normalised `from` to `to` with renameat2 `flags`: 0 or -errno. */
export function renamePath(vfs: Vfs, from: string, to: string, flags: number): number {
  if ((flags & ~RENAME_NOREPLACE) !== 0) return -Errno.EINVAL;
  const src = vfs.parentOf(from);
  if (typeof src === 'number') return src;
  const node = lookupIn(src.dir, src.name);
  if (!node) return -Errno.ENOENT;
  const dst = vfs.parentOf(to);
  if (typeof dst === 'number') return dst;
  if (isDir(node) && (to + '/').startsWith(from + '/') && to !== from) return -Errno.EINVAL;
  const old = lookupIn(dst.dir, dst.name);
  if (old === node) return 0;
  if (old && (flags & RENAME_NOREPLACE)) return -Errno.EEXIST;
  if (old && isDir(node) && !isDir(old)) return -Errno.ENOTDIR;
  if (old && !isDir(node) && isDir(old)) return -Errno.EISDIR;
  if (old && old.kind === 'dir' && old.children.size > 0) return -Errno.ENOTEMPTY;
  if (node.kind === 'sdir' || node.kind === 'sfile' || node.kind === 'dev' || old?.kind === 'sdir') return -Errno.EBUSY;
  if (src.dir.kind !== 'dir' || !src.dir.writable || dst.dir.kind !== 'dir' || !dst.dir.writable) return -Errno.EACCES;
  if (old && old.kind === 'file') vfs.usage.bytes -= old.size;
  src.dir.children.delete(src.name);
  dst.dir.children.set(dst.name, node);
  return 0;
}
