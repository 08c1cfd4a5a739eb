// Arithmetic and comparisons for the code generator: immediate forms, -O1 strength reduction, 64-bit
// register-pair sequences (carry, mulhu) and the libgcc helpers for 64-bit division and variable shifts.
import type { Node } from '../front/ast.js';
import { genLibCall } from './gen-call.js';
import { genExpr } from './gen-expr.js';
import { FnGen, Temp, Val, fits12 } from './gen-state.js';
import { Type, is64 } from '../front/types.js';

function one(t: Temp): Val {
  return { lo: t, hi: null };
}

/** Small constants usable as I-type immediates. */
export function immOf(n: Node): number | null {
  if (n.kind !== 'num' || is64(n.ty!)) return null;
  const v = Number(BigInt.asIntN(32, n.val!));
  return fits12(v) ? v : null;
}

// ---- arithmetic ----

export const RTYPE: Record<string, [string, string]> = {
  add: ['add', 'add'], sub: ['sub', 'sub'], mul: ['mul', 'mul'], div: ['div', 'divu'], mod: ['rem', 'remu'],
  bitand: ['and', 'and'], bitor: ['or', 'or'], bitxor: ['xor', 'xor'], shl: ['sll', 'sll'], shr: ['sra', 'srl'],
};
export const ITYPE: Record<string, string> = { add: 'addi', bitand: 'andi', bitor: 'ori', bitxor: 'xori', shl: 'slli', shr: 'srai' };

export function genBinary(g: FnGen, kind: string, lhs: Node, rhs: Node, t: Type): Val {
  if (is64(t)) return genBinary64(g, kind, lhs, rhs, t);
  const imm = immOf(rhs);
  if (imm !== null && (ITYPE[kind] || kind === 'sub') && !(kind === 'sub' && imm === -2048)) {
    const a = genExpr(g, lhs).lo;
    const r = g.reg(a);
    const d = g.dest(a);
    let op = kind === 'sub' ? 'addi' : ITYPE[kind];
    let v = kind === 'sub' ? -imm : imm;
    if (kind === 'shr' && t.unsigned) op = 'srli';
    if (kind === 'shl' || kind === 'shr') v &= 31;
    g.insn(`\t${op} ${d.reg}, ${r}, ${v}`);
    return one(d);
  }
  // multiply/divide by powers of two at -O1 for unsigned values
  if (g.opt > 0 && rhs.kind === 'num' && t.unsigned && (kind === 'mul' || kind === 'div' || kind === 'mod')) {
    const c = Number(BigInt.asUintN(32, rhs.val!));
    if (c > 0 && (c & (c - 1)) === 0) {
      const sh = Math.log2(c);
      const a = genExpr(g, lhs).lo;
      const r = g.reg(a);
      const d = g.dest(a);
      if (kind === 'mul') g.insn(`\tslli ${d.reg}, ${r}, ${sh}`);
      else if (kind === 'div') g.insn(`\tsrli ${d.reg}, ${r}, ${sh}`);
      else if (c - 1 <= 2047) g.insn(`\tandi ${d.reg}, ${r}, ${c - 1}`);
      else {
        g.insn(`\tli t6, ${c - 1}`);
        g.insn(`\tand ${d.reg}, ${r}, t6`);
      }
      return one(d);
    }
  }
  if (g.opt > 0 && rhs.kind === 'num' && kind === 'mul') {
    const c = Number(BigInt.asIntN(32, rhs.val!));
    if (c > 0 && (c & (c - 1)) === 0) {
      const a = genExpr(g, lhs).lo;
      const r = g.reg(a);
      const d = g.dest(a);
      g.insn(`\tslli ${d.reg}, ${r}, ${Math.log2(c)}`);
      return one(d);
    }
  }
  const a = genExpr(g, lhs).lo;
  const b = genExpr(g, rhs).lo;
  const ra = g.reg(a);
  const rb = g.reg(b);
  const d = g.dest(a, b);
  const ops = RTYPE[kind];
  const signedness = kind === 'shr' ? lhs.ty! : t;
  g.insn(`\t${signedness.unsigned || signedness.kind === 'ptr' ? ops[1] : ops[0]} ${d.reg}, ${ra}, ${rb}`);
  return one(d);
}

function genBinary64(g: FnGen, kind: string, lhs: Node, rhs: Node, t: Type): Val {
  if ((kind === 'shl' || kind === 'shr') && rhs.kind === 'num') {
    return shift64Const(g, kind, genExpr(g, lhs), Number(rhs.val! & 63n), t);
  }
  const a = genExpr(g, lhs);
  const b = genExpr(g, rhs);
  return binary64Vals(g, kind, a, b, t);
}

