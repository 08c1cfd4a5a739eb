// Typed node construction: every helper checks its operands (with gcc's messages) and inserts the
// implicit conversions C11 requires (promotions, usual arithmetic conversions, pointer scaling).
import type { Node, NodeKind } from './ast.js';
import { CompileError } from '../diagnostics.js';
import { tryEval, wrap } from './fold.js';
import { evalFloat, formatOf, intToBits } from './fold-float.js';
import { convertBits } from './float-literal.js';
import type { Token } from './tokenize.js';
import { sizeNode } from './vla.js';
import {
  Member, Type, commonType, isArith, isCompatible, isComplete, isFloat, isInteger, isPointerLike, isRecord, isScalar,
  pointerTo, promote, sizeOf, ty, typeName,
} from './types.js';

/** A floating constant of type t (a float, double or long double) with IEEE bits in t's format. */
export function newFNum(bits: bigint, tok: Token, t: Type): Node {
  return { kind: 'fnum', tok, ty: t, fbits: bits };
}

function intOrNull(n: Node): bigint | null {
  const c = tryEval(n);
  return c && c.label === null ? c.val : null;
}

export function newNum(val: bigint, tok: Token, t: Type = ty.int): Node {
  return { kind: 'num', tok, ty: t, val: wrap(val, t) };
}

/** Array and function types decay to pointers in value contexts. */
export function decayed(t: Type): Type {
  if (t.kind === 'array') return pointerTo(t.base!);
  if (t.kind === 'func') return pointerTo(t);
  return t;
}

export function newCast(n: Node, t: Type, tok: Token = n.tok): Node {
  if (n.ty === t) return n;
  if (isFloat(t) && n.kind === 'num' && isInteger(n.ty!)) return newFNum(intToBits(n.val!, formatOf(t)), n.tok, t);
  if (isFloat(t) && n.kind === 'fnum') return newFNum(convertBits(n.fbits!, formatOf(n.ty!), formatOf(t)), n.tok, t);
  if (n.kind === 'num' && (isInteger(t) || t.kind === 'ptr') && (isInteger(n.ty!) || n.ty!.kind === 'ptr')) {
    return { kind: 'num', tok: n.tok, ty: t, val: wrap(n.val!, t) };
  }
  return { kind: 'cast', tok, ty: t, lhs: n };
}

/** Explicit cast: scalar to scalar or anything to void. */
export function explicitCast(n: Node, t: Type, tok: Token): Node {
  if (t.kind === 'void') return { kind: 'cast', tok, ty: t, lhs: n };
  const from = n.ty!;
  if (isRecord(t)) {
    if (isRecord(from) && from.record === t.record) return n;
    throw new CompileError('conversion to non-scalar type requested', tok);
  }
  if (!isScalar(t)) throw new CompileError(`cast specifies ${t.kind === 'array' ? 'array' : 'function'} type`, tok);
  if (!isScalar(decayed(from))) {
    if (from.kind === 'void') throw new CompileError('void value not ignored as it ought to be', n.tok);
    throw new CompileError(`used ${isRecord(from) ? 'struct' : 'non-scalar'} type value where scalar is required`, tok);
  }
  if (t.kind === 'ptr' && isFloat(from)) throw new CompileError('cannot convert to a pointer type', tok);
  if (isFloat(t) && decayed(from).kind === 'ptr') throw new CompileError('pointer value used where a floating-point was expected', tok);
  return newCast(n, t, tok);
}

function checkValue(n: Node): void {
  if (n.ty!.kind === 'void') throw new CompileError('void value not ignored as it ought to be', n.tok);
}

function invalidOperands(op: string, a: Node, b: Node, tok: Token): CompileError {
  return new CompileError(`invalid operands to binary ${op} (have '${typeName(a.ty!)}' and '${typeName(b.ty!)}')`, tok);
}

