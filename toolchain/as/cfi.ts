// `.cfi_*` directives and the `.debug_frame` section they describe (DWARF 5 section 6.4), as GNU as 2.40
// writes it for RISC-V under `.cfi_sections .debug_frame` (what gcc -g emits for riscv*-elf):
//   - one CIE (version 3, code alignment 1, data alignment -4, return address column 1 = ra, initial rule
//     CFA = sp + 0), then one FDE per `.cfi_startproc`/`.cfi_endproc`, each padded with DW_CFA_nop to 4 bytes;
//   - FDE addresses are R_RISCV_32 and the range an ADD32/SUB32 pair (the linker may shrink code);
//   - a step between two places in one of GNU as's fragments is a plain DW_CFA_advance_loc*, but a step across
//     a fragment boundary (a branch, an alignment, or after a %hi/%pcrel_hi instruction, where GNU as starts a
//     new fragment) is sized by today's distance and relocated with SET6/SUB6, SET8/SUB8, SET16/SUB16 or
//     SET32/SUB32, because linker relaxation may change it.
// Without `.cfi_sections .debug_frame` the directives are checked and nothing is written: GNU as would write
// `.eh_frame`, which Pagoda executables have no use for (the linker drops it).

import { ShType } from '../../abi/elf.js';
import { regNumber, FP_ABI_REG_NAMES } from '../../abi/riscv.js';
import type { Assembler, StatementHandler } from './assembler.js';
import { AsmError } from './diagnostics.js';
import { comma, constantAt } from './args.js';
import { SectionWriter, sleb, symExpr, uleb } from './dwarf-emit.js';
import { node, Op } from './expr.js';
import { FixKind } from './fixup.js';
import { Tk, type Token } from './lexer.js';
import type { Section } from './section.js';
import type { Sym } from './symbol.js';

/** A place in a code section, with the number of GNU as's fragment it falls in. */
interface Place {
  label: Sym;
  section: Section;
  gnuFrag: number;
}

/** An instruction of an FDE: fixed bytes, or an advance from one place to another. */
type CfaInsn = { bytes: number[] } | { from: Place; to: Place };

interface Fde {
  start: Place;
  end: Place | null;
  insns: CfaInsn[];
  last: Place;
  /** The CFA offset so far (for `.cfi_rel_offset` and `.cfi_adjust_cfa_offset`). */
  cfaOffset: number;
  cfaStack: number[];
  line: number;
}

// DWARF call frame instructions (DWARF 5 section 6.4.2).
const enum CFA {
  ADVANCE_LOC = 0x40, OFFSET = 0x80, RESTORE = 0xc0, NOP = 0, ADVANCE_LOC1 = 0x02, ADVANCE_LOC2 = 0x03,
  ADVANCE_LOC4 = 0x04, OFFSET_EXTENDED = 0x05, RESTORE_EXTENDED = 0x06, UNDEFINED = 0x07, SAME_VALUE = 0x08,
  REGISTER = 0x09, REMEMBER_STATE = 0x0a, RESTORE_STATE = 0x0b, DEF_CFA = 0x0c, DEF_CFA_REGISTER = 0x0d,
  DEF_CFA_OFFSET = 0x0e, OFFSET_EXTENDED_SF = 0x11, DEF_CFA_SF = 0x12, VAL_OFFSET = 0x14, VAL_OFFSET_SF = 0x15,
}
const DATA_ALIGN = -4;
const RA_COLUMN = 1;
const SP = 2;

/** The call frame information of one assembly. */
export class CallFrames {
  /** `.cfi_sections .debug_frame` was given: write `.debug_frame`. */
  debugFrame = false;
  readonly fdes: Fde[] = [];
  open: Fde | null = null;

  get wanted(): boolean {
    return this.debugFrame && this.fdes.length > 0;
  }
}

/** The current position as a Place (a new anonymous label). */
function here(asm: Assembler): Place {
  const label = asm.symbols.anonymousLabel();
  asm.defineLabelHere(label, 0);
  return { label, section: asm.cur, gnuFrag: asm.cur.gnuFrags };
}

const samePlace = (a: Place, b: Place): boolean =>
  a.section === b.section && a.gnuFrag === b.gnuFrag && a.label.frag === b.label.frag && a.label.offset === b.label.offset;

