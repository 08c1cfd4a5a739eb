// The figures /proc/PID/heap and the heap panel put first: bytes in use and free, the largest free block,
// external fragmentation, and how many blocks of each size class are used and free.
//   in use         used + mmapped blocks (the whole block, header included, as mallinfo's uordblks counts)
//   free           free blocks + the top chunk (memory a request of any size could be served from)
//   cached         blocks parked in dl's fast lists / quick's lists (free to the program, not coalesced)
//   fragmentation  1 - largest free / free, in percent (0 when nothing is free): how far the free memory
//                  is from being one block

import { BlockState, type HeapBlocks } from './blocks.js';

/** Size classes: block sizes up to 16, 32, ... 2^30 bytes; class i holds sizes in (2^(i+3), 2^(i+4)]. */
export const sizeClassOf = (size: number): number => Math.max(0, Math.ceil(Math.log2(Math.max(size, 1))) - 4);
export const sizeClassLimit = (cls: number): number => 2 ** (cls + 4);

export interface HeapSummary {
  /** Blocks by state (index BlockState). */
  counts: number[];
  inUseBytes: number;
  freeBytes: number;
  cachedBytes: number;
  largestFree: number;
  /** External fragmentation in percent, 0..100. */
  fragmentation: number;
  /** Per size class (index sizeClassOf): used (used + mmapped) and free (free + top) block counts. */
  classUsed: number[];
  classFree: number[];
}

/** The summary of `b`. */
export function summarize(b: HeapBlocks): HeapSummary {
  const s: HeapSummary = {
    counts: [0, 0, 0, 0, 0, 0], inUseBytes: 0, freeBytes: 0, cachedBytes: 0, largestFree: 0, fragmentation: 0,
    classUsed: [], classFree: [],
  };
  const bump = (a: number[], i: number): void => {
    while (a.length <= i) a.push(0);
    a[i]++;
  };
  for (let i = 0; i < b.count; i++) {
    const size = b.size[i];
    const state = b.state[i] as BlockState;
    s.counts[state]++;
    if (state === BlockState.USED || state === BlockState.MMAPPED) {
      s.inUseBytes += size;
      bump(s.classUsed, sizeClassOf(size));
    } else if (state === BlockState.FREE || state === BlockState.TOP) {
      s.freeBytes += size;
      if (size > s.largestFree) s.largestFree = size;
      bump(s.classFree, sizeClassOf(size));
    } else if (state === BlockState.CACHED) {
      s.cachedBytes += size;
    }
  }
  const n = Math.max(s.classUsed.length, s.classFree.length);
  while (s.classUsed.length < n) s.classUsed.push(0);
  while (s.classFree.length < n) s.classFree.push(0);
  s.fragmentation = s.freeBytes > 0 ? 100 * (1 - s.largestFree / s.freeBytes) : 0;
  return s;
}
