// RISC-V disassembler printing exactly what GNU objdump 2.40 (`riscv64-unknown-elf-objdump -d`, ABI register
// names, aliases on) prints for RV32IMAFD + Zicsr + Zifencei code, including the privileged instructions and
// the aliases objdump chooses (li, mv, ret, j, beqz, csrr, rdcycle, sll for slli, ...), `.2byte`/`.4byte`/
// `.8byte`/`.byte` for what it cannot decode, and the ` # address` comments it adds after lui/auipc pairs and
// x0-, tp- and gp-relative accesses. Used by objdump (toolchain/) and the kernel's fault messages.
// Base encodings come from the INSTRUCTIONS table of isa-table.ts; this file only adds objdump's choice of
// spelling. Never throws. Imports only abi/.

import { instrOfWord } from './isa-table.js';
import {
  ABI_REG_NAMES, FP_ABI_REG_NAMES, immB, immI, immJ, immS, immU, rdOf, ROUNDING_MODE_NAMES, rs1Of, rs2Of,
} from './riscv.js';
import { objdumpCsrName } from './csr-names.js';
import { type IsaExtensions, PAGODA_ISA } from './isa.js';
import { EXTRA_FORMS, type Form, formsOf, type IsaClass } from './disasm-forms.js';

/** One decoded instruction (or undecodable unit) in objdump's words. */
export interface Disassembly {
  /** `li`, `.4byte`, ... */
  readonly mnemonic: string;
  /** Operand text without the mnemonic; objdump separates it from the mnemonic with a TAB. */
  readonly operands: string;
  /** Bytes consumed (2 for a 16-bit parcel, 4 for a word, up to 22 for long encodings). */
  readonly size: number;
  /** Destination of a branch or jump (its address is the last operand). */
  readonly target?: number;
  /** Address objdump names in a trailing ` # ...` comment (lui/auipc pairs, x0/tp/gp-relative accesses). */
  readonly reference?: number;
  /** The full objdump text: mnemonic, TAB, operands, and the ` # ...` comment when there is one. */
  readonly text: string;
}

/** How an address is printed; objdump appends ` <symbol+0x..>`. Default: lower-case hex without `0x`. */
export type AddressFormatter = (address: number) => string;

const hex = (n: number): string => (n >>> 0).toString(16);

/**
 * Per-stream state, as objdump keeps it across one file: the enabled extensions, the value of
 * `__global_pointer$` if the file defines it, and the upper halves loaded by lui/auipc into each register,
 * which the next access through that register combines into a ` # address` comment.
 */
export class DisasmContext {
  isa: IsaExtensions;
  readonly gp: number | undefined;
  readonly formatAddress: AddressFormatter;
  private readonly hiAddr: (number | undefined)[] = new Array<number | undefined>(32).fill(undefined);
  private pending: number | undefined;

  constructor(options: { isa?: IsaExtensions; gp?: number; formatAddress?: AddressFormatter } = {}) {
    this.isa = options.isa ?? PAGODA_ISA;
    this.gp = options.gp;
    this.formatAddress = options.formatAddress ?? hex;
  }

  /** Remembers the upper half written by lui/auipc into `rd`. */
  setHigh(rd: number, value: number): void {
    this.hiAddr[rd] = value >>> 0;
  }

  /** objdump's maybe_print_address: choose the address an access through `base` + `offset` refers to. */
  noteAccess(base: number, offset: number): void {
    const hi = this.hiAddr[base];
    if (hi !== undefined) {
      this.pending = ((base !== 0 ? hi : 0) + offset) >>> 0;
      this.hiAddr[base] = undefined;
    } else if (base === 3 && this.gp !== undefined) {
      this.pending = (this.gp + offset) >>> 0;
    } else if (base === 4 || base === 0) {
      this.pending = offset >>> 0;
    }
  }

  /** The address chosen while printing the current instruction, if any; clears it. */
  takeReference(): number | undefined {
    const r = this.pending;
    this.pending = undefined;
    return r;
  }

