import { describe, expect, it } from 'vitest';
import { Errno } from '../../../abi/errno.js';
import { MapFlags, Prot } from '../../../abi/mman.js';
import { Pte } from '../../../abi/riscv.js';
import { Access } from '../../../machine/trap.js';
import { FaultResult } from '../../../kernel/mem/addrspace.js';
import { MMAP_TOP, STACK_FLOOR, STACK_TOP } from '../../../kernel/mem/layout.js';
import { brk, mmap, mprotect, munmap, sbrk } from '../../../kernel/sys/memory.js';
import { mmFixture } from './mmfixture.js';

const RW = Prot.READ | Prot.WRITE;
const ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;

function heapSpace(commitPages?: number) {
  const f = mmFixture(16, commitPages);
  const as = f.space();
  as.addRegion(0x10000, 0x11000, Prot.READ | Prot.EXEC, 'text', 'prog');
  as.brkStart = as.brk = 0x12000;
  as.addRegion(STACK_TOP - 0x1000, STACK_TOP, RW, 'stack', '[stack]');
  return { ...f, as };
}

describe('AddressSpace demand paging', () => {
  it('maps a zeroed frame on the first touch of a region page and nothing before', () => {
    const { as, frames, ram } = heapSpace();
    as.addRegion(0x40000, 0x42000, RW, 'mmap', '');
    const before = frames.usedFrames;
    expect(as.pageTable.translate(0x40000)).toBe(-1);
    expect(as.handleFault(0x40010, Access.Store)).toBe(FaultResult.MAPPED);
    expect(frames.usedFrames).toBe(before + 2); // the page and its second-level table
    const pa = as.pageTable.translate(0x40010);
    expect(ram.u8[pa]).toBe(0);
    expect(as.pageTable.lookup(0x40000) & (Pte.R | Pte.W | Pte.X | Pte.U)).toBe(Pte.R | Pte.W | Pte.U);
    expect(as.residentPages).toBe(1);
  });

  it('refuses faults outside regions, and accesses the region forbids', () => {
    const { as } = heapSpace();
    expect(as.handleFault(0, Access.Load)).toBe(FaultResult.NO_REGION);
    expect(as.handleFault(0x10000, Access.Store)).toBe(FaultResult.FORBIDDEN);
    expect(as.handleFault(0x10000, Access.Fetch)).toBe(FaultResult.MAPPED);
    expect(as.handleFault(0x10000, Access.Store)).toBe(FaultResult.FORBIDDEN);
    expect(as.handleFault(STACK_TOP - 8, Access.Fetch)).toBe(FaultResult.FORBIDDEN);
  });

  it('grows the stack down on a fault below it, to 8 MiB at most', () => {
    const { as } = heapSpace();
    expect(as.handleFault(STACK_TOP - 0x5000, Access.Store)).toBe(FaultResult.MAPPED);
    expect(as.stackRegion()!.start).toBe(STACK_TOP - 0x5000);
    expect(as.handleFault(STACK_FLOOR, Access.Store)).toBe(FaultResult.MAPPED);
    expect(as.stackRegion()!.start).toBe(STACK_FLOOR);
    expect(as.handleFault(STACK_FLOOR - 4, Access.Store)).toBe(FaultResult.NO_REGION);
  });

  it('keeps a guard page free under the stack', () => {
    const { as } = heapSpace();
    as.addRegion(STACK_TOP - 0x10000, STACK_TOP - 0xf000, RW, 'mmap', '');
    expect(as.handleFault(STACK_TOP - 0xf000, Access.Store)).toBe(FaultResult.NO_REGION);
    expect(as.handleFault(STACK_TOP - 0xe000, Access.Store)).toBe(FaultResult.MAPPED);
    expect(as.stackRegion()!.start).toBe(STACK_TOP - 0xe000);
  });

  it('gives every frame and page-table page back on destroy', () => {
    const { as, frames, chunks, commit } = heapSpace();
    for (let va = 0x400000; va < 0x800000; va += 0x1000) {
      if (va === 0x400000) as.addRegion(0x400000, 0x800000, RW, 'mmap', '');
      as.handleFault(va, Access.Store);
    }
    as.handleFault(0x10000, Access.Fetch);
    as.destroy();
    expect(frames.usedFrames).toBe(0);
    expect(chunks.freeChunks).toBe(7);
    expect(commit.committedPages).toBe(0);
  });
});

