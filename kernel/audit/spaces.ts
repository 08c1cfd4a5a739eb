// Audit of the user address spaces: every live process's region list, its Sv32 tables walked from the root
// in RAM (not from the kernel's bookkeeping), frame ownership across all of them, and commit accounting.
//   - regions sorted, disjoint, page aligned, inside the user half, with only PROT_* bits;
//   - no megapage; no PTE pointing outside RAM or into a free frame; every leaf inside a region, with the
//     region's permissions (minus W while copy-on-write); kept leaf counts and resident pages true;
//   - a page-table page reachable from one table of one process only, and never also a user page;
//   - every frame handed out has exactly as many mappings as owners (1, or more when shared copy-on-write),
//     so a frame mapped by no one (a leak) or by more spaces than own it is found;
//   - the commit ledger holds exactly the pages of every live process's regions.

import { Prot } from '../../abi/mman.js';
import { Pte } from '../../abi/riscv.js';
import type { Kernel } from '../kernel.js';
import { pteFlagsOf } from '../mem/addrspace.js';
import { PAGE_SIZE, STACK_TOP, USER_MIN } from '../mem/layout.js';
import { PTE_COW } from '../mem/pagetable.js';
import type { Process } from '../proc/process.js';
import { hex8 } from '../panic.js';
import { who as describe, type Findings } from './findings.js';

const KINDS = new Set(['text', 'rodata', 'data', 'bss', 'heap', 'mmap', 'stack']);
const PERM = Pte.R | Pte.W | Pte.X | Pte.U;

/** Who references each frame, built while walking every table. */
class FrameRefs {
  readonly count: Uint16Array;
  /** 1: a page-table page, 2: a user page, 3: both (a violation). */
  readonly kind: Uint8Array;
  /** The first pid referencing the frame (for messages). */
  readonly firstPid: Int32Array;
  constructor(frames: number) {
    this.count = new Uint16Array(frames);
    this.kind = new Uint8Array(frames);
    this.firstPid = new Int32Array(frames);
  }
}

/** Checks `p`'s regions. */
function auditRegions(p: Process, f: Findings): void {
  const who = describe(p);
  let prevEnd = 0;
  for (const r of p.space.regions.all()) {
    const range = `${hex8(r.start)}-${hex8(r.end)}`;
    if (r.start % PAGE_SIZE !== 0 || r.end % PAGE_SIZE !== 0 || r.start >= r.end) f.add(`regions of ${who}: bad range ${range}`);
    if (r.start < USER_MIN || r.end > STACK_TOP) f.add(`regions of ${who}: ${range} outside the user half`);
    if (r.start < prevEnd) f.add(`regions of ${who}: ${range} overlaps or is out of order (previous ends at ${hex8(prevEnd)})`);
    if ((r.prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC)) !== 0) f.add(`regions of ${who}: ${range} has prot bits ${r.prot}`);
    if (!KINDS.has(r.kind)) f.add(`regions of ${who}: ${range} has kind '${r.kind}'`);
    prevEnd = Math.max(prevEnd, r.end);
  }
}

/** Records that `pid` references frame `pa` as a table (1) or a user page (2); false when it is not a frame
 *  the allocator handed out (reported). */
function reference(k: Kernel, refs: FrameRefs, pid: number, pa: number, kind: 1 | 2, what: string, f: Findings): boolean {
  if (pa >= k.machine.ram.sizeBytes) { f.add(`${what} points at ${hex8(pa)}, outside RAM (${k.machine.ram.sizeBytes / 1048576} MiB)`); return false; }
  if (!k.frames.isAllocated(pa)) { f.add(`${what} points into free frame ${hex8(pa)}`); return false; }
  const n = pa / PAGE_SIZE;
  if (refs.count[n] > 0 && kind === 1) f.add(`page-table page ${hex8(pa)} (${what}) is also reachable from pid ${refs.firstPid[n]}`);
  else if (refs.count[n] > 0 && refs.kind[n] === 1) f.add(`${what} maps page-table page ${hex8(pa)} of pid ${refs.firstPid[n]}`);
  if (refs.count[n] === 0) refs.firstPid[n] = pid;
  refs.count[n]++;
  refs.kind[n] |= kind;
  return true;
}

