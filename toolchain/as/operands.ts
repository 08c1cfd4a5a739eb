// Instruction operands: registers, expressions and memory references `offset(reg)` / `(reg)`,
// split at top-level commas, plus the checks every instruction encoder needs.

import { ABI_REG_NAMES } from '../../abi/riscv.js';
import { AsmError } from './diagnostics.js';
import { evaluate, NotYet } from './eval.js';
import { Op, type Expr, type ExprParser } from './expr.js';
import { Tk, type Token } from './lexer.js';

export const enum OpKind {
  REG = 0,
  EXPR = 1,
  /** `expr(reg)`; `expr` is 0 for `(reg)`. */
  MEM = 2,
}

export interface Operand {
  kind: OpKind;
  reg: number;
  expr: Expr;
  col: number;
  /** REG only: its token, valid while the statement is handled (a register name where an address is
   * expected names a symbol). */
  tok?: Token;
}

const REGS = new Map<string, number>();
ABI_REG_NAMES.forEach((n, i) => REGS.set(n, i));
for (let i = 0; i < 32; i++) REGS.set(`x${i}`, i);
REGS.set('fp', 8);

/** Register number of a name (`a0`, `x10`, `fp`), or -1. */
export function registerOf(name: string): number {
  return REGS.get(name) ?? -1;
}

const isPunct = (t: Token, p: string): boolean => t.kind === Tk.PUNCT && t.text === p;
const endsOperand = (t: Token): boolean => t.kind === Tk.END || isPunct(t, ',');

/** Reused operand objects: an instruction's operands live only while it is encoded. */
const pool: Operand[] = [];

/**
 * Parses the comma-separated operands in `toks` from index `i` to the END token. The operand
 * objects are reused by the next call; callers keep only the expressions.
 */
export function parseOperands(parser: ExprParser, toks: Token[], i: number): Operand[] {
  const ops: Operand[] = [];
  if (toks[i].kind === Tk.END) return ops;
  parser.toks = toks;
  parser.pos = i;
  for (;;) {
    ops.push(parseOperand(parser, toks, ops.length));
    const t = toks[parser.pos];
    if (t.kind === Tk.END) return ops;
    if (!isPunct(t, ',')) throw new AsmError(`unexpected '${t.text}' after operand`, t.col);
    parser.pos++;
    if (toks[parser.pos].kind === Tk.END) throw new AsmError('expected an operand after \',\'', toks[parser.pos].col);
  }
}

function operand(n: number, kind: OpKind, reg: number, expr: Expr, col: number, tok: Token | undefined): Operand {
  let o = pool[n];
  if (o === undefined) {
    o = { kind, reg, expr, col, tok };
    pool.push(o);
    return o;
  }
  o.kind = kind;
  o.reg = reg;
  o.expr = expr;
  o.col = col;
  o.tok = tok;
  return o;
}

function parseOperand(parser: ExprParser, toks: Token[], n: number): Operand {
  const p = parser.pos;
  const t = toks[p];
  if (t.kind === Tk.IDENT && t.reg >= 0 && endsOperand(toks[p + 1])) {
    parser.pos++;
    return operand(n, OpKind.REG, t.reg, 0, t.col, t);
  }
  const mem = memSuffix(toks, p);
  if (mem >= 0) {
    parser.pos = p + 3;
    return operand(n, OpKind.MEM, mem, 0, t.col, undefined);
  }
  const expr = parser.parse();
  // `call foo@plt`: the PLT suffix changes nothing in a static link (CALL_PLT is used anyway).
  if (toks[parser.pos].kind === Tk.IDENT && toks[parser.pos].text === '@plt') parser.pos++;
  const r = memSuffix(toks, parser.pos);
  if (r >= 0) {
    parser.pos += 3;
    return operand(n, OpKind.MEM, r, expr, t.col, undefined);
  }
  return operand(n, OpKind.EXPR, 0, expr, t.col, undefined);
}

/** If `toks[p..]` is `( reg )` ending the operand, the register number, else -1. */
function memSuffix(toks: Token[], p: number): number {
  if (!isPunct(toks[p], '(') || toks[p + 1].kind !== Tk.IDENT || !isPunct(toks[p + 2], ')')) return -1;
  if (!endsOperand(toks[p + 3])) return -1;
  const r = toks[p + 1].reg;
  if (r < 0) throw new AsmError(`invalid register '${toks[p + 1].text}'`, toks[p + 1].col);
  return r;
}

/** Describes an operand for messages: the symbol name when it is one. */
export function nameOf(op: Operand): string | null {
  const e = op.expr;
  return typeof e !== 'number' && e.op === Op.SYM && e.sym ? e.sym.name : null;
}

/** The register of a REG operand; throws "invalid register" / "expected a register". */
export function reg(op: Operand): number {
  if (op.kind === OpKind.REG) return op.reg;
  const name = op.kind === OpKind.EXPR ? nameOf(op) : null;
  if (name !== null) throw new AsmError(`invalid register '${name}'`, op.col);
  throw new AsmError('expected a register', op.col);
}

/** The base register of a `(reg)` operand with no offset (AMO and LR/SC syntax). */
export function baseOnly(op: Operand): number {
  if (op.kind === OpKind.MEM && (op.expr === 0)) return op.reg;
  throw new AsmError('expected a base register operand \'(reg)\'', op.col);
}

/** Evaluates an expression that must be a constant now (immediates, counts, alignments). */
export function constantExpr(e: Expr, col: number): number {
  if (typeof e === 'number') return e;
  try {
    const v = evaluate(e, false);
    if (v.sym === null && v.sub === null) return v.add;
  } catch (err) {
    if (!(err instanceof NotYet)) throw err;
  }
  throw new AsmError('expected a constant expression', col);
}

/** The constant of an EXPR operand (not a register or memory operand). */
export function constant(op: Operand): number {
  if (op.kind !== OpKind.EXPR) throw new AsmError('expected an immediate value', op.col);
  return constantExpr(op.expr, op.col);
}

/** Throws "immediate V out of range for WHAT (LO..HI)" unless lo <= v <= hi. */
export function checkRange(v: number, lo: number, hi: number, what: string, col: number): number {
  if (v < lo || v > hi) throw new AsmError(`immediate ${v} out of range for ${what} (${lo}..${hi})`, col);
  return v;
}

/** Throws unless there are exactly `n` operands (or one of the counts in `n`). */
export function expectCount(ops: Operand[], n: number, mnemonic: string, col: number): void {
  if (ops.length !== n) {
    throw new AsmError(`'${mnemonic}' expects ${n} operand${n === 1 ? '' : 's'}, got ${ops.length}`, col);
  }
}

/** A relocation operator at the top of an operand (`%lo(x)`), or null. */
export function relocOf(op: Operand): { name: string; inner: Expr } | null {
  const e = op.expr;
  if (typeof e === 'number' || e.op !== Op.RELOC) return null;
  return { name: e.name, inner: e.a };
}
