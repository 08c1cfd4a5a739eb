// symbolize (Pagoda 1003): names a code address of the caller's program, for libc reports such as
// MALLOC_DEBUG's call sites. symbolize(addr, buf, len) writes "function+0xoff" and a NUL into buf and returns
// the name's length (without the NUL; truncated to len-1 bytes when the buffer is short), -ENOENT when no
// symbol of the executable covers addr (or it has no .symtab), -EINVAL for len 0, -EFAULT for a bad buffer.

import { Errno } from '../../abi/errno.js';
import { symbolize } from '../proc/symbols.js';
import { copyOut } from '../mem/uaccess.js';
import type { SysContext } from './context.js';

export function sysSymbolize(ctx: SysContext, addr: number, bufVa: number, len: number): number {
  if ((len >>> 0) === 0) return -Errno.EINVAL;
  const image = ctx.proc.image;
  const name = image ? symbolize(image, addr) : undefined;
  if (name === undefined) return -Errno.ENOENT;
  const bytes = new TextEncoder().encode(name).subarray(0, Math.min(len >>> 0, 4096) - 1);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  const r = copyOut(ctx.proc.space, bufVa >>> 0, out);
  return r < 0 ? r : bytes.length;
}
