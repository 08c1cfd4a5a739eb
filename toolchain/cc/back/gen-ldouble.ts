// long double (IEEE binary128) operations: each is a call of libgcc's soft-float helper (__addtf3, __lttf2,
// __extenddftf2, __fixtfsi, ...; the libc provides them), made as an ordinary call node so the psABI rules
// apply unchanged: a long double argument goes by reference to a copy, a long double result through a hidden
// pointer to a 16-byte frame temporary. Negation is inline (a copy with the sign bit flipped), as gcc does.
import type { Node, Obj } from '../front/ast.js';
import { CompileError } from '../diagnostics.js';
import { genCall } from './gen-call.js';
import { castVal, genExpr } from './gen-expr.js';
import { addrToTemp, copyStruct } from './gen-lval.js';
import { FnGen, Temp, Val } from './gen-state.js';
import { Type, funcType, is64, sizeOf, ty } from '../front/types.js';

/** A call node of helper `name` (params, result) with the given argument nodes. */
function helperCall(g: FnGen, name: string, ret: Type, params: Type[], args: Node[], at: Node): Node {
  const ft = funcType(ret);
  ft.params = params;
  const fn: Obj = { name, ty: ft, tok: at.tok, isLocal: false, isFunction: true, isDefinition: false, isStatic: false, align: 1 };
  const call: Node = { kind: 'call', tok: at.tok, ty: ret, lhs: { kind: 'var', tok: at.tok, ty: ft, obj: fn }, args, funcType: ft };
  if (ret.kind === 'ldouble') {
    call.tmp = {
      name: '.ldtmp', ty: ty.ldouble, tok: at.tok, isLocal: true, isFunction: false, isDefinition: true, isStatic: false,
      align: 16, offset: g.allocSlot(16, 16),
    };
  }
  return call;
}

function castNode(n: Node, t: Type): Node {
  return n.ty === t ? n : { kind: 'cast', tok: n.tok, ty: t, lhs: n };
}

const ARITH: Record<string, string> = { add: '__addtf3', sub: '__subtf3', mul: '__multf3', div: '__divtf3' };

/** `lhs op rhs` in long double: the address of the result temporary. */
export function genLdBinary(g: FnGen, n: Node): Val {
  const name = ARITH[n.kind];
  if (!name) throw new CompileError(`internal compiler error: long double '${n.kind}'`, n.tok);
  return genCall(g, helperCall(g, name, ty.ldouble, [ty.ldouble, ty.ldouble], [n.lhs!, n.rhs!], n));
}

/** A comparison of long doubles: the helper's sign says the answer (unordered: false, except for !=). */
export function genLdCompare(g: FnGen, n: Node): Temp {
  const name = n.kind === 'eq' ? '__eqtf2' : n.kind === 'ne' ? '__netf2' : n.kind === 'lt' ? '__lttf2' : '__letf2';
  const r = genCall(g, helperCall(g, name, ty.int, [ty.ldouble, ty.ldouble], [n.lhs!, n.rhs!], n)).lo;
  const x = g.reg(r);
  const d = g.dest(r);
  switch (n.kind) {
    case 'eq': g.insn(`\tseqz ${d.reg}, ${x}`); break;
    case 'ne': g.insn(`\tsnez ${d.reg}, ${x}`); break;
    case 'lt': g.insn(`\tslti ${d.reg}, ${x}, 0`); break;
    case 'le': g.insn(`\tslti ${d.reg}, ${x}, 1`); break;
  }
  return d;
}

/** `-x`: a copy of x with the sign bit (bit 127) flipped. */
export function genLdNeg(g: FnGen, n: Node): Val {
  const src = genExpr(g, n.lhs!).lo;
  const slot = g.allocSlot(16, 16);
  copyStruct(g, { kind: 'frame', off: slot }, { kind: 'reg', base: src, off: 0 }, ty.ldouble);
  g.loadWord('a0', 's0', slot + 12);
  g.insn('\tli t6, -2147483648');
  g.insn('\txor a0, a0, t6');
  g.storeWord('a0', 's0', slot + 12);
  return { lo: addrToTemp(g, { kind: 'frame', off: slot }), hi: null };
}

/** A conversion to or from long double (the other side any scalar type). */
export function genLdCast(g: FnGen, n: Node): Val {
  const from = n.lhs!.ty!;
  const to = n.ty!;
  if (from.kind === 'ldouble' && to.kind === 'ldouble') return genExpr(g, n.lhs!);
  if (to.kind === 'ldouble') {
    if (from.kind === 'double' || from.kind === 'float') {
      const name = from.kind === 'double' ? '__extenddftf2' : '__extendsftf2';
      return genCall(g, helperCall(g, name, ty.ldouble, [from], [n.lhs!], n));
    }
    if (from.kind === 'ptr') throw new CompileError('pointer value used where a floating-point was expected', n.tok);
    if (is64(from)) {
      const name = from.unsigned ? '__floatunditf' : '__floatditf';
      return genCall(g, helperCall(g, name, ty.ldouble, [from], [n.lhs!], n));
    }
    const unsigned = from.unsigned && sizeOf(from) === 4;
    const arg = castNode(n.lhs!, unsigned ? ty.uint : ty.int);
    return genCall(g, helperCall(g, unsigned ? '__floatunsitf' : '__floatsitf', ty.ldouble, [arg.ty!], [arg], n));
  }
  // from long double
  if (to.kind === 'double' || to.kind === 'float') {
    const name = to.kind === 'double' ? '__trunctfdf2' : '__trunctfsf2';
    return genCall(g, helperCall(g, name, to, [ty.ldouble], [n.lhs!], n));
  }
  if (to.kind === 'bool') {
    const ne: Node = { kind: 'ne', tok: n.tok, ty: ty.int, lhs: n.lhs!, rhs: { kind: 'fnum', tok: n.tok, ty: ty.ldouble, fbits: 0n } };
    return { lo: genLdCompare(g, ne), hi: null };
  }
  if (to.kind === 'ptr') throw new CompileError('cannot convert to a pointer type', n.tok);
  if (is64(to)) {
    const name = to.unsigned ? '__fixunstfdi' : '__fixtfdi';
    return genCall(g, helperCall(g, name, to, [ty.ldouble], [n.lhs!], n));
  }
  const unsigned = to.unsigned && sizeOf(to) === 4;
  const via = unsigned ? ty.uint : ty.int;
  const v = genCall(g, helperCall(g, unsigned ? '__fixunstfsi' : '__fixtfsi', via, [ty.ldouble], [n.lhs!], n));
  return castVal(g, v, via, to);
}
