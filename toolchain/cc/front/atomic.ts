// gcc's atomic builtins (__atomic_* and the legacy __sync_*), and the C11 operations on _Atomic objects
// (plain loads, =, op=, ++ and --, all sequentially consistent), as 'atomic' nodes for 1-, 2- and 4-byte
// objects (code: back/gen-atomic.ts) or, for 8-byte and other sizes, as calls to the libatomic-style helpers
// of the libc (`__atomic_load_8`, `__atomic_compare_exchange_8`, the generic `__atomic_load(size, ...)`...),
// with gcc's names and signatures so objects built by either compiler link with them.
import type { Node, NodeKind } from './ast.js';
import { CompileError } from '../diagnostics.js';
import { tryEval } from './fold.js';
import { assign, markAddressTaken } from './parse-expr.js';
import type { Parser } from './parse-state.js';
import { declareFunction, newLocalTemp } from './parse.js';
import { newAttr } from './parse-decl.js';
import { arith, compare, decayed, newAdd, newCast, newDeref, newNum, newSub } from './sema.js';
import type { Token } from './tokenize.js';
import { Type, funcType, isInteger, pointerTo, sizeOf, ty, typeName } from './types.js';

/** C11 memory orders, numbered as gcc's __ATOMIC_* macros. */
export const enum MemoryOrder {
  RELAXED = 0, CONSUME = 1, ACQUIRE = 2, RELEASE = 3, ACQ_REL = 4, SEQ_CST = 5,
}

export type AtomicKind = 'load' | 'store' | 'xchg' | 'cas' | 'rmw' | 'fence';
export type RmwOp = 'add' | 'sub' | 'and' | 'or' | 'xor' | 'nand';

/**
 * One atomic operation on an object of `size` (1, 2 or 4) bytes whose address is args[0]:
 *   load [p] -> value; store [p, v] -> v; xchg [p, v] -> old; cas [p, expected, desired] -> old (the swap
 *   happened when old == expected); rmw [p, v] -> old, or the new value when `returnsNew`; fence [].
 */
export interface AtomicOp {
  kind: AtomicKind;
  rmw: RmwOp | null;
  returnsNew: boolean;
  order: MemoryOrder;
  size: number;
  /** The object's type (unqualified): how values are narrowed and extended. */
  objType: Type;
}

/** The type without qualifiers (_Atomic, const, volatile). */
export function unqualified(t: Type): Type {
  if (!t.isAtomic && !t.isConst && !t.isVolatile) return t;
  if (t.origin && !t.origin.isAtomic && !t.origin.isConst && !t.origin.isVolatile) return t.origin;
  return { ...t, isAtomic: false, isConst: false, isVolatile: false };
}

/** True for sizes the A extension handles without a lock. */
export function isLockFreeSize(size: number): boolean {
  return size === 1 || size === 2 || size === 4;
}

function atomicNode(kind: AtomicKind, args: Node[], objType: Type, order: MemoryOrder, resultTy: Type, tok: Token, rmw: RmwOp | null = null, returnsNew = false): Node {
  return { kind: 'atomic', tok, ty: resultTy, args, atomic: { kind, rmw, returnsNew, order, size: sizeOf(objType), objType } };
}

/** The memory order argument: a constant in 0..5 (anything else is seq_cst, as gcc treats it). */
function orderOf(n: Node): MemoryOrder {
  const c = tryEval(n);
  if (!c || c.label !== null || c.val < 0n || c.val > 5n) return MemoryOrder.SEQ_CST;
  return Number(c.val) as MemoryOrder;
}

