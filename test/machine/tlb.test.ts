// The software TLB: after the kernel edits a PTE and calls cpu.flush(va) or cpu.flush(), every
// access kind sees the new mapping; megapage entries are dropped by a per-page flush; entries
// that share a TLB slot do not mix. (Staleness without a flush is allowed and not asserted.)

import { describe, expect, it } from 'vitest';
import { Pte } from '../../abi/riscv.js';
import { Program } from '../../bench/program.js';
import { Tlb, TLB_SIZE } from '../../machine/tlb.js';
import { Trap } from '../../machine/trap.js';
import { CODE, PagedMachine, pagedMachine, R, runUntilTrap } from './support.js';

const VA = 0x400000;
const PA1 = 0x500000;
const PA2 = 0x600000;
type Flush = 'flush(va)' | 'flush()';
const FLUSHES: Flush[] = ['flush(va)', 'flush()'];

function flush(pm: PagedMachine, how: Flush, va: number): void {
  if (how === 'flush()') pm.m.cpu.flush();
  else pm.m.cpu.flush(va);
}

/** Runs from `pc` to the next ecall. */
function runFrom(pm: PagedMachine, pc: number): Trap {
  pm.m.cpu.pc = pc;
  return runUntilTrap(pm.m, 10_000);
}

/** A program: at CODE a load of VA+8 into a0, ecall; at CODE+0x10 a store of a1 to VA+8, ecall. */
function loadStoreProgram(): Program {
  const p = new Program(CODE).li(R.s0, VA).emit('lw', R.a0, R.s0, 8).emit('ecall');
  while (p.here < CODE + 0x10) p.emit('ebreak');
  return p.li(R.s0, VA).emit('sw', R.a1, R.s0, 8).emit('ecall');
}

