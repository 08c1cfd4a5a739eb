// brk, sbrk (Pagoda's 1000), mmap2, munmap, mprotect: argument decoding over kernel/mem/vm.ts.

import { brk, mmap, mprotect, munmap, sbrk } from '../mem/vm.js';
import type { SysContext } from './context.js';

/** brk(addr): the new break, or the current one when the move is refused (Linux's raw brk). */
export function sysBrk(ctx: SysContext, addr: number): number { return brk(ctx.proc.space, addr >>> 0); }

/** sbrk(increment) (Pagoda's 1000): the old break, or -ENOMEM. */
export function sysSbrk(ctx: SysContext, increment: number): number { return sbrk(ctx.proc.space, increment | 0); }

/** mmap2(addr, length, prot, flags, fd, pgoffset): the offset is in 4 KiB units; anonymous maps only. */
export function sysMmap2(ctx: SysContext, addr: number, length: number, prot: number, flags: number): number {
  return mmap(ctx.proc.space, addr, length, prot, flags);
}

/** munmap(addr, length): 0 or -EINVAL; unmapping nothing succeeds. */
export function sysMunmap(ctx: SysContext, addr: number, length: number): number {
  return munmap(ctx.proc.space, addr, length);
}

/** mprotect(addr, length, prot): 0, -EINVAL or -ENOMEM (a hole in the range). */
export function sysMprotect(ctx: SysContext, addr: number, length: number, prot: number): number {
  return mprotect(ctx.proc.space, addr, length, prot);
}

