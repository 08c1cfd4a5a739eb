// Constant evaluation over the AST: integer constant expressions (array sizes, case labels, enums, #if is
// separate) and address constants (`&x + 4`, "str") for static initializers; also the -O1 folder.
import type { Node } from './ast.js';
import { CompileError } from './diagnostics.js';
import type { Parser } from './parse-state.js';
import { Type, is64, sizeOf } from './types.js';

/** A constant: an integer, or an address `label + val` when label is set. */
export interface ConstVal {
  val: bigint;
  label: string | null;
}

/** Truncates `v` to the width and signedness of `t`. */
export function wrap(v: bigint, t: Type): bigint {
  if (t.kind === 'bool') return v !== 0n ? 1n : 0n;
  const bits = t.kind === 'ptr' || t.kind === 'array' || t.kind === 'func' ? 32 : sizeOf(t) * 8;
  if (bits > 64 || bits === 0) return v;
  return t.unsigned || t.kind === 'ptr' ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

/** Evaluates an integer constant expression or throws "expression is not an integer constant". */
export function constExpr(p: Parser, n: Node): bigint {
  const c = tryEval(n);
  if (!c || c.label !== null) throw p.error('expression is not an integer constant', n.tok);
  return c.val;
}

class NotConst extends Error {}
const NOT_CONST = new NotConst();

/** Evaluates `n` as a constant, or returns null. Division by zero throws a CompileError. */
export function tryEval(n: Node): ConstVal | null {
  try {
    return ev(n);
  } catch (e) {
    if (e instanceof NotConst) return null;
    throw e;
  }
}

function int(n: Node): bigint {
  const c = ev(n);
  if (c.label !== null) throw NOT_CONST;
  return c.val;
}

function ev(n: Node): ConstVal {
  const t = n.ty!;
  switch (n.kind) {
    case 'num':
      return { val: n.val!, label: null };
    case 'add': {
      const a = ev(n.lhs!);
      const b = ev(n.rhs!);
      if (a.label !== null && b.label !== null) throw NOT_CONST;
      return { val: wrap(a.val + b.val, t), label: a.label ?? b.label };
    }
    case 'sub': {
      const a = ev(n.lhs!);
      const b = ev(n.rhs!);
      if (b.label !== null) throw NOT_CONST;
      return { val: a.label ? a.val - b.val : wrap(a.val - b.val, t), label: a.label };
    }
    case 'mul': return num(int(n.lhs!) * int(n.rhs!), t);
    case 'div':
    case 'mod': {
      const a = int(n.lhs!);
      const b = int(n.rhs!);
      if (b === 0n) throw new CompileError('division by zero in constant expression', n.tok);
      return num(n.kind === 'div' ? a / b : a % b, t);
    }
    case 'shl': return num(int(n.lhs!) << (int(n.rhs!) & (is64(t) ? 63n : 31n)), t);
    case 'shr': return num(int(n.lhs!) >> (int(n.rhs!) & (is64(t) ? 63n : 31n)), t);
    case 'bitand': return num(int(n.lhs!) & int(n.rhs!), t);
    case 'bitor': return num(int(n.lhs!) | int(n.rhs!), t);
    case 'bitxor': return num(int(n.lhs!) ^ int(n.rhs!), t);
    case 'eq': return num(int(n.lhs!) === int(n.rhs!) ? 1n : 0n, t);
    case 'ne': return num(int(n.lhs!) !== int(n.rhs!) ? 1n : 0n, t);
    case 'lt': return num(int(n.lhs!) < int(n.rhs!) ? 1n : 0n, t);
    case 'le': return num(int(n.lhs!) <= int(n.rhs!) ? 1n : 0n, t);
    case 'neg': return num(-int(n.lhs!), t);
    case 'bitnot': return num(~int(n.lhs!), t);
    case 'not': {
      const a = ev(n.lhs!);
      if (a.label !== null) return num(0n, t);
      return num(a.val === 0n ? 1n : 0n, t);
    }
    case 'logand': {
      if (int(n.lhs!) === 0n) return num(0n, t);
      return num(int(n.rhs!) !== 0n ? 1n : 0n, t);
    }
    case 'logor': {
      if (int(n.lhs!) !== 0n) return num(1n, t);
      return num(int(n.rhs!) !== 0n ? 1n : 0n, t);
    }
    case 'cond': {
      const c = ev(n.cond!);
      const truth = c.label !== null || c.val !== 0n;
      return ev(truth ? n.then! : n.els!);
    }
    case 'comma':
      throw NOT_CONST;
    case 'cast': {
      const a = ev(n.lhs!);
      if (a.label !== null) {
        if (t.kind === 'ptr' || (sizeOf(t) === 4 && t.kind !== 'bool')) return a;
        throw NOT_CONST;
      }
      return num(a.val, t);
    }
    case 'addr':
      return addressOf(n.lhs!);
    case 'var':
      // arrays and functions decay to their address
      if ((t.kind === 'array' || t.kind === 'func') && !n.obj!.isLocal) return { val: 0n, label: symbolOf(n) };
      if ((t.kind === 'array' || t.kind === 'func') && n.obj!.isStatic) return { val: 0n, label: symbolOf(n) };
      throw NOT_CONST;
    case 'str':
      return { val: 0n, label: `.LC${n.strIndex}` };
    case 'member':
    case 'deref':
      if (t.kind === 'array' || t.kind === 'func') return addressOf(n);
      throw NOT_CONST;
  }
  throw NOT_CONST;
}

function symbolOf(n: Node): string {
  return n.obj!.name;
}

function num(v: bigint, t: Type): ConstVal {
  return { val: wrap(v, t), label: null };
}

function addressOf(n: Node): ConstVal {
  switch (n.kind) {
    case 'var':
      if (n.obj!.isLocal && !n.obj!.isStatic) throw NOT_CONST;
      return { val: 0n, label: symbolOf(n) };
    case 'deref':
      return ev(n.lhs!);
    case 'member': {
      const b = addressOf(n.lhs!);
      return { val: b.val + BigInt(n.member!.offset), label: b.label };
    }
    case 'str':
      return { val: 0n, label: `.LC${n.strIndex}` };
  }
  throw NOT_CONST;
}