/** A call of libc helper `name` (declared on first use with the given prototype). */
function helperCall(p: Parser, name: string, ret: Type, params: Type[], args: Node[], tok: Token): Node {
  const ft = funcType(ret);
  ft.params = params;
  ft.paramNames = params.map(() => null);
  const nameTok: Token = { ...tok, kind: 'ident', text: name };
  const f = declareFunction(p, ft, nameTok, newAttr(), false);
  f.isReferenced = true;
  if (p.curFn) (p.curFn.refs ?? (p.curFn.refs = new Set())).add(name);
  const fn: Node = { kind: 'var', tok, ty: f.ty, obj: f };
  return { kind: 'call', tok, ty: ret, lhs: fn, args: args.map((a, i) => newCast(a, params[i])), funcType: f.ty };
}

const VOIDP = pointerTo(ty.void);

/** An integer type of `size` bytes (the helpers' value type). */
function sizedInt(size: number): Type {
  return size === 1 ? ty.uchar : size === 2 ? ty.ushort : size === 4 ? ty.uint : ty.ullong;
}

/** The pointed-to type of builtin argument 1, checked as gcc does. */
function objectType(p: Parser, ptr: Node, name: string, needSized: boolean): Type {
  const t = decayed(ptr.ty!);
  if (t.kind !== 'ptr' || t.base!.kind === 'void' || t.base!.kind === 'func') {
    throw p.error(`argument 1 of '${name}' must be a ${t.kind === 'ptr' ? 'non-void ' : ''}pointer type`, ptr.tok);
  }
  const o = unqualified(t.base!);
  if (needSized && !(isInteger(o) || o.kind === 'ptr') || ![1, 2, 4, 8].includes(sizeOf(o)) && needSized) {
    throw p.error(`operand type '${typeName(t)}' is incompatible with argument 1 of '${name}'`, ptr.tok);
  }
  return o;
}

/** A temporary holding `value`'s result: (tmp = value) and the tmp as an lvalue. */
function temp(p: Parser, t: Type, value: Node): { set: Node; use: () => Node } {
  const v = newLocalTemp(p, t);
  const use = (): Node => ({ kind: 'var', tok: value.tok, ty: t, obj: v });
  return { set: { kind: 'assign', tok: value.tok, ty: t, lhs: use(), rhs: newCast(value, t) }, use };
}

function comma(a: Node, b: Node): Node {
  return { kind: 'comma', tok: a.tok, ty: b.ty, lhs: a, rhs: b };
}

/**
 * `expected` points to the value compared; on failure it receives the value read. Returns 1 when `desired`
 * was stored. Built around a cas node (sizes 1, 2, 4).
 */
function compareExchange(p: Parser, ptr: Node, expectedPtr: Node, desired: Node, o: Type, order: MemoryOrder, tok: Token): Node {
  const ep = temp(p, pointerTo(o), expectedPtr);
  const expected = (): Node => newDeref(ep.use(), tok);
  const old = temp(p, o, atomicNode('cas', [ptr, expected(), newCast(desired, o)], o, order, o, tok));
  const ok = compare('eq', '==', old.use(), expected(), tok);
  const onFail = comma({ kind: 'assign', tok, ty: o, lhs: expected(), rhs: old.use() }, newNum(0n, tok, ty.bool));
  const chosen: Node = { kind: 'cond', tok, ty: ty.bool, cond: ok, then: newNum(1n, tok, ty.bool), els: newCast(onFail, ty.bool) };
  return comma(ep.set, comma(old.set, chosen));
}

/** Arguments of a builtin call: `(a, b, ...)` with the count checked. */
function callArgs(p: Parser, name: string, count: number, tok: Token): Node[] {
  p.expect('(');
  const args: Node[] = [];
  if (!p.is(')')) {
    do args.push(assign(p));
    while (p.consume(','));
  }
  p.expect(')');
  if (args.length !== count) {
    throw p.error(`too ${args.length < count ? 'few' : 'many'} arguments to function '${name}'`, tok);
  }
  return args;
}

const FETCH = /^__atomic_(fetch_)?(add|sub|and|or|xor|nand)(_fetch)?$/;
const SYNC = /^__sync_(fetch_and_)?(add|sub|and|or|xor|nand)(_and_fetch)?$/;