/** The FDE being described; an error outside `.cfi_startproc`. */
function openFde(asm: Assembler, col: number): Fde {
  const f = asm.cfi.open;
  if (f === null) throw new AsmError('CFI instruction used without previous .cfi_startproc', col);
  return f;
}

/** Appends an instruction at the current position, first advancing to it if code was emitted since. */
function add(asm: Assembler, col: number, bytes: number[]): Fde {
  const f = openFde(asm, col);
  const p = here(asm);
  if (!samePlace(p, f.last)) {
    f.insns.push({ from: f.last, to: p });
    f.last = p;
  }
  f.insns.push({ bytes });
  return f;
}

/** A DWARF register number: a number, x0-x31/ABI names (0-31), or f0-f31/ABI names (32-63). */
function dwarfRegister(asm: Assembler, toks: Token[], i: number): [number, number] {
  const t = toks[i];
  if (t.kind === Tk.IDENT) {
    const x = regNumber(t.text);
    if (x >= 0) return [x, i + 1];
    const fm = /^f([0-9]|[12][0-9]|3[01])$/.exec(t.text);
    if (fm) return [32 + Number(fm[1]), i + 1];
    const f = FP_ABI_REG_NAMES.indexOf(t.text);
    if (f >= 0) return [32 + f, i + 1];
  }
  const [n, j] = constantAt(asm, toks, i);
  if (n < 0) throw new AsmError(`register number ${n} is negative`, t.col);
  return [n, j];
}

/** `DW_CFA_offset reg, off` in its shortest form (off is a byte offset from the CFA). */
function offsetRule(reg: number, off: number, col: number): number[] {
  if (off % DATA_ALIGN !== 0) throw new AsmError(`offset ${off} is not a multiple of ${-DATA_ALIGN}`, col);
  const factored = off / DATA_ALIGN;
  if (factored < 0) return [CFA.OFFSET_EXTENDED_SF, ...uleb(reg), ...sleb(factored)];
  if (reg < 64) return [CFA.OFFSET | reg, ...uleb(factored)];
  return [CFA.OFFSET_EXTENDED, ...uleb(reg), ...uleb(factored)];
}

function defCfa(f: Fde | null, reg: number, off: number): number[] {
  if (f !== null) f.cfaOffset = off;
  return off < 0 ? [CFA.DEF_CFA_SF, ...uleb(reg), ...sleb(off / DATA_ALIGN)] : [CFA.DEF_CFA, ...uleb(reg), ...uleb(off)];
}

function defCfaOffset(off: number, col: number): number[] {
  if (off < 0) throw new AsmError(`negative CFA offset ${off} is not supported`, col);
  return [CFA.DEF_CFA_OFFSET, ...uleb(off)];
}

/** Reads `reg` or `reg, expr` operands and checks the statement ends. */
function regArgs(asm: Assembler, toks: Token[], i: number, withOffset: boolean): [number, number] {
  const [reg, j] = dwarfRegister(asm, toks, i);
  if (!withOffset) {
    asm.expectEnd(toks, j);
    return [reg, 0];
  }
  const [off, k] = constantAt(asm, toks, comma(toks, j));
  asm.expectEnd(toks, k);
  return [reg, off];
}

const startproc: StatementHandler = (asm, toks, i, name, col) => {
  if (asm.cfi.open !== null) throw new AsmError('previous CFI entry not closed (missing .cfi_endproc)', col);
  let j = i;
  if (toks[j].kind === Tk.IDENT && toks[j].text === 'simple') {
    throw new AsmError('.cfi_startproc simple is not supported', toks[j].col);
  }
  asm.expectEnd(toks, j);
  const start = here(asm);
  const f: Fde = { start, end: null, insns: [], last: start, cfaOffset: 0, cfaStack: [], line: asm.line };
  asm.cfi.open = f;
  asm.cfi.fdes.push(f);
};

const endproc: StatementHandler = (asm, toks, i, name, col) => {
  const f = openFde(asm, col);
  asm.expectEnd(toks, i);
  f.end = here(asm);
  asm.cfi.open = null;
};

/** `.cfi_sections .eh_frame, .debug_frame`. */
const sections: StatementHandler = (asm, toks, i) => {
  let j = i;
  for (;;) {
    const t = toks[j];
    if (t.kind !== Tk.IDENT || (t.text !== '.eh_frame' && t.text !== '.debug_frame')) {
      throw new AsmError('expected .eh_frame or .debug_frame', t.col);
    }
    if (t.text === '.debug_frame') asm.cfi.debugFrame = true;
    j++;
    if (toks[j].kind === Tk.END) return;
    j = comma(toks, j);
  }
};

