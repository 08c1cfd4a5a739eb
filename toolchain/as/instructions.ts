// Base instructions: one encoder per format of abi/isa-table.ts's INSTRUCTIONS table, plus the shared
// emitters (branches, jumps, memory offsets) that pseudo-instructions reuse.

import { INSTRUCTIONS, instrByName, type InstrSpec } from '../../abi/isa-table.js';
import { encB, encI, encJ, encR, encS, encU } from '../../abi/riscv.js';
import type { Assembler, StatementHandler } from './assembler.js';
import { csrNumber } from './csr.js';
import { AsmError } from './diagnostics.js';
import { Op, type Expr } from './expr.js';
import { FixKind } from './fixup.js';
import {
  baseOnly, checkRange, constant, constantExpr, expectCount, nameOf, OpKind, parseOperands, reg, relocOf,
  type Operand,
} from './operands.js';
import type { Token } from './lexer.js';
import { VarKind } from './section.js';
import { SymKind } from './symbol.js';

export type InstrFn = (asm: Assembler, ops: Operand[], name: string, col: number) => void;

/** Adapts an operand-level encoder to a statement handler. */
export const withOperands = (fn: InstrFn): StatementHandler =>
  (asm, toks, i, name, col) => fn(asm, parseOperands(asm.parser, toks, i), name, col);

export const match = (name: string): number => (instrByName(name) as InstrSpec).match;

const JAL = match('jal');
const AUIPC = match('auipc');

/** R-type; `immTwin` (add -> addi) takes over when the last operand is not a register. */
function rType(spec: InstrSpec, immTwin: InstrFn | null): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 3, name, col);
    if (immTwin !== null && ops[2].kind !== OpKind.REG) {
      const sym = nameOf(ops[2]);
      if (sym !== null && /^x[0-9]+$/.test(sym)) throw new AsmError(`invalid register '${sym}'`, ops[2].col);
      return immTwin(asm, ops, name, col);
    }
    asm.emitInstr(encR(spec.match, reg(ops[0]), reg(ops[1]), reg(ops[2])), col);
  };
}

/**
 * The 12-bit signed immediate of an I- or S-type operand value: a constant in -2048..2047, or
 * %lo()/%pcrel_lo(), which records a fixup at the current instruction and gives 0.
 */
export function lowImmediate(asm: Assembler, op: Operand, store: boolean, name: string): number {
  const r = relocOf(op);
  if (r !== null) {
    if (r.name === 'lo') asm.fixup(store ? FixKind.LO12_S : FixKind.LO12_I, r.inner, op.col);
    else if (r.name === 'pcrel_lo') asm.fixup(store ? FixKind.PCREL_LO12_S : FixKind.PCREL_LO12_I, r.inner, op.col);
    else throw new AsmError(`relocation operator '%${r.name}' is not valid for ${name}`, op.col);
    return 0;
  }
  return checkRange(constantExpr(op.expr, op.col), -2048, 2047, name, op.col);
}

/** I-type arithmetic `op rd, rs1, imm`. */
function iType(spec: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 3, name, col);
    const rd = reg(ops[0]);
    const rs1 = reg(ops[1]);
    if (ops[2].kind !== OpKind.EXPR) throw new AsmError('expected an immediate value', ops[2].col);
    asm.emitInstr(encI(spec.match, rd, rs1, lowImmediate(asm, ops[2], false, name)), col);
  };
}

/** Shift by immediate `op rd, rs1, shamt` with shamt 0..31. */
function shiftType(spec: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 3, name, col);
    const rd = reg(ops[0]);
    const rs1 = reg(ops[1]);
    const sh = checkRange(constant(ops[2]), 0, 31, `${name} shift amount`, ops[2].col);
    asm.emitInstr((spec.match | (rd << 7) | (rs1 << 15) | (sh << 20)) >>> 0, col);
  };
}

/**
 * Emits `auipc rt, %pcrel_hi(target)` preceded by an anonymous label, as GNU as does for `la`,
 * `lla` and global loads/stores; returns the label for the matching %pcrel_lo.
 */
export function emitPcrelHi(asm: Assembler, rt: number, target: Expr, col: number, kind = FixKind.PCREL_HI20): Expr {
  const label = asm.symbols.anonymousLabel();
  asm.defineLabelHere(label, col);
  asm.fixup(kind, target, col);
  asm.emitInstr(encU(AUIPC, rt, 0), col);
  return { op: Op.SYM, a: 0, b: 0, sym: label, name: '', col };
}