/** True when `name` is one of the builtins atomicBuiltin parses. */
export function isAtomicBuiltin(name: string): boolean {
  if (name.charCodeAt(0) !== 95 || name.charCodeAt(1) !== 95) return false;
  return BUILTINS.has(name) || FETCH.test(name) && (name.includes('fetch_') || name.endsWith('_fetch')) ||
    SYNC.test(name) && (name.includes('fetch_and_') || name.endsWith('_and_fetch'));
}

const BUILTINS = new Set([
  '__atomic_load_n', '__atomic_load', '__atomic_store_n', '__atomic_store', '__atomic_exchange_n', '__atomic_exchange',
  '__atomic_compare_exchange_n', '__atomic_compare_exchange', '__atomic_test_and_set', '__atomic_clear',
  '__atomic_thread_fence', '__atomic_signal_fence', '__atomic_always_lock_free', '__atomic_is_lock_free',
  '__sync_bool_compare_and_swap', '__sync_val_compare_and_swap', '__sync_lock_test_and_set', '__sync_lock_release',
  '__sync_synchronize',
]);

/** builtin = name "(" args ")": one of gcc's __atomic_* / __sync_* builtins (isAtomicBuiltin). */
export function atomicBuiltin(p: Parser, tok: Token): Node {
  const name = tok.text;
  p.advance();
  if (!p.curFn && name !== '__atomic_always_lock_free' && name !== '__atomic_is_lock_free') {
    throw p.error(`'${name}' used outside a function`, tok);
  }
  const fetch = FETCH.exec(name) ?? SYNC.exec(name);
  if (fetch) {
    const isSync = name.startsWith('__sync');
    const args = callArgs(p, name, isSync ? 2 : 3, tok);
    return fetchOp(p, args[0], args[1], isSync ? MemoryOrder.SEQ_CST : orderOf(args[2]), fetch[2] as RmwOp, !!fetch[3], name, tok);
  }
  switch (name) {
    case '__atomic_load_n': {
      const [ptr, order] = callArgs(p, name, 2, tok);
      return load(p, ptr, orderOf(order), objectType(p, ptr, name, true), tok);
    }
    case '__atomic_store_n': {
      const [ptr, v, order] = callArgs(p, name, 3, tok);
      return store(p, ptr, v, orderOf(order), objectType(p, ptr, name, true), ty.void, tok);
    }
    case '__atomic_exchange_n': {
      const [ptr, v, order] = callArgs(p, name, 3, tok);
      return exchange(p, ptr, v, orderOf(order), objectType(p, ptr, name, true), tok);
    }
    case '__atomic_compare_exchange_n': {
      const [ptr, exp, des, , succ, fail] = callArgs(p, name, 6, tok);
      const o = objectType(p, ptr, name, true);
      if (sizeOf(o) === 8) {
        return helperCall(p, '__atomic_compare_exchange_8', ty.bool, [VOIDP, VOIDP, ty.ullong, ty.int, ty.int], [ptr, exp, des, succ, fail], tok);
      }
      return compareExchange(p, ptr, exp, des, o, orderOf(succ), tok);
    }
    case '__atomic_load':
    case '__atomic_store':
    case '__atomic_exchange':
    case '__atomic_compare_exchange':
      return generic(p, name, tok);
    case '__atomic_test_and_set': {
      const [ptr, order] = callArgs(p, name, 2, tok);
      const old = atomicNode('xchg', [newCast(ptr, pointerTo(ty.uchar)), newNum(1n, tok, ty.uchar)], ty.uchar, orderOf(order), ty.uchar, tok);
      return newCast(old, ty.bool);
    }
    case '__atomic_clear': {
      const [ptr, order] = callArgs(p, name, 2, tok);
      return atomicNode('store', [newCast(ptr, pointerTo(ty.uchar)), newNum(0n, tok, ty.uchar)], ty.uchar, orderOf(order), ty.void, tok);
    }
    case '__atomic_thread_fence': {
      const [order] = callArgs(p, name, 1, tok);
      return atomicNode('fence', [], ty.int, orderOf(order), ty.void, tok);
    }
    case '__atomic_signal_fence': {
      // one hart, and a signal handler runs between instructions: only the compiler must not reorder,
      // and pagoda cc does not move memory accesses across statements
      callArgs(p, name, 1, tok);
      return { kind: 'cast', tok, ty: ty.void, lhs: newNum(0n, tok) };
    }
    case '__atomic_always_lock_free':
    case '__atomic_is_lock_free': {
      const [size] = callArgs(p, name, 2, tok);
      const c = tryEval(size);
      if (!c || c.label !== null) {
        if (name === '__atomic_always_lock_free') throw p.error(`non-constant argument 1 to '${name}'`, size.tok);
        return helperCall(p, '__atomic_is_lock_free', ty.bool, [ty.uint, VOIDP], [size, newNum(0n, tok)], tok);
      }
      return newNum(isLockFreeSize(Number(c.val)) ? 1n : 0n, tok, ty.bool);
    }
    case '__sync_synchronize':
      callArgs(p, name, 0, tok);
      return atomicNode('fence', [], ty.int, MemoryOrder.SEQ_CST, ty.void, tok);
    case '__sync_lock_test_and_set': {
      const [ptr, v] = callArgs(p, name, 2, tok);
      return exchange(p, ptr, v, MemoryOrder.ACQUIRE, objectType(p, ptr, name, true), tok);
    }
    case '__sync_lock_release': {
      const [ptr] = callArgs(p, name, 1, tok);
      const o = objectType(p, ptr, name, true);
      return store(p, ptr, newNum(0n, tok), MemoryOrder.RELEASE, o, ty.void, tok);
    }
    case '__sync_val_compare_and_swap':
    case '__sync_bool_compare_and_swap': {
      const [ptr, oldv, newv] = callArgs(p, name, 3, tok);
      const o = objectType(p, ptr, name, true);
      if (sizeOf(o) === 8) {
        const r = name.includes('bool') ? ty.bool : ty.ullong;
        return newCast(helperCall(p, `${name}_8`, r, [VOIDP, ty.ullong, ty.ullong], [ptr, oldv, newv], tok), name.includes('bool') ? ty.bool : o);
      }
      if (name === '__sync_val_compare_and_swap') {
        return atomicNode('cas', [ptr, newCast(oldv, o), newCast(newv, o)], o, MemoryOrder.SEQ_CST, o, tok);
      }
      const e = temp(p, o, oldv);
      const old = atomicNode('cas', [ptr, e.use(), newCast(newv, o)], o, MemoryOrder.SEQ_CST, o, tok);
      return comma(e.set, newCast(compare('eq', '==', old, e.use(), tok), ty.bool));
    }
  }
  throw new CompileError(`internal compiler error: atomic builtin '${name}'`, tok);
}