/** 64-bit `a op b` on evaluated operands (b is 32-bit for variable shifts). */
export function binary64Vals(g: FnGen, kind: string, a: Val, b: Val, t: Type): Val {
  if (kind === 'shl' || kind === 'shr') {
    const name = kind === 'shl' ? '__ashldi3' : t.unsigned ? '__lshrdi3' : '__ashrdi3';
    if (b.hi) g.release(b.hi);
    return genLibCall(g, name, [a, { lo: b.lo, hi: null }], true);
  }
  if (kind === 'div' || kind === 'mod') {
    const name = kind === 'div' ? (t.unsigned ? '__udivdi3' : '__divdi3') : t.unsigned ? '__umoddi3' : '__moddi3';
    return genLibCall(g, name, [a, b], true);
  }
  const al = g.reg(a.lo), ah = g.reg(a.hi!), bl = g.reg(b.lo), bh = g.reg(b.hi!);
  let dl: Temp, dh: Temp;
  const pick = (): void => {
    if (a.lo.owned && a.hi!.owned && a.lo.reg && a.hi!.reg && a.lo !== a.hi) {
      dl = a.lo; dh = a.hi!;
      g.clobber(dl); g.clobber(dh);
      g.release(b.lo); g.release(b.hi);
    } else if (b.lo.owned && b.hi!.owned && b.lo.reg && b.hi!.reg && b.lo !== b.hi) {
      dl = b.lo; dh = b.hi!;
      g.clobber(dl); g.clobber(dh);
      g.release(a.lo); g.release(a.hi);
    } else {
      g.release(a.lo); g.release(a.hi); g.release(b.lo); g.release(b.hi);
      dl = g.alloc(); dh = g.alloc();
    }
  };
  switch (kind) {
    case 'add':
      g.insn(`\tadd a0, ${al}, ${bl}`);
      g.insn(`\tsltu a1, a0, ${bl}`);
      g.insn(`\tadd t6, ${ah}, ${bh}`);
      pick();
      g.insn(`\tadd ${dh!.reg}, t6, a1`);
      g.insn(`\tmv ${dl!.reg}, a0`);
      break;
    case 'sub':
      g.insn(`\tsltu a1, ${al}, ${bl}`);
      g.insn(`\tsub a0, ${al}, ${bl}`);
      g.insn(`\tsub t6, ${ah}, ${bh}`);
      pick();
      g.insn(`\tsub ${dh!.reg}, t6, a1`);
      g.insn(`\tmv ${dl!.reg}, a0`);
      break;
    case 'mul':
      g.insn(`\tmul a0, ${al}, ${bh}`);
      g.insn(`\tmul a1, ${ah}, ${bl}`);
      g.insn(`\tadd a0, a0, a1`);
      g.insn(`\tmulhu a1, ${al}, ${bl}`);
      g.insn(`\tmul t6, ${al}, ${bl}`);
      pick();
      g.insn(`\tadd ${dh!.reg}, a0, a1`);
      g.insn(`\tmv ${dl!.reg}, t6`);
      break;
    default: {
      const op = RTYPE[kind][0];
      g.insn(`\t${op} a0, ${al}, ${bl}`);
      g.insn(`\t${op} a1, ${ah}, ${bh}`);
      pick();
      g.insn(`\tmv ${dl!.reg}, a0`);
      g.insn(`\tmv ${dh!.reg}, a1`);
    }
  }
  return { lo: dl!, hi: dh! };
}

export function shift64Const(g: FnGen, kind: string, a: Val, c: number, t: Type): Val {
  if (c === 0) return a;
  const al = g.reg(a.lo), ah = g.reg(a.hi!);
  if (kind === 'shl') {
    if (c >= 32) {
      g.insn(`\tslli a1, ${al}, ${c - 32}`);
      g.insn(`\tli a0, 0`);
    } else {
      g.insn(`\tsrli t6, ${al}, ${32 - c}`);
      g.insn(`\tslli a1, ${ah}, ${c}`);
      g.insn(`\tor a1, a1, t6`);
      g.insn(`\tslli a0, ${al}, ${c}`);
    }
  } else {
    const sr = t.unsigned ? 'srli' : 'srai';
    if (c >= 32) {
      g.insn(`\t${sr} a0, ${ah}, ${c - 32}`);
      if (t.unsigned) g.insn(`\tli a1, 0`);
      else g.insn(`\tsrai a1, ${ah}, 31`);
    } else {
      g.insn(`\tslli t6, ${ah}, ${32 - c}`);
      g.insn(`\tsrli a0, ${al}, ${c}`);
      g.insn(`\tor a0, a0, t6`);
      g.insn(`\t${sr} a1, ${ah}, ${c}`);
    }
  }
  g.releaseVal(a);
  const dl = g.alloc();
  const dh = g.alloc();
  g.insn(`\tmv ${dl.reg}, a0`);
  g.insn(`\tmv ${dh.reg}, a1`);
  return { lo: dl, hi: dh };
}

