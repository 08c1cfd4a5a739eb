// The instruction set, described once: every instruction Pagoda knows with its mnemonic, extension,
// encoding format, fixed fields and operand syntax. The interpreter's dispatch constants (abi/isa-ops.ts,
// generated from this table), the disassembler (abi/disasm*.ts) and the assembler (toolchain/as/) all derive
// from it, and a block translator is to do the same: adding an extension is adding rows here.
// Sources: RISC-V Unprivileged ISA 20191213 (ch. 2, 7, 8, 9, 11, 12, 24). Imports nothing.

/** Major opcodes, bits 6:0 (Unprivileged ISA table 24.1). */
export const enum Opcode {
  LOAD = 0x03,
  LOAD_FP = 0x07,
  MISC_MEM = 0x0f,
  OP_IMM = 0x13,
  AUIPC = 0x17,
  STORE = 0x23,
  STORE_FP = 0x27,
  AMO = 0x2f,
  OP = 0x33,
  LUI = 0x37,
  MADD = 0x43,
  MSUB = 0x47,
  NMSUB = 0x4b,
  NMADD = 0x4f,
  OP_FP = 0x53,
  BRANCH = 0x63,
  JALR = 0x67,
  JAL = 0x6f,
  SYSTEM = 0x73,
}

/** The spec's names of the major opcodes, by value. */
export const OPCODE_NAMES: Readonly<Record<number, string>> = {
  0x03: 'LOAD', 0x07: 'LOAD_FP', 0x0f: 'MISC_MEM', 0x13: 'OP_IMM', 0x17: 'AUIPC', 0x23: 'STORE', 0x27: 'STORE_FP',
  0x2f: 'AMO', 0x33: 'OP', 0x37: 'LUI', 0x43: 'MADD', 0x47: 'MSUB', 0x4b: 'NMSUB', 0x4f: 'NMADD', 0x53: 'OP_FP',
  0x63: 'BRANCH', 0x67: 'JALR', 0x6f: 'JAL', 0x73: 'SYSTEM',
};

/**
 * Encoding formats (Unprivileged ISA 2.2/2.3, 11.2): where the registers and immediate sit. SHIFT is I with a
 * 5-bit shift amount and funct7; CSR/CSRI are I with the CSR number as immediate (CSRI: rs1 is a 5-bit
 * constant); AMO/LR are R with aq/rl bits (LR: rs2 fixed 0); R4 holds a third source in bits 31:27.
 */
export type Format = 'R' | 'I' | 'S' | 'B' | 'U' | 'J' | 'SHIFT' | 'CSR' | 'CSRI' | 'AMO' | 'LR' | 'FENCE' | 'NONE' | 'R4';

/** The extension an instruction belongs to (Zmmul is M's multiplications; 'i' is always there). */
export type Extension = 'i' | 'm' | 'zmmul' | 'a' | 'zicsr' | 'zifencei' | 'f' | 'd';

/** Fields an instruction fixes, by name; the others are operands. */
export interface FixedFields {
  readonly opcode: Opcode;
  /** bits 14:12 */
  readonly funct3?: number;
  /** bits 31:25 */
  readonly funct7?: number;
  /** bits 31:27 (AMO; bits 26:25 are aq/rl) */
  readonly funct5?: number;
  /** bits 26:25: the format of a floating-point operation (0 S, 1 D) */
  readonly fmt?: number;
  /** bits 24:20 when they select the operation (fsqrt, fcvt, fclass, lr.w) */
  readonly rs2?: number;
  /** bits 31:20, the whole immediate (ecall, ebreak) */
  readonly imm12?: number;
  /** bits 19:15 and 11:7 (ecall, ebreak) */
  readonly rs1?: number;
  readonly rd?: number;
}

/**
 * One instruction. `args` is its operand syntax in GNU opcode-table letters, which the assembler parses and
 * the disassembler prints: d rd, s rs1, t rs2 (integer registers); D rd, S rs1, T rs2, R rs3 (f registers);
 * m rounding mode (bits 14:12, omitted when dynamic); j 12-bit immediate; o load offset, q store offset
 * (`o(s)`, `q(s)`); u U-immediate >> 12; a jump target; p branch target; > shift amount; E CSR;
 * Z 5-bit CSR immediate (in rs1); P/Q fence predecessor/successor sets; 0 a zero offset `0(s)`.
 */
