// Assignments for the code generator: plain, compound (one address computation), and postfix ++/--,
// including register variables (-O1) and bit-fields.
import type { Node } from '../front/ast.js';
import { CompileError } from '../diagnostics.js';
import { ITYPE, RTYPE, binary64Vals, immOf, shift64Const } from './gen-arith.js';
import { add64Step } from './gen-bitfield64.js';
import { castVal, genExpr } from './gen-expr.js';
import { addrToTemp, copyStruct, genLval, loadBitfield, loadVal, releaseAddr, storeBitfield, storeVal } from './gen-lval.js';
import { FnGen, Temp, Val } from './gen-state.js';
import { checkRegisterFloat, floatOpVals, floatStep } from './gen-float.js';
import { Type, is64, isFloat, isRecord, sizeOf } from '../front/types.js';

function one(t: Val['lo']): Val {
  return { lo: t, hi: null };
}

// ---- assignment ----

export function genAssign(g: FnGen, n: Node): Val {
  const t = n.ty!;
  if (isRecord(t) || t.kind === 'ldouble') {
    const src = genLval(g, n.rhs!);
    const dst = genLval(g, n.lhs!);
    const dstTemp = addrToTemp(g, dst);
    const keep = g.owned(dstTemp);
    const copyDst = g.alloc();
    g.insn(`\tmv ${copyDst.reg}, ${g.reg(keep)}`);
    copyStruct(g, { kind: 'reg', base: copyDst, off: 0 }, src, t);
    return one(keep);
  }
  const v = genExpr(g, n.rhs!);
  const a = genLval(g, n.lhs!);
  if (n.lhs!.kind === 'member' && n.lhs!.member!.isBitfield) {
    const r = storeBitfield(g, a, n.lhs!.member!, v);
    releaseAddr(g, a);
    return r;
  }
  if (a.kind === 'regvar') {
    const r = g.reg(v.lo);
    if (t.kind === 'bool' || (t.kind !== 'ptr' && sizeOf(t) < 4)) {
      // values are already converted to t by the parser; keep them as they are
    }
    if (r !== a.obj.reg) g.insn(v.lo.fp ? `\tfmv.d ${a.obj.reg}, ${r}` : `\tmv ${a.obj.reg}, ${r}`);
    return v;
  }
  storeVal(g, a, v, t);
  releaseAddr(g, a);
  return v;
}

/** `lhs op= rhs` (also ++x/--x): one address computation, value converted through opType. */
export function genOpAssign(g: FnGen, n: Node): Val {
  const t = n.ty!;
  const opT = n.opType!;
  if (t.kind === 'ldouble' || opT.kind === 'ldouble') {
    throw new CompileError('compound assignment in long double is not supported by pagoda cc yet (write x = x op y)', n.tok);
  }
  const a = genLval(g, n.lhs!);
  const isBit = n.lhs!.kind === 'member' && n.lhs!.member!.isBitfield;
  let old: Val;
  if (a.kind === 'regvar') old = { lo: { reg: a.obj.reg!, slot: 0, owned: false, fp: isFloat(t) }, hi: null };
  else if (isBit) old = loadBitfield(g, a, n.lhs!.member!);
  else old = loadVal(g, a, t);
  const cur = castVal(g, old, t, opT);
  const res = applyOp(g, n.op!, cur, n.rhs!, opT);
  const fin = castVal(g, res, opT, t);
  if (isBit) {
    const r = storeBitfield(g, a, n.lhs!.member!, fin);
    releaseAddr(g, a);
    return r;
  }
  if (a.kind === 'regvar') {
    const r = g.reg(fin.lo);
    if (r !== a.obj.reg) g.insn(fin.lo.fp ? `\tfmv.d ${a.obj.reg}, ${r}` : `\tmv ${a.obj.reg}, ${r}`);
    return fin;
  }
  storeVal(g, a, fin, t);
  releaseAddr(g, a);
  return fin;
}

/** `cur op rhs` where cur is already evaluated (in type t). */
function applyOp(g: FnGen, kind: string, a: Val, rhs: Node, t: Type): Val {
  if (isFloat(t)) {
    checkRegisterFloat(t, rhs);
    return floatOpVals(g, kind, a.lo, genExpr(g, rhs).lo, t);
  }
  if (is64(t)) {
    if ((kind === 'shl' || kind === 'shr') && rhs.kind === 'num') return shift64Const(g, kind, a, Number(rhs.val! & 63n), t);
    return binary64Vals(g, kind, a, genExpr(g, rhs), t);
  }
  const imm = immOf(rhs);
  if (imm !== null && (ITYPE[kind] || kind === 'sub') && !(kind === 'sub' && imm === -2048)) {
    const r = g.reg(a.lo);
    const d = g.dest(a.lo);
    let op = kind === 'sub' ? 'addi' : ITYPE[kind];
    let v = kind === 'sub' ? -imm : imm;
    if (kind === 'shr' && t.unsigned) op = 'srli';
    if (kind === 'shl' || kind === 'shr') v &= 31;
    g.insn(`\t${op} ${d.reg}, ${r}, ${v}`);
    return one(d);
  }
  const b = genExpr(g, rhs).lo;
  const ra = g.reg(a.lo);
  const rb = g.reg(b);
  const d = g.dest(a.lo, b);
  const ops = RTYPE[kind];
  g.insn(`\t${t.unsigned || t.kind === 'ptr' ? ops[1] : ops[0]} ${d.reg}, ${ra}, ${rb}`);
  return one(d);
}

