// Sv32 translation for user mode: the R/W/X/U permission matrix against fetch/load/store, invalid
// and reserved PTEs, megapages and their alignment, A/D updates in RAM, access faults for
// physical addresses outside RAM, bare mode, and satp changes.

import { describe, expect, it } from 'vitest';
import { Pte, SATP_MODE_SV32 } from '../../abi/riscv.js';
import { encode, Program } from '../../bench/program.js';
import { Sv32Builder } from '../../bench/sv32.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, PagedMachine, pagedMachine, R, runUntilTrap, TABLES_PA, TEST_RAM, trapName } from './support.js';

const PAGE_VA = 0x400000;
const PAGE_PA = 0x500000;
const OFFSET = 0x124;
const TARGET = PAGE_VA + OFFSET;
const ECALL = encode('ecall', []);

type Kind = 'fetch' | 'load' | 'store';
const PAGE_FAULT: Record<Kind, Trap> = { fetch: Trap.InstructionPageFault, load: Trap.LoadPageFault, store: Trap.StorePageFault };
const ACCESS_FAULT: Record<Kind, Trap> = { fetch: Trap.InstructionAccessFault, load: Trap.LoadAccessFault, store: Trap.StoreAccessFault };

/** A program that performs one `kind` access at `va`, then ecall (fetch: jumps to va, where an ecall waits). */
function accessProgram(kind: Kind, va: number): Program {
  const p = new Program(CODE).li(R.s0, va).li(R.a0, 0x5a);
  if (kind === 'fetch') p.emit('jalr', R.zero, R.s0, 0);
  else if (kind === 'load') p.emit('lw', R.a0, R.s0, 0);
  else p.emit('sw', R.a0, R.s0, 0);
  return p.emit('ecall');
}

/** Pages in the program, lets `setup` map things, plants an ecall at PAGE_PA + OFFSET, and runs. */
function access(kind: Kind, va: number, setup: (pm: PagedMachine) => void): { pm: PagedMachine; trap: Trap } {
  const pm = pagedMachine(accessProgram(kind, va));
  pm.m.ram.write32(PAGE_PA + OFFSET, ECALL);
  setup(pm);
  return { pm, trap: runUntilTrap(pm.m, 100) };
}

/** Did the access succeed? Success stops at an ecall: the planted one for fetch, the program's otherwise. */
function expectSuccess(kind: Kind, pm: PagedMachine, trap: Trap, va: number): void {
  expect(trapName(trap)).toBe(trapName(Trap.Ecall));
  if (kind === 'fetch') expect(pm.m.cpu.pc).toBe(va);
}

function expectFault(trap: Trap, want: Trap, pm: PagedMachine, va: number, pcAtFault: number): void {
  expect(trapName(trap)).toBe(trapName(want));
  expect(pm.m.cpu.tval).toBe(va >>> 0);
  expect(pm.m.cpu.pc).toBe(pcAtFault >>> 0);
}

/** pc of the faulting instruction of accessProgram: the access itself, after `li s0, va` and `li a0`. */
const accessPc = (kind: Kind, va: number): number =>
  kind === 'fetch' ? va : CODE + 4 * (new Program(CODE).li(R.s0, va).words.length + 1);

