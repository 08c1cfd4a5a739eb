// Code for 'atomic' nodes (front/atomic.ts) on the A extension, with the RISC-V psABI's mapping of the C11
// memory model (psABI "Memory model mappings", Linux/conventional table):
//   load        relaxed: l{b|h|w}   acquire: l; fence r,rw   seq_cst: fence rw,rw; l; fence r,rw
//               (release is not a load order: as relaxed; acq_rel: as acquire)
//   store       relaxed: s{b|h|w}   release, seq_cst: fence rw,w; s
//   amo<op>.w   relaxed: no bits    acquire: .aq   release: .rl   acq_rel, seq_cst: .aqrl
//   lr/sc loop  relaxed: lr; sc     acquire: lr.aq; sc   release: lr; sc.rl   acq_rel: lr.aq; sc.rl
//               seq_cst: lr.aqrl; sc.rl
//   fence       acquire: fence r,rw   release: fence rw,w   acq_rel: fence.tso   seq_cst: fence rw,rw
// (consume is treated as acquire.) Word objects use amoswap/amoadd/amoand/amoor/amoxor (sub is amoadd of the
// negated value); nand and compare-and-swap are lr.w/sc.w loops. Byte and halfword objects are updated
// through the aligned word that holds them: an lr.w/sc.w loop that replaces only their bits (mask).
// Inside a loop every value lives in a register taken before its label (no temporaries are spilled there);
// t6 is the scratch register, as in the rest of the code generator.
import type { Node } from '../front/ast.js';
import { MemoryOrder } from '../front/atomic.js';
import type { AtomicOp, RmwOp } from '../front/atomic.js';
import { CompileError } from '../diagnostics.js';
import { genLibCall } from './gen-call.js';
import { genExpr } from './gen-expr.js';
import { addrToTemp, normalizeInto } from './gen-lval.js';
import { Addr, FnGen, Temp, Val, loadInsn, storeInsn } from './gen-state.js';
import { Type, is64 } from '../front/types.js';

const ZERO: Temp = { reg: 'zero', slot: 0, owned: false };

function one(t: Temp): Val {
  return { lo: t, hi: null };
}

/** The .aq/.rl suffix of an AMO for `order`. */
export function amoSuffix(order: MemoryOrder): string {
  switch (order) {
    case MemoryOrder.RELAXED: return '';
    case MemoryOrder.CONSUME: case MemoryOrder.ACQUIRE: return '.aq';
    case MemoryOrder.RELEASE: return '.rl';
    default: return '.aqrl';
  }
}

/** lr.w's suffix for `order`. */
function lrSuffix(order: MemoryOrder): string {
  if (order === MemoryOrder.SEQ_CST) return '.aqrl';
  return order === MemoryOrder.ACQUIRE || order === MemoryOrder.CONSUME || order === MemoryOrder.ACQ_REL ? '.aq' : '';
}

/** sc.w's suffix for `order`. */
function scSuffix(order: MemoryOrder): string {
  return order === MemoryOrder.RELEASE || order === MemoryOrder.ACQ_REL || order === MemoryOrder.SEQ_CST ? '.rl' : '';
}

/** The fence of atomic_thread_fence(order) (none for relaxed). */
function fenceFor(order: MemoryOrder): string | null {
  switch (order) {
    case MemoryOrder.RELAXED: return null;
    case MemoryOrder.CONSUME: case MemoryOrder.ACQUIRE: return 'fence r,rw';
    case MemoryOrder.RELEASE: return 'fence rw,w';
    case MemoryOrder.ACQ_REL: return 'fence.tso';
    default: return 'fence rw,rw';
  }
}