const simple = (op: (asm: Assembler, toks: Token[], i: number, col: number) => void): StatementHandler =>
  (asm, toks, i, name, col) => op(asm, toks, i, col);

const handlers: Array<[string, StatementHandler]> = [
  ['.cfi_sections', sections],
  ['.cfi_startproc', startproc],
  ['.cfi_endproc', endproc],
  ['.cfi_def_cfa', simple((asm, toks, i, col) => {
    const [reg, off] = regArgs(asm, toks, i, true);
    add(asm, col, defCfa(asm.cfi.open, reg, off));
  })],
  ['.cfi_def_cfa_offset', simple((asm, toks, i, col) => {
    const [off, j] = constantAt(asm, toks, i);
    asm.expectEnd(toks, j);
    add(asm, col, defCfaOffset(off, col)).cfaOffset = off;
  })],
  ['.cfi_adjust_cfa_offset', simple((asm, toks, i, col) => {
    const [delta, j] = constantAt(asm, toks, i);
    asm.expectEnd(toks, j);
    const off = openFde(asm, col).cfaOffset + delta;
    add(asm, col, defCfaOffset(off, col)).cfaOffset = off;
  })],
  ['.cfi_def_cfa_register', simple((asm, toks, i, col) => {
    const [reg] = regArgs(asm, toks, i, false);
    add(asm, col, [CFA.DEF_CFA_REGISTER, ...uleb(reg)]);
  })],
  ['.cfi_offset', simple((asm, toks, i, col) => {
    const [reg, off] = regArgs(asm, toks, i, true);
    add(asm, col, offsetRule(reg, off, col));
  })],
  ['.cfi_rel_offset', simple((asm, toks, i, col) => {
    const [reg, off] = regArgs(asm, toks, i, true);
    add(asm, col, offsetRule(reg, off - openFde(asm, col).cfaOffset, col));
  })],
  ['.cfi_val_offset', simple((asm, toks, i, col) => {
    const [reg, off] = regArgs(asm, toks, i, true);
    if (off % DATA_ALIGN !== 0) throw new AsmError(`offset ${off} is not a multiple of ${-DATA_ALIGN}`, col);
    const factored = off / DATA_ALIGN;
    add(asm, col, factored < 0 ? [CFA.VAL_OFFSET_SF, ...uleb(reg), ...sleb(factored)] : [CFA.VAL_OFFSET, ...uleb(reg), ...uleb(factored)]);
  })],
  ['.cfi_restore', simple((asm, toks, i, col) => {
    const [reg] = regArgs(asm, toks, i, false);
    add(asm, col, reg < 64 ? [CFA.RESTORE | reg] : [CFA.RESTORE_EXTENDED, ...uleb(reg)]);
  })],
  ['.cfi_undefined', simple((asm, toks, i, col) => {
    const [reg] = regArgs(asm, toks, i, false);
    add(asm, col, [CFA.UNDEFINED, ...uleb(reg)]);
  })],
  ['.cfi_same_value', simple((asm, toks, i, col) => {
    const [reg] = regArgs(asm, toks, i, false);
    add(asm, col, [CFA.SAME_VALUE, ...uleb(reg)]);
  })],
  ['.cfi_register', simple((asm, toks, i, col) => {
    const [r1, j] = dwarfRegister(asm, toks, i);
    const [r2, k] = dwarfRegister(asm, toks, comma(toks, j));
    asm.expectEnd(toks, k);
    add(asm, col, [CFA.REGISTER, ...uleb(r1), ...uleb(r2)]);
  })],
  ['.cfi_remember_state', simple((asm, toks, i, col) => {
    asm.expectEnd(toks, i);
    const f = add(asm, col, [CFA.REMEMBER_STATE]);
    f.cfaStack.push(f.cfaOffset);
  })],
  ['.cfi_restore_state', simple((asm, toks, i, col) => {
    asm.expectEnd(toks, i);
    const f = openFde(asm, col);
    const off = f.cfaStack.pop();
    if (off === undefined) throw new AsmError('.cfi_restore_state without a matching .cfi_remember_state', col);
    add(asm, col, [CFA.RESTORE_STATE]).cfaOffset = off;
  })],
  ['.cfi_escape', simple((asm, toks, i, col) => {
    const bytes: number[] = [];
    let j = i;
    for (;;) {
      const [b, k] = constantAt(asm, toks, j);
      if (b < 0 || b > 255) throw new AsmError(`.cfi_escape byte ${b} out of range (0..255)`, toks[j].col);
      bytes.push(b);
      if (toks[k].kind === Tk.END) break;
      j = comma(toks, k);
    }
    add(asm, col, bytes);
  })],
];

