// A user address space: the region list and the Sv32 page tables, kept in agreement. Every region page is
// either unmapped (it gets a zeroed frame on first touch: demand paging) or mapped with the region's
// permissions. A leaf frame belongs to one address space, or after fork() to several copy-on-write: such PTEs
// carry PTE_COW and never W, and the first store gets the writer its own copy (breakCow). destroy() drops this
// space's ownership of every frame (the last owner frees it).
// The syscall semantics on top (brk, sbrk, mmap, munmap, mprotect) live in sys/memory.ts.

import { Prot } from '../../abi/mman.js';
import { bytesToPageEnd, pagesIn, ptePa } from '../../abi/pages.js';
import { Pte } from '../../abi/riscv.js';
import { Access } from '../../machine/trap.js';
import type { PhysicalMemory } from '../../machine/ram.js';
import { panic, hex8 } from '../panic.js';
import type { CommitLedger } from './commit.js';
import type { FrameAllocator } from './frames.js';
import { PAGE_SIZE, STACK_FLOOR, STACK_TOP, USER_MIN, pageDown } from './layout.js';
import { PTE_COW, PageTable } from './pagetable.js';
import { RegionList, type Region, type RegionKind } from './region.js';

/** How a page fault was resolved. */
export const enum FaultResult {
  /** A frame is mapped now (or the TLB was stale): resume the instruction. */
  MAPPED = 0,
  /** No region holds the address: SIGSEGV (SEGV_MAPERR). */
  NO_REGION = 1,
  /** A region holds it but forbids the access: SIGSEGV (SEGV_ACCERR). */
  FORBIDDEN = 2,
  /** No frame left for the page or its page table: the process is killed. */
  OUT_OF_MEMORY = 3,
}

/** The leaf PTE bits for a region's PROT_* bits. W implies R (Sv32 reserves W without R); PROT_NONE pages keep
 *  a frame but lose U, so every user access faults. */
export function pteFlagsOf(prot: number): number {
  if ((prot & (Prot.READ | Prot.WRITE | Prot.EXEC)) === 0) return Pte.R;
  let f = Pte.U;
  if (prot & (Prot.READ | Prot.WRITE)) f |= Pte.R;
  if (prot & Prot.WRITE) f |= Pte.W;
  if (prot & Prot.EXEC) f |= Pte.X;
  return f;
}

/** True when a region with `prot` allows `access` (loads need READ, as the MMU demands without MXR). */
export function protAllows(prot: number, access: Access): boolean {
  if (access === Access.Fetch) return (prot & Prot.EXEC) !== 0;
  if (access === Access.Store) return (prot & Prot.WRITE) !== 0;
  return (prot & (Prot.READ | Prot.WRITE)) !== 0;
}

export class AddressSpace {
  readonly regions = new RegionList();
  /** First address of the heap: the page-aligned end of the highest ELF segment. */
  brkStart = 0;
  /** The current program break (unaligned, as the program set it). */
  brk = 0;
  private resident = 0;

  private constructor(
    /** The RAM the page tables and frames live in (uaccess reads through it). */
    readonly ram: PhysicalMemory,
    /** The frames behind the pages; also the kernel's one way to write into them (uaccess copies through it). */
    readonly frames: FrameAllocator,
    private readonly commit: CommitLedger,
    readonly pageTable: PageTable,
    /** sfence.vma: the whole TLB (no argument) or the page holding `va`. */
    private readonly flush: (va?: number) => void,
  ) {}

  /** An empty address space, or null when no frame is left for its root page table. */
  static create(
    ram: PhysicalMemory, frames: FrameAllocator, commit: CommitLedger, flush: (va?: number) => void,
  ): AddressSpace | null {
    const pt = PageTable.create(ram, frames);
    return pt ? new AddressSpace(ram, frames, commit, pt, flush) : null;
  }

