// Loads and stores: every width, sign and zero extension, offsets, x0, and misaligned accesses
// (completed by the machine and counted), including ones that cross a page boundary.

import { describe, expect, it } from 'vitest';
import { Pte } from '../../abi/riscv.js';
import { Program } from '../../bench/program.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, DATA, hex, pagedMachine, R, runBare, runUntilTrap } from './support.js';

const PATTERN = [0x80, 0x7f, 0xff, 0x01, 0x00, 0x80, 0xfe, 0x7f, 0x34, 0x12, 0xcd, 0xab];

/** Expected value of a load from the little-endian PATTERN bytes. */
function reference(name: string, off: number): number {
  const b = (i: number): number => PATTERN[off + i];
  switch (name) {
    case 'lb': return (b(0) << 24) >> 24;
    case 'lbu': return b(0);
    case 'lh': return ((b(0) | (b(1) << 8)) << 16) >> 16;
    case 'lhu': return b(0) | (b(1) << 8);
    default: return b(0) | (b(1) << 8) | (b(2) << 16) | (b(3) << 24);
  }
}

describe('loads', () => {
  const loads: [string, number][] = [];
  for (const name of ['lb', 'lbu']) for (let off = 0; off < 8; off++) loads.push([name, off]);
  for (const name of ['lh', 'lhu']) for (let off = 0; off < 8; off += 2) loads.push([name, off]);
  for (let off = 0; off < 12; off += 4) loads.push(['lw', off]);

  it('lb/lh sign-extend and lbu/lhu zero-extend; lw loads little-endian words', () => {
    const got = loadAllWithPattern(loads);
    loads.forEach(([name, off], i) => expect(got[i], `${name} +${off}`).toBe(reference(name, off)));
  });

  it.each([
    ['lb', 0x80, -128], ['lb', 0x7f, 127], ['lb', 0xff, -1], ['lbu', 0x80, 128], ['lbu', 0xff, 255],
    ['lh', 0x8000, -32768], ['lh', 0x7fff, 32767], ['lh', 0xffff, -1], ['lhu', 0x8000, 32768], ['lhu', 0xffff, 65535],
    ['lw', 0xffffffff, -1], ['lw', 0x80000000, 0x80000000 | 0], ['lw', 0x7fffffff, 0x7fffffff],
  ] as [string, number, number][])('%s of %i gives %i', (name, stored, want) => {
    const m = bareWith(stored, (p) => p.li(R.s0, DATA).emit(name, R.a0, R.s0, 0));
    expect(m.cpu.x[R.a0]).toBe(want);
  });

  it('adds a sign-extended 12-bit offset to the base (-2048 and 2047 included)', () => {
    const m = bareWith(0x11223344, (p) => {
      p.li(R.s0, DATA + 2048).emit('lw', R.a0, R.s0, -2048).li(R.s1, DATA - 2047).emit('lw', R.a1, R.s1, 2047);
      p.li(R.s2, DATA + 4).emit('lbu', R.a2, R.s2, -4);
    });
    expect(m.cpu.x[R.a0]).toBe(0x11223344);
    expect(m.cpu.x[R.a1]).toBe(0x11223344);
    expect(m.cpu.x[R.a2]).toBe(0x44);
  });

  it('a load into x0 is discarded', () => {
    const m = bareWith(0x5a5a5a5a, (p) => p.li(R.s0, DATA).emit('lw', R.zero, R.s0, 0).emit('add', R.a0, R.zero, R.zero));
    expect(m.cpu.x[0]).toBe(0);
    expect(m.cpu.x[R.a0]).toBe(0);
  });

  it('a load whose rd is its base register uses the old base', () => {
    const m = bareWith(DATA + 8, (p) => p.li(R.a0, DATA).emit('lw', R.a0, R.a0, 0).emit('lw', R.a1, R.a0, -8));
    expect(m.cpu.x[R.a0]).toBe(DATA + 8);
    expect(m.cpu.x[R.a1]).toBe(DATA + 8);
  });
});

