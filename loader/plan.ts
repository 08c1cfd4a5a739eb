// The load plan: what the kernel must map for an executable, decided without touching memory. The kernel
// creates one region per segment part (text R-X, rodata R--, data RW-, and bss RW- for the pages past the
// file bytes), copies the file bytes, and lets the rest fill with zeroes on demand.

import { PhFlags, PhType } from '../abi/elf.js';
import { Prot } from '../abi/mman.js';
import { pageDown, pageUp } from '../abi/pages.js';
import { checkExecutable } from './check.js';

export type SegmentKind = 'text' | 'rodata' | 'data' | 'bss';

/** One region to create: [start, end) page aligned, with its file bytes (placed at `dataVa`). */
export interface PlannedRegion {
  start: number;
  end: number;
  prot: number;
  kind: SegmentKind;
  /** File bytes to copy, at `dataVa`; the rest of the region reads as zero. */
  data: Uint8Array;
  dataVa: number;
}

export interface LoadPlan {
  entry: number;
  regions: PlannedRegion[];
  /** Page-aligned end of the highest segment: where the heap starts. */
  brkStart: number;
  /** Address of the program headers in memory (AT_PHDR), their entry size and count. */
  phdrVa: number;
  phent: number;
  phnum: number;
}


function protOf(flags: number): number {
  return (flags & PhFlags.R ? Prot.READ : 0) | (flags & PhFlags.W ? Prot.WRITE : 0) | (flags & PhFlags.X ? Prot.EXEC : 0);
}

function kindOf(flags: number): SegmentKind {
  if (flags & PhFlags.X) return 'text';
  return flags & PhFlags.W ? 'data' : 'rodata';
}

/**
 * Validates `bytes` (see checkExecutable, which throws LoadRefusal) and plans its regions. A writable
 * segment whose memory extends past its file bytes gets a separate 'bss' region for the pages wholly past
 * them; the tail of the last file-backed page is zero because frames are zeroed.
 */
export function planLoad(bytes: Uint8Array): LoadPlan {
  const { elf, loads } = checkExecutable(bytes);
  const regions: PlannedRegion[] = [];
  for (const ph of loads) {
    const start = pageDown(ph.vaddr);
    const end = pageUp(ph.vaddr + ph.memsz);
    const prot = protOf(ph.flags);
    const kind = kindOf(ph.flags);
    const data = bytes.subarray(ph.offset, ph.offset + ph.filesz);
    const fileEnd = pageUp(ph.vaddr + ph.filesz);
    if (kind === 'data' && fileEnd < end) {
      if (fileEnd > start) regions.push({ start, end: fileEnd, prot, kind, data, dataVa: ph.vaddr });
      regions.push({ start: Math.max(fileEnd, start), end, prot, kind: 'bss', data: new Uint8Array(0), dataVa: fileEnd });
    } else {
      regions.push({ start, end, prot, kind, data, dataVa: ph.vaddr });
    }
  }
  const h = elf.header;
  return {
    entry: h.entry,
    regions,
    brkStart: pageUp(Math.max(...loads.map((ph) => ph.vaddr + ph.memsz))),
    phdrVa: phdrAddress(elf.programHeaders, h.phoff),
    phent: h.phentsize,
    phnum: h.phnum,
  };
}

/** AT_PHDR: PT_PHDR's address if present, else where the PT_LOAD covering e_phoff puts it, else 0. */
function phdrAddress(phs: readonly { type: number; offset: number; vaddr: number; filesz: number }[], phoff: number): number {
  const self = phs.find((ph) => ph.type === PhType.PHDR);
  if (self) return self.vaddr;
  const home = phs.find((ph) => ph.type === PhType.LOAD && phoff >= ph.offset && phoff < ph.offset + ph.filesz);
  return home ? home.vaddr + (phoff - home.offset) : 0;
}
