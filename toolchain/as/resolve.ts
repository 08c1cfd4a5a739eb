// After layout: builds each section's final bytes, applies fixups whose value is now known and
// turns the others into relocations (against the symbol itself, as GNU as does for RISC-V, with
// the "tentative" branch/jump offsets GNU as writes into the instruction for readability).

import { RelocType } from '../../abi/elf.js';
import { encB, encJ } from '../../abi/riscv.js';
import { AsmError } from './diagnostics.js';
import { evaluate, evaluateData, type Val } from './eval.js';
import { FixKind, type Fixup } from './fixup.js';
import type { BranchTargets } from './layout.js';
import { VarKind, type Section } from './section.js';
import { SymKind, type Sym } from './symbol.js';

const JAL_MATCH = 0x6f;
const NOP = 0x00000013;

/** Copies fixed parts and fills variable parts (alignment padding, branches) into `sec.buf`. */
export function buildContents(sec: Section, targets: BranchTargets): void {
  if (sec.isNobits) return;
  const out = new Uint8Array(sec.size);
  for (const f of sec.frags) {
    out.set(sec.buf.subarray(f.fixedStart, f.fixedStart + f.fixedLen), f.address);
    const at = f.address + f.fixedLen;
    if (f.varKind === VarKind.ALIGN && f.varSize > 0) padding(out, at, f.varSize, f.fill, sec.isCode);
    else if (f.varKind === VarKind.BRANCH) branch(sec, out, at, f.varSize, f.branchMatch, f.rs1, f.rs2, targets.get(f) ?? null);
  }
  sec.buf = out;
}

/**
 * Alignment padding: the fill byte; in code GNU as's riscv_make_nops sequence: a zero byte when the
 * count is odd, one 2-byte pattern 0x0001 when 2 bytes remain over a multiple of 4, then `nop`s.
 */
function padding(out: Uint8Array, at: number, n: number, fill: number, code: boolean): void {
  if (fill >= 0 || !code) {
    out.fill(fill < 0 ? 0 : fill, at, at + n);
    return;
  }
  let p = at;
  if (n % 2 === 1) out[p++] = 0;
  if ((at + n - p) % 4 === 2) {
    out[p++] = 0x01;
    out[p++] = 0x00;
  }
  for (; p < at + n; p += 4) put32(out, p, NOP);
}

/** Writes a 4-byte branch (with a BRANCH relocation) or an inverted branch + `jal x0` (JAL). */
function branch(sec: Section, out: Uint8Array, at: number, size: number, match: number,
  rs1: number, rs2: number, v: Val | null): void {
  if (v === null || v.sym === null) {
    put32(out, at, encB(match, rs1, rs2, 0));
    return;
  }
  const s = v.sym;
  if (size === 4) {
    put32(out, at, encB(match, rs1, rs2, tentative(s, v.add, at)));
    addReloc(sec, at, RelocType.BRANCH, s, v.add);
    return;
  }
  put32(out, at, encB(match ^ (1 << 12), rs1, rs2, 8));
  put32(out, at + 4, encJ(JAL_MATCH, 0, tentative(s, v.add, at + 4)));
  addReloc(sec, at + 4, RelocType.JAL, s, v.add);
}

/** GNU as's readability value for a pc-relative field: symbol's section offset + addend - pc. */
function tentative(s: Sym, add: number, pc: number): number {
  return (s.kind === SymKind.LABEL ? s.address : 0) + add - pc;
}

function addReloc(sec: Section, offset: number, type: number, sym: Sym, addend: number): void {
  sym.inReloc = true;
  sec.relocs.push({ offset, type, sym, addend });
}

export function put32(out: Uint8Array, at: number, w: number): void {
  out[at] = w;
  out[at + 1] = w >>> 8;
  out[at + 2] = w >>> 16;
  out[at + 3] = w >>> 24;
}

const get32 = (b: Uint8Array, at: number): number =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

const ADD_SUB: Record<number, [number, number]> = {
  1: [RelocType.ADD8, RelocType.SUB8], 2: [RelocType.ADD16, RelocType.SUB16],
  4: [RelocType.ADD32, RelocType.SUB32], 8: [RelocType.ADD64, RelocType.SUB64],
};