/** Runs `build` + ecall on a bare machine whose RAM holds the word `stored` at DATA. */
function bareWith(stored: number, build: (p: Program) => void): ReturnType<typeof bareMachine> {
  const p = new Program(CODE);
  build(p);
  p.emit('ecall');
  const m = bareMachine(p);
  m.ram.write32(DATA, stored >>> 0);
  const t = runUntilTrap(m);
  if (t !== Trap.Ecall) throw new Error(`trap ${t} at ${hex(m.cpu.pc)}`);
  return m;
}

function loadAllWithPattern(loads: readonly (readonly [string, number])[]): number[] {
  const p = new Program(CODE);
  p.li(R.s0, DATA);
  loads.forEach(([name, off], i) => p.emit(name, R.t0, R.s0, off).emit('sw', R.t0, R.s0, 0x100 + 4 * i));
  p.emit('ecall');
  const m = bareMachine(p);
  m.ram.writeBytes(DATA, Uint8Array.from(PATTERN));
  expect(runUntilTrap(m)).toBe(Trap.Ecall);
  return loads.map((_, i) => m.ram.read32(DATA + 0x100 + 4 * i) | 0);
}

describe('stores', () => {
  it('sb, sh and sw write 1, 2 and 4 bytes little-endian and nothing around them', () => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).li(R.t0, 0x89abcdef | 0);
      p.emit('sb', R.t0, R.s0, 1).emit('sh', R.t0, R.s0, 4).emit('sw', R.t0, R.s0, 8);
    });
    expect(Array.from(m.ram.readBytes(DATA, 13))).toEqual([0, 0xef, 0, 0, 0xef, 0xcd, 0, 0, 0xef, 0xcd, 0xab, 0x89, 0]);
  });

  it.each([
    ['sb', -1, [0xff, 0]], ['sb', 0x1234, [0x34, 0]], ['sh', -1, [0xff, 0xff, 0]], ['sh', 0x12345678, [0x78, 0x56, 0]],
    ['sw', 0x80000000 | 0, [0, 0, 0, 0x80, 0]], ['sw', 0x7fffffff, [0xff, 0xff, 0xff, 0x7f, 0]],
  ] as [string, number, number[]][])('%s of %i truncates to its width', (name, value, bytes) => {
    const m = runBare((p) => p.li(R.s0, DATA).li(R.t0, value).emit(name, R.t0, R.s0, 0));
    expect(Array.from(m.ram.readBytes(DATA, bytes.length))).toEqual(bytes);
  });

  it('stores x0 as zero and uses negative offsets', () => {
    const p = new Program(CODE).li(R.s0, DATA + 16).emit('sw', R.zero, R.s0, -16).emit('sb', R.zero, R.s0, -11).emit('ecall');
    const m = bareMachine(p);
    m.ram.fill(DATA, 8, 0xaa);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(Array.from(m.ram.readBytes(DATA, 8))).toEqual([0, 0, 0, 0, 0xaa, 0, 0xaa, 0xaa]);
  });

  it('a store then a load of every width round-trips', () => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).li(R.t0, 0xfedc8a81 | 0);
      p.emit('sw', R.t0, R.s0, 0).emit('lw', R.a0, R.s0, 0);
      p.emit('sh', R.t0, R.s0, 4).emit('lh', R.a1, R.s0, 4).emit('lhu', R.a2, R.s0, 4);
      p.emit('sb', R.t0, R.s0, 8).emit('lb', R.a3, R.s0, 8).emit('lbu', R.a4, R.s0, 8);
    });
    const x = m.cpu.x;
    expect([x[R.a0], x[R.a1], x[R.a2], x[R.a3], x[R.a4]]).toEqual([0xfedc8a81 | 0, 0x8a81 - 0x10000, 0x8a81, 0x81 - 0x100, 0x81]);
  });
});

