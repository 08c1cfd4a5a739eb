// Code generation for the integer computation instructions: OP-IMM, OP (with M), LUI and AUIPC. Each is one
// statement on the register locals; values are wrapped to int32 as the Int32Array of the interpreter does.

import { Opcode } from '../../abi/isa-table.js';
import { Op } from '../../abi/isa-ops.js';
import { funct3Of, immI, opKey, rdOf, rs1Of, rs2Of } from './decode.js';
import type { Emitter } from './emitter.js';

/** OP-IMM: addi, slti(u), xori, ori, andi and the shifts (encodings already checked by flowOf). */
function opImm(e: Emitter, inst: number): string {
  const rd = rdOf(inst);
  const a = e.reg(rs1Of(inst));
  const imm = immI(inst);
  switch (funct3Of(inst)) {
    case Op.ADDI: return e.set(rd, `${a} + ${imm}`);
    case Op.SLLI: return e.set(rd, `${a} << ${imm & 31}`);
    case Op.SLTI: return e.set(rd, `${a} < ${imm} ? 1 : 0`);
    case Op.SLTIU: return e.set(rd, `(${a} >>> 0) < ${imm >>> 0} ? 1 : 0`);
    case Op.XORI: return e.set(rd, `${a} ^ ${imm}`);
    case Op.SRLI: return e.set(rd, inst >>> 30 ? `${a} >> ${imm & 31}` : `${a} >>> ${imm & 31}`);
    case Op.ORI: return e.set(rd, `${a} | ${imm}`);
    default: return e.set(rd, `${a} & ${imm}`); // Op.ANDI
  }
}

/** OP and M: the register-register forms (dispatch key already checked by flowOf). */
function op(e: Emitter, inst: number): string {
  const rd = rdOf(inst);
  const a = e.reg(rs1Of(inst));
  const b = e.reg(rs2Of(inst));
  switch (opKey(inst)) {
    case Op.ADD: return e.set(rd, `${a} + ${b}`);
    case Op.SUB: return e.set(rd, `${a} - ${b}`);
    case Op.SLL: return e.set(rd, `${a} << ${b}`);
    case Op.SLT: return e.set(rd, `${a} < ${b} ? 1 : 0`);
    case Op.SLTU: return e.set(rd, `(${a} >>> 0) < (${b} >>> 0) ? 1 : 0`);
    case Op.XOR: return e.set(rd, `${a} ^ ${b}`);
    case Op.SRL: return e.set(rd, `${a} >>> ${b}`);
    case Op.SRA: return e.set(rd, `${a} >> ${b}`);
    case Op.OR: return e.set(rd, `${a} | ${b}`);
    case Op.AND: return e.set(rd, `${a} & ${b}`);
    case Op.MUL: return e.set(rd, `Math.imul(${a}, ${b})`);
    case Op.MULH: return e.set(rd, `mulh(${a}, ${b})`);
    case Op.MULHSU: return e.set(rd, `mulhsu(${a}, ${b})`);
    case Op.MULHU: return e.set(rd, `mulhu(${a}, ${b})`);
    case Op.DIV: return e.set(rd, `${b} === 0 ? -1 : ${a} / ${b}`);
    case Op.DIVU: return e.set(rd, `${b} === 0 ? -1 : (${a} >>> 0) / (${b} >>> 0)`);
    case Op.REM: return e.set(rd, `${b} === 0 ? ${a} : ${a} % ${b}`);
    default: return e.set(rd, `${b} === 0 ? ${a} : (${a} >>> 0) % (${b} >>> 0)`); // Op.REMU
  }
}

/** OP-IMM, OP, LUI, AUIPC; undefined for any other opcode. */
export function emitAlu(e: Emitter, inst: number): string | undefined {
  switch (inst & 0x7f) {
    case Opcode.OP_IMM: return opImm(e, inst);
    case Opcode.OP: return op(e, inst);
    case Opcode.LUI: return e.set(rdOf(inst), `${inst & 0xfffff000}`);
    case Opcode.AUIPC: return e.set(rdOf(inst), `${(e.pc + (inst & 0xfffff000)) | 0}`);
    default: return undefined;
  }
}
