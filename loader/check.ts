// ELF32 executable validation: everything the kernel must know is sane before it maps a single page.
// The structure is read by abi/elfread.ts; this file decides what an executable for Pagoda may be
// (shared/ARCHITECTURE.md "Process ABI") and names the first thing wrong with it.

import {
  EHDR_SIZE, EF_RISCV_FLOAT_ABI_DOUBLE, EF_RISCV_FLOAT_ABI_MASK, EF_RISCV_FLOAT_ABI_SINGLE, EF_RISCV_RVC, EF_RISCV_RVE,
  ElfType, EM_RISCV, PhFlags, PhType,
} from '../abi/elf.js';
import { ElfFault, ElfFormatError, readElf, type ElfFile, type ProgramHeader } from '../abi/elfread.js';
import { KERNEL_BASE, USER_MIN } from '../abi/memlayout.js';
import { PAGE_SIZE } from '../abi/riscv.js';
import { checkArch } from './arch.js';
import { LoadRefusal, Refusal, hex, type RefusalCode } from './refusal.js';

/** The refusal for each malformation the ELF reader reports. */
const READER_REFUSALS: Readonly<Record<ElfFault, RefusalCode>> = {
  [ElfFault.BAD_MAGIC]: Refusal.BAD_MAGIC,
  [ElfFault.TRUNCATED]: Refusal.TRUNCATED,
  [ElfFault.NOT_32_BIT]: Refusal.NOT_32_BIT,
  [ElfFault.NOT_LITTLE_ENDIAN]: Refusal.NOT_LITTLE_ENDIAN,
  [ElfFault.BAD_VERSION]: Refusal.BAD_VERSION,
  [ElfFault.BAD_HEADER_SIZE]: Refusal.BAD_HEADER_SIZE,
  [ElfFault.PHDRS_OUTSIDE_FILE]: Refusal.PHDRS_OUTSIDE_FILE,
  [ElfFault.SEGMENT_OUTSIDE_FILE]: Refusal.SEGMENT_OUTSIDE_FILE,
  [ElfFault.FILESZ_EXCEEDS_MEMSZ]: Refusal.FILESZ_EXCEEDS_MEMSZ,
  [ElfFault.MALFORMED]: Refusal.MALFORMED,
};

function parse(bytes: Uint8Array): ElfFile {
  try {
    return readElf(bytes);
  } catch (e) {
    if (!(e instanceof ElfFormatError)) throw e;
    throw new LoadRefusal(READER_REFUSALS[e.fault], e.message);
  }
}

function checkHeader(elf: ElfFile): void {
  const h = elf.header;
  if (h.version !== 1) throw new LoadRefusal(Refusal.BAD_VERSION, `e_version is ${h.version}, expected 1`);
  if (h.machine !== EM_RISCV) throw new LoadRefusal(Refusal.NOT_RISCV, `e_machine is ${h.machine}, expected ${EM_RISCV} (EM_RISCV)`);
  if (h.type !== ElfType.EXEC) {
    const what = h.type === ElfType.DYN ? ' (position-independent executables are not supported)' : h.type === ElfType.REL ? ' (a relocatable object, not linked)' : '';
    throw new LoadRefusal(Refusal.NOT_EXEC, `e_type is ${h.type}, expected 2 (ET_EXEC)${what}`);
  }
  if (h.ehsize !== EHDR_SIZE) throw new LoadRefusal(Refusal.BAD_HEADER_SIZE, `e_ehsize is ${h.ehsize}, expected ${EHDR_SIZE}`);
  checkFlags(h.flags);
}

/**
 * e_flags: soft-float (ilp32) and double-float (ilp32d) run, since the hart has 64-bit f registers; the
 * single-float ABI (ilp32f) passes floats in registers too narrow for doubles and the quad ABI needs Q, so
 * both are refused, as are RVC and RVE. EF_RISCV_TSO is accepted: one in-order hart is stronger than RVTSO.
 */
