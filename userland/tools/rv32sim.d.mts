// Types for rv32sim.mjs (exact-instret RV32IM user-mode simulator).
export interface SimResult {
  exitCode: number;
  signal: number;
  stdout: string;
  stderr: string;
  instret: number;
}
export function runRv32(
  elf: Uint8Array,
  options?: { argv?: string[]; env?: string[]; maxInstructions?: number; profile?: Float64Array | null },
): SimResult;
