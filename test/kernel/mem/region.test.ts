import { describe, expect, it } from 'vitest';
import { Prot } from '../../../abi/mman.js';
import { RegionList, protString, type Region } from '../../../kernel/mem/region.js';

const RW = Prot.READ | Prot.WRITE;
const mm = (start: number, end: number, prot = RW): Region => ({ start, end, prot, kind: 'mmap', name: '' });
const ranges = (l: RegionList): string[] =>
  l.all().map((r) => `${r.start.toString(16)}-${r.end.toString(16)} ${protString(r.prot)} ${r.kind}`);

describe('RegionList', () => {
  it('keeps regions sorted and finds the one holding an address', () => {
    const l = new RegionList();
    l.insert({ start: 0x20000, end: 0x22000, prot: RW, kind: 'data', name: 'p' });
    l.insert({ start: 0x10000, end: 0x12000, prot: Prot.READ | Prot.EXEC, kind: 'text', name: 'p' });
    expect(ranges(l)).toEqual(['10000-12000 r-xp text', '20000-22000 rw-p data']);
    expect(l.find(0x11fff)?.kind).toBe('text');
    expect(l.find(0x12000)).toBeUndefined();
    expect(l.find(0x20000)?.kind).toBe('data');
  });

  it('merges adjacent regions of the same kind, permissions and name', () => {
    const l = new RegionList();
    l.insert(mm(0x10000, 0x11000));
    l.insert(mm(0x12000, 0x13000));
    l.insert(mm(0x11000, 0x12000));
    expect(ranges(l)).toEqual(['10000-13000 rw-p mmap']);
    l.insert(mm(0x13000, 0x14000, Prot.READ));
    expect(l.size).toBe(2);
  });

  it('splits a region when the middle is removed (munmap), returning the removed piece', () => {
    const l = new RegionList();
    l.insert(mm(0x10000, 0x20000));
    const removed = l.remove(0x14000, 0x15000);
    expect(removed.map((r) => [r.start, r.end])).toEqual([[0x14000, 0x15000]]);
    expect(ranges(l)).toEqual(['10000-14000 rw-p mmap', '15000-20000 rw-p mmap']);
  });

  it('removes across several regions and trims the ones sticking out', () => {
    const l = new RegionList();
    l.insert(mm(0x10000, 0x12000));
    l.insert(mm(0x13000, 0x15000, Prot.READ));
    l.insert(mm(0x16000, 0x18000));
    const removed = l.remove(0x11000, 0x17000);
    expect(removed.map((r) => [r.start, r.end])).toEqual([[0x11000, 0x12000], [0x13000, 0x15000], [0x16000, 0x17000]]);
    expect(ranges(l)).toEqual(['10000-11000 rw-p mmap', '17000-18000 rw-p mmap']);
    expect(l.remove(0x30000, 0x40000)).toEqual([]);
  });

  it('splits on mprotect of the middle and merges back when undone', () => {
    const l = new RegionList();
    l.insert(mm(0x10000, 0x20000));
    l.protect(0x14000, 0x16000, Prot.READ);
    expect(ranges(l)).toEqual(['10000-14000 rw-p mmap', '14000-16000 r--p mmap', '16000-20000 rw-p mmap']);
    l.protect(0x14000, 0x16000, RW);
    expect(ranges(l)).toEqual(['10000-20000 rw-p mmap']);
  });

  it('tells whether a range is covered without holes', () => {
    const l = new RegionList();
    l.insert(mm(0x10000, 0x12000));
    l.insert(mm(0x12000, 0x13000, Prot.READ));
    l.insert(mm(0x14000, 0x15000));
    expect(l.covers(0x10000, 0x13000)).toBe(true);
    expect(l.covers(0x11000, 0x15000)).toBe(false);
    expect(l.overlaps(0x13000, 0x14000)).toBe(false);
    expect(l.overlaps(0x13000, 0x14001)).toBe(true);
  });

  it('finds the highest gap that fits, top down', () => {
    const l = new RegionList();
    l.insert(mm(0x80000, 0x90000));
    l.insert(mm(0x70000, 0x7e000));
    expect(l.findGapTopDown(0x1000, 0x10000, 0x90000)).toBe(0x7f000);
    expect(l.findGapTopDown(0x3000, 0x10000, 0x90000)).toBe(0x6d000);
    expect(l.findGapTopDown(0x1000, 0x10000, 0xa0000)).toBe(0x9f000);
    expect(l.findGapTopDown(0x70000, 0x10000, 0x90000)).toBe(-1);
    expect(l.findGapTopDown(0x60000, 0x10000, 0x90000)).toBe(0x10000);
  });
});
