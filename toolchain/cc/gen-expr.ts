// Expression code generation: each node evaluates into temporaries (Val); 64-bit values use register pairs.
// Aggregates (arrays, structs, functions) evaluate to their address.
import type { Node } from './ast.js';
import { CompileError } from './diagnostics.js';
import { genCall, genLibCall, genVaArg, genVaStart } from './gen-call.js';
import {
  addrToTemp, copyStruct, genLval, loadAndRelease, loadBitfield, releaseAddr, storeBitfield, storeVal,
  varAddr, zeroFill, loadVal,
} from './gen-lval.js';
import { FnGen, Temp, Val, fits12 } from './gen-state.js';
import { genStmt } from './gen-stmt.js';
import { Type, is64, isRecord, sizeOf, ty } from './types.js';

const ZERO: Temp = { reg: 'zero', slot: 0, owned: false };

function one(t: Temp): Val {
  return { lo: t, hi: null };
}

function isAggregate(t: Type): boolean {
  return t.kind === 'array' || t.kind === 'func' || isRecord(t);
}

/** Small constants usable as I-type immediates. */
function immOf(n: Node): number | null {
  if (n.kind !== 'num' || is64(n.ty!)) return null;
  const v = Number(BigInt.asIntN(32, n.val!));
  return fits12(v) ? v : null;
}

/** Evaluates `n` for its value. The caller releases the result. */
export function genExpr(g: FnGen, n: Node): Val {
  const t = n.ty!;
  switch (n.kind) {
    case 'num': {
      if (is64(t)) {
        const v = BigInt.asUintN(64, n.val!);
        return { lo: constTemp(g, Number(v & 0xffffffffn) | 0), hi: constTemp(g, Number(v >> 32n) | 0) };
      }
      return one(constTemp(g, Number(BigInt.asIntN(32, n.val!))));
    }
    case 'var':
      if (isAggregate(t)) return one(addrToTemp(g, varAddr(n.obj!)));
      return loadAndRelease(g, varAddr(n.obj!), t);
    case 'str':
      return one(addrToTemp(g, { kind: 'global', sym: `.LC${n.strIndex}`, off: 0 }));
    case 'member':
    case 'deref': {
      if (t.kind === 'void') {
        const a = genLval(g, n);
        releaseAddr(g, a);
        return one(ZERO);
      }
      const a = genLval(g, n);
      if (isAggregate(t)) return one(addrToTemp(g, a));
      if (n.kind === 'member' && n.member!.isBitfield) {
        const v = loadBitfield(g, a, n.member!);
        releaseAddr(g, a);
        return v;
      }
      return loadAndRelease(g, a, t);
    }
    case 'addr':
      return one(addrToTemp(g, genLval(g, n.lhs!)));
    case 'cast':
      return genCast(g, n);
    case 'comma':
      genDiscard(g, n.lhs!);
      return genExpr(g, n.rhs!);
    case 'neg': return genNeg(g, n);
    case 'bitnot': {
      const v = genExpr(g, n.lhs!);
      const lo = unaryOp(g, 'not', v.lo);
      const hi = v.hi ? unaryOp(g, 'not', v.hi) : null;
      return { lo, hi };
    }
    case 'not': {
      const v = truth(g, genExpr(g, n.lhs!), n.lhs!.ty!);
      const r = g.reg(v);
      const d = g.dest(v);
      g.emit(`seqz ${d.reg}, ${r}`);
      return one(d);
    }
    case 'add': case 'sub': case 'mul': case 'div': case 'mod':
    case 'bitand': case 'bitor': case 'bitxor': case 'shl': case 'shr':
      return genBinary(g, n.kind, n.lhs!, n.rhs!, t);
    case 'eq': case 'ne': case 'lt': case 'le':
      return one(genCompare(g, n));
    case 'logand':
    case 'logor':
      return genLogical(g, n);
    case 'cond':
      return genCond(g, n);
    case 'assign':
      return genAssign(g, n);
    case 'opassign':
      return genOpAssign(g, n);
    case 'postinc':
      return genPostinc(g, n, false)!;
    case 'call':
      return genCall(g, n);
    case 'stmtexpr':
      return genStmtExpr(g, n);
    case 'memzero': {
      zeroFill(g, varAddr(n.obj!), sizeOf(n.obj!.ty), n.obj!.align);
      return one(ZERO);
    }
    case 'va_start':
      genVaStart(g, n);
      return one(ZERO);
    case 'va_arg':
      return genVaArg(g, n);
    case 'nullexpr':
      return one(ZERO);
    case 'asm':
      if (n.asmText) g.emit(n.asmText);
      return one(ZERO);
  }
  throw new CompileError(`internal compiler error: cannot generate '${n.kind}'`, n.tok);
}

