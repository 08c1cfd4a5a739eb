// The virtual address space drawn to scale on a log axis: the 4 GiB are cut into spans — each region, the gaps
// between them, the NULL guard at 0 and the kernel half at 0xc0000000 — and each span gets a height that grows
// with log2 of its size, so a 4 KiB guard page and a 3 GiB gap are both visible and still ordered by size.
// Pure layout; vmap-view.ts draws it.

import { KERNEL_BASE, PAGE_SIZE } from '../kernel/mem/layout.js';
import type { RegionView } from './memview-model.js';

export type SpanKind = RegionView['kind'] | 'gap' | 'guard' | 'null-guard' | 'kernel-half';

export interface Span {
  start: number;
  /** One past the end (may be 2^32). */
  end: number;
  kind: SpanKind;
  /** The region, for region spans. */
  region?: RegionView;
  /** Height in pixels (log scale). */
  height: number;
}

/** Pixels per doubling of size above one page, and the smallest span height. */
export const PX_PER_OCTAVE = 4;
export const MIN_SPAN_PX = 10;
const FOUR_GIB = 2 ** 32;
/** The NULL guard: the lowest page, never mapped (ARCHITECTURE.md "User address space"). */
const NULL_GUARD_END = PAGE_SIZE;

/** Height of a span of `bytes`: MIN_SPAN_PX for a page, PX_PER_OCTAVE more per doubling. */
export function spanHeight(bytes: number): number {
  return Math.round(MIN_SPAN_PX + PX_PER_OCTAVE * Math.log2(Math.max(1, bytes / PAGE_SIZE)));
}

function gap(start: number, end: number): Span {
  const kind: SpanKind = end - start <= PAGE_SIZE ? 'guard' : 'gap';
  return { start, end, kind, height: spanHeight(end - start) };
}

/** Spans covering [0, 2^32) in address order (lowest first) for `regions` (sorted, non-overlapping). */
export function layoutSpans(regions: readonly RegionView[]): Span[] {
  const spans: Span[] = [{ start: 0, end: NULL_GUARD_END, kind: 'null-guard', height: spanHeight(NULL_GUARD_END) }];
  let at = NULL_GUARD_END;
  for (const r of regions) {
    if (r.start > at) spans.push(gap(at, r.start));
    spans.push({ start: r.start, end: r.end, kind: r.kind, region: r, height: spanHeight(r.end - r.start) });
    at = Math.max(at, r.end);
  }
  if (at < KERNEL_BASE) spans.push(gap(at, KERNEL_BASE));
  spans.push({ start: KERNEL_BASE, end: FOUR_GIB, kind: 'kernel-half', height: spanHeight(FOUR_GIB - KERNEL_BASE) });
  return spans;
}

/** A size the way pmap prints it: 4K, 132K, 8M, 3G (binary units, rounded down). */
export function formatSize(bytes: number): string {
  const units = ['K', 'M', 'G'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1 && v % 1024 === 0) { v /= 1024; u++; }
  if (v >= 10240 && u < units.length - 1) { v = Math.floor(v / 1024); u++; }
  return `${Math.floor(v)}${units[u]}`;
}
