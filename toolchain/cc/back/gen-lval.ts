// Lvalues for the code generator: where an object lives (frame slot, global, pointer + offset, or an
// -O1 register), loading and storing scalars, 64-bit pairs and bit-fields, and struct copies.
import type { Node, Obj } from '../front/ast.js';
import { CompileError } from '../diagnostics.js';
import { genExpr } from './gen-expr.js';
import { loadBitfield64, storeBitfield64 } from './gen-bitfield64.js';
import { Addr, FnGen, Temp, Val, fits12, loadInsn, storeInsn } from './gen-state.js';
import type { Member, Type } from '../front/types.js';
import { alignOf, is64, isFloat, isRecord, sizeOf } from '../front/types.js';

/** Address of an object: frame slot, register, or global symbol. */
export function varAddr(o: Obj): Addr {
  if (o.isLocal) {
    if (o.reg) return { kind: 'regvar', obj: o };
    if (o.offset === undefined) throw new CompileError(`internal compiler error: no storage for '${o.name}'`, o.tok);
    return { kind: 'frame', off: o.offset };
  }
  return { kind: 'global', sym: o.name, off: 0 };
}

/** Computes where the lvalue `n` lives. Constant offsets fold into the address. */
export function genLval(g: FnGen, n: Node): Addr {
  switch (n.kind) {
    case 'var':
      return varAddr(n.obj!);
    case 'deref': {
      const p = n.lhs!;
      // *(q + c): fold a constant byte offset into the load/store
      if (p.kind === 'add' && p.rhs!.kind === 'num' && p.ty!.kind === 'ptr' && !is64(p.rhs!.ty!)) {
        const off = Number(p.rhs!.val!);
        if (fits12(off)) {
          const base = genExpr(g, p.lhs!).lo;
          return { kind: 'reg', base, off };
        }
      }
      if (p.kind === 'cast' && p.lhs!.kind === 'addr' && p.ty!.kind === 'ptr') {
        // *(T*)&x: same storage as x
        return genLval(g, p.lhs!.lhs!);
      }
      const v = genExpr(g, p);
      return { kind: 'reg', base: v.lo, off: 0 };
    }
    case 'member': {
      const a = genLval(g, n.lhs!);
      return offsetAddr(g, a, n.member!.offset);
    }
    case 'str':
      return { kind: 'global', sym: `.LC${n.strIndex}`, off: 0 };
  }
  // struct-valued expressions (calls, ?:, assignments, statement expressions) evaluate to an address
  if (isRecord(n.ty!) || n.ty!.kind === 'array' || n.ty!.kind === 'ldouble') {
    const v = genExpr(g, n);
    return { kind: 'reg', base: v.lo, off: 0 };
  }
  throw new CompileError('internal compiler error: not an lvalue', n.tok);
}

export function offsetAddr(g: FnGen, a: Addr, off: number): Addr {
  switch (a.kind) {
    case 'frame': return { kind: 'frame', off: a.off + off };
    case 'global': return { kind: 'global', sym: a.sym, off: a.off + off };
    case 'reg': {
      if (fits12(a.off + off) && fits12(a.off + off + 8)) return { kind: 'reg', base: a.base, off: a.off + off };
      // the base's register is read before choosing the destination: a base the address does not own (a
      // register variable, at -O1) gets a new register that holds nothing yet
      const src = g.reg(a.base);
      const d = g.dest(a.base);
      g.addImm(d.reg!, src, a.off + off);
      return { kind: 'reg', base: d, off: 0 };
    }
    case 'regvar':
      throw new CompileError('internal compiler error: member of register variable', a.obj.tok);
  }
}

function symRef(sym: string, off: number): string {
  return off === 0 ? sym : `${sym}${off > 0 ? '+' : ''}${off}`;
}

