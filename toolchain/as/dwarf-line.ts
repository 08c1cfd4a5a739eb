// `.file N` and `.loc` (the DWARF line directives a compiler writes under -g) and the `.debug_line` program
// built from them, byte for byte as GNU as 2.40 writes it for RISC-V with `.file 0` (DWARF 5):
//   - a version 5 header whose directory and file names live in `.debug_line_str` (DW_FORM_line_strp);
//   - one sequence per section with rows, starting with DW_LNE_set_address;
//   - because the linker may relax (shrink) code, every later address step is a DW_LNS_fixed_advance_pc
//     whose 2-byte operand is an ADD16/SUB16 relocation pair, never a special opcode, and every row is
//     "advance line (even by 0), advance pc, copy"; the first row of a sequence is a special opcode with
//     address delta 0 (or advance_line + copy when the line step is out of its range).
// A `.loc` takes effect at the next instruction; two `.loc`s in a row give two rows at one address.

import { ShType } from '../../abi/elf.js';
import type { Assembler, StatementHandler } from './assembler.js';
import { AsmError } from './diagnostics.js';
import { comma, constantAt } from './args.js';
import { SectionWriter, symExpr, uleb } from './dwarf-emit.js';
import { node, Op } from './expr.js';
import { Tk, type Token } from './lexer.js';
import type { Section } from './section.js';
import type { Sym } from './symbol.js';

/** One `.loc`: where the next instruction came from. */
interface Loc {
  file: number;
  line: number;
  column: number;
  isStmt: boolean;
  basicBlock: boolean;
  prologueEnd: boolean;
  epilogueBegin: boolean;
  isa: number;
  discriminator: number;
}

/** A row of the line table: a Loc at the address of `label`. */
interface Row extends Loc {
  label: Sym;
}

// DWARF 5 line program opcodes (DWARF 5 section 6.2.5).
const enum LNS {
  COPY = 1, ADVANCE_PC = 2, ADVANCE_LINE = 3, SET_FILE = 4, SET_COLUMN = 5, NEGATE_STMT = 6,
  SET_BASIC_BLOCK = 7, CONST_ADD_PC = 8, FIXED_ADVANCE_PC = 9, SET_PROLOGUE_END = 10,
  SET_EPILOGUE_BEGIN = 11, SET_ISA = 12,
}
const enum LNE { END_SEQUENCE = 1, SET_ADDRESS = 2, SET_DISCRIMINATOR = 4 }
const LINE_BASE = -5;
const LINE_RANGE = 14;
const OPCODE_BASE = 13;
const STANDARD_OPCODE_LENGTHS = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];
const DW_LNCT_PATH = 1;
const DW_LNCT_DIRECTORY_INDEX = 2;
const DW_FORM_LINE_STRP = 0x1f;
const DW_FORM_UDATA = 0x0f;

/** The directory and file tables and the rows of one assembly. */
export class LineTable {
  /** Directory names; index 0 is the compilation directory (from `.file 0`). */
  readonly dirs: string[] = [];
  /** File entries by number: name and directory index. */
  readonly files: Array<{ name: string; dir: number } | undefined> = [];
  /** Rows per section, in the order sections first got one. */
  readonly rows = new Map<Section, Row[]>();
  /** The `.loc` waiting for its instruction. */
  pending: Loc | null = null;
  /** is_stmt and isa carry over from one `.loc` to the next until changed (as in GNU as). */
  isStmt = true;
  isa = 0;

  /** True once anything asks for a line table. */
  get wanted(): boolean {
    return this.rows.size > 0 || this.files.length > 0;
  }

  /** The directory index of `dir`, adding it when new ('' is index 0). */
  private dirIndex(dir: string): number {
    if (dir === '') return 0;
    if (this.dirs.length === 0) this.dirs.push('');
    const k = this.dirs.indexOf(dir);
    if (k >= 0) return k;
    this.dirs.push(dir);
    return this.dirs.length - 1;
  }

  /** `.file N ["dir"] "name"`. */
  define(num: number, dir: string | null, name: string): void {
    if (num === 0) {
      // The compilation directory is entry 0; the file's own directory part (gcc writes the path as it was
      // given) is looked up like any other, as GNU as does.
      this.dirs[0] = dir ?? '';
      dir = null;
    }
    if (dir === null) {
      const slash = name.lastIndexOf('/');
      dir = slash < 0 ? '' : name.slice(0, slash);
      name = slash < 0 ? name : name.slice(slash + 1);
    }
    this.files[num] = { name, dir: this.dirIndex(dir) };
  }

