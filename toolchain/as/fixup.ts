// Fixups: places in a section whose bytes depend on a value known only after layout (or at link
// time, in which case they become relocations).

import type { Expr } from './expr.js';
import type { Frag, Section } from './section.js';

export const enum FixKind {
  /** `.byte/.half/.word/.quad` data of `size` bytes. */
  DATA = 0,
  /** `lui` with %hi(): R_RISCV_HI20. */
  HI20 = 1,
  /** I-type immediate with %lo(): R_RISCV_LO12_I. */
  LO12_I = 2,
  /** S-type immediate with %lo(): R_RISCV_LO12_S. */
  LO12_S = 3,
  /** `auipc` with %pcrel_hi(): R_RISCV_PCREL_HI20. */
  PCREL_HI20 = 4,
  /** I-type with %pcrel_lo(label): R_RISCV_PCREL_LO12_I. */
  PCREL_LO12_I = 5,
  /** S-type with %pcrel_lo(label): R_RISCV_PCREL_LO12_S. */
  PCREL_LO12_S = 6,
  /** `call`/`tail` auipc+jalr pair: R_RISCV_CALL_PLT. */
  CALL_PLT = 7,
  /** `jal`: R_RISCV_JAL. */
  JAL = 8,
  /** `la` under `.option pic`: R_RISCV_GOT_HI20. */
  GOT_HI20 = 9,
  /** The operand of a DW_CFA_advance_loc* across fragments: R_RISCV_SETn/SUBn (`size` 0 is the 6-bit form). */
  CFA_ADVANCE = 10,
}

export interface Fixup {
  kind: FixKind;
  section: Section;
  frag: Frag;
  /** Offset within the fragment's fixed part. */
  offset: number;
  /** DATA: 1, 2, 4 or 8; CFA_ADVANCE: 0 (6 bits), 1, 2 or 4. */
  size: number;
  expr: Expr;
  line: number;
  col: number;
}
