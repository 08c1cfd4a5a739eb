import { describe, expect, it } from 'vitest';
import { PhysicalMemory, MIB } from '../../../machine/ram.js';
import { ChunkMap } from '../../../kernel/mem/chunks.js';
import { CHUNK_MAP_PA } from '../../../kernel/mem/layout.js';
import { KernelPanic } from '../../../kernel/panic.js';

const CHUNK = 2 * MIB;
const fresh = (mib = 16): { ram: PhysicalMemory; map: ChunkMap } => {
  const ram = new PhysicalMemory(mib * MIB);
  return { ram, map: new ChunkMap(ram) };
};

describe('ChunkMap', () => {
  it('keeps one byte per chunk in RAM inside chunk 0: 2 for chunk 0, 1 for the others', () => {
    const { ram, map } = fresh(16);
    expect(map.chunkCount).toBe(8);
    expect(Array.from(ram.u8.subarray(CHUNK_MAP_PA, CHUNK_MAP_PA + 8))).toEqual([2, 1, 1, 1, 1, 1, 1, 1]);
    expect(map.freeChunks).toBe(7);
    expect(map.usedChunks).toBe(1);
    expect(map.render()).toBe('#.......');
  });

  it('allocates from the top of memory downward', () => {
    const { map } = fresh(16);
    expect(map.allocChunks(1)).toBe(7 * CHUNK);
    expect(map.allocChunks(2)).toBe(5 * CHUNK);
    expect(map.render()).toBe('#....###');
  });

  it('fails for a count of 0, a negative or fractional count, or more than is free', () => {
    const { map } = fresh(16);
    expect(map.allocChunks(0)).toBe(-1);
    expect(map.allocChunks(-1)).toBe(-1);
    expect(map.allocChunks(1.5)).toBe(-1);
    expect(map.allocChunks(8)).toBe(-1);
    expect(map.freeChunks).toBe(7);
  });

  it('never hands out chunk 0 and fails once exhausted', () => {
    const { map } = fresh(16);
    expect(map.allocChunks(7)).toBe(1 * CHUNK);
    expect(map.allocChunks(1)).toBe(-1);
    expect(map.freeChunks).toBe(0);
  });

  it('finds a contiguous run only where one exists (fragmentation)', () => {
    const { map } = fresh(16);
    const a = [7, 6, 5, 4, 3, 2, 1].map(() => map.allocChunks(1));
    map.releaseChunks(a[0], 1); // chunk 7
    map.releaseChunks(a[2], 1); // chunk 5
    map.releaseChunks(a[4], 1); // chunk 3
    expect(map.render()).toBe('###.#.#.');
    expect(map.freeChunks).toBe(3);
    expect(map.allocChunks(2)).toBe(-1);
    map.releaseChunks(a[1], 1); // chunk 6: now 5,6,7 are contiguous
    expect(map.allocChunks(3)).toBe(5 * CHUNK);
    expect(map.allocChunks(1)).toBe(3 * CHUNK);
  });

  it('releases a run and allows it to be allocated again', () => {
    const { map } = fresh(32);
    const pa = map.allocChunks(4);
    expect(pa).toBe(12 * CHUNK);
    map.releaseChunks(pa, 4);
    expect(map.freeChunks).toBe(15);
    expect(map.allocChunks(15)).toBe(1 * CHUNK);
  });

  it('panics on releasing a free chunk, chunk 0, or an unaligned address', () => {
    const { map } = fresh(16);
    expect(() => map.releaseChunks(7 * CHUNK, 1)).toThrow(KernelPanic);
    expect(() => map.releaseChunks(0, 1)).toThrow(KernelPanic);
    const pa = map.allocChunks(1);
    expect(() => map.releaseChunks(pa + 4096, 1)).toThrow(KernelPanic);
  });

  it('panics when the map bytes in RAM are corrupt', () => {
    const { ram, map } = fresh(16);
    ram.u8[CHUNK_MAP_PA + 3] = 7;
    expect(() => map.render()).toThrow(/corrupt byte 7 for chunk 3/);
  });

  it('scales to 1 GiB: 512 chunks', () => {
    const { map } = fresh(1024);
    expect(map.chunkCount).toBe(512);
    expect(map.allocChunks(511)).toBe(CHUNK);
  });
});
