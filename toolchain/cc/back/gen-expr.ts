// Expression code generation: each node evaluates into temporaries (Val); 64-bit values use register pairs.
// Aggregates (arrays, structs, functions) evaluate to their address.
import { genAtomic, genAtomicObjectLoad } from './gen-atomic.js';
import type { Node } from '../front/ast.js';
import { CompileError } from '../diagnostics.js';
import { genBinary, genCompare } from './gen-arith.js';
import { genAssign, genOpAssign, genPostinc } from './gen-assign.js';
import { genCall, genVaArg, genVaStart } from './gen-call.js';
import { addrToTemp, genLval, loadAndRelease, loadBitfield, releaseAddr, varAddr, zeroFill } from './gen-lval.js';
import { FnGen, Temp, Val } from './gen-state.js';
import { genStmt } from './gen-stmt.js';
import { genLdBinary, genLdCast, genLdCompare, genLdNeg } from './gen-ldouble.js';
import { castFloat, genFIntrinsic, genFBinary, genFCompare, genFConst, genFNeg, floatTruth } from './gen-float.js';
import { Type, is64, isFloat, isRecord, sizeOf, ty } from '../front/types.js';

const ZERO: Temp = { reg: 'zero', slot: 0, owned: false, fp: false };

function one(t: Temp): Val {
  return { lo: t, hi: null };
}

/** Types whose rvalue is their address: arrays, functions, structs, unions, and long double (a 16-byte
 * object handled in memory and passed by reference). */
export function isAggregate(t: Type): boolean {
  return t.kind === 'array' || t.kind === 'func' || isRecord(t) || t.kind === 'ldouble';
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
    case 'fnum':
      if (t.kind === 'ldouble') return one(addrToTemp(g, { kind: 'global', sym: g.unit.floatConstant(n.fbits!, 16), off: 0 }));
      return genFConst(g, n);
    case 'var':
      if (isAggregate(t)) return one(addrToTemp(g, varAddr(n.obj!)));
      if (t.isAtomic) return genAtomicObjectLoad(g, varAddr(n.obj!), t);
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
      if (t.isAtomic) return genAtomicObjectLoad(g, a, t);
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
      g.insn(`\tseqz ${d.reg}, ${r}`);
      return one(d);
    }
    case 'add': case 'sub': case 'mul': case 'div': case 'mod':
    case 'bitand': case 'bitor': case 'bitxor': case 'shl': case 'shr':
      if (t.kind === 'ldouble') return genLdBinary(g, n);
      if (isFloat(t)) return genFBinary(g, n.kind, n.lhs!, n.rhs!, t, n);
      return genBinary(g, n.kind, n.lhs!, n.rhs!, t);
    case 'eq': case 'ne': case 'lt': case 'le':
      if (n.lhs!.ty!.kind === 'ldouble') return one(genLdCompare(g, n));
      if (isFloat(n.lhs!.ty!)) return one(genFCompare(g, n));
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
    case 'fintrinsic':
      return genFIntrinsic(g, n);
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
    case 'alloca': return genAlloca(g, n);
    case 'stack_save': {
      const d = g.alloc();
      g.insn(`\tmv ${d.reg}, sp`);
      return one(d);
    }
    case 'stack_restore': {
      const v = genExpr(g, n.lhs!);
      g.insn(`\tmv sp, ${g.reg(v.lo)}`);
      g.releaseVal(v);
      return one(ZERO);
    }
    case 'atomic':
      return genAtomic(g, n);
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
  g.insn(`\t${op} ${d.reg}, ${r}`);
  return d;
}

/** A 32-bit temp that is non-zero iff the value is true. */
export function truth(g: FnGen, v: Val, t: Type): Temp {
  if (isFloat(t)) return floatTruth(g, v.lo, t);
  if (!is64(t)) return v.lo;
  const a = g.reg(v.lo);
  const b = g.reg(v.hi!);
  const d = g.dest(v.lo, v.hi);
  g.insn(`\tor ${d.reg}, ${a}, ${b}`);
  return d;
}

function genNeg(g: FnGen, n: Node): Val {
  if (n.ty!.kind === 'ldouble') return genLdNeg(g, n);
  if (isFloat(n.ty!)) return genFNeg(g, n);
  const v = genExpr(g, n.lhs!);
  if (!v.hi) return one(unaryOp(g, 'neg', v.lo));
  const lo = g.reg(v.lo);
  const hi = g.reg(v.hi);
  g.insn(`\tsnez a0, ${lo}`);
  const dl = g.dest(v.lo);
  g.insn(`\tneg ${dl.reg}, ${lo}`);
  const dh = g.dest(v.hi);
  g.insn(`\tneg ${dh.reg}, ${hi}`);
  g.insn(`\tsub ${dh.reg}, ${dh.reg}, a0`);
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
  if (from.kind === 'ldouble' || to.kind === 'ldouble') return genLdCast(g, n);
  const v = genExpr(g, n.lhs!);
  if (isFloat(from) || isFloat(to)) return castFloat(g, v, from, to, n);
  return castVal(g, v, from, to);
}

