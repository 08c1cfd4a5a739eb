// What the translator needs to know of one instruction word before it generates code: its fields, and how it
// leaves the straight line (falls through, branches, jumps, or cannot be translated at all). Whatever this
// file calls Stop is left to the interpreter (machine/cpu.ts), which raises its trap or runs it exactly;
// the translator only ends its code before it. The legality checks mirror the interpreter's switch.

import { Opcode } from '../../abi/isa-table.js';
import { Match, Op } from '../../abi/isa-ops.js';

/** How an instruction continues. */
export const enum Flow {
  /** Runs and falls through to pc + 4. */
  Next,
  /** A conditional branch to a static target (aligned). */
  Branch,
  /** jal to a static target (aligned). */
  Jump,
  /** jalr: target known at run time only. */
  Indirect,
  /** Not translated: ecall, ebreak, illegal encodings, misaligned static targets. */
  Stop,
}

/** The fields of an instruction word (Unprivileged ISA 2.2-2.3): registers, funct3, sign-extended immediates. */
export const rdOf = (inst: number): number => (inst >> 7) & 31;
export const rs1Of = (inst: number): number => (inst >> 15) & 31;
export const rs2Of = (inst: number): number => (inst >> 20) & 31;
export const funct3Of = (inst: number): number => (inst >> 12) & 7;
export const immI = (inst: number): number => inst >> 20;
export const immS = (inst: number): number => ((inst >> 25) << 5) | ((inst >> 7) & 31);
export const immB = (inst: number): number =>
  ((inst >> 31) << 12) | (((inst >> 7) & 1) << 11) | (((inst >> 25) & 0x3f) << 5) | (((inst >> 8) & 0xf) << 1);
export const immJ = (inst: number): number =>
  ((inst >> 31) << 20) | (inst & 0xff000) | (((inst >> 20) & 1) << 11) | (((inst >> 21) & 0x3ff) << 1);

/** The OP (and M) dispatch keys the interpreter accepts. */
const OP_KEYS = new Set<number>([
  Op.ADD, Op.SUB, Op.SLL, Op.SLT, Op.SLTU, Op.XOR, Op.SRL, Op.SRA, Op.OR, Op.AND,
  Op.MUL, Op.MULH, Op.MULHSU, Op.MULHU, Op.DIV, Op.DIVU, Op.REM, Op.REMU,
]);

/** The OP dispatch key of an instruction word (funct7 and funct3), as the interpreter computes it. */
export const opKey = (inst: number): number => ((inst >>> 22) & 0x3f8) | ((inst >> 12) & 7);

/** How `inst`, at address `pc`, continues; Stop for what the translator leaves to the interpreter. */
export function flowOf(inst: number, pc: number): Flow {
  const f3 = funct3Of(inst);
  switch (inst & 0x7f) {
    case Opcode.OP_IMM:
      if (f3 === Op.SLLI) return inst >>> 25 === Match.SLLI >>> 25 ? Flow.Next : Flow.Stop;
      if (f3 === Op.SRLI) return inst >>> 25 === Match.SRLI >>> 25 || inst >>> 25 === Match.SRAI >>> 25 ? Flow.Next : Flow.Stop;
      return Flow.Next;
    case Opcode.OP: return OP_KEYS.has(opKey(inst)) ? Flow.Next : Flow.Stop;
    case Opcode.LOAD: return f3 === 3 || f3 >= 6 ? Flow.Stop : Flow.Next;
    case Opcode.STORE: return f3 <= 2 ? Flow.Next : Flow.Stop;
    case Opcode.LUI: case Opcode.AUIPC: return Flow.Next;
    case Opcode.BRANCH: return f3 === 2 || f3 === 3 || (pc + immB(inst)) & 3 ? Flow.Stop : Flow.Branch;
    case Opcode.JAL: return (pc + immJ(inst)) & 3 ? Flow.Stop : Flow.Jump;
    case Opcode.JALR: return f3 === Op.JALR ? Flow.Indirect : Flow.Stop;
    case Opcode.MISC_MEM: return f3 === Op.FENCE || f3 === Op.FENCE_I ? Flow.Next : Flow.Stop;
    case Opcode.AMO: return Flow.Next; // the helper checks the encoding and traps itself
    case Opcode.LOAD_FP: return f3 === Op.FLW || f3 === Op.FLD ? Flow.Next : Flow.Stop;
    case Opcode.STORE_FP: return f3 === Op.FSW || f3 === Op.FSD ? Flow.Next : Flow.Stop;
    case Opcode.MADD: case Opcode.MSUB: case Opcode.NMSUB: case Opcode.NMADD: case Opcode.OP_FP: return Flow.Next;
    case Opcode.SYSTEM: return f3 === Op.ECALL || f3 === 4 ? Flow.Stop : Flow.Next; // CSR forms only
    default: return Flow.Stop;
  }
}