/** Atomic load of the `o` at `ptr`. */
export function load(p: Parser, ptr: Node, order: MemoryOrder, o: Type, tok: Token): Node {
  if (sizeOf(o) === 8) return newCast(helperCall(p, '__atomic_load_8', ty.ullong, [VOIDP, ty.int], [ptr, newNum(BigInt(order), tok)], tok), o);
  return atomicNode('load', [ptr], o, order, o, tok);
}

/** Atomic store of `v` (converted to `o`) at `ptr`; the node's value is `result` (void, or the value). */
export function store(p: Parser, ptr: Node, v: Node, order: MemoryOrder, o: Type, result: Type, tok: Token): Node {
  if (sizeOf(o) === 8) {
    if (result.kind !== 'void') {
      const t = temp(p, o, v);
      const call = helperCall(p, '__atomic_store_8', ty.void, [VOIDP, ty.ullong, ty.int], [ptr, t.use(), newNum(BigInt(order), tok)], tok);
      return comma(t.set, comma(call, t.use()));
    }
    return helperCall(p, '__atomic_store_8', ty.void, [VOIDP, ty.ullong, ty.int], [ptr, v, newNum(BigInt(order), tok)], tok);
  }
  return atomicNode('store', [ptr, newCast(v, o)], o, order, result, tok);
}

