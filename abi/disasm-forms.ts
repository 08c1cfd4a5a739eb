// How GNU objdump 2.40 spells each RV32IMAFD + Zicsr + Zifencei instruction: for every INSTRUCTIONS row of
// isa-table.ts, the forms objdump tries in the order of its opcode table (the first whose condition holds wins),
// and the few encodings objdump decodes that Pagoda's table leaves out (privileged instructions, shifts with
// a 6-bit amount). Operand letters are objdump's: d rd, s rs1, t rs2, j I-immediate, o load offset,
// q store offset, D/S/T/R f registers, m rounding mode, u U-immediate >> 12 in hex, > shift amount in hex, E CSR, Z 5-bit CSR immediate,
// P/Q fence sets, a jump target, p branch target, 0 a zero offset (printed only when last).
// Verified against the installed riscv64-unknown-elf-objdump by test/abi/disasm.test.ts. Imports only abi/.

import { type Extension, instrByName, type InstrSpec } from './isa-table.js';
import { immI, RM_DYNAMIC, rdOf, rs1Of, rs2Of } from './riscv.js';

/** The extension an instruction belongs to ('i' is always enabled). */
export type IsaClass = Extension;

/** One way of printing an instruction. */
export interface Form {
  readonly name: string;
  readonly args: string;
  /** Extra condition on the word; absent means always. */
  readonly when?: (w: number) => boolean;
  /** The extension this form needs when it differs from its base instruction's (objdump's unimp, rdcycle). */
  readonly cls?: IsaClass;
}

/** An encoding outside INSTRUCTIONS that objdump still decodes. */
export interface ExtraForm extends Form {
  readonly match: number;
  readonly mask: number;
}

const rd0 = (w: number): boolean => rdOf(w) === 0;
const rs1Zero = (w: number): boolean => rs1Of(w) === 0;
const rs2Zero = (w: number): boolean => rs2Of(w) === 0;
const imm0 = (w: number): boolean => immI(w) === 0;
const csrIs = (csr: number) => (w: number): boolean => w >>> 20 === csr && rs1Zero(w);
/** The floating-point CSR aliases (fflags 1, frm 2, fcsr 3), printed only when F is enabled. */
const FP_CSRS: readonly [number, string][] = [[1, 'flags'], [2, 'rm'], [3, 'csr']];
const csrNumber = (w: number): number => w >>> 20;
const fpReads: Form[] = FP_CSRS.map(([csr, n]) => ({ name: `fr${n}`, args: 'd', when: csrIs(csr), cls: 'f' }));
const fpWrites: Form[] = FP_CSRS.flatMap(([csr, n]): Form[] => [
  { name: `fs${n}`, args: 's', when: (w) => csrNumber(w) === csr && rd0(w), cls: 'f' },
  { name: `fs${n}`, args: 'd,s', when: (w) => csrNumber(w) === csr, cls: 'f' },
]);
const fpWriteImmediates: Form[] = FP_CSRS.filter(([csr]) => csr !== 3).map(([csr, n]) => ({
  name: `fs${n}i`, args: 'd,Z', when: (w: number) => csrNumber(w) === csr, cls: 'f' as const,
}));

/** A counter read objdump prints even without Zicsr. */
const counter = (name: string, csr: number): Form => ({ name, args: 'd', when: csrIs(csr), cls: 'i' });
/** objdump's fence entries require fm, rd and rs1 to be zero. */
const plainFence = (w: number): boolean => w >>> 28 === 0 && rd0(w) && rs1Zero(w);

const plain = (name: string, args: string): Form[] => [{ name, args }];
const R = 'd,s,t';

/** objdump appends the ordering bits to atomics: .aq, .rl, .aqrl. */
function atomic(name: string, args: string): Form[] {
  const bits = (w: number): number => (w >>> 25) & 3;
  return [
    { name: `${name}.aqrl`, args, when: (w) => bits(w) === 3 },
    { name: `${name}.aq`, args, when: (w) => bits(w) === 2 },
    { name: `${name}.rl`, args, when: (w) => bits(w) === 1 },
    { name, args },
  ];
}

