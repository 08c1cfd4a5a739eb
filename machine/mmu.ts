// Sv32 address translation for user mode (Privileged ISA 4.3): a two-level walk through page
// tables in PhysicalMemory, permission checks, A/D updates, and TLB refills.

import { Pte, SATP_MODE_SV32, SATP_PPN_MASK } from '../abi/riscv.js';
import { CodeMarks } from './codemarks.js';
import { PhysicalMemory } from './ram.js';
import { Access, Trap } from './trap.js';
import { Tlb, TLB_MASK } from './tlb.js';

const PAGE_FAULT: readonly Trap[] = [Trap.InstructionPageFault, Trap.LoadPageFault, Trap.StorePageFault];
const ACCESS_FAULT: readonly Trap[] = [Trap.InstructionAccessFault, Trap.LoadAccessFault, Trap.StoreAccessFault];
const NEEDED: readonly number[] = [Pte.X, Pte.R, Pte.W];

export class Mmu {
  readonly tlb = new Tlb();
  /** Frames the CPU has fetched instructions from; writes to them are reported (machine/codemarks.ts). */
  readonly code: CodeMarks;
  /** The trap of the last failed translate(). */
  fault: Trap = Trap.Budget;
  private satpValue = 0;

  constructor(private readonly ram: PhysicalMemory) {
    this.code = new CodeMarks(ram.sizeBytes, this.tlb);
  }

  get satp(): number {
    return this.satpValue;
  }

  /** Writes satp (bit 31: Sv32 on; bits 21:0: root PPN; 0: bare) and flushes the TLB. Code marks stay. */
  setSatp(value: number): void {
    this.satpValue = value >>> 0;
    this.tlb.flushAll();
  }

  /**
   * Translates `va` for `access` and refills the TLB. Returns the physical address, or -1 with
   * `fault` set to the page or access fault to raise.
   */
  translate(va: number, access: Access): number {
    va >>>= 0;
    const pageBase = this.satpValue & SATP_MODE_SV32 ? this.walk(va, access) : this.bare(va, access);
    if (pageBase < 0) return -1;
    this.refill(va, pageBase, access);
    return pageBase + (va & 0xfff);
  }

  private bare(va: number, access: Access): number {
    const page = va & ~0xfff;
    if (page + 0x1000 > this.ram.sizeBytes || page < 0) return this.fail(ACCESS_FAULT[access]);
    return page;
  }

  /**
   * The Sv32 walk. Returns the physical base of the 4 KiB page holding va, or -1. The field arithmetic is
   * written out with literals rather than taken from abi/pages.ts: every TLB miss runs it, and imported
   * bindings are not constant-folded by V8 here (a refill measured 20 ns so, 22 with PAGE_SIZE, 25 with vpn1...).
   */
  private walk(va: number, access: Access): number {
    const ram = this.ram;
    let table = (this.satpValue & SATP_PPN_MASK) * 4096;
    for (let level = 1; level >= 0; level--) {
      const vpn = level === 1 ? va >>> 22 : (va >>> 12) & 0x3ff;
      const pteAddr = table + vpn * 4;
      if (pteAddr + 4 > ram.sizeBytes) return this.fail(ACCESS_FAULT[access]);
      const pte = ram.i32[pteAddr >>> 2];
      if (!(pte & Pte.V) || (!(pte & Pte.R) && pte & Pte.W)) return this.fail(PAGE_FAULT[access]);
      const ppn = pte >>> 10;
      if (!(pte & (Pte.R | Pte.X))) {
        if (level === 0) return this.fail(PAGE_FAULT[access]);
        table = ppn * 4096;
        continue;
      }
      // A leaf: user mode needs U and the access's permission; a megapage needs PPN[0] = 0.
      if (!(pte & Pte.U) || !(pte & NEEDED[access])) return this.fail(PAGE_FAULT[access]);
      if (level === 1 && (ppn & 0x3ff) !== 0) return this.fail(PAGE_FAULT[access]);
      const updated = pte | Pte.A | (access === Access.Store ? Pte.D : 0);
      if (updated !== pte) ram.i32[pteAddr >>> 2] = updated;
      const base = level === 1 ? ppn * 4096 + (va & 0x3ff000) : ppn * 4096;
      if (base + 4096 > ram.sizeBytes) return this.fail(ACCESS_FAULT[access]);
      if (level === 1) this.tlb.holdsMegapage = true;
      return base;
    }
    return this.fail(PAGE_FAULT[access]);
  }

  private fail(trap: Trap): number {
    this.fault = trap;
    return -1;
  }

  private refill(va: number, pageBase: number, access: Access): void {
    const tlb = this.tlb;
    const vpn = va >>> 12;
    const i = vpn & TLB_MASK;
    const off = (pageBase - (vpn << 12)) | 0;
    const frame = pageBase >>> 12;
    if (access === Access.Fetch) {
      this.code.fetched(frame);
      tlb.fetchTag[i] = vpn;
      tlb.fetchOff[i] = off;
      return;
    }
    // A store walk has set A and D, so the page may be read through the same mapping.
    tlb.loadTag[i] = vpn;
    tlb.loadOff[i] = off;
    if (access === Access.Store) {
      if (this.code.storing(frame)) return; // reported; the store stays on the slow path
      tlb.storeTag[i] = vpn;
      tlb.storeOff[i] = off;
    }
  }
}
