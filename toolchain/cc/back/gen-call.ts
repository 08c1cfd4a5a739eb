// The ilp32 calling convention: argument classification (a0-a7 then the stack, 64-bit values in pairs,
// aggregates <= 8 bytes in registers, larger ones by reference, aligned pairs for variadic 8-byte values),
// calls, runtime-helper calls, and <stdarg.h>.
import type { Node } from '../front/ast.js';
import { genExpr } from './gen-expr.js';
import { addrToTemp, copyStruct, genLval, loadVal, releaseAddr, storeVal } from './gen-lval.js';
import { FnGen, Temp, Val, loadInsn, storeInsn } from './gen-state.js';
import { WordLoc, classifyArgs, returnRegs, returnsByRef } from './float-abi.js';
import { Type, alignOf, is64, isRecord, sizeOf } from '../front/types.js';

export { classifyArgs } from './float-abi.js';
export type { ArgClass, WordLoc } from './float-abi.js';

/** One word to put in place before a call: from a temp, or loaded from [base + off]. */
interface Move {
  loc: WordLoc;
  temp?: Temp;
  base?: Temp;
  off?: number;
  /** Target fa<freg> instead of loc (floating convention). */
  freg?: number;
  /** Load instruction for a `base` move (default lw). */
  op?: string;
}

/** Moves argument words into a0-a7 and the outgoing area. All other live temps are spilled first. */
function placeArgs(g: FnGen, moves: Move[], keep: Temp[]): void {
  g.spillAllExcept(keep);
  for (const m of moves) {
    if (m.freg !== undefined) {
      const f = `fa${m.freg}`;
      if (m.temp) {
        if (m.temp.reg) g.insn(`\tfmv.d ${f}, ${m.temp.reg}`);
        else g.loadOp('fld', f, 's0', m.temp.slot);
      } else {
        let base = m.base!.reg;
        if (!base) {
          g.loadWord('t6', 's0', m.base!.slot);
          base = 't6';
        }
        g.loadOp(m.op!, f, base, m.off!);
      }
      continue;
    }
    const target = m.loc.reg !== null ? `a${m.loc.reg}` : 'a0';
    if (m.temp) {
      const src = m.temp.reg ?? null;
      if (m.loc.reg !== null) {
        if (src) {
          if (src !== target) g.insn(`\tmv ${target}, ${src}`);
        } else g.loadWord(target, 's0', m.temp.slot);
      } else {
        const r = src ?? (g.loadWord('t6', 's0', m.temp.slot), 't6');
        g.storeWord(r, 'sp', m.loc.stack!);
      }
    } else {
      let base = m.base!.reg;
      if (!base) {
        g.loadWord('t6', 's0', m.base!.slot);
        base = 't6';
      }
      if (m.loc.reg !== null) g.loadOp(m.op ?? 'lw', target, base, m.off!);
      else {
        g.loadWord('t6', base, m.off!);
        g.storeWord('t6', 'sp', m.loc.stack!);
      }
    }
  }
}

/** A function call; returns the result (struct results: the address of the caller's buffer). */
export function genCall(g: FnGen, n: Node): Val {
  const ft = n.funcType!;
  const ret = ft.returnType!;
  const sret = returnsByRef(ret);
  const callee = n.lhs!;
  const direct = callee.kind === 'var' && callee.obj!.isFunction ? callee.obj!.name : null;
  const fnTemp = direct ? null : genExpr(g, callee).lo;
  const args = n.args!;
  const types: Type[] = [];
  for (const a of args) types.push(a.ty!);
  const { classes, stackBytes } = classifyArgs(types, ft.variadic ? ft.params!.length : args.length, sret ? 1 : 0);
  g.maxOutgoing = Math.max(g.maxOutgoing, stackBytes);
  const moves: Move[] = [];
  const keep: Temp[] = fnTemp ? [fnTemp] : [];
  args.forEach((a, i) => {
    const c = classes[i];
    const t = a.ty!;
    if (c.regs) {
      // floating convention: a scalar in its register, or a struct's fields loaded from its address
      const v = genExpr(g, a).lo;
      keep.push(v);
      if (!isRecord(t)) {
        moves.push({ loc: NOWHERE, temp: v, freg: c.regs[0].reg });
        return;
      }
      for (const r of c.regs) {
        if (r.fp) moves.push({ loc: NOWHERE, base: v, off: r.offset, freg: r.reg, op: loadInsn(r.type) });
        else moves.push({ loc: { reg: r.reg, stack: null }, base: v, off: r.offset, op: loadInsn(r.type) });
      }
      return;
    }
    if (t.kind === 'float' || t.kind === 'double') {
      // by the integer convention (variadic, or the f registers ran out): its bits through a frame slot
      const v = genExpr(g, a).lo;
      const slot = g.allocSlot(8, 8);
      g.storeOp(t.kind === 'float' ? 'fsw' : 'fsd', g.reg(v), 's0', slot);
      g.release(v);
      const addr = addrToTemp(g, { kind: 'frame', off: slot });
      keep.push(addr);
      c.words.forEach((w, k) => moves.push({ loc: w, base: addr, off: k * 4 }));
      return;
    }
    if (isRecord(t) || t.kind === 'ldouble') {
      let addr = genExpr(g, a).lo;
      if (c.byRef || alignOf(t) < 4) {
        // the callee gets its own copy (by reference), or an aligned one to load words from
        const size = Math.ceil(sizeOf(t) / 4) * 4;
        const slot = g.allocSlot(Math.max(size, 8), Math.max(alignOf(t), 4));
        copyStruct(g, { kind: 'frame', off: slot }, { kind: 'reg', base: addr, off: 0 }, t);
        addr = addrToTemp(g, { kind: 'frame', off: slot });
      }
      keep.push(addr);
      if (c.byRef) moves.push({ loc: c.words[0], temp: addr });
      else c.words.forEach((w, k) => moves.push({ loc: w, base: addr, off: k * 4 }));
      return;
    }
    const v = genExpr(g, a);
    keep.push(v.lo);
    moves.push({ loc: c.words[0], temp: v.lo });
    if (v.hi) {
      keep.push(v.hi);
      moves.push({ loc: c.words[1], temp: v.hi });
    }
  });
  placeArgs(g, moves, keep);
  g.hasCalls = true;
  g.callPos.push(g.curPos);
  if (sret) g.addImm('a0', 's0', n.tmp!.offset!);
  if (direct) g.insn(`\tcall ${direct}`);
  else {
    const r = fnTemp!.reg ?? (g.loadWord('t6', 's0', fnTemp!.slot), 't6');
    g.insn(`\tjalr ${r}`);
  }
  for (const t of keep) g.release(t);
  return callResult(g, n, ret);
}