/** Converts both operands to their common type (C11 6.3.1.8) and builds the node. */
export function arith(kind: NodeKind, op: string, a: Node, b: Node, tok: Token): Node {
  checkValue(a);
  checkValue(b);
  const floating = isFloat(a.ty!) || isFloat(b.ty!);
  if (floating && (kind === 'add' || kind === 'sub' || kind === 'mul' || kind === 'div') && isArith(a.ty!) && isArith(b.ty!)) {
    const t = commonType(a.ty!, b.ty!);
    return { kind, tok, ty: t, lhs: newCast(a, t), rhs: newCast(b, t) };
  }
  if (!isInteger(a.ty!) || !isInteger(b.ty!)) throw invalidOperands(op, a, b, tok);
  if (kind === 'shl' || kind === 'shr') {
    const t = promote(a.ty!);
    // the count's type does not affect the result: narrow a 64-bit count (counts >= 64 are undefined)
    const countType = b.ty!.kind === 'llong' ? ty.int : promote(b.ty!);
    return { kind, tok, ty: t, lhs: newCast(a, t), rhs: newCast(b, countType) };
  }
  const t = commonType(a.ty!, b.ty!);
  return { kind, tok, ty: t, lhs: newCast(a, t), rhs: newCast(b, t) };
}

function scaleIndex(idx: Node, elem: Type, tok: Token): Node {
  if (!isComplete(elem) && elem.kind !== 'void' && elem.kind !== 'func') {
    throw new CompileError(`invalid use of undefined type '${typeName(elem)}'`, tok);
  }
  const size = elem.kind === 'void' || elem.kind === 'func' ? 1 : sizeOf(elem);
  const i = newCast(idx, idx.ty!.unsigned && idx.ty!.size === 4 ? ty.uint : ty.int);
  if (elem.vlaSize) return { kind: 'mul', tok, ty: i.ty, lhs: i, rhs: newCast(sizeNode(elem, tok), i.ty!) };
  if (size === 1) return i;
  return { kind: 'mul', tok, ty: i.ty, lhs: i, rhs: newNum(BigInt(size), tok, i.ty) };
}

/** `a + b` with pointer arithmetic. */
export function newAdd(a: Node, b: Node, tok: Token): Node {
  checkValue(a);
  checkValue(b);
  const ta = decayed(a.ty!);
  const tb = decayed(b.ty!);
  if (isArith(ta) && isArith(tb)) return arith('add', '+', a, b, tok);
  if (ta.kind === 'ptr' && tb.kind === 'ptr') throw invalidOperands('+', a, b, tok);
  if (ta.kind !== 'ptr') {
    if (tb.kind === 'ptr' && isInteger(ta)) return newAdd(b, a, tok);
    throw invalidOperands('+', a, b, tok);
  }
  if (!isInteger(tb)) throw invalidOperands('+', a, b, tok);
  return { kind: 'add', tok, ty: ta, lhs: newCast(a, ta), rhs: scaleIndex(b, ta.base!, tok) };
}

/** `a - b`: integers, pointer - integer, or pointer - pointer (a ptrdiff_t count of elements). */
export function newSub(a: Node, b: Node, tok: Token): Node {
  checkValue(a);
  checkValue(b);
  const ta = decayed(a.ty!);
  const tb = decayed(b.ty!);
  if (isArith(ta) && isArith(tb)) return arith('sub', '-', a, b, tok);
  if (ta.kind === 'ptr' && isInteger(tb)) {
    return { kind: 'sub', tok, ty: ta, lhs: newCast(a, ta), rhs: scaleIndex(b, ta.base!, tok) };
  }
  if (ta.kind === 'ptr' && tb.kind === 'ptr') {
    if (!isCompatible(unqual(ta.base!), unqual(tb.base!)) && ta.base!.kind !== 'void' && tb.base!.kind !== 'void') {
      throw invalidOperands('-', a, b, tok);
    }
    const diff: Node = { kind: 'sub', tok, ty: ty.int, lhs: newCast(a, ty.int), rhs: newCast(b, ty.int) };
    const size = ta.base!.kind === 'void' ? 1 : sizeOf(ta.base!);
    if (ta.base!.vlaSize) return { kind: 'div', tok, ty: ty.int, lhs: diff, rhs: newCast(sizeNode(ta.base!, tok), ty.int) };
    if (size === 1) return diff;
    return { kind: 'div', tok, ty: ty.int, lhs: diff, rhs: newNum(BigInt(size), tok) };
  }
  throw invalidOperands('-', a, b, tok);
}