function checkFlags(flags: number): void {
  const floatAbi = flags & EF_RISCV_FLOAT_ABI_MASK;
  if (floatAbi === EF_RISCV_FLOAT_ABI_SINGLE) {
    throw new LoadRefusal(Refusal.FLOAT_ABI,
      `e_flags ${hex(flags)} selects the single-float ABI (ilp32f); Pagoda runs ilp32 (soft-float) and ilp32d (double-float)`);
  }
  if (floatAbi !== 0 && floatAbi !== EF_RISCV_FLOAT_ABI_DOUBLE) {
    throw new LoadRefusal(Refusal.FLOAT_ABI,
      `e_flags ${hex(flags)} selects the quad-float ABI (ilp32q); the machine has no Q extension (it runs ilp32 and ilp32d)`);
  }
  if (flags & EF_RISCV_RVC) {
    throw new LoadRefusal(Refusal.COMPRESSED, `e_flags ${hex(flags)} has EF_RISCV_RVC; the machine has no C extension`);
  }
  if (flags & EF_RISCV_RVE) {
    throw new LoadRefusal(Refusal.EMBEDDED, `e_flags ${hex(flags)} has EF_RISCV_RVE (the RV32E base, 16 registers); the machine is RV32I`);
  }
}

function checkSegment(ph: ProgramHeader): void {
  const where = `PT_LOAD ${ph.index} (p_vaddr ${hex(ph.vaddr)}, p_memsz ${hex(ph.memsz)})`;
  const end = ph.vaddr + ph.memsz;
  if (end > 0xffffffff + 1) throw new LoadRefusal(Refusal.BAD_ADDRESS, `${where} wraps around the address space`);
  if (ph.vaddr < USER_MIN) throw new LoadRefusal(Refusal.BAD_ADDRESS, `${where} starts in the NULL guard page`);
  if (end > KERNEL_BASE) throw new LoadRefusal(Refusal.BAD_ADDRESS, `${where} reaches the kernel half at ${hex(KERNEL_BASE)}`);
  if (ph.align > 1) {
    if ((ph.align & (ph.align - 1)) !== 0) throw new LoadRefusal(Refusal.BAD_ALIGN, `${where} has p_align ${hex(ph.align)}, not a power of two`);
    if (ph.vaddr % ph.align !== ph.offset % ph.align) {
      throw new LoadRefusal(Refusal.BAD_ALIGN, `${where}: p_vaddr and p_offset ${hex(ph.offset)} differ modulo p_align ${hex(ph.align)}`);
    }
  }
  if ((ph.flags & PhFlags.W) && (ph.flags & PhFlags.X)) {
    throw new LoadRefusal(Refusal.WRITABLE_AND_EXECUTABLE, `${where} is both writable and executable`);
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
      throw new LoadRefusal(Refusal.OVERLAPPING_SEGMENTS,
        `PT_LOAD ${cur.index} at ${hex(cur.vaddr)} overlaps the pages of PT_LOAD ${prev.index} (${hex(prev.vaddr)}-${hex(prev.vaddr + prev.memsz)})`);
    }
  }
  return sorted;
}

/**
 * Validates `bytes` as an ELF32 RISC-V static executable Pagoda's hart can run (e_flags and the
 * `.riscv.attributes` arch string within rv32imafd, see loader/arch.ts) and returns the parsed file with its
 * PT_LOAD headers (those with memory, sorted by address). Throws LoadRefusal naming the first problem.
 */
export function checkExecutable(bytes: Uint8Array): { elf: ElfFile; loads: ProgramHeader[] } {
  const elf = parse(bytes);
  checkHeader(elf);
  checkArch(elf);
  if (elf.programHeaders.some((ph) => ph.type === PhType.INTERP || ph.type === PhType.DYNAMIC)) {
    throw new LoadRefusal(Refusal.DYNAMIC, 'the executable asks for a dynamic loader (PT_INTERP/PT_DYNAMIC); only static executables run');
  }
  const loads = elf.programHeaders.filter((ph) => ph.type === PhType.LOAD && ph.memsz > 0);
  if (loads.length === 0) throw new LoadRefusal(Refusal.NO_LOAD_SEGMENTS, 'the executable has no PT_LOAD segment with memory');
  for (const ph of loads) checkSegment(ph);
  const sorted = checkLayout(loads);
  const entry = elf.header.entry;
  const home = sorted.find((ph) => (ph.flags & PhFlags.X) && entry >= ph.vaddr && entry < ph.vaddr + ph.memsz);
  if (!home) throw new LoadRefusal(Refusal.BAD_ENTRY, `entry point ${hex(entry)} is outside every executable segment`);
  if (entry % 4 !== 0) throw new LoadRefusal(Refusal.MISALIGNED_ENTRY, `entry point ${hex(entry)} is not 4-byte aligned`);
  return { elf, loads: sorted };
}
