// A process's regions: non-overlapping page-aligned ranges, each with permissions (PROT_*), a kind and a
// name, kept sorted by address. The address space keeps its page tables in agreement with this list.
// Adjacent regions of the same kind, permissions and name merge, so an mprotect undone leaves one region.

import { Prot } from '../../abi/mman.js';
import { panic, hex8 } from '../panic.js';
import { PAGE_SIZE } from './layout.js';

export type RegionKind = 'text' | 'rodata' | 'data' | 'bss' | 'heap' | 'mmap' | 'stack';

export interface Region {
  /** First address (page aligned). */
  start: number;
  /** One past the last address (page aligned, start < end <= 2^32). */
  end: number;
  /** PROT_READ | PROT_WRITE | PROT_EXEC bits. */
  prot: number;
  kind: RegionKind;
  /** A path for file-backed regions, '[heap]', '[stack]', or '' (anonymous). */
  name: string;
}

/** `rwxp` the way /proc/PID/maps prints permissions. */
export function protString(prot: number): string {
  return (prot & Prot.READ ? 'r' : '-') + (prot & Prot.WRITE ? 'w' : '-') + (prot & Prot.EXEC ? 'x' : '-') + 'p';
}

const mergeable = (a: Region, b: Region): boolean =>
  a.end === b.start && a.kind === b.kind && a.prot === b.prot && a.name === b.name;

export class RegionList {
  private readonly list: Region[] = [];

  /** The regions in address order (read-only view; copy before mutating the list while iterating). */
  all(): readonly Region[] { return this.list; }
  get size(): number { return this.list.length; }

  /** Index of the first region whose end is above `va`. */
  private lowerBound(va: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[mid].end <= va) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The region holding address `va`, if any. */
  find(va: number): Region | undefined {
    const r = this.list[this.lowerBound(va)];
    return r && r.start <= va ? r : undefined;
  }

  /** True when some region intersects [start, end). */
  overlaps(start: number, end: number): boolean {
    const r = this.list[this.lowerBound(start)];
    return !!r && r.start < end;
  }

  /** True when [start, end) is entirely covered by regions, without holes. */
  covers(start: number, end: number): boolean {
    let at = start;
    for (let i = this.lowerBound(start); i < this.list.length && at < end; i++) {
      const r = this.list[i];
      if (r.start > at) return false;
      at = r.end;
    }
    return at >= end;
  }

  /** Adds `r`, merging it with equal neighbours. Requires page alignment and no overlap (panic otherwise). */
  insert(r: Region): void {
    if (r.start % PAGE_SIZE !== 0 || r.end % PAGE_SIZE !== 0 || r.start >= r.end) {
      panic(`RegionList.insert: bad range ${hex8(r.start)}-${hex8(r.end)}`);
    }
    if (this.overlaps(r.start, r.end)) panic(`RegionList.insert: overlap at ${hex8(r.start)}-${hex8(r.end)}`);
    const i = this.lowerBound(r.start);
    this.list.splice(i, 0, { ...r });
    this.mergeAround(i);
  }

  /** Merges the region at index `i` with equal neighbours on both sides. */
  private mergeAround(i: number): void {
    if (i + 1 < this.list.length && mergeable(this.list[i], this.list[i + 1])) {
      this.list[i].end = this.list[i + 1].end;
      this.list.splice(i + 1, 1);
    }
    if (i > 0 && mergeable(this.list[i - 1], this.list[i])) {
      this.list[i - 1].end = this.list[i].end;
      this.list.splice(i, 1);
    }
  }

  /** Splits the region holding `va` (if any, and if `va` is inside it) into two at `va`. */
  private splitAt(va: number): void {
    const i = this.lowerBound(va);
    const r = this.list[i];
    if (!r || r.start >= va) return;
    this.list.splice(i + 1, 0, { ...r, start: va });
    r.end = va;
  }

  /**
   * Removes [start, end) from every region it touches, splitting regions that stick out, and returns the
   * removed pieces in address order (empty when nothing was there).
   */
  remove(start: number, end: number): Region[] {
    this.splitAt(start);
    this.splitAt(end);
    const i = this.lowerBound(start);
    let j = i;
    while (j < this.list.length && this.list[j].start < end) j++;
    return this.list.splice(i, j - i);
  }

  /**
   * Sets the permissions of [start, end) to `prot`, splitting at the edges and merging equal neighbours
   * afterwards. Requires the range to be fully covered (callers check covers() first).
   */
  protect(start: number, end: number, prot: number): void {
    this.splitAt(start);
    this.splitAt(end);
    const first = this.lowerBound(start);
    let last = first;
    for (; last < this.list.length && this.list[last].start < end; last++) this.list[last].prot = prot;
    for (let k = Math.min(last, this.list.length - 1); k >= Math.max(first - 1, 0); k--) this.mergeAround(k);
  }

  /** The highest page-aligned `a` with [a, a+len) free of regions, lo <= a and a+len <= hi; -1 when none. */
  findGapTopDown(len: number, lo: number, hi: number): number {
    let top = hi;
    for (let i = Math.min(this.lowerBound(hi), this.list.length - 1); i >= 0; i--) {
      const r = this.list[i];
      if (r.start >= top) continue;
      if (top - Math.max(r.end, lo) >= len) return top - len;
      top = r.start;
      if (top - lo < len) return -1;
    }
    return top - lo >= len ? top - len : -1;
  }

  /** Removes every region and returns them. */
  clear(): Region[] { return this.list.splice(0, this.list.length); }
}