/** objdump omits the rounding mode when it is dynamic: `fadd.s fa0,fa1,fa2`, else `...,rtz`. */
function withRoundingMode(name: string, args: string): Form[] {
  return [{ name, args: args.slice(0, -2), when: (w) => ((w >>> 12) & 7) === RM_DYNAMIC }, { name, args }];
}

/** fmv/fneg/fabs.s/.d: sign injection of a register with itself. */
function signInjections(): Record<string, readonly Form[]> {
  const forms: Record<string, readonly Form[]> = {};
  for (const suffix of ['s', 'd']) {
    for (const [alias, base] of [['fmv', 'fsgnj'], ['fneg', 'fsgnjn'], ['fabs', 'fsgnjx']]) {
      forms[`${base}.${suffix}`] = [
        { name: `${alias}.${suffix}`, args: 'D,S', when: (w) => rs1Of(w) === rs2Of(w) },
        { name: `${base}.${suffix}`, args: 'D,S,T' },
      ];
    }
  }
  return forms;
}

/**
 * The forms of the instructions objdump prints otherwise than as their table row (name and args), in
 * objdump's table order; `formsOf` gives every other row its plain form.
 */
const ALIAS_FORMS: Readonly<Record<string, readonly Form[]>> = {
  ...signInjections(),
  jal: [
    { name: 'j', args: 'a', when: rd0 },
    { name: 'jal', args: 'a', when: (w) => rdOf(w) === 1 },
    { name: 'jal', args: 'd,a' },
  ],
  jalr: [
    { name: 'ret', args: '', when: (w) => rd0(w) && rs1Of(w) === 1 && imm0(w) },
    { name: 'jr', args: 's', when: (w) => rd0(w) && imm0(w) },
    { name: 'jr', args: 'o(s)', when: rd0 },
    { name: 'jalr', args: 's', when: (w) => rdOf(w) === 1 && imm0(w) },
    { name: 'jalr', args: 'o(s)', when: (w) => rdOf(w) === 1 },
    { name: 'jalr', args: 'd,s', when: imm0 },
    { name: 'jalr', args: 'd,o(s)' },
  ],
  beq: [{ name: 'beqz', args: 's,p', when: rs2Zero }, { name: 'beq', args: 's,t,p' }],
  bne: [{ name: 'bnez', args: 's,p', when: rs2Zero }, { name: 'bne', args: 's,t,p' }],
  blt: [
    { name: 'bltz', args: 's,p', when: rs2Zero },
    { name: 'bgtz', args: 't,p', when: rs1Zero },
    { name: 'blt', args: 's,t,p' },
  ],
  bge: [
    { name: 'blez', args: 't,p', when: rs1Zero },
    { name: 'bgez', args: 's,p', when: rs2Zero },
    { name: 'bge', args: 's,t,p' },
  ],
  addi: [
    { name: 'nop', args: '', when: (w) => rd0(w) && rs1Zero(w) && imm0(w) },
    { name: 'li', args: 'd,j', when: rs1Zero },
    { name: 'mv', args: 'd,s', when: imm0 },
    { name: 'add', args: 'd,s,j' },
  ],
  sltiu: [{ name: 'seqz', args: 'd,s', when: (w) => immI(w) === 1 }, { name: 'sltiu', args: 'd,s,j' }],
  xori: [{ name: 'not', args: 'd,s', when: (w) => immI(w) === -1 }, { name: 'xor', args: 'd,s,j' }],
  ori: plain('or', 'd,s,j'),
  andi: [{ name: 'zext.b', args: 'd,s', when: (w) => immI(w) === 255 }, { name: 'and', args: 'd,s,j' }],
  // objdump 2.40 prints the immediate shifts under their register-shift alias.
  slli: plain('sll', 'd,s,>'),
  srli: plain('srl', 'd,s,>'),
  srai: plain('sra', 'd,s,>'),
  sub: [{ name: 'neg', args: 'd,t', when: rs1Zero }, { name: 'sub', args: R }],
  slt: [
    { name: 'sltz', args: 'd,s', when: rs2Zero },
    { name: 'sgtz', args: 'd,t', when: rs1Zero },
    { name: 'slt', args: R },
  ],
  sltu: [{ name: 'snez', args: 'd,t', when: rs1Zero }, { name: 'sltu', args: R }],
  fence: [
    { name: 'fence', args: '', when: (w) => plainFence(w) && ((w >>> 20) & 0xff) === 0xff },
    { name: 'fence', args: 'P,Q', when: plainFence },
    { name: 'fence.tso', args: '', when: (w) => w >>> 0 === 0x8330000f },
  ],
  'fence.i': [{ name: 'fence.i', args: '', when: (w) => rd0(w) && rs1Zero(w) && imm0(w) }],
  csrrw: [
    { name: 'unimp', args: '', when: (w) => w >>> 0 === 0xc0001073, cls: 'i' },
    ...fpWrites,
    { name: 'csrw', args: 'E,s', when: rd0 },
    { name: 'csrrw', args: 'd,E,s' },
  ],
  csrrs: [
    counter('rdcycle', 0xc00),
    counter('rdinstret', 0xc02),
    counter('rdtime', 0xc01),
    counter('rdcycleh', 0xc80),
    counter('rdinstreth', 0xc82),
    counter('rdtimeh', 0xc81),
    ...fpReads,
    { name: 'csrr', args: 'd,E', when: rs1Zero },
    { name: 'csrs', args: 'E,s', when: rd0 },
    { name: 'csrrs', args: 'd,E,s' },
  ],
  csrrc: [{ name: 'csrc', args: 'E,s', when: rd0 }, { name: 'csrrc', args: 'd,E,s' }],
  csrrwi: [...fpWriteImmediates, { name: 'csrw', args: 'E,Z', when: rd0 }, { name: 'csrrw', args: 'd,E,Z' }],
  csrrsi: [{ name: 'csrs', args: 'E,Z', when: rd0 }, { name: 'csrrs', args: 'd,E,Z' }],
  csrrci: [{ name: 'csrc', args: 'E,Z', when: rd0 }, { name: 'csrrc', args: 'd,E,Z' }],
};

