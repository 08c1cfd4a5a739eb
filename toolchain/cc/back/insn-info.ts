// The one table of the instructions the code generator emits, for the passes that read its assembly text
// back (peephole.ts, param-regs.ts, gen-func.ts's tailCalls): how each mnemonic uses its operands, where
// control goes after it, whether it touches memory, and how many bytes it can assemble to. A line of
// generated code whose mnemonic is not here is a compiler bug: insnOf throws an internal error naming the
// function, never lets a pass skip it. Only lines that came from inline assembly (whose text may be any
// instruction) may be unknown; they are then opaque (every operand read, nothing known written, 8 bytes).
// (A RISC-V instruction table for cpu/disasm/as is being made in abi/; this one describes our assembly
// text, pseudo-instructions included, and stays here until the two can be merged.)
import { CompileError } from '../diagnostics.js';
import type { Token } from '../front/tokenize.js';

/** How an instruction's operands are used (memory operands "off(reg)" read their base register). */
export const enum Operands {
  /** The first operand is the only register written; the others are read (ALU ops, loads, li, mv...). */
  DEST_FIRST = 1,
  /** Every operand is read, none written (stores, branches, jr, jalr, and opaque inline assembly). */
  ALL_READ = 2,
  /** No register operand (ret, ebreak, and calls and jumps to a symbol). */
  NONE = 3,
}

/** Where control goes after the instruction. */
export const enum Flow {
  NEXT = 0,
  /** Conditional branch: falls through or goes to the label that is its last operand. */
  BRANCH = 1,
  /** `j label` */
  JUMP = 2,
  /** `call sym`: returns to the next line; clobbers the caller-saved registers. */
  CALL = 3,
  /** `jalr reg`: an indirect call. */
  CALL_REG = 4,
  /** `ret` */
  RETURN = 5,
  /** `tail sym`: a call that does not come back here. */
  TAIL = 6,
  /** `jr reg`: an indirect jump out of the function (a tail call through a pointer), or through a switch
   * table to labels of the function when the line is one of FunctionCode.tableJumps. */
  JUMP_REG = 7,
  /** `ebreak` (__builtin_trap): stops the program. */
  TRAP = 8,
}

/** Memory access. */
export const enum Access {
  NONE = 0,
  LOAD = 1,
  STORE = 2,
}

/** What the post-codegen passes know about one mnemonic. */
export interface InsnInfo {
  readonly mnemonic: string;
  readonly operands: Operands;
  readonly flow: Flow;
  readonly access: Access;
  /** Upper bound of the bytes it assembles to (li, call and tail may expand to two instructions). */
  readonly maxBytes: 0 | 4 | 8;
  /** For a conditional branch: the branch taken exactly when this one is not. */
  readonly inverse: string | null;
}

function info(mnemonic: string, operands: Operands, flow: Flow, access: Access = Access.NONE, maxBytes: 0 | 4 | 8 = 4, inverse: string | null = null): InsnInfo {
  return { mnemonic, operands, flow, access, maxBytes, inverse };
}

const alu = (m: string): InsnInfo => info(m, Operands.DEST_FIRST, Flow.NEXT);
const load = (m: string): InsnInfo => info(m, Operands.DEST_FIRST, Flow.NEXT, Access.LOAD);
const store = (m: string): InsnInfo => info(m, Operands.ALL_READ, Flow.NEXT, Access.STORE);
const branch = (m: string, inverse: string): InsnInfo => info(m, Operands.ALL_READ, Flow.BRANCH, Access.NONE, 4, inverse);

/** lr.w, sc.w and the word AMOs, with every ordering suffix. */
const ATOMIC_MNEMONICS: readonly string[] = ['lr', 'sc', 'amoswap', 'amoadd', 'amoand', 'amoor', 'amoxor']
  .flatMap((m) => ['', '.aq', '.rl', '.aqrl'].map((o) => `${m}.w${o}`));

