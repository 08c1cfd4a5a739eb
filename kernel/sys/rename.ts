// renameat2(olddirfd, oldpath, newdirfd, newpath, flags): argument decoding over kernel/fs/rename.ts.

import { renamePath } from '../fs/rename.js';
import type { SysContext } from './context.js';
import { resolvePath } from './fs.js';

/** renameat2: 0 or -errno (paths relative to their dirfds; flags 0 or RENAME_NOREPLACE). */
export function sysRenameat2(ctx: SysContext, olddirfd: number, oldVa: number, newdirfd: number, newVa: number, flags: number): number {
  const from = resolvePath(ctx, olddirfd, oldVa);
  if (typeof from === 'number') return from;
  const to = resolvePath(ctx, newdirfd, newVa);
  if (typeof to === 'number') return to;
  return renamePath(ctx.kernel.fs, from, to, flags >>> 0);
}
