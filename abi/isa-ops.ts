// GENERATED from abi/isa-table.ts by test/abi/isa-ops-render.ts — do not edit. To regenerate after changing
// the table: UPDATE_ISA_OPS=1 npx vitest run test/abi/isa-table.test.ts
// The interpreter's case labels (machine/cpu.ts): for each instruction, the value the inner switch of its
// major opcode dispatches on (isa-table.ts dispatchKeyKind), and its fixed bits. Imports nothing.

/** Dispatch key of each instruction within its major opcode. */
export const enum Op {
  /** lui: LUI, opcode alone */
  LUI = 0x0,
  /** auipc: AUIPC, opcode alone */
  AUIPC = 0x0,
  /** jal: JAL, opcode alone */
  JAL = 0x0,
  /** jalr: JALR, funct3 */
  JALR = 0x0,
  /** beq: BRANCH, funct3 */
  BEQ = 0x0,
  /** bne: BRANCH, funct3 */
  BNE = 0x1,
  /** blt: BRANCH, funct3 */
  BLT = 0x4,
  /** bge: BRANCH, funct3 */
  BGE = 0x5,
  /** bltu: BRANCH, funct3 */
  BLTU = 0x6,
  /** bgeu: BRANCH, funct3 */
  BGEU = 0x7,
  /** lb: LOAD, funct3 */
  LB = 0x0,
  /** lh: LOAD, funct3 */
  LH = 0x1,
  /** lw: LOAD, funct3 */
  LW = 0x2,
  /** lbu: LOAD, funct3 */
  LBU = 0x4,
  /** lhu: LOAD, funct3 */
  LHU = 0x5,
  /** sb: STORE, funct3 */
  SB = 0x0,
  /** sh: STORE, funct3 */
  SH = 0x1,
  /** sw: STORE, funct3 */
  SW = 0x2,
  /** addi: OP_IMM, funct3 */
  ADDI = 0x0,
  /** slti: OP_IMM, funct3 */
  SLTI = 0x2,
  /** sltiu: OP_IMM, funct3 */
  SLTIU = 0x3,
  /** xori: OP_IMM, funct3 */
  XORI = 0x4,
  /** ori: OP_IMM, funct3 */
  ORI = 0x6,
  /** andi: OP_IMM, funct3 */
  ANDI = 0x7,
  /** slli: OP_IMM, funct3 */
  SLLI = 0x1,
  /** srli: OP_IMM, funct3 */
  SRLI = 0x5,
  /** srai: OP_IMM, funct3 */
  SRAI = 0x5,
  /** add: OP, funct7 << 3 | funct3 */
  ADD = 0x0,
  /** sub: OP, funct7 << 3 | funct3 */
  SUB = 0x100,
  /** sll: OP, funct7 << 3 | funct3 */
  SLL = 0x1,
  /** slt: OP, funct7 << 3 | funct3 */
  SLT = 0x2,
  /** sltu: OP, funct7 << 3 | funct3 */
  SLTU = 0x3,
  /** xor: OP, funct7 << 3 | funct3 */
  XOR = 0x4,
  /** srl: OP, funct7 << 3 | funct3 */
  SRL = 0x5,
  /** sra: OP, funct7 << 3 | funct3 */
  SRA = 0x105,
  /** or: OP, funct7 << 3 | funct3 */
  OR = 0x6,
  /** and: OP, funct7 << 3 | funct3 */
  AND = 0x7,
  /** fence: MISC_MEM, funct3 */
  FENCE = 0x0,
  /** ecall: SYSTEM, funct3 */
  ECALL = 0x0,
  /** ebreak: SYSTEM, funct3 */
  EBREAK = 0x0,
  /** fence.i: MISC_MEM, funct3 */
  FENCE_I = 0x1,
  /** csrrw: SYSTEM, funct3 */
  CSRRW = 0x1,
  /** csrrs: SYSTEM, funct3 */
  CSRRS = 0x2,
  /** csrrc: SYSTEM, funct3 */
  CSRRC = 0x3,
  /** csrrwi: SYSTEM, funct3 */
  CSRRWI = 0x5,
  /** csrrsi: SYSTEM, funct3 */
  CSRRSI = 0x6,
  /** csrrci: SYSTEM, funct3 */
  CSRRCI = 0x7,
  /** mul: OP, funct7 << 3 | funct3 */
  MUL = 0x8,
  /** mulh: OP, funct7 << 3 | funct3 */
  MULH = 0x9,
  /** mulhsu: OP, funct7 << 3 | funct3 */
  MULHSU = 0xa,
  /** mulhu: OP, funct7 << 3 | funct3 */
  MULHU = 0xb,
  /** div: OP, funct7 << 3 | funct3 */
  DIV = 0xc,
  /** divu: OP, funct7 << 3 | funct3 */
  DIVU = 0xd,
  /** rem: OP, funct7 << 3 | funct3 */
  REM = 0xe,
  /** remu: OP, funct7 << 3 | funct3 */
  REMU = 0xf,
  /** lr.w: AMO, funct5 */
  LR_W = 0x2,
  /** sc.w: AMO, funct5 */
  SC_W = 0x3,
  /** amoswap.w: AMO, funct5 */
  AMOSWAP_W = 0x1,
  /** amoadd.w: AMO, funct5 */
  AMOADD_W = 0x0,
  /** amoxor.w: AMO, funct5 */
  AMOXOR_W = 0x4,
  /** amoand.w: AMO, funct5 */
  AMOAND_W = 0xc,
  /** amoor.w: AMO, funct5 */
  AMOOR_W = 0x8,
  /** amomin.w: AMO, funct5 */
  AMOMIN_W = 0x10,
  /** amomax.w: AMO, funct5 */
  AMOMAX_W = 0x14,
  /** amominu.w: AMO, funct5 */
  AMOMINU_W = 0x18,
  /** amomaxu.w: AMO, funct5 */
  AMOMAXU_W = 0x1c,
}

