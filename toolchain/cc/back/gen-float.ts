// Floating-point code generation (F and D extensions): float and double values live in f registers (Temp.fp);
// constants come from the unit's .rodata pool (zero from `fmv.w.x`/`fcvt.d.w` of x0, as gcc does);
// arithmetic is one instruction per operator (no contraction into fused multiply-add: -ffp-contract=off);
// comparisons use feq/flt/fle, which are false on unordered operands (so `a > b` is flt with swapped operands,
// never the negation of `a <= b`); conversions use fcvt (to integers with rtz, C's truncation), and 64-bit
// integer conversions call the libgcc helpers (__fixdfdi, __floatdidf, ...) that userland/libc provides.
import type { Node } from '../front/ast.js';
import { CompileError } from '../diagnostics.js';
import { castVal, genExpr } from './gen-expr.js';
import { FSCRATCH, FnGen, Temp, Val } from './gen-state.js';
import { Type, is64, isFloat, sizeOf, ty } from '../front/types.js';

/** The instruction suffix of a float or double type. */
export function fsuffix(t: Type): 's' | 'd' {
  return t.kind === 'float' ? 's' : 'd';
}

/** Refuses long double where a value would have to live in registers (it is a 16-byte memory object). */
export function checkRegisterFloat(t: Type, n: Node): void {
  if (t.kind === 'ldouble') throw new CompileError('long double arithmetic is not supported by pagoda cc yet', n.tok);
}

/** A float or double constant in an f register. */
export function genFConst(g: FnGen, n: Node): Val {
  const t = n.ty!;
  checkRegisterFloat(t, n);
  const d = g.allocF();
  if (n.fbits === 0n) {
    // +0.0: from x0 without a memory access
    g.insn(t.kind === 'float' ? `\tfmv.w.x ${d.reg}, zero` : `\tfcvt.d.w ${d.reg}, zero`);
    return { lo: d, hi: null };
  }
  const label = g.unit.floatConstant(n.fbits!, sizeOf(t) as 4 | 8);
  g.insn(`\tlui t6, %hi(${label})`);
  g.insn(`\t${t.kind === 'float' ? 'flw' : 'fld'} ${d.reg}, %lo(${label})(t6)`);
  return { lo: d, hi: null };
}

const FOPS: Record<string, string> = { add: 'fadd', sub: 'fsub', mul: 'fmul', div: 'fdiv' };

/** `a op b` for + - * / of already evaluated float/double values. */
export function floatOpVals(g: FnGen, kind: string, a: Temp, b: Temp, t: Type): Val {
  const ra = g.reg(a);
  const rb = g.reg(b);
  const d = g.dest(a, b);
  g.insn(`\t${FOPS[kind]}.${fsuffix(t)} ${d.reg}, ${ra}, ${rb}`);
  return { lo: d, hi: null };
}

/** `lhs op rhs` in float or double. */
export function genFBinary(g: FnGen, kind: string, lhs: Node, rhs: Node, t: Type, at: Node): Val {
  checkRegisterFloat(t, at);
  if (!FOPS[kind]) throw new CompileError(`internal compiler error: floating '${kind}'`, at.tok);
  const a = genExpr(g, lhs).lo;
  const b = genExpr(g, rhs).lo;
  return floatOpVals(g, kind, a, b, t);
}

/** 0/1 of a comparison of two floating operands (unordered: only `!=` is true). */
export function genFCompare(g: FnGen, n: Node): Temp {
  const t = n.lhs!.ty!;
  checkRegisterFloat(t, n);
  const a = genExpr(g, n.lhs!).lo;
  const b = genExpr(g, n.rhs!).lo;
  const ra = g.reg(a);
  const rb = g.reg(b);
  const d = g.alloc();
  const s = fsuffix(t);
  switch (n.kind) {
    case 'eq': g.insn(`\tfeq.${s} ${d.reg}, ${ra}, ${rb}`); break;
    case 'ne':
      g.insn(`\tfeq.${s} ${d.reg}, ${ra}, ${rb}`);
      g.insn(`\txori ${d.reg}, ${d.reg}, 1`);
      break;
    case 'lt': g.insn(`\tflt.${s} ${d.reg}, ${ra}, ${rb}`); break;
    case 'le': g.insn(`\tfle.${s} ${d.reg}, ${ra}, ${rb}`); break;
  }
  g.release(a);
  g.release(b);
  return d;
}

/** `-x`: a sign flip (fneg), so -0.0 and -NaN come out as IEEE says, never 0 - x. */
export function genFNeg(g: FnGen, n: Node): Val {
  checkRegisterFloat(n.ty!, n);
  const v = genExpr(g, n.lhs!).lo;
  const r = g.reg(v);
  const d = g.dest(v);
  g.insn(`\tfneg.${fsuffix(n.ty!)} ${d.reg}, ${r}`);
  return { lo: d, hi: null };
}

/** An integer temp that is 1 iff the floating value is nonzero (NaN counts as nonzero: x != 0.0). */
export function floatTruth(g: FnGen, v: Temp, t: Type): Temp {
  if (t.kind === 'ldouble') throw new CompileError('this use of a long double truth value is not supported by pagoda cc yet', null);
  const r = g.reg(v);
  const d = g.alloc();
  g.insn(t.kind === 'float' ? `\tfmv.w.x ${FSCRATCH}, zero` : `\tfcvt.d.w ${FSCRATCH}, zero`);
  g.insn(`\tfeq.${fsuffix(t)} ${d.reg}, ${r}, ${FSCRATCH}`);
  g.insn(`\txori ${d.reg}, ${d.reg}, 1`);
  g.release(v);
  return d;
}