/** Evaluates 'atomic' node `n`. */
export function genAtomic(g: FnGen, n: Node): Val {
  const a = n.atomic!;
  if (a.kind === 'fence') {
    const f = fenceFor(a.order);
    if (f) g.insn(`\t${f}`);
    return one(ZERO);
  }
  const args = n.args!;
  const ptr = g.owned(genExpr(g, args[0]).lo);
  switch (a.kind) {
    case 'load': {
      const r = g.reg(ptr);
      g.clobber(ptr);
      if (a.order === MemoryOrder.SEQ_CST) g.insn('\tfence rw,rw');
      g.insn(`\t${loadInsn(a.objType)} ${r}, 0(${r})`);
      if (a.order !== MemoryOrder.RELAXED && a.order !== MemoryOrder.RELEASE) g.insn('\tfence r,rw');
      return one(ptr);
    }
    case 'store': {
      const v = genExpr(g, args[1]).lo;
      if (a.order === MemoryOrder.SEQ_CST || a.order === MemoryOrder.RELEASE || a.order === MemoryOrder.ACQ_REL) g.insn('\tfence rw,w');
      g.insn(`\t${storeInsn(a.objType)} ${g.reg(v)}, 0(${g.reg(ptr)})`);
      g.release(ptr);
      if (n.ty!.kind === 'void') {
        g.release(v);
        return one(ZERO);
      }
      return one(v);
    }
    case 'xchg':
    case 'rmw': {
      const v = g.owned(genExpr(g, args[1]).lo);
      if (a.size === 4 && a.rmw !== 'nand') return wordAmo(g, a, ptr, v);
      return lrscUpdate(g, a, ptr, v, null);
    }
    case 'cas': {
      const expected = g.owned(genExpr(g, args[1]).lo);
      const desired = g.owned(genExpr(g, args[2]).lo);
      return lrscUpdate(g, a, ptr, desired, expected);
    }
  }
  throw new CompileError(`internal compiler error: atomic operation '${a.kind}'`, n.tok);
}

/** amoswap/amoadd/amoand/amoor/amoxor.w; the value is the old one, or the new one computed from it. */
function wordAmo(g: FnGen, a: AtomicOp, ptr: Temp, v: Temp): Val {
  const pr = g.reg(ptr);
  const vr = g.reg(v);
  g.clobber(ptr);
  g.clobber(v);
  if (a.rmw === 'sub') g.insn(`\tneg ${vr}, ${vr}`);
  const op = a.kind === 'xchg' ? 'swap' : a.rmw === 'sub' ? 'add' : a.rmw!;
  // the old value replaces the address (the address is not needed afterwards)
  g.insn(`\tamo${op}.w${amoSuffix(a.order)} ${pr}, ${vr}, 0(${pr})`);
  if (a.kind === 'rmw' && a.returnsNew) {
    const alu = op === 'add' ? 'add' : op;
    g.insn(`\t${alu} ${pr}, ${pr}, ${vr}`);
  }
  g.release(v);
  return one(ptr);
}

/** rd = old OP v (registers), for the lr/sc loops' read-modify-write operations. */
function combine(g: FnGen, op: RmwOp, rd: string, old: string, v: string): void {
  switch (op) {
    case 'add': g.insn(`\tadd ${rd}, ${old}, ${v}`); return;
    case 'sub': g.insn(`\tsub ${rd}, ${old}, ${v}`); return;
    case 'and': g.insn(`\tand ${rd}, ${old}, ${v}`); return;
    case 'or': g.insn(`\tor ${rd}, ${old}, ${v}`); return;
    case 'xor': g.insn(`\txor ${rd}, ${old}, ${v}`); return;
    case 'nand':
      g.insn(`\tand ${rd}, ${old}, ${v}`);
      g.insn(`\tnot ${rd}, ${rd}`);
  }
}

/**
 * An lr.w/sc.w loop on the word holding the object: exchange, read-modify-write, or (when `expected` is
 * given) compare-and-swap, which leaves the loop without storing when the value differs. For a byte or
 * halfword the loop works on the aligned word and replaces only the object's bits: the operands are
 * shifted into place, and the new word is ((new ^ old) & mask) ^ old, the old word's other bits kept.
 * The result is the old value (extended as the object's type), or for `returnsNew` the new one, computed
 * again from the old value after the loop. Needs at most six registers (old, address, operand, expected,
 * shift, mask) besides t6: the temporaries' pool always has six.
 */
