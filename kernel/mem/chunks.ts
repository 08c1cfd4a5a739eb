// The chunk map: physical memory in 2 MiB chunks, one byte each, kept in RAM inside chunk 0, as BareMetal OS's
// os_mem_allocate/os_mem_release keep theirs. Byte values: 1 free, 2 used. Allocation takes `count` contiguous
// free chunks searching from the top of memory downward, so user memory gathers high and chunk 0 stays put.

import type { PhysicalMemory } from '../../machine/ram.js';
import { kassert, panic } from '../panic.js';
import { CHUNK_MAP_PA, CHUNK_SIZE } from './layout.js';

export const enum ChunkState {
  FREE = 1,
  USED = 2,
}

export class ChunkMap {
  /** Number of 2 MiB chunks in RAM. */
  readonly chunkCount: number;
  private _free = 0;

  /**
   * Writes a fresh map for `ram` at `mapPa` (inside chunk 0): every chunk free except chunk 0, which holds
   * the kernel's own structures (the map among them) and is used from boot.
   */
  constructor(private readonly ram: PhysicalMemory, private readonly mapPa: number = CHUNK_MAP_PA) {
    this.chunkCount = ram.sizeBytes / CHUNK_SIZE;
    kassert(mapPa + this.chunkCount <= CHUNK_SIZE, 'ChunkMap: the map must fit in chunk 0');
    ram.fill(mapPa, this.chunkCount, ChunkState.FREE);
    ram.u8[mapPa] = ChunkState.USED;
    this._free = this.chunkCount - 1;
  }

  /** Chunks currently free. */
  get freeChunks(): number { return this._free; }
  /** Chunks currently used (chunk 0 included). */
  get usedChunks(): number { return this.chunkCount - this._free; }

  /** State byte of chunk `index` as it is in RAM (validated: anything but 1 or 2 is a panic). */
  stateOf(index: number): ChunkState {
    if (!(Number.isInteger(index) && index >= 0 && index < this.chunkCount)) panic(`ChunkMap.stateOf: bad chunk ${index}`);
    const b = this.ram.u8[this.mapPa + index];
    if (!(b === ChunkState.FREE || b === ChunkState.USED)) panic(`ChunkMap: corrupt byte ${b} for chunk ${index}`);
    return b;
  }

  /**
   * Finds `count` contiguous free chunks, the highest such run in memory, marks them used and returns the
   * physical address of the first. Returns -1 when no run is long enough or `count` is not a positive integer.
   */
  allocChunks(count: number): number {
    if (!Number.isInteger(count) || count <= 0 || count > this._free) return -1;
    const map = this.ram.u8;
    let run = 0;
    for (let i = this.chunkCount - 1; i >= 1; i--) {
      run = map[this.mapPa + i] === ChunkState.FREE ? run + 1 : 0;
      if (run === count) {
        map.fill(ChunkState.USED, this.mapPa + i, this.mapPa + i + count);
        this._free -= count;
        return i * CHUNK_SIZE;
      }
    }
    return -1;
  }

  /**
   * Marks `count` chunks starting at physical address `pa` free again. Requires a chunk-aligned `pa` and that
   * every chunk in the range is used and is not chunk 0 (a panic otherwise: releasing what was not allocated is
   * a kernel bug).
   */
  releaseChunks(pa: number, count: number): void {
    if (!(pa % CHUNK_SIZE === 0 && count > 0)) panic(`ChunkMap.releaseChunks: bad range 0x${pa.toString(16)} x ${count}`);
    const first = pa / CHUNK_SIZE;
    if (!(first >= 1 && first + count <= this.chunkCount)) panic(`ChunkMap.releaseChunks: chunk ${first} x ${count} out of range`);
    for (let i = first; i < first + count; i++) {
      if (!(this.stateOf(i) === ChunkState.USED)) panic(`ChunkMap.releaseChunks: chunk ${i} is already free`);
    }
    this.ram.fill(this.mapPa + first, count, ChunkState.FREE);
    this._free += count;
  }

  /** The map as text, one character per chunk: '#' used, '.' free (chunk 0 first), for the boot log. */
  render(): string {
    let s = '';
    for (let i = 0; i < this.chunkCount; i++) s += this.stateOf(i) === ChunkState.USED ? '#' : '.';
    return s;
  }
}
