// Patching immediates into RISC-V instruction words, and the relocation names used in messages.
// Field layouts: Unprivileged ISA 20191213 section 2.3 (immediate encoding variants).

import { RelocType } from '../../abi/elf.js';

/** U-type (lui/auipc): the upper 20 bits of `v`, rounded so that a following 12-bit low part adds back up. */
export const patchU = (word: number, v: number): number => ((word & 0xfff) | ((v + 0x800) & 0xfffff000)) >>> 0;

/** I-type: imm[11:0] in bits 31:20 (the low 12 bits of `v`, read back sign-extended). */
export const patchI = (word: number, v: number): number => ((word & 0x000fffff) | ((v & 0xfff) << 20)) >>> 0;

/** S-type: imm[11:5] in bits 31:25, imm[4:0] in bits 11:7. */
export const patchS = (word: number, v: number): number =>
  ((word & 0x01fff07f) | ((v & 0xfe0) << 20) | ((v & 0x1f) << 7)) >>> 0;

/** B-type: imm[12|10:5] in bits 31:25, imm[4:1|11] in bits 11:7. */
export const patchB = (word: number, v: number): number =>
  ((word & 0x01fff07f) |
    (((v >> 12) & 1) << 31) |
    (((v >> 5) & 0x3f) << 25) |
    (((v >> 1) & 0xf) << 8) |
    (((v >> 11) & 1) << 7)) >>>
  0;

/** J-type: imm[20|10:1|11|19:12] in bits 31:12. */
export const patchJ = (word: number, v: number): number =>
  ((word & 0xfff) |
    (((v >> 20) & 1) << 31) |
    (((v >> 1) & 0x3ff) << 21) |
    (((v >> 11) & 1) << 20) |
    (((v >> 12) & 0xff) << 12)) >>>
  0;

/** True when `v` fits a signed immediate of `bits` bits. */
export const fitsSigned = (v: number, bits: number): boolean => v >= -(2 ** (bits - 1)) && v < 2 ** (bits - 1);

const NAMES: Record<number, string> = {
  [RelocType.NONE]: 'R_RISCV_NONE',
  [RelocType.R_32]: 'R_RISCV_32',
  [RelocType.BRANCH]: 'R_RISCV_BRANCH',
  [RelocType.JAL]: 'R_RISCV_JAL',
  [RelocType.CALL]: 'R_RISCV_CALL',
  [RelocType.CALL_PLT]: 'R_RISCV_CALL_PLT',
  [RelocType.GOT_HI20]: 'R_RISCV_GOT_HI20',
  [RelocType.PCREL_HI20]: 'R_RISCV_PCREL_HI20',
  [RelocType.PCREL_LO12_I]: 'R_RISCV_PCREL_LO12_I',
  [RelocType.PCREL_LO12_S]: 'R_RISCV_PCREL_LO12_S',
  [RelocType.HI20]: 'R_RISCV_HI20',
  [RelocType.LO12_I]: 'R_RISCV_LO12_I',
  [RelocType.LO12_S]: 'R_RISCV_LO12_S',
  [RelocType.ADD8]: 'R_RISCV_ADD8',
  [RelocType.ADD16]: 'R_RISCV_ADD16',
  [RelocType.ADD32]: 'R_RISCV_ADD32',
  [RelocType.ADD64]: 'R_RISCV_ADD64',
  [RelocType.SUB8]: 'R_RISCV_SUB8',
  [RelocType.SUB16]: 'R_RISCV_SUB16',
  [RelocType.SUB32]: 'R_RISCV_SUB32',
  [RelocType.SUB64]: 'R_RISCV_SUB64',
  [RelocType.ALIGN]: 'R_RISCV_ALIGN',
  [RelocType.RVC_BRANCH]: 'R_RISCV_RVC_BRANCH',
  [RelocType.RVC_JUMP]: 'R_RISCV_RVC_JUMP',
  [RelocType.RELAX]: 'R_RISCV_RELAX',
  [RelocType.SUB6]: 'R_RISCV_SUB6',
  [RelocType.SET6]: 'R_RISCV_SET6',
  [RelocType.SET8]: 'R_RISCV_SET8',
  [RelocType.SET16]: 'R_RISCV_SET16',
  [RelocType.SET32]: 'R_RISCV_SET32',
  [RelocType.R_32_PCREL]: 'R_RISCV_32_PCREL',
  [RelocType.SET_ULEB128]: 'R_RISCV_SET_ULEB128',
  [RelocType.SUB_ULEB128]: 'R_RISCV_SUB_ULEB128',
};

/** `R_RISCV_JAL` for 17; `relocation type 99` for numbers this linker has no name for. */
export function relocName(type: number): string {
  return NAMES[type] ?? `relocation type ${type}`;
}