  /** Records the pending `.loc` (if any) as a row at the current position of the current section. */
  flush(asm: Assembler): void {
    const loc = this.pending;
    if (loc === null) return;
    this.pending = null;
    const label = asm.symbols.anonymousLabel();
    asm.defineLabelHere(label, 0);
    let list = this.rows.get(asm.cur);
    if (list === undefined) this.rows.set(asm.cur, list = []);
    list.push({ ...loc, label });
  }
}

/** `.file "name"` (the STT_FILE symbol) or the DWARF form `.file N ["dir"] "name" [md5 VALUE]`. */
export const fileDirective: StatementHandler = (asm, toks, i) => {
  const t = toks[i];
  if (t.kind === Tk.STR) {
    asm.expectEnd(toks, i + 1);
    asm.fileSymbol = t.text;
    return;
  }
  if (t.kind !== Tk.NUM) throw new AsmError('expected a file name string', t.col);
  const num = t.num;
  if (num < 0 || num > 0xffff) throw new AsmError(`file number ${num} out of range (0..65535)`, t.col);
  const a = toks[i + 1];
  if (a.kind !== Tk.STR) throw new AsmError('expected a file name string', a.col);
  let j = i + 2;
  let dir: string | null = null;
  let name = a.text;
  if (toks[j].kind === Tk.STR) {
    dir = a.text;
    name = toks[j].text;
    j++;
  }
  if (toks[j].kind === Tk.IDENT && toks[j].text === 'md5') {
    throw new AsmError('.file with an md5 checksum is not supported', toks[j].col);
  }
  asm.expectEnd(toks, j);
  if (num === 0 && dir === null) dir = '';
  asm.lines.define(num, dir, name);
};

/** `.loc FILE LINE [COLUMN] [basic_block|prologue_end|epilogue_begin|is_stmt N|isa N|discriminator N|view N]`. */
export const locDirective: StatementHandler = (asm, toks, i) => {
  const lines = asm.lines;
  // A second `.loc` before any instruction: the first still gets its row, here (GNU as does the same).
  lines.flush(asm);
  let [file, j] = constantAt(asm, toks, i);
  if (lines.files[file] === undefined) throw new AsmError(`unassigned file number ${file}`, toks[i].col);
  let line: number;
  [line, j] = constantAt(asm, toks, j);
  if (line < 0) throw new AsmError(`line number ${line} is negative`, toks[i].col);
  let column = 0;
  if (toks[j].kind === Tk.NUM) [column, j] = constantAt(asm, toks, j);
  if (column < 0) throw new AsmError(`column ${column} is negative`, toks[i].col);
  const loc: Loc = {
    file, line, column, isStmt: lines.isStmt, basicBlock: false, prologueEnd: false, epilogueBegin: false,
    isa: lines.isa, discriminator: 0,
  };
  while (toks[j].kind !== Tk.END) [j] = locOption(asm, toks, j, loc);
  lines.isStmt = loc.isStmt;
  lines.isa = loc.isa;
  lines.pending = loc;
};

/** One option word of `.loc` and its value; returns the index after them. */
function locOption(asm: Assembler, toks: Token[], j: number, loc: Loc): [number] {
  const t = toks[j];
  if (t.kind === Tk.PUNCT && t.text === ',') return [j + 1];
  if (t.kind !== Tk.IDENT) throw new AsmError(`unexpected '${t.text}' in .loc`, t.col);
  switch (t.text) {
    case 'basic_block': loc.basicBlock = true; return [j + 1];
    case 'prologue_end': loc.prologueEnd = true; return [j + 1];
    case 'epilogue_begin': loc.epilogueBegin = true; return [j + 1];
    case 'is_stmt': case 'isa': case 'discriminator': case 'view': {
      if (t.text === 'view' && toks[j + 1].kind !== Tk.NUM) {
        throw new AsmError('location views naming symbols (.loc ... view .LVU1) are not supported', toks[j + 1].col);
      }
      const [v, k] = constantAt(asm, toks, j + 1);
      if (v < 0) throw new AsmError(`${t.text} value ${v} is negative`, toks[j + 1].col);
      if (t.text === 'is_stmt') {
        if (v > 1) throw new AsmError(`is_stmt value ${v} is not 0 or 1`, toks[j + 1].col);
        loc.isStmt = v === 1;
      } else if (t.text === 'isa') loc.isa = v;
      else if (t.text === 'discriminator') loc.discriminator = v;
      return [k];
    }
    default: throw new AsmError(`unknown .loc option '${t.text}'`, t.col);
  }
}

/**
 * Writes `.debug_line` (appended to what the source put there: gcc leaves only a label) and the names into
 * `.debug_line_str`. Runs before layout: every size here is fixed, addresses go through fixups.
 */