function constTemp(g: FnGen, v: number): Temp {
  if (v === 0) return ZERO;
  return g.imm(v);
}

/** Evaluates for side effects only. */
export function genDiscard(g: FnGen, n: Node): void {
  if (n.kind === 'postinc') {
    genPostinc(g, n, true);
    return;
  }
  if (n.kind === 'cast' && n.ty!.kind === 'void') return genDiscard(g, n.lhs!);
  if (n.kind === 'comma') {
    genDiscard(g, n.lhs!);
    genDiscard(g, n.rhs!);
    return;
  }
  if (n.kind === 'num' || n.kind === 'var' || n.kind === 'str') return;
  g.releaseVal(genExpr(g, n));
}

function unaryOp(g: FnGen, op: string, a: Temp): Temp {
  const r = g.reg(a);
  const d = g.dest(a);
  g.emit(`${op} ${d.reg}, ${r}`);
  return d;
}

/** A 32-bit temp that is non-zero iff the value is true. */
export function truth(g: FnGen, v: Val, t: Type): Temp {
  if (!is64(t)) return v.lo;
  const a = g.reg(v.lo);
  const b = g.reg(v.hi!);
  const d = g.dest(v.lo, v.hi);
  g.emit(`or ${d.reg}, ${a}, ${b}`);
  return d;
}

function genNeg(g: FnGen, n: Node): Val {
  const v = genExpr(g, n.lhs!);
  if (!v.hi) return one(unaryOp(g, 'neg', v.lo));
  const lo = g.reg(v.lo);
  const hi = g.reg(v.hi);
  g.emit(`snez a0, ${lo}`);
  const dl = g.dest(v.lo);
  g.emit(`neg ${dl.reg}, ${lo}`);
  const dh = g.dest(v.hi);
  g.emit(`neg ${dh.reg}, ${hi}`);
  g.emit(`sub ${dh.reg}, ${dh.reg}, a0`);
  return { lo: dl, hi: dh };
}

// ---- casts ----

function genCast(g: FnGen, n: Node): Val {
  const from = n.lhs!.ty!;
  const to = n.ty!;
  if (to.kind === 'void') {
    genDiscard(g, n.lhs!);
    return one(ZERO);
  }
  const v = genExpr(g, n.lhs!);
  return castVal(g, v, from, to);
}

/** Converts a value between scalar types, keeping narrow values in canonical (extended) form. */
export function castVal(g: FnGen, v: Val, from: Type, to: Type): Val {
  if (isAggregate(from) || isRecord(to)) return v;
  if (to.kind === 'bool') {
    const tv = truth(g, v, from);
    const r = g.reg(tv);
    const d = g.dest(tv);
    g.emit(`snez ${d.reg}, ${r}`);
    return one(d);
  }
  const fromSize = from.kind === 'ptr' ? 4 : sizeOf(from);
  const toSize = to.kind === 'ptr' ? 4 : sizeOf(to);
  if (is64(to)) {
    if (is64(from)) return v;
    if (from.unsigned || from.kind === 'ptr') return { lo: v.lo, hi: ZERO };
    const r = g.reg(v.lo);
    const hi = g.alloc();
    g.emit(`srai ${hi.reg}, ${r}, 31`);
    return { lo: v.lo, hi };
  }
  let lo = v.lo;
  if (v.hi) g.release(v.hi);
  if (toSize >= 4) return one(lo);
  // narrowing (or same-size signedness change) to char/short
  if (toSize === fromSize && to.unsigned === from.unsigned && !is64(from)) return one(lo);
  if (toSize > fromSize && !is64(from) && (from.unsigned || !to.unsigned)) return one(lo);
  const r = g.reg(lo);
  const d = g.dest(lo);
  lo = d;
  if (toSize === 1 && to.unsigned) g.emit(`andi ${d.reg}, ${r}, 255`);
  else {
    const sh = 32 - toSize * 8;
    g.emit(`slli ${d.reg}, ${r}, ${sh}`);
    g.emit(`${to.unsigned ? 'srli' : 'srai'} ${d.reg}, ${d.reg}, ${sh}`);
  }
  return one(lo);
}

