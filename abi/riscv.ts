// RISC-V RV32IMA + Zicsr: instruction fields, opcodes, the instruction table shared by the
// assembler, the disassembler and the tests, CSR numbers and Sv32 PTE bits.
// Sources: RISC-V Unprivileged ISA 20191213 (ch. 2, 7, 8, 9, 24), Privileged ISA 20211203 (4.3 Sv32).
// This file imports nothing.

/** Major opcodes, bits 6:0 (Unprivileged ISA table 24.1). */
export const enum Opcode {
  LOAD = 0x03,
  MISC_MEM = 0x0f,
  OP_IMM = 0x13,
  AUIPC = 0x17,
  STORE = 0x23,
  AMO = 0x2f,
  OP = 0x33,
  LUI = 0x37,
  BRANCH = 0x63,
  JALR = 0x67,
  JAL = 0x6f,
  SYSTEM = 0x73,
}

/** Instruction formats (Unprivileged ISA 2.2/2.3). */
export type Format = 'R' | 'I' | 'S' | 'B' | 'U' | 'J' | 'SHIFT' | 'CSR' | 'CSRI' | 'AMO' | 'LR' | 'FENCE' | 'NONE';

/** One base instruction: its encoding skeleton and format. `match` holds the fixed bits. */
export interface InstrSpec {
  readonly name: string;
  readonly format: Format;
  readonly match: number;
  /** Bits that must equal `match` for a word to be this instruction. */
  readonly mask: number;
}

const MASK_OPC = 0x7f;
const MASK_F3 = 0x7000 | MASK_OPC;
const MASK_F7 = 0xfe000000 | MASK_F3;
const MASK_AMO = 0xf8000000 | MASK_F3;

function spec(name: string, format: Format, match: number, mask: number): InstrSpec {
  return { name, format, match: match >>> 0, mask: mask >>> 0 };
}
const f3 = (opc: number, funct3: number): number => opc | (funct3 << 12);
const f7 = (opc: number, funct3: number, funct7: number): number => f3(opc, funct3) | (funct7 << 25);
const amo = (funct3: number, funct5: number): number => f3(Opcode.AMO, funct3) | (funct5 << 27);

