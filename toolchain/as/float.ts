// The F and D instructions, encoded from their abi/isa-table.ts rows by operand syntax (D S T R f registers,
// d s x registers, m rounding mode, o(s)/q(s) memory), and their pseudo-instructions, as GNU as 2.40 takes
// them: the rounding mode may be left out (dyn), `flw fa0, sym, t0` loads through t0, fmv/fneg/fabs,
// fgt/fge, fmv.x.s/fmv.s.x and the fcsr/frm/fflags accessors (frcsr, fscsr, frrm, fsrm[i], frflags, fsflags[i],
// and the old frsr/fssr).

import { csrNumberOfName } from '../../abi/csr-names.js';
import { INSTRUCTIONS, instrByName, type InstrSpec } from '../../abi/isa-table.js';
import { encI, encS, FP_ABI_REG_NAMES, RM_DYNAMIC, ROUNDING_MODE_NAMES } from '../../abi/riscv.js';
import type { Assembler } from './assembler.js';
import { AsmError } from './diagnostics.js';
import { FixKind } from './fixup.js';
import { emitPcrelHi, lowImmediate, match, type InstrFn } from './instructions.js';
import { checkRange, constant, nameOf, OpKind, reg, type Operand } from './operands.js';

const FREGS = new Map<string, number>();
FP_ABI_REG_NAMES.forEach((n, i) => FREGS.set(n, i));
for (let i = 0; i < 32; i++) FREGS.set(`f${i}`, i);

const ROUNDING = new Map<string, number>();
ROUNDING_MODE_NAMES.forEach((n, i) => { if (n !== undefined) ROUNDING.set(n, i); });

/** The f register an operand names (`fa0`, `f10`); anything else is an error. */
function freg(op: Operand): number {
  const name = op.kind === OpKind.EXPR ? nameOf(op) : op.kind === OpKind.REG ? op.tok?.text ?? null : null;
  const n = name === null ? undefined : FREGS.get(name);
  if (n === undefined) throw new AsmError(name === null ? 'expected a floating-point register' : `invalid floating-point register '${name}'`, op.col);
  return n;
}

/** A rounding-mode operand: rne rtz rdn rup rmm dyn. */
function roundingMode(op: Operand): number {
  const name = op.kind === OpKind.EXPR ? nameOf(op) : null;
  const rm = name === null ? undefined : ROUNDING.get(name);
  if (rm === undefined) throw new AsmError(`invalid rounding mode '${name ?? '?'}' (rne, rtz, rdn, rup, rmm or dyn)`, op.col);
  return rm;
}

/** Where each register letter of the table's syntax goes. */
const SHIFT: Readonly<Record<string, number>> = { d: 7, s: 15, t: 20, D: 7, S: 15, T: 20, R: 27 };