describe('flush after remapping a page', () => {
  it.each(FLUSHES)('a load sees the new frame after %s', (how) => {
    const pm = pagedMachine(loadStoreProgram());
    pm.pt.mapPage(VA, PA1, Pte.R | Pte.W | Pte.U);
    pm.m.ram.write32(PA1 + 8, 1);
    pm.m.ram.write32(PA2 + 8, 2);
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(1);
    pm.pt.mapPage(VA, PA2, Pte.R | Pte.W | Pte.U);
    flush(pm, how, VA);
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(2);
  });

  it.each(FLUSHES)('a store lands in the new frame after %s (and not in the old one)', (how) => {
    const pm = pagedMachine(loadStoreProgram());
    pm.pt.mapPage(VA, PA1, Pte.R | Pte.W | Pte.U);
    pm.m.cpu.x[R.a1] = 10;
    expect(runFrom(pm, CODE + 0x10)).toBe(Trap.Ecall); // caches a writable translation
    expect(pm.m.ram.read32(PA1 + 8)).toBe(10);
    pm.pt.mapPage(VA, PA2, Pte.R | Pte.W | Pte.U);
    flush(pm, how, VA);
    pm.m.cpu.x[R.a1] = 20;
    expect(runFrom(pm, CODE + 0x10)).toBe(Trap.Ecall);
    expect(pm.m.ram.read32(PA2 + 8)).toBe(20);
    expect(pm.m.ram.read32(PA1 + 8)).toBe(10);
  });

  it.each(FLUSHES)('a fetch runs the code of the new frame after %s', (how) => {
    const CODE2 = 0x20000;
    const p = new Program(CODE).li(R.s0, CODE2).emit('jalr', R.zero, R.s0, 0);
    const pm = pagedMachine(p);
    pm.m.ram.writeBytes(PA1, new Program(CODE2).li(R.a0, 1).emit('ecall').bytes());
    pm.m.ram.writeBytes(PA2, new Program(CODE2).li(R.a0, 2).emit('ecall').bytes());
    pm.pt.mapPage(CODE2, PA1, Pte.R | Pte.X | Pte.U);
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(1);
    pm.pt.mapPage(CODE2, PA2, Pte.R | Pte.X | Pte.U);
    flush(pm, how, CODE2);
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(2);
  });

  it.each(FLUSHES)('loads, stores and fetches all fault after the page is unmapped and %s', (how) => {
    const pm = pagedMachine(loadStoreProgram());
    pm.pt.mapPage(VA, PA1, Pte.R | Pte.W | Pte.X | Pte.U);
    pm.m.ram.writeBytes(PA1 + 0x20, new Program(VA + 0x20).emit('ecall').bytes());
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(runFrom(pm, CODE + 0x10)).toBe(Trap.Ecall);
    expect(runFrom(pm, VA + 0x20)).toBe(Trap.Ecall);
    pm.m.ram.write32(pm.pt.leafAddress(VA), 0);
    flush(pm, how, VA);
    expect(runFrom(pm, CODE)).toBe(Trap.LoadPageFault);
    expect(pm.m.cpu.tval).toBe(VA + 8);
    expect(runFrom(pm, CODE + 0x10)).toBe(Trap.StorePageFault);
    expect(pm.m.cpu.tval).toBe(VA + 8);
    expect(runFrom(pm, VA + 0x20)).toBe(Trap.InstructionPageFault);
    expect(pm.m.cpu.tval).toBe(VA + 0x20);
  });

  it.each(FLUSHES)('a page made read-only refuses stores after %s (copy-on-write)', (how) => {
    const pm = pagedMachine(loadStoreProgram());
    pm.pt.mapPage(VA, PA1, Pte.R | Pte.W | Pte.U);
    expect(runFrom(pm, CODE + 0x10)).toBe(Trap.Ecall);
    pm.pt.mapPage(VA, PA1, Pte.R | Pte.U);
    flush(pm, how, VA);
    pm.m.cpu.x[R.a1] = 99;
    expect(runFrom(pm, CODE + 0x10)).toBe(Trap.StorePageFault);
    expect(pm.m.ram.read32(PA1 + 8)).toBe(0);
    // The kernel copies the frame, maps the copy writable, flushes, and the store completes there.
    pm.pt.mapPage(VA, PA2, Pte.R | Pte.W | Pte.U);
    flush(pm, how, VA);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.ram.read32(PA2 + 8)).toBe(99);
  });

  it('flush(va) with any address inside the page drops that page', () => {
    const p = new Program(CODE).li(R.s0, VA).emit('lw', R.a0, R.s0, 0).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(VA, PA1, Pte.R | Pte.U);
    pm.m.ram.write32(PA1, 1);
    pm.m.ram.write32(PA2, 2);
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    pm.pt.mapPage(VA, PA2, Pte.R | Pte.U);
    pm.m.cpu.flush(VA + 0xabc); // any address inside the page
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(2);
  });

  it('many pages remapped one by one with flush(va) are all seen', () => {
    const p = new Program(CODE).li(R.s0, VA).li(R.t0, 64).li(R.a0, 0);
    p.label('l').emit('lw', R.t1, R.s0, 0).emit('add', R.a0, R.a0, R.t1).li(R.t2, 0x1000).emit('add', R.s0, R.s0, R.t2)
      .emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'l').emit('ecall');
    const pm = pagedMachine(p);
    for (let i = 0; i < 64; i++) {
      pm.pt.mapPage(VA + i * 0x1000, PA1 + i * 0x1000, Pte.R | Pte.U);
      pm.m.ram.write32(PA1 + i * 0x1000, 1);
      pm.m.ram.write32(PA2 + i * 0x1000, 100);
    }
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(64);
    for (let i = 0; i < 64; i += 2) {
      pm.pt.mapPage(VA + i * 0x1000, PA2 + i * 0x1000, Pte.R | Pte.U);
      pm.m.cpu.flush(VA + i * 0x1000);
    }
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(32 * 100 + 32);
  });
});

