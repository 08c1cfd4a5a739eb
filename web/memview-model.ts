// What the live memory views show, computed from the kernel's own objects (in the worker, between slices):
//   the chunk map with each used chunk classified by what its frames hold — kernel, page tables, user frames —
//   and for every live process its regions with the pages resident in each and their /proc/PID/maps lines.
// The chunk map only knows free/used and the frame allocator only counts, so the classification walks each
// process's page tables in RAM as the MMU would: the root and second-level tables are page-table frames, the
// leaves' frames are user frames; used frames that neither explains are the kernel's.

import { pagesIn, ptePa } from '../abi/pages.js';
import { Pte } from '../abi/riscv.js';
import type { Kernel } from '../kernel/kernel.js';
import type { AddressSpace } from '../kernel/mem/addrspace.js';
import { ChunkState } from '../kernel/mem/chunks.js';
import { CHUNK_SIZE, FRAMES_PER_CHUNK } from '../kernel/mem/layout.js';
import { mapsLine } from '../kernel/mem/maps.js';
import type { RegionKind } from '../kernel/mem/region.js';
import type { PerfCounts } from '../kernel/perf/session.js';

/** What a chunk cell shows. */
export const enum ChunkKind {
  FREE = 0,
  /** Chunk 0, or a used chunk none of whose frames a process's page tables reach. */
  KERNEL = 1,
  /** More of its frames are page-table pages than user pages. */
  PAGE_TABLES = 2,
  /** Holds user frames (at least as many as page-table pages). */
  USER = 3,
}

export const CHUNK_KIND_NAMES = ['free', 'kernel', 'page tables', 'user frames'] as const;

export interface ChunkCounts {
  free: number;
  kernel: number;
  pageTables: number;
  user: number;
}

export interface FrameCounts {
  /** Frames handed out (all kinds). */
  used: number;
  pageTables: number;
  user: number;
  /** Used frames that are neither (kernel structures). */
  kernel: number;
}

export interface RegionView {
  start: number;
  end: number;
  prot: number;
  kind: RegionKind;
  name: string;
  pages: number;
  /** Pages with a frame now. */
  resident: number;
  /** The region's /proc/PID/maps line, exactly as procfs prints it (kernel/mem/maps.ts). */
  maps: string;
}

export interface ProcessView {
  pid: number;
  name: string;
  regions: RegionView[];
  residentPages: number;
  pageTablePages: number;
  brk: number;
  /** Its perf counters when the kernel counts it (perf stat), for the counters strip. */
  perf?: PerfCounts;
}

export interface MemorySnapshot {
  ramMiB: number;
  /** One entry per 2 MiB chunk (ChunkKind). */
  chunkKinds: number[];
  /** Page-table and user frames in each chunk. */
  chunkPageTableFrames: number[];
  chunkUserFrames: number[];
  counts: ChunkCounts;
  frames: FrameCounts;
  processes: ProcessView[];
}

/** Every frame of `space`'s page tables (root and second-level tables), read from RAM. */
function tableFrames(space: AddressSpace): number[] {
  const ram = space.ram;
  const root = space.pageTable.rootPa;
  const out = [root];
  for (let i = 0; i < 1024; i++) {
    const pte = ram.i32[(root >>> 2) + i];
    if ((pte & Pte.V) !== 0 && (pte & (Pte.R | Pte.W | Pte.X)) === 0) out.push(ptePa(pte));
  }
  return out;
}

/** The regions of `space` with their resident pages (leaves counted per region in one ordered pass). */
function regionViews(space: AddressSpace): RegionView[] {
  const views: RegionView[] = space.regions.all().map((r) => ({
    start: r.start, end: r.end, prot: r.prot, kind: r.kind, name: r.name,
    pages: pagesIn(r.start, r.end), resident: 0, maps: mapsLine(r),
  }));
  let i = 0;
  space.pageTable.forEachLeaf((va) => {
    while (i < views.length && views[i].end <= va) i++;
    if (i < views.length && views[i].start <= va) views[i].resident++;
  });
  return views;
}

/** Classifies one chunk from its frame counts. */
function kindOf(index: number, state: ChunkState, pt: number, user: number): ChunkKind {
  if (state === ChunkState.FREE) return ChunkKind.FREE;
  if (index === 0 || pt + user === 0) return ChunkKind.KERNEL;
  return pt > user ? ChunkKind.PAGE_TABLES : ChunkKind.USER;
}

/** The views' data for kernel `k` now. Reads only; safe between slices. */
export function snapshotMemory(k: Kernel): MemorySnapshot {
  const n = k.chunks.chunkCount;
  const pt = new Array<number>(n).fill(0);
  const user = new Array<number>(n).fill(0);
  const processes: ProcessView[] = [];
  for (const p of k.processes.values()) {
    if (!p.alive) continue;
    const tables = tableFrames(p.space);
    for (const pa of tables) pt[Math.floor(pa / CHUNK_SIZE)]++;
    p.space.pageTable.forEachLeaf((_va, pte) => { user[Math.floor(ptePa(pte) / CHUNK_SIZE)]++; });
    processes.push({
      pid: p.pid, name: p.name, regions: regionViews(p.space), residentPages: p.space.residentPages,
      pageTablePages: tables.length, brk: p.space.brk >>> 0, perf: p.perf?.counts(),
    });
  }
  const kinds: number[] = [];
  const counts: ChunkCounts = { free: 0, kernel: 0, pageTables: 0, user: 0 };
  for (let i = 0; i < n; i++) {
    const kind = kindOf(i, k.chunks.stateOf(i), pt[i], user[i]);
    kinds.push(kind);
    if (kind === ChunkKind.FREE) counts.free++;
    else if (kind === ChunkKind.KERNEL) counts.kernel++;
    else if (kind === ChunkKind.PAGE_TABLES) counts.pageTables++;
    else counts.user++;
  }
  const ptTotal = pt.reduce((a, b) => a + b, 0);
  const userTotal = user.reduce((a, b) => a + b, 0);
  const used = k.frames.usedFrames;
  return {
    ramMiB: (n * CHUNK_SIZE) / (1024 * 1024),
    chunkKinds: kinds, chunkPageTableFrames: pt, chunkUserFrames: user, counts,
    frames: { used, pageTables: ptTotal, user: userTotal, kernel: Math.max(0, used - ptTotal - userTotal) },
    processes,
  };
}

/** Frames a chunk can hold (for drawing fill levels). */
export const FRAMES_PER_CHUNK_VIEW = FRAMES_PER_CHUNK;
