// The dl policy's heap (userland/libc/malloc/dl.h): boundary tags, 160 bins (ring i is bin i), fast lists in
// front (cache i holds chunks of 8 * i bytes), gap chunks where the break moved behind the allocator's back.

import { ListKind, type BlockBuilder } from './blocks.js';
import type { HeapDescriptor } from './descriptor.js';
import type { Span } from './lists.js';
import type { GuestPeek } from './peek.js';
import { walkTagged, type TaggedLayout } from './tagged.js';

/** dl.h GAP_MAGIC: the first payload word of a pseudo-chunk covering a hole. */
const GAP_MAGIC = 0x67617021;

const DL_LAYOUT: TaggedLayout = { ringKind: ListKind.BIN, stackKind: ListKind.FAST, gapMagic: GAP_MAGIC };

/** Walks a dl heap (see walkTagged). */
export function walkDl(peek: GuestPeek, d: HeapDescriptor, area: Span, out: BlockBuilder): Span {
  return walkTagged(peek, d, DL_LAYOUT, area, out);
}