// ---- comparisons ----

/** 0/1 result of a comparison node. */
export function genCompare(g: FnGen, n: Node): Temp {
  const lt = n.lhs!.ty!;
  if (is64(lt)) return genCompare64(g, n);
  const unsigned = lt.unsigned || lt.kind === 'ptr';
  const imm = immOf(n.rhs!);
  if (imm !== null && (n.kind === 'lt' || n.kind === 'eq' || n.kind === 'ne')) {
    const a = genExpr(g, n.lhs!).lo;
    const r = g.reg(a);
    const d = g.dest(a);
    if (n.kind === 'lt') g.insn(`\t${unsigned ? 'sltiu' : 'slti'} ${d.reg}, ${r}, ${imm}`);
    else {
      if (imm !== 0) g.insn(`\txori ${d.reg}, ${r}, ${imm}`);
      g.insn(`\t${n.kind === 'eq' ? 'seqz' : 'snez'} ${d.reg}, ${imm !== 0 ? d.reg : r}`);
    }
    return d;
  }
  const a = genExpr(g, n.lhs!).lo;
  const b = genExpr(g, n.rhs!).lo;
  const ra = g.reg(a);
  const rb = g.reg(b);
  const d = g.dest(a, b);
  const slt = unsigned ? 'sltu' : 'slt';
  switch (n.kind) {
    case 'eq':
      g.insn(`\txor ${d.reg}, ${ra}, ${rb}`);
      g.insn(`\tseqz ${d.reg}, ${d.reg}`);
      break;
    case 'ne':
      g.insn(`\txor ${d.reg}, ${ra}, ${rb}`);
      g.insn(`\tsnez ${d.reg}, ${d.reg}`);
      break;
    case 'lt':
      g.insn(`\t${slt} ${d.reg}, ${ra}, ${rb}`);
      break;
    case 'le':
      g.insn(`\t${slt} ${d.reg}, ${rb}, ${ra}`);
      g.insn(`\txori ${d.reg}, ${d.reg}, 1`);
      break;
  }
  return d;
}

function genCompare64(g: FnGen, n: Node): Temp {
  const unsigned = n.lhs!.ty!.unsigned;
  const a = genExpr(g, n.lhs!);
  const b = genExpr(g, n.rhs!);
  const al = g.reg(a.lo), ah = g.reg(a.hi!), bl = g.reg(b.lo), bh = g.reg(b.hi!);
  const slt = unsigned ? 'sltu' : 'slt';
  if (n.kind === 'eq' || n.kind === 'ne') {
    g.insn(`\txor a0, ${al}, ${bl}`);
    g.insn(`\txor a1, ${ah}, ${bh}`);
    g.insn(`\tor a0, a0, a1`);
    g.insn(`\t${n.kind === 'eq' ? 'seqz' : 'snez'} a0, a0`);
  } else {
    // lt(x, y): hi(x) < hi(y) || (hi(x) == hi(y) && lo(x) <u lo(y)); le(a,b) = !lt(b,a)
    const [xl, xh, yl, yh] = n.kind === 'lt' ? [al, ah, bl, bh] : [bl, bh, al, ah];
    g.insn(`\t${slt} a0, ${xh}, ${yh}`);
    g.insn(`\txor a1, ${xh}, ${yh}`);
    g.insn(`\tseqz a1, a1`);
    g.insn(`\tsltu t6, ${xl}, ${yl}`);
    g.insn(`\tand a1, a1, t6`);
    g.insn(`\tor a0, a0, a1`);
    if (n.kind === 'le') g.insn(`\txori a0, a0, 1`);
  }
  g.releaseVal(a);
  g.releaseVal(b);
  const d = g.alloc();
  g.insn(`\tmv ${d.reg}, a0`);
  return d;
}

