// Where things live, physical and virtual.
//
// Physical (chunk 0 is the kernel's from boot):
//   0x00000000  chunk 0: page 0 unused, page 1 the chunk map (one byte per 2 MiB chunk), rest reserved
//   0x00200000  chunk 1 ... chunk N-1: handed out by allocChunks(), top down; frames are carved from them
//
// Virtual, per process (shared/ARCHITECTURE.md "User address space"):
//   0x00000000-0x00000fff  never mapped (NULL guard)
//   0x00010000             ELF PT_LOAD segments, then the heap (break) growing up
//   ...                    mmap regions, placed top down from MMAP_TOP
//   MMAP_TOP               guard page, then the stack's 8 MiB reservation
//   0xc0000000             STACK_TOP; the kernel half above is never user-accessible

import { PAGE_SIZE } from '../../abi/riscv.js';
import { CHUNK_SIZE } from '../../machine/ram.js';

export { PAGE_SIZE, CHUNK_SIZE };
export const FRAMES_PER_CHUNK = CHUNK_SIZE / PAGE_SIZE;

/** Physical address of the chunk map inside chunk 0. */
export const CHUNK_MAP_PA = 0x1000;

export { USER_MIN, KERNEL_BASE, STACK_TOP, STACK_LIMIT_BYTES } from '../../abi/memlayout.js';
import { STACK_TOP, STACK_LIMIT_BYTES } from '../../abi/memlayout.js';
/** Lowest address the stack may reach. */
export const STACK_FLOOR = STACK_TOP - STACK_LIMIT_BYTES;
/** mmap regions are placed top down from here, leaving a guard page under the stack's reservation. */
export const MMAP_TOP = STACK_FLOOR - PAGE_SIZE;

/** Page rounding lives with the rest of the page arithmetic in abi/pages.ts; re-exported for kernel/mem. */
export { pageDown, pageUp } from '../../abi/pages.js';