describe('brk and sbrk', () => {
  it('brk(0) reports the break; growing maps nothing until touched', () => {
    const { as, frames } = heapSpace();
    expect(brk(as, 0)).toBe(0x12000);
    const used = frames.usedFrames;
    expect(brk(as, 0x12000 + 0x100000)).toBe(0x112000);
    expect(frames.usedFrames).toBe(used);
    expect(as.regions.find(0x12000)?.name).toBe('[heap]');
  });

  it('returns the current break on failure, as Linux', () => {
    const { as } = heapSpace();
    expect(brk(as, 0x11000)).toBe(0x12000);
    expect(brk(as, 0xd0000000)).toBe(0x12000);
  });

  it('sbrk(1) 5,000 times gives contiguous bytes', () => {
    const { as } = heapSpace();
    for (let i = 0; i < 5000; i++) expect(sbrk(as, 1)).toBe(0x12000 + i);
    expect(as.brk).toBe(0x12000 + 5000);
    expect(as.regions.find(0x12000 + 4999)?.kind).toBe('heap');
  });

  it('refuses to shrink below the start of the heap and refuses a wrapping increment', () => {
    const { as } = heapSpace();
    sbrk(as, 0x3000);
    expect(sbrk(as, -0x3001)).toBe(-Errno.ENOMEM);
    expect(sbrk(as, 0x80000004)).toBe(-Errno.ENOMEM);
    expect(as.brk).toBe(0x15000);
    expect(sbrk(as, -0x3000)).toBe(0x15000);
    expect(as.regions.find(0x12000)).toBeUndefined();
  });

  it('frees pages given back by a negative sbrk and re-grown pages read as zero', () => {
    const { as, ram, frames } = heapSpace();
    sbrk(as, 0x2000);
    as.handleFault(0x13000, Access.Store);
    ram.u8[as.pageTable.translate(0x13000)] = 42;
    const used = frames.usedFrames;
    sbrk(as, -0x1000);
    expect(as.residentPages).toBe(0);
    expect(frames.usedFrames).toBe(used - 2); // the page and its now empty second-level table
    expect(as.handleFault(0x13000, Access.Load)).toBe(FaultResult.NO_REGION);
    sbrk(as, 0x1000);
    as.handleFault(0x13000, Access.Load);
    expect(ram.u8[as.pageTable.translate(0x13000)]).toBe(0);
  });

  it('keeps the page when shrinking by less than a page', () => {
    const { as, frames } = heapSpace();
    sbrk(as, 0x1800);
    as.handleFault(0x13000, Access.Store);
    const used = frames.usedFrames;
    sbrk(as, -0x100);
    expect(frames.usedFrames).toBe(used);
    expect(as.regions.find(0x13000)?.kind).toBe('heap');
  });

  it('will not grow the heap into a mapping', () => {
    const { as } = heapSpace();
    expect(mmap(as, 0x20000, 0x1000, RW, ANON | MapFlags.FIXED)).toBe(0x20000);
    expect(brk(as, 0x30000)).toBe(0x12000);
    expect(brk(as, 0x20000)).toBe(0x20000);
  });
});

