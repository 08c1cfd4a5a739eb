// GNU builtins computed inline, without a runtime library: alloca, the bit-counting family
// (__builtin_clz/ctz/popcount/parity/ffs/clrsb and their l/ll forms), __builtin_bswap16/32/64, the
// checked arithmetic __builtin_{add,sub,mul}_overflow (generic), their _p forms and the typed
// __builtin_{s,u}{add,sub,mul}{,l,ll}_overflow family, and __builtin_choose_expr.
// Constant arguments fold to constants (so these work in constant expressions, as in gcc); otherwise the
// builtin becomes ordinary arithmetic on hidden temporaries: popcount by the classic bit-slicing sums,
// clz by smearing the top bit right and counting the zeros left, the 64-bit forms from their halves.
import type { Node, Obj } from './ast.js';
import { tryEval, wrap } from './fold.js';
import type { Parser } from './parse-state.js';
import { assign } from './parse-expr.js';
import { newLocalTemp } from './parse.js';
import { arith, compare, convertForAssign, decayed, newCast, newDeref, newNum } from './sema.js';
import type { Token } from './tokenize.js';
import { Type, commonType, isInteger, pointerTo, promote, sizeOf, ty, typeName } from './types.js';

/** Width in bits of each bit-counting builtin's argument, by suffix (long is 32-bit in ilp32). */
const BIT_WIDTH: Record<string, [number, Type]> = { '': [32, ty.uint], l: [32, ty.ulong], ll: [64, ty.ullong] };

const BIT_BUILTIN = /^__builtin_(clz|ctz|popcount|parity|ffs|clrsb)(l|ll)?$/;
const OVERFLOW_TYPED = /^__builtin_([su])(add|sub|mul)(l|ll)?_overflow$/;
const OVERFLOW_GENERIC = /^__builtin_(add|sub|mul)_overflow(_p)?$/;

/**
 * The builtin named by `tok` (already consumed), its arguments parsed; null when the name is not one of
 * these (the caller goes on as for any identifier).
 */
