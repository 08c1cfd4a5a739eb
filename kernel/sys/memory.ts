// The memory system calls, as Linux defines them for 32-bit RISC-V: brk (returns the new break, or the old
// one on failure), Pagoda's sbrk (old break or -errno), mmap2 (anonymous only), munmap and mprotect. Their
// semantics over an AddressSpace (brk, sbrk, mmap, munmap, mprotect), then the handlers that decode the
// arguments (sysBrk ...). Results are numbers: an address, 0, or -errno.

import { Errno } from '../../abi/errno.js';
import { MapFlags, Prot } from '../../abi/mman.js';
import type { AddressSpace } from '../mem/addrspace.js';
import { KERNEL_BASE, MMAP_TOP, PAGE_SIZE, USER_MIN, pageDown, pageUp } from '../mem/layout.js';
import type { SysContext } from './context.js';

const PROT_MASK = Prot.READ | Prot.WRITE | Prot.EXEC;
const HEAP_NAME = '[heap]';

/**
 * Moves the break to `requested` and returns the new break; on any failure (below the heap start, into
 * another region, past the user half, out of memory) returns the current break unchanged.
 */
export function brk(as: AddressSpace, requested: number): number {
  const want = requested >>> 0;
  if (want < as.brkStart || want >= MMAP_TOP) return as.brk;
  const oldTop = pageUp(as.brk);
  const newTop = pageUp(want);
  if (newTop > oldTop) {
    if (as.regions.overlaps(oldTop, newTop)) return as.brk;
    if (!as.addRegion(oldTop, newTop, Prot.READ | Prot.WRITE, 'heap', HEAP_NAME)) return as.brk;
  } else if (newTop < oldTop) {
    as.removeRange(newTop, oldTop);
  }
  as.brk = want;
  return want;
}

/** Pagoda's sbrk(increment) (a signed 32-bit increment): the old break, or -ENOMEM changing nothing. */
export function sbrk(as: AddressSpace, increment: number): number {
  const old = as.brk;
  const want = old + (increment | 0);
  if (want < as.brkStart || want > 0xffffffff) return -Errno.ENOMEM;
  return brk(as, want) === want ? old : -Errno.ENOMEM;
}

/**
 * mmap2 for anonymous private mappings: returns the address or -errno. EINVAL for length 0, unknown prot
 * bits, a missing/unknown mapping type or an unaligned MAP_FIXED address; ENODEV for file mappings; EEXIST
 * when MAP_FIXED_NOREPLACE meets a mapping; ENOMEM when no room or memory is left. Without MAP_FIXED the
 * address is a hint, used when that range is free.
 */
export function mmap(as: AddressSpace, addr: number, length: number, prot: number, flags: number): number {
  addr >>>= 0;
  length >>>= 0;
  if (length === 0 || (prot & ~PROT_MASK) !== 0) return -Errno.EINVAL;
  const type = flags & MapFlags.TYPE_MASK;
  if (type !== MapFlags.PRIVATE && type !== MapFlags.SHARED && type !== MapFlags.SHARED_VALIDATE) return -Errno.EINVAL;
  if ((flags & MapFlags.ANONYMOUS) === 0) return -Errno.ENODEV;
  const len = pageUp(length);
  if (len > KERNEL_BASE - USER_MIN) return -Errno.ENOMEM;
  const fixed = (flags & (MapFlags.FIXED | MapFlags.FIXED_NOREPLACE)) !== 0;
  let start: number;
  if (fixed) {
    if (addr % PAGE_SIZE !== 0) return -Errno.EINVAL;
    if (addr < USER_MIN || addr + len > KERNEL_BASE) return -Errno.ENOMEM;
    if (as.regions.overlaps(addr, addr + len)) {
      if (flags & MapFlags.FIXED_NOREPLACE) return -Errno.EEXIST;
      as.removeRange(addr, addr + len);
    }
    start = addr;
  } else {
    start = placeMapping(as, pageDown(addr), len);
    if (start < 0) return -Errno.ENOMEM;
  }
  return as.addRegion(start, start + len, prot, 'mmap', '') ? start : -Errno.ENOMEM;
}

/** Where a non-fixed mapping of `len` bytes goes: the hint if that range is free, else top down. */
function placeMapping(as: AddressSpace, hint: number, len: number): number {
  const floor = Math.max(pageUp(as.brk), USER_MIN);
  if (hint >= USER_MIN && hint + len <= MMAP_TOP && !as.regions.overlaps(hint, hint + len)) return hint;
  return as.regions.findGapTopDown(len, floor, MMAP_TOP);
}

/** munmap: 0, or EINVAL for an unaligned address, length 0 or a range leaving the user half. Unmapping a
 *  range with nothing in it succeeds. */
export function munmap(as: AddressSpace, addr: number, length: number): number {
  addr >>>= 0;
  length >>>= 0;
  if (addr % PAGE_SIZE !== 0 || length === 0) return -Errno.EINVAL;
  const end = pageUp(addr + length);
  if (end > KERNEL_BASE) return -Errno.EINVAL;
  as.removeRange(addr, end);
  return 0;
}

/** mprotect: 0, EINVAL for an unaligned address or unknown bits, ENOMEM when part of the range is unmapped. */
export function mprotect(as: AddressSpace, addr: number, length: number, prot: number): number {
  addr >>>= 0;
  length >>>= 0;
  if (addr % PAGE_SIZE !== 0 || (prot & ~PROT_MASK) !== 0) return -Errno.EINVAL;
  if (length === 0) return 0;
  const end = pageUp(addr + length);
  if (end > KERNEL_BASE) return -Errno.ENOMEM;
  if (!as.regions.covers(addr, end)) return -Errno.ENOMEM;
  as.protectRange(addr, end, prot);
  return 0;
}

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