const SHIFT6_MASK = 0xfc00707f;
const base = (name: string): number => instrByName(name)?.match ?? 0;
const system = (name: string, word: number): ExtraForm => ({ name, args: '', match: word, mask: 0xffffffff });

/** Encodings objdump decodes although INSTRUCTIONS does not list them, in objdump's table order. */
export const EXTRA_FORMS: readonly ExtraForm[] = [
  // RV64-style shift amounts (bit 25 set) still decode on RV32.
  { name: 'sll', args: 'd,s,>', match: base('slli'), mask: SHIFT6_MASK },
  { name: 'srl', args: 'd,s,>', match: base('srli'), mask: SHIFT6_MASK },
  { name: 'sra', args: 'd,s,>', match: base('srai'), mask: SHIFT6_MASK },
  // Privileged instructions: objdump always decodes them.
  system('uret', 0x00200073),
  system('sret', 0x10200073),
  system('mret', 0x30200073),
  system('dret', 0x7b200073),
  { name: 'sfence.vma', args: '', match: 0x12000073, mask: 0xffffffff },
  { name: 'sfence.vma', args: 's', match: 0x12000073, mask: 0xfff07fff },
  { name: 'sfence.vma', args: 's,t', match: 0x12000073, mask: 0xfe007fff },
  system('wfi', 0x10500073),
  // Privileged-spec 1.9 leftovers that objdump 2.40 still decodes.
  system('hret', 0x20200073),
  { name: 'sfence.vm', args: '', match: 0x10400073, mask: 0xffffffff },
  { name: 'sfence.vm', args: 's', match: 0x10400073, mask: 0xfff07fff },
];

const formCache = new Map<InstrSpec, readonly Form[]>();

/**
 * The forms objdump tries for a table row, first match wins: its aliases, else the row itself (atomics with
 * their ordering suffixes). A form without `cls` needs the row's extension.
 */
export function formsOf(spec: InstrSpec): readonly Form[] {
  let forms = formCache.get(spec);
  if (forms === undefined) {
    forms = ALIAS_FORMS[spec.name] ??
      (spec.format === 'AMO' || spec.format === 'LR' ? atomic(spec.name, spec.args)
        : spec.args.endsWith(',m') ? withRoundingMode(spec.name, spec.args) : plain(spec.name, spec.args));
    formCache.set(spec, forms);
  }
  return forms;
}