  /** True when instructions of `cls` are enabled. */
  enables(cls: IsaClass): boolean {
    return cls === 'i' || this.isa[cls];
  }
}

/**
 * objdump's instruction length rule for the first 16-bit parcel: 2 (no low `11`), 4, 6, 8, or 10..22 for the
 * reserved long encodings; a parcel whose long-length field is all ones counts as 2.
 */
export function instructionLength(parcel: number): number {
  if ((parcel & 3) !== 3) return 2;
  if ((parcel & 0x1f) !== 0x1f) return 4;
  if ((parcel & 0x3f) === 0x1f) return 6;
  if ((parcel & 0x7f) === 0x3f) return 8;
  if ((parcel & 0x7f) === 0x7f && (parcel & 0x7000) !== 0x7000) return 10 + ((parcel >> 11) & 0xe);
  return 2;
}

const REG = ABI_REG_NAMES;
const FREG = FP_ABI_REG_NAMES;
const FENCE_SETS = ['unknown', 'w', 'r', 'rw', 'o', 'ow', 'or', 'orw', 'i', 'iw', 'ir', 'irw', 'io', 'iow', 'ior', 'iorw'];

/** What printing the operands found out besides their text. */
interface Rendered {
  target?: number;
}

const isJalr = (w: number): boolean => (w & 0x707f) === 0x67;
const isAddi = (w: number): boolean => (w & 0x707f) === 0x13;

/** Prints one operand letter of a form's template (objdump's letters: d s t D S T R m j o q u > E Z P Q a p 0). */
function renderOperand(ch: string, isLast: boolean, w: number, pc: number, ctx: DisasmContext, out: Rendered): string {
  const rs1 = rs1Of(w);
  switch (ch) {
    case 'd':
      if ((w & 0x7f) === 0x17) ctx.setHigh(rdOf(w), pc + immU(w));
      else if ((w & 0x7f) === 0x37) ctx.setHigh(rdOf(w), immU(w));
      return REG[rdOf(w)]!;
    case 's':
      if (isJalr(w)) ctx.noteAccess(rs1, immI(w));
      return REG[rs1]!;
    case 't':
      return REG[rs2Of(w)]!;
    case 'D':
      return FREG[rdOf(w)]!;
    case 'S':
      return FREG[rs1]!;
    case 'T':
      return FREG[rs2Of(w)]!;
    case 'R':
      return FREG[w >>> 27]!;
    case 'm':
      return ROUNDING_MODE_NAMES[(w >>> 12) & 7] ?? 'unknown';
    case 'o':
      ctx.noteAccess(rs1, immI(w));
      if (isJalr(w)) ctx.noteAccess(rs1, immI(w));
      return String(immI(w));
    case 'j':
      if ((isAddi(w) && rs1 !== 0) || isJalr(w)) ctx.noteAccess(rs1, immI(w));
      return String(immI(w));
    case 'q':
      ctx.noteAccess(rs1, immS(w));
      return String(immS(w));
    case 'u':
      return '0x' + hex(immU(w) >>> 12);
    case '>':
      return '0x' + hex((w >>> 20) & 0x3f);
    case 'E': {
      const csr = w >>> 20;
      return objdumpCsrName(csr) ?? '0x' + hex(csr);
    }
    case 'Z':
      return String(rs1);
    case 'P':
      return FENCE_SETS[(w >>> 24) & 15]!;
    case 'Q':
      return FENCE_SETS[(w >>> 20) & 15]!;
    case 'a':
      out.target = (pc + immJ(w)) >>> 0;
      return ctx.formatAddress(out.target);
    case 'p':
      out.target = (pc + immB(w)) >>> 0;
      return ctx.formatAddress(out.target);
    case '0':
      return isLast ? '0' : '';
    default:
      return ch; // punctuation: , ( )
  }
}