/** Walks `p`'s tables from the root in RAM. */
function auditTables(k: Kernel, p: Process, refs: FrameRefs, f: Findings): void {
  const who = describe(p);
  const as = p.space;
  const pt = as.pageTable;
  const i32 = k.machine.ram.i32;
  if (!reference(k, refs, p.pid, pt.rootPa, 1, `root table of ${who}`, f)) return;
  let tables = 1;
  let leaves = 0;
  for (let i = 0; i < 1024; i++) {
    const pde = i32[(pt.rootPa >>> 2) + i] >>> 0;
    if ((pde & Pte.V) === 0) {
      if (pt.leafCount(i) !== 0) f.add(`tables of ${who}: ${pt.leafCount(i)} leaves counted under ${hex8(i << 22)} but no table there`);
      continue;
    }
    if ((pde & (Pte.R | Pte.W | Pte.X)) !== 0) { f.add(`tables of ${who}: megapage PTE ${hex8(pde)} at ${hex8(i << 22)}`); continue; }
    const table = (pde >>> 10) * PAGE_SIZE;
    if (!reference(k, refs, p.pid, table, 1, `root entry ${i} of ${who}`, f)) continue;
    tables++;
    let here = 0;
    for (let j = 0; j < 1024; j++) {
      const pte = i32[(table >>> 2) + j] >>> 0;
      if ((pte & Pte.V) === 0) continue;
      const va = ((i << 22) | (j << 12)) >>> 0;
      const at = `PTE for ${hex8(va)} of ${who}`;
      here++;
      if ((pte & (Pte.R | Pte.W | Pte.X)) === 0) { f.add(`${at}: a pointer PTE ${hex8(pte)} at the leaf level`); continue; }
      reference(k, refs, p.pid, (pte >>> 10) * PAGE_SIZE, 2, at, f);
      const r = as.regions.find(va);
      if (!r) { f.add(`${at}: maps ${hex8((pte >>> 10) * PAGE_SIZE)} outside every region`); continue; }
      const cow = (pte & PTE_COW) !== 0;
      if (cow && (pte & Pte.W)) f.add(`${at}: copy-on-write and writable`);
      const want = cow ? pteFlagsOf(r.prot) & ~Pte.W : pteFlagsOf(r.prot);
      if ((pte & PERM) !== want) f.add(`${at}: permissions ${hex8(pte & PERM)}, region ${hex8(r.start)} (prot ${r.prot}) wants ${hex8(want)}`);
    }
    if (here !== pt.leafCount(i)) f.add(`tables of ${who}: ${here} leaves under ${hex8(i << 22)}, counted ${pt.leafCount(i)}`);
    leaves += here;
  }
  if (tables !== pt.tablePages) f.add(`tables of ${who}: ${tables} table pages reachable, counted ${pt.tablePages}`);
  if (leaves !== as.residentPages) f.add(`tables of ${who}: ${leaves} pages mapped, resident count says ${as.residentPages}`);
}

/** Checks every live process's space, frame ownership across them, and commit accounting. */
export function auditSpaces(k: Kernel, f: Findings): void {
  const refs = new FrameRefs(k.machine.ram.sizeBytes / PAGE_SIZE);
  let committed = 0;
  const live = [...k.processes.values()].filter((p) => p.alive);
  for (const p of live) {
    auditRegions(p, f);
    auditTables(k, p, refs, f);
    committed += p.space.committedPages;
  }
  if (committed !== k.commit.committedPages) {
    f.add(`commit: the ledger holds ${k.commit.committedPages} pages, the regions of live processes need ${committed}`);
  }
  if (k.commit.committedPages > k.commit.limitPages) f.add(`commit: ${k.commit.committedPages} pages committed, over the limit ${k.commit.limitPages}`);
  for (const c of k.frames.books().chunks) {
    for (let n = 0; n < c.inUse.length; n++) {
      if (!c.inUse[n]) continue;
      const pa = c.pa + n * PAGE_SIZE;
      const fn = pa / PAGE_SIZE;
      const owners = k.frames.owners(pa);
      const mapped = refs.count[fn];
      if (mapped === 0) f.add(`frame ${hex8(pa)} is allocated but no live process maps it (leaked)`);
      else if (mapped !== owners) f.add(`frame ${hex8(pa)} has ${owners} owner(s) but ${mapped} mapping(s) (first: pid ${refs.firstPid[fn]})`);
      if (refs.kind[fn] === 3) f.add(`frame ${hex8(pa)} is both a page-table page and a user page`);
    }
  }
  const cur = k.current;
  if (cur && cur.alive && k.machine.cpu.satp !== cur.space.satp) f.add(`hart: satp ${hex8(k.machine.cpu.satp)} is not that of the current ${describe(cur)} (${hex8(cur.space.satp)})`);
}
