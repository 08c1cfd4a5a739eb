// What the executable says about the hart it needs, beyond e_flags: the Tag_RISCV_arch string of its
// `.riscv.attributes` (RISC-V ELF psABI "Attributes"; GNU ld writes the merged ISA of every input object,
// e.g. "rv32i2p1_m2p0_a2p1_f2p2_d2p2_zicsr2p0_zifencei2p0"). Every extension named there must be one the hart
// implements (abi/hart-isa.ts): a program built for the C or V extension would otherwise die of an illegal
// instruction somewhere in the middle instead of being refused up front.
//
// Versions are not compared: the ratified versions of I, M, A, F, D, Zicsr and Zifencei name the same
// instructions (I 2.0 vs 2.1 only moved Zicsr and Zifencei out, and those are present either way).
// Ztso is accepted: one in-order hart performs every access in program order, which is stronger than RVTSO.

import { PhType, ShType } from '../abi/elf.js';
import type { ElfFile } from '../abi/elfread.js';
import { HART_XLEN, hartHas } from '../abi/hart-isa.js';
import { extensionsOf } from '../abi/isa.js';
import { riscvArchAttribute } from '../abi/riscv-attributes.js';
import { LoadRefusal, Refusal } from './refusal.js';

/** Extensions that are promises about ordering rather than instructions, and that one in-order hart keeps. */
const MEMORY_MODEL_ONLY = ['ztso'];

/** The bytes of the attributes: the section when section headers exist, else the PT_RISCV_ATTRIBUTES segment. */
function attributeBytes(elf: ElfFile): Uint8Array | undefined {
  const section = elf.sections.find((s) => s.type === ShType.RISCV_ATTRIBUTES);
  if (section) return elf.bytes.subarray(section.offset, section.offset + section.size);
  const segment = elf.programHeaders.find((ph) => ph.type === PhType.RISCV_ATTRIBUTES);
  return segment ? elf.bytes.subarray(segment.offset, segment.offset + segment.filesz) : undefined;
}

/** The executable's Tag_RISCV_arch, or undefined without one (or with an attributes section it cannot read). */
export function archAttribute(elf: ElfFile): string | undefined {
  const bytes = attributeBytes(elf);
  return bytes ? riscvArchAttribute(bytes) : undefined;
}

/**
 * Throws LoadRefusal when the executable's Tag_RISCV_arch names a base other than rv32i or an extension the
 * hart lacks (RVE: `embedded`; C: `compressed`; anything else: `missing-extension`). A file without the
 * attribute passes: e_flags were checked already, and the attribute is optional in the psABI.
 */
export function checkArch(elf: ElfFile): void {
  const arch = archAttribute(elf);
  if (arch === undefined) return;
  const exts = extensionsOf(arch);
  const base = exts?.[0]?.name;
  const xlen = /^rv(\d+)/i.exec(arch)?.[1];
  const where = `Tag_RISCV_arch "${arch}"`;
  if (!exts || (base !== 'i' && base !== 'e' && base !== 'g')) {
    throw new LoadRefusal(Refusal.MISSING_EXTENSION, `${where} does not name a base ISA (rv32i...)`);
  }
  if (xlen !== String(HART_XLEN)) {
    throw new LoadRefusal(Refusal.MISSING_EXTENSION, `${where} asks for an rv${xlen} hart; the machine is rv${HART_XLEN}`);
  }
  if (base === 'e') throw new LoadRefusal(Refusal.EMBEDDED, `${where} asks for the RV32E base; the machine is RV32I`);
  const names = exts.map((e) => e.name).filter((n) => n !== 'g' && !MEMORY_MODEL_ONLY.includes(n));
  if (names.some((n) => n === 'c' || n.startsWith('zc'))) throw new LoadRefusal(Refusal.COMPRESSED, `${where} asks for compressed instructions (C or Zc*); the machine has no compressed instructions`);
  const missing = names.filter((n) => !hartHas(n));
  if (missing.length > 0) {
    const list = missing.map((n) => (n.length === 1 ? n.toUpperCase() : n[0]!.toUpperCase() + n.slice(1))).join(', ');
    throw new LoadRefusal(Refusal.MISSING_EXTENSION,
      `${where} asks for ${list}, which the machine lacks (it is rv32imafd with Zicsr, Zifencei, Zmmul, Zicntr)`);
  }
}