describe('the permission matrix (leaf PTE R/W/X/U against fetch, load, store)', () => {
  const cases: [string, number, Kind][] = [];
  for (let bits = 0; bits < 16; bits++) {
    const flags = (bits & 1 ? Pte.R : 0) | (bits & 2 ? Pte.W : 0) | (bits & 4 ? Pte.X : 0) | (bits & 8 ? Pte.U : 0);
    const name = `${flags & Pte.R ? 'R' : '-'}${flags & Pte.W ? 'W' : '-'}${flags & Pte.X ? 'X' : '-'}${flags & Pte.U ? 'U' : '-'}`;
    for (const kind of ['fetch', 'load', 'store'] as Kind[]) cases.push([name, flags, kind]);
  }

  /** Sv32 for user mode: a leaf needs R or X, W needs R, U is required, then the access's own bit. */
  function allowed(flags: number, kind: Kind): boolean {
    if (!(flags & (Pte.R | Pte.X))) return false; // not a leaf: a level-0 pointer
    if (flags & Pte.W && !(flags & Pte.R)) return false; // reserved
    if (!(flags & Pte.U)) return false;
    return kind === 'fetch' ? !!(flags & Pte.X) : kind === 'load' ? !!(flags & Pte.R) : !!(flags & Pte.W);
  }

  it.each(cases)('PTE %s (flags %i): %s', (_name, flags, kind) => {
    const { pm, trap } = access(kind, TARGET, ({ pt }) => pt.mapPage(PAGE_VA, PAGE_PA, flags));
    const pteAddr = pm.pt.leafAddress(PAGE_VA);
    const pte = pm.m.ram.read32(pteAddr);
    if (allowed(flags, kind)) {
      expectSuccess(kind, pm, trap, TARGET);
      expect(pte & Pte.A, 'A set').toBe(Pte.A);
      expect(pte & Pte.D, 'D set only by a store').toBe(kind === 'store' ? Pte.D : 0);
      if (kind === 'store') expect(pm.m.ram.read32(PAGE_PA + OFFSET)).toBe(0x5a);
      if (kind === 'load') expect(pm.m.cpu.x[R.a0]).toBe(ECALL | 0);
    } else {
      expectFault(trap, PAGE_FAULT[kind], pm, TARGET, accessPc(kind, TARGET));
      expect(pte, 'a faulting access leaves the PTE alone').toBe((((PAGE_PA >>> 12) << 10) | flags | Pte.V) >>> 0);
      expect(pm.m.ram.read32(PAGE_PA + OFFSET)).toBe(ECALL);
      if (kind === 'load') expect(pm.m.cpu.x[R.a0]).toBe(0x5a);
    }
  });

  it.each(['fetch', 'load', 'store'] as Kind[])('the two RSW bits (9:8, for the kernel) are ignored for a %s', (kind) => {
    const { pm, trap } = access(kind, TARGET, ({ pt }) => pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.W | Pte.X | Pte.U | (3 << 8)));
    expectSuccess(kind, pm, trap, TARGET);
    expect(pm.m.ram.read32(pm.pt.leafAddress(PAGE_VA)) & (3 << 8)).toBe(3 << 8);
  });

  it.each(['fetch', 'load', 'store'] as Kind[])('the G bit and preset A/D bits change nothing for a %s', (kind) => {
    const { pm, trap } = access(kind, TARGET, ({ pt }) => pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.W | Pte.X | Pte.U | Pte.G | Pte.A | Pte.D));
    expectSuccess(kind, pm, trap, TARGET);
  });
});

describe('invalid and reserved PTEs', () => {
  const kinds: Kind[] = ['fetch', 'load', 'store'];

  it.each(kinds)('no level-1 entry (V=0 in the root) gives a page fault for a %s', (kind) => {
    const { pm, trap } = access(kind, TARGET, () => {});
    expectFault(trap, PAGE_FAULT[kind], pm, TARGET, accessPc(kind, TARGET));
  });

  it.each(kinds)('a level-1 entry with every bit but V set gives a page fault for a %s', (kind) => {
    const { pm, trap } = access(kind, TARGET, ({ m }) => m.ram.write32(TABLES_PA + (PAGE_VA >>> 22) * 4, 0xfffffffe));
    expectFault(trap, PAGE_FAULT[kind], pm, TARGET, accessPc(kind, TARGET));
  });

  it.each(kinds)('a level-0 entry with V=0 (other bits set) gives a page fault for a %s', (kind) => {
    const { pm, trap } = access(kind, TARGET, ({ m, pt }) => {
      pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.W | Pte.X | Pte.U);
      const at = pt.leafAddress(PAGE_VA);
      m.ram.write32(at, (m.ram.read32(at) & ~Pte.V) >>> 0);
    });
    expectFault(trap, PAGE_FAULT[kind], pm, TARGET, accessPc(kind, TARGET));
  });

  it.each(kinds)('a level-0 non-leaf pointer (V only) gives a page fault for a %s', (kind) => {
    const { pm, trap } = access(kind, TARGET, ({ m, pt }) => {
      pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.U);
      m.ram.write32(pt.leafAddress(PAGE_VA), (((TABLES_PA >>> 12) << 10) | Pte.V) >>> 0);
    });
    expectFault(trap, PAGE_FAULT[kind], pm, TARGET, accessPc(kind, TARGET));
  });

  it.each(kinds)('a level-1 pointer with W but not R (reserved) gives a page fault for a %s', (kind) => {
    const { pm, trap } = access(kind, TARGET, ({ m, pt }) => {
      pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.W | Pte.X | Pte.U);
      const l1 = TABLES_PA + (PAGE_VA >>> 22) * 4;
      m.ram.write32(l1, (m.ram.read32(l1) | Pte.W) >>> 0);
    });
    expectFault(trap, PAGE_FAULT[kind], pm, TARGET, accessPc(kind, TARGET));
  });

  it('a neighbouring unmapped page in a mapped table faults at its exact address', () => {
    const va = PAGE_VA + 0x1ffc;
    const { pm, trap } = access('load', va, ({ pt }) => pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.U));
    expectFault(trap, Trap.LoadPageFault, pm, va, accessPc('load', va));
  });
});

