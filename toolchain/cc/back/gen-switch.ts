// `switch` dispatch. Dense cases go through a jump table, as gcc does when a switch has enough labels and
// few holes: one bounds check, then an indirect jump through a table of case addresses in .rodata
// (`.word .Lcase`, an R_RISCV_32 relocation both our ld and GNU ld resolve). Sparse ones, and switches on
// long long, compare the value with each case in turn (ranges `case a ... b:` with one unsigned compare).
import type { Node } from '../front/ast.js';
import { is64 } from '../front/types.js';
import { genExpr } from './gen-expr.js';
import { FnGen } from './gen-state.js';
import { genStmt } from './gen-stmt.js';

/**
 * gcc's rule for a table (tree-switch-conversion.cc, targets without a casesi pattern, optimizing for
 * speed): at least 5 case labels (a range counts as two), and a table no more than 8 times that count.
 */
const MIN_TABLE_CASES = 5;
const MAX_TABLE_GROWTH = 8;

/** A jump table: its label and one target label per value from `min` up. */
export interface SwitchTable {
  label: string;
  targets: string[];
}

/** The jump table's value range for the cases of a 32-bit switch, or null when a compare chain is better. */
function tableRange(cases: Node[]): { min: bigint; max: bigint } | null {
  let count = 0;
  let min = 0n;
  let max = 0n;
  for (const c of cases) {
    count += c.caseLo === c.caseHi ? 1 : 2;
    if (count === 1 || c.caseLo! < min) min = c.caseLo!;
    if (count === 1 || c.caseHi! > max) max = c.caseHi!;
  }
  if (count < MIN_TABLE_CASES) return null;
  if (max - min + 1n > BigInt(MAX_TABLE_GROWTH * count)) return null;
  return { min, max };
}

/** Generates a switch statement: dispatch, then the body with its case labels. */
export function genSwitch(g: FnGen, n: Node, nested: boolean): void {
  const v = genExpr(g, n.cond!);
  const wide = is64(n.cond!.ty!);
  const lo = g.reg(v.lo);
  const hi = wide ? g.reg(v.hi!) : '';
  const fallback = n.defaultCase ? n.defaultCase.label! : n.breakLabel!;
  const range = wide ? null : tableRange(n.cases!);
  if (range) {
    jumpTable(g, n.cases!, lo, range.min, range.max, fallback);
    g.releaseVal(v);
    if (!nested) g.checkBalanced(n.tok);
  } else {
    // the temps are dead once loaded: the compare chain uses only fixed registers
    g.releaseVal(v);
    if (!nested) g.checkBalanced(n.tok);
    for (const c of n.cases!) {
      if (wide) compareCase64(g, c, lo, hi);
      else compareCase(g, c, lo);
    }
    g.insn(`\tj ${fallback}`);
  }
  genStmt(g, n.then!, nested);
  g.label(n.breakLabel!);
}

/**
 * value - min, unsigned-compared with the table's last index (out of range, below min too, goes to
 * `fallback`), then a load of the target from the table and `jr`. The index lives in a fresh temp, never in
 * a0/a1 (which the -O1 parameter pass may have given to a variable).
 */
function jumpTable(g: FnGen, cases: Node[], value: string, min: bigint, max: bigint, fallback: string): void {
  const size = Number(max - min) + 1;
  const targets: string[] = new Array<string>(size).fill(fallback);
  for (const c of cases) {
    for (let x = c.caseLo!; x <= c.caseHi!; x++) targets[Number(x - min)] = c.label!;
  }
  const table: SwitchTable = { label: g.newLabel(), targets };
  g.switchTables.push(table);
  const idx = g.alloc();
  const r = idx.reg!;
  const m = Number(BigInt.asIntN(32, min));
  if (m === 0) g.insn(`\tmv ${r}, ${value}`);
  else if (-m >= -2048 && -m <= 2047) g.insn(`\taddi ${r}, ${value}, ${-m}`);
  else {
    g.insn(`\tli t6, ${m}`);
    g.insn(`\tsub ${r}, ${value}, t6`);
  }
  g.insn(`\tli t6, ${size - 1}`);
  g.insn(`\tbgtu ${r}, t6, ${fallback}`);
  g.insn(`\tslli ${r}, ${r}, 2`);
  g.insn(`\tlui t6, %hi(${table.label})`);
  g.insn(`\taddi t6, t6, %lo(${table.label})`);
  g.insn(`\tadd ${r}, ${r}, t6`);
  g.insn(`\tlw ${r}, 0(${r})`);
  const jump = `\tjr ${r}`;
  g.insn(jump);
  g.tableJumps.add(jump);
  g.release(idx);
}

/** One case of a compare chain on a 32-bit value. */
function compareCase(g: FnGen, c: Node, lo: string): void {
  const a = Number(BigInt.asIntN(32, c.caseLo!));
  if (c.caseLo === c.caseHi) {
    if (a === 0) g.insn(`\tbeqz ${lo}, ${c.label}`);
    else {
      g.insn(`\tli t6, ${a}`);
      g.insn(`\tbeq ${lo}, t6, ${c.label}`);
    }
    return;
  }
  const span = Number(BigInt.asUintN(32, c.caseHi! - c.caseLo!));
  g.insn(`\tli t6, ${a}`);
  g.insn(`\tsub t6, ${lo}, t6`);
  g.insn(`\tli a0, ${span | 0}`);
  g.insn(`\tbleu t6, a0, ${c.label}`);
}

/** One case of a compare chain on a 64-bit value (lo, hi): equality, or (value - low) <= span unsigned. */
function compareCase64(g: FnGen, c: Node, lo: string, hi: string): void {
  const skip = g.newLabel();
  const low = BigInt.asUintN(64, c.caseLo!);
  const word = (x: bigint, half: 0 | 1): number => Number((half ? x >> 32n : x) & 0xffffffffn) | 0;
  if (c.caseLo === c.caseHi) {
    g.insn(`\tli t6, ${word(low, 0)}`);
    g.insn(`\tbne ${lo}, t6, ${skip}`);
    g.insn(`\tli t6, ${word(low, 1)}`);
    g.insn(`\tbeq ${hi}, t6, ${c.label}`);
    g.label(skip);
    return;
  }
  const span = BigInt.asUintN(64, c.caseHi! - c.caseLo!);
  // difference (a1:t6) = value - low, with the borrow of the low words
  g.insn(`\tli t6, ${word(low, 0)}`);
  g.insn(`\tsltu a0, ${lo}, t6`);
  g.insn(`\tsub t6, ${lo}, t6`);
  g.insn(`\tli a1, ${word(low, 1)}`);
  g.insn(`\tsub a1, ${hi}, a1`);
  g.insn(`\tsub a1, a1, a0`);
  // unsigned (a1:t6) <= (spanHi:spanLo)
  g.insn(`\tli a0, ${word(span, 1)}`);
  g.insn(`\tbltu a1, a0, ${c.label}`);
  g.insn(`\tbne a1, a0, ${skip}`);
  g.insn(`\tli a0, ${word(span, 0)}`);
  g.insn(`\tbleu t6, a0, ${c.label}`);
  g.label(skip);
}
