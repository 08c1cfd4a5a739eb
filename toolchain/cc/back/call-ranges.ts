// -O1 register choice in functions that call: which variables are never live across a call, so that a
// caller-saved register can hold them with nothing to save. Statements are numbered in source order; a
// variable's range runs from its first to its last reference (parameters from 0, the entry), widened to
// every loop that references it. Code generation records the statement number of each call it emits
// (runtime helpers included) and the choice is checked against those, so a prediction that misses a
// helper call is caught and undone (see gen-func.ts).
import type { Node, Obj } from '../front/ast.js';

export interface CallRanges {
  /** Number of each statement node (1-based, pre-order); code generation reads it to stamp its calls. */
  stmtPos: Map<Node, number>;
  /** Range [first, last] of statement numbers per referenced local variable or parameter. */
  range: Map<Obj, [number, number]>;
  /** Statement numbers holding a call node. */
  calls: number[];
  /** Statements with exactly one call, of at most two argument words, whose plain variable arguments were
   * placed at number - 0.5 (read before the call; valid only if code generation emits just that call). */
  argStmts: Set<number>;
  /** False when the function has jumps the numbering cannot follow (goto, labels as values, statement
   * expressions, inline assembly): then no variable may be called call-free. */
  ok: boolean;
}

interface Loop {
  start: number;
  vars: Set<Obj>;
}

/** Numbers `fn`'s statements and computes each variable's range. */
export function analyzeRanges(fn: Obj): CallRanges {
  const r: CallRanges = { stmtPos: new Map(), range: new Map(), calls: [], argStmts: new Set(), ok: true };
  for (const p of fn.params ?? []) r.range.set(p, [0, 0]);
  const loops: Loop[] = [];
  let pos = 0;

  let at = 0; // position given to references (pos, or pos - 0.5 for plain arguments of a lone call)
  const ref = (v: Obj): void => {
    const cur = r.range.get(v);
    if (cur) cur[1] = Math.max(cur[1], at);
    else r.range.set(v, [at, at]);
    for (const l of loops) l.vars.add(v);
  };

  const expr = (n: Node | undefined): void => {
    if (!n) return;
    if (n.kind === 'var') {
      if (n.obj && n.obj.isLocal) ref(n.obj);
      return;
    }
    if (n.kind === 'num' || n.kind === 'str') return;
    if (n.kind === 'call') {
      r.calls.push(pos);
      if (n.args && r.argStmts.has(pos)) {
        expr(n.lhs);
        at = pos - 0.5;
        for (const a of n.args) expr(a);
        at = pos;
        return;
      }
    }
    else if (n.kind === 'stmtexpr' || n.kind === 'label_addr') r.ok = false;
    expr(n.lhs);
    expr(n.rhs);
    expr(n.cond);
    expr(n.then);
    expr(n.els);
    expr(n.init);
    expr(n.inc);
    if (n.args) for (const a of n.args) expr(a);
    if (n.body) r.ok = false;
  };

  const loop = (n: Node, inner: () => void): void => {
    const l: Loop = { start: pos, vars: new Set() };
    loops.push(l);
    inner();
    loops.pop();
    for (const v of l.vars) {
      const cur = r.range.get(v)!;
      cur[0] = Math.min(cur[0], l.start);
      cur[1] = Math.max(cur[1], pos);
    }
  };

  /** A statement's own expression: marks it for the argument rule when it has one simple call. */
  const full = (n: Node | undefined): void => {
    if (!n) return;
    const calls: Node[] = [];
    collectCalls(n, calls);
    if (calls.length === 1 && loops.length === 0 && simpleCall(calls[0])) r.argStmts.add(pos);
    expr(n);
  };

  const stmt = (n: Node | undefined): void => {
    if (!n) return;
    r.stmtPos.set(n, ++pos);
    at = pos;
    switch (n.kind) {
      case 'block':
        for (const s of n.body!) stmt(s);
        return;
      case 'expr_stmt':
      case 'return':
        full(n.lhs);
        return;
      case 'if':
        expr(n.cond);
        stmt(n.then);
        stmt(n.els);
        return;
      case 'for':
        return loop(n, () => {
          expr(n.cond);
          expr(n.inc);
          stmt(n.init);
          stmt(n.then);
        });
      case 'do':
        return loop(n, () => {
          expr(n.cond);
          stmt(n.then);
        });
      case 'switch':
        expr(n.cond);
        stmt(n.then);
        return;
      case 'case':
        stmt(n.lhs);
        return;
      case 'break':
      case 'continue':
        return;
      default: // goto, labels, asm: control flow the ranges do not model
        r.ok = false;
        stmt(n.lhs);
    }
  };
  stmt(fn.body);
  return r;
}

function collectCalls(n: Node | undefined, out: Node[]): void {
  if (!n) return;
  // common kinds read only their own fields (a call missed here only costs the argument rule: code
  // generation's calls are counted against it, see argRuleBroken)
  switch (n.kind) {
    case 'num': case 'var': case 'str':
      return;
    case 'add': case 'sub': case 'mul': case 'div': case 'mod': case 'shl': case 'shr': case 'bitand':
    case 'bitor': case 'bitxor': case 'eq': case 'ne': case 'lt': case 'le': case 'assign': case 'opassign':
      collectCalls(n.lhs, out);
      collectCalls(n.rhs, out);
      return;
    case 'cast': case 'deref': case 'addr': case 'member': case 'neg': case 'not': case 'bitnot': case 'postinc':
      collectCalls(n.lhs, out);
      return;
  }
  if (n.kind === 'call') out.push(n);
  collectCalls(n.lhs, out);
  collectCalls(n.rhs, out);
  collectCalls(n.cond, out);
  collectCalls(n.then, out);
  collectCalls(n.els, out);
  if (n.args) for (const a of n.args) collectCalls(a, out);
  if (n.body) out.push(n, n); // statement expression: never simple
}

/** At most two scalar argument words (targets a0/a1 only, never a variable's register), no records. */
function simpleCall(c: Node): boolean {
  let words = 0;
  for (const a of c.args ?? []) {
    const t = a.ty!;
    if (t.kind === 'struct' || t.kind === 'union' || t.kind === 'array') return false;
    words += t.size > 4 ? 2 : 1;
  }
  return words <= 2 && !(c.funcType?.variadic ?? true);
}

/** True when some call position lies inside the range. */
export function rangeHoldsCall(range: [number, number] | undefined, calls: number[]): boolean {
  if (!range) return false;
  return calls.some((c) => c >= range[0] && c <= range[1]);
}

/** True when the range relies on the argument rule at a statement where code generation emitted more
 * than the one call (a runtime helper besides it): the argument may then be read after a call. */
export function argRuleBroken(range: [number, number] | undefined, argStmts: Set<number>, calls: number[]): boolean {
  if (!range || range[1] % 1 === 0) return false;
  const p = range[1] + 0.5;
  return !argStmts.has(p) || calls.filter((c) => c === p).length !== 1;
}
