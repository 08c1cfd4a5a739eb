// 4 KiB frames carved from 2 MiB chunks. A chunk is taken from the chunk map when no owned chunk has a free
// frame, and handed back the moment all of its frames are free again, so after every process exits the chunk
// map reads exactly as it did at boot. Frames are zeroed when handed out; page-table pages are frames too.
// The kernel writes into frames only through this allocator (zeroing, write, copyFrame, writeWord), and each
// of those tells the machine's code marks (machine/codemarks.ts) through their one door, written(): a frame
// that held code and is overwritten or freed can never keep a stale translation.

import type { CodeMarks } from '../../machine/codemarks.js';
import type { PhysicalMemory } from '../../machine/ram.js';
import { panic } from '../panic.js';
import type { ChunkMap } from './chunks.js';
import { CHUNK_SIZE, FRAMES_PER_CHUNK, PAGE_SIZE } from './layout.js';

/** Bookkeeping for one chunk owned by the frame allocator. */
class CarvedChunk {
  /** Stack of free frame numbers within the chunk (0..511). */
  readonly freeStack = new Uint16Array(FRAMES_PER_CHUNK);
  freeCount = FRAMES_PER_CHUNK;
  /** 1 where the frame is handed out: catches double frees. */
  readonly inUse = new Uint8Array(FRAMES_PER_CHUNK);

  constructor(readonly pa: number) {
    // Hand out low frames first (pop from the end of the stack).
    for (let i = 0; i < FRAMES_PER_CHUNK; i++) this.freeStack[i] = FRAMES_PER_CHUNK - 1 - i;
  }
}

export interface FrameCounters {
  /** Frames handed out and not yet freed. */
  usedFrames: number;
  /** Free frames inside chunks the allocator owns. */
  freeFramesInChunks: number;
  /** Chunks the allocator holds. */
  ownedChunks: number;
  /** Frames obtainable right now: free ones in owned chunks plus 512 per free chunk in the map. */
  availableFrames: number;
}

export class FrameAllocator {
  private readonly owned = new Map<number, CarvedChunk>();
  /** Owned chunks with at least one free frame, keyed by chunk index. */
  private readonly partial = new Map<number, CarvedChunk>();
  private used = 0;
  private freeInChunks = 0;
  /** When set (tests), freed frames are filled with 0xa5 to catch use after free. */
  poisonFreed = false;
  /** Extra references per frame number (copy-on-write sharing after fork): 0 for a frame with one owner. */
  private readonly shares: Uint16Array;

  constructor(
    private readonly ram: PhysicalMemory,
    private readonly chunks: ChunkMap,
    /** The machine's record of frames holding code: told of every write the kernel makes into a frame. */
    private readonly code: CodeMarks,
  ) {
    this.shares = new Uint16Array(ram.sizeBytes / PAGE_SIZE);
  }

  /** Adds an owner to handed-out frame `pa` (fork shares it copy-on-write); freeFrame drops one owner. */
  shareFrame(pa: number): void {
    if (!this.isAllocated(pa)) panic(`FrameAllocator.shareFrame: 0x${pa.toString(16)} is not allocated`);
    if (this.shares[pa / PAGE_SIZE] === 0xffff) panic(`FrameAllocator.shareFrame: too many owners of 0x${pa.toString(16)}`);
    this.shares[pa / PAGE_SIZE]++;
  }

  /** How many address spaces own frame `pa` (1 unless shared copy-on-write). */
  owners(pa: number): number { return 1 + this.shares[pa / PAGE_SIZE]; }

