// The ILP32D calling convention (RISC-V psABI, hardware floating-point): which arguments and results go in
// f registers. A named float/double argument takes the next of fa0-fa7; a struct whose fields, flattened
// through nested structs and arrays, are one float/double, two floats/doubles, or one float/double and one
// integer of at most 4 bytes, goes field by field in fa registers (and one a register for the integer) when
// enough of both are free. Anything else, every variadic argument, and those eligible ones when the
// registers have run out, follows the integer convention (a-registers, then the stack; a double like a
// long long). Unions are never flattened, nor is long double (wider than FLEN) or a bit-field holder.
// Results follow the same rule in fa0/fa1 (and a0).
import { Type, alignOf, is64, isFloat, isRecord, sizeOf } from '../front/types.js';

/** One scalar field of a flattened argument: its type and byte offset in the object. */
export interface FlatField {
  type: Type;
  offset: number;
}

/** One register of an argument passed by the floating convention: fa<reg> (fp) or a<reg>, and its field. */
export interface FlatReg {
  fp: boolean;
  reg: number;
  offset: number;
  type: Type;
}

/** Where one 32-bit word of an argument goes: register a<reg>, or the outgoing area at byte `stack`. */
export interface WordLoc {
  reg: number | null;
  stack: number | null;
}

export interface ArgClass {
  words: WordLoc[];
  /** Aggregate larger than 8 bytes (or long double): a pointer to a copy is passed. */
  byRef: boolean;
  /** Set when the argument goes by the floating convention: its registers (then `words` is empty). */
  regs: FlatReg[] | null;
}

function leaves(t: Type, off: number, out: FlatField[]): boolean {
  if (t.kind === 'struct') {
    for (const m of t.record!.members) {
      if (m.isBitfield) return false;
      if (!leaves(m.type, off + m.offset, out)) return false;
    }
    return true;
  }
  if (t.kind === 'array') {
    const es = sizeOf(t.base!);
    for (let i = 0; i < Math.max(t.arrayLen!, 0); i++) if (!leaves(t.base!, off + i * es, out)) return false;
    return true;
  }
  if (t.kind === 'union' || t.kind === 'ldouble' || t.kind === 'func' || t.kind === 'void' || is64(t)) return false;
  out.push({ type: t, offset: off });
  return out.length <= 2;
}

/** The fields of `t` when it may go in f registers (see the file comment), else null. */
export function flatFields(t: Type): FlatField[] | null {
  if (t.kind === 'float' || t.kind === 'double') return [{ type: t, offset: 0 }];
  if (t.kind !== 'struct') return null;
  const out: FlatField[] = [];
  if (!leaves(t, 0, out) || out.length === 0) return null;
  const nf = out.filter((f) => isFloat(f.type)).length;
  if (nf === 0) return null; // one or two integers: the integer convention
  return out;
}

/** Whether a value of type t is returned through a hidden pointer in a0. */
export function returnsByRef(t: Type): boolean {
  if (t.kind === 'ldouble') return true;
  return isRecord(t) && sizeOf(t) > 8 && flatFields(t) === null;
}

/** The registers of a result that comes back by the floating convention (fa0/fa1, a0), or null. */
export function returnRegs(t: Type): FlatReg[] | null {
  const f = flatFields(t);
  if (!f) return null;
  let fr = 0;
  let ir = 0;
  return f.map((x) => (isFloat(x.type) ? { fp: true, reg: fr++, offset: x.offset, type: x.type } : { fp: false, reg: ir++, offset: x.offset, type: x.type }));
}

/** Classifies arguments; `variadicFrom` is the index of the first unnamed argument (or types.length). */
export function classifyArgs(
  types: Type[],
  variadicFrom: number,
  firstReg: number,
): { classes: ArgClass[]; stackBytes: number; rawStackBytes: number; nextReg: number; nextFreg: number } {
  let reg = firstReg;
  let freg = 0;
  let stack = 0;
  // loops over literal arrays rather than map(): map() of an empty list makes an array of another elements
  // kind, and optimized code seeing both kinds is thrown away once (this function is inlined in big ones)
  const classes: ArgClass[] = [];
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    if (i < variadicFrom && (isFloat(t) || t.kind === 'struct')) {
      const f = flatFields(t);
      if (f) {
        let nf = 0;
        for (const x of f) if (isFloat(x.type)) nf++;
        if (freg + nf <= 8 && reg + (f.length - nf) <= 8) {
          const regs: FlatReg[] = [];
          for (const x of f) {
            if (isFloat(x.type)) regs.push({ fp: true, reg: freg++, offset: x.offset, type: x.type });
            else regs.push({ fp: false, reg: reg++, offset: x.offset, type: x.type });
          }
          classes.push({ words: [], byRef: false, regs });
          continue;
        }
      }
    }
    const size = isRecord(t) || isFloat(t) ? sizeOf(t) : t.kind === 'llong' ? 8 : 4;
    const byRef = (isRecord(t) || t.kind === 'ldouble') && size > 8;
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
    classes.push({ words, byRef, regs: null });
  }
  return { classes, stackBytes: Math.ceil(stack / 16) * 16, rawStackBytes: stack, nextReg: reg, nextFreg: freg };
}