// ---- arithmetic ----

const RTYPE: Record<string, [string, string]> = {
  add: ['add', 'add'], sub: ['sub', 'sub'], mul: ['mul', 'mul'], div: ['div', 'divu'], mod: ['rem', 'remu'],
  bitand: ['and', 'and'], bitor: ['or', 'or'], bitxor: ['xor', 'xor'], shl: ['sll', 'sll'], shr: ['sra', 'srl'],
};
const ITYPE: Record<string, string> = { add: 'addi', bitand: 'andi', bitor: 'ori', bitxor: 'xori', shl: 'slli', shr: 'srai' };

function genBinary(g: FnGen, kind: string, lhs: Node, rhs: Node, t: Type): Val {
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
    g.emit(`${op} ${d.reg}, ${r}, ${v}`);
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
      if (kind === 'mul') g.emit(`slli ${d.reg}, ${r}, ${sh}`);
      else if (kind === 'div') g.emit(`srli ${d.reg}, ${r}, ${sh}`);
      else if (c - 1 <= 2047) g.emit(`andi ${d.reg}, ${r}, ${c - 1}`);
      else {
        g.emit(`li t6, ${c - 1}`);
        g.emit(`and ${d.reg}, ${r}, t6`);
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
      g.emit(`slli ${d.reg}, ${r}, ${Math.log2(c)}`);
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
  g.emit(`${signedness.unsigned || signedness.kind === 'ptr' ? ops[1] : ops[0]} ${d.reg}, ${ra}, ${rb}`);
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
function binary64Vals(g: FnGen, kind: string, a: Val, b: Val, t: Type): Val {
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
      g.emit(`add a0, ${al}, ${bl}`);
      g.emit(`sltu a1, a0, ${bl}`);
      g.emit(`add t6, ${ah}, ${bh}`);
      pick();
      g.emit(`add ${dh!.reg}, t6, a1`);
      g.emit(`mv ${dl!.reg}, a0`);
      break;
    case 'sub':
      g.emit(`sltu a1, ${al}, ${bl}`);
      g.emit(`sub a0, ${al}, ${bl}`);
      g.emit(`sub t6, ${ah}, ${bh}`);
      pick();
      g.emit(`sub ${dh!.reg}, t6, a1`);
      g.emit(`mv ${dl!.reg}, a0`);
      break;
    case 'mul':
      g.emit(`mul a0, ${al}, ${bh}`);
      g.emit(`mul a1, ${ah}, ${bl}`);
      g.emit(`add a0, a0, a1`);
      g.emit(`mulhu a1, ${al}, ${bl}`);
      g.emit(`mul t6, ${al}, ${bl}`);
      pick();
      g.emit(`add ${dh!.reg}, a0, a1`);
      g.emit(`mv ${dl!.reg}, t6`);
      break;
    default: {
      const op = RTYPE[kind][0];
      g.emit(`${op} a0, ${al}, ${bl}`);
      g.emit(`${op} a1, ${ah}, ${bh}`);
      pick();
      g.emit(`mv ${dl!.reg}, a0`);
      g.emit(`mv ${dh!.reg}, a1`);
    }
  }
  return { lo: dl!, hi: dh! };
}

function shift64Const(g: FnGen, kind: string, a: Val, c: number, t: Type): Val {
  if (c === 0) return a;
  const al = g.reg(a.lo), ah = g.reg(a.hi!);
  if (kind === 'shl') {
    if (c >= 32) {
      g.emit(`slli a1, ${al}, ${c - 32}`);
      g.emit(`li a0, 0`);
    } else {
      g.emit(`srli t6, ${al}, ${32 - c}`);
      g.emit(`slli a1, ${ah}, ${c}`);
      g.emit(`or a1, a1, t6`);
      g.emit(`slli a0, ${al}, ${c}`);
    }
  } else {
    const sr = t.unsigned ? 'srli' : 'srai';
    if (c >= 32) {
      g.emit(`${sr} a0, ${ah}, ${c - 32}`);
      if (t.unsigned) g.emit(`li a1, 0`);
      else g.emit(`srai a1, ${ah}, 31`);
    } else {
      g.emit(`slli t6, ${ah}, ${32 - c}`);
      g.emit(`srli a0, ${al}, ${c}`);
      g.emit(`or a0, a0, t6`);
      g.emit(`${sr} a1, ${ah}, ${c}`);
    }
  }
  g.releaseVal(a);
  const dl = g.alloc();
  const dh = g.alloc();
  g.emit(`mv ${dl.reg}, a0`);
  g.emit(`mv ${dh.reg}, a1`);
  return { lo: dl, hi: dh };
}

// ---- comparisons ----

/** 0/1 result of a comparison node. */
function genCompare(g: FnGen, n: Node): Temp {
  const lt = n.lhs!.ty!;
  if (is64(lt)) return genCompare64(g, n);
  const unsigned = lt.unsigned || lt.kind === 'ptr';
  const imm = immOf(n.rhs!);
  if (imm !== null && (n.kind === 'lt' || n.kind === 'eq' || n.kind === 'ne')) {
    const a = genExpr(g, n.lhs!).lo;
    const r = g.reg(a);
    const d = g.dest(a);
    if (n.kind === 'lt') g.emit(`${unsigned ? 'sltiu' : 'slti'} ${d.reg}, ${r}, ${imm}`);
    else {
      if (imm !== 0) g.emit(`xori ${d.reg}, ${r}, ${imm}`);
      g.emit(`${n.kind === 'eq' ? 'seqz' : 'snez'} ${d.reg}, ${imm !== 0 ? d.reg : r}`);
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
      g.emit(`xor ${d.reg}, ${ra}, ${rb}`);
      g.emit(`seqz ${d.reg}, ${d.reg}`);
      break;
    case 'ne':
      g.emit(`xor ${d.reg}, ${ra}, ${rb}`);
      g.emit(`snez ${d.reg}, ${d.reg}`);
      break;
    case 'lt':
      g.emit(`${slt} ${d.reg}, ${ra}, ${rb}`);
      break;
    case 'le':
      g.emit(`${slt} ${d.reg}, ${rb}, ${ra}`);
      g.emit(`xori ${d.reg}, ${d.reg}, 1`);
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
    g.emit(`xor a0, ${al}, ${bl}`);
    g.emit(`xor a1, ${ah}, ${bh}`);
    g.emit(`or a0, a0, a1`);
    g.emit(`${n.kind === 'eq' ? 'seqz' : 'snez'} a0, a0`);
  } else {
    // lt(x, y): hi(x) < hi(y) || (hi(x) == hi(y) && lo(x) <u lo(y)); le(a,b) = !lt(b,a)
    const [xl, xh, yl, yh] = n.kind === 'lt' ? [al, ah, bl, bh] : [bl, bh, al, ah];
    g.emit(`${slt} a0, ${xh}, ${yh}`);
    g.emit(`xor a1, ${xh}, ${yh}`);
    g.emit(`seqz a1, a1`);
    g.emit(`sltu t6, ${xl}, ${yl}`);
    g.emit(`and a1, a1, t6`);
    g.emit(`or a0, a0, a1`);
    if (n.kind === 'le') g.emit(`xori a0, a0, 1`);
  }
  g.releaseVal(a);
  g.releaseVal(b);
  const d = g.alloc();
  g.emit(`mv ${d.reg}, a0`);
  return d;
}

// ---- branches ----

/**
 * Jumps to `label` when `n` is true (ifTrue) or false (!ifTrue); falls through otherwise.
 * Comparisons fuse into one branch instruction.
 */
export function genBranch(g: FnGen, n: Node, label: string, ifTrue: boolean): void {
  switch (n.kind) {
    case 'num': {
      const truthy = n.val !== 0n;
      if (truthy === ifTrue) g.emit(`j ${label}`);
      return;
    }
    case 'not':
      return genBranch(g, n.lhs!, label, !ifTrue);
    case 'logand':
    case 'logor': {
      const isAnd = n.kind === 'logand';
      if (isAnd !== ifTrue) {
        // and-false / or-true: either operand decides
        genBranch(g, n.lhs!, label, ifTrue);
        genBranch(g, n.rhs!, label, ifTrue);
      } else {
        const skip = g.newLabel();
        genBranch(g, n.lhs!, skip, !ifTrue);
        genBranch(g, n.rhs!, label, ifTrue);
        g.label(skip);
      }
      return;
    }
    case 'eq': case 'ne': case 'lt': case 'le': {
      const lt = n.lhs!.ty!;
      if (is64(lt)) break;
      const unsigned = lt.unsigned || lt.kind === 'ptr';
      const a = genExpr(g, n.lhs!).lo;
      const b = n.rhs!.kind === 'num' && n.rhs!.val === 0n ? ZERO : genExpr(g, n.rhs!).lo;
      const ra = g.reg(a);
      const rb = g.reg(b);
      g.release(a);
      g.release(b);
      const inverse: Record<string, string> = { eq: 'ne', ne: 'eq', lt: 'ge', le: 'gt' };
      const kind: string = ifTrue ? n.kind : inverse[n.kind];
      const u = unsigned ? 'u' : '';
      switch (kind) {
        case 'eq': g.emit(`beq ${ra}, ${rb}, ${label}`); break;
        case 'ne': g.emit(`bne ${ra}, ${rb}, ${label}`); break;
        case 'lt': g.emit(`blt${u} ${ra}, ${rb}, ${label}`); break;
        case 'ge': g.emit(`bge${u} ${ra}, ${rb}, ${label}`); break;
        case 'le': g.emit(`bge${u} ${rb}, ${ra}, ${label}`); break;
        case 'gt': g.emit(`blt${u} ${rb}, ${ra}, ${label}`); break;
      }
      return;
    }
  }
  const v = truth(g, genExpr(g, n), n.ty!);
  const r = g.reg(v);
  g.release(v);
  g.emit(`${ifTrue ? 'bnez' : 'beqz'} ${r}, ${label}`);
}

function genLogical(g: FnGen, n: Node): Val {
  g.spillAll();
  const f = g.newLabel();
  const end = g.newLabel();
  genBranch(g, n, f, false);
  g.emit('li a0, 1');
  g.emit(`j ${end}`);
  g.label(f);
  g.emit('li a0, 0');
  g.label(end);
  const d = g.alloc();
  g.emit(`mv ${d.reg}, a0`);
  return one(d);
}

function genCond(g: FnGen, n: Node): Val {
  g.spillAll();
  const els = g.newLabel();
  const end = g.newLabel();
  const wide = is64(n.ty!);
  const isVoid = n.ty!.kind === 'void';
  genBranch(g, n.cond!, els, false);
  const arm = (x: Node): void => {
    if (isVoid) {
      genDiscard(g, x);
      return;
    }
    const v = genExpr(g, x);
    g.emit(`mv a0, ${g.reg(v.lo)}`);
    if (wide) g.emit(`mv a1, ${g.reg(v.hi!)}`);
    g.releaseVal(v);
  };
  arm(n.then!);
  g.emit(`j ${end}`);
  g.label(els);
  arm(n.els!);
  g.label(end);
  if (isVoid) return one(ZERO);
  const lo = g.alloc();
  g.emit(`mv ${lo.reg}, a0`);
  if (!wide) return one(lo);
  const hi = g.alloc();
  g.emit(`mv ${hi.reg}, a1`);
  return { lo, hi };
}

function genStmtExpr(g: FnGen, n: Node): Val {
  g.spillAll();
  const body = n.body!;
  for (let i = 0; i < body.length - 1; i++) genStmt(g, body[i], true);
  const last = body[body.length - 1];
  if (!last) return one(ZERO);
  if (last.kind !== 'expr_stmt' || n.ty!.kind === 'void') {
    genStmt(g, last, true);
    return one(ZERO);
  }
  return genExpr(g, last.lhs!);
}

// ---- assignment ----

function genAssign(g: FnGen, n: Node): Val {
  const t = n.ty!;
  if (isRecord(t)) {
    const src = genLval(g, n.rhs!);
    const dst = genLval(g, n.lhs!);
    const dstTemp = addrToTemp(g, dst);
    const keep = g.owned(dstTemp);
    const copyDst = g.alloc();
    g.emit(`mv ${copyDst.reg}, ${g.reg(keep)}`);
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
    if (r !== a.obj.reg) g.emit(`mv ${a.obj.reg}, ${r}`);
    return v;
  }
  storeVal(g, a, v, t);
  releaseAddr(g, a);
  return v;
}

/** `lhs op= rhs` (also ++x/--x): one address computation, value converted through opType. */
function genOpAssign(g: FnGen, n: Node): Val {
  const t = n.ty!;
  const opT = n.opType!;
  const a = genLval(g, n.lhs!);
  const isBit = n.lhs!.kind === 'member' && n.lhs!.member!.isBitfield;
  let old: Val;
  if (a.kind === 'regvar') old = { lo: { reg: a.obj.reg!, slot: 0, owned: false }, hi: null };
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
    if (r !== a.obj.reg) g.emit(`mv ${a.obj.reg}, ${r}`);
    return fin;
  }
  storeVal(g, a, fin, t);
  releaseAddr(g, a);
  return fin;
}

/** `cur op rhs` where cur is already evaluated (in type t). */
function applyOp(g: FnGen, kind: string, a: Val, rhs: Node, t: Type): Val {
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
    g.emit(`${op} ${d.reg}, ${r}, ${v}`);
    return one(d);
  }
  const b = genExpr(g, rhs).lo;
  const ra = g.reg(a.lo);
  const rb = g.reg(b);
  const d = g.dest(a.lo, b);
  const ops = RTYPE[kind];
  g.emit(`${t.unsigned || t.kind === 'ptr' ? ops[1] : ops[0]} ${d.reg}, ${ra}, ${rb}`);
  return one(d);
}