describe('megapages (4 MiB leaves at level 1)', () => {
  const MEGA_VA = 0x800000;
  const MEGA_PA = 0xc00000; // 4 MiB aligned; the last 4 MiB of a 16 MiB machine

  it.each([0, 0x124, 0x1000, 0x234560, 0x3ffffc])('load and store at offset %i reach the right physical address', (off) => {
    const p = new Program(CODE).li(R.s0, MEGA_VA + off).emit('lw', R.a0, R.s0, 0).li(R.a1, 0x77).emit('sw', R.a1, R.s0, 0).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapMegapage(MEGA_VA, MEGA_PA >>> 12, Pte.R | Pte.W | Pte.U);
    pm.m.ram.write32(MEGA_PA + off, 0x12345678);
    expect(trapName(runUntilTrap(pm.m))).toBe(trapName(Trap.Ecall));
    expect(pm.m.cpu.x[R.a0]).toBe(0x12345678);
    expect(pm.m.ram.read32(MEGA_PA + off)).toBe(0x77);
  });

  it('code runs from an executable megapage', () => {
    const p = new Program(CODE).li(R.s0, MEGA_VA + 0x3000).emit('jalr', R.zero, R.s0, 0);
    const pm = pagedMachine(p);
    pm.pt.mapMegapage(MEGA_VA, MEGA_PA >>> 12, Pte.R | Pte.X | Pte.U);
    pm.m.ram.writeBytes(MEGA_PA + 0x3000, new Program(MEGA_VA + 0x3000).li(R.a0, 31).emit('ecall').bytes());
    expect(trapName(runUntilTrap(pm.m))).toBe(trapName(Trap.Ecall));
    expect(pm.m.cpu.x[R.a0]).toBe(31);
    expect(pm.m.cpu.pc).toBe(MEGA_VA + 0x3004);
  });

  it('the walker sets A on the level-1 leaf for a load and D for a store', () => {
    const l1 = TABLES_PA + (MEGA_VA >>> 22) * 4;
    const { pm, trap } = access('load', MEGA_VA + 8, ({ pt }) => pt.mapMegapage(MEGA_VA, MEGA_PA >>> 12, Pte.R | Pte.W | Pte.U));
    expect(trap).toBe(Trap.Ecall);
    expect(pm.m.ram.read32(l1) & (Pte.A | Pte.D)).toBe(Pte.A);
    const s = access('store', MEGA_VA + 8, ({ pt }) => pt.mapMegapage(MEGA_VA, MEGA_PA >>> 12, Pte.R | Pte.W | Pte.U));
    expect(s.trap).toBe(Trap.Ecall);
    expect(s.pm.m.ram.read32(l1) & (Pte.A | Pte.D)).toBe(Pte.A | Pte.D);
  });

  it.each(['fetch', 'load', 'store'] as Kind[])('a misaligned megapage (PPN[0] != 0) gives a page fault for a %s', (kind) => {
    const va = MEGA_VA + 0x10;
    const { pm, trap } = access(kind, va, ({ pt }) => pt.mapMegapage(MEGA_VA, (MEGA_PA >>> 12) + 1, Pte.R | Pte.W | Pte.X | Pte.U));
    expectFault(trap, PAGE_FAULT[kind], pm, va, accessPc(kind, va));
  });

  it.each(['fetch', 'load', 'store'] as Kind[])('a megapage without U gives a page fault for a %s', (kind) => {
    const va = MEGA_VA + 0x10;
    const { pm, trap } = access(kind, va, ({ pt }) => pt.mapMegapage(MEGA_VA, MEGA_PA >>> 12, Pte.R | Pte.W | Pte.X));
    expectFault(trap, PAGE_FAULT[kind], pm, va, accessPc(kind, va));
  });

  it('a read-only megapage refuses stores with the exact address', () => {
    const va = MEGA_VA + 0x2abcd0;
    const { pm, trap } = access('store', va, ({ pt }) => pt.mapMegapage(MEGA_VA, MEGA_PA >>> 12, Pte.R | Pte.U));
    expectFault(trap, Trap.StorePageFault, pm, va, accessPc('store', va));
  });

  it('a megapage reaching past the end of RAM gives access faults only where RAM ends', () => {
    // PA 0xc00000 + 4 MiB ends exactly at 16 MiB; a megapage at 0x1000000 lies wholly outside.
    const va = MEGA_VA + 0x40;
    const { pm, trap } = access('load', va, ({ pt }) => pt.mapMegapage(MEGA_VA, 0x1000, Pte.R | Pte.U));
    expectFault(trap, Trap.LoadAccessFault, pm, va, accessPc('load', va));
  });
});

