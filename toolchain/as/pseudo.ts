// Pseudo-instructions of the RISC-V assembly manual, expanded as GNU as expands them.

import { encI, encR, encU } from '../../abi/riscv.js';
import type { Assembler } from './assembler.js';
import { AsmError } from './diagnostics.js';
import { FixKind } from './fixup.js';
import {
  csrOperand, emitBranch, emitJal, emitPcrelHi, jalr, match, symbolOperand, targetExpr, type InstrFn,
} from './instructions.js';
import { checkRange, constant, constantExpr, expectCount, OpKind, reg, relocOf, type Operand } from './operands.js';

const ADDI = match('addi');
const LUI = match('lui');
const AUIPC = match('auipc');
const JALR = match('jalr');
const LW = match('lw');

/**
 * `li rd, value` as GNU as's load_const does on RV32: a value in 0..0xffffffff is first read as a
 * signed 32-bit number; then lo = the sign-extended low 12 bits and upper = value - lo; `lui` when
 * upper is not 0 (taking its bits 31:12), `addi` when lo is not 0 or upper is 0.
 */
export function emitLi(asm: Assembler, rd: number, value: number, col: number): void {
  const v = value >= 0 && value <= 0xffffffff ? value | 0 : value;
  let lo = v - Math.floor(v / 4096) * 4096;
  if (lo >= 2048) lo -= 4096;
  const upper = v - lo;
  if (upper !== 0) {
    const field = (((upper / 4096) % 0x100000) + 0x100000) % 0x100000;
    asm.emitInstr(encU(LUI, rd, field << 12), col);
  }
  if (lo !== 0 || upper === 0) asm.emitInstr(encI(ADDI, rd, upper !== 0 ? rd : 0, lo), col);
}

const li: InstrFn = (asm, ops, name, col) => {
  expectCount(ops, 2, name, col);
  const rd = reg(ops[0]);
  if (ops[1].kind !== OpKind.EXPR) throw new AsmError('expected an immediate value', ops[1].col);
  emitLi(asm, rd, constant(ops[1]), col);
};

/** `la`/`lla rd, symbol`: auipc + addi with PCREL_HI20/PCREL_LO12_I (GOT_HI20 + lw for `la` under pic). */
function loadAddress(got: boolean): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 2, name, col);
    const rd = reg(ops[0]);
    const op = ops[1];
    const target = op.kind === OpKind.REG && op.tok !== undefined ? symbolOperand(asm, op) : op.expr;
    if ((op.kind !== OpKind.EXPR && op.kind !== OpKind.REG) || relocOf(op) !== null) {
      throw new AsmError('expected a symbol', op.col);
    }
    if (typeof target === 'number') return emitLi(asm, rd, target, col);
    const pic = got && asm.options.pic;
    const label = emitPcrelHi(asm, rd, target, op.col, pic ? FixKind.GOT_HI20 : FixKind.PCREL_HI20);
    asm.fixup(FixKind.PCREL_LO12_I, label, op.col);
    asm.emitInstr(encI(pic ? LW : ADDI, rd, rd, 0), col);
  };
}

/** `call sym` (link ra via ra), `call rd, sym` (link rd via t1), `tail sym` (via t1, no link). */
function callType(tail: boolean): InstrFn {
  return (asm, ops, name, col) => {
    let rd = tail ? 0 : 1;
    let tmp = tail ? 6 : 1;
    let target: Operand;
    if (!tail && ops.length === 2) {
      rd = reg(ops[0]);
      tmp = 6;
      target = ops[1];
    } else {
      expectCount(ops, 1, name, col);
      target = ops[0];
    }
    asm.fixup(FixKind.CALL_PLT, targetExpr(asm, target, 'call'), target.col);
    asm.emitInstr(encU(AUIPC, tmp, 0), col);
    asm.emitInstr(encI(JALR, rd, tmp, 0), col);
  };
}