/** Throws GNU's message when the current arch lacks the row's extension. */
export function requireExtension(asm: Assembler, spec: InstrSpec, name: string, col: number): void {
  if (spec.ext === 'f' ? asm.isa.f : spec.ext === 'd' ? asm.isa.d : true) return;
  const inx = spec.ext === 'f' ? 'zfinx' : 'zdinx';
  const memory = spec.fields.opcode === 0x07 || spec.fields.opcode === 0x27;
  throw new AsmError(`unrecognized opcode \`${name}', extension \`${spec.ext}'${memory ? '' : ` or \`${inx}'`} required`, col);
}

/** An encoder for an F/D register-to-register row (R or R4): operands in the order of its syntax. */
function registerForm(spec: InstrSpec): InstrFn {
  const letters = spec.args.split(',');
  const optionalRm = letters[letters.length - 1] === 'm';
  const required = optionalRm ? letters.length - 1 : letters.length;
  return (asm, ops, name, col) => {
    requireExtension(asm, spec, name, col);
    if (ops.length !== required && !(optionalRm && ops.length === letters.length)) {
      throw new AsmError(`illegal operands: '${name}' expects ${spec.args.replace(/m$/, '[m]')}`, col);
    }
    let word = spec.match;
    if (optionalRm) word |= (ops.length === letters.length ? roundingMode(ops[required]) : RM_DYNAMIC) << 12;
    for (let k = 0; k < required; k++) {
      const letter = letters[k]!;
      const r = letter === 'd' || letter === 's' ? reg(ops[k]) : freg(ops[k]);
      word |= r << SHIFT[letter]!;
    }
    asm.emitInstr(word >>> 0, col);
  };
}

/** `flw fd, off(rs1)`, `flw fd, %lo(x)(rs1)`, or `flw fd, symbol, rt` (auipc rt + flw through rt). */
function loadForm(spec: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    requireExtension(asm, spec, name, col);
    const fd = freg(ops[0] ?? badCount(name, col));
    if (ops.length === 3) {
      const rt = reg(ops[2]);
      const label = emitPcrelHi(asm, rt, ops[1].expr, ops[1].col);
      asm.fixup(FixKind.PCREL_LO12_I, label, ops[1].col);
      return asm.emitInstr(encI(spec.match, fd, rt, 0), col);
    }
    if (ops.length !== 2) badCount(name, col);
    const m = ops[1];
    // Unlike lw, GNU as takes no bare address here: `flw fa0, 12` is illegal operands.
    if (m.kind !== OpKind.MEM) badCount(name, col);
    asm.emitInstr(encI(spec.match, fd, m.reg, lowImmediate(asm, m, false, name)), col);
  };
}

/** `fsw fs, off(rs1)`, or `fsw fs, symbol, rt`. */
function storeForm(spec: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    requireExtension(asm, spec, name, col);
    const fs = freg(ops[0] ?? badCount(name, col));
    if (ops.length === 3) {
      const rt = reg(ops[2]);
      const label = emitPcrelHi(asm, rt, ops[1].expr, ops[1].col);
      asm.fixup(FixKind.PCREL_LO12_S, label, ops[1].col);
      return asm.emitInstr(encS(spec.match, rt, fs, 0), col);
    }
    if (ops.length !== 2) badCount(name, col);
    const m = ops[1];
    if (m.kind !== OpKind.MEM) badCount(name, col);
    asm.emitInstr(encS(spec.match, m.reg, fs, lowImmediate(asm, m, true, name)), col);
  };
}

function badCount(name: string, col: number): never {
  throw new AsmError(`illegal operands for '${name}'`, col);
}

/** Encoders for every F and D row of the table. */
export function floatInstructions(): Map<string, InstrFn> {
  const m = new Map<string, InstrFn>();
  for (const spec of INSTRUCTIONS) {
    if (spec.ext !== 'f' && spec.ext !== 'd') continue;
    if (spec.format === 'I') m.set(spec.name, loadForm(spec));
    else if (spec.format === 'S') m.set(spec.name, storeForm(spec));
    else m.set(spec.name, registerForm(spec));
  }
  return m;
}

/** A pseudo-instruction that reorders or repeats operands of a row: `pick` maps its operands to the row's. */
function rewrite(row: string, pick: (ops: Operand[]) => Operand[], count: number): InstrFn {
  const spec = instrByName(row) as InstrSpec;
  const base = registerForm(spec);
  return (asm, ops, name, col) => {
    requireExtension(asm, spec, name, col);
    if (ops.length !== count) badCount(name, col);
    base(asm, pick(ops), name, col);
  };
}

const FP_CSRS: readonly (readonly [string, string])[] = [['csr', 'fcsr'], ['rm', 'frm'], ['flags', 'fflags']];

/** frcsr/fscsr/frrm/fsrm/frflags/fsflags and fsrmi/fsflagsi: CSR accesses that need F. */
function csrAccessor(kind: 'read' | 'write' | 'writeImmediate', csrName: string): InstrFn {
  const csr = csrNumberOfName(csrName) as number;
  const fspec = instrByName('fadd.s') as InstrSpec; // any F row: these need F as its rows do
  const csrrs = match('csrrs');
  const csrrw = match('csrrw');
  const csrrwi = match('csrrwi');
  return (asm, ops, name, col) => {
    requireExtension(asm, fspec, name, col);
    if (kind === 'read') {
      if (ops.length !== 1) badCount(name, col);
      return asm.emitInstr(encI(csrrs, reg(ops[0]), 0, csr), col);
    }
    if (ops.length !== 1 && ops.length !== 2) badCount(name, col);
    const rd = ops.length === 2 ? reg(ops[0]) : 0;
    const src = ops[ops.length - 1];
    if (kind === 'write') return asm.emitInstr(encI(csrrw, rd, reg(src), csr), col);
    asm.emitInstr(encI(csrrwi, rd, checkRange(constant(src), 0, 31, name, src.col), csr), col);
  };
}

/** The F and D pseudo-instructions GNU as accepts. */
export function floatPseudoInstructions(): Map<string, InstrFn> {
  const m = new Map<string, InstrFn>();
  for (const s of ['s', 'd']) {
    m.set(`fmv.${s}`, rewrite(`fsgnj.${s}`, (o) => [o[0]!, o[1]!, o[1]!], 2));
    m.set(`fneg.${s}`, rewrite(`fsgnjn.${s}`, (o) => [o[0]!, o[1]!, o[1]!], 2));
    m.set(`fabs.${s}`, rewrite(`fsgnjx.${s}`, (o) => [o[0]!, o[1]!, o[1]!], 2));
    m.set(`fgt.${s}`, rewrite(`flt.${s}`, (o) => [o[0]!, o[2]!, o[1]!], 3));
    m.set(`fge.${s}`, rewrite(`fle.${s}`, (o) => [o[0]!, o[2]!, o[1]!], 3));
  }
  m.set('fmv.x.s', rewrite('fmv.x.w', (o) => o, 2));
  m.set('fmv.s.x', rewrite('fmv.w.x', (o) => o, 2));
  for (const [suffix, csr] of FP_CSRS) {
    m.set(`fr${suffix}`, csrAccessor('read', csr));
    m.set(`fs${suffix}`, csrAccessor('write', csr));
    if (csr !== 'fcsr') m.set(`fs${suffix}i`, csrAccessor('writeImmediate', csr));
  }
  // The older names of frcsr and fscsr, still taken by GNU as.
  m.set('frsr', csrAccessor('read', 'fcsr'));
  m.set('fssr', csrAccessor('write', 'fcsr'));
  return m;
}
