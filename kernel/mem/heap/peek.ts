// Reading a process's memory the way a debugger looks at it, for the heap walkers: through its page tables in
// RAM, without faulting pages in, without copy-on-write breaks and without touching the A/D bits (the MMU's
// walk is not involved). A page with no frame yet reads as the zeros it would be given on first touch; so does
// anything outside the user half. Never throws: every address is a number below 2^32 and every read is bounded.

import { pageNumber, pageOffset, ptePa } from '../../../abi/pages.js';
import { Pte } from '../../../abi/riscv.js';
import type { AddressSpace } from '../addrspace.js';
import { KERNEL_BASE } from '../layout.js';

export class GuestPeek {
  /** The last page translated (a heap walk reads the same page many times in a row). */
  private cachedPage = -1;
  private cachedPa = -1;

  constructor(private readonly space: AddressSpace) {}

  /** Physical address of the page holding `va`, or -1 when it has no frame (or is not a user address). */
  private pageFrame(va: number): number {
    const page = pageNumber(va);
    if (page === this.cachedPage) return this.cachedPa;
    let pa = -1;
    if (va < KERNEL_BASE) {
      const pte = this.space.pageTable.lookup(va);
      if ((pte & Pte.V) !== 0) pa = ptePa(pte);
    }
    this.cachedPage = page;
    this.cachedPa = pa;
    return pa;
  }

  /** True when the page holding `va` has a frame (was touched, or filled by the loader). */
  resident(va: number): boolean { return this.pageFrame(va >>> 0) >= 0; }

  /** The little-endian word at `va` (unsigned); 0 for a page without a frame. `va` is rounded down to 4. */
  u32(va: number): number {
    va = (va & ~3) >>> 0;
    const pa = this.pageFrame(va);
    return pa < 0 ? 0 : this.space.ram.i32[(pa + pageOffset(va)) >>> 2] >>> 0;
  }
}