export function emitLineProgram(asm: Assembler): void {
  const table = asm.lines;
  table.pending = null;
  if (!table.wanted) return;
  const sec = asm.getSection('.debug_line', ShType.PROGBITS, 0, 0);
  const strSec = asm.getSection('.debug_line_str', ShType.PROGBITS, 0x30, 1);
  const w = new SectionWriter(asm, sec);
  const strs = new SectionWriter(asm, strSec);
  const lineStr = (s: string): void => {
    w.value(symExpr(strs.label()), 4);
    strs.bytes([...Buffer.from(s, 'utf8'), 0]);
  };
  if (table.files[0] === undefined) table.files[0] = table.files[1] ?? { name: '', dir: 0 };
  if (table.dirs.length === 0) table.dirs.push('');

  const start = w.size;
  w.u32(0); // unit_length, patched below
  w.u16(5);
  w.u8(4); // address size
  w.u8(0); // segment selector size
  const headerLengthAt = w.size;
  w.u32(0);
  const afterHeaderLength = w.size;
  w.bytes([1, 1, 1, LINE_BASE & 0xff, LINE_RANGE, OPCODE_BASE, ...STANDARD_OPCODE_LENGTHS]);
  w.bytes([1, DW_LNCT_PATH, DW_FORM_LINE_STRP]);
  w.uleb(table.dirs.length);
  for (const d of table.dirs) lineStr(d);
  w.bytes([2, DW_LNCT_PATH, DW_FORM_LINE_STRP, DW_LNCT_DIRECTORY_INDEX, DW_FORM_UDATA]);
  w.uleb(table.files.length);
  for (let k = 0; k < table.files.length; k++) {
    const f = table.files[k];
    if (f === undefined) throw new AsmError(`file number ${k} is used by a later number but never assigned`, 0);
    lineStr(f.name);
    w.uleb(f.dir);
  }
  w.patch32(headerLengthAt, w.size - afterHeaderLength);
  for (const [s, rows] of table.rows) sequence(asm, w, s, rows);
  w.patch32(start, w.size - start - 4);
}

/** One sequence: the rows of one section, then the end of the section. */
function sequence(asm: Assembler, w: SectionWriter, sec: Section, rows: Row[]): void {
  let file = 1;
  let line = 1;
  let column = 0;
  let isStmt = true;
  let isa = 0;
  let last: Sym | null = null;
  for (const r of rows) {
    if (r.file !== file) { w.u8(LNS.SET_FILE); w.uleb(r.file); file = r.file; }
    if (r.column !== column) { w.u8(LNS.SET_COLUMN); w.uleb(r.column); column = r.column; }
    if (r.discriminator !== 0) w.bytes([0, 1 + uleb(r.discriminator).length, LNE.SET_DISCRIMINATOR, ...uleb(r.discriminator)]);
    if (r.isa !== isa) { w.u8(LNS.SET_ISA); w.uleb(r.isa); isa = r.isa; }
    if (r.isStmt !== isStmt) { w.u8(LNS.NEGATE_STMT); isStmt = r.isStmt; }
    if (r.basicBlock) w.u8(LNS.SET_BASIC_BLOCK);
    if (r.prologueEnd) w.u8(LNS.SET_PROLOGUE_END);
    if (r.epilogueBegin) w.u8(LNS.SET_EPILOGUE_BEGIN);
    const delta = r.line - line;
    if (last === null) {
      w.bytes([0, 5, LNE.SET_ADDRESS]);
      w.value(symExpr(r.label), 4);
      if (delta >= LINE_BASE && delta < LINE_BASE + LINE_RANGE) {
        w.u8(delta === 0 ? LNS.COPY : delta - LINE_BASE + OPCODE_BASE);
      } else {
        w.u8(LNS.ADVANCE_LINE);
        w.sleb(delta);
        w.u8(LNS.COPY);
      }
    } else {
      w.u8(LNS.ADVANCE_LINE);
      w.sleb(delta);
      w.u8(LNS.FIXED_ADVANCE_PC);
      w.value(node(Op.SUB, symExpr(r.label), symExpr(last), 0), 2);
      w.u8(LNS.COPY);
    }
    line = r.line;
    last = r.label;
  }
  // The end of the section as it is now: after its last byte, before any end-of-section padding.
  const saved = asm.cur;
  asm.cur = sec;
  const end = asm.symbols.anonymousLabel();
  asm.defineLabelHere(end, 0);
  asm.cur = saved;
  w.u8(LNS.FIXED_ADVANCE_PC);
  w.value(node(Op.SUB, symExpr(end), symExpr(last as Sym), 0), 2);
  w.bytes([0, 1, LNE.END_SEQUENCE]);
}

/** `.file` and `.loc`. */
export function lineDirectives(): Map<string, StatementHandler> {
  return new Map<string, StatementHandler>([['.file', fileDirective], ['.loc', locDirective]]);
}