function unqual(t: Type): Type {
  return t.origin && (t.isConst || t.isVolatile) ? t.origin : t;
}

function isNullConst(n: Node): boolean {
  let x = n;
  while (x.kind === 'cast' && (isInteger(x.ty!) || (x.ty!.kind === 'ptr' && x.ty!.base!.kind === 'void'))) x = x.lhs!;
  return x.kind === 'num' && x.val === 0n;
}

/** Relational/equality operators; `>`/`>=` are built by swapping operands of lt/le. */
export function compare(kind: NodeKind, op: string, a: Node, b: Node, tok: Token): Node {
  checkValue(a);
  checkValue(b);
  const ta = decayed(a.ty!);
  const tb = decayed(b.ty!);
  if (isArith(ta) && isArith(tb)) {
    const t = commonType(ta, tb);
    return { kind, tok, ty: ty.int, lhs: newCast(a, t), rhs: newCast(b, t) };
  }
  if (ta.kind === 'ptr' || tb.kind === 'ptr') {
    if ((ta.kind === 'ptr' && (tb.kind === 'ptr' || isNullConst(b) || isInteger(tb))) || (tb.kind === 'ptr' && (isNullConst(a) || isInteger(ta)))) {
      return { kind, tok, ty: ty.int, lhs: newCast(a, ty.uint), rhs: newCast(b, ty.uint) };
    }
  }
  throw invalidOperands(op, a, b, tok);
}

/** Converts a scalar to a truth value test: usable as the condition of if/while/?:/&&/||/!. */
export function checkCondition(n: Node): Node {
  const t = decayed(n.ty!);
  if (!isScalar(t)) {
    if (t.kind === 'void') throw new CompileError('void value not ignored as it ought to be', n.tok);
    throw new CompileError(`used ${t.kind === 'union' ? 'union' : 'struct'} type value where scalar is required`, n.tok);
  }
  // a long double truth value is an explicit comparison (a helper call, __netf2, like every binary128 operation)
  if (t.kind === 'ldouble') return compare('ne', '!=', n, newFNum(0n, n.tok, ty.ldouble), n.tok);
  return n;
}

export function isLvalue(n: Node): boolean {
  switch (n.kind) {
    case 'var': return n.ty!.kind !== 'func';
    case 'deref': return true;
    case 'member': return isLvalue(n.lhs!) || n.lhs!.kind === 'call' || n.lhs!.kind === 'stmtexpr' || n.lhs!.kind === 'cond' || n.lhs!.kind === 'assign' || n.lhs!.kind === 'comma';
    case 'str': return true;
  }
  return false;
}

/** Checks that `n` may be assigned (lvalue, not an array, not const). */
export function checkModifiable(n: Node, tok: Token, what: string): void {
  if (!isLvalue(n) || n.kind === 'str') throw new CompileError(`lvalue required as ${what}`, tok);
  if (n.ty!.kind === 'array') throw new CompileError(`assignment to expression with array type`, tok);
  if (n.ty!.isConst) {
    if (n.kind === 'var') throw new CompileError(`assignment of read-only variable '${n.obj!.name}'`, tok);
    if (n.kind === 'member') throw new CompileError(`assignment of read-only member '${n.member!.name}'`, tok);
    throw new CompileError('assignment of read-only location', tok);
  }
  if (n.kind === 'member' && memberOfConst(n)) {
    throw new CompileError(`assignment of read-only member '${n.member!.name}'`, tok);
  }
}

function memberOfConst(n: Node): boolean {
  // members of a const struct object are read-only
  let x: Node | undefined = n.lhs;
  while (x && x.kind === 'member') x = x.lhs;
  return !!x && x.kind === 'var' && !!x.obj!.ty.isConst;
}

/**
 * Converts `n` for assignment to type `t` (C11 6.5.16.1): integers and pointers convert (with gcc's
 * warnings for int<->pointer and incompatible pointers); structs must be the same type.
 */