describe('flush with megapages cached', () => {
  const MEGA = 0x800000;

  function megaMachine(): PagedMachine {
    const p = new Program(CODE).li(R.s0, MEGA + 0x1000).emit('lw', R.a0, R.s0, 0)
      .li(R.s1, MEGA + 0x3ff000).emit('lw', R.a1, R.s1, 0).emit('sw', R.a2, R.s1, 4).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapMegapage(MEGA, 0xc00000 >>> 12, Pte.R | Pte.W | Pte.U);
    pm.m.ram.write32(0xc01000, 1);
    pm.m.ram.write32(0xfff000, 2);
    pm.m.ram.write32(0x401000, 3);
    pm.m.ram.write32(0x7ff000, 4);
    return pm;
  }

  it.each([MEGA, MEGA + 0x1000, MEGA + 0x3ff000, MEGA + 0x200000])(
    'flush(%i) inside the megapage drops every cached page of it', (flushVa) => {
      const pm = megaMachine();
      pm.m.cpu.x[R.a2] = 5;
      expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
      expect([pm.m.cpu.x[R.a0], pm.m.cpu.x[R.a1]]).toEqual([1, 2]);
      expect(pm.m.ram.read32(0xfff004)).toBe(5);
      pm.pt.mapMegapage(MEGA, 0x400000 >>> 12, Pte.R | Pte.W | Pte.U);
      pm.m.cpu.flush(flushVa);
      pm.m.cpu.x[R.a2] = 6;
      expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
      expect([pm.m.cpu.x[R.a0], pm.m.cpu.x[R.a1]]).toEqual([3, 4]);
      expect(pm.m.ram.read32(0x7ff004)).toBe(6);
      expect(pm.m.ram.read32(0xfff004)).toBe(5);
    });

  it('flush() drops megapage translations too', () => {
    const pm = megaMachine();
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    pm.pt.mapMegapage(MEGA, 0x400000 >>> 12, Pte.R | Pte.W | Pte.U);
    pm.m.cpu.flush();
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect([pm.m.cpu.x[R.a0], pm.m.cpu.x[R.a1]]).toEqual([3, 4]);
  });

  it('a megapage replaced by a table of 4 KiB pages is seen after flush(va)', () => {
    const pm = megaMachine();
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    pm.m.ram.write32(0x200000 + (MEGA >>> 22) * 4, 0); // drop the level-1 leaf
    pm.pt.mapPage(MEGA + 0x1000, 0x401000, Pte.R | Pte.U);
    pm.pt.mapPage(MEGA + 0x3ff000, 0x7ff000, Pte.R | Pte.W | Pte.U);
    pm.m.cpu.flush(MEGA + 0x1000);
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect([pm.m.cpu.x[R.a0], pm.m.cpu.x[R.a1]]).toEqual([3, 4]);
  });
});

describe('TLB slots', () => {
  it(`two pages ${TLB_SIZE} pages apart share a slot and still translate separately`, () => {
    const far = VA + TLB_SIZE * 0x1000;
    const p = new Program(CODE).li(R.s0, VA).li(R.s1, far).li(R.t0, 50).li(R.a0, 0);
    p.label('l').emit('lw', R.t1, R.s0, 0).emit('add', R.a0, R.a0, R.t1).emit('lw', R.t1, R.s1, 0).emit('add', R.a0, R.a0, R.t1)
      .emit('sw', R.a0, R.s0, 4).emit('sw', R.a0, R.s1, 4)
      .emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'l').emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(VA, PA1, Pte.R | Pte.W | Pte.U);
    pm.pt.mapPage(far, PA2, Pte.R | Pte.W | Pte.U);
    pm.m.ram.write32(PA1, 1);
    pm.m.ram.write32(PA2, 1000);
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(50 * 1001);
    expect(pm.m.ram.read32(PA1 + 4)).toBe(50 * 1001);
    expect(pm.m.ram.read32(PA2 + 4)).toBe(50 * 1001);
  });

  it('a fetch translation does not grant loads (X-only page), nor a load translation stores', () => {
    const p = new Program(CODE).li(R.s0, VA).emit('jalr', R.ra, R.s0, 0).emit('lw', R.a0, R.s0, 0).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(VA, PA1, Pte.X | Pte.U);
    pm.m.ram.writeBytes(PA1, new Program(VA).emit('jalr', R.zero, R.ra, 0).bytes());
    expect(runFrom(pm, CODE)).toBe(Trap.LoadPageFault);
    expect(pm.m.cpu.tval).toBe(VA);

    const q = new Program(CODE).li(R.s0, VA).emit('lw', R.a0, R.s0, 0).emit('sw', R.a0, R.s0, 0).emit('ecall');
    const pm2 = pagedMachine(q);
    pm2.pt.mapPage(VA, PA1, Pte.R | Pte.U);
    expect(runFrom(pm2, CODE)).toBe(Trap.StorePageFault);
  });
});