  /** The satp value selecting this space's page tables. */
  get satp(): number { return this.pageTable.satp; }
  /** User pages that have a frame now. */
  get residentPages(): number { return this.resident; }
  /** Pages this space has committed (the size of all its regions). */
  get committedPages(): number {
    let n = 0;
    for (const r of this.regions.all()) n += pagesIn(r.start, r.end);
    return n;
  }

  /**
   * Adds region [start, end) (page aligned, inside the user half, free) with `prot`, `kind` and `name`; its
   * pages fill on demand. Returns false, changing nothing, when the commit limit would be passed.
   */
  addRegion(start: number, end: number, prot: number, kind: RegionKind, name: string): boolean {
    if (!(start >= USER_MIN && end <= STACK_TOP && start < end)) panic(`addRegion: bad range ${hex8(start)}-${hex8(end)}`);
    if (!this.commit.reserve(pagesIn(start, end))) return false;
    this.regions.insert({ start, end, prot, kind, name });
    return true;
  }

  /**
   * Removes [start, end) from the space: regions are trimmed or split, frames freed, commitment given back.
   * Returns the removed pieces.
   */
  removeRange(start: number, end: number): Region[] {
    const removed = this.regions.remove(start, end);
    for (const piece of removed) {
      for (let va = piece.start; va < piece.end; va += PAGE_SIZE) this.dropPage(va);
      this.commit.release(pagesIn(piece.start, piece.end));
    }
    if (removed.length > 0) this.flush();
    return removed;
  }

  /** Unmaps page `va` and frees its frame, if it has one. */
  private dropPage(va: number): void {
    const pa = this.pageTable.unmap(va);
    if (pa >= 0) {
      this.frames.freeFrame(pa);
      this.resident--;
    }
  }

  /** Sets the permissions of [start, end), which regions must fully cover, in the regions and the PTEs. */
  protectRange(start: number, end: number, prot: number): void {
    if (!(this.regions.covers(start, end))) panic(`protectRange: hole in ${hex8(start)}-${hex8(end)}`);
    this.regions.protect(start, end, prot);
    const flags = pteFlagsOf(prot);
    for (let va = start; va < end; va += PAGE_SIZE) {
      // A copy-on-write page stays read-only until its first store, whatever the region allows.
      const cow = (this.pageTable.lookup(va) & PTE_COW) !== 0;
      this.pageTable.protect(va, cow ? flags & ~Pte.W : flags);
    }
    this.flush();
  }

  /**
   * Gives the writer of copy-on-write page `page` (PTE `pte`, region permissions `prot`) a private, writable
   * frame: the frame itself when no other space owns it any more, else a copy. False when no frame is left.
   */
  private breakCow(page: number, pte: number, prot: number): boolean {
    const pa = ptePa(pte);
    let target = pa;
    if (this.frames.owners(pa) > 1) {
      target = this.frames.allocFrame();
      if (target < 0) return false;
      this.frames.copyFrame(target, pa);
      this.frames.freeFrame(pa);
    }
    this.pageTable.remap(page, target, pteFlagsOf(prot));
    this.flush(page);
    return true;
  }

  /**
   * A copy of this space for a forked child: the same regions and break, every mapped page shared
   * copy-on-write (here and in the child: read-only with PTE_COW, the frame gaining an owner). Null when the
   * commit limit or the frames for the child's page tables run out (nothing is leaked then).
   */
  fork(): AddressSpace | null {
    const child = AddressSpace.create(this.ram, this.frames, this.commit, this.flush);
    if (!child) return null;
    for (const r of this.regions.all()) {
      if (!child.addRegion(r.start, r.end, r.prot, r.kind, r.name)) {
        child.destroy();
        return null;
      }
    }
    child.brkStart = this.brkStart;
    child.brk = this.brk;
    let ok = true;
    this.pageTable.forEachLeaf((va, pte) => {
      if (!ok) return;
      const pa = ptePa(pte);
      const flags = ((pte & (Pte.R | Pte.W | Pte.X | Pte.U)) & ~Pte.W) | PTE_COW;
      if (!child.pageTable.map(va, pa, flags)) {
        ok = false;
        return;
      }
      this.frames.shareFrame(pa);
      child.resident++;
      this.pageTable.remap(va, pa, flags);
    });
    this.flush();
    if (!ok) {
      child.destroy();
      return null;
    }
    return child;
  }

