import { describe, expect, it } from 'vitest';
import { Pte } from '../../../abi/riscv.js';
import { PageTable } from '../../../kernel/mem/pagetable.js';
import { KernelPanic } from '../../../kernel/panic.js';
import { mmFixture } from './mmfixture.js';

const setup = () => {
  const f = mmFixture();
  return { ...f, pt: PageTable.create(f.ram, f.frames)! };
};

describe('PageTable (Sv32 in RAM)', () => {
  it('writes a two-level walk the MMU can follow: root PTE -> table, leaf PTE -> frame', () => {
    const { ram, frames, pt } = setup();
    const frame = frames.allocFrame();
    expect(pt.map(0x00412000, frame, Pte.R | Pte.W | Pte.U)).toBe(true);
    const rootPte = ram.read32(pt.rootPa + (0x00412000 >>> 22) * 4);
    expect(rootPte & (Pte.V | Pte.R | Pte.W | Pte.X)).toBe(Pte.V);
    const table = (rootPte >>> 10) * 4096;
    const leaf = ram.read32(table + ((0x00412000 >>> 12) & 0x3ff) * 4);
    expect(leaf).toBe(((frame / 4096) << 10) | Pte.V | Pte.R | Pte.W | Pte.U);
    expect(pt.translate(0x00412abc)).toBe(frame + 0xabc);
    expect(pt.satp).toBe((0x80000000 | (pt.rootPa / 4096)) >>> 0);
  });

  it('translates unmapped addresses to -1, including the kernel half', () => {
    const { pt } = setup();
    expect(pt.translate(0)).toBe(-1);
    expect(pt.translate(0xffffffff)).toBe(-1);
    expect(pt.lookup(0xc0000000)).toBe(0);
  });

  it('frees a second-level table when its last leaf goes, and everything on destroy', () => {
    const { frames, pt } = setup();
    const base = frames.usedFrames; // the root
    const a = frames.allocFrame();
    const b = frames.allocFrame();
    pt.map(0x10000, a, Pte.R | Pte.U);
    pt.map(0x11000, b, Pte.R | Pte.U);
    expect(pt.tablePages).toBe(2);
    expect(pt.unmap(0x10000)).toBe(a);
    expect(pt.tablePages).toBe(2);
    expect(pt.unmap(0x11000)).toBe(b);
    expect(pt.tablePages).toBe(1);
    expect(pt.unmap(0x11000)).toBe(-1);
    frames.freeFrame(a);
    frames.freeFrame(b);
    expect(frames.usedFrames).toBe(base);
    pt.destroy();
    expect(frames.usedFrames).toBe(0);
  });

  it('changes permissions in place and keeps the frame and the A/D bits', () => {
    const { ram, frames, pt } = setup();
    const a = frames.allocFrame();
    pt.map(0x20000, a, Pte.R | Pte.W | Pte.U | Pte.A | Pte.D);
    expect(pt.protect(0x20000, Pte.R | Pte.U)).toBe(true);
    expect(pt.lookup(0x20000)).toBe(((a / 4096) << 10) | Pte.V | Pte.R | Pte.U | Pte.A | Pte.D);
    expect(pt.protect(0x30000, Pte.R)).toBe(false);
    expect(ram.read32(pt.rootPa)).not.toBe(0);
  });

  it('lists every leaf in address order', () => {
    const { frames, pt } = setup();
    for (const va of [0xbffff000, 0x10000, 0x500000]) pt.map(va, frames.allocFrame(), Pte.R | Pte.U);
    const seen: number[] = [];
    pt.forEachLeaf((va) => seen.push(va));
    expect(seen).toEqual([0x10000, 0x500000, 0xbffff000]);
  });

  it('panics on a remap, on W without R, and on destroy with leaves left', () => {
    const { frames, pt } = setup();
    const a = frames.allocFrame();
    pt.map(0x10000, a, Pte.R | Pte.U);
    expect(() => pt.map(0x10000, a, Pte.R | Pte.U)).toThrow(/remap/);
    expect(() => pt.map(0x20000, a, Pte.W | Pte.U)).toThrow(KernelPanic);
    expect(() => pt.destroy()).toThrow(/leaves left/);
  });
});