const NOWHERE: WordLoc = { reg: null, stack: null };

function callResult(g: FnGen, n: Node, ret: Type): Val {
  if (ret.kind === 'void') return { lo: { reg: 'zero', slot: 0, owned: false, fp: false }, hi: null };
  if (ret.kind === 'float' || ret.kind === 'double') {
    const d = g.allocF();
    g.insn(`\tfmv.d ${d.reg}, fa0`);
    return { lo: d, hi: null };
  }
  const flat = isRecord(ret) ? returnRegs(ret) : null;
  if (flat) {
    const off = n.tmp!.offset!;
    for (const r of flat) g.storeOp(storeInsn(r.type), r.fp ? `fa${r.reg}` : `a${r.reg}`, 's0', off + r.offset);
    return { lo: addrToTemp(g, { kind: 'frame', off }), hi: null };
  }
  if (isRecord(ret) || ret.kind === 'ldouble') {
    const off = n.tmp!.offset!;
    if (sizeOf(ret) <= 8) {
      g.storeWord('a0', 's0', off);
      if (sizeOf(ret) > 4) g.storeWord('a1', 's0', off + 4);
    }
    return { lo: addrToTemp(g, { kind: 'frame', off }), hi: null };
  }
  const lo = g.alloc();
  g.insn(`\tmv ${lo.reg}, a0`);
  if (!is64(ret)) return { lo, hi: null };
  const hi = g.alloc();
  g.insn(`\tmv ${hi.reg}, a1`);
  return { lo, hi };
}

/** Calls a runtime helper (e.g. __divdi3) with evaluated arguments in a0.. (pairs for 64-bit). */
export function genLibCall(g: FnGen, name: string, vals: Val[], ret64: boolean): Val {
  let reg = 0;
  const moves: Move[] = [];
  const keep: Temp[] = [];
  for (const v of vals) {
    moves.push({ loc: { reg: reg++, stack: null }, temp: v.lo });
    keep.push(v.lo);
    if (v.hi) {
      moves.push({ loc: { reg: reg++, stack: null }, temp: v.hi });
      keep.push(v.hi);
    }
  }
  placeArgs(g, moves, keep);
  g.hasCalls = true;
  g.callPos.push(g.curPos);
  g.insn(`\tcall ${name}`);
  for (const t of keep) g.release(t);
  const lo = g.alloc();
  g.insn(`\tmv ${lo.reg}, a0`);
  if (!ret64) return { lo, hi: null };
  const hi = g.alloc();
  g.insn(`\tmv ${hi.reg}, a1`);
  return { lo, hi };
}

/** va_start(ap, last): ap = address of the first unnamed argument. */
export function genVaStart(g: FnGen, n: Node): void {
  const a = genLval(g, n.lhs!);
  const d = g.alloc();
  g.addImm(d.reg!, 's0', g.vaStartOffset);
  storeVal(g, a, { lo: d, hi: null }, n.lhs!.ty!);
  g.release(d);
  releaseAddr(g, a);
}

/** va_arg(ap, T): reads the next argument slot(s) and advances ap as the psABI lays them out. */
export function genVaArg(g: FnGen, n: Node): Val {
  const t = n.ty!;
  const apType = n.lhs!.ty!;
  const a = genLval(g, n.lhs!);
  const p = loadVal(g, a, apType).lo;
  const pr = g.reg(p);
  const size = isRecord(t) || t.kind === 'float' || t.kind === 'double' || t.kind === 'ldouble' ? sizeOf(t) : is64(t) ? 8 : 4;
  const byRef = (isRecord(t) || t.kind === 'ldouble') && size > 8;
  const cur = g.alloc();
  if (!byRef && size > 4 && (is64(t) || alignOf(t) === 8)) {
    g.insn(`\taddi ${cur.reg}, ${pr}, 7`);
    g.insn(`\tandi ${cur.reg}, ${cur.reg}, -8`);
  } else g.insn(`\tmv ${cur.reg}, ${pr}`);
  g.release(p);
  const next = g.alloc();
  g.insn(`\taddi ${next.reg}, ${cur.reg}, ${byRef ? 4 : size > 4 ? 8 : 4}`);
  storeVal(g, a, { lo: next, hi: null }, apType);
  g.release(next);
  releaseAddr(g, a);
  if (byRef) {
    const r = g.reg(cur);
    g.insn(`\tlw ${r}, 0(${r})`);
    return { lo: cur, hi: null };
  }
  if (isRecord(t) || t.kind === 'ldouble') return { lo: cur, hi: null };
  const v = loadVal(g, { kind: 'reg', base: cur, off: 0 }, t);
  g.release(cur);
  return v;
}