/** Two-register pseudo `op rd, rs` encoded by `enc`. */
function unary(enc: (rd: number, rs: number) => number): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 2, name, col);
    asm.emitInstr(enc(reg(ops[0]), reg(ops[1])) >>> 0, col);
  };
}

/** Branch against zero: `beqz rs, L` -> `beq rs, x0, L`; `swap` puts x0 first (`blez` -> `bge x0, rs`). */
function branchZero(base: string, swap: boolean): InstrFn {
  const m = match(base);
  return (asm, ops, name, col) => {
    expectCount(ops, 2, name, col);
    const rs = reg(ops[0]);
    emitBranch(asm, m, swap ? 0 : rs, swap ? rs : 0, targetExpr(asm, ops[1], 'branch'), col);
  };
}

/** Swapped-operand branch: `bgt a, b, L` -> `blt b, a, L`. */
function branchSwap(base: string): InstrFn {
  const m = match(base);
  return (asm, ops, name, col) => {
    expectCount(ops, 3, name, col);
    emitBranch(asm, m, reg(ops[1]), reg(ops[0]), targetExpr(asm, ops[2], 'branch'), col);
  };
}

/** `csrr rd, csr` and the counter reads `rdcycle rd` (csrrs rd, csr, x0). */
function csrRead(fixed: number | null): InstrFn {
  const csrrs = match('csrrs');
  return (asm, ops, name, col) => {
    if (fixed !== null) {
      expectCount(ops, 1, name, col);
      return asm.emitInstr(encI(csrrs, reg(ops[0]), 0, fixed), col);
    }
    expectCount(ops, 2, name, col);
    asm.emitInstr(encI(csrrs, reg(ops[0]), 0, csrOperand(asm, ops[1])), col);
  };
}

/** `csrw/csrs/csrc csr, rs` (rd = x0); an immediate source selects the `...i` form. */
function csrWrite(base: string, immBase: string, immOnly: boolean): InstrFn {
  const m = match(base);
  const mi = match(immBase);
  return (asm, ops, name, col) => {
    expectCount(ops, 2, name, col);
    const csr = csrOperand(asm, ops[0]);
    if (!immOnly && ops[1].kind === OpKind.REG) return asm.emitInstr(encI(m, 0, ops[1].reg, csr), col);
    const uimm = checkRange(constant(ops[1]), 0, 31, name, ops[1].col);
    asm.emitInstr(encI(mi, 0, uimm, csr), col);
  };
}

/** `sext.b/sext.h/zext.h rd, rs`: `slli rd, rs, n` then a right shift of rd by n (GNU's expansion). */
function shiftPair(right: string, n: number): InstrFn {
  const slli = match('slli');
  const r = match(right);
  return (asm, ops, name, col) => {
    expectCount(ops, 2, name, col);
    const rd = reg(ops[0]);
    asm.emitInstr((slli | (rd << 7) | (reg(ops[1]) << 15) | (n << 20)) >>> 0, col);
    asm.emitInstr((r | (rd << 7) | (rd << 15) | (n << 20)) >>> 0, col);
  };
}

function fixedWord(word: number): InstrFn {
  return (asm, ops, name, col) => {
    expectCount(ops, 0, name, col);
    asm.emitInstr(word >>> 0, col);
  };
}

