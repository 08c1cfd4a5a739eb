// Where a mapping the kernel places goes (mmap without MAP_FIXED). The rule that makes placement safe is one
// window: [floor, MMAP_TOP), where floor is the page above the break and MMAP_TOP keeps the stack's whole
// growth range (8 MiB) and Linux's guard gap (256 pages) below it out of reach. A hint is honoured only when
// the mapping fits entirely inside that window and touches no region; otherwise the search runs top down in
// the same window. So no placed mapping can overlap a region, the heap's base, the stack, or the room the
// stack may still grow into — whatever the hint. (MAP_FIXED is the caller's choice and does not come here.)

import type { AddressSpace } from './addrspace.js';
import { MMAP_TOP, USER_MIN, pageDown, pageUp } from './layout.js';

/** The window placed mappings must fit in: [lo, hi). */
export function placementWindow(as: AddressSpace): { lo: number; hi: number } {
  return { lo: Math.max(pageUp(as.brk), USER_MIN), hi: MMAP_TOP };
}

/**
 * The address for a non-fixed mapping of `len` bytes (page multiple, > 0) with hint `hint` (any value): the
 * page-aligned hint when [hint, hint+len) lies in the window and is free, else the highest free range of the
 * window; -1 when none is left.
 */
export function placeMapping(as: AddressSpace, hint: number, len: number): number {
  const { lo, hi } = placementWindow(as);
  const at = pageDown(hint >>> 0);
  if (at >= lo && at + len <= hi && !as.regions.overlaps(at, at + len)) return at;
  return as.regions.findGapTopDown(len, lo, hi);
}