function exchange(p: Parser, ptr: Node, v: Node, order: MemoryOrder, o: Type, tok: Token): Node {
  if (sizeOf(o) === 8) {
    return newCast(helperCall(p, '__atomic_exchange_8', ty.ullong, [VOIDP, ty.ullong, ty.int], [ptr, v, newNum(BigInt(order), tok)], tok), o);
  }
  return atomicNode('xchg', [ptr, newCast(v, o)], o, order, o, tok);
}

/** fetch_OP / OP_fetch: `v` is added as it is (pointers are not scaled, as in gcc). */
export function fetchOp(p: Parser, ptr: Node, v: Node, order: MemoryOrder, op: RmwOp, returnsNew: boolean, name: string, tok: Token): Node {
  const o = objectType(p, ptr, name, true);
  if (sizeOf(o) === 8) {
    const helper = returnsNew ? `__atomic_${op}_fetch_8` : `__atomic_fetch_${op}_8`;
    return newCast(helperCall(p, helper, ty.ullong, [VOIDP, ty.ullong, ty.int], [ptr, v, newNum(BigInt(order), tok)], tok), o);
  }
  return atomicNode('rmw', [ptr, newCast(v, o)], o, order, o, tok, op, returnsNew);
}

/**
 * The generic forms, values passed through pointers: lock-free sizes become the _n operations; 8 bytes
 * call the _8 helpers; any other size calls the libc's generic helper with the size first, as gcc does.
 */
function generic(p: Parser, name: string, tok: Token): Node {
  const counts: Record<string, number> = { __atomic_load: 3, __atomic_store: 3, __atomic_exchange: 4, __atomic_compare_exchange: 6 };
  const args = callArgs(p, name, counts[name], tok);
  const ptr = args[0];
  const o = objectType(p, ptr, name, false);
  const size = sizeOf(o);
  const order = orderOf(args[args.length - (name === '__atomic_compare_exchange' ? 2 : 1)]);
  if (isLockFreeSize(size) && (isInteger(o) || o.kind === 'ptr' || o.kind === 'struct' || o.kind === 'union')) {
    const it = sizedInt(size);
    const iptr = (n: Node): Node => newCast(n, pointerTo(it));
    const ideref = (n: Node): Node => newDeref(iptr(n), tok);
    switch (name) {
      case '__atomic_load':
        return { kind: 'assign', tok, ty: it, lhs: ideref(args[1]), rhs: atomicNode('load', [iptr(ptr)], it, order, it, tok) };
      case '__atomic_store':
        return atomicNode('store', [iptr(ptr), ideref(args[1])], it, order, ty.void, tok);
      case '__atomic_exchange':
        return { kind: 'assign', tok, ty: it, lhs: ideref(args[2]), rhs: atomicNode('xchg', [iptr(ptr), ideref(args[1])], it, order, it, tok) };
      case '__atomic_compare_exchange':
        return compareExchange(p, iptr(ptr), iptr(args[1]), ideref(args[2]), it, order, tok);
    }
  }
  const sz = newNum(BigInt(size), tok, ty.uint);
  switch (name) {
    case '__atomic_load':
      return helperCall(p, '__atomic_load', ty.void, [ty.uint, VOIDP, VOIDP, ty.int], [sz, ptr, args[1], args[2]], tok);
    case '__atomic_store':
      return helperCall(p, '__atomic_store', ty.void, [ty.uint, VOIDP, VOIDP, ty.int], [sz, ptr, args[1], args[2]], tok);
    case '__atomic_exchange':
      return helperCall(p, '__atomic_exchange', ty.void, [ty.uint, VOIDP, VOIDP, VOIDP, ty.int], [sz, ptr, args[1], args[2], args[3]], tok);
    default:
      return helperCall(p, '__atomic_compare_exchange', ty.bool, [ty.uint, VOIDP, VOIDP, VOIDP, ty.int, ty.int], [sz, ptr, args[1], args[2], args[4], args[5]], tok);
  }
}

