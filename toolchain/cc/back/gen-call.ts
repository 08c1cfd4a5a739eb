// The ilp32 calling convention: argument classification (a0-a7 then the stack, 64-bit values in pairs,
// aggregates <= 8 bytes in registers, larger ones by reference, aligned pairs for variadic 8-byte values),
// calls, runtime-helper calls, and <stdarg.h>.
import type { Node } from '../front/ast.js';
import { genExpr } from './gen-expr.js';
import { addrToTemp, copyStruct, genLval, loadVal, releaseAddr, storeVal } from './gen-lval.js';
import { FnGen, Temp, Val } from './gen-state.js';
import { Type, alignOf, is64, isRecord, sizeOf } from '../front/types.js';

/** Where one 32-bit word of an argument goes: register a<reg>, or the outgoing area at byte `stack`. */
export interface WordLoc {
  reg: number | null;
  stack: number | null;
}

export interface ArgClass {
  words: WordLoc[];
  /** Aggregate larger than 8 bytes: a pointer to a copy is passed. */
  byRef: boolean;
}

/** Classifies arguments; `variadicFrom` is the index of the first unnamed argument (or types.length). */
export function classifyArgs(
  types: Type[],
  variadicFrom: number,
  firstReg: number,
): { classes: ArgClass[]; stackBytes: number; rawStackBytes: number; nextReg: number } {
  let reg = firstReg;
  let stack = 0;
  // loops over literal arrays rather than map(): map() of an empty list makes an array of another elements
  // kind, and optimized code seeing both kinds is thrown away once (this function is inlined in big ones)
  const classes: ArgClass[] = [];
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    const size = isRecord(t) ? sizeOf(t) : t.kind === 'llong' ? 8 : 4;
    const byRef = isRecord(t) && size > 8;
    const nwords = byRef ? 1 : Math.max(1, Math.ceil(size / 4));
    const align8 = !byRef && nwords === 2 && (is64(t) || alignOf(t) === 8);
    if (align8 && i >= variadicFrom && reg % 2 === 1 && reg < 8) reg++;
    const words: WordLoc[] = [];
    for (let w = 0; w < nwords; w++) {
      if (reg < 8) words.push({ reg: reg++, stack: null });
      else {
        if (w === 0 && align8) stack = Math.ceil(stack / 8) * 8;
        words.push({ reg: null, stack });
        stack += 4;
      }
    }
    classes.push({ words, byRef });
  }
  return { classes, stackBytes: Math.ceil(stack / 16) * 16, rawStackBytes: stack, nextReg: reg };
}

/** One word to put in place before a call: from a temp, or loaded from [base + off]. */
interface Move {
  loc: WordLoc;
  temp?: Temp;
  base?: Temp;
  off?: number;
}

/** Moves argument words into a0-a7 and the outgoing area. All other live temps are spilled first. */
function placeArgs(g: FnGen, moves: Move[], keep: Temp[]): void {
  g.spillAllExcept(keep);
  for (const m of moves) {
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
      if (m.loc.reg !== null) g.loadWord(target, base, m.off!);
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
  const sret = isRecord(ret) && sizeOf(ret) > 8;
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
    if (isRecord(t)) {
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

function callResult(g: FnGen, n: Node, ret: Type): Val {
  if (ret.kind === 'void') return { lo: { reg: 'zero', slot: 0, owned: false }, hi: null };
  if (isRecord(ret)) {
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
  const size = isRecord(t) ? sizeOf(t) : is64(t) ? 8 : 4;
  const byRef = isRecord(t) && size > 8;
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
  if (isRecord(t)) return { lo: cur, hi: null };
  const v = loadVal(g, { kind: 'reg', base: cur, off: 0 }, t);
  g.release(cur);
  return v;
}
