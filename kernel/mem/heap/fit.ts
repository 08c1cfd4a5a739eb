// The sequential-fit heap of the first, next and best policies (userland/libc/malloc/fit.h): boundary tags as
// dl's and ONE free list (the policies differ only in how they search it, which leaves no trace in memory).
// quick is the same heap with its exact-size quick lists in front (cache i holds chunks of 8 * i bytes).

import { ListKind, type BlockBuilder } from './blocks.js';
import type { HeapDescriptor } from './descriptor.js';
import type { Span } from './lists.js';
import type { GuestPeek } from './peek.js';
import { walkTagged, type TaggedLayout } from './tagged.js';

const FIT_LAYOUT: TaggedLayout = { ringKind: ListKind.LIST, stackKind: ListKind.QUICK, gapMagic: 0 };

/** Walks a first/next/best/quick heap (see walkTagged). */
export function walkFit(peek: GuestPeek, d: HeapDescriptor, area: Span, out: BlockBuilder): Span {
  return walkTagged(peek, d, FIT_LAYOUT, area, out);
}
