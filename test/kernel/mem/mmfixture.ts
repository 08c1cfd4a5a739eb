// Shared setup for the memory-manager unit tests: a fresh machine's RAM, chunk map, frame allocator (telling
// the machine's code marks of its writes, as at boot) and commit ledger.
import { Machine } from '../../../machine/machine.js';
import { PhysicalMemory, MIB } from '../../../machine/ram.js';
import { ChunkMap } from '../../../kernel/mem/chunks.js';
import { FrameAllocator } from '../../../kernel/mem/frames.js';
import { CommitLedger } from '../../../kernel/mem/commit.js';
import { AddressSpace } from '../../../kernel/mem/addrspace.js';

export interface MmFixture {
  machine: Machine;
  ram: PhysicalMemory;
  chunks: ChunkMap;
  frames: FrameAllocator;
  commit: CommitLedger;
  flushes: (number | undefined)[];
  space(): AddressSpace;
}

export function mmFixture(mib = 16, commitPages = 1 << 20): MmFixture {
  const machine = new Machine({ ramBytes: mib * MIB });
  const ram = machine.ram;
  const chunks = new ChunkMap(ram);
  const frames = new FrameAllocator(ram, chunks, machine.mmu.code);
  frames.poisonFreed = true;
  const commit = new CommitLedger(commitPages);
  const flushes: (number | undefined)[] = [];
  return {
    machine, ram, chunks, frames, commit, flushes,
    space: () => AddressSpace.create(ram, frames, commit, (va) => flushes.push(va))!,
  };
}