export interface InstrSpec {
  readonly name: string;
  readonly ext: Extension;
  readonly format: Format;
  readonly args: string;
  readonly fields: FixedFields;
  /** The fixed bits. */
  readonly match: number;
  /** Bits that must equal `match` for a word to be this instruction. */
  readonly mask: number;
  /**
   * True for the exact widening conversions (fcvt.d.s, fcvt.d.w, fcvt.d.wu): the spec gives them an rm field
   * whose value cannot change the result, but GNU as writes 0 there and objdump decodes only 0, so the row
   * fixes funct3 = 0. An interpreter following the spec also accepts the other valid rm values.
   */
  readonly spareRm: boolean;
}

/** Bit position and width of each fixed field. */
const FIELD_BITS: Readonly<Record<keyof FixedFields, readonly [number, number]>> = {
  opcode: [0, 7], rd: [7, 5], funct3: [12, 3], rs1: [15, 5], rs2: [20, 5], fmt: [25, 2], funct7: [25, 7],
  funct5: [27, 5], imm12: [20, 12],
};

function spec(name: string, ext: Extension, format: Format, args: string, fields: FixedFields, spareRm = false): InstrSpec {
  let match = 0;
  let mask = 0;
  for (const [key, value] of Object.entries(fields) as [keyof FixedFields, number][]) {
    const [at, width] = FIELD_BITS[key];
    const ones = ((1 << width) - 1) << at;
    match |= (value << at) & ones;
    mask |= ones;
  }
  return { name, ext, format, args, fields, match: match >>> 0, mask: mask >>> 0, spareRm };
}

const op = (name: string, ext: Extension, funct3: number, funct7: number): InstrSpec =>
  spec(name, ext, 'R', 'd,s,t', { opcode: Opcode.OP, funct3, funct7 });
const opImm = (name: string, funct3: number): InstrSpec => spec(name, 'i', 'I', 'd,s,j', { opcode: Opcode.OP_IMM, funct3 });
const shift = (name: string, funct3: number, funct7: number): InstrSpec =>
  spec(name, 'i', 'SHIFT', 'd,s,>', { opcode: Opcode.OP_IMM, funct3, funct7 });
const branch = (name: string, funct3: number): InstrSpec => spec(name, 'i', 'B', 's,t,p', { opcode: Opcode.BRANCH, funct3 });
const load = (name: string, funct3: number): InstrSpec => spec(name, 'i', 'I', 'd,o(s)', { opcode: Opcode.LOAD, funct3 });
const store = (name: string, funct3: number): InstrSpec => spec(name, 'i', 'S', 't,q(s)', { opcode: Opcode.STORE, funct3 });
const csr = (name: string, funct3: number): InstrSpec =>
  spec(name, 'zicsr', funct3 & 4 ? 'CSRI' : 'CSR', funct3 & 4 ? 'd,E,Z' : 'd,E,s', { opcode: Opcode.SYSTEM, funct3 });
const amo = (name: string, funct5: number): InstrSpec =>
  spec(name, 'a', 'AMO', 'd,t,0(s)', { opcode: Opcode.AMO, funct3: 2, funct5 });

/**
 * The F or D rows (suffix `s`/`d`, fmt 0/1) in the manual's order. Where the rounding mode is an operand (m)
 * funct3 is free; the widening conversions from integers are exact, and GNU fixes their rm at 0 (spareRm).
 */
