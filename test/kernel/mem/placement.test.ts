// Where mmap puts a mapping it chooses: never in the stack's growth range or its guard gap, never over a
// region — the class of bug an independent fuzzer found (a hint just below the stack top was honoured).
import { describe, expect, it } from 'vitest';
import { Errno } from '../../../abi/errno.js';
import { MapFlags, Prot } from '../../../abi/mman.js';
import { Access } from '../../../machine/trap.js';
import { FaultResult } from '../../../kernel/mem/addrspace.js';
import { MMAP_TOP, PAGE_SIZE, STACK_FLOOR, STACK_GUARD_GAP, STACK_TOP } from '../../../kernel/mem/layout.js';
import { mmap } from '../../../kernel/sys/memory.js';
import { mmFixture } from './mmfixture.js';

const RW = Prot.READ | Prot.WRITE;
const ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
/** The stack's growth range plus its guard gap: no placed mapping may touch it. */
const RESERVED_LO = STACK_FLOOR - STACK_GUARD_GAP;

function space() {
  const f = mmFixture(16);
  const as = f.space();
  as.addRegion(0x10000, 0x11000, Prot.READ | Prot.EXEC, 'text', 'prog');
  as.brkStart = as.brk = 0x12000;
  as.addRegion(STACK_TOP - 0x2000, STACK_TOP, RW, 'stack', '[stack]');
  return as;
}

/** A small deterministic generator (xorshift32). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
}

describe('mmap placement (no MAP_FIXED)', () => {
  it('keeps the guard gap at 256 pages below the 8 MiB stack reservation', () => {
    expect(STACK_GUARD_GAP).toBe(256 * PAGE_SIZE);
    expect(MMAP_TOP).toBe(STACK_TOP - 8 * 1024 * 1024 - 256 * PAGE_SIZE);
  });

  it('does not honour a hint just below the stack top (the fuzzer\'s case, 0xbfffe000)', () => {
    const as = space();
    const a = mmap(as, 0xbfffe000, 0x2000, RW, ANON);
    expect(a).toBe(MMAP_TOP - 0x2000);
  });

  it('does not honour a hint inside the guard gap, or one that would reach into it', () => {
    const as = space();
    expect(mmap(as, MMAP_TOP, 0x1000, RW, ANON)).toBe(MMAP_TOP - 0x1000);
    expect(mmap(as, MMAP_TOP - 0x1000 - 0x1000, 0x3000, RW, ANON)).toBeLessThan(MMAP_TOP - 0x1000);
    expect(mmap(as, STACK_FLOOR - PAGE_SIZE, 0x1000, RW, ANON)).toBeLessThan(RESERVED_LO);
  });

  it('still honours a free hint below the gap, rounded down to a page', () => {
    const as = space();
    expect(mmap(as, 0x50000123, 0x1000, RW, ANON)).toBe(0x50000000);
    expect(mmap(as, MMAP_TOP - 0x1000, 0x1000, RW, ANON)).toBe(MMAP_TOP - 0x1000);
  });

  it('lets the stack grow over its full 8 MiB after any number of hinted mappings', () => {
    const as = space();
    for (let va = STACK_TOP - 0x10000; va > 0x20000000; va -= 0x100000) mmap(as, va, 0x1000, RW, ANON);
    expect(as.handleFault(STACK_FLOOR, Access.Store)).toBe(FaultResult.MAPPED);
    expect(as.stackRegion()!.start).toBe(STACK_FLOOR);
  });

  it('never lands in the reserved range nor over a region, for 3,000 random hints and lengths', () => {
    const as = space();
    const next = rng(13);
    const problems: string[] = [];
    let placed = 0;
    for (let i = 0; i < 3000; i++) {
      const hint = next();
      const len = ((next() % 64) + 1) * PAGE_SIZE;
      const a = mmap(as, hint, len, RW, ANON);
      if (a === -Errno.ENOMEM) continue;
      placed++;
      const at = `mmap(${hint.toString(16)}, ${len.toString(16)}) = ${a.toString(16)}`;
      if (a < 0x12000 || a % PAGE_SIZE !== 0) problems.push(`${at}: not a page of the window`);
      if (a + len > RESERVED_LO) problems.push(`${at}: in the stack's reservation or guard gap`);
      // The new region is exactly one (possibly merged) region containing [a, a+len): nothing else was there.
      const r = as.regions.find(a);
      if (!r || r.kind !== 'mmap' || r.end < a + len) problems.push(`${at}: overlapped ${r?.kind}`);
      if (i % 3 === 0) as.removeRange(a, a + len);
    }
    expect(problems).toEqual([]);
    expect(placed).toBeGreaterThan(2500);
  });
});

describe('MAP_FIXED and MAP_FIXED_NOREPLACE near the stack', () => {
  it('MAP_FIXED inside the stack\'s growth range is the caller\'s choice', () => {
    const as = space();
    expect(mmap(as, STACK_FLOOR + 0x10000, 0x1000, RW, ANON | MapFlags.FIXED)).toBe(STACK_FLOOR + 0x10000);
    expect(mmap(as, MMAP_TOP, 0x1000, RW, ANON | MapFlags.FIXED)).toBe(MMAP_TOP);
  });

  it('MAP_FIXED_NOREPLACE over the stack gives EEXIST and leaves the stack alone', () => {
    const as = space();
    expect(mmap(as, STACK_TOP - 0x1000, 0x1000, RW, ANON | MapFlags.FIXED_NOREPLACE)).toBe(-Errno.EEXIST);
    expect(as.stackRegion()!.start).toBe(STACK_TOP - 0x2000);
    expect(mmap(as, STACK_TOP - 0x3000, 0x1000, RW, ANON | MapFlags.FIXED_NOREPLACE)).toBe(STACK_TOP - 0x3000);
  });
});