/** Every RV32IMA + Zicsr instruction this project knows, in the order of the ISA manual's tables. */
export const INSTRUCTIONS: readonly InstrSpec[] = [
  spec('lui', 'U', Opcode.LUI, MASK_OPC),
  spec('auipc', 'U', Opcode.AUIPC, MASK_OPC),
  spec('jal', 'J', Opcode.JAL, MASK_OPC),
  spec('jalr', 'I', f3(Opcode.JALR, 0), MASK_F3),
  spec('beq', 'B', f3(Opcode.BRANCH, 0), MASK_F3),
  spec('bne', 'B', f3(Opcode.BRANCH, 1), MASK_F3),
  spec('blt', 'B', f3(Opcode.BRANCH, 4), MASK_F3),
  spec('bge', 'B', f3(Opcode.BRANCH, 5), MASK_F3),
  spec('bltu', 'B', f3(Opcode.BRANCH, 6), MASK_F3),
  spec('bgeu', 'B', f3(Opcode.BRANCH, 7), MASK_F3),
  spec('lb', 'I', f3(Opcode.LOAD, 0), MASK_F3),
  spec('lh', 'I', f3(Opcode.LOAD, 1), MASK_F3),
  spec('lw', 'I', f3(Opcode.LOAD, 2), MASK_F3),
  spec('lbu', 'I', f3(Opcode.LOAD, 4), MASK_F3),
  spec('lhu', 'I', f3(Opcode.LOAD, 5), MASK_F3),
  spec('sb', 'S', f3(Opcode.STORE, 0), MASK_F3),
  spec('sh', 'S', f3(Opcode.STORE, 1), MASK_F3),
  spec('sw', 'S', f3(Opcode.STORE, 2), MASK_F3),
  spec('addi', 'I', f3(Opcode.OP_IMM, 0), MASK_F3),
  spec('slti', 'I', f3(Opcode.OP_IMM, 2), MASK_F3),
  spec('sltiu', 'I', f3(Opcode.OP_IMM, 3), MASK_F3),
  spec('xori', 'I', f3(Opcode.OP_IMM, 4), MASK_F3),
  spec('ori', 'I', f3(Opcode.OP_IMM, 6), MASK_F3),
  spec('andi', 'I', f3(Opcode.OP_IMM, 7), MASK_F3),
  spec('slli', 'SHIFT', f7(Opcode.OP_IMM, 1, 0x00), MASK_F7),
  spec('srli', 'SHIFT', f7(Opcode.OP_IMM, 5, 0x00), MASK_F7),
  spec('srai', 'SHIFT', f7(Opcode.OP_IMM, 5, 0x20), MASK_F7),
  spec('add', 'R', f7(Opcode.OP, 0, 0x00), MASK_F7),
  spec('sub', 'R', f7(Opcode.OP, 0, 0x20), MASK_F7),
  spec('sll', 'R', f7(Opcode.OP, 1, 0x00), MASK_F7),
  spec('slt', 'R', f7(Opcode.OP, 2, 0x00), MASK_F7),
  spec('sltu', 'R', f7(Opcode.OP, 3, 0x00), MASK_F7),
  spec('xor', 'R', f7(Opcode.OP, 4, 0x00), MASK_F7),
  spec('srl', 'R', f7(Opcode.OP, 5, 0x00), MASK_F7),
  spec('sra', 'R', f7(Opcode.OP, 5, 0x20), MASK_F7),
  spec('or', 'R', f7(Opcode.OP, 6, 0x00), MASK_F7),
  spec('and', 'R', f7(Opcode.OP, 7, 0x00), MASK_F7),
  spec('fence', 'FENCE', f3(Opcode.MISC_MEM, 0), MASK_F3),
  spec('fence.i', 'NONE', f3(Opcode.MISC_MEM, 1), MASK_F3),
  spec('ecall', 'NONE', 0x00000073, 0xffffffff),
  spec('ebreak', 'NONE', 0x00100073, 0xffffffff),
  spec('csrrw', 'CSR', f3(Opcode.SYSTEM, 1), MASK_F3),
  spec('csrrs', 'CSR', f3(Opcode.SYSTEM, 2), MASK_F3),
  spec('csrrc', 'CSR', f3(Opcode.SYSTEM, 3), MASK_F3),
  spec('csrrwi', 'CSRI', f3(Opcode.SYSTEM, 5), MASK_F3),
  spec('csrrsi', 'CSRI', f3(Opcode.SYSTEM, 6), MASK_F3),
  spec('csrrci', 'CSRI', f3(Opcode.SYSTEM, 7), MASK_F3),
  spec('mul', 'R', f7(Opcode.OP, 0, 0x01), MASK_F7),
  spec('mulh', 'R', f7(Opcode.OP, 1, 0x01), MASK_F7),
  spec('mulhsu', 'R', f7(Opcode.OP, 2, 0x01), MASK_F7),
  spec('mulhu', 'R', f7(Opcode.OP, 3, 0x01), MASK_F7),
  spec('div', 'R', f7(Opcode.OP, 4, 0x01), MASK_F7),
  spec('divu', 'R', f7(Opcode.OP, 5, 0x01), MASK_F7),
  spec('rem', 'R', f7(Opcode.OP, 6, 0x01), MASK_F7),
  spec('remu', 'R', f7(Opcode.OP, 7, 0x01), MASK_F7),
  // A extension: lr.w has rs2 = 0; aq/rl (bits 26/25) are free, so the mask leaves them out.
  spec('lr.w', 'LR', amo(2, 0x02), MASK_AMO | (0x1f << 20)),
  spec('sc.w', 'AMO', amo(2, 0x03), MASK_AMO),
  spec('amoswap.w', 'AMO', amo(2, 0x01), MASK_AMO),
  spec('amoadd.w', 'AMO', amo(2, 0x00), MASK_AMO),
  spec('amoxor.w', 'AMO', amo(2, 0x04), MASK_AMO),
  spec('amoand.w', 'AMO', amo(2, 0x0c), MASK_AMO),
  spec('amoor.w', 'AMO', amo(2, 0x08), MASK_AMO),
  spec('amomin.w', 'AMO', amo(2, 0x10), MASK_AMO),
  spec('amomax.w', 'AMO', amo(2, 0x14), MASK_AMO),
  spec('amominu.w', 'AMO', amo(2, 0x18), MASK_AMO),
  spec('amomaxu.w', 'AMO', amo(2, 0x1c), MASK_AMO),
];

const BY_NAME = new Map(INSTRUCTIONS.map((s) => [s.name, s]));

/** The table entry for a mnemonic, or undefined. */
export function instrByName(name: string): InstrSpec | undefined {
  return BY_NAME.get(name);
}

/** The table entry a 32-bit word decodes to, or undefined for an unknown word. */
export function instrOfWord(word: number): InstrSpec | undefined {
  const w = word >>> 0;
  for (const s of INSTRUCTIONS) if (((w & s.mask) >>> 0) === s.match) return s;
  return undefined;
}