function renderForm(form: Form, w: number, pc: number, ctx: DisasmContext): Disassembly {
  const out: Rendered = {};
  let operands = '';
  const args = form.args;
  for (let i = 0; i < args.length; i++) operands += renderOperand(args[i]!, i === args.length - 1, w, pc, ctx, out);
  const reference = ctx.takeReference();
  let text = operands === '' ? form.name : `${form.name}\t${operands}`;
  if (reference !== undefined) text += ' # ' + ctx.formatAddress(reference);
  return { mnemonic: form.name, operands, size: 4, target: out.target, reference, text };
}

function directive(mnemonic: string, operands: string, size: number): Disassembly {
  return { mnemonic, operands, size, text: `${mnemonic}\t${operands}` };
}

/** The objdump form a 32-bit word prints as, or undefined when objdump cannot decode it. */
function formOf(w: number, ctx: DisasmContext): Form | undefined {
  const spec = instrOfWord(w);
  if (spec) {
    for (const form of formsOf(spec)) {
      if ((!form.when || form.when(w)) && ctx.enables(form.cls ?? spec.ext)) return form;
    }
  }
  for (const extra of EXTRA_FORMS) {
    if (((w & extra.mask) >>> 0) === extra.match && (!extra.when || extra.when(w))) return extra;
  }
  return undefined;
}

/**
 * Disassembles the 32-bit word `word` fetched at `pc`, as objdump would print the instruction starting there.
 * A word whose low bits mark a 16-bit parcel prints as `.2byte` of its low half (size 2; Pagoda has no C);
 * a word starting a longer encoding prints as `.4byte` of the word (only `disassembleBytes` sees the rest).
 * `ctx` carries objdump's state across a stream; without it each call starts fresh. Never throws.
 */
export function disassemble(word: number, pc: number, ctx: DisasmContext = new DisasmContext()): Disassembly {
  const w = word >>> 0;
  const length = instructionLength(w & 0xffff);
  if (length === 2) return directive('.2byte', '0x' + hex(w & 0xffff), 2);
  if (length !== 4) return directive('.4byte', '0x' + hex(w), 4);
  const form = formOf(w, ctx);
  if (!form) return directive('.4byte', '0x' + hex(w), 4);
  return renderForm(form, w, pc >>> 0, ctx);
}

/** A long (6..22 byte) or truncated unit, printed as objdump prints an unknown one. */
function longUnit(bytes: Uint8Array, offset: number, length: number): Disassembly {
  if (length === 8) {
    const lo = readU32(bytes, offset);
    const hi = readU32(bytes, offset + 4);
    return directive('.8byte', '0x' + (hi !== 0 ? hex(hi) + hex(lo).padStart(8, '0') : hex(lo)), 8);
  }
  const list: string[] = [];
  for (let i = 0; i < length; i++) list.push('0x' + (bytes[offset + i] ?? 0).toString(16).padStart(2, '0'));
  return directive('.byte', list.join(', '), length);
}

function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;
}

/**
 * Disassembles the unit starting at `bytes[offset]`, which sits at address `pc`, consuming 2, 4 or more bytes
 * exactly as objdump walks a section. A unit cut short by the end of `bytes` prints its available bytes as a
 * `.byte` list (objdump prints an "out of bounds" message there instead). Never throws.
 */
export function disassembleBytes(bytes: Uint8Array, offset: number, pc: number, ctx: DisasmContext): Disassembly {
  const available = bytes.length - offset;
  if (available <= 0) return directive('.byte', '', 0);
  if (available === 1) return longUnit(bytes, offset, 1);
  const parcel = bytes[offset]! | (bytes[offset + 1]! << 8);
  const length = instructionLength(parcel);
  if (length > available) return longUnit(bytes, offset, available);
  if (length === 4) return disassemble(readU32(bytes, offset), pc, ctx);
  if (length === 2) return directive('.2byte', '0x' + hex(parcel), 2);
  return longUnit(bytes, offset, length);
}

/** One-line objdump text for `word` at `pc` (`li\ta0,10`, `j\t10074`), e.g. for fault messages. Never throws. */
export function formatInstruction(word: number, pc: number): string {
  return disassemble(word, pc).text;
}