export function convertForAssign(n: Node, t: Type, tok: Token, context: string, warn: (m: string, t: Token) => void): Node {
  const from = decayed(n.ty!);
  checkValue(n);
  if (isRecord(t) || isRecord(from)) {
    if (isRecord(t) && isRecord(from) && t.record === from.record) return n;
    throw new CompileError(`incompatible types when ${context} type '${typeName(t)}' from type '${typeName(from)}'`, tok);
  }
  if (t.kind === 'ptr') {
    if (from.kind === 'ptr') {
      const a = t.base!;
      const b = from.base!;
      if (a.kind !== 'void' && b.kind !== 'void' && !isCompatible(unqual(a), unqual(b))) {
        warn(`incompatible pointer types ${context} '${typeName(t)}' from '${typeName(from)}'`, tok);
      }
      return newCast(n, t);
    }
    if (isInteger(from)) {
      if (!isNullConst(n)) warn(`${context.replace(/ to$| from$/, '')} makes pointer from integer without a cast`, tok);
      return newCast(n, t);
    }
  }
  if (isArith(t) && isArith(from)) return newCast(n, t);
  if (isFloat(t) || isFloat(from)) {
    throw new CompileError(`incompatible types when ${context} type '${typeName(t)}' from type '${typeName(from)}'`, tok);
  }
  if (isInteger(t)) {
    if (from.kind === 'ptr') {
      if (t.kind !== 'bool') warn(`${context.replace(/ to$| from$/, '')} makes integer from pointer without a cast`, tok);
      return newCast(n, t);
    }
    if (isInteger(from)) return newCast(n, t);
  }
  throw new CompileError(`incompatible types when ${context} type '${typeName(t)}' from type '${typeName(from)}'`, tok);
}

/** Looks a member up by name, descending into anonymous struct/union members; returns the access path. */
export function findMember(t: Type, name: string): Member[] | null {
  for (const m of t.record!.members) {
    if (m.name === name) return [m];
    if (m.name === null && m.type.record) {
      const sub = findMember(m.type, name);
      if (sub) return [m, ...sub];
    }
  }
  return null;
}

/** `x.name` */
export function newMember(n: Node, name: Token): Node {
  const t = n.ty!;
  if (!isRecord(t)) {
    throw new CompileError(`request for member '${name.text}' in something not a structure or union`, name);
  }
  if (!t.record!.complete) throw new CompileError(`invalid use of undefined type '${typeName(t)}'`, name);
  const path = findMember(t, name.text);
  if (!path) throw new CompileError(`'${typeName(t)}' has no member named '${name.text}'`, name);
  let cur = n;
  for (const m of path) {
    let mt = m.type;
    // gcc: a long long bit-field no wider than int reads as int (unsigned int for an unsigned one of 32 bits)
    if (m.isBitfield && mt.kind === 'llong' && m.bitWidth <= 32) mt = mt.unsigned && m.bitWidth === 32 ? ty.uint : ty.int;
    if (t.isConst && !mt.isConst && !mt.record) mt = { ...mt, isConst: true, origin: mt.origin ?? mt };
    cur = { kind: 'member', tok: name, ty: mt, lhs: cur, member: m };
  }
  return cur;
}

/** `*n` */
export function newDeref(n: Node, tok: Token): Node {
  checkValue(n);
  const t = decayed(n.ty!);
  if (t.kind !== 'ptr') throw new CompileError(`invalid type argument of unary '*' (have '${typeName(n.ty!)}')`, tok);
  if (t.base!.kind === 'void') {
    return { kind: 'deref', tok, ty: ty.void, lhs: newCast(n, t) };
  }
  return { kind: 'deref', tok, ty: t.base!, lhs: newCast(n, t) };
}

export { isPointerLike, isInteger, isScalar, isRecord, pointerTo, promote };

/** The value of a floating constant expression as bits in its type's format, or null. */
export function floatConst(n: Node): bigint | null {
  return evalFloat(n, intOrNull);
}
