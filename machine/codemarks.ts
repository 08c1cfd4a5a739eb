// Which physical frames hold code: one mark per 4 KiB frame of RAM, set when the CPU fetches from the frame.
// Marks belong to frames, not to address spaces, so they survive satp writes: a frame's bytes do not change
// when the page tables do. Whoever keeps something derived from guest code (a block translator) listens, and
// is told the frame number each time a marked frame is written, by either kind of writer:
//   - the CPU: a store into a marked frame is reported and the mark stays (the program rewrites code it runs).
//     The MMU never caches a store translation for a marked frame, so each such store takes the slow path.
//   - anyone else (the kernel zeroing, copying, loading or copyOut-ing, a debugger): written(pa, len), the one
//     door. Marked frames in the range are reported and unmarked, and fetch translations are dropped, so the
//     next fetch from such a frame goes through the MMU and marks it again.
// Two invariants follow, and the MMU relies on them: no store TLB entry maps a marked frame, and every fetch
// TLB entry maps a marked frame. Page-table walks (A/D updates) are not reported: page-table frames are
// never mapped for user access, so the CPU never fetches from them.

import { pageNumber } from '../abi/pages.js';
import { PAGE_SIZE } from '../abi/riscv.js';
import type { Tlb } from './tlb.js';

/** Told the frame number (pa >>> 12) of a marked frame that was just written or is about to be. */
export type CodeWriteListener = (frame: number) => void;

export class CodeMarks {
  /** 1 for a frame the CPU has fetched from since anything but the CPU last wrote it. */
  private readonly marks: Uint8Array;
  /** Who hears of writes to marked frames (tests, views); none by default. */
  listener: CodeWriteListener | undefined = undefined;
  /** The translator (machine/jit/), told the same, and whether the CPU itself is the writer. */
  translator: ((frame: number, byCpu: boolean) => void) | undefined = undefined;

  /** Marks for every frame of `ramBytes` of RAM, all clear; `tlb` is the hart's, kept to the invariants. */
  constructor(ramBytes: number, private readonly tlb: Tlb) {
    this.marks = new Uint8Array(Math.ceil(ramBytes / PAGE_SIZE));
  }

  /** True when frame number `frame` holds code the CPU has fetched. */
  holdsCode(frame: number): boolean {
    return this.marks[frame] === 1;
  }

  /** The marked frames' numbers, in ascending order (for tests and views; not for hot paths). */
  markedFrames(): number[] {
    const out: number[] = [];
    for (let f = 0; f < this.marks.length; f++) if (this.marks[f]) out.push(f);
    return out;
  }

  /** MMU, refilling a fetch translation for `frame`: marks it, and drops store translations that reach it. */
  fetched(frame: number): void {
    if (this.marks[frame]) return;
    this.marks[frame] = 1;
    this.tlb.dropStoresTo(frame);
  }

  /**
   * MMU, refilling a store translation for `frame`: true when the frame is marked (the store is reported now,
   * and the translation must not be cached). A report may precede a store that then faults on its second
   * page: reports can be spurious, never missing.
   */
  storing(frame: number): boolean {
    if (!this.marks[frame]) return false;
    if (this.translator) this.translator(frame, true);
    if (this.listener) this.listener(frame);
    return true;
  }

  /**
   * The one door for every writer but the CPU: bytes [pa, pa+len) of RAM changed (or their frame was freed).
   * Each marked frame in the range is reported and unmarked; fetch translations are then dropped so that the
   * CPU marks a frame again when it next runs code from it.
   */
  written(pa: number, len: number): void {
    if (len <= 0) return;
    const last = Math.min(pageNumber(pa + len - 1), this.marks.length - 1);
    let unmarked = false;
    for (let f = pageNumber(pa); f <= last; f++) {
      if (!this.marks[f]) continue;
      this.marks[f] = 0;
      unmarked = true;
      if (this.translator) this.translator(f, false);
      if (this.listener) this.listener(f);
    }
    if (unmarked) this.tlb.dropFetches();
  }
}