/** Every pseudo-instruction, by mnemonic. */
export function pseudoInstructions(): Map<string, InstrFn> {
  const m = new Map<string, InstrFn>();
  const sub = match('sub');
  const sltu = match('sltu');
  const slt = match('slt');
  m.set('nop', fixedWord(encI(ADDI, 0, 0, 0)));
  m.set('li', li);
  m.set('la', loadAddress(true));
  m.set('lla', loadAddress(false));
  m.set('mv', unary((rd, rs) => encI(ADDI, rd, rs, 0)));
  m.set('not', unary((rd, rs) => encI(match('xori'), rd, rs, -1)));
  m.set('neg', unary((rd, rs) => encR(sub, rd, 0, rs)));
  m.set('seqz', unary((rd, rs) => encI(match('sltiu'), rd, rs, 1)));
  m.set('snez', unary((rd, rs) => encR(sltu, rd, 0, rs)));
  m.set('sltz', unary((rd, rs) => encR(slt, rd, rs, 0)));
  m.set('sgtz', unary((rd, rs) => encR(slt, rd, 0, rs)));
  m.set('sgt', (asm, ops, name, col) => {
    expectCount(ops, 3, name, col);
    asm.emitInstr(encR(slt, reg(ops[0]), reg(ops[2]), reg(ops[1])), col);
  });
  m.set('sgtu', (asm, ops, name, col) => {
    expectCount(ops, 3, name, col);
    asm.emitInstr(encR(sltu, reg(ops[0]), reg(ops[2]), reg(ops[1])), col);
  });
  m.set('zext.b', unary((rd, rs) => encI(match('andi'), rd, rs, 255)));
  m.set('sext.b', shiftPair('srai', 24));
  m.set('sext.h', shiftPair('srai', 16));
  m.set('zext.h', shiftPair('srli', 16));
  m.set('beqz', branchZero('beq', false));
  m.set('bnez', branchZero('bne', false));
  m.set('blez', branchZero('bge', true));
  m.set('bgez', branchZero('bge', false));
  m.set('bltz', branchZero('blt', false));
  m.set('bgtz', branchZero('blt', true));
  m.set('bgt', branchSwap('blt'));
  m.set('ble', branchSwap('bge'));
  m.set('bgtu', branchSwap('bltu'));
  m.set('bleu', branchSwap('bgeu'));
  m.set('j', (asm, ops, name, col) => {
    expectCount(ops, 1, name, col);
    emitJal(asm, 0, targetExpr(asm, ops[0], 'jump'), col);
  });
  m.set('jr', (asm, ops, name, col) => {
    if (ops.length === 2) {
      const imm = ops[1];
      const off = checkRange(constantExpr(imm.expr, imm.col), -2048, 2047, name, imm.col);
      return asm.emitInstr(encI(JALR, 0, reg(ops[0]), off), col);
    }
    expectCount(ops, 1, name, col);
    const o = ops[0];
    if (o.kind === OpKind.MEM) return jalr(asm, [{ kind: OpKind.REG, reg: 0, expr: 0, col }, o], name, col);
    asm.emitInstr(encI(JALR, 0, reg(o), 0), col);
  });
  m.set('ret', fixedWord(encI(JALR, 0, 1, 0)));
  m.set('call', callType(false));
  m.set('jump', (asm, ops, name, col) => {
    expectCount(ops, 2, name, col);
    const rt = reg(ops[1]);
    asm.fixup(FixKind.CALL_PLT, targetExpr(asm, ops[0], 'jump'), ops[0].col);
    asm.emitInstr(encU(AUIPC, rt, 0), col);
    asm.emitInstr(encI(JALR, 0, rt, 0), col);
  });
  m.set('tail', callType(true));
  m.set('csrr', csrRead(null));
  m.set('csrw', csrWrite('csrrw', 'csrrwi', false));
  m.set('csrs', csrWrite('csrrs', 'csrrsi', false));
  m.set('csrc', csrWrite('csrrc', 'csrrci', false));
  m.set('csrwi', csrWrite('csrrw', 'csrrwi', true));
  m.set('csrsi', csrWrite('csrrs', 'csrrsi', true));
  m.set('csrci', csrWrite('csrrc', 'csrrci', true));
  const counters: Array<[string, number]> = [
    ['rdcycle', 0xc00], ['rdtime', 0xc01], ['rdinstret', 0xc02],
    ['rdcycleh', 0xc80], ['rdtimeh', 0xc81], ['rdinstreth', 0xc82],
  ];
  for (const [n, csr] of counters) m.set(n, csrRead(csr));
  m.set('fence.tso', fixedWord(0x8330000f));
  m.set('unimp', fixedWord(0xc0001073));
  m.set('scall', fixedWord(0x00000073));
  m.set('sbreak', fixedWord(0x00100073));
  return m;
}