/** Loads: `lw rd, off(rs1)`, `lw rd, %lo(x)(rs1)`, `lw rd, const`, or the pseudo `lw rd, symbol`. */
function loadType(spec: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 2, name, col);
    const rd = reg(ops[0]);
    const m = ops[1];
    if (m.kind === OpKind.MEM) {
      asm.emitInstr(encI(spec.match, rd, m.reg, lowImmediate(asm, m, false, name)), col);
    } else if (m.kind === OpKind.EXPR && isSymbolic(m)) {
      const label = emitPcrelHi(asm, rd, m.expr, m.col);
      asm.fixup(FixKind.PCREL_LO12_I, label, m.col);
      asm.emitInstr(encI(spec.match, rd, rd, 0), col);
    } else {
      const off = checkRange(constant(m), -2048, 2047, name, m.col);
      asm.emitInstr(encI(spec.match, rd, 0, off), col);
    }
  };
}

/** Stores: `sw rs2, off(rs1)`, or the pseudo `sw rs2, symbol, rt`. */
function storeType(spec: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    if (ops.length === 3) {
      const rs2 = reg(ops[0]);
      const rt = reg(ops[2]);
      if (ops[1].kind !== OpKind.EXPR) throw new AsmError('expected a symbol', ops[1].col);
      const label = emitPcrelHi(asm, rt, ops[1].expr, ops[1].col);
      asm.fixup(FixKind.PCREL_LO12_S, label, ops[1].col);
      asm.emitInstr(encS(spec.match, rt, rs2, 0), col);
      return;
    }
    expectCount(ops, 2, name, col);
    const rs2 = reg(ops[0]);
    const m = ops[1];
    if (m.kind === OpKind.MEM) {
      asm.emitInstr(encS(spec.match, m.reg, rs2, lowImmediate(asm, m, true, name)), col);
    } else if (isSymbolic(m)) {
      throw new AsmError(`storing to a symbol needs a temporary register: ${name} rs, symbol, rt`, m.col);
    } else {
      const off = checkRange(constant(m), -2048, 2047, name, m.col);
      asm.emitInstr(encS(spec.match, 0, rs2, off), col);
    }
  };
}

/** True when an expression operand names a symbol (so `lw rd, sym` is the global-load pseudo). */
function isSymbolic(op: Operand): boolean {
  if (typeof op.expr === 'number') return false;
  try {
    constantExpr(op.expr, op.col);
    return false;
  } catch {
    return relocOf(op) === null;
  }
}

/** lui/auipc: `rd, imm20` (0..1048575) or `%hi(x)` / `%pcrel_hi(x)`. */
function uType(spec: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 2, name, col);
    const rd = reg(ops[0]);
    const r = relocOf(ops[1]);
    if (r !== null) {
      if (r.name === 'hi') asm.fixup(FixKind.HI20, r.inner, ops[1].col);
      else if (r.name === 'pcrel_hi') asm.fixup(FixKind.PCREL_HI20, r.inner, ops[1].col);
      else throw new AsmError(`relocation operator '%${r.name}' is not valid for ${name}`, ops[1].col);
      asm.emitInstr(encU(spec.match, rd, 0), col);
      return;
    }
    const v = checkRange(constant(ops[1]), 0, 0xfffff, name, ops[1].col);
    asm.emitInstr(encU(spec.match, rd, v << 12), col);
  };
}

/**
 * The target of a branch or jump: an expression naming a symbol. A register name there is a symbol
 * (GNU as parses this operand as an expression, so `j a3` jumps to a label called `a3`).
 */
export function targetExpr(asm: Assembler, op: Operand, what: string): Expr {
  if (op.kind === OpKind.REG && op.tok !== undefined) return symbolOperand(asm, op);
  if (op.kind !== OpKind.EXPR || relocOf(op) !== null) throw new AsmError(`expected a ${what} target`, op.col);
  if (typeof op.expr === 'number') throw new AsmError(`${what} target must be a symbol, not a constant`, op.col);
  return op.expr;
}

/** An expression for the symbol named like the register operand `op`. */
export function symbolOperand(asm: Assembler, op: Operand): Expr {
  const sym = asm.symbols.get((op.tok as Token).text, asm.line, op.col);
  return { op: Op.SYM, a: 0, b: 0, sym, name: '', col: op.col };
}

