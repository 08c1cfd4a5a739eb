// Blocks with a mapping of their own (requests of MALLOC_MMAP_THRESHOLD bytes and more), found without any
// list: each starts an anonymous mapping S whose first word is a magic number xor S.
//   dl (dl.h):           S+0 MMAP_MAGIC ^ S; the chunk at S+off has prev_foot off | 1 and head (len - off) | CINUSE
//   others (bigchunk.h): S+0 MMAP_WORD ^ S; the user pointer m has m-8 = m - S and m-4 = len | BIG_TAG (4)
// So the scan reads the first word of each page of the anonymous regions (absent pages read as zero and match
// nothing) and, on a match, finds the header a few words on, then skips the whole mapping.

import { pageUp } from '../../../abi/pages.js';
import type { Region } from '../region.js';
import { BlockState, type BlockBuilder } from './blocks.js';
import type { GuestPeek } from './peek.js';

const MMAP_MAGIC = 0x6d6d6170;
const MMAP_WORD = 0x42696721;
const BIG_TAG = 4;
/** How far into a mapping the header of an aligned block may sit (dl accepts offsets up to 16 pages). */
const MAX_HEADER_OFFSET = 16 * 4096;
const PAGE = 4096;

/** The mapping length of a block starting at S, or 0 when S starts none (or its header is not believable). */
function mappingLength(peek: GuestPeek, s: number, regionEnd: number): number {
  const first = peek.u32(s);
  if (first === ((MMAP_MAGIC ^ s) >>> 0)) {
    for (let off = 8; off <= MAX_HEADER_OFFSET && s + off + 8 <= regionEnd; off += 8) {
      if (peek.u32(s + off) !== (off | 1)) continue;
      const len = off + ((peek.u32(s + off + 4) & ~7) >>> 0);
      return len > off && s + len <= regionEnd ? len : 0;
    }
  } else if (first === ((MMAP_WORD ^ s) >>> 0)) {
    for (let off = 16; off <= MAX_HEADER_OFFSET && s + off <= regionEnd; off += 8) {
      const tag = peek.u32(s + off - 4);
      if (peek.u32(s + off - 8) !== off || (tag & 7) !== BIG_TAG) continue;
      const len = (tag & ~7) >>> 0;
      return len > off && s + len <= regionEnd ? len : 0;
    }
  }
  return 0;
}

/** Pushes every mapped block found in `regions`' anonymous mappings to `out`; returns how many. */
export function scanMapped(peek: GuestPeek, regions: readonly Region[], out: BlockBuilder): number {
  let found = 0;
  for (const r of regions) {
    if (r.kind !== 'mmap' || r.name !== '') continue;
    for (let s = r.start; s < r.end;) {
      if (!peek.resident(s)) { s += PAGE; continue; }
      const len = mappingLength(peek, s, r.end);
      if (len === 0) { s += PAGE; continue; }
      if (!out.push(s, len, BlockState.MMAPPED, 0)) return found;
      found++;
      s += pageUp(len);
    }
  }
  return found;
}