/** Postfix ++/--: stores old+step, returns the old value (unless discarded). */
export function genPostinc(g: FnGen, n: Node, discard: boolean): Val | null {
  const t = n.ty!;
  if (t.kind === 'ldouble') throw new CompileError('++/-- on long double is not supported by pagoda cc yet', n.tok);
  const a = genLval(g, n.lhs!);
  const step = n.val!;
  if (n.lhs!.kind === 'member' && n.lhs!.member!.isBitfield) {
    const old = loadBitfield(g, a, n.lhs!.member!);
    let copy: Val;
    if (old.hi) copy = add64Step(g, old, Number(step));
    else {
      const d = g.alloc();
      g.insn(`\taddi ${d.reg}, ${g.reg(old.lo)}, ${Number(step)}`);
      copy = { lo: d, hi: null };
    }
    g.releaseVal(storeBitfield(g, a, n.lhs!.member!, copy));
    releaseAddr(g, a);
    if (discard) {
      g.releaseVal(old);
      return null;
    }
    return old;
  }
  if (a.kind === 'regvar' && isFloat(t)) {
    const r = a.obj.reg!;
    const cur: Temp = { reg: r, slot: 0, owned: false, fp: true };
    const old = discard ? null : g.owned(cur);
    const nv = floatStep(g, cur, step, t, n);
    g.insn(`\tfmv.d ${r}, ${g.reg(nv)}`);
    g.release(nv);
    return old ? one(old) : null;
  }
  if (a.kind === 'regvar') {
    const r = a.obj.reg!;
    let old: Val | null = null;
    if (!discard) {
      const d = g.alloc();
      g.insn(`\tmv ${d.reg}, ${r}`);
      old = one(d);
    }
    if (t.kind === 'bool') g.insn(step > 0n ? `\tli ${r}, 1` : `\tseqz ${r}, ${r}`);
    else {
      g.insn(`\taddi ${r}, ${r}, ${Number(step)}`);
      if (t.kind !== 'ptr' && sizeOf(t) < 4) castInPlace(g, r, t);
    }
    return old;
  }
  const old = loadVal(g, a, t);
  let nv: Val;
  if (isFloat(t)) {
    nv = one(floatStep(g, old.lo, step, t, n));
  } else if (is64(t)) {
    const lo = g.alloc();
    const hi = g.alloc();
    g.insn(`\taddi ${lo.reg}, ${g.reg(old.lo)}, ${Number(step)}`);
    g.insn(`\tsltu a0, ${lo.reg}, ${g.reg(old.lo)}`);
    if (step > 0n) g.insn(`\tadd ${hi.reg}, ${g.reg(old.hi!)}, a0`);
    else {
      g.insn(`\txori a0, a0, 1`);
      g.insn(`\tsub ${hi.reg}, ${g.reg(old.hi!)}, a0`);
    }
    nv = { lo, hi };
  } else if (t.kind === 'bool') {
    const d = g.alloc();
    if (step > 0n) g.insn(`\tli ${d.reg}, 1`);
    else g.insn(`\tseqz ${d.reg}, ${g.reg(old.lo)}`);
    nv = one(d);
  } else {
    const d = g.alloc();
    g.insn(`\taddi ${d.reg}, ${g.reg(old.lo)}, ${Number(step)}`);
    nv = one(d);
  }
  storeVal(g, a, nv, t);
  g.releaseVal(nv);
  releaseAddr(g, a);
  if (discard) {
    g.releaseVal(old);
    return null;
  }
  return old;
}

function castInPlace(g: FnGen, r: string, t: Type): void {
  const size = sizeOf(t);
  if (size === 1 && t.unsigned) g.insn(`\tandi ${r}, ${r}, 255`);
  else {
    const sh = 32 - size * 8;
    g.insn(`\tslli ${r}, ${r}, ${sh}`);
    g.insn(`\t${t.unsigned ? 'srli' : 'srai'} ${r}, ${r}, ${sh}`);
  }
}