export function gnuBuiltin(p: Parser, tok: Token): Node | null {
  const name = tok.text;
  if (name === '__builtin_alloca' || name === '__builtin_alloca_with_align') {
    const [size] = args(p, name === '__builtin_alloca' ? 1 : 2, tok);
    if (!isInteger(size.ty!)) throw p.error(`incompatible type for argument 1 of '${name}'`, size.tok);
    if (!p.curFn) throw p.error(`'${name}' outside a function`, tok);
    return { kind: 'alloca', tok, ty: pointerTo(ty.void), lhs: newCast(size, ty.uint) };
  }
  if (name === '__builtin_choose_expr') {
    p.expect('(');
    const c = assign(p);
    p.expect(',');
    const a = assign(p);
    p.expect(',');
    const b = assign(p);
    p.expect(')');
    const v = tryEval(c);
    if (!v || v.label !== null) throw p.error("first argument to '__builtin_choose_expr' not a constant", c.tok);
    return v.val !== 0n ? a : b;
  }
  let m = BIT_BUILTIN.exec(name);
  if (m) {
    const [x] = args(p, 1, tok);
    const [bits, argType] = BIT_WIDTH[m[2] ?? ''];
    if (!isInteger(x.ty!)) throw p.error(`incompatible type for argument 1 of '${name}'`, x.tok);
    const arg = newCast(x, m[1] === 'ffs' || m[1] === 'clrsb' ? (bits === 64 ? ty.llong : ty.int) : argType);
    const c = tryEval(arg);
    if (c && c.label === null) return newNum(BigInt(foldBits(m[1], c.val, bits)), tok);
    needFunction(p, tok);
    return bitCount(p, m[1], arg, bits, tok);
  }
  m = /^__builtin_bswap(16|32|64)$/.exec(name);
  if (m) {
    const [x] = args(p, 1, tok);
    if (!isInteger(x.ty!)) throw p.error(`incompatible type for argument 1 of '${name}'`, x.tok);
    const bits = Number(m[1]);
    const t = bits === 16 ? ty.ushort : bits === 32 ? ty.uint : ty.ullong;
    const arg = newCast(x, t);
    const c = tryEval(arg);
    if (c && c.label === null) return newNum(byteSwap(c.val, bits), tok, t);
    needFunction(p, tok);
    return bswap(p, arg, bits, tok);
  }
  m = OVERFLOW_TYPED.exec(name);
  if (m) {
    const t = m[1] === 'u' ? (m[3] === 'll' ? ty.ullong : m[3] === 'l' ? ty.ulong : ty.uint) : (m[3] === 'll' ? ty.llong : m[3] === 'l' ? ty.long : ty.int);
    const [a, b, res] = args(p, 3, tok);
    const warn = (msg: string, at: Token): void => p.warn(msg, at);
    const ca = convertForAssign(a, t, a.tok, `passing argument 1 of '${name}'`, warn);
    const cb = convertForAssign(b, t, b.tok, `passing argument 2 of '${name}'`, warn);
    const cr = convertForAssign(res, pointerTo(t), res.tok, `passing argument 3 of '${name}'`, warn);
    needFunction(p, tok);
    return checkedArith(p, m[2] as Op, ca, cb, t, cr, tok);
  }
  m = OVERFLOW_GENERIC.exec(name);
  if (m) {
    const [a, b, res] = args(p, 3, tok);
    for (const [i, x] of [a, b].entries()) {
      if (!isInteger(x.ty!)) throw p.error(`argument ${i + 1} in call to function '${name}' does not have integral type`, x.tok);
    }
    const op = m[1] as Op;
    if (m[2]) {
      // _p: only the type of the third argument matters; nothing is stored
      const rt = res.ty!;
      if (!isInteger(rt) || rt.kind === 'bool' || rt.kind === 'enum') throw p.error(`argument 3 in call to function '${name}' has ${rt.kind === 'bool' ? 'boolean' : rt.kind === 'enum' ? 'enumerated' : 'non-integer'} type`, res.tok);
      const ca = tryEval(a);
      const cb = tryEval(b);
      if (ca && cb && ca.label === null && cb.label === null) {
        const exact = exactOp(op, wrap(ca.val, promote(a.ty!)), wrap(cb.val, promote(b.ty!)));
        return newNum(wrap(exact, rt) !== exact ? 1n : 0n, tok, ty.bool);
      }
      needFunction(p, tok);
      return checkedArith(p, op, a, b, rt, null, tok);
    }
    const pt = decayed(res.ty!);
    const rt = pt.kind === 'ptr' ? pt.base! : null;
    if (!rt || !isInteger(rt) || rt.kind === 'bool' || rt.kind === 'enum' || rt.isConst) {
      throw p.error(`argument 3 in call to function '${name}' does not have pointer to integral type`, res.tok);
    }
    needFunction(p, tok);
    return checkedArith(p, op, a, b, rt, newCast(res, pt), tok);
  }
  return null;
}

type Op = 'add' | 'sub' | 'mul';

function needFunction(p: Parser, tok: Token): void {
  if (!p.curFn) throw p.error(`'${tok.text}' with non-constant arguments outside a function`, tok);
}

/** "(" assign ("," assign)* ")" with exactly `n` arguments. */
function args(p: Parser, n: number, tok: Token): Node[] {
  p.expect('(');
  const out: Node[] = [];
  if (!p.is(')')) {
    do out.push(assign(p));
    while (p.consume(','));
  }
  const close = p.expect(')');
  if (out.length < n) throw p.error(`too few arguments to function '${tok.text}'`, close);
  if (out.length > n) throw p.error(`too many arguments to function '${tok.text}'`, out[n].tok);
  return out;
}

// ---- constant folding ----

function popcount(v: bigint): number {
  let n = 0;
  for (let x = v; x !== 0n; x >>= 1n) n += Number(x & 1n);
  return n;
}

/** The bit builtin `op` of the constant `v` at width `bits` (clz/ctz of 0 give the width, as our code does). */
function foldBits(op: string, v: bigint, bits: number): number {
  const u = BigInt.asUintN(bits, v);
  switch (op) {
    case 'popcount': return popcount(u);
    case 'parity': return popcount(u) & 1;
    case 'clz': return bits - u.toString(2).replace(/^0+/, '').length;
    case 'ctz': return u === 0n ? bits : popcount((u & -u) - 1n);
    case 'ffs': return u === 0n ? 0 : popcount((u & -u) - 1n) + 1;
    default: { // clrsb
      const s = BigInt.asIntN(bits, v);
      const y = BigInt.asUintN(bits, s < 0n ? ~s : s);
      return bits - y.toString(2).replace(/^0+/, '').length - 1;
    }
  }
}

function byteSwap(v: bigint, bits: number): bigint {
  let r = 0n;
  for (let i = 0; i < bits / 8; i++) r = (r << 8n) | ((v >> BigInt(8 * i)) & 0xffn);
  return r;
}