/** Postfix ++/--: stores old+step, returns the old value (unless discarded). */
function genPostinc(g: FnGen, n: Node, discard: boolean): Val | null {
  const t = n.ty!;
  const a = genLval(g, n.lhs!);
  const step = n.val!;
  if (n.lhs!.kind === 'member' && n.lhs!.member!.isBitfield) {
    const old = loadBitfield(g, a, n.lhs!.member!);
    const copy = g.alloc();
    g.emit(`addi ${copy.reg}, ${g.reg(old.lo)}, ${Number(step)}`);
    g.releaseVal(storeBitfield(g, a, n.lhs!.member!, { lo: copy, hi: null }));
    releaseAddr(g, a);
    if (discard) {
      g.releaseVal(old);
      return null;
    }
    return old;
  }
  if (a.kind === 'regvar') {
    const r = a.obj.reg!;
    let old: Val | null = null;
    if (!discard) {
      const d = g.alloc();
      g.emit(`mv ${d.reg}, ${r}`);
      old = one(d);
    }
    if (t.kind === 'bool') g.emit(step > 0n ? `li ${r}, 1` : `seqz ${r}, ${r}`);
    else {
      g.emit(`addi ${r}, ${r}, ${Number(step)}`);
      if (t.kind !== 'ptr' && sizeOf(t) < 4) castInPlace(g, r, t);
    }
    return old;
  }
  const old = loadVal(g, a, t);
  let nv: Val;
  if (is64(t)) {
    const lo = g.alloc();
    const hi = g.alloc();
    g.emit(`addi ${lo.reg}, ${g.reg(old.lo)}, ${Number(step)}`);
    g.emit(`sltu a0, ${lo.reg}, ${g.reg(old.lo)}`);
    if (step > 0n) g.emit(`add ${hi.reg}, ${g.reg(old.hi!)}, a0`);
    else {
      g.emit(`xori a0, a0, 1`);
      g.emit(`sub ${hi.reg}, ${g.reg(old.hi!)}, a0`);
    }
    nv = { lo, hi };
  } else if (t.kind === 'bool') {
    const d = g.alloc();
    if (step > 0n) g.emit(`li ${d.reg}, 1`);
    else g.emit(`seqz ${d.reg}, ${g.reg(old.lo)}`);
    nv = one(d);
  } else {
    const d = g.alloc();
    g.emit(`addi ${d.reg}, ${g.reg(old.lo)}, ${Number(step)}`);
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
  if (size === 1 && t.unsigned) g.emit(`andi ${r}, ${r}, 255`);
  else {
    const sh = 32 - size * 8;
    g.emit(`slli ${r}, ${r}, ${sh}`);
    g.emit(`${t.unsigned ? 'srli' : 'srai'} ${r}, ${r}, ${sh}`);
  }
}

export { ty };
