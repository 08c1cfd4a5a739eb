// The free lists and caches of a heap, walked from their heads (heap_desc.h): which list each free block is on.
// Links come from memory the program can scribble on, so each step is checked (aligned, inside the heap, the
// back link agreeing) and each walk ends at WALK_LIMIT members or at the first address seen twice.

import { WALK_LIMIT, type BlockBuilder } from './blocks.js';
import type { GuestPeek } from './peek.js';

/** Where a list's links may point: the blocks' span (an address range). */
export interface Span {
  start: number;
  end: number;
}

/** Member address -> the list code (blocks.ts listCode) of the list it was found on. */
export type Membership = Map<number, number>;

function inSpans(spans: readonly Span[], a: number): boolean {
  for (let i = 0; i < spans.length; i++) if (a >= spans[i].start && a < spans[i].end) return true;
  return false;
}

/**
 * Walks `count` circular doubly-linked lists whose heads are `stride` bytes apart from `heads` (forward link
 * at +8, back link at +12; a head whose forward link is 0 was never used), adding each member to `into` with
 * `code(i)`. Bad links are reported to `out` and end that list.
 */
export function walkRings(
  peek: GuestPeek, heads: number, count: number, stride: number, spans: readonly Span[],
  code: (i: number) => number, into: Membership, out: BlockBuilder,
): void {
  for (let i = 0; i < count; i++) {
    const head = (heads + i * stride) >>> 0;
    let prev = head;
    let q = peek.u32(head + 8);
    if (q === 0) continue;
    while (q !== head) {
      if ((q & 7) !== 0 || !inSpans(spans, q)) { out.fail(prev, `free list link to 0x${q.toString(16)} leaves the heap`); break; }
      if (peek.u32(q + 12) !== prev) { out.fail(q, 'free list back link is broken'); break; }
      if (into.has(q)) { out.fail(q, 'free list loops'); break; }
      if (into.size >= WALK_LIMIT) { out.fail(q, 'free lists do not end'); return; }
      into.set(q, code(i));
      prev = q;
      q = peek.u32(q + 8);
    }
  }
}

/**
 * Walks `count` singly-linked lists whose first members' addresses are `stride` bytes apart from `heads`
 * (each member's next at +8, 0 ends), as walkRings does.
 */
export function walkStacks(
  peek: GuestPeek, heads: number, count: number, stride: number, spans: readonly Span[],
  code: (i: number) => number, into: Membership, out: BlockBuilder,
): void {
  for (let i = 0; i < count; i++) {
    let prev = (heads + i * stride) >>> 0;
    let q = peek.u32(prev);
    while (q !== 0) {
      if ((q & 7) !== 0 || !inSpans(spans, q)) { out.fail(prev, `cache link to 0x${q.toString(16)} leaves the heap`); break; }
      if (into.has(q)) { out.fail(q, 'cache list loops'); break; }
      if (into.size >= WALK_LIMIT) { out.fail(q, 'cache lists do not end'); return; }
      into.set(q, code(i));
      prev = q;
      q = peek.u32(q + 8);
    }
  }
}