/** Materialises an address as a value. */
export function addrToTemp(g: FnGen, a: Addr): Temp {
  switch (a.kind) {
    case 'frame': {
      const d = g.alloc();
      g.addImm(d.reg!, 's0', a.off);
      return d;
    }
    case 'global': {
      const d = g.alloc();
      const r = symRef(a.sym, a.off);
      g.insn(`\tlui ${d.reg}, %hi(${r})`);
      g.insn(`\taddi ${d.reg}, ${d.reg}, %lo(${r})`);
      return d;
    }
    case 'reg': {
      if (a.off === 0) return a.base;
      const src = g.reg(a.base);
      const d = g.dest(a.base);
      g.addImm(d.reg!, src, a.off);
      return d;
    }
    case 'regvar':
      throw new CompileError('internal compiler error: address of register variable', a.obj.tok);
  }
}

/** Emits `op rd, <addr>` for a load; `rd` is a register the caller owns. */
function loadAt(g: FnGen, op: string, rd: string, a: Addr, extra: number): void {
  switch (a.kind) {
    case 'frame': return g.loadOp(op, rd, 's0', a.off + extra);
    case 'global': {
      const r = symRef(a.sym, a.off + extra);
      const base = rd.charCodeAt(0) === 102 ? 't6' : rd; // an f register cannot hold the address
      g.insn(`\tlui ${base}, %hi(${r})`);
      g.insn(`\t${op} ${rd}, %lo(${r})(${base})`);
      return;
    }
    case 'reg': return g.loadOp(op, rd, g.reg(a.base), a.off + extra);
    case 'regvar': throw new CompileError('internal compiler error: load from register variable', a.obj.tok);
  }
}

function storeAt(g: FnGen, op: string, rs: string, a: Addr, extra: number): void {
  switch (a.kind) {
    case 'frame': return g.storeOp(op, rs, 's0', a.off + extra);
    case 'global': {
      const r = symRef(a.sym, a.off + extra);
      g.insn(`\tlui t6, %hi(${r})`);
      g.insn(`\t${op} ${rs}, %lo(${r})(t6)`);
      return;
    }
    case 'reg': return g.storeOp(op, rs, g.reg(a.base), a.off + extra);
    case 'regvar': throw new CompileError('internal compiler error: store to register variable', a.obj.tok);
  }
}

/** Releases the temps an address holds. */
export function releaseAddr(g: FnGen, a: Addr): void {
  if (a.kind === 'reg') g.release(a.base);
}

/** Loads a scalar (or 64-bit pair) of type t from `a`. Does not release `a`. */
export function loadVal(g: FnGen, a: Addr, t: Type): Val {
  if (a.kind === 'regvar') return { lo: { reg: a.obj.reg!, slot: 0, owned: false, fp: isFloat(t) }, hi: null };
  if (t.kind === 'float' || t.kind === 'double') {
    const f = g.allocF();
    loadAt(g, loadInsn(t), f.reg!, a, 0);
    return { lo: f, hi: null };
  }
  if (is64(t)) {
    const lo = g.alloc();
    loadAt(g, 'lw', lo.reg!, a, 0);
    const hi = g.alloc();
    loadAt(g, 'lw', hi.reg!, a, 4);
    return { lo, hi };
  }
  const d = g.alloc();
  loadAt(g, loadInsn(t), d.reg!, a, 0);
  return { lo: d, hi: null };
}

/** Loads and releases the address in one step, reusing the base register for the result when possible. */
export function loadAndRelease(g: FnGen, a: Addr, t: Type): Val {
  if (a.kind === 'reg' && !is64(t) && !isFloat(t) && a.base.owned) {
    const base = g.reg(a.base);
    const d = g.dest(a.base);
    g.loadOp(loadInsn(t), d.reg!, base, a.off);
    return { lo: d, hi: null };
  }
  const v = loadVal(g, a, t);
  releaseAddr(g, a);
  return v;
}