/** The fixed bits of each instruction (isa-table.ts `match`), unsigned. */
export const enum Match {
  LUI = 0x37,
  AUIPC = 0x17,
  JAL = 0x6f,
  JALR = 0x67,
  BEQ = 0x63,
  BNE = 0x1063,
  BLT = 0x4063,
  BGE = 0x5063,
  BLTU = 0x6063,
  BGEU = 0x7063,
  LB = 0x3,
  LH = 0x1003,
  LW = 0x2003,
  LBU = 0x4003,
  LHU = 0x5003,
  SB = 0x23,
  SH = 0x1023,
  SW = 0x2023,
  ADDI = 0x13,
  SLTI = 0x2013,
  SLTIU = 0x3013,
  XORI = 0x4013,
  ORI = 0x6013,
  ANDI = 0x7013,
  SLLI = 0x1013,
  SRLI = 0x5013,
  SRAI = 0x40005013,
  ADD = 0x33,
  SUB = 0x40000033,
  SLL = 0x1033,
  SLT = 0x2033,
  SLTU = 0x3033,
  XOR = 0x4033,
  SRL = 0x5033,
  SRA = 0x40005033,
  OR = 0x6033,
  AND = 0x7033,
  FENCE = 0xf,
  ECALL = 0x73,
  EBREAK = 0x100073,
  FENCE_I = 0x100f,
  CSRRW = 0x1073,
  CSRRS = 0x2073,
  CSRRC = 0x3073,
  CSRRWI = 0x5073,
  CSRRSI = 0x6073,
  CSRRCI = 0x7073,
  MUL = 0x2000033,
  MULH = 0x2001033,
  MULHSU = 0x2002033,
  MULHU = 0x2003033,
  DIV = 0x2004033,
  DIVU = 0x2005033,
  REM = 0x2006033,
  REMU = 0x2007033,
  LR_W = 0x1000202f,
  SC_W = 0x1800202f,
  AMOSWAP_W = 0x800202f,
  AMOADD_W = 0x202f,
  AMOXOR_W = 0x2000202f,
  AMOAND_W = 0x6000202f,
  AMOOR_W = 0x4000202f,
  AMOMIN_W = 0x8000202f,
  AMOMAX_W = 0xa000202f,
  AMOMINU_W = 0xc000202f,
  AMOMAXU_W = 0xe000202f,
}