  /**
   * A zeroed 4 KiB frame's physical address, or -1 when physical memory is exhausted (nothing changes then).
   */
  allocFrame(): number {
    let carved: CarvedChunk | undefined;
    for (const c of this.partial.values()) { carved = c; break; }
    if (!carved) {
      const pa = this.chunks.allocChunks(1);
      if (pa < 0) return -1;
      carved = new CarvedChunk(pa);
      this.owned.set(pa / CHUNK_SIZE, carved);
      this.partial.set(pa / CHUNK_SIZE, carved);
      this.freeInChunks += FRAMES_PER_CHUNK;
    }
    const n = carved.freeStack[--carved.freeCount];
    carved.inUse[n] = 1;
    if (carved.freeCount === 0) this.partial.delete(carved.pa / CHUNK_SIZE);
    this.used++;
    this.freeInChunks--;
    const pa = carved.pa + n * PAGE_SIZE;
    this.ram.u8.fill(0, pa, pa + PAGE_SIZE);
    this.code.written(pa, PAGE_SIZE);
    return pa;
  }

  /** Copies `bytes` into RAM at `pa` (inside handed-out frames: the caller checked the user's rights). */
  write(pa: number, bytes: Uint8Array): void {
    this.ram.u8.set(bytes, pa);
    this.code.written(pa, bytes.length);
  }

  /** Copies the whole frame `src` over frame `dst` (copy-on-write). */
  copyFrame(dst: number, src: number): void {
    this.ram.u8.copyWithin(dst, src, src + PAGE_SIZE);
    this.code.written(dst, PAGE_SIZE);
  }

  /** Stores the 32-bit `value` at 4-byte aligned `pa` (a page-table entry). */
  writeWord(pa: number, value: number): void {
    this.ram.i32[pa >>> 2] = value;
    this.code.written(pa, 4);
  }

  /**
   * Drops one owner of frame `pa`; when it was the last, returns the frame to its chunk; the chunk goes back to the chunk map when all its frames are free.
   * Requires `pa` to be a frame this allocator handed out and that is not free already (panic otherwise).
   */
  freeFrame(pa: number): void {
    if (pa % PAGE_SIZE !== 0) panic(`FrameAllocator.freeFrame: unaligned 0x${pa.toString(16)}`);
    if (this.shares[pa / PAGE_SIZE] > 0) {
      // One owner of a shared frame lets go; the others keep it.
      this.shares[pa / PAGE_SIZE]--;
      return;
    }
    const index = Math.floor(pa / CHUNK_SIZE);
    const carved = this.owned.get(index);
    if (!carved) panic(`FrameAllocator.freeFrame: 0x${pa.toString(16)} is not in an owned chunk`);
    const n = (pa - carved.pa) / PAGE_SIZE;
    if (carved.inUse[n] !== 1) panic(`FrameAllocator.freeFrame: double free of 0x${pa.toString(16)}`);
    carved.inUse[n] = 0;
    if (this.poisonFreed) this.ram.u8.fill(0xa5, pa, pa + PAGE_SIZE);
    this.code.written(pa, PAGE_SIZE); // whatever code it held is gone, poisoned or not
    carved.freeStack[carved.freeCount++] = n;
    this.used--;
    this.freeInChunks++;
    if (carved.freeCount === FRAMES_PER_CHUNK) {
      this.owned.delete(index);
      this.partial.delete(index);
      this.freeInChunks -= FRAMES_PER_CHUNK;
      this.chunks.releaseChunks(carved.pa, 1);
    } else if (carved.freeCount === 1) {
      this.partial.set(index, carved);
    }
  }

  /** True when `pa` is a frame currently handed out. */
  isAllocated(pa: number): boolean {
    const carved = this.owned.get(Math.floor(pa / CHUNK_SIZE));
    return !!carved && pa % PAGE_SIZE === 0 && carved.inUse[(pa - carved.pa) / PAGE_SIZE] === 1;
  }

  /** A snapshot of the counters. */
  counters(): FrameCounters {
    return {
      usedFrames: this.used,
      freeFramesInChunks: this.freeInChunks,
      ownedChunks: this.owned.size,
      availableFrames: this.freeInChunks + this.chunks.freeChunks * FRAMES_PER_CHUNK,
    };
  }

  /** Frames handed out and not yet freed. */
  get usedFrames(): number { return this.used; }
  /** Frames obtainable right now without failing. */
  get availableFrames(): number { return this.freeInChunks + this.chunks.freeChunks * FRAMES_PER_CHUNK; }
}
