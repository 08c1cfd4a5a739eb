// -g: the unit's `.debug_info` (one DWARF 5 compilation unit), `.debug_abbrev` and `.debug_str`, as assembly
// appended after the code. The unit holds the functions (address range, frame base = the CFA, which
// `.debug_frame` describes), their parameters and locals with their places (a stack slot relative to the
// frame base, or at -O1 the register the allocator gave them), the file-scope variables, the typedefs and
// every type these use. The line table itself comes from the `.loc` marks (line-marks.ts) and the
// assembler; the unit points at it with DW_AT_stmt_list.

import { FP_ABI_REG_NAMES, regNumber } from '../../../abi/riscv.js';
import type { Obj, Program } from '../front/ast.js';
import { Abbrev, abbrevSection } from './abbrev.js';
import { DieWriter } from './die-writer.js';
import type { LineMarks } from './line-marks.js';
import { TypeDies } from './type-dies.js';

/** A function as emitted: its object (locals placed by code generation) and the label after its code. */
export interface EmittedFunction {
  fn: Obj;
  endLabel: string;
}

/** What the unit says about its compile. */
export interface UnitFacts {
  fileName: string;
  compDir: string;
  producer: string;
  /** Labels at the start and end of `.text` in the unit's assembly. */
  textStart: string;
  textEnd: string;
}

const DW_LANG_C11 = 0x1d;
const DW_OP_ADDR = 0x03;
const DW_OP_REG0 = 0x50;
const DW_OP_REGX = 0x90;
const DW_OP_FBREG = 0x91;
const DW_OP_CALL_FRAME_CFA = 0x9c;
const IDENT = /^[A-Za-z_$][\w$]*$/;

function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    const b = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? b : b | 0x80);
  } while (v !== 0);
  return out;
}

/** Where a local lives: its register (DW_OP_regN / regx) or its slot (DW_OP_fbreg: s0 is the CFA); null if neither. */
function localPlace(v: Obj): number[] | null {
  if (v.reg !== undefined) {
    const x = regNumber(v.reg);
    if (x >= 0) return [DW_OP_REG0 + x];
    const f = FP_ABI_REG_NAMES.indexOf(v.reg);
    if (f >= 0) return [DW_OP_REGX, ...uleb(32 + f)];
    return null;
  }
  if (v.offset !== undefined && v.vlaPtr === undefined && v.ty.vlaSize === undefined) return [DW_OP_FBREG, ...sleb(v.offset)];
  return null;
}

/** The lines of `.debug_abbrev`, `.debug_info` and `.debug_str` (and the empty `.debug_line` label). */
export function debugSections(prog: Program, functions: EmittedFunction[], marks: LineMarks, facts: UnitFacts): string[] {
  const unit = '.Ldebug_info0';
  const w = new DieWriter(unit);
  const types = new TypeDies(w);
  const decl = (o: Obj): void => {
    const [file, line] = marks.declPlace(o.tok);
    w.udata(file);
    w.udata(line);
  };

  w.die(null, Abbrev.COMPILE_UNIT);
  w.strp(facts.producer);
  w.data1(DW_LANG_C11);
  w.strp(facts.fileName);
  w.strp(facts.compDir);
  w.addr(facts.textStart);
  w.length(facts.textEnd, facts.textStart);
  w.lines.push('\t.4byte .Ldebug_line0');

  for (const g of prog.globals) {
    if (g.isFunction || (!g.isDefinition && !g.isTentative) || g.isExtern || g.attrs?.alias !== undefined) continue;
    if (!IDENT.test(g.name)) continue; // static locals and compound literals have made-up labels
    const t = types.ref(g.ty);
    if (t === null) continue;
    w.die(null, Abbrev.GLOBAL);
    w.strp(g.name);
    decl(g);
    w.ref(t);
    w.flag(!g.isStatic);
    w.udata(5); // exprloc: DW_OP_addr and the (relocated) address
    w.data1(DW_OP_ADDR);
    w.addr(g.name);
  }

  for (const { fn, endLabel } of functions) {
    const ret = types.ref(fn.ty.returnType!);
    w.die(null, ret === null ? Abbrev.SUBPROGRAM_VOID : Abbrev.SUBPROGRAM);
    w.flag(!fn.isStatic);
    w.strp(fn.name);
    decl(fn);
    if (ret !== null) w.ref(ret);
    w.addr(fn.name);
    w.length(endLabel, fn.name);
    w.exprloc([DW_OP_CALL_FRAME_CFA]);
    const params = new Set(fn.params ?? []);
    for (const p of fn.params ?? []) variable(w, types, p, true, decl);
    for (const v of fn.locals ?? []) if (!params.has(v)) variable(w, types, v, false, decl);
    w.end();
  }
  for (const { name, type } of prog.typedefs ?? []) {
    const t = types.ref(type);
    w.die(null, t === null ? Abbrev.TYPEDEF_VOID : Abbrev.TYPEDEF);
    w.strp(name);
    if (t !== null) w.ref(t);
  }
  types.flush();
  w.end();

  return [
    ...abbrevSection('.Ldebug_abbrev0'),
    '\t.section .debug_info,"",@progbits',
    `${unit}:`,
    '\t.4byte .Ldebug_info_end0-.Ldebug_info_start0',
    '.Ldebug_info_start0:',
    '\t.2byte 5', // DWARF version
    '\t.byte 1', // DW_UT_compile
    '\t.byte 4', // address size
    '\t.4byte .Ldebug_abbrev0',
    ...w.lines,
    '.Ldebug_info_end0:',
    '\t.section .debug_line,"",@progbits',
    '.Ldebug_line0:',
    ...w.stringSection(),
  ];
}

/** A parameter or a named local (compiler temporaries have no name and no entry). */
function variable(w: DieWriter, types: TypeDies, v: Obj, isParam: boolean, decl: (o: Obj) => void): void {
  if (!IDENT.test(v.name) || v.isStatic) return;
  const t = types.ref(v.ty);
  if (t === null) return;
  const place = localPlace(v);
  w.die(null, isParam ? (place ? Abbrev.PARAM : Abbrev.PARAM_NOLOC) : (place ? Abbrev.VARIABLE : Abbrev.VARIABLE_NOLOC));
  w.strp(v.name);
  decl(v);
  w.ref(t);
  if (place) w.exprloc(place);
}