  /**
   * Services a page fault at `va` for `access`, the way the hardware reports it: inside a region that allows
   * the access, an absent page gets a zeroed frame; below the stack, the stack grows (8 MiB at most, keeping a
   * guard page free under it).
   */
  handleFault(va: number, access: Access): FaultResult {
    const page = pageDown(va >>> 0);
    let r = this.regions.find(page);
    if (!r) {
      if (!this.growStack(page)) return FaultResult.NO_REGION;
      r = this.regions.find(page)!;
    }
    if (!protAllows(r.prot, access)) return FaultResult.FORBIDDEN;
    const pte = this.pageTable.lookup(page);
    if ((pte & Pte.V) && access === Access.Store && (pte & PTE_COW)) {
      return this.breakCow(page, pte, r.prot) ? FaultResult.MAPPED : FaultResult.OUT_OF_MEMORY;
    }
    if (pte & Pte.V) {
      // Mapped with the region's permissions, which allow the access: the TLB held a stale entry.
      this.flush(page);
      return FaultResult.MAPPED;
    }
    return this.populatePage(page, pteFlagsOf(r.prot)) ? FaultResult.MAPPED : FaultResult.OUT_OF_MEMORY;
  }

  /** Gives page `page` a zeroed frame mapped with `flags`; false when no frame is left. */
  private populatePage(page: number, flags: number): boolean {
    const pa = this.frames.allocFrame();
    if (pa < 0) return false;
    if (!this.pageTable.map(page, pa, flags)) {
      this.frames.freeFrame(pa);
      return false;
    }
    this.resident++;
    return true;
  }

  /** The stack region (the one of kind 'stack' ending at STACK_TOP), if the space has one. */
  stackRegion(): Region | undefined {
    const r = this.regions.find(STACK_TOP - 1);
    return r && r.kind === 'stack' ? r : undefined;
  }

  /** Extends the stack region down to `page` when the rules allow it; false otherwise. */
  private growStack(page: number): boolean {
    const stack = this.stackRegion();
    if (!stack || page >= stack.start || page < STACK_FLOOR) return false;
    const guard = page - PAGE_SIZE;
    if (guard < USER_MIN || this.regions.overlaps(guard, stack.start)) return false;
    return this.addRegion(page, stack.start, stack.prot, 'stack', stack.name);
  }

  /**
   * Copies `bytes` to user address `va` with kernel rights (ignoring page permissions), giving absent pages
   * of the covering regions a frame. Used by exec for segments and the initial stack. Returns false when out
   * of frames. Requires regions to cover the range (panic otherwise).
   */
  writeInitial(va: number, bytes: Uint8Array): boolean {
    let done = 0;
    while (done < bytes.length) {
      const at = va + done;
      const page = pageDown(at);
      const r = this.regions.find(page);
      if (!r) panic(`writeInitial: no region at ${hex8(at)}`);
      if (this.pageTable.translate(page) < 0 && !this.populatePage(page, pteFlagsOf(r.prot))) return false;
      const n = Math.min(bytes.length - done, bytesToPageEnd(at));
      this.frames.write(this.pageTable.translate(at), bytes.subarray(done, done + n));
      done += n;
    }
    return true;
  }

  /** Frees every frame, page-table page and commitment of the space. The space is unusable afterwards. */
  destroy(): void {
    for (const r of this.regions.clear()) {
      for (let va = r.start; va < r.end; va += PAGE_SIZE) this.dropPage(va);
      this.commit.release(pagesIn(r.start, r.end));
    }
    if (this.resident !== 0) panic(`AddressSpace.destroy: ${this.resident} pages left outside every region`);
    this.pageTable.destroy();
    this.flush();
  }
}