describe('A and D bits', () => {
  it.each([
    ['fetch', Pte.R | Pte.X | Pte.U, Pte.A],
    ['load', Pte.R | Pte.U, Pte.A],
    ['load', Pte.R | Pte.W | Pte.U, Pte.A],
    ['store', Pte.R | Pte.W | Pte.U, Pte.A | Pte.D],
  ] as [Kind, number, number][])('a %s through a PTE with flags %i sets exactly %i of A/D', (kind, flags, want) => {
    const { pm, trap } = access(kind, TARGET, ({ pt }) => pt.mapPage(PAGE_VA, PAGE_PA, flags));
    expect(trap).toBe(Trap.Ecall);
    expect(pm.m.ram.read32(pm.pt.leafAddress(PAGE_VA)) & (Pte.A | Pte.D)).toBe(want);
  });

  it('the code page gets A when it is first fetched', () => {
    const p = new Program(CODE).emit('ecall');
    const pm = pagedMachine(p);
    expect(pm.m.ram.read32(pm.pt.leafAddress(CODE)) & Pte.A).toBe(0);
    pm.m.run(1);
    expect(pm.m.ram.read32(pm.pt.leafAddress(CODE)) & (Pte.A | Pte.D)).toBe(Pte.A);
  });

  it('a store after a load of the same page still sets D (the load left no writable translation)', () => {
    const p = new Program(CODE).li(R.s0, PAGE_VA).emit('lw', R.a0, R.s0, 0);
    p.emit('ecall').emit('sw', R.a0, R.s0, 4).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.W | Pte.U);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    const at = pm.pt.leafAddress(PAGE_VA);
    expect(pm.m.ram.read32(at) & (Pte.A | Pte.D)).toBe(Pte.A);
    pm.m.cpu.pc += 4;
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.ram.read32(at) & (Pte.A | Pte.D)).toBe(Pte.A | Pte.D);
  });

  it('after the kernel clears D and flushes, the next store sets it again', () => {
    const p = new Program(CODE).li(R.s0, PAGE_VA).emit('sw', R.s0, R.s0, 0).emit('ecall').emit('sw', R.s0, R.s0, 8).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.W | Pte.U);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    const at = pm.pt.leafAddress(PAGE_VA);
    pm.m.ram.write32(at, (pm.m.ram.read32(at) & ~(Pte.A | Pte.D)) >>> 0);
    pm.m.cpu.flush(PAGE_VA);
    pm.m.cpu.pc += 4;
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.ram.read32(at) & (Pte.A | Pte.D)).toBe(Pte.A | Pte.D);
  });
});

