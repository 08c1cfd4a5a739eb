// -g: the `.cfi_*` lines that describe a prologue to the assembler, which turns them into `.debug_frame` (how a
// debugger finds the caller's frame from any instruction). gen-func.ts calls these beside the instructions
// they describe. Only prologues are described: in an epilogue the rule "CFA = s0" stays in force until `ret`
// (gdb then unwinds wrongly only while stopped on the last two instructions of a function).

import { FP_ABI_REG_NAMES, regNumber } from '../../../abi/riscv.js';

/** DWARF register number of an x or f register name (x: 0-31, f: 32-63). */
function dwarfReg(name: string): number {
  const x = regNumber(name);
  return x >= 0 ? x : 32 + FP_ABI_REG_NAMES.indexOf(name);
}

/** After `addi sp, sp, -frame`: the CFA is sp + frame. */
export function cfaOffsetNote(frame: number): string {
  return `\t.cfi_def_cfa_offset ${frame}`;
}

/** After saving `reg` at sp + `spOffset` in a frame of `frame` bytes: its save slot, relative to the CFA. */
export function savedNote(reg: string, spOffset: number, frame: number): string {
  return `\t.cfi_offset ${dwarfReg(reg)}, ${spOffset - frame}`;
}

/** After `addi s0, sp, frame`: the CFA is s0 (and stays so while sp moves). */
export const CFA_IS_S0 = '\t.cfi_def_cfa 8, 0';