function floatingPoint(suffix: 's' | 'd', ext: 'f' | 'd', fmt: number): InstrSpec[] {
  const width = fmt === 0 ? 2 : 3; // funct3 of flw/fsw, fld/fsd
  const fp = (name: string, args: string, fields: Omit<FixedFields, 'opcode'>): InstrSpec =>
    spec(`${name}.${suffix}`, ext, 'R', args, { opcode: Opcode.OP_FP, ...fields });
  const fused = (name: string, opcode: Opcode): InstrSpec => spec(`${name}.${suffix}`, ext, 'R4', 'D,S,T,R,m', { opcode, fmt });
  const arith = (funct5: number): number => (funct5 << 2) | fmt;
  return [
    spec(fmt === 0 ? 'flw' : 'fld', ext, 'I', 'D,o(s)', { opcode: Opcode.LOAD_FP, funct3: width }),
    spec(fmt === 0 ? 'fsw' : 'fsd', ext, 'S', 'T,q(s)', { opcode: Opcode.STORE_FP, funct3: width }),
    fused('fmadd', Opcode.MADD),
    fused('fmsub', Opcode.MSUB),
    fused('fnmsub', Opcode.NMSUB),
    fused('fnmadd', Opcode.NMADD),
    fp('fadd', 'D,S,T,m', { funct7: arith(0x00) }),
    fp('fsub', 'D,S,T,m', { funct7: arith(0x01) }),
    fp('fmul', 'D,S,T,m', { funct7: arith(0x02) }),
    fp('fdiv', 'D,S,T,m', { funct7: arith(0x03) }),
    fp('fsqrt', 'D,S,m', { funct7: arith(0x0b), rs2: 0 }),
    fp('fsgnj', 'D,S,T', { funct7: arith(0x04), funct3: 0 }),
    fp('fsgnjn', 'D,S,T', { funct7: arith(0x04), funct3: 1 }),
    fp('fsgnjx', 'D,S,T', { funct7: arith(0x04), funct3: 2 }),
    fp('fmin', 'D,S,T', { funct7: arith(0x05), funct3: 0 }),
    fp('fmax', 'D,S,T', { funct7: arith(0x05), funct3: 1 }),
    fp('fcvt.w', 'd,S,m', { funct7: arith(0x18), rs2: 0 }),
    fp('fcvt.wu', 'd,S,m', { funct7: arith(0x18), rs2: 1 }),
    ...(fmt === 0 ? [spec('fmv.x.w', ext, 'R', 'd,S', { opcode: Opcode.OP_FP, funct7: arith(0x1c), rs2: 0, funct3: 0 })] : []),
    fp('feq', 'd,S,T', { funct7: arith(0x14), funct3: 2 }),
    fp('flt', 'd,S,T', { funct7: arith(0x14), funct3: 1 }),
    fp('fle', 'd,S,T', { funct7: arith(0x14), funct3: 0 }),
    fp('fclass', 'd,S', { funct7: arith(0x1c), rs2: 0, funct3: 1 }),
    fmt === 0
      ? spec('fcvt.s.w', ext, 'R', 'D,s,m', { opcode: Opcode.OP_FP, funct7: arith(0x1a), rs2: 0 })
      : spec('fcvt.d.w', ext, 'R', 'D,s', { opcode: Opcode.OP_FP, funct7: arith(0x1a), rs2: 0, funct3: 0 }, true),
    fmt === 0
      ? spec('fcvt.s.wu', ext, 'R', 'D,s,m', { opcode: Opcode.OP_FP, funct7: arith(0x1a), rs2: 1 })
      : spec('fcvt.d.wu', ext, 'R', 'D,s', { opcode: Opcode.OP_FP, funct7: arith(0x1a), rs2: 1, funct3: 0 }, true),
    ...(fmt === 0 ? [spec('fmv.w.x', ext, 'R', 'D,s', { opcode: Opcode.OP_FP, funct7: arith(0x1e), rs2: 0, funct3: 0 })] : []),
  ];
}

/** Every instruction this project knows, in the order of the ISA manual's tables. */
export const INSTRUCTIONS: readonly InstrSpec[] = [
  // RV32I (chapter 2)
  spec('lui', 'i', 'U', 'd,u', { opcode: Opcode.LUI }),
  spec('auipc', 'i', 'U', 'd,u', { opcode: Opcode.AUIPC }),
  spec('jal', 'i', 'J', 'd,a', { opcode: Opcode.JAL }),
  spec('jalr', 'i', 'I', 'd,o(s)', { opcode: Opcode.JALR, funct3: 0 }),
  branch('beq', 0),
  branch('bne', 1),
  branch('blt', 4),
  branch('bge', 5),
  branch('bltu', 6),
  branch('bgeu', 7),
  load('lb', 0),
  load('lh', 1),
  load('lw', 2),
  load('lbu', 4),
  load('lhu', 5),
  store('sb', 0),
  store('sh', 1),
  store('sw', 2),
  opImm('addi', 0),
  opImm('slti', 2),
  opImm('sltiu', 3),
  opImm('xori', 4),
  opImm('ori', 6),
  opImm('andi', 7),
  shift('slli', 1, 0x00),
  shift('srli', 5, 0x00),
  shift('srai', 5, 0x20),
  op('add', 'i', 0, 0x00),
  op('sub', 'i', 0, 0x20),
  op('sll', 'i', 1, 0x00),
  op('slt', 'i', 2, 0x00),
  op('sltu', 'i', 3, 0x00),
  op('xor', 'i', 4, 0x00),
  op('srl', 'i', 5, 0x00),
  op('sra', 'i', 5, 0x20),
  op('or', 'i', 6, 0x00),
  op('and', 'i', 7, 0x00),
  spec('fence', 'i', 'FENCE', 'P,Q', { opcode: Opcode.MISC_MEM, funct3: 0 }),
  spec('ecall', 'i', 'NONE', '', { opcode: Opcode.SYSTEM, funct3: 0, rd: 0, rs1: 0, imm12: 0 }),
  spec('ebreak', 'i', 'NONE', '', { opcode: Opcode.SYSTEM, funct3: 0, rd: 0, rs1: 0, imm12: 1 }),
  // Zifencei (chapter 3)
  spec('fence.i', 'zifencei', 'NONE', '', { opcode: Opcode.MISC_MEM, funct3: 1 }),
  // Zicsr (chapter 9)
  csr('csrrw', 1),
  csr('csrrs', 2),
  csr('csrrc', 3),
  csr('csrrwi', 5),
  csr('csrrsi', 6),
  csr('csrrci', 7),
  // M (chapter 7); the multiplications alone are Zmmul
  op('mul', 'zmmul', 0, 0x01),
  op('mulh', 'zmmul', 1, 0x01),
  op('mulhsu', 'zmmul', 2, 0x01),
  op('mulhu', 'zmmul', 3, 0x01),
  op('div', 'm', 4, 0x01),
  op('divu', 'm', 5, 0x01),
  op('rem', 'm', 6, 0x01),
  op('remu', 'm', 7, 0x01),
  // A (chapter 8): aq/rl (bits 26:25) are free; lr.w has rs2 = 0
  spec('lr.w', 'a', 'LR', 'd,0(s)', { opcode: Opcode.AMO, funct3: 2, funct5: 0x02, rs2: 0 }),
  amo('sc.w', 0x03),
  amo('amoswap.w', 0x01),
  amo('amoadd.w', 0x00),
  amo('amoxor.w', 0x04),
  amo('amoand.w', 0x0c),
  amo('amoor.w', 0x08),
  amo('amomin.w', 0x10),
  amo('amomax.w', 0x14),
  amo('amominu.w', 0x18),
  amo('amomaxu.w', 0x1c),
  // F and D (chapters 11, 12): one row per format, fmt 0 single, 1 double
  ...floatingPoint('s', 'f', 0),
  ...floatingPoint('d', 'd', 1),
  spec('fcvt.s.d', 'd', 'R', 'D,S,m', { opcode: Opcode.OP_FP, funct7: 0x20, rs2: 1 }),
  // Widening conversions are exact: GNU as writes rm = 0 and objdump decodes only that (spareRm).
  spec('fcvt.d.s', 'd', 'R', 'D,S', { opcode: Opcode.OP_FP, funct7: 0x21, rs2: 0, funct3: 0 }, true),
];

