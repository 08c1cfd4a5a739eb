// The instruction set of Pagoda's hart, stated once for everyone who must say it: the loader refuses
// executables that ask for more, and /proc/cpuinfo prints it the way Linux does. RV32G without the C
// extension: I, M, A, F, D, Zicsr, Zifencei, plus Zmmul (implied by M) and Zicntr (the user counters
// cycle/time/instret, which the CPU serves). Imports nothing.

/** Register width of the base ISA. */
export const HART_XLEN = 32;

/** The single-letter extensions, in the canonical order ISA strings use. */
export const HART_LETTERS = 'imafd';

/** The multi-letter extensions the hart implements. */
export const HART_MULTI_LETTER: readonly string[] = ['zicntr', 'zicsr', 'zifencei', 'zmmul'];

/**
 * The ISA line of /proc/cpuinfo, as Linux 6.x's print_isa() writes it (arch/riscv/kernel/cpu.c): "rv32",
 * the single letters run together, then each multi-letter extension after an underscore, in the order of
 * Linux's riscv_isa_ext[] table (zicntr, zicsr, zifencei). Zmmul is left out, as the 6.6 LTS table has no
 * entry for it (M subsumes it).
 */
export const HART_ISA_LINUX = `rv${HART_XLEN}${HART_LETTERS}_zicntr_zicsr_zifencei`;

/** True when the hart implements extension `name` (lower case, as in an ISA string; "i" included). */
export function hartHas(name: string): boolean {
  return name === 'i' || (name.length === 1 ? HART_LETTERS.includes(name) : HART_MULTI_LETTER.includes(name));
}
