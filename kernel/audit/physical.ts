// Audit of physical memory: the chunk map in RAM against the frame allocator's chunks, and the allocator's
// own books (free stacks, in-use bits, counters, extra owners).

import type { Kernel } from '../kernel.js';
import { ChunkState } from '../mem/chunks.js';
import { CHUNK_MAP_PA, CHUNK_SIZE, FRAMES_PER_CHUNK, PAGE_SIZE } from '../mem/layout.js';
import { hex8 } from '../panic.js';
import type { Findings } from './findings.js';

/** Checks the chunk map and the frame allocator's books. */
export function auditPhysical(k: Kernel, f: Findings): void {
  const { chunks, frames } = k;
  const books = frames.books();
  const carved = new Set(books.chunks.map((c) => c.pa / CHUNK_SIZE));
  const map = k.machine.ram.u8;
  let free = 0;
  for (let i = 0; i < chunks.chunkCount; i++) {
    const b = map[CHUNK_MAP_PA + i];
    if (b !== ChunkState.FREE && b !== ChunkState.USED) { f.add(`chunk map: byte ${b} for chunk ${i} (neither 1 free nor 2 used)`); continue; }
    if (b === ChunkState.FREE) free++;
    if (i === 0) {
      if (b !== ChunkState.USED) f.add('chunk map: chunk 0 (the kernel\'s) is marked free');
    } else if (b === ChunkState.USED && !carved.has(i)) {
      f.add(`chunk map: chunk ${i} (${hex8(i * CHUNK_SIZE)}) is used but the frame allocator does not hold it (leaked chunk)`);
    } else if (b === ChunkState.FREE && carved.has(i)) {
      f.add(`chunk map: chunk ${i} (${hex8(i * CHUNK_SIZE)}) is free but the frame allocator carves frames from it`);
    }
  }
  if (free !== chunks.freeChunks) f.add(`chunk map: ${free} chunks marked free, counter says ${chunks.freeChunks}`);
  let used = 0;
  let freeInChunks = 0;
  let partial = 0;
  for (const c of books.chunks) {
    const where = `frames: chunk ${hex8(c.pa)}`;
    let inUse = 0;
    for (let n = 0; n < FRAMES_PER_CHUNK; n++) if (c.inUse[n]) inUse++;
    if (inUse + c.freeCount !== FRAMES_PER_CHUNK) f.add(`${where}: ${inUse} frames in use + ${c.freeCount} free != ${FRAMES_PER_CHUNK}`);
    if (c.freeCount === FRAMES_PER_CHUNK) f.add(`${where}: every frame is free but the chunk was not given back to the map`);
    if (c.partial !== c.freeCount > 0) f.add(`${where}: ${c.freeCount} free frames but ${c.partial ? '' : 'not '}on the partial list`);
    const seen = new Set<number>();
    for (let s = 0; s < Math.min(c.freeCount, FRAMES_PER_CHUNK); s++) {
      const n = c.freeStack[s];
      if (seen.has(n)) f.add(`${where}: frame ${hex8(c.pa + n * PAGE_SIZE)} twice on the free stack`);
      if (c.inUse[n]) f.add(`${where}: frame ${hex8(c.pa + n * PAGE_SIZE)} on the free stack and in use`);
      seen.add(n);
    }
    used += inUse;
    freeInChunks += c.freeCount;
    if (c.partial) partial++;
  }
  if (partial !== books.partialCount) f.add(`frames: ${books.partialCount} chunks on the partial list, ${partial} with free frames`);
  if (used !== books.used) f.add(`frames: ${used} frames in use, counter says ${books.used}`);
  if (freeInChunks !== books.freeInChunks) f.add(`frames: ${freeInChunks} free frames in chunks, counter says ${books.freeInChunks}`);
  for (let n = 0; n < books.shares.length; n++) {
    if (books.shares[n] !== 0 && !frames.isAllocated(n * PAGE_SIZE)) {
      f.add(`frames: frame ${hex8(n * PAGE_SIZE)} is free but has ${books.shares[n]} extra owners`);
    }
  }
}
