// One process's heap, block by block: the policy's walker chosen by what its libc registered (heap_register),
// then the mapped blocks. Reads memory through GuestPeek only (nothing faults in, nothing changes), so a walk
// can run at any time between instructions: from /proc/PID/heap, from the page's worker, from a test.

import { pageUp } from '../../../abi/pages.js';
import type { AddressSpace } from '../addrspace.js';
import { BlockBuilder, type HeapWalk } from './blocks.js';
import { walkBuddy } from './buddy.js';
import { readDescriptor, type HeapRegistration } from './descriptor.js';
import { walkDl } from './dl.js';
import { walkFit } from './fit.js';
import type { Span } from './lists.js';
import { scanMapped } from './mapped.js';
import { GuestPeek } from './peek.js';

/**
 * The blocks of the heap `space` holds, decoded with the descriptor `reg` names; a walk of policy 'none' with
 * no blocks when nothing was registered, and "corrupt at" findings (never an exception) for whatever in
 * memory does not add up.
 */
export function walkHeap(space: AddressSpace, reg: HeapRegistration | undefined): HeapWalk {
  const out = new BlockBuilder();
  const none = (): HeapWalk => ({ policy: 'none', start: 0, end: 0, blocks: out.finish(), corrupt: out.corrupt });
  if (!reg) return none();
  const peek = new GuestPeek(space);
  const d = readDescriptor(peek, reg.descVa, reg.policy);
  if (typeof d === 'string') {
    out.fail(reg.descVa, d);
    return none();
  }
  const area: Span = { start: space.brkStart >>> 0, end: pageUp(space.brk >>> 0) };
  const span = d.policy === 'dl' ? walkDl(peek, d, area, out)
    : d.policy === 'buddy' ? walkBuddy(peek, d, area, out)
      : walkFit(peek, d, area, out);
  scanMapped(peek, space.regions.all(), out);
  return { policy: d.policy, start: span.start, end: span.end, blocks: out.finish(), corrupt: out.corrupt };
}