/** Every `.cfi_*` directive this assembler knows. */
export function cfiDirectives(): Map<string, StatementHandler> {
  return new Map(handlers);
}

/** The CIE every FDE shares: CFA = sp + 0 at a function's entry, return address in ra. */
function writeCie(w: SectionWriter): Sym {
  const label = w.label();
  const start = w.size;
  w.u32(0);
  w.u32(0xffffffff); // CIE id in .debug_frame
  w.u8(3); // version 3: the return address column is a ULEB128
  w.u8(0); // no augmentation
  w.uleb(1); // code alignment
  w.sleb(DATA_ALIGN);
  w.uleb(RA_COLUMN);
  w.bytes([CFA.DEF_CFA_REGISTER, SP]);
  while ((w.size - start) % 4 !== 0) w.u8(CFA.NOP);
  w.patch32(start, w.size - start - 4);
  return label;
}

/** One advance: a constant step within a GNU fragment, or a relocated one sized by today's distance. */
function writeAdvance(asm: Assembler, w: SectionWriter, from: Place, to: Place): void {
  const delta = to.label.address - from.label.address;
  if (from.section === to.section && from.gnuFrag === to.gnuFrag) {
    if (delta === 0) return;
    if (delta < 0x40) w.u8(CFA.ADVANCE_LOC | delta);
    else if (delta <= 0xff) w.bytes([CFA.ADVANCE_LOC1, delta]);
    else if (delta <= 0xffff) { w.u8(CFA.ADVANCE_LOC2); w.u16(delta); }
    else { w.u8(CFA.ADVANCE_LOC4); w.u32(delta); }
    return;
  }
  const e = node(Op.SUB, symExpr(to.label), symExpr(from.label), 0);
  const size = delta < 0x40 ? 0 : delta <= 0xff ? 1 : delta <= 0xffff ? 2 : 4;
  if (size !== 0) w.u8(size === 1 ? CFA.ADVANCE_LOC1 : size === 2 ? CFA.ADVANCE_LOC2 : CFA.ADVANCE_LOC4);
  const at = w.size;
  w.bytes(new Array<number>(size === 0 ? 1 : size).fill(0));
  if (size === 0) w.sec.buf[at] = CFA.ADVANCE_LOC;
  const saved = asm.cur;
  asm.cur = w.sec;
  asm.fixup(FixKind.CFA_ADVANCE, e, 0, size === 0 ? 1 : size, size);
  asm.cur = saved;
}

/**
 * Writes `.debug_frame` into `sec` once code sections are laid out (advance sizes depend on distances).
 * Reports an FDE left open.
 */
export function emitDebugFrame(asm: Assembler, sec: Section): void {
  const open = asm.cfi.open;
  if (open !== null) asm.error('open CFI at the end of file; missing .cfi_endproc directive', 0, open.line);
  const w = new SectionWriter(asm, sec);
  if (sec.align < 4) sec.align = 4;
  const cie = writeCie(w);
  for (const f of asm.cfi.fdes) {
    if (f.end === null) continue;
    const start = w.size;
    w.u32(0);
    w.value(symExpr(cie), 4);
    w.value(symExpr(f.start.label), 4);
    w.value(node(Op.SUB, symExpr(f.end.label), symExpr(f.start.label), 0), 4);
    for (const insn of f.insns) {
      if ('bytes' in insn) w.bytes(insn.bytes);
      else writeAdvance(asm, w, insn.from, insn.to);
    }
    while ((w.size - start) % 4 !== 0) w.u8(CFA.NOP);
    w.patch32(start, w.size - start - 4);
  }
}

/** The `.debug_frame` section to fill after layout, created now so it keeps its place; undefined if none. */
export function debugFrameSection(asm: Assembler): Section | undefined {
  return asm.cfi.wanted ? asm.getSection('.debug_frame', ShType.PROGBITS, 0, 0) : undefined;
}