describe('physical addresses outside RAM are access faults', () => {
  it.each(['fetch', 'load', 'store'] as Kind[])('a leaf PTE pointing past the end of RAM gives an access fault for a %s', (kind) => {
    const { pm, trap } = access(kind, TARGET, ({ pt }) => pt.mapPage(PAGE_VA, TEST_RAM, Pte.R | Pte.W | Pte.X | Pte.U));
    expectFault(trap, ACCESS_FAULT[kind], pm, TARGET, accessPc(kind, TARGET));
  });

  it.each(['fetch', 'load', 'store'] as Kind[])('a level-1 pointer to a table past the end of RAM gives an access fault for a %s', (kind) => {
    const { pm, trap } = access(kind, TARGET, ({ m }) => {
      m.ram.write32(TABLES_PA + (PAGE_VA >>> 22) * 4, (((TEST_RAM >>> 12) << 10) | Pte.V) >>> 0);
    });
    expectFault(trap, ACCESS_FAULT[kind], pm, TARGET, accessPc(kind, TARGET));
  });

  it('a PTE with the largest PPN (2^22 - 1) gives an access fault, not a host exception', () => {
    const { pm, trap } = access('load', TARGET, ({ m, pt }) => {
      pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.U);
      m.ram.write32(pt.leafAddress(PAGE_VA), ((0x3fffff << 10) | Pte.R | Pte.U | Pte.V) >>> 0);
    });
    expectFault(trap, Trap.LoadAccessFault, pm, TARGET, accessPc('load', TARGET));
  });

  it('a satp root past the end of RAM makes the very first fetch an access fault', () => {
    const p = new Program(CODE).emit('ecall');
    const m = bareMachine(p);
    m.cpu.setSatp((SATP_MODE_SV32 | (TEST_RAM >>> 12)) >>> 0);
    expect(m.run(10)).toBe(Trap.InstructionAccessFault);
    expect(m.cpu.tval).toBe(CODE);
    expect(m.cpu.pc).toBe(CODE);
  });

  it('a page fault is still a page fault when the PTE is invalid, even with a huge PPN', () => {
    const { pm, trap } = access('load', TARGET, ({ m, pt }) => {
      pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.U);
      m.ram.write32(pt.leafAddress(PAGE_VA), ((0x3fffff << 10) | Pte.R | Pte.U) >>> 0);
    });
    expectFault(trap, Trap.LoadPageFault, pm, TARGET, accessPc('load', TARGET));
  });
});

describe('bare mode (satp 0)', () => {
  it('translates va = pa for loads, stores and fetches', () => {
    const p = new Program(CODE).li(R.s0, 0x345670).emit('lw', R.a0, R.s0, 0).emit('sw', R.a0, R.s0, 4).li(R.t0, 0x600000).emit('jalr', R.zero, R.t0, 0);
    const m = bareMachine(p);
    m.ram.write32(0x345670, 0xabcdef);
    m.ram.writeBytes(0x600000, new Program(0x600000).li(R.a1, 3).emit('ecall').bytes());
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.satp).toBe(0);
    expect(m.cpu.x[R.a0]).toBe(0xabcdef);
    expect(m.ram.read32(0x345674)).toBe(0xabcdef);
    expect(m.cpu.x[R.a1]).toBe(3);
    expect(m.cpu.pc).toBe(0x600004);
  });

  it.each([
    ['load', TEST_RAM], ['load', TEST_RAM + 0x1234], ['load', 0x80000000], ['load', 0xfffffffc],
    ['store', TEST_RAM], ['store', 0x7ffffff0], ['store', 0xfffff000],
    ['fetch', TEST_RAM], ['fetch', 0xc0000000],
  ] as [Kind, number][])('a %s at %i, outside RAM, is an access fault with tval = the address', (kind, va) => {
    const m = bareMachine(accessProgram(kind, va));
    const trap = runUntilTrap(m);
    expect(trapName(trap)).toBe(trapName(ACCESS_FAULT[kind]));
    expect(m.cpu.tval).toBe(va >>> 0);
    expect(m.cpu.pc).toBe(accessPc(kind, va) >>> 0);
  });

  it('the last word of RAM is reachable', () => {
    const p = new Program(CODE).li(R.s0, TEST_RAM - 4).li(R.a0, -2).emit('sw', R.a0, R.s0, 0).emit('lw', R.a1, R.s0, 0).emit('ecall');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a1]).toBe(-2);
  });
});