function lrscUpdate(g: FnGen, a: AtomicOp, ptr: Temp, v: Temp, expected: Temp | null): Val {
  // every register the loop uses is taken now, before its label
  g.spillAll();
  const sub = a.size < 4;
  const old = g.alloc();
  const shift = sub ? g.alloc() : null;
  const mask = sub ? g.alloc() : null;
  const pr = g.reg(ptr);
  const vr = g.reg(v);
  const er = expected ? g.reg(expected) : null;
  if ([old, shift, mask, ptr, v, expected].some((t) => t !== null && t.reg === null)) {
    throw new CompileError('internal compiler error: an atomic loop ran out of registers', null);
  }
  for (const t of [ptr, v, expected]) if (t) g.clobber(t);
  const o = old.reg!;
  const m = mask?.reg ?? '';
  if (sub) {
    const s = shift!.reg!;
    g.insn(`\tandi ${s}, ${pr}, 3`);
    g.insn(`\tslli ${s}, ${s}, 3`);
    g.insn(`\tandi ${pr}, ${pr}, -4`);
    g.insn(`\tli ${m}, ${a.size === 1 ? 255 : 65535}`);
    g.insn(`\tand ${vr}, ${vr}, ${m}`);
    g.insn(`\tsll ${vr}, ${vr}, ${s}`);
    if (er) {
      g.insn(`\tand ${er}, ${er}, ${m}`);
      g.insn(`\tsll ${er}, ${er}, ${s}`);
    }
    g.insn(`\tsll ${m}, ${m}, ${s}`);
  }
  const loop = g.newLabel();
  const done = g.newLabel();
  g.label(loop);
  g.insn(`\tlr.w${lrSuffix(a.order)} ${o}, 0(${pr})`);
  if (er) {
    if (sub) {
      g.insn(`\tand t6, ${o}, ${m}`);
      g.insn(`\tbne t6, ${er}, ${done}`);
    } else g.insn(`\tbne ${o}, ${er}, ${done}`);
  }
  let src = 't6';
  if (a.kind === 'rmw') combine(g, a.rmw!, 't6', o, vr);
  else if (sub) g.insn(`\tmv t6, ${vr}`);
  else src = vr;
  if (sub) {
    g.insn(`\txor t6, t6, ${o}`);
    g.insn(`\tand t6, t6, ${m}`);
    g.insn(`\txor t6, t6, ${o}`);
  }
  g.insn(`\tsc.w${scSuffix(a.order)} t6, ${src}, 0(${pr})`);
  g.insn(`\tbnez t6, ${loop}`);
  g.label(done);
  if (a.kind === 'rmw' && a.returnsNew) combine(g, a.rmw!, o, o, vr);
  if (sub) g.insn(`\tsrl ${o}, ${o}, ${shift!.reg}`);
  normalizeInto(g, o, o, a.objType);
  for (const t of [ptr, v, expected, shift, mask]) g.release(t);
  return one(old);
}

/**
 * A load of an _Atomic object at `addr`: seq_cst (fence rw,rw; load; fence r,rw), or the __atomic_load_8
 * helper for 8-byte objects. Releases `addr`.
 */
export function genAtomicObjectLoad(g: FnGen, addr: Addr, t: Type): Val {
  if (addr.kind === 'regvar') return { lo: { reg: addr.obj.reg!, slot: 0, owned: false }, hi: null };
  const p = addrToTemp(g, addr);
  if (is64(t)) return genLibCall(g, '__atomic_load_8', [one(p), one(g.imm(MemoryOrder.SEQ_CST))], true);
  const d = g.owned(p);
  g.clobber(d);
  g.insn('\tfence rw,rw');
  g.insn(`\t${loadInsn(t)} ${d.reg}, 0(${d.reg})`);
  g.insn('\tfence r,rw');
  return one(d);
}
