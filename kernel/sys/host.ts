// Pagoda's calls to the host: host_export(path) hands a copy of a file to the host, which offers it to the
// user (the web page downloads it). The host decides: without an export sink (the Node terminal, tests)
// the call is -ENOTSUP, so a program can say that this host takes no files.

import { Errno } from '../../abi/errno.js';
import { AT_FDCWD } from '../../abi/fcntl.js';
import type { SysContext } from './context.js';
import { isDir } from '../fs/node.js';
import { resolvePath } from './fs.js';

/** Largest file exported at once (a download of the whole ramfs is not what this is for). */
export const EXPORT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * host_export(path): the file's size once the host has its bytes; -ENOTSUP when the host takes no files,
 * -EISDIR for a directory, -EINVAL for something that is not a ramfs file (a device, a file under /host),
 * -EFBIG past EXPORT_MAX_BYTES, or the path's -errno.
 */
export function sysHostExport(ctx: SysContext, pathVa: number): number {
  const sink = ctx.kernel.sinks.exportFile;
  const abs = resolvePath(ctx, AT_FDCWD, pathVa);
  if (typeof abs === 'number') return abs;
  const node = ctx.kernel.fs.lookup(abs);
  if (typeof node === 'number') return node;
  if (isDir(node)) return -Errno.EISDIR;
  if (node.kind !== 'file') return -Errno.EINVAL;
  if (node.size > EXPORT_MAX_BYTES) return -Errno.EFBIG;
  if (!sink) return -Errno.ENOTSUP;
  sink(abs, node.data.slice(0, node.size));
  return node.size;
}