/** Emits a conditional branch as a relaxable fragment (4 bytes, or 8 when the target is far). */
export function emitBranch(asm: Assembler, branchMatch: number, rs1: number, rs2: number, target: Expr, col: number): void {
  if (asm.cur.isNobits) throw new AsmError(`instruction in section '${asm.cur.name}' without contents`, col);
  const f = asm.cur.curFrag;
  f.branchMatch = branchMatch;
  f.rs1 = rs1;
  f.rs2 = rs2;
  f.target = target;
  f.line = asm.line;
  f.col = col;
  f.varSize = 4;
  asm.cur.closeFrag(VarKind.BRANCH);
}

function branchType(spec: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 3, name, col);
    emitBranch(asm, spec.match, reg(ops[0]), reg(ops[1]), targetExpr(asm, ops[2], 'branch'), col);
  };
}

/** Emits `jal rd, target` with an R_RISCV_JAL fixup. */
export function emitJal(asm: Assembler, rd: number, target: Expr, col: number): void {
  asm.fixup(FixKind.JAL, target, col);
  asm.emitInstr(encJ(JAL, rd, 0), col);
}

/** `jal target` (rd = ra) or `jal rd, target`. */
const jal: InstrFn = (asm, ops, name, col) => {
  if (ops.length === 1) return emitJal(asm, 1, targetExpr(asm, ops[0], 'jump'), col);
  expectCount(ops, 2, name, col);
  emitJal(asm, reg(ops[0]), targetExpr(asm, ops[1], 'jump'), col);
};

/** `jalr rs`, `jalr rd, rs`, `jalr rd, rs, imm`, `jalr rd, imm(rs)`, `jalr imm(rs)`. */
export const jalr: InstrFn = (asm, ops, name, col) => {
  const base = match('jalr');
  if (ops.length === 1) {
    const o = ops[0];
    if (o.kind === OpKind.MEM) return asm.emitInstr(encI(base, 1, o.reg, lowImmediate(asm, o, false, name)), col);
    return asm.emitInstr(encI(base, 1, reg(o), 0), col);
  }
  if (ops.length === 2) {
    const rd = reg(ops[0]);
    const o = ops[1];
    if (o.kind === OpKind.MEM) return asm.emitInstr(encI(base, rd, o.reg, lowImmediate(asm, o, false, name)), col);
    return asm.emitInstr(encI(base, rd, reg(o), 0), col);
  }
  expectCount(ops, 3, name, col);
  asm.emitInstr(encI(base, reg(ops[0]), reg(ops[1]), lowImmediate(asm, ops[2], false, name)), col);
};

/** A CSR operand: a known name or a number 0..4095. Notes that the unit names a CSR (see `csrUsed`). */
export function csrOperand(asm: Assembler, op: Operand): number {
  asm.csrUsed = true;
  if (op.kind === OpKind.EXPR && typeof op.expr !== 'number' && op.expr.op === Op.SYM && op.expr.sym) {
    const n = csrNumber(op.expr.sym.name);
    if (n !== undefined) return n;
    if (op.expr.sym.kind === SymKind.UNDEF) throw new AsmError(`unknown CSR '${op.expr.sym.name}'`, op.col);
  }
  const v = constant(op);
  if (v < 0 || v > 4095) throw new AsmError(`CSR number ${v} out of range (0..4095)`, op.col);
  return v;
}

/** `csrrw rd, csr, rs1`; with an immediate source it becomes `csrrwi`. */
function csrType(spec: InstrSpec, immForm: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 3, name, col);
    const rd = reg(ops[0]);
    const csr = csrOperand(asm, ops[1]);
    if (ops[2].kind === OpKind.REG) return asm.emitInstr(encI(spec.match, rd, ops[2].reg, csr), col);
    const uimm = checkRange(constant(ops[2]), 0, 31, name, ops[2].col);
    asm.emitInstr(encI(immForm.match, rd, uimm, csr), col);
  };
}

function csrImmType(spec: InstrSpec): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 3, name, col);
    const rd = reg(ops[0]);
    const csr = csrOperand(asm, ops[1]);
    const uimm = checkRange(constant(ops[2]), 0, 31, name, ops[2].col);
    asm.emitInstr(encI(spec.match, rd, uimm, csr), col);
  };
}