describe('mmap, munmap, mprotect', () => {
  it('places mappings top down under the stack gap', () => {
    const { as } = heapSpace();
    expect(mmap(as, 0, 0x100000, RW, ANON)).toBe(MMAP_TOP - 0x100000);
    expect(mmap(as, 0, 0x1000, RW, ANON)).toBe(MMAP_TOP - 0x101000);
  });

  it('rejects length 0, unknown prot bits, no mapping type, and file mappings', () => {
    const { as } = heapSpace();
    expect(mmap(as, 0, 0, RW, ANON)).toBe(-Errno.EINVAL);
    expect(mmap(as, 0, 4096, 8, ANON)).toBe(-Errno.EINVAL);
    expect(mmap(as, 0, 4096, RW, MapFlags.ANONYMOUS)).toBe(-Errno.EINVAL);
    expect(mmap(as, 0, 4096, RW, MapFlags.PRIVATE)).toBe(-Errno.ENODEV);
    expect(mmap(as, 0x20001, 4096, RW, ANON | MapFlags.FIXED)).toBe(-Errno.EINVAL);
    expect(mmap(as, 0xbffff000, 0x2000, RW, ANON | MapFlags.FIXED)).toBe(-Errno.ENOMEM);
  });

  it('uses a free hint, and ignores a busy one', () => {
    const { as } = heapSpace();
    expect(mmap(as, 0x50000000, 0x1000, RW, ANON)).toBe(0x50000000);
    expect(mmap(as, 0x50000000, 0x1000, RW, ANON)).toBe(MMAP_TOP - 0x1000);
  });

  it('MAP_FIXED replaces what is there; MAP_FIXED_NOREPLACE gives EEXIST', () => {
    const { as } = heapSpace();
    const a = mmap(as, 0, 0x3000, RW, ANON);
    as.handleFault(a + 0x1000, Access.Store);
    expect(as.residentPages).toBe(1);
    expect(mmap(as, a + 0x1000, 0x1000, Prot.READ, ANON | MapFlags.FIXED_NOREPLACE)).toBe(-Errno.EEXIST);
    expect(as.residentPages).toBe(1);
    expect(mmap(as, a + 0x1000, 0x1000, Prot.READ, ANON | MapFlags.FIXED)).toBe(a + 0x1000);
    expect(as.residentPages).toBe(0);
    expect(as.regions.all().filter((r) => r.kind === 'mmap').length).toBe(3);
  });

  it('munmap splits a region, succeeds on nothing, and rejects bad arguments', () => {
    const { as } = heapSpace();
    const a = mmap(as, 0, 0x3000, RW, ANON);
    expect(munmap(as, a + 0x1000, 0x1000)).toBe(0);
    expect(as.regions.find(a)?.end).toBe(a + 0x1000);
    expect(as.regions.find(a + 0x2000)?.start).toBe(a + 0x2000);
    expect(munmap(as, 0x60000000, 0x1000)).toBe(0);
    expect(munmap(as, a + 1, 0x1000)).toBe(-Errno.EINVAL);
    expect(munmap(as, a, 0)).toBe(-Errno.EINVAL);
  });

  it('mprotect changes the PTEs and splits; ENOMEM over a hole', () => {
    const { as } = heapSpace();
    const a = mmap(as, 0, 0x3000, RW, ANON);
    as.handleFault(a + 0x1000, Access.Store);
    expect(mprotect(as, a + 0x1000, 0x1000, Prot.READ)).toBe(0);
    expect(as.pageTable.lookup(a + 0x1000) & Pte.W).toBe(0);
    expect(as.handleFault(a + 0x1000, Access.Store)).toBe(FaultResult.FORBIDDEN);
    expect(as.regions.all().filter((r) => r.kind === 'mmap').length).toBe(3);
    expect(mprotect(as, a, 0x4000, Prot.READ)).toBe(-Errno.ENOMEM);
    expect(mprotect(as, a + 1, 0x1000, Prot.READ)).toBe(-Errno.EINVAL);
  });

  it('PROT_NONE keeps the region but every access faults', () => {
    const { as } = heapSpace();
    const a = mmap(as, 0, 0x1000, Prot.NONE, ANON);
    expect(as.handleFault(a, Access.Load)).toBe(FaultResult.FORBIDDEN);
  });

  it('maps until the commit limit, then succeeds again after unmapping everything', () => {
    const { as, frames } = heapSpace(600);
    const got: number[] = [];
    for (;;) {
      const a = mmap(as, 0, 0x10000, RW, ANON);
      if (a < 0) { expect(a).toBe(-Errno.ENOMEM); break; }
      got.push(a);
      for (let p = a; p < a + 0x10000; p += 0x1000) expect(as.handleFault(p, Access.Store)).toBe(FaultResult.MAPPED);
    }
    expect(got.length).toBe(37);
    for (const a of got) expect(munmap(as, a, 0x10000)).toBe(0);
    expect(mmap(as, 0, 0x10000, RW, ANON)).toBeGreaterThan(0);
    as.destroy();
    expect(frames.usedFrames).toBe(0);
  });
});