/** Narrows a register value to the canonical form of a register variable of type t. */
export function normalizeInto(g: FnGen, rd: string, rs: string, t: Type): void {
  const size = t.kind === 'ptr' ? 4 : sizeOf(t);
  if (t.kind === 'bool') g.insn(`\tsnez ${rd}, ${rs}`);
  else if (size === 1) {
    if (t.unsigned) g.insn(`\tandi ${rd}, ${rs}, 255`);
    else {
      g.insn(`\tslli ${rd}, ${rs}, 24`);
      g.insn(`\tsrai ${rd}, ${rd}, 24`);
    }
  } else if (size === 2) {
    g.insn(`\tslli ${rd}, ${rs}, 16`);
    g.insn(t.unsigned ? `\tsrli ${rd}, ${rd}, 16` : `\tsrai ${rd}, ${rd}, 16`);
  } else if (rd !== rs) g.insn(`\tmv ${rd}, ${rs}`);
}

/** Stores a scalar/64-bit value into `a`. Does not release anything. */
export function storeVal(g: FnGen, a: Addr, v: Val, t: Type): void {
  if (a.kind === 'regvar') {
    const r = g.reg(v.lo);
    if (r !== a.obj.reg) g.insn(v.lo.fp ? `\tfmv.d ${a.obj.reg}, ${r}` : `\tmv ${a.obj.reg}, ${r}`);
    return;
  }
  if (is64(t)) {
    storeAt(g, 'sw', g.reg(v.lo), a, 0);
    storeAt(g, 'sw', g.reg(v.hi!), a, 4);
    return;
  }
  storeAt(g, storeInsn(t), g.reg(v.lo), a, 0);
}

/** Reads bit-field `m` from the unit at `a`; returns the extended value. Does not release `a`. */
export function loadBitfield(g: FnGen, a: Addr, m: Member): Val {
  if (is64(m.type)) return loadBitfield64(g, a, m);
  const unit = loadVal(g, a, m.type).lo;
  const r = g.reg(unit);
  const d = g.dest(unit);
  const left = 32 - m.bitOffset - m.bitWidth;
  const signed = !m.type.unsigned && m.type.kind !== 'bool';
  if (left > 0) g.insn(`\tslli ${d.reg}, ${r}, ${left}`);
  else if (d.reg !== r) g.insn(`\tmv ${d.reg}, ${r}`);
  if (32 - m.bitWidth > 0) g.insn(`\t${signed ? 'srai' : 'srli'} ${d.reg}, ${d.reg}, ${32 - m.bitWidth}`);
  return { lo: d, hi: null };
}

/** Writes `v` into bit-field `m` at `a` (read-modify-write of its unit); returns the stored field value. */
export function storeBitfield(g: FnGen, a: Addr, m: Member, v: Val): Val {
  if (is64(m.type)) return storeBitfield64(g, a, m, v);
  const val = g.reg(v.lo);
  const mask = m.bitWidth === 32 ? 0xffffffff : (1 << m.bitWidth) - 1;
  // field value masked and shifted into place
  const f = g.alloc();
  g.insn(`\tli t6, ${mask | 0}`);
  g.insn(`\tand ${f.reg}, ${val}, t6`);
  if (m.bitOffset) g.insn(`\tslli ${f.reg}, ${f.reg}, ${m.bitOffset}`);
  const unit = loadVal(g, a, unitType(m)).lo;
  const u = g.reg(unit);
  g.insn(`\tli t6, ${~((mask << m.bitOffset) >>> 0) | 0}`);
  g.insn(`\tand ${u}, ${u}, t6`);
  g.insn(`\tor ${u}, ${u}, ${g.reg(f)}`);
  storeVal(g, a, { lo: unit, hi: null }, unitType(m));
  g.release(unit);
  g.release(f);
  // result: the value as read back from the field
  const d = g.dest(v.lo);
  const left = 32 - m.bitWidth;
  const signed = !m.type.unsigned && m.type.kind !== 'bool';
  if (left > 0) {
    g.insn(`\tslli ${d.reg}, ${val}, ${left}`);
    g.insn(`\t${signed ? 'srai' : 'srli'} ${d.reg}, ${d.reg}, ${left}`);
  } else if (d.reg !== val) g.insn(`\tmv ${d.reg}, ${val}`);
  return { lo: d, hi: null };
}