// ---- operations on _Atomic objects (C11 6.5.16.2: each is one sequentially consistent atomic operation) ----

/** `&lhs` for an _Atomic lvalue (the object then lives in memory). */
function addressOfObject(lhs: Node, tok: Token): Node {
  markAddressTaken(lhs);
  return { kind: 'addr', tok, ty: pointerTo(lhs.ty!), lhs };
}

/** `lhs = rhs` on an _Atomic object: a seq_cst store whose value is the value stored. */
export function atomicAssign(p: Parser, lhs: Node, rhs: Node, tok: Token): Node {
  const o = unqualified(lhs.ty!);
  return store(p, addressOfObject(lhs, tok), rhs, MemoryOrder.SEQ_CST, o, o, tok);
}

const RMW_OF: Partial<Record<string, RmwOp>> = { add: 'add', sub: 'sub', bitand: 'and', bitor: 'or', bitxor: 'xor' };

/**
 * `lhs op= rhs`, `++lhs`, `lhs++` on an _Atomic object (`rhs` already converted and, for pointers, scaled by
 * the caller). One amo/lr-sc operation when the A extension has it (+ - & | ^ on 1-, 2- and 4-byte objects);
 * otherwise a compare-exchange loop: old = load; do new = old op rhs; while (!cas(&obj, &old, new)).
 * The value is the new one, or the old one for postfix forms (`returnsOld`).
 */
export function atomicUpdate(p: Parser, lhs: Node, kind: NodeKind, rhs: Node, tok: Token, returnsOld: boolean): Node {
  const o = unqualified(lhs.ty!);
  const ptr = addressOfObject(lhs, tok);
  const rmw = RMW_OF[kind];
  if (rmw && isLockFreeSize(sizeOf(o))) {
    return atomicNode('rmw', [ptr, newCast(rhs, o)], o, MemoryOrder.SEQ_CST, o, tok, rmw, !returnsOld);
  }
  if (!p.curFn) throw p.error('atomic update outside a function', tok);
  const pt = temp(p, pointerTo(o), ptr);
  const vt = temp(p, rhs.ty!, rhs);
  const old = temp(p, o, load(p, pt.use(), MemoryOrder.SEQ_CST, o, tok));
  old.use().obj!.addrTaken = true;
  const value = o.kind === 'ptr' ? (kind === 'add' ? newAdd(old.use(), vt.use(), tok) : newSub(old.use(), vt.use(), tok))
    : arith(kind, tok.text, old.use(), vt.use(), tok);
  const nt = temp(p, o, value);
  const oldAddr: Node = { kind: 'addr', tok, ty: pointerTo(o), lhs: old.use() };
  const swapped = sizeOf(o) === 8
    ? helperCall(p, '__atomic_compare_exchange_8', ty.bool, [VOIDP, VOIDP, ty.ullong, ty.int, ty.int],
      [pt.use(), oldAddr, nt.use(), newNum(5n, tok), newNum(5n, tok)], tok)
    : compareExchange(p, pt.use(), oldAddr, nt.use(), o, MemoryOrder.SEQ_CST, tok);
  const loop: Node = {
    kind: 'do', tok, then: { kind: 'expr_stmt', tok, lhs: nt.set }, cond: { kind: 'not', tok, ty: ty.int, lhs: swapped },
    breakLabel: p.newLabel('brk'), continueLabel: p.newLabel('cont'),
  };
  const result: Node = { kind: 'expr_stmt', tok, lhs: returnsOld ? old.use() : nt.use() };
  const body: Node = { kind: 'stmtexpr', tok, ty: o, body: [loop, result] };
  return comma(pt.set, comma(vt.set, comma(old.set, body)));
}
