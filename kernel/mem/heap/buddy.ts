// The buddy policy's heap (userland/libc/malloc/buddy.c): segments of 64 KiB roots; a block of order k is 2^k
// bytes at an offset from *base that is a multiple of 2^k, with an 8-byte header whose word 1 is
// 0x5b000000 | order << 3 | state (1 used, 2 free, 3 memalign's inner header, never at a block's start).
// Free blocks are on order list k (ring k of the descriptor). No top chunk.

import { BlockState, ListKind, listCode, type BlockBuilder } from './blocks.js';
import type { HeapDescriptor } from './descriptor.js';
import { walkRings, type Membership, type Span } from './lists.js';
import type { GuestPeek } from './peek.js';

const MAGIC = 0x5b000000;
const MAGIC_MASK = 0xff000000;
const MIN_ORDER = 4;
const ROOT_ORDER = 16;
const MAX_SEGMENTS = 32;

/** The heap's segments, checked to be root-aligned ranges inside the break area; [] (with a finding) if not. */
function readSegments(peek: GuestPeek, d: HeapDescriptor, area: Span, out: BlockBuilder): Span[] {
  const n = peek.u32(d.segmentCountVar);
  if (n > MAX_SEGMENTS) {
    out.fail(d.segmentCountVar, `segment count ${n} is over ${MAX_SEGMENTS}`);
    return [];
  }
  const segs: Span[] = [];
  for (let i = 0; i < n; i++) {
    const start = peek.u32(d.segments + 8 * i);
    const end = peek.u32(d.segments + 8 * i + 4);
    if (start >= end || start < area.start || end > area.end || (start | end) % (1 << ROOT_ORDER) !== 0) {
      out.fail(d.segments + 8 * i, `segment 0x${start.toString(16)}..0x${end.toString(16)} is not a row of roots in the break area`);
      return [];
    }
    segs.push({ start, end });
  }
  return segs;
}

/** Walks a buddy heap, pushing its blocks to `out`; returns the span from the first segment to the last. */
export function walkBuddy(peek: GuestPeek, d: HeapDescriptor, area: Span, out: BlockBuilder): Span {
  const base = peek.u32(d.baseVar);
  const segs = readSegments(peek, d, area, out);
  if (segs.length === 0) return { start: 0, end: 0 };
  const free: Membership = new Map();
  walkRings(peek, d.rings, d.ringCount, d.ringStride, segs, (i) => listCode(ListKind.ORDER, i), free, out);
  // Where a segment's walk had to stop: list members past that point were not reached, not wrong.
  const unreached: Span[] = [];
  for (const s of segs) {
    for (let p = s.start; p < s.end;) {
      const tag = peek.u32(p + 4);
      const order = (tag >>> 3) & 31;
      const state = tag & 7;
      const size = 2 ** order;
      if (((tag & MAGIC_MASK) >>> 0) !== MAGIC || order < MIN_ORDER || order > ROOT_ORDER || (p - base) % size !== 0
        || p + size > s.end || (state !== 1 && state !== 2)) {
        out.fail(p, `block header 0x${tag.toString(16).padStart(8, '0')} is not a buddy block's`);
        unreached.push({ start: p, end: s.end });
        break;
      }
      if (state === 2) {
        const list = free.get(p);
        if (list !== listCode(ListKind.ORDER, order)) out.fail(p, `free block of order ${order} is not on order list ${order}`);
        free.delete(p);
      } else if (free.has(p)) {
        out.fail(p, 'block in use is on a free list');
        free.delete(p);
      }
      if (!out.push(p, size, state === 2 ? BlockState.FREE : BlockState.USED, listCode(ListKind.ORDER, order))) break;
      p += size;
    }
  }
  for (const [addr] of free) {
    if (!unreached.some((u) => addr >= u.start && addr < u.end)) out.fail(addr, 'order list member is not a free block');
  }
  return { start: segs[0].start, end: segs[segs.length - 1].end };
}