function exactOp(op: Op, a: bigint, b: bigint): bigint {
  return op === 'add' ? a + b : op === 'sub' ? a - b : a * b;
}

// ---- code: arithmetic on hidden temporaries ----

function num(v: bigint | number, tok: Token, t: Type = ty.uint): Node {
  return newNum(BigInt(v), tok, t);
}

function use(o: Obj, tok: Token): Node {
  return { kind: 'var', tok, ty: o.ty, obj: o };
}

function set(o: Obj, e: Node, tok: Token): Node {
  return { kind: 'assign', tok, ty: o.ty, lhs: use(o, tok), rhs: newCast(e, o.ty) };
}

/** a, b, ..., z: the value and type of the last. */
function seq(tok: Token, ...nodes: Node[]): Node {
  let n = nodes[0];
  for (let i = 1; i < nodes.length; i++) n = { kind: 'comma', tok, ty: nodes[i].ty, lhs: n, rhs: nodes[i] };
  return n;
}

function op2(kind: 'add' | 'sub' | 'mul' | 'div' | 'shl' | 'shr' | 'bitand' | 'bitor' | 'bitxor', a: Node, b: Node, tok: Token): Node {
  return arith(kind, kind, a, b, tok);
}

function cond(c: Node, a: Node, b: Node, tok: Token): Node {
  const t = commonType(a.ty!, b.ty!);
  return { kind: 'cond', tok, ty: t, cond: c, then: newCast(a, t), els: newCast(b, t) };
}

/** A temporary holding `e` (converted to `t`): [its object, the assignment]. */
function hold(p: Parser, e: Node, t: Type, tok: Token): [Obj, Node] {
  const o = newLocalTemp(p, t);
  return [o, set(o, e, tok)];
}

/** popcount of a 32-bit unsigned value: pairs, nibbles, bytes, then the byte sums gathered by a multiply. */
function pop32(p: Parser, x: Node, tok: Token): Node {
  const [t, init] = hold(p, x, ty.uint, tok);
  const v = (): Node => use(t, tok);
  return seq(tok, init,
    set(t, op2('sub', v(), op2('bitand', op2('shr', v(), num(1, tok), tok), num(0x55555555, tok), tok), tok), tok),
    set(t, op2('add', op2('bitand', v(), num(0x33333333, tok), tok), op2('bitand', op2('shr', v(), num(2, tok), tok), num(0x33333333, tok), tok), tok), tok),
    set(t, op2('bitand', op2('add', v(), op2('shr', v(), num(4, tok), tok), tok), num(0x0f0f0f0f, tok), tok), tok),
    newCast(op2('shr', op2('mul', v(), num(0x01010101, tok), tok), num(24, tok), tok), ty.int));
}

/** Leading zeros of a 32-bit value (32 for 0): smear the top set bit right, count the zeros left. */
function clz32(p: Parser, x: Node, tok: Token): Node {
  const [t, init] = hold(p, x, ty.uint, tok);
  const steps = [1, 2, 4, 8, 16].map((s) => set(t, op2('bitor', use(t, tok), op2('shr', use(t, tok), num(s, tok), tok), tok), tok));
  return seq(tok, init, ...steps, pop32(p, { kind: 'bitnot', tok, ty: ty.uint, lhs: use(t, tok) }, tok));
}

/** Trailing zeros of a 32-bit value (32 for 0): the bits below the lowest set one, counted. */
function ctz32(p: Parser, x: Node, tok: Token): Node {
  const [t, init] = hold(p, x, ty.uint, tok);
  const lowest = op2('bitand', use(t, tok), op2('sub', num(0, tok), use(t, tok), tok), tok);
  return seq(tok, init, pop32(p, op2('sub', lowest, num(1, tok), tok), tok));
}

function isZero(x: Node, tok: Token): Node {
  return compare('eq', '==', x, num(0, tok, x.ty!), tok);
}