/** AMOs `amoadd.w rd, rs2, (rs1)` and `sc.w`; `lr.w rd, (rs1)`; `ordering` holds the aq/rl bits. */
function amoType(spec: InstrSpec, ordering: number): InstrFn {
  return (asm, ops, name, col) => {
    const word = spec.match | ordering;
    if (spec.format === 'LR') {
      expectCount(ops, 2, name, col);
      return asm.emitInstr((word | (reg(ops[0]) << 7) | (baseOnly(ops[1]) << 15)) >>> 0, col);
    }
    expectCount(ops, 3, name, col);
    asm.emitInstr((word | (reg(ops[0]) << 7) | (baseOnly(ops[2]) << 15) | (reg(ops[1]) << 20)) >>> 0, col);
  };
}

/** A fence set such as `rw` or `iorw`. */
function fenceSet(op: Operand): number {
  if (op.kind === OpKind.EXPR && typeof op.expr !== 'number' && op.expr.op === Op.SYM && op.expr.sym) {
    const s = op.expr.sym.name;
    let bits = 0;
    for (const ch of s) {
      const b = ch === 'i' ? 8 : ch === 'o' ? 4 : ch === 'r' ? 2 : ch === 'w' ? 1 : -1;
      if (b < 0 || (bits & b) !== 0) throw new AsmError(`invalid fence set '${s}'`, op.col);
      bits |= b;
    }
    return bits;
  }
  if (op.kind === OpKind.EXPR && op.expr === 0) return 0;
  throw new AsmError('expected a fence set such as \'rw\' or \'iorw\'', op.col);
}

/** `fence` (= fence iorw,iorw) or `fence pred, succ`. */
const fence: InstrFn = (asm, ops, name, col) => {
  if (ops.length === 0) return asm.emitInstr(match('fence') | (0xff << 20), col);
  expectCount(ops, 2, name, col);
  asm.emitInstr((match('fence') | (fenceSet(ops[0]) << 24) | (fenceSet(ops[1]) << 20)) >>> 0, col);
};

/** Instructions without operands (`ecall`, `ebreak`, `fence.i`). */
function noOperands(word: number): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 0, name, col);
    asm.emitInstr(word >>> 0, col);
  };
}

const IMM_TWINS: Record<string, string> = {
  add: 'addi', and: 'andi', or: 'ori', xor: 'xori', slt: 'slti', sltu: 'sltiu', sll: 'slli', srl: 'srli', sra: 'srai',
};

/** Encoders for every base instruction of INSTRUCTIONS (AMOs also with .aq/.rl/.aqrl). */
export function baseInstructions(): Map<string, InstrFn> {
  const m = new Map<string, InstrFn>();
  for (const spec of INSTRUCTIONS) {
    const opcode = spec.match & 0x7f;
    switch (spec.format) {
      case 'R': m.set(spec.name, rType(spec, null)); break;
      case 'I':
        if (spec.name === 'jalr') m.set('jalr', jalr);
        else if (opcode === 0x03) m.set(spec.name, loadType(spec));
        else m.set(spec.name, iType(spec));
        break;
      case 'SHIFT': m.set(spec.name, shiftType(spec)); break;
      case 'S': m.set(spec.name, storeType(spec)); break;
      case 'B': m.set(spec.name, branchType(spec)); break;
      case 'U': m.set(spec.name, uType(spec)); break;
      case 'J': m.set(spec.name, jal); break;
      case 'CSR': m.set(spec.name, csrType(spec, instrByName(spec.name + 'i') as InstrSpec)); break;
      case 'CSRI': m.set(spec.name, csrImmType(spec)); break;
      case 'AMO': case 'LR':
        m.set(spec.name, amoType(spec, 0));
        m.set(spec.name + '.aq', amoType(spec, 1 << 26));
        m.set(spec.name + '.rl', amoType(spec, 1 << 25));
        m.set(spec.name + '.aqrl', amoType(spec, 3 << 25));
        break;
      case 'FENCE': m.set(spec.name, fence); break;
      case 'NONE': m.set(spec.name, noOperands(spec.match)); break;
    }
  }
  for (const [r, i] of Object.entries(IMM_TWINS)) {
    m.set(r, rType(instrByName(r) as InstrSpec, m.get(i) as InstrFn));
  }
  return m;
}

