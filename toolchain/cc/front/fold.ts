// Constant evaluation over the AST: integer constant expressions (array sizes, case labels, enums, #if is
// separate) and address constants (`&x + 4`, "str") for static initializers; also the -O1 folder.
import type { Node } from './ast.js';
import { CompileError } from '../diagnostics.js';
import { floatCompare, floatToInt, floatTruth } from './fold-float.js';
import { Type, is64, isFloat, sizeOf } from './types.js';

/** A constant: an integer, or an address `label + val` when label is set. */
export interface ConstVal {
  val: bigint;
  label: string | null;
  /** The label is a weak symbol: its address may be 0, so no truth value is known. */
  weak?: true;
}

/** Truncates `v` to the width and signedness of `t`. */
export function wrap(v: bigint, t: Type): bigint {
  if (t.kind === 'bool') return v !== 0n ? 1n : 0n;
  const bits = t.kind === 'ptr' || t.kind === 'array' || t.kind === 'func' ? 32 : sizeOf(t) * 8;
  if (bits > 64 || bits === 0) return v;
  return t.unsigned || t.kind === 'ptr' ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

/** Evaluates an integer constant expression or throws "expression is not an integer constant". */
export function constExpr(n: Node): bigint {
  const c = tryEval(n);
  if (!c || c.label !== null) throw new CompileError('expression is not an integer constant', n.tok);
  return c.val;
}

/** Evaluates `n` as a constant, or returns null. Division by zero throws a CompileError. */
export function tryEval(n: Node): ConstVal | null {
  return ev(n);
}

function num(v: bigint, t: Type): ConstVal {
  return { val: wrap(v, t), label: null };
}

/** Both operands as plain integers, or null. */
function ints(n: Node): [bigint, bigint] | null {
  const a = ev(n.lhs!);
  if (!a || a.label !== null) return null;
  const b = ev(n.rhs!);
  if (!b || b.label !== null) return null;
  return [a.val, b.val];
}

/** Integer value of a constant integer expression (for the floating folder). */
function intOf(n: Node): bigint | null {
  const c = ev(n);
  return c && c.label === null ? c.val : null;
}

/** Integer-valued expressions over floating constants: comparisons, `!`, `&&`/`||`, casts to integers. */
function evFloatOperands(n: Node): ConstVal | null {
  const t = n.ty!;
  switch (n.kind) {
    case 'eq': case 'ne': case 'lt': case 'le': {
      const v = floatCompare(n.kind, n.lhs!, n.rhs!, intOf);
      return v === null ? null : num(v, t);
    }
    case 'not': {
      const v = floatTruth(n.lhs!, intOf);
      return v === null ? null : num(v === 0n ? 1n : 0n, t);
    }
    case 'cast': {
      if (t.kind === 'bool') {
        const v = floatTruth(n.lhs!, intOf);
        return v === null ? null : num(v, t);
      }
      if (t.kind === 'ptr' || isFloat(t) || t.kind === 'void') return null;
      const v = floatToInt(n.lhs!, sizeOf(t) * 8, t.unsigned, intOf);
      return v === null ? null : num(v, t);
    }
  }
  return null;
}

function ev(n: Node): ConstVal | null {
  const t = n.ty!;
  if (isFloat(t)) return null;
  const k = n.kind;
  if ((k === 'eq' || k === 'ne' || k === 'lt' || k === 'le' || k === 'not' || k === 'cast') && isFloat(n.lhs!.ty!)) {
    return evFloatOperands(n);
  }
  switch (n.kind) {
    case 'num':
      return { val: n.val!, label: null };
    case 'add': {
      const a = ev(n.lhs!);
      if (!a) return null;
      const b = ev(n.rhs!);
      if (!b || (a.label !== null && b.label !== null)) return null;
      return { val: a.label !== null || b.label !== null ? a.val + b.val : wrap(a.val + b.val, t), label: a.label ?? b.label };
    }
    case 'sub': {
      const a = ev(n.lhs!);
      if (!a) return null;
      const b = ev(n.rhs!);
      if (!b || b.label !== null) return null;
      return { val: a.label ? a.val - b.val : wrap(a.val - b.val, t), label: a.label };
    }
    case 'mul': case 'div': case 'mod': case 'shl': case 'shr': case 'bitand': case 'bitor': case 'bitxor':
    case 'eq': case 'ne': case 'lt': case 'le': {
      const v = ints(n);
      if (!v) return null;
      const [a, b] = v;
      switch (n.kind) {
        case 'mul': return num(a * b, t);
        case 'div':
        case 'mod':
          if (b === 0n) throw new CompileError('division by zero in constant expression', n.tok);
          return num(n.kind === 'div' ? a / b : a % b, t);
        case 'shl': return num(a << (b & (is64(t) ? 63n : 31n)), t);
        case 'shr': return num(a >> (b & (is64(t) ? 63n : 31n)), t);
        case 'bitand': return num(a & b, t);
        case 'bitor': return num(a | b, t);
        case 'bitxor': return num(a ^ b, t);
        case 'eq': return num(a === b ? 1n : 0n, t);
        case 'ne': return num(a !== b ? 1n : 0n, t);
        case 'lt': return num(a < b ? 1n : 0n, t);
        default: return num(a <= b ? 1n : 0n, t);
      }
    }
    case 'neg':
    case 'bitnot': {
      const a = ev(n.lhs!);
      if (!a || a.label !== null) return null;
      return num(n.kind === 'neg' ? -a.val : ~a.val, t);
    }
    case 'not': {
      const a = ev(n.lhs!);
      if (!a) return null;
      if (a.label !== null) return a.weak ? null : num(0n, t);
      return num(a.val === 0n ? 1n : 0n, t);
    }
    case 'logand':
    case 'logor': {
      const a = isFloat(n.lhs!.ty!) ? truthConst(n.lhs!) : ev(n.lhs!);
      if (!a || a.label !== null) return null;
      if (n.kind === 'logand' && a.val === 0n) return num(0n, t);
      if (n.kind === 'logor' && a.val !== 0n) return num(1n, t);
      const b = isFloat(n.rhs!.ty!) ? truthConst(n.rhs!) : ev(n.rhs!);
      if (!b || b.label !== null) return null;
      return num(b.val !== 0n ? 1n : 0n, t);
    }
    case 'cond': {
      const c = isFloat(n.cond!.ty!) ? truthConst(n.cond!) : ev(n.cond!);
      if (!c || c.weak) return null;
      const truth = c.label !== null || c.val !== 0n;
      return ev(truth ? n.then! : n.els!);
    }
    case 'cast': {
      const a = ev(n.lhs!);
      if (!a) return null;
      if (a.label !== null) {
        if (t.kind === 'ptr' || (sizeOf(t) === 4 && t.kind !== 'bool')) return a;
        return null;
      }
      if (t.kind === 'void') return null;
      return num(a.val, t);
    }
    case 'addr':
      return addressOf(n.lhs!);
    case 'var':
      // arrays and functions decay to their address
      if ((t.kind === 'array' || t.kind === 'func') && (!n.obj!.isLocal || n.obj!.isStatic)) return symbolAddress(n);
      return null;
    case 'str':
      return { val: 0n, label: `.LC${n.strIndex}` };
    case 'member':
    case 'deref':
      if (t.kind === 'array' || t.kind === 'func') return addressOf(n);
      return null;
  }
  return null;
}

function truthConst(n: Node): ConstVal | null {
  const v = floatTruth(n, intOf);
  return v === null ? null : { val: v, label: null };
}

function symbolOf(n: Node): string {
  return n.obj!.name;
}

function symbolAddress(n: Node): ConstVal {
  return n.obj!.attrs?.weak ? { val: 0n, label: symbolOf(n), weak: true } : { val: 0n, label: symbolOf(n) };
}

function addressOf(n: Node): ConstVal | null {
  switch (n.kind) {
    case 'var':
      if (n.obj!.isLocal && !n.obj!.isStatic) return null;
      return symbolAddress(n);
    case 'deref':
      return ev(n.lhs!);
    case 'member': {
      const b = addressOf(n.lhs!);
      if (!b) return null;
      return { val: b.val + BigInt(n.member!.offset), label: b.label };
    }
    case 'str':
      return { val: 0n, label: `.LC${n.strIndex}` };
  }
  return null;
}