function bitCount(p: Parser, op: string, x: Node, bits: number, tok: Token): Node {
  if (bits === 32) {
    switch (op) {
      case 'popcount': return pop32(p, x, tok);
      case 'parity': return op2('bitand', pop32(p, x, tok), num(1, tok, ty.int), tok);
      case 'clz': return clz32(p, x, tok);
      case 'ctz': return ctz32(p, x, tok);
      case 'ffs': {
        const [t, init] = hold(p, x, ty.uint, tok);
        return seq(tok, init, cond(isZero(use(t, tok), tok), num(0, tok, ty.int), op2('add', ctz32(p, use(t, tok), tok), num(1, tok, ty.int), tok), tok));
      }
      default: { // clrsb: leading copies of the sign bit, the sign itself excluded
        const [t, init] = hold(p, x, ty.int, tok);
        const folded = op2('bitxor', use(t, tok), op2('shr', use(t, tok), num(31, tok, ty.int), tok), tok);
        return seq(tok, init, op2('sub', clz32(p, folded, tok), num(1, tok, ty.int), tok));
      }
    }
  }
  // 64-bit: from the two halves
  const [w, init] = hold(p, x, op === 'ffs' || op === 'clrsb' ? ty.llong : ty.ullong, tok);
  const lo = (): Node => newCast(use(w, tok), ty.uint);
  const hi = (): Node => newCast(op2('shr', newCast(use(w, tok), ty.ullong), num(32, tok, ty.int), tok), ty.uint);
  const i32 = (v: number): Node => num(v, tok, ty.int);
  let r: Node;
  switch (op) {
    case 'popcount': r = op2('add', pop32(p, lo(), tok), pop32(p, hi(), tok), tok); break;
    case 'parity': r = op2('bitand', pop32(p, op2('bitxor', lo(), hi(), tok), tok), i32(1), tok); break;
    case 'clz': r = cond(isZero(hi(), tok), op2('add', i32(32), clz32(p, lo(), tok), tok), clz32(p, hi(), tok), tok); break;
    case 'ctz': r = cond(isZero(lo(), tok), op2('add', i32(32), ctz32(p, hi(), tok), tok), ctz32(p, lo(), tok), tok); break;
    case 'ffs':
      r = cond(isZero(lo(), tok),
        cond(isZero(hi(), tok), i32(0), op2('add', i32(33), ctz32(p, hi(), tok), tok), tok),
        op2('add', i32(1), ctz32(p, lo(), tok), tok), tok);
      break;
    default: {
      const [y, yInit] = hold(p, op2('bitxor', use(w, tok), op2('shr', use(w, tok), i32(63), tok), tok), ty.ullong, tok);
      const ylo = newCast(use(y, tok), ty.uint);
      const yhi = newCast(op2('shr', use(y, tok), i32(32), tok), ty.uint);
      r = seq(tok, yInit, op2('sub', cond(isZero(yhi, tok), op2('add', i32(32), clz32(p, ylo, tok), tok), clz32(p, newCast(op2('shr', use(y, tok), i32(32), tok), ty.uint), tok), tok), i32(1), tok));
    }
  }
  return seq(tok, init, r);
}

function bswap32(p: Parser, x: Node, tok: Token): Node {
  const [t, init] = hold(p, x, ty.uint, tok);
  const v = (): Node => use(t, tok);
  const parts = [
    op2('shl', v(), num(24, tok, ty.int), tok),
    op2('bitand', op2('shl', v(), num(8, tok, ty.int), tok), num(0xff0000, tok), tok),
    op2('bitand', op2('shr', v(), num(8, tok, ty.int), tok), num(0xff00, tok), tok),
    op2('shr', v(), num(24, tok, ty.int), tok),
  ];
  return seq(tok, init, parts.reduce((a, b) => op2('bitor', a, b, tok)));
}

function bswap(p: Parser, x: Node, bits: number, tok: Token): Node {
  if (bits === 32) return bswap32(p, x, tok);
  if (bits === 16) {
    const [t, init] = hold(p, x, ty.uint, tok);
    const swapped = op2('bitor', op2('shl', op2('bitand', use(t, tok), num(0xff, tok), tok), num(8, tok, ty.int), tok), op2('shr', use(t, tok), num(8, tok, ty.int), tok), tok);
    return seq(tok, init, newCast(swapped, ty.ushort));
  }
  const [w, init] = hold(p, x, ty.ullong, tok);
  const lo = newCast(use(w, tok), ty.uint);
  const hi = newCast(op2('shr', use(w, tok), num(32, tok, ty.int), tok), ty.uint);
  const r = op2('bitor', op2('shl', newCast(bswap32(p, lo, tok), ty.ullong), num(32, tok, ty.int), tok), newCast(bswap32(p, hi, tok), ty.ullong), tok);
  return seq(tok, init, r);
}