/** Every mnemonic the code generator emits (RV32IM and the GNU pseudo-instructions it uses). */
export const INSNS: readonly InsnInfo[] = [
  ...['add', 'addi', 'sub', 'and', 'andi', 'or', 'ori', 'xor', 'xori', 'sll', 'slli', 'srl', 'srli', 'sra', 'srai',
    'slt', 'slti', 'sltu', 'sltiu', 'mul', 'mulh', 'mulhu', 'mulhsu', 'div', 'divu', 'rem', 'remu', 'lui',
    'mv', 'neg', 'not', 'seqz', 'snez'].map(alu),
  // F and D: arithmetic, moves, conversions and comparisons write their first operand
  ...['fadd', 'fsub', 'fmul', 'fdiv', 'fsqrt', 'fsgnj', 'fsgnjn', 'fsgnjx', 'fneg', 'fabs', 'fmin', 'fmax', 'feq',
    'flt', 'fle', 'fclass', 'fmadd', 'fmsub', 'fnmadd', 'fnmsub'].flatMap((m) => [alu(`${m}.s`), alu(`${m}.d`)]),
  ...['fmv.s', 'fmv.d', 'fmv.w.x', 'fmv.x.w', 'fcvt.s.d', 'fcvt.d.s', 'fcvt.w.s', 'fcvt.wu.s', 'fcvt.w.d',
    'fcvt.wu.d', 'fcvt.s.w', 'fcvt.s.wu', 'fcvt.d.w', 'fcvt.d.wu'].map(alu),
  ...['flw', 'fld'].map(load),
  ...['fsw', 'fsd'].map(store),
  info('li', Operands.DEST_FIRST, Flow.NEXT, Access.NONE, 8),
  ...['lw', 'lh', 'lhu', 'lb', 'lbu'].map(load),
  ...['sw', 'sh', 'sb'].map(store),
  branch('beq', 'bne'), branch('bne', 'beq'), branch('blt', 'bge'), branch('bge', 'blt'),
  branch('bltu', 'bgeu'), branch('bgeu', 'bltu'), branch('bgt', 'ble'), branch('ble', 'bgt'),
  branch('bgtu', 'bleu'), branch('bleu', 'bgtu'), branch('beqz', 'bnez'), branch('bnez', 'beqz'),
  branch('blez', 'bgtz'), branch('bgtz', 'blez'), branch('bltz', 'bgez'), branch('bgez', 'bltz'),
  info('j', Operands.NONE, Flow.JUMP),
  info('call', Operands.NONE, Flow.CALL, Access.NONE, 8),
  info('jalr', Operands.ALL_READ, Flow.CALL_REG),
  info('ret', Operands.NONE, Flow.RETURN),
  info('tail', Operands.NONE, Flow.TAIL, Access.NONE, 8),
  info('jr', Operands.ALL_READ, Flow.JUMP_REG),
  info('ebreak', Operands.NONE, Flow.TRAP),
  // the A extension (gen-atomic.ts): rd written, the others read; Access.NONE so that no pass folds an
  // offset into their address, which must be a bare register
  ...ATOMIC_MNEMONICS.map((m) => info(m, Operands.DEST_FIRST, Flow.NEXT)),
  info('fence', Operands.NONE, Flow.NEXT),
  info('fence.tso', Operands.NONE, Flow.NEXT),
];

/**
 * A directive line of -g (`.loc`, `.cfi_*`: cc/debug/): no bytes, no registers, control falls through. Only
 * these two families: any other directive in generated code is still a bug.
 */
const DEBUG_DIRECTIVE: InsnInfo = info('(debug directive)', Operands.NONE, Flow.NEXT, Access.NONE, 0);

/** True for a -g directive line (`\t.loc ...`, `\t.cfi_...`), which passes look through. */
export function isDebugLine(line: string): boolean {
  return line.charCodeAt(1) === 46 && (line.startsWith('\t.loc ') || line.startsWith('\t.cfi_'));
}

/** A line of inline assembly whose mnemonic is not in the table: assumed to read every operand. */
const OPAQUE: InsnInfo = info('(inline asm)', Operands.ALL_READ, Flow.NEXT, Access.NONE, 8);

const BY_MNEMONIC = new Map<string, InsnInfo>(INSNS.map((i) => [i.mnemonic, i]));
/**
 * The table grouped by first letter (ASCII), for a look-up straight from a line without slicing out the
 * mnemonic. Every slot holds a list, so the array stays dense (a sparse one is a slow dictionary).
 */
const BY_FIRST: InsnInfo[][] = Array.from({ length: 128 }, (): InsnInfo[] => []);
for (const i of INSNS) BY_FIRST[i.mnemonic.charCodeAt(0)].push(i);

/** The entry for `mnemonic`, or undefined. */
export function insnInfo(mnemonic: string): InsnInfo | undefined {
  return BY_MNEMONIC.get(mnemonic);
}

/** The entry for the mnemonic of instruction line `line` ("\tmnemonic operands..."), or undefined. */
export function lineInfo(line: string): InsnInfo | undefined {
  if (isDebugLine(line)) return DEBUG_DIRECTIVE;
  const list = BY_FIRST[line.charCodeAt(1) & 127];
  let end = line.indexOf(' ', 1);
  if (end < 0) end = line.length;
  const len = end - 1;
  for (let k = 0; k < list.length; k++) {
    const m = list[k].mnemonic;
    if (m.length === len && line.startsWith(m, 1)) return list[k];
  }
  return undefined;
}

/** The function whose generated lines a pass reads: where to report a bug, and its inline assembly. */
export interface FunctionCode {
  readonly name: string;
  readonly tok: Token;
  /** The lines that came from inline assembly (`asm("...")` statements). */
  readonly inlineAsm: ReadonlySet<string>;
  /** The `jr` lines that jump through a switch table to labels of the function (other `jr`s leave it). */
  readonly tableJumps?: ReadonlySet<string>;
}

/**
 * The entry for instruction line `line` of `code`'s function (see the file comment): opaque for unknown
 * inline assembly; throws an internal CompileError at the function for any other unknown mnemonic.
 */
export function insnOf(line: string, code: FunctionCode, pass: string): InsnInfo {
  const i = lineInfo(line);
  if (i !== undefined) return i;
  return unknownInsn(line, code, pass);
}

/** The answer for a line the table does not know (kept out of insnOf so that stays small). */
export function unknownInsn(line: string, code: FunctionCode, pass: string): InsnInfo {
  if (code.inlineAsm.has(line)) return OPAQUE;
  throw new CompileError(`internal compiler error: ${pass}: unknown instruction '${line.trim()}' in the code generated for '${code.name}'`, code.tok);
}
