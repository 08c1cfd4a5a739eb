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
  /** flw: LOAD_FP, funct3 */
  FLW = 0x2,
  /** fsw: STORE_FP, funct3 */
  FSW = 0x2,
  /** fmadd.s: MADD, fmt */
  FMADD_S = 0x0,
  /** fmsub.s: MSUB, fmt */
  FMSUB_S = 0x0,
  /** fnmsub.s: NMSUB, fmt */
  FNMSUB_S = 0x0,
  /** fnmadd.s: NMADD, fmt */
  FNMADD_S = 0x0,
  /** fadd.s: OP_FP, funct7 */
  FADD_S = 0x0,
  /** fsub.s: OP_FP, funct7 */
  FSUB_S = 0x4,
  /** fmul.s: OP_FP, funct7 */
  FMUL_S = 0x8,
  /** fdiv.s: OP_FP, funct7 */
  FDIV_S = 0xc,
  /** fsqrt.s: OP_FP, funct7 */
  FSQRT_S = 0x2c,
  /** fsgnj.s: OP_FP, funct7 */
  FSGNJ_S = 0x10,
  /** fsgnjn.s: OP_FP, funct7 */
  FSGNJN_S = 0x10,
  /** fsgnjx.s: OP_FP, funct7 */
  FSGNJX_S = 0x10,
  /** fmin.s: OP_FP, funct7 */
  FMIN_S = 0x14,
  /** fmax.s: OP_FP, funct7 */
  FMAX_S = 0x14,
  /** fcvt.w.s: OP_FP, funct7 */
  FCVT_W_S = 0x60,
  /** fcvt.wu.s: OP_FP, funct7 */
  FCVT_WU_S = 0x60,
  /** fmv.x.w: OP_FP, funct7 */
  FMV_X_W = 0x70,
  /** feq.s: OP_FP, funct7 */
  FEQ_S = 0x50,
  /** flt.s: OP_FP, funct7 */
  FLT_S = 0x50,
  /** fle.s: OP_FP, funct7 */
  FLE_S = 0x50,
  /** fclass.s: OP_FP, funct7 */
  FCLASS_S = 0x70,
  /** fcvt.s.w: OP_FP, funct7 */
  FCVT_S_W = 0x68,
  /** fcvt.s.wu: OP_FP, funct7 */
  FCVT_S_WU = 0x68,
  /** fmv.w.x: OP_FP, funct7 */
  FMV_W_X = 0x78,
  /** fld: LOAD_FP, funct3 */
  FLD = 0x3,
  /** fsd: STORE_FP, funct3 */
  FSD = 0x3,
  /** fmadd.d: MADD, fmt */
  FMADD_D = 0x1,
  /** fmsub.d: MSUB, fmt */
  FMSUB_D = 0x1,
  /** fnmsub.d: NMSUB, fmt */
  FNMSUB_D = 0x1,
  /** fnmadd.d: NMADD, fmt */
  FNMADD_D = 0x1,
  /** fadd.d: OP_FP, funct7 */
  FADD_D = 0x1,
  /** fsub.d: OP_FP, funct7 */
  FSUB_D = 0x5,
  /** fmul.d: OP_FP, funct7 */
  FMUL_D = 0x9,
  /** fdiv.d: OP_FP, funct7 */
  FDIV_D = 0xd,
  /** fsqrt.d: OP_FP, funct7 */
  FSQRT_D = 0x2d,
  /** fsgnj.d: OP_FP, funct7 */
  FSGNJ_D = 0x11,
  /** fsgnjn.d: OP_FP, funct7 */
  FSGNJN_D = 0x11,
  /** fsgnjx.d: OP_FP, funct7 */
  FSGNJX_D = 0x11,
  /** fmin.d: OP_FP, funct7 */
  FMIN_D = 0x15,
  /** fmax.d: OP_FP, funct7 */
  FMAX_D = 0x15,
  /** fcvt.w.d: OP_FP, funct7 */
  FCVT_W_D = 0x61,
  /** fcvt.wu.d: OP_FP, funct7 */
  FCVT_WU_D = 0x61,
  /** feq.d: OP_FP, funct7 */
  FEQ_D = 0x51,
  /** flt.d: OP_FP, funct7 */
  FLT_D = 0x51,
  /** fle.d: OP_FP, funct7 */
  FLE_D = 0x51,
  /** fclass.d: OP_FP, funct7 */
  FCLASS_D = 0x71,
  /** fcvt.d.w: OP_FP, funct7 */
  FCVT_D_W = 0x69,
  /** fcvt.d.wu: OP_FP, funct7 */
  FCVT_D_WU = 0x69,
  /** fcvt.s.d: OP_FP, funct7 */
  FCVT_S_D = 0x20,
  /** fcvt.d.s: OP_FP, funct7 */
  FCVT_D_S = 0x21,
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
  FLW = 0x2007,
  FSW = 0x2027,
  FMADD_S = 0x43,
  FMSUB_S = 0x47,
  FNMSUB_S = 0x4b,
  FNMADD_S = 0x4f,
  FADD_S = 0x53,
  FSUB_S = 0x8000053,
  FMUL_S = 0x10000053,
  FDIV_S = 0x18000053,
  FSQRT_S = 0x58000053,
  FSGNJ_S = 0x20000053,
  FSGNJN_S = 0x20001053,
  FSGNJX_S = 0x20002053,
  FMIN_S = 0x28000053,
  FMAX_S = 0x28001053,
  FCVT_W_S = 0xc0000053,
  FCVT_WU_S = 0xc0100053,
  FMV_X_W = 0xe0000053,
  FEQ_S = 0xa0002053,
  FLT_S = 0xa0001053,
  FLE_S = 0xa0000053,
  FCLASS_S = 0xe0001053,
  FCVT_S_W = 0xd0000053,
  FCVT_S_WU = 0xd0100053,
  FMV_W_X = 0xf0000053,
  FLD = 0x3007,
  FSD = 0x3027,
  FMADD_D = 0x2000043,
  FMSUB_D = 0x2000047,
  FNMSUB_D = 0x200004b,
  FNMADD_D = 0x200004f,
  FADD_D = 0x2000053,
  FSUB_D = 0xa000053,
  FMUL_D = 0x12000053,
  FDIV_D = 0x1a000053,
  FSQRT_D = 0x5a000053,
  FSGNJ_D = 0x22000053,
  FSGNJN_D = 0x22001053,
  FSGNJX_D = 0x22002053,
  FMIN_D = 0x2a000053,
  FMAX_D = 0x2a001053,
  FCVT_W_D = 0xc2000053,
  FCVT_WU_D = 0xc2100053,
  FEQ_D = 0xa2002053,
  FLT_D = 0xa2001053,
  FLE_D = 0xa2000053,
  FCLASS_D = 0xe2001053,
  FCVT_D_W = 0xd2000053,
  FCVT_D_WU = 0xd2100053,
  FCVT_S_D = 0x40100053,
  FCVT_D_S = 0x42000053,
}