/** The fields the interpreter's inner switch of each major opcode dispatches on (machine/cpu.ts). */
export const enum DispatchKey {
  /** The opcode alone decides (lui, auipc, jal). */
  NONE = 0,
  /** funct3: `(inst >> 12) & 7`. */
  FUNCT3 = 1,
  /** funct7 and funct3: `((inst >>> 22) & 0x3f8) | ((inst >> 12) & 7)`. */
  FUNCT7_FUNCT3 = 2,
  /** funct5 of the atomics: `inst >>> 27`. */
  FUNCT5 = 3,
  /** funct7 of OP-FP: `inst >>> 25` (operation and format). */
  FUNCT7 = 4,
  /** fmt of the fused multiply-adds: `(inst >>> 25) & 3`. */
  FMT = 5,
}

/** How the interpreter dispatches within each major opcode. */
export function dispatchKeyKind(opcode: Opcode): DispatchKey {
  switch (opcode) {
    case Opcode.LUI: case Opcode.AUIPC: case Opcode.JAL: return DispatchKey.NONE;
    case Opcode.OP: return DispatchKey.FUNCT7_FUNCT3;
    case Opcode.AMO: return DispatchKey.FUNCT5;
    case Opcode.OP_FP: return DispatchKey.FUNCT7;
    case Opcode.MADD: case Opcode.MSUB: case Opcode.NMSUB: case Opcode.NMADD: return DispatchKey.FMT;
    default: return DispatchKey.FUNCT3;
  }
}

/** The value the interpreter's inner switch sees for `word` (an instruction of major opcode `word & 0x7f`). */
export function dispatchKeyOfWord(word: number): number {
  const w = word >>> 0;
  switch (dispatchKeyKind((w & 0x7f) as Opcode)) {
    case DispatchKey.NONE: return 0;
    case DispatchKey.FUNCT7_FUNCT3: return ((w >>> 22) & 0x3f8) | ((w >>> 12) & 7);
    case DispatchKey.FUNCT5: return w >>> 27;
    case DispatchKey.FUNCT7: return w >>> 25;
    case DispatchKey.FMT: return (w >>> 25) & 3;
    default: return (w >>> 12) & 7;
  }
}

/** The interpreter's case label for an instruction: its dispatch key (abi/isa-ops.ts names them). */
export const dispatchKey = (s: InstrSpec): number => dispatchKeyOfWord(s.match);

/** The name of an instruction in the generated constants: `amoadd.w` -> `AMOADD_W`. */
export const constantName = (s: InstrSpec): string => s.name.toUpperCase().replace(/\./g, '_');

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