/** Converts a value between scalar types, keeping narrow values in canonical (extended) form. */
export function castVal(g: FnGen, v: Val, from: Type, to: Type): Val {
  if (isFloat(from) || isFloat(to)) return castFloat(g, v, from, to, null);
  if (isAggregate(from) || isRecord(to)) return v;
  if (to.kind === 'bool') {
    const tv = truth(g, v, from);
    const r = g.reg(tv);
    const d = g.dest(tv);
    g.insn(`\tsnez ${d.reg}, ${r}`);
    return one(d);
  }
  const fromSize = from.kind === 'ptr' ? 4 : sizeOf(from);
  const toSize = to.kind === 'ptr' ? 4 : sizeOf(to);
  if (is64(to)) {
    if (is64(from)) return v;
    if (from.unsigned || from.kind === 'ptr') return { lo: v.lo, hi: ZERO };
    const r = g.reg(v.lo);
    const hi = g.alloc();
    g.insn(`\tsrai ${hi.reg}, ${r}, 31`);
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
  if (toSize === 1 && to.unsigned) g.insn(`\tandi ${d.reg}, ${r}, 255`);
  else {
    const sh = 32 - toSize * 8;
    g.insn(`\tslli ${d.reg}, ${r}, ${sh}`);
    g.insn(`\t${to.unsigned ? 'srli' : 'srai'} ${d.reg}, ${d.reg}, ${sh}`);
  }
  return one(lo);
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
      if (truthy === ifTrue) g.insn(`\tj ${label}`);
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
      if (is64(lt) || isFloat(lt)) break; // (a floating `<` is not the negation of `>=`: NaN)
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
        case 'eq': g.insn(`\tbeq ${ra}, ${rb}, ${label}`); break;
        case 'ne': g.insn(`\tbne ${ra}, ${rb}, ${label}`); break;
        case 'lt': g.insn(`\tblt${u} ${ra}, ${rb}, ${label}`); break;
        case 'ge': g.insn(`\tbge${u} ${ra}, ${rb}, ${label}`); break;
        case 'le': g.insn(`\tbge${u} ${rb}, ${ra}, ${label}`); break;
        case 'gt': g.insn(`\tblt${u} ${rb}, ${ra}, ${label}`); break;
      }
      return;
    }
  }
  const v = truth(g, genExpr(g, n), n.ty!);
  const r = g.reg(v);
  g.release(v);
  g.insn(`\t${ifTrue ? 'bnez' : 'beqz'} ${r}, ${label}`);
}

function genLogical(g: FnGen, n: Node): Val {
  g.spillAll();
  const f = g.newLabel();
  const end = g.newLabel();
  genBranch(g, n, f, false);
  g.insn('\tli a0, 1');
  g.insn(`\tj ${end}`);
  g.label(f);
  g.insn('\tli a0, 0');
  g.label(end);
  const d = g.alloc();
  g.insn(`\tmv ${d.reg}, a0`);
  return one(d);
}

function genCond(g: FnGen, n: Node): Val {
  g.spillAll();
  const els = g.newLabel();
  const end = g.newLabel();
  const wide = is64(n.ty!);
  const fp = n.ty!.kind === 'float' || n.ty!.kind === 'double';
  const isVoid = n.ty!.kind === 'void';
  genBranch(g, n.cond!, els, false);
  const arm = (x: Node): void => {
    if (isVoid) {
      genDiscard(g, x);
      return;
    }
    const v = genExpr(g, x);
    if (fp) {
      g.insn(`\tfmv.d fa0, ${g.reg(v.lo)}`);
      g.releaseVal(v);
      return;
    }
    g.insn(`\tmv a0, ${g.reg(v.lo)}`);
    if (wide) g.insn(`\tmv a1, ${g.reg(v.hi!)}`);
    g.releaseVal(v);
  };
  arm(n.then!);
  g.insn(`\tj ${end}`);
  g.label(els);
  arm(n.els!);
  g.label(end);
  if (isVoid) return one(ZERO);
  if (fp) {
    const f = g.allocF();
    g.insn(`\tfmv.d ${f.reg}, fa0`);
    return one(f);
  }
  const lo = g.alloc();
  g.insn(`\tmv ${lo.reg}, a0`);
  if (!wide) return one(lo);
  const hi = g.alloc();
  g.insn(`\tmv ${hi.reg}, a1`);
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


/**
 * Space on the stack (alloca, VLAs): sp moves down by the size rounded to 16, and the space starts above
 * the outgoing-argument area at the new sp (its size is known once the function is generated, so the
 * offset is a placeholder gen-func fills in). The function keeps its frame pointer; the epilogue's
 * `addi sp, s0, ...` gives everything back at return.
 */
function genAlloca(g: FnGen, n: Node): Val {
  const v = genExpr(g, n.lhs!);
  const src = g.reg(v.lo);
  const d = g.dest(v.lo);
  const r = g.reg(d);
  g.insn(`\taddi ${r}, ${src}, 15`);
  g.insn(`\tandi ${r}, ${r}, -16`);
  g.insn(`\tsub sp, sp, ${r}`);
  g.usesS0 = true;
  g.allocaLines.push(g.lines.length);
  g.insn(`\taddi ${r}, sp, ${OUTGOING_PLACEHOLDER}`);
  return one(d);
}

/** Stands for the outgoing-argument area's size in the line after an alloca's `sub sp` (see genAlloca). */
export const OUTGOING_PLACEHOLDER = '%outgoing%';