describe('misaligned loads and stores', () => {
  const cases: [string, number][] = [['lh', 1], ['lhu', 1], ['lh', 3], ['lhu', 7], ['lw', 1], ['lw', 2], ['lw', 3], ['lw', 5], ['lw', 6]];

  it.each(cases)('%s at offset %i loads the right bytes and is counted', (name, off) => {
    const p = new Program(CODE).li(R.s0, DATA).emit(name, R.a0, R.s0, off).emit('ecall');
    const m = bareMachine(p);
    m.ram.writeBytes(DATA, Uint8Array.from(PATTERN));
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(reference(name, off));
    expect(m.cpu.misalignedAccesses).toBe(1);
  });

  it.each([['sh', 1], ['sh', 3], ['sw', 1], ['sw', 2], ['sw', 3]] as [string, number][])(
    '%s at offset %i writes the right bytes and is counted', (name, off) => {
      const m = runBare((p) => p.li(R.s0, DATA).li(R.t0, 0x44332211).emit(name, R.t0, R.s0, off));
      const want = new Array(8).fill(0);
      const width = name === 'sh' ? 2 : 4;
      for (let i = 0; i < width; i++) want[off + i] = 0x11 * (i + 1);
      expect(Array.from(m.ram.readBytes(DATA, 8))).toEqual(want);
      expect(m.cpu.misalignedAccesses).toBe(1);
    });

  it('aligned accesses and byte accesses are not counted', () => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).emit('lb', R.a0, R.s0, 3).emit('sb', R.a0, R.s0, 5).emit('lh', R.a0, R.s0, 2)
        .emit('sh', R.a0, R.s0, 6).emit('lw', R.a0, R.s0, 4).emit('sw', R.a0, R.s0, 8);
    });
    expect(m.cpu.misalignedAccesses).toBe(0);
  });

  it('counts each misaligned access once, in a loop', () => {
    const m = runBare((p) => {
      p.li(R.s0, DATA + 1).li(R.t0, 10).label('loop').emit('lw', R.a0, R.s0, 0).emit('sw', R.a0, R.s0, 8)
        .emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'loop');
    });
    expect(m.cpu.misalignedAccesses).toBe(20);
  });

  // Two virtual pages back to back, mapped to physical frames far apart and in reverse order.
  const VA = 0x400000;
  const FIRST_PA = 0x700000;
  const SECOND_PA = 0x500000;

  function crossing(build: (p: Program) => void, mapSecond = true): ReturnType<typeof pagedMachine> {
    const p = new Program(CODE);
    build(p);
    p.emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(VA, FIRST_PA, Pte.R | Pte.W | Pte.U);
    if (mapSecond) pm.pt.mapPage(VA + 0x1000, SECOND_PA, Pte.R | Pte.W | Pte.U);
    pm.m.ram.writeBytes(FIRST_PA + 0xffc, Uint8Array.from([0x11, 0x22, 0x33, 0x44]));
    pm.m.ram.writeBytes(SECOND_PA, Uint8Array.from([0x55, 0x66, 0x77, 0x88]));
    return pm;
  }

  it.each([
    ['lw', 0xffd, 0x55443322], ['lw', 0xffe, 0x66554433], ['lw', 0xfff, 0x77665544],
    ['lh', 0xfff, 0x5544], ['lhu', 0xfff, 0x5544],
  ] as [string, number, number][])('%s at page offset %i reads across the page boundary from both frames', (name, off, want) => {
    const { m } = crossing((p) => p.li(R.s0, VA + off).emit(name, R.a0, R.s0, 0));
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(want);
    expect(m.cpu.misalignedAccesses).toBe(1);
  });

  it('lh across a page boundary sign-extends', () => {
    const { m } = crossing((p) => p.li(R.s0, VA + 0xfff).emit('lh', R.a0, R.s0, 0));
    m.ram.write8(FIRST_PA + 0xfff, 0x01);
    m.ram.write8(SECOND_PA, 0x80);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(0x8001 - 0x10000);
  });

  it.each([['sw', 0xffd], ['sw', 0xffe], ['sw', 0xfff], ['sh', 0xfff]] as [string, number][])(
    '%s at page offset %i writes across the page boundary into both frames', (name, off) => {
      const { m } = crossing((p) => p.li(R.s0, VA + off).li(R.t0, 0xa4a3a2a1 | 0).emit(name, R.t0, R.s0, 0));
      expect(runUntilTrap(m)).toBe(Trap.Ecall);
      const width = name === 'sh' ? 2 : 4;
      const bytes = [...m.ram.readBytes(FIRST_PA + 0xffc, 4), ...m.ram.readBytes(SECOND_PA, 4)];
      const want = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88];
      for (let i = 0; i < width; i++) want[off - 0xffc + i] = 0xa1 + i;
      expect(bytes).toEqual(want);
      expect(m.cpu.misalignedAccesses).toBe(1);
    });

  it('a misaligned store whose second page is unmapped faults at that page and writes nothing', () => {
    const { m } = crossing((p) => p.li(R.s0, VA + 0x1000).li(R.t0, -1).emit('sw', R.t0, R.s0, -2), false);
    expect(runUntilTrap(m)).toBe(Trap.StorePageFault);
    expect(m.cpu.tval).toBe(VA + 0x1000);
    expect(m.cpu.pc).toBe(CODE + 8);
    expect(Array.from(m.ram.readBytes(FIRST_PA + 0xffc, 4))).toEqual([0x11, 0x22, 0x33, 0x44]);
    expect(m.cpu.misalignedAccesses).toBe(0);
  });

  it('a misaligned store whose second page is read-only faults and writes nothing', () => {
    const { m, pt } = crossing((p) => p.li(R.s0, VA + 0x1000).li(R.t0, -1).emit('sh', R.t0, R.s0, -1), false);
    pt.mapPage(VA + 0x1000, SECOND_PA, Pte.R | Pte.U);
    expect(runUntilTrap(m)).toBe(Trap.StorePageFault);
    expect(m.cpu.tval).toBe(VA + 0x1000);
    expect(m.ram.read8(FIRST_PA + 0xfff)).toBe(0x44);
    expect(m.ram.read8(SECOND_PA)).toBe(0x55);
  });

  it('a misaligned load whose second page is unmapped faults, leaves rd alone and completes after the page is mapped', () => {
    const { m, pt } = crossing((p) => p.li(R.s0, VA + 0x1000).li(R.a0, 77).emit('lw', R.a0, R.s0, -2), false);
    expect(runUntilTrap(m)).toBe(Trap.LoadPageFault);
    expect(m.cpu.tval).toBe(VA + 0x1000);
    expect(m.cpu.x[R.a0]).toBe(77);
    pt.mapPage(VA + 0x1000, SECOND_PA, Pte.R | Pte.U);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(0x66554433);
  });

  it('a misaligned load that faults is not counted as completed (only the retried one is)', () => {
    const { m, pt } = crossing((p) => p.li(R.s0, VA + 0x1000).emit('lw', R.a0, R.s0, -2), false);
    expect(runUntilTrap(m)).toBe(Trap.LoadPageFault);
    expect(m.cpu.misalignedAccesses).toBe(0);
    pt.mapPage(VA + 0x1000, SECOND_PA, Pte.R | Pte.U);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.misalignedAccesses).toBe(1);
  });

  it('a misaligned store in bare mode that runs off the end of RAM is an access fault that writes nothing', () => {
    const top = 16 * 1024 * 1024;
    const p = new Program(CODE).li(R.s0, top - 2).li(R.t0, -1).emit('sw', R.t0, R.s0, 0).emit('ecall');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.StoreAccessFault);
    expect(m.cpu.tval).toBe(top);
    expect(m.ram.read16(top - 2)).toBe(0);
  });
});