describe('fetching across pages', () => {
  it('straight-line code spanning three pages mapped to scattered frames runs through and jumps back', () => {
    const FRAMES = [0x700000, 0x380000, 0x520000];
    const p = new Program(CODE).li(R.a0, 0).li(R.t0, 2);
    p.label('top');
    while (p.here < CODE + 3 * 0x1000 - 16) p.emit('addi', R.a0, R.a0, 1);
    // The loop is longer than a branch reaches: jal goes back.
    p.emit('addi', R.t0, R.t0, -1).emit('beq', R.t0, R.zero, 'done').emit('jal', R.zero, 'top').label('done').emit('ecall');
    const code = p.bytes();
    const perPass = (CODE + 3 * 0x1000 - 16 - (CODE + 8)) / 4;
    const pm = pagedMachine(new Program(CODE).emit('ecall'));
    FRAMES.forEach((pa, i) => {
      pm.m.ram.writeBytes(pa, code.subarray(i * 0x1000, Math.min(code.length, (i + 1) * 0x1000)));
      pm.pt.mapPage(CODE + i * 0x1000, pa, Pte.R | Pte.X | Pte.U);
    });
    expect(runFrom(pm, CODE)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(2 * perPass);
    expect(pm.m.cpu.pc).toBe(CODE + 3 * 0x1000 - 4);
  });

  it('a run() slice that ends exactly at a page boundary resumes on the next page', () => {
    const p = new Program(CODE);
    while (p.here < CODE + 0x1000 + 8) p.emit('addi', R.a0, R.a0, 1);
    p.emit('ecall');
    const pm = pagedMachine(p);
    expect(pm.m.run(1024)).toBe(Trap.Budget);
    expect(pm.m.cpu.pc).toBe(CODE + 0x1000);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(1026);
  });
});

describe('Tlb (unit)', () => {
  function filled(vpn: number, pa: number): Tlb {
    const t = new Tlb();
    const i = vpn & (TLB_SIZE - 1);
    for (const [tag, off] of [[t.fetchTag, t.fetchOff], [t.loadTag, t.loadOff], [t.storeTag, t.storeOff]]) {
      tag[i] = vpn;
      off[i] = (pa - vpn * 4096) | 0;
    }
    return t;
  }

  it('starts empty (every tag -1)', () => {
    const t = new Tlb();
    expect(t.fetchTag.every((v) => v === -1) && t.loadTag.every((v) => v === -1) && t.storeTag.every((v) => v === -1)).toBe(true);
  });

  it('flushPage forgets the page in all three arrays', () => {
    const t = filled(0x400, 0x500000);
    t.flushPage(0x400abc);
    const i = 0x400 & (TLB_SIZE - 1);
    expect([t.fetchTag[i], t.loadTag[i], t.storeTag[i]]).toEqual([-1, -1, -1]);
  });

  it('flushPage leaves another page that shares the slot alone', () => {
    const t = filled(0x400, 0x500000);
    t.flushPage((0x400 + TLB_SIZE) * 4096);
    expect(t.loadTag[0x400 & (TLB_SIZE - 1)]).toBe(0x400);
  });

  it('flushPage flushes everything while a megapage entry may be cached', () => {
    const t = filled(0x400, 0x500000);
    t.loadTag[7] = 7;
    t.holdsMegapage = true;
    t.flushPage(0x123000);
    expect(t.loadTag[7]).toBe(-1);
    expect(t.loadTag[0x400 & (TLB_SIZE - 1)]).toBe(-1);
    expect(t.holdsMegapage).toBe(false);
  });

  it('flushAll empties all three arrays', () => {
    const t = filled(0x80001, 0x500000);
    t.flushAll();
    expect(t.fetchTag.every((v) => v === -1) && t.loadTag.every((v) => v === -1) && t.storeTag.every((v) => v === -1)).toBe(true);
  });

  it('dropFetches empties the fetch array and keeps loads and stores', () => {
    const t = filled(0x80001, 0x500000);
    t.dropFetches();
    const i = 0x80001 & (TLB_SIZE - 1);
    expect(t.fetchTag.every((v) => v === -1)).toBe(true);
    expect([t.loadTag[i], t.storeTag[i]]).toEqual([0x80001, 0x80001]);
  });

  it('dropStoresTo removes store entries for that physical page only, also from upper-half vas', () => {
    const t = filled(0xbffff, 0x500000);
    t.storeTag[5] = 5;
    t.storeOff[5] = (0x600000 - 5 * 4096) | 0;
    t.dropStoresTo(0x500);
    expect(t.storeTag[0xbffff & (TLB_SIZE - 1)]).toBe(-1);
    expect(t.loadTag[0xbffff & (TLB_SIZE - 1)]).toBe(0xbffff);
    expect(t.storeTag[5]).toBe(5);
  });
});