function unitType(m: Member): Type {
  return { ...m.type, unsigned: true };
}

/** Copies `size` bytes from the object at `src` to the one at `dst` (both addresses; released). */
export function copyStruct(g: FnGen, dst: Addr, src: Addr, t: Type): void {
  const size = sizeOf(t);
  const align = alignOf(t);
  const unit = align >= 4 ? 4 : align >= 2 ? 2 : 1;
  const [ld, st] = unit === 4 ? ['lw', 'sw'] : unit === 2 ? ['lhu', 'sh'] : ['lbu', 'sb'];
  const n = Math.floor(size / unit);
  if (n <= 16 || dst.kind !== 'reg' || src.kind !== 'reg') {
    if (n > 16) {
      const d = addrToTemp(g, dst);
      const s = addrToTemp(g, src);
      return copyLoop(g, d, s, n, unit, ld, st);
    }
    for (let i = 0; i < n; i++) {
      loadAt(g, ld, 'a0', src, i * unit);
      storeAt(g, st, 'a0', dst, i * unit);
    }
    for (let i = n * unit; i < size; i++) {
      loadAt(g, 'lbu', 'a0', src, i);
      storeAt(g, 'sb', 'a0', dst, i);
    }
    releaseAddr(g, dst);
    releaseAddr(g, src);
    return;
  }
  copyLoop(g, addrToTemp(g, dst), addrToTemp(g, src), n, unit, ld, st, size - n * unit);
}

function copyLoop(g: FnGen, d: Temp, s: Temp, n: number, unit: number, ld: string, st: string, tail = 0): void {
  g.insn(`\tmv a0, ${g.reg(d)}`);
  g.insn(`\tmv a1, ${g.reg(s)}`);
  g.release(d);
  g.release(s);
  const tmp = g.alloc();
  const r = tmp.reg!;
  g.insn(`\tli t6, ${n}`);
  const l = `.Lcopy${g.unit.copyNumber()}_${g.fn.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  g.label(l);
  g.insn(`\t${ld} ${r}, 0(a1)`);
  g.insn(`\t${st} ${r}, 0(a0)`);
  g.insn(`\taddi a0, a0, ${unit}`);
  g.insn(`\taddi a1, a1, ${unit}`);
  g.insn(`\taddi t6, t6, -1`);
  g.insn(`\tbnez t6, ${l}`);
  for (let i = 0; i < tail; i++) {
    g.insn(`\tlbu t6, ${i}(a1)`);
    g.insn(`\tsb t6, ${i}(a0)`);
  }
  g.release(tmp);
}

/** Zero-fills the object at `a` of `size` bytes. */
export function zeroFill(g: FnGen, a: Addr, size: number, align: number): void {
  if (size > 64 && a.kind === 'frame') {
    const d = addrToTemp(g, a);
    const r = g.reg(d);
    const words = Math.floor(size / 4);
    g.insn(`\tli t6, ${words}`);
    const l = `.Lzero${g.unit.copyNumber()}_${g.fn.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
    g.label(l);
    g.insn(`\tsw zero, 0(${r})`);
    g.insn(`\taddi ${r}, ${r}, 4`);
    g.insn(`\taddi t6, t6, -1`);
    g.insn(`\tbnez t6, ${l}`);
    for (let i = words * 4; i < size; i++) g.insn(`\tsb zero, ${i - words * 4}(${r})`);
    g.clobber(d);
    g.release(d);
    return;
  }
  let i = 0;
  if (align >= 4) for (; i + 4 <= size; i += 4) storeAt(g, 'sw', 'zero', a, i);
  for (; i < size; i++) storeAt(g, 'sb', 'zero', a, i);
  releaseAddr(g, a);
}
