import { describe, expect, it } from 'vitest';
import { Machine } from '../../../machine/machine.js';
import { PhysicalMemory, MIB } from '../../../machine/ram.js';
import { ChunkMap } from '../../../kernel/mem/chunks.js';
import { FrameAllocator } from '../../../kernel/mem/frames.js';
import { KernelPanic } from '../../../kernel/panic.js';

const setup = (mib = 16): { ram: PhysicalMemory; chunks: ChunkMap; frames: FrameAllocator } => {
  const machine = new Machine({ ramBytes: mib * MIB });
  const chunks = new ChunkMap(machine.ram);
  return { ram: machine.ram, chunks, frames: new FrameAllocator(machine.ram, chunks, machine.mmu.code) };
};

describe('FrameAllocator', () => {
  it('takes a chunk from the top of memory for its first frame', () => {
    const { chunks, frames } = setup();
    const pa = frames.allocFrame();
    expect(pa).toBe(14 * MIB);
    expect(chunks.freeChunks).toBe(6);
    expect(frames.counters()).toEqual({ usedFrames: 1, freeFramesInChunks: 511, ownedChunks: 1, availableFrames: 511 + 6 * 512 });
  });

  it('hands out zeroed frames even when the memory was dirty', () => {
    const { ram, frames } = setup();
    ram.fill(14 * MIB, 2 * MIB, 0xff);
    const pa = frames.allocFrame();
    expect(ram.u8.subarray(pa, pa + 4096).every((b) => b === 0)).toBe(true);
  });

  it('gives the chunk back to the chunk map when its last frame is freed', () => {
    const { chunks, frames } = setup();
    const a = frames.allocFrame();
    const b = frames.allocFrame();
    frames.freeFrame(a);
    expect(chunks.freeChunks).toBe(6);
    frames.freeFrame(b);
    expect(chunks.freeChunks).toBe(7);
    expect(frames.counters()).toEqual({ usedFrames: 0, freeFramesInChunks: 0, ownedChunks: 0, availableFrames: 7 * 512 });
  });

  it('takes a second chunk only when the first is full', () => {
    const { chunks, frames } = setup();
    const got: number[] = [];
    for (let i = 0; i < 513; i++) got.push(frames.allocFrame());
    expect(new Set(got).size).toBe(513);
    expect(chunks.freeChunks).toBe(5);
    expect(got[512]).toBe(12 * MIB);
    for (const pa of got) frames.freeFrame(pa);
    expect(chunks.freeChunks).toBe(7);
  });

  it('returns -1 when every chunk is carved up, and recovers after frees', () => {
    const { frames } = setup();
    const got: number[] = [];
    for (;;) {
      const pa = frames.allocFrame();
      if (pa < 0) break;
      got.push(pa);
    }
    expect(got.length).toBe(7 * 512);
    expect(frames.availableFrames).toBe(0);
    frames.freeFrame(got.pop()!);
    expect(frames.allocFrame()).toBeGreaterThan(0);
  });

  it('panics on a double free and on a frame it never handed out', () => {
    const { frames } = setup();
    const a = frames.allocFrame();
    frames.allocFrame();
    frames.freeFrame(a);
    expect(() => frames.freeFrame(a)).toThrow(KernelPanic);
    expect(() => frames.freeFrame(2 * MIB)).toThrow(KernelPanic);
    expect(() => frames.freeFrame(a + 1)).toThrow(KernelPanic);
  });

  it('poisons freed frames when asked, and still zeroes them when handed out again', () => {
    const { ram, frames } = setup();
    frames.poisonFreed = true;
    const keep = frames.allocFrame();
    const a = frames.allocFrame();
    frames.freeFrame(a);
    expect(ram.u8[a]).toBe(0xa5);
    const b = frames.allocFrame();
    expect(b).toBe(a);
    expect(ram.u8[b]).toBe(0);
    frames.freeFrame(keep);
  });
});

describe('FrameAllocator copy-on-write sharing', () => {
  it('counts owners: a frame shared by three address spaces survives two frees, contents and counters intact', () => {
    const { ram, chunks, frames } = setup();
    frames.poisonFreed = true;
    const pa = frames.allocFrame();
    ram.u8.fill(0x5c, pa, pa + 4096);
    const before = frames.counters();
    frames.shareFrame(pa);
    frames.shareFrame(pa);
    expect(frames.owners(pa)).toBe(3);
    frames.freeFrame(pa);
    frames.freeFrame(pa);
    // Two owners let go: the third still has its page, unpoisoned, and nothing was returned.
    expect(frames.owners(pa)).toBe(1);
    expect(frames.isAllocated(pa)).toBe(true);
    expect(ram.u8.subarray(pa, pa + 4096).every((b) => b === 0x5c)).toBe(true);
    expect(frames.counters()).toEqual(before);
    frames.freeFrame(pa);
    expect(frames.isAllocated(pa)).toBe(false);
    expect(frames.counters().usedFrames).toBe(0);
    expect(chunks.freeChunks).toBe(7);
  });

  it('hands a once-shared frame out again with a single owner', () => {
    const { frames } = setup();
    const pa = frames.allocFrame();
    frames.shareFrame(pa);
    frames.freeFrame(pa);
    frames.freeFrame(pa);
    const again = frames.allocFrame();
    expect(again).toBe(pa);
    expect(frames.owners(again)).toBe(1);
    frames.freeFrame(again);
    expect(frames.isAllocated(again)).toBe(false);
  });

  it('panics when a frame that is not handed out is shared', () => {
    const { frames } = setup();
    const pa = frames.allocFrame();
    frames.freeFrame(pa);
    expect(() => frames.shareFrame(pa)).toThrow(KernelPanic);
  });
});
