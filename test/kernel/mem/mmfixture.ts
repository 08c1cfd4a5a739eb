// Shared setup for the memory-manager unit tests: a fresh RAM, chunk map, frame allocator and commit ledger.
import { PhysicalMemory, MIB } from '../../../machine/ram.js';
import { ChunkMap } from '../../../kernel/mem/chunks.js';
import { FrameAllocator } from '../../../kernel/mem/frames.js';
import { CommitLedger } from '../../../kernel/mem/commit.js';
import { AddressSpace } from '../../../kernel/mem/addrspace.js';

export interface MmFixture {
  ram: PhysicalMemory;
  chunks: ChunkMap;
  frames: FrameAllocator;
  commit: CommitLedger;
  flushes: (number | undefined)[];
  space(): AddressSpace;
}

export function mmFixture(mib = 16, commitPages = 1 << 20): MmFixture {
  const ram = new PhysicalMemory(mib * MIB);
  const chunks = new ChunkMap(ram);
  const frames = new FrameAllocator(ram, chunks);
  frames.poisonFreed = true;
  const commit = new CommitLedger(commitPages);
  const flushes: (number | undefined)[] = [];
  return {
    ram, chunks, frames, commit, flushes,
    space: () => AddressSpace.create(ram, frames, commit, (va) => flushes.push(va))!,
  };
}
