// -O1 register choice in functions that call: which variables are never live across a call, so that a
// caller-saved register can hold them with nothing to save. Statements are numbered in source order; a
// variable's range runs from its first to its last reference (parameters from 0, the entry), widened to
// every loop that references it. Code generation records the statement number of each call it emits
// (runtime helpers included) and the choice is checked against those, so a prediction that misses a
// helper call is caught and undone (see gen-func.ts).
import type { Node, Obj } from './ast.js';

export interface CallRanges {
  /** Number of each statement node (1-based, pre-order); code generation reads it to stamp its calls. */
  stmtPos: Map<Node, number>;
  /** Range [first, last] of statement numbers per referenced local variable or parameter. */
  range: Map<Obj, [number, number]>;
  /** Statement numbers holding a call node. */
  calls: number[];
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
  const r: CallRanges = { stmtPos: new Map(), range: new Map(), calls: [], ok: true };
  for (const p of fn.params ?? []) r.range.set(p, [0, 0]);
  const loops: Loop[] = [];
  let pos = 0;

  const ref = (v: Obj): void => {
    const cur = r.range.get(v);
    if (cur) cur[1] = pos;
    else r.range.set(v, [pos, pos]);
    for (const l of loops) l.vars.add(v);
  };

  const expr = (n: Node | undefined): void => {
    if (!n) return;
    if (n.kind === 'var') {
      if (n.obj && n.obj.isLocal) ref(n.obj);
      return;
    }
    if (n.kind === 'call') r.calls.push(pos);
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

  const stmt = (n: Node | undefined): void => {
    if (!n) return;
    r.stmtPos.set(n, ++pos);
    switch (n.kind) {
      case 'block':
        for (const s of n.body!) stmt(s);
        return;
      case 'expr_stmt':
      case 'return':
        expr(n.lhs);
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

/** True when some call position lies inside the range. */
export function rangeHoldsCall(range: [number, number] | undefined, calls: number[]): boolean {
  if (!range) return false;
  return calls.some((c) => c >= range[0] && c <= range[1]);
}
