// Sv32 page tables, written into RAM for the MMU to walk (RISC-V Privileged ISA 4.3).
//   va: | VPN[1] 31:22 | VPN[0] 21:12 | offset 11:0 |
//   PTE: | PPN 31:10 | RSW 9:8 | D A G U X W R V |   (a PTE with R=W=X=0 points at the next level)
// The root and every second-level table are frames. A count of valid leaves per second-level table (kernel
// bookkeeping, kept on the host) lets unmap() give an empty table back at once. The caller flushes the TLB.
// Entries are written through FrameAllocator.writeWord, the kernel's one way to write into a frame.

import { makePte, pageNumber, pageOffset, ptePa, vpn0, vpn1 } from '../../abi/pages.js';
import { Pte, SATP_MODE_SV32 } from '../../abi/riscv.js';
import type { PhysicalMemory } from '../../machine/ram.js';
import { panic, hex8 } from '../panic.js';
import type { FrameAllocator } from './frames.js';
import { PAGE_SIZE } from './layout.js';

/** RSW bit 8 (ignored by the MMU): the frame may be shared copy-on-write, so the PTE never carries W. */
export const PTE_COW = 1 << 8;

/** Permission and status bits a leaf may carry (V is added by map()). */
export const LEAF_FLAG_MASK = Pte.R | Pte.W | Pte.X | Pte.U | Pte.G | Pte.A | Pte.D;

export class PageTable {
  private readonly leaves = new Uint16Array(1024);
  private _tablePages = 1;

  private constructor(
    private readonly ram: PhysicalMemory,
    private readonly frames: FrameAllocator,
    /** Physical address of the root table. */
    readonly rootPa: number,
  ) {}

  /** An empty table (one zeroed root frame), or null when no frame is left. */
  static create(ram: PhysicalMemory, frames: FrameAllocator): PageTable | null {
    const root = frames.allocFrame();
    return root < 0 ? null : new PageTable(ram, frames, root);
  }

  /** The satp value that selects this table: Sv32 mode and the root PPN. */
  get satp(): number { return (SATP_MODE_SV32 | pageNumber(this.rootPa)) >>> 0; }
  /** Frames this table uses for itself (root plus second-level tables). */
  get tablePages(): number { return this._tablePages; }

  /** Physical address of the level-0 PTE for `va`, or -1 when its second-level table does not exist. */
  private leafSlot(va: number): number {
    const pte = this.ram.i32[(this.rootPa >>> 2) + vpn1(va)];
    if ((pte & Pte.V) === 0) return -1;
    if (!((pte & (Pte.R | Pte.W | Pte.X)) === 0)) panic(`PageTable: unexpected megapage at ${hex8(va)}`);
    return ptePa(pte) + vpn0(va) * 4;
  }

  /**
   * Maps page `va` to frame `pa` with `flags` (R/W/X/U/A/D). Returns false, changing nothing, when a
   * second-level table is needed and no frame is left. Requires `va` unmapped (panic "remap" otherwise).
   */
  map(va: number, pa: number, flags: number): boolean {
    if (!(va % PAGE_SIZE === 0 && pa % PAGE_SIZE === 0)) panic(`PageTable.map: unaligned ${hex8(va)} -> ${hex8(pa)}`);
    if (!((flags & (Pte.R | Pte.X)) !== 0 || (flags & Pte.W) === 0)) panic(`PageTable.map: W without R at ${hex8(va)}`);
    let slot = this.leafSlot(va);
    if (slot < 0) {
      const table = this.frames.allocFrame();
      if (table < 0) return false;
      this._tablePages++;
      this.frames.writeWord(this.rootPa + vpn1(va) * 4, makePte(table, Pte.V));
      slot = table + vpn0(va) * 4;
    }
    if (!((this.ram.i32[slot >>> 2] & Pte.V) === 0)) panic(`PageTable.map: remap of ${hex8(va)}`);
    this.frames.writeWord(slot, makePte(pa, (flags & (LEAF_FLAG_MASK | PTE_COW)) | Pte.V));
    this.leaves[vpn1(va)]++;
    return true;
  }

  /**
   * Removes the mapping of page `va` and returns the frame it mapped, or -1 when it was not mapped. A
   * second-level table left empty is freed. The frame itself is the caller's to free.
   */
  unmap(va: number): number {
    const slot = this.leafSlot(va);
    if (slot < 0) return -1;
    const pte = this.ram.i32[slot >>> 2];
    if ((pte & Pte.V) === 0) return -1;
    this.frames.writeWord(slot, 0);
    const i = vpn1(va);
    if (--this.leaves[i] === 0) {
      const rootSlot = this.rootPa + i * 4;
      this.frames.freeFrame(ptePa(this.ram.i32[rootSlot >>> 2]));
      this.frames.writeWord(rootSlot, 0);
      this._tablePages--;
    }
    return ptePa(pte);
  }

  /** The leaf PTE for `va` (0 when there is none). */
  lookup(va: number): number {
    const slot = this.leafSlot(va >>> 0);
    return slot < 0 ? 0 : this.ram.i32[slot >>> 2] >>> 0;
  }

  /** The physical address `va` maps to, or -1 when unmapped (permissions are not checked). */
  translate(va: number): number {
    const pte = this.lookup(va);
    return (pte & Pte.V) === 0 ? -1 : ptePa(pte) + pageOffset(va);
  }

  /**
   * Replaces the permission bits of the mapped page `va` with those in `flags`, keeping its frame and its A/D
   * bits. Returns false when the page is not mapped.
   */
  protect(va: number, flags: number): boolean {
    const slot = this.leafSlot(va);
    if (slot < 0) return false;
    const pte = this.ram.i32[slot >>> 2];
    if ((pte & Pte.V) === 0) return false;
    const keep = pte & ~(Pte.R | Pte.W | Pte.X | Pte.U);
    this.frames.writeWord(slot, keep | (flags & (Pte.R | Pte.W | Pte.X | Pte.U)));
    return true;
  }

  /**
   * Replaces the leaf of mapped page `va` with one pointing at frame `pa` with `flags` (permission bits and
   * PTE_COW; A and D are kept). Returns false when the page is not mapped. The caller flushes the TLB.
   */
  remap(va: number, pa: number, flags: number): boolean {
    const slot = this.leafSlot(va);
    if (slot < 0) return false;
    const pte = this.ram.i32[slot >>> 2];
    if ((pte & Pte.V) === 0) return false;
    const keep = pte & (Pte.A | Pte.D);
    this.frames.writeWord(slot, makePte(pa, keep | (flags & (LEAF_FLAG_MASK | PTE_COW)) | Pte.V));
    return true;
  }

  /** Calls `visit(va, pte)` for every valid leaf, in address order. */
  forEachLeaf(visit: (va: number, pte: number) => void): void {
    for (let i = 0; i < 1024; i++) {
      if (this.leaves[i] === 0) continue;
      const table = ptePa(this.ram.i32[(this.rootPa >>> 2) + i]);
      for (let j = 0; j < 1024; j++) {
        const pte = this.ram.i32[(table >>> 2) + j];
        if (pte & Pte.V) visit(((i << 22) | (j << 12)) >>> 0, pte >>> 0);
      }
    }
  }

  /** Frees the root and every second-level table. Requires every leaf unmapped first (panic otherwise). */
  destroy(): void {
    for (let i = 0; i < 1024; i++) if (this.leaves[i] !== 0) panic(`PageTable.destroy: leaves left under ${hex8(i << 22)}`);
    this.frames.freeFrame(this.rootPa);
    this._tablePages = 0;
  }
}
