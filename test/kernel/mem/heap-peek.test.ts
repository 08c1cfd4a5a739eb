// The heap walker's view of memory (kernel/mem/heap/peek.ts) and its checks, on a heap laid out by hand: reading
// faults nothing in, changes no PTE (A/D bits included) and breaks no copy-on-write sharing; a sequential-fit
// heap of three chunks and a top decodes block by block; broken links and sizes give "corrupt at" findings.
import { describe, expect, it } from 'vitest';
import { Prot } from '../../../abi/mman.js';
import { BlockState } from '../../../kernel/mem/heap/blocks.js';
import { HEAP_DESC_MAGIC } from '../../../kernel/mem/heap/descriptor.js';
import { formatHeap } from '../../../kernel/mem/heap/format.js';
import { GuestPeek } from '../../../kernel/mem/heap/peek.js';
import { walkHeap } from '../../../kernel/mem/heap/walk.js';
import type { AddressSpace } from '../../../kernel/mem/addrspace.js';
import { mmFixture } from './mmfixture.js';

const words = (...w: number[]): Uint8Array => new Uint8Array(Uint32Array.from(w).buffer);
const DATA = 0x10000; // the libc's variables: base, top, top_size, then the free list's sentinel at +16
const DESC = 0x10100;
const HEAP = 0x40000;

/**
 * A "first" policy heap: A (32, used) B (32, free, on the list) C (32, used) then the top chunk, with its
 * descriptor (heap_desc.h version 1) and variables in a data region.
 */
function handMadeHeap(): AddressSpace {
  const space = mmFixture().space();
  space.addRegion(DATA, DATA + 0x1000, Prot.READ | Prot.WRITE, 'data', '/prog');
  space.addRegion(HEAP, HEAP + 0x2000, Prot.READ | Prot.WRITE, 'heap', '[heap]');
  space.brkStart = HEAP;
  space.brk = HEAP + 0x2000;
  const sentinel = DATA + 16;
  space.writeInitial(DATA, words(HEAP, HEAP + 0x60, 0x1fa0, 0, 0, 0, HEAP + 0x20, HEAP + 0x20));
  space.writeInitial(DESC, words(HEAP_DESC_MAGIC, 1, 2, DATA, DATA + 4, DATA + 8, sentinel, 1, 16, 0, 0, 4, 0, 0, 0));
  space.writeInitial(HEAP, words(
    0, 32 | 3, 0, 0, 0, 0, 0, 0, // A: PINUSE | CINUSE
    0, 32 | 1, sentinel, sentinel, 0, 0, 0, 0, // B: free, linked both ways to the sentinel
    32, 32 | 2, 0, 0, 0, 0, 0, 0, // C: prev_foot = B's size, PINUSE clear
    0, 0x1fa0 | 1, // the top chunk
  ));
  return space;
}

const reg = { policy: 2, descVa: DESC };

describe('the heap walker on a heap laid out by hand', () => {
  it('decodes used, free (on the list) and top blocks, in address order', () => {
    const w = walkHeap(handMadeHeap(), reg);
    expect(w.corrupt).toEqual([]);
    expect(w.policy).toBe('first');
    expect(formatHeap(w).split('\n\n')[1]).toBe(
      '0x00040000 32 used\n0x00040020 32 free list\n0x00040040 32 used\n0x00040060 8096 top\n');
    expect([...w.blocks.state]).toEqual([BlockState.USED, BlockState.FREE, BlockState.USED, BlockState.TOP]);
  });

  it('reads through the page tables without faulting pages in or changing any PTE', () => {
    const space = handMadeHeap();
    const before = [HEAP, HEAP + 0x1000, DATA].map((va) => space.pageTable.lookup(va));
    const resident = space.residentPages;
    const peek = new GuestPeek(space);
    expect(peek.u32(HEAP + 4)).toBe(32 | 3);
    expect(peek.u32(HEAP + 0x1000)).toBe(0); // an untouched heap page reads as the zeros it would get
    expect(peek.resident(HEAP + 0x1000)).toBe(false);
    expect(peek.u32(0xc0001000)).toBe(0); // the kernel half: nothing
    walkHeap(space, reg);
    expect([HEAP, HEAP + 0x1000, DATA].map((va) => space.pageTable.lookup(va))).toEqual(before);
    expect(space.residentPages).toBe(resident);
  });

  it('leaves copy-on-write pages shared after a fork', () => {
    const parent = handMadeHeap();
    const child = parent.fork()!;
    const pte = child.pageTable.lookup(HEAP);
    expect(walkHeap(child, reg).blocks.count).toBe(4);
    expect(child.pageTable.lookup(HEAP)).toBe(pte);
    expect(parent.pageTable.lookup(HEAP) >>> 10).toBe(pte >>> 10);
  });

  it('reports a free list whose back link is broken, and a free chunk it could then not find on a list', () => {
    const space = handMadeHeap();
    space.writeInitial(HEAP + 0x20 + 12, words(HEAP + 0x40)); // B's bk no longer names the sentinel
    const w = walkHeap(space, reg);
    expect(w.corrupt.map((c) => `0x${c.addr.toString(16)}: ${c.what}`)).toEqual([
      '0x40020: free list back link is broken', '0x40020: free chunk is on no free list']);
    expect(w.blocks.count).toBe(4);
  });

  it('stops at a chunk whose size runs past the heap, saying where', () => {
    const space = handMadeHeap();
    space.writeInitial(HEAP + 0x40 + 4, words(0x7ffffff2));
    const w = walkHeap(space, reg);
    expect(formatHeap(w)).toContain('corrupt at 0x00040040: chunk size 2147483632 is out of range (heap ends at 0x40060)\n');
    expect(w.blocks.count).toBe(2);
  });

  it('refuses a descriptor of another version, and walks nothing', () => {
    const space = handMadeHeap();
    space.writeInitial(DESC + 4, words(2));
    const w = walkHeap(space, reg);
    expect(w.policy).toBe('none');
    expect(w.corrupt).toEqual([{ addr: DESC, what: 'descriptor version 2 is not 1' }]);
  });
});
