// ELF32 executable validation: everything the kernel must know is sane before it maps a single page.
// The structure is read by abi/elfread.ts; this file decides what an executable for Pagoda may be
// (shared/ARCHITECTURE.md "Process ABI") and names the first thing wrong with it.

import { EHDR_SIZE, ElfType, EM_RISCV, EF_RISCV_RVC, PhFlags, PhType } from '../abi/elf.js';
import { ElfFormatError, readElf, type ElfFile, type ProgramHeader } from '../abi/elfread.js';
import { KERNEL_BASE, USER_MIN } from '../abi/memlayout.js';
import { PAGE_SIZE } from '../abi/riscv.js';
import { LoadRefusal, hex, type RefusalCode } from './refusal.js';

/** e_flags bits 2:1: the float ABI; Pagoda runs ilp32 soft-float only. */
const EF_RISCV_FLOAT_ABI_MASK = 0x6;

/** Maps the reader's messages (one per malformation it detects) to refusal codes. */
const READER_CODES: readonly [RegExp, RefusalCode][] = [
  [/bad magic/, 'bad-magic'],
  [/header truncated/, 'truncated'],
  [/EI_CLASS/, 'not-32-bit'],
  [/EI_DATA/, 'not-little-endian'],
  [/EI_VERSION/, 'bad-version'],
  [/e_phentsize|e_shentsize/, 'bad-header-size'],
  [/program header table/, 'phdrs-outside-file'],
  [/segment of program header/, 'segment-outside-file'],
  [/p_filesz/, 'filesz-exceeds-memsz'],
];

function parse(bytes: Uint8Array): ElfFile {
  try {
    return readElf(bytes);
  } catch (e) {
    if (!(e instanceof ElfFormatError)) throw e;
    const code = READER_CODES.find(([re]) => re.test(e.message))?.[1] ?? 'malformed';
    throw new LoadRefusal(code, e.message);
  }
}

function checkHeader(elf: ElfFile): void {
  const h = elf.header;
  if (h.version !== 1) throw new LoadRefusal('bad-version', `e_version is ${h.version}, expected 1`);
  if (h.machine !== EM_RISCV) throw new LoadRefusal('not-riscv', `e_machine is ${h.machine}, expected ${EM_RISCV} (EM_RISCV)`);
  if (h.type !== ElfType.EXEC) {
    const what = h.type === ElfType.DYN ? ' (position-independent executables are not supported)' : h.type === ElfType.REL ? ' (a relocatable object, not linked)' : '';
    throw new LoadRefusal('not-exec', `e_type is ${h.type}, expected 2 (ET_EXEC)${what}`);
  }
  if (h.ehsize !== EHDR_SIZE) throw new LoadRefusal('bad-header-size', `e_ehsize is ${h.ehsize}, expected ${EHDR_SIZE}`);
  if ((h.flags & EF_RISCV_FLOAT_ABI_MASK) !== 0) {
    throw new LoadRefusal('float-abi', `e_flags ${hex(h.flags)} selects a hardware float ABI; Pagoda runs ilp32 soft-float`);
  }
  if (h.flags & EF_RISCV_RVC) {
    throw new LoadRefusal('compressed', `e_flags ${hex(h.flags)} has EF_RISCV_RVC; the machine has no C extension`);
  }
}

function checkSegment(ph: ProgramHeader): void {
  const where = `PT_LOAD ${ph.index} (p_vaddr ${hex(ph.vaddr)}, p_memsz ${hex(ph.memsz)})`;
  const end = ph.vaddr + ph.memsz;
  if (end > 0xffffffff + 1) throw new LoadRefusal('bad-address', `${where} wraps around the address space`);
  if (ph.vaddr < USER_MIN) throw new LoadRefusal('bad-address', `${where} starts in the NULL guard page`);
  if (end > KERNEL_BASE) throw new LoadRefusal('bad-address', `${where} reaches the kernel half at ${hex(KERNEL_BASE)}`);
  if (ph.align > 1) {
    if ((ph.align & (ph.align - 1)) !== 0) throw new LoadRefusal('bad-align', `${where} has p_align ${hex(ph.align)}, not a power of two`);
    if (ph.vaddr % ph.align !== ph.offset % ph.align) {
      throw new LoadRefusal('bad-align', `${where}: p_vaddr and p_offset ${hex(ph.offset)} differ modulo p_align ${hex(ph.align)}`);
    }
  }
  if ((ph.flags & PhFlags.W) && (ph.flags & PhFlags.X)) {
    throw new LoadRefusal('writable-and-executable', `${where} is both writable and executable`);
  }
}

/** The PT_LOAD headers with memory, sorted by address, checked against each other at page granularity. */
function checkLayout(loads: ProgramHeader[]): ProgramHeader[] {
  const sorted = [...loads].sort((a, b) => a.vaddr - b.vaddr);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    const prevLastPage = Math.floor((prev.vaddr + prev.memsz - 1) / PAGE_SIZE);
    if (Math.floor(cur.vaddr / PAGE_SIZE) <= prevLastPage) {
      throw new LoadRefusal('overlapping-segments',
        `PT_LOAD ${cur.index} at ${hex(cur.vaddr)} overlaps the pages of PT_LOAD ${prev.index} (${hex(prev.vaddr)}-${hex(prev.vaddr + prev.memsz)})`);
    }
  }
  return sorted;
}

/**
 * Validates `bytes` as an ELF32 RISC-V static executable Pagoda can run and returns the parsed file with its
 * PT_LOAD headers (those with memory, sorted by address). Throws LoadRefusal naming the first problem.
 */
export function checkExecutable(bytes: Uint8Array): { elf: ElfFile; loads: ProgramHeader[] } {
  const elf = parse(bytes);
  checkHeader(elf);
  if (elf.programHeaders.some((ph) => ph.type === PhType.INTERP || ph.type === PhType.DYNAMIC)) {
    throw new LoadRefusal('dynamic', 'the executable asks for a dynamic loader (PT_INTERP/PT_DYNAMIC); only static executables run');
  }
  const loads = elf.programHeaders.filter((ph) => ph.type === PhType.LOAD && ph.memsz > 0);
  if (loads.length === 0) throw new LoadRefusal('no-load-segments', 'the executable has no PT_LOAD segment with memory');
  for (const ph of loads) checkSegment(ph);
  const sorted = checkLayout(loads);
  const entry = elf.header.entry;
  const home = sorted.find((ph) => (ph.flags & PhFlags.X) && entry >= ph.vaddr && entry < ph.vaddr + ph.memsz);
  if (!home) throw new LoadRefusal('bad-entry', `entry point ${hex(entry)} is outside every executable segment`);
  if (entry % 4 !== 0) throw new LoadRefusal('bad-entry', `entry point ${hex(entry)} is not 4-byte aligned`);
  return { elf, loads: sorted };
}
