// Bit-fields of type long long / unsigned long long (a gcc extension C11 6.7.2.1p5 allows): the field lives in
// an 8-byte unit (the layout never lets it cross one, except in packed structs), read and written as the
// unit's two words with 64-bit shifts and masks. One no wider than 32 bits has type int in expressions (gcc),
// so it comes and goes as a 32-bit value.
import type { Member } from '../front/types.js';
import { ty } from '../front/types.js';
import { shift64Const } from './gen-arith.js';
import { loadVal, storeVal } from './gen-lval.js';
import { Addr, FnGen, Val } from './gen-state.js';

/** Sign- or zero-extends the low `width` bits of the 64-bit value `v` (consumed) as field `m` reads them. */
function extendField(g: FnGen, v: Val, m: Member, left: number): Val {
  const signed = !m.type.unsigned;
  const up = shift64Const(g, 'shl', v, left, ty.ullong);
  return shift64Const(g, 'shr', up, 64 - m.bitWidth, signed ? ty.llong : ty.ullong);
}

/** An owned copy of a 64-bit value (shift64Const consumes its operand). */
function copy64(g: FnGen, v: Val): Val {
  const lo = g.alloc();
  const hi = g.alloc();
  g.insn(`\tmv ${lo.reg}, ${g.reg(v.lo)}`);
  g.insn(`\tmv ${hi.reg}, ${g.reg(v.hi!)}`);
  return { lo, hi };
}

/** Reads 64-bit bit-field `m` from the unit at `a`; returns the extended value. Does not release `a`. */
export function loadBitfield64(g: FnGen, a: Addr, m: Member): Val {
  const unit = loadVal(g, a, ty.ullong);
  return narrowed(g, extendField(g, unit, m, 64 - m.bitOffset - m.bitWidth), m);
}

/** The value of a field no wider than 32 bits as the int it is in expressions (its low word). */
function narrowed(g: FnGen, v: Val, m: Member): Val {
  if (m.bitWidth > 32) return v;
  g.release(v.hi);
  return { lo: v.lo, hi: null };
}

/** A 32-bit value (an int-typed field's new value) widened to 64 bits as its own type extends it. */
function widened(g: FnGen, v: Val, m: Member): Val {
  if (v.hi) return v;
  const hi = g.alloc();
  if (m.bitWidth === 32 && m.type.unsigned) g.insn(`\tli ${hi.reg}, 0`);
  else g.insn(`\tsrai ${hi.reg}, ${g.reg(v.lo)}, 31`);
  return { lo: v.lo, hi };
}

/** Writes `v` into 64-bit bit-field `m` at `a` (read-modify-write of both words); returns the field's new value. */
export function storeBitfield64(g: FnGen, a: Addr, m: Member, given: Val): Val {
  const v = widened(g, given, m);
  const mask = ((1n << BigInt(m.bitWidth)) - 1n) << BigInt(m.bitOffset);
  const placed = shift64Const(g, 'shl', copy64(g, v), m.bitOffset, ty.ullong);
  const unit = loadVal(g, a, ty.ullong);
  const words: ['lo' | 'hi', bigint][] = [['lo', mask & 0xffffffffn], ['hi', mask >> 32n]];
  for (const [half, bits] of words) {
    if (bits === 0n) continue; // the field has no bit in this word: it stays as it was
    const u = g.reg(unit[half]!);
    const f = g.reg(placed[half]!);
    g.insn(`\tli t6, ${Number(BigInt.asIntN(32, bits))}`);
    g.insn(`\tand ${f}, ${f}, t6`);
    g.insn(`\tli t6, ${Number(BigInt.asIntN(32, ~bits))}`);
    g.insn(`\tand ${u}, ${u}, t6`);
    g.insn(`\tor ${u}, ${u}, ${f}`);
  }
  storeVal(g, a, unit, ty.ullong);
  g.releaseVal(unit);
  g.releaseVal(placed);
  // the value as read back from the field (v is consumed, as the 32-bit path consumes it)
  const readBack = copy64(g, v);
  g.releaseVal(v);
  return narrowed(g, extendField(g, readBack, m, 64 - m.bitWidth), m);
}

/** `old + step` (step ±1) in 64 bits, in new registers: the ++/-- of a 64-bit bit-field. */
export function add64Step(g: FnGen, old: Val, step: number): Val {
  const lo = g.alloc();
  const hi = g.alloc();
  g.insn(`\taddi ${lo.reg}, ${g.reg(old.lo)}, ${step}`);
  g.insn(`\tsltu a0, ${lo.reg}, ${g.reg(old.lo)}`); // 1 when the low word wrapped upward (a borrow for -1)
  if (step > 0) g.insn(`\tadd ${hi.reg}, ${g.reg(old.hi!)}, a0`);
  else {
    g.insn(`\txori a0, a0, 1`);
    g.insn(`\tsub ${hi.reg}, ${g.reg(old.hi!)}, a0`);
  }
  return { lo, hi };
}
