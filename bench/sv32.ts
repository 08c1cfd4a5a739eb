// Hand-built Sv32 page tables for benchmarks and machine tests (the kernel has its own,
// kernel/mem/pagetable.ts). Page-table pages come from a bump pointer in physical memory.

import { makePte, pageNumber, ptePa, vpn0, vpn1 } from '../abi/pages.js';
import { Pte, SATP_MODE_SV32 } from '../abi/riscv.js';
import { PhysicalMemory } from '../machine/ram.js';

export class Sv32Builder {
  readonly root: number;
  private next: number;

  /** Tables are carved upward from physical address `tablesAt` (4 KiB aligned). */
  constructor(private readonly ram: PhysicalMemory, tablesAt: number) {
    this.root = tablesAt;
    this.next = tablesAt + 4096;
    ram.fill(this.root, 4096);
  }

  /** The satp value selecting these tables. */
  get satp(): number {
    return (SATP_MODE_SV32 | pageNumber(this.root)) >>> 0;
  }

  /** Maps `bytes` (rounded up to pages) of va to pa with PTE `flags` (V is added). */
  map(va: number, pa: number, bytes: number, flags: number): void {
    for (let off = 0; off < bytes; off += 4096) this.mapPage((va + off) >>> 0, pa + off, flags);
  }

  /** Maps one 4 KiB page. */
  mapPage(va: number, pa: number, flags: number): void {
    const l1 = this.root + vpn1(va) * 4;
    let pte = this.ram.read32(l1);
    if (!(pte & Pte.V)) {
      const table = this.next;
      this.next += 4096;
      this.ram.fill(table, 4096);
      pte = makePte(table, Pte.V);
      this.ram.write32(l1, pte);
    }
    const l0 = ptePa(pte) + vpn0(va) * 4;
    this.ram.write32(l0, makePte(pa, flags | Pte.V));
  }

  /** Writes a level-1 leaf (4 MiB megapage) for va with the given raw PPN and flags. */
  mapMegapage(va: number, ppn: number, flags: number): void {
    this.ram.write32(this.root + vpn1(va) * 4, ((ppn << Pte.PPN_SHIFT) | flags | Pte.V) >>> 0);
  }

  /** Physical address of the level-0 PTE for va, or -1 when there is no level-0 table. */
  leafAddress(va: number): number {
    const pte = this.ram.read32(this.root + vpn1(va) * 4);
    if (!(pte & Pte.V)) return -1;
    return ptePa(pte) + vpn0(va) * 4;
  }
}