// ---- Field extraction (Unprivileged ISA figure 2.3/2.4) ----
export const rdOf = (w: number): number => (w >>> 7) & 31;
export const rs1Of = (w: number): number => (w >>> 15) & 31;
export const rs2Of = (w: number): number => (w >>> 20) & 31;
export const funct3Of = (w: number): number => (w >>> 12) & 7;
export const immI = (w: number): number => w >> 20;
export const immS = (w: number): number => ((w >> 25) << 5) | ((w >>> 7) & 31);
export const immB = (w: number): number =>
  ((w >> 31) << 12) | (((w >>> 7) & 1) << 11) | (((w >>> 25) & 0x3f) << 5) | (((w >>> 8) & 0xf) << 1);
export const immU = (w: number): number => w & 0xfffff000;
export const immJ = (w: number): number =>
  ((w >> 31) << 20) | (((w >>> 12) & 0xff) << 12) | (((w >>> 20) & 1) << 11) | (((w >>> 21) & 0x3ff) << 1);

// ---- Field packing: the inverse of the above; immediates must already be in range ----
const reg = (r: number, at: number): number => (r & 31) << at;
export const encR = (base: number, rd: number, rs1: number, rs2: number): number =>
  (base | reg(rd, 7) | reg(rs1, 15) | reg(rs2, 20)) >>> 0;
export const encI = (base: number, rd: number, rs1: number, imm: number): number =>
  (base | reg(rd, 7) | reg(rs1, 15) | ((imm & 0xfff) << 20)) >>> 0;
export const encS = (base: number, rs1: number, rs2: number, imm: number): number =>
  (base | reg(rs1, 15) | reg(rs2, 20) | ((imm & 0x1f) << 7) | (((imm >> 5) & 0x7f) << 25)) >>> 0;
export const encB = (base: number, rs1: number, rs2: number, imm: number): number =>
  (base | reg(rs1, 15) | reg(rs2, 20) |
    (((imm >> 11) & 1) << 7) | (((imm >> 1) & 0xf) << 8) | (((imm >> 5) & 0x3f) << 25) | (((imm >> 12) & 1) << 31)) >>> 0;
export const encU = (base: number, rd: number, imm: number): number =>
  (base | reg(rd, 7) | (imm & 0xfffff000)) >>> 0;
export const encJ = (base: number, rd: number, imm: number): number =>
  (base | reg(rd, 7) |
    (((imm >> 12) & 0xff) << 12) | (((imm >> 11) & 1) << 20) | (((imm >> 1) & 0x3ff) << 21) | (((imm >> 20) & 1) << 31)) >>> 0;

/** ABI register names, x0..x31 (psABI chapter 1). */
export const ABI_REG_NAMES: readonly string[] = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

/** Register number for `x7`, `t2` or `fp`, or -1. */
export function regNumber(name: string): number {
  const m = /^x([0-9]|[12][0-9]|3[01])$/.exec(name);
  if (m) return Number(m[1]);
  if (name === 'fp') return 8;
  return ABI_REG_NAMES.indexOf(name);
}

/** User-readable counter CSRs (Zicntr); all read-only. */
export const enum Csr {
  CYCLE = 0xc00,
  TIME = 0xc01,
  INSTRET = 0xc02,
  CYCLEH = 0xc80,
  TIMEH = 0xc81,
  INSTRETH = 0xc82,
}
export const CSR_NAMES: Readonly<Record<number, string>> = {
  0xc00: 'cycle', 0xc01: 'time', 0xc02: 'instret', 0xc80: 'cycleh', 0xc81: 'timeh', 0xc82: 'instreth',
  0x001: 'fflags', 0x002: 'frm', 0x003: 'fcsr',
};

/** Sv32 page-table entry bits (Privileged ISA 4.3.1, figure 4.18). */
export const enum Pte {
  V = 1 << 0,
  R = 1 << 1,
  W = 1 << 2,
  X = 1 << 3,
  U = 1 << 4,
  G = 1 << 5,
  A = 1 << 6,
  D = 1 << 7,
  /** The PPN starts at bit 10. */
  PPN_SHIFT = 10,
}

/** Sv32 geometry. */
export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;
export const MEGAPAGE_SIZE = 1 << 22;
/** satp.MODE (bit 31) set selects Sv32; satp.PPN is bits 21:0. */
export const SATP_MODE_SV32 = 0x80000000;
export const SATP_PPN_MASK = 0x003fffff;