describe('user addresses in the upper half of the 32-bit space', () => {
  it('loads, stores and fetches work at 0xbffff000 and 0xfffff000 when mapped', () => {
    const p = new Program(CODE).li(R.s0, 0xbffffff0).li(R.a0, 0x1234).emit('sw', R.a0, R.s0, 0).emit('lw', R.a1, R.s0, 0)
      .li(R.s1, 0xfffff000).emit('sw', R.a0, R.s1, 4).emit('jalr', R.zero, R.s1, 0x10);
    const pm = pagedMachine(p);
    pm.pt.mapPage(0xbffff000, 0x600000, Pte.R | Pte.W | Pte.U);
    pm.pt.mapPage(0xfffff000, 0x601000, Pte.R | Pte.W | Pte.X | Pte.U);
    pm.m.ram.writeBytes(0x601010, new Program(0xfffff010).emit('addi', R.a2, R.a1, 1).emit('ecall').bytes());
    expect(trapName(runUntilTrap(pm.m))).toBe(trapName(Trap.Ecall));
    expect(pm.m.ram.read32(0x600ff0)).toBe(0x1234);
    expect(pm.m.ram.read32(0x601004)).toBe(0x1234);
    expect(pm.m.cpu.x[R.a2]).toBe(0x1235);
    expect(pm.m.cpu.pc).toBe(0xfffff014);
  });

  it('an unmapped upper-half address faults with the unsigned address in tval', () => {
    const { pm, trap } = access('store', 0xdeadbee0, () => {});
    expectFault(trap, Trap.StorePageFault, pm, 0xdeadbee0, accessPc('store', 0xdeadbee0));
  });
});

describe('satp', () => {
  it('reads back what was written', () => {
    const pm = pagedMachine(new Program(CODE).emit('ecall'));
    expect(pm.m.cpu.satp).toBe(pm.pt.satp);
    expect(pm.m.mmu.satp).toBe(pm.pt.satp);
  });

  it('switching satp between two address spaces switches translations (and flushes the TLB)', () => {
    const p = new Program(CODE).li(R.s0, PAGE_VA).emit('lw', R.a0, R.s0, 0).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.U);
    pm.m.ram.write32(PAGE_PA, 111);
    // A second address space with the same code but the data page elsewhere.
    const other = new Sv32Builder(pm.m.ram, 0x280000);
    other.map(CODE, 0x300000, 0x1000, Pte.R | Pte.X | Pte.U);
    other.mapPage(PAGE_VA, 0x501000, Pte.R | Pte.U);
    pm.m.ram.write32(0x501000, 222);

    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(111);
    pm.m.cpu.setSatp(other.satp);
    pm.m.cpu.pc = CODE;
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(222);
    pm.m.cpu.setSatp(pm.pt.satp);
    pm.m.cpu.pc = CODE;
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(111);
  });

  it('turning paging off (satp 0) goes back to va = pa', () => {
    const p = new Program(CODE).li(R.s0, PAGE_VA).emit('lw', R.a0, R.s0, 0).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(PAGE_VA, PAGE_PA, Pte.R | Pte.U);
    pm.m.ram.write32(PAGE_PA, 1);
    pm.m.ram.write32(PAGE_VA, 2);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(1);
    pm.m.ram.writeBytes(CODE, p.bytes());
    pm.m.cpu.setSatp(0);
    pm.m.cpu.pc = CODE;
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(2);
  });
});
