// The walk shared by the boundary-tag heaps — dl (userland/libc/malloc/dl.h) and the sequential-fit heap of
// first, next, best and quick (fit.h) — whose chunks have the same header:
//   p+0 prev_foot (the previous chunk's size when that one is free)   p+4 head = size | PINUSE 1 | CINUSE 2 | CACHE 4
//   a free chunk repeats its size in the next chunk's prev_foot; CACHE (dl's FAST, fit's F_QUICK) marks a chunk
//   parked in a cache list. Chunks run from *base to *top; the top chunk (*top_size bytes) ends the heap.
// Every header comes from memory the program can write, so each step checks the size before it moves: a
// bad one ends the walk with a "corrupt at" finding, and the walk makes at most WALK_LIMIT steps.

import { BlockState, ListKind, listCode, type BlockBuilder } from './blocks.js';
import type { HeapDescriptor } from './descriptor.js';
import { walkRings, walkStacks, type Membership, type Span } from './lists.js';
import type { GuestPeek } from './peek.js';

const PINUSE = 1;
const CINUSE = 2;
const CACHE = 4;
const MIN_CHUNK = 16;

/** What distinguishes one boundary-tag policy's walk from another's. */
export interface TaggedLayout {
  /** The list kind of ring i (dl: bin i; fit: its one list). */
  ringKind: ListKind;
  /** The list kind of cache i (dl: fast; quick: quick). */
  stackKind: ListKind;
  /** dl marks an in-use chunk covering a hole in the heap with this first payload word (0: no gaps). */
  gapMagic: number;
}

/**
 * Walks the boundary-tag heap `d` describes, pushing its chunks and top to `out`; `area` is the break area
 * ([brk start, page-rounded break)) that every chunk must lie in. Returns the heap's span.
 */
export function walkTagged(peek: GuestPeek, d: HeapDescriptor, layout: TaggedLayout, area: Span, out: BlockBuilder): Span {
  const base = peek.u32(d.baseVar);
  const top = peek.u32(d.topVar);
  const topSize = peek.u32(d.topSizeVar);
  if (base === 0) return { start: 0, end: 0 };
  const end = top + topSize;
  if (base < area.start || top < base || end > area.end || (base & 7) !== 0 || (top & 7) !== 0) {
    out.fail(base, `heap bounds 0x${base.toString(16)}..0x${end.toString(16)} are outside the break area`);
    return { start: base, end: base };
  }
  const span = [{ start: base, end }];
  const rings: Membership = new Map();
  const stacks: Membership = new Map();
  walkRings(peek, d.rings, d.ringCount, d.ringStride, span, (i) => listCode(layout.ringKind, i), rings, out);
  walkStacks(peek, d.stacks, d.stackCount, d.stackStride, span, (i) => listCode(layout.stackKind, i), stacks, out);
  let p = base;
  let prevInUse = true;
  while (p < top) {
    const head = peek.u32(p + 4);
    const size = (head & ~7) >>> 0;
    if (size < MIN_CHUNK || p + size > top) {
      out.fail(p, `chunk size ${size} is out of range (heap ends at 0x${top.toString(16)})`);
      return { start: base, end };
    }
    const inUse = (head & CINUSE) !== 0;
    if (((head & PINUSE) !== 0) !== prevInUse) out.fail(p, 'previous-in-use bit disagrees with the previous chunk');
    if (!classify(peek, p, head, size, layout, rings, stacks, out)) return { start: base, end };
    prevInUse = inUse;
    p += size;
  }
  if (((peek.u32(top + 4) & PINUSE) !== 0) !== prevInUse) out.fail(top, 'top chunk\'s previous-in-use bit disagrees');
  out.push(top, topSize, BlockState.TOP, 0);
  for (const [addr] of rings) out.fail(addr, 'free list member is not a free chunk');
  for (const [addr] of stacks) out.fail(addr, 'cache list member is not a cached chunk');
  return { start: base, end };
}

/** Pushes chunk p with its state and list, taking it out of `rings`/`stacks`; false once the builder is full. */
function classify(
  peek: GuestPeek, p: number, head: number, size: number, layout: TaggedLayout,
  rings: Membership, stacks: Membership, out: BlockBuilder,
): boolean {
  if ((head & CINUSE) === 0) {
    if (peek.u32(p + size) !== size) out.fail(p, 'free chunk\'s footer differs from its size');
    if (head & CACHE) out.fail(p, 'free chunk carries the cache flag');
    const list = rings.get(p);
    if (list === undefined) out.fail(p, 'free chunk is on no free list');
    rings.delete(p);
    return out.push(p, size, BlockState.FREE, list ?? 0);
  }
  if (head & CACHE) {
    const list = stacks.get(p);
    if (list === undefined) out.fail(p, 'cached chunk is on no cache list');
    stacks.delete(p);
    return out.push(p, size, BlockState.CACHED, list ?? 0);
  }
  if (layout.gapMagic !== 0 && peek.u32(p + 8) === layout.gapMagic) return out.push(p, size, BlockState.GAP, 0);
  return out.push(p, size, BlockState.USED, 0);
}