/** Converts between a floating type and any scalar type (one side is floating). */
export function castFloat(g: FnGen, v: Val, from: Type, to: Type, at: Node | null): Val {
  const bad = from.kind === 'ldouble' ? from : to.kind === 'ldouble' ? to : null;
  if (bad) throw new CompileError('this long double conversion is not supported by pagoda cc yet', at?.tok ?? null);
  if (isFloat(from) && isFloat(to)) {
    if (from.kind === to.kind) return v;
    const r = g.reg(v.lo);
    const d = g.dest(v.lo);
    g.insn(to.kind === 'double' ? `\tfcvt.d.s ${d.reg}, ${r}` : `\tfcvt.s.d ${d.reg}, ${r}`);
    return { lo: d, hi: null };
  }
  if (isFloat(from)) {
    // floating -> integer
    if (to.kind === 'bool') return { lo: floatTruth(g, v.lo, from), hi: null };
    const s = fsuffix(from);
    if (is64(to)) {
      const name = `__fix${to.unsigned ? 'uns' : ''}${s}fdi`;
      return floatLibCall(g, name, [v], [true], 'i64');
    }
    const r = g.reg(v.lo);
    const d = g.alloc();
    const unsigned32 = to.unsigned && to.kind !== 'ptr' && sizeOf(to) === 4;
    g.insn(`\tfcvt.${unsigned32 ? 'wu' : 'w'}.${s} ${d.reg}, ${r}, rtz`);
    g.release(v.lo);
    return castVal(g, { lo: d, hi: null }, unsigned32 ? ty.uint : ty.int, to);
  }
  // integer -> floating
  const s = fsuffix(to);
  if (is64(from)) {
    const name = `__float${from.unsigned ? 'un' : ''}di${s}f`;
    return floatLibCall(g, name, [v], [false], s);
  }
  const r = g.reg(v.lo);
  if (v.hi) g.release(v.hi);
  const d = g.allocF();
  const unsigned32 = (from.unsigned || from.kind === 'ptr') && sizeOf(from) === 4 && from.kind !== 'bool';
  g.insn(`\tfcvt.${s}.${unsigned32 ? 'wu' : 'w'} ${d.reg}, ${r}`);
  g.release(v.lo);
  return { lo: d, hi: null };
}

/**
 * Calls a runtime helper with evaluated arguments: floating ones in fa0.., integer ones (pairs for 64-bit) in
 * a0..; the result from fa0 ('s'/'d') or a0/a1 ('i64'/'i32').
 */
export function floatLibCall(g: FnGen, name: string, vals: Val[], fp: boolean[], ret: 's' | 'd' | 'i64' | 'i32'): Val {
  const keep: Temp[] = [];
  for (const v of vals) {
    keep.push(v.lo);
    if (v.hi) keep.push(v.hi);
  }
  g.spillAllExcept(keep);
  let ireg = 0;
  let freg = 0;
  const moveInt = (t: Temp): void => {
    const target = `a${ireg++}`;
    if (t.reg) {
      if (t.reg !== target) g.insn(`\tmv ${target}, ${t.reg}`);
    } else g.loadWord(target, 's0', t.slot);
  };
  vals.forEach((v, i) => {
    if (fp[i]) {
      const target = `fa${freg++}`;
      if (v.lo.reg) g.insn(`\tfmv.d ${target}, ${v.lo.reg}`);
      else g.loadOp('fld', target, 's0', v.lo.slot);
      return;
    }
    moveInt(v.lo);
    if (v.hi) moveInt(v.hi);
  });
  g.hasCalls = true;
  g.callPos.push(g.curPos);
  g.insn(`\tcall ${name}`);
  for (const t of keep) g.release(t);
  if (ret === 's' || ret === 'd') {
    const d = g.allocF();
    g.insn(`\tfmv.d ${d.reg}, fa0`);
    return { lo: d, hi: null };
  }
  const lo = g.alloc();
  g.insn(`\tmv ${lo.reg}, a0`);
  if (ret === 'i32') return { lo, hi: null };
  const hi = g.alloc();
  g.insn(`\tmv ${hi.reg}, a1`);
  return { lo, hi };
}

/** Postfix x++ / x-- on a float or double in memory: returns the old value unless discarded. */
export function floatStep(g: FnGen, old: Temp, step: bigint, t: Type, at: Node): Temp {
  checkRegisterFloat(t, at);
  const one = genFConst(g, { kind: 'fnum', tok: at.tok, ty: t, fbits: t.kind === 'float' ? 0x3f800000n : 0x3ff0000000000000n }).lo;
  const d = g.allocF();
  g.insn(`\t${step > 0n ? 'fadd' : 'fsub'}.${fsuffix(t)} ${d.reg}, ${g.reg(old)}, ${g.reg(one)}`);
  g.release(one);
  return d;
}

/** A builtin that is one instruction (fsqrt, fabs, fsgnj, fmin, fmax) on one or two float/double operands. */
export function genFIntrinsic(g: FnGen, n: Node): Val {
  const t = n.ty!;
  const a = genExpr(g, n.lhs!).lo;
  const b = n.rhs ? genExpr(g, n.rhs).lo : null;
  const ra = g.reg(a);
  const rb = b ? g.reg(b) : null;
  const d = g.dest(a, b);
  g.insn(`\t${n.asmText}.${fsuffix(t)} ${d.reg}, ${ra}${rb ? `, ${rb}` : ''}`);
  return { lo: d, hi: null };
}