/** (T)x converted back to x's type differs from x: the value does not fit T. */
function lossy(x: Node, t: Type, tok: Token): Node {
  return compare('ne', '!=', newCast(newCast(x, t), x.ty!), x, tok);
}

function logor(a: Node, b: Node, tok: Token): Node {
  return { kind: 'logor', tok, ty: ty.int, lhs: a, rhs: b };
}

function logand(a: Node, b: Node, tok: Token): Node {
  return { kind: 'logand', tok, ty: ty.int, lhs: a, rhs: b };
}

/**
 * `a op b` computed as if in infinite precision, stored to `*res` (when given) as type `rt`; the value is
 * whether it did not fit. Operands and result of at most 32 bits: exact in 64-bit arithmetic. With a
 * 64-bit type: computed in the 64-bit type T (rt when it is 64-bit, else the operands' common type), with
 * the classic two's-complement tests; also overflow when an operand does not fit T.
 */
function checkedArith(p: Parser, op: Op, a: Node, b: Node, rt: Type, res: Node | null, tok: Token): Node {
  const ta = promote(a.ty!);
  const tb = promote(b.ty!);
  const stmts: Node[] = [];
  let result: Obj;
  let overflow: Node;
  if (sizeOf(ta) <= 4 && sizeOf(tb) <= 4 && sizeOf(rt) <= 4) {
    const wide = op === 'mul' && ta.unsigned && tb.unsigned ? ty.ullong : ty.llong;
    const [e, init] = hold(p, op2(op, newCast(a, wide), newCast(b, wide), tok), wide, tok);
    stmts.push(init);
    result = newLocalTemp(p, rt);
    stmts.push(set(result, use(e, tok), tok));
    overflow = lossy(use(e, tok), rt, tok);
  } else {
    const t = sizeOf(rt) === 8 ? rt : commonType(ta, tb);
    const [a0, aInit] = hold(p, a, ta, tok);
    const [b0, bInit] = hold(p, b, tb, tok);
    const [x, xInit] = hold(p, use(a0, tok), t, tok);
    const [y, yInit] = hold(p, use(b0, tok), t, tok);
    const [r, rInit] = hold(p, op2(op, use(x, tok), use(y, tok), tok), t, tok);
    stmts.push(aInit, bInit, xInit, yInit, rInit);
    const X = (): Node => use(x, tok);
    const Y = (): Node => use(y, tok);
    const R = (): Node => use(r, tok);
    const zero = num(0, tok, t);
    let ov: Node;
    if (t.unsigned) {
      if (op === 'add') ov = compare('lt', '<', R(), X(), tok);
      else if (op === 'sub') ov = compare('lt', '<', X(), Y(), tok);
      else ov = logand(compare('ne', '!=', X(), zero, tok), compare('ne', '!=', op2('div', R(), X(), tok), Y(), tok), tok);
    } else if (op === 'add') {
      ov = compare('lt', '<', op2('bitand', op2('bitxor', X(), R(), tok), op2('bitxor', Y(), R(), tok), tok), zero, tok);
    } else if (op === 'sub') {
      ov = compare('lt', '<', op2('bitand', op2('bitxor', X(), Y(), tok), op2('bitxor', X(), R(), tok), tok), zero, tok);
    } else {
      const min = num(-(1n << 63n), tok, t);
      const minus1 = num(-1, tok, t);
      const eq = (u: Node, v: Node): Node => compare('eq', '==', u, v, tok);
      ov = logor(logor(logand(eq(X(), minus1), eq(Y(), min), tok), logand(eq(Y(), minus1), eq(X(), min), tok), tok),
        logand(compare('ne', '!=', X(), zero, tok), compare('ne', '!=', op2('div', R(), X(), tok), Y(), tok), tok), tok);
    }
    const fits = [ov, lossy(use(a0, tok), t, tok), lossy(use(b0, tok), t, tok)];
    if (rt !== t) fits.push(lossy(R(), rt, tok));
    overflow = fits.reduce((u, v) => logor(u, v, tok));
    result = newLocalTemp(p, rt);
    stmts.push(set(result, R(), tok));
  }
  const flag = newLocalTemp(p, ty.bool);
  stmts.push(set(flag, overflow, tok));
  if (res) {
    const target = newDeref(res, tok);
    stmts.push({ kind: 'assign', tok, ty: rt, lhs: target, rhs: use(result, tok) });
  }
  stmts.push(use(flag, tok));
  return seq(tok, ...stmts);
}

export { typeName };