/** Applies one fixup to its section's final bytes or records its relocation(s). Throws AsmError. */
export function applyFixup(fx: Fixup): void {
  const sec = fx.section;
  const at = fx.frag.address + fx.offset;
  if (fx.kind === FixKind.DATA) return applyData(fx, sec, at);
  if (fx.kind === FixKind.CFA_ADVANCE) return applyCfaAdvance(fx, sec, at);
  const v = evaluate(fx.expr, true);
  if (v.sub !== null) throw new AsmError('expression is not relocatable (difference of symbols)', fx.col);
  const out = sec.buf;
  const word = get32(out, at);
  // GNU as writes the constant part into HI20/LO12 fields even when a relocation follows.
  const c = v.add;
  switch (fx.kind) {
    case FixKind.HI20:
      put32(out, at, (word | ((((c + 0x800) >>> 12) & 0xfffff) << 12)) >>> 0);
      return relocIfSymbol(sec, at, RelocType.HI20, v);
    case FixKind.LO12_I:
      put32(out, at, (word | ((c & 0xfff) << 20)) >>> 0);
      return relocIfSymbol(sec, at, RelocType.LO12_I, v);
    case FixKind.LO12_S:
      put32(out, at, (word | ((c & 0x1f) << 7) | (((c >> 5) & 0x7f) << 25)) >>> 0);
      return relocIfSymbol(sec, at, RelocType.LO12_S, v);
    case FixKind.PCREL_LO12_I:
    case FixKind.PCREL_LO12_S: {
      const s = v.sym;
      if (s === null || s.kind !== SymKind.LABEL) {
        throw new AsmError('%pcrel_lo needs the label of the matching auipc', fx.col);
      }
      return addReloc(sec, at, fx.kind === FixKind.PCREL_LO12_I ? RelocType.PCREL_LO12_I : RelocType.PCREL_LO12_S, s, v.add);
    }
    default: {
      if (v.sym === null) throw new AsmError('the target must be a symbol, not a constant', fx.col);
      const type = fx.kind === FixKind.PCREL_HI20 ? RelocType.PCREL_HI20
        : fx.kind === FixKind.GOT_HI20 ? RelocType.GOT_HI20
          : fx.kind === FixKind.CALL_PLT ? RelocType.CALL_PLT : RelocType.JAL;
      if (type === RelocType.JAL) put32(out, at, (word | encJ(0, 0, tentative(v.sym, v.add, at))) >>> 0);
      return addReloc(sec, at, type, v.sym, v.add);
    }
  }
}

function relocIfSymbol(sec: Section, at: number, type: number, v: Val): void {
  if (v.sym !== null) addReloc(sec, at, type, v.sym, v.add);
}

function applyData(fx: Fixup, sec: Section, at: number): void {
  const v = evaluateData(fx.expr);
  if (v.sym === null) {
    const c = v.add;
    const high = Math.floor(c / 2 ** 32);
    for (let k = 0; k < fx.size; k++) {
      sec.buf[at + k] = k < 4 ? (c >>> (8 * k)) & 0xff : (high >>> (8 * (k - 4))) & 0xff;
    }
    return;
  }
  if (v.sub !== null) {
    const [add, sub] = ADD_SUB[fx.size];
    addReloc(sec, at, add, v.sym, v.add);
    addReloc(sec, at, sub, v.sub, 0);
    return;
  }
  if (fx.size !== 4) throw new AsmError(`cannot relocate a ${fx.size}-byte value against symbol '${v.sym.name}'`, fx.col);
  addReloc(sec, at, RelocType.R_32, v.sym, v.add);
}


const SET_SUB: Record<number, [number, number]> = {
  0: [RelocType.SET6, RelocType.SUB6], 1: [RelocType.SET8, RelocType.SUB8],
  2: [RelocType.SET16, RelocType.SUB16], 4: [RelocType.SET32, RelocType.SUB32],
};

/**
 * A DW_CFA_advance_loc* operand that spans code the linker may relax: today's distance goes into the field
 * (the low 6 bits of the opcode byte for size 0) and SETn/SUBn relocations let the linker recompute it.
 */
function applyCfaAdvance(fx: Fixup, sec: Section, at: number): void {
  const v = evaluateData(fx.expr);
  if (v.sym === null || v.sub === null || v.sym.kind !== SymKind.LABEL || v.sub.kind !== SymKind.LABEL) {
    throw new AsmError('internal: a CFA advance must span two labels', fx.col);
  }
  const delta = v.sym.address - v.sub.address + v.add;
  const b = sec.buf;
  if (fx.size === 0) b[at] = (b[at] & 0xc0) | (delta & 0x3f);
  else for (let k = 0; k < fx.size; k++) b[at + k] = (delta >>> (8 * k)) & 0xff;
  const [set, sub] = SET_SUB[fx.size];
  addReloc(sec, at, set, v.sym, v.add);
  addReloc(sec, at, sub, v.sub, 0);
}
