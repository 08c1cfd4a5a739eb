// Why Cpu.run() stopped. A trap is a value, never a host exception.
// After a fault or ecall/ebreak/illegal, cpu.pc is the pc of that instruction, which has had no
// effect (precise traps); after Budget or Timer, cpu.pc is the next instruction to run.
// cpu.tval holds the faulting virtual address (misaligned, page and access faults), the
// instruction bits (IllegalInstruction), or 0.

export const enum Trap {
  /** The instruction budget given to run() is used up. */
  Budget = 0,
  Ecall = 1,
  Ebreak = 2,
  IllegalInstruction = 3,
  /** A jump or taken branch to an address that is not 4-byte aligned. */
  InstructionMisaligned = 4,
  /** LR.W at a misaligned address (plain loads are fixed up by the machine). */
  LoadMisaligned = 5,
  /** SC.W or an AMO at a misaligned address (plain stores are fixed up by the machine). */
  StoreMisaligned = 6,
  InstructionPageFault = 7,
  LoadPageFault = 8,
  StorePageFault = 9,
  /** Physical address outside RAM (from a PTE or a page-table pointer, or bare mode). */
  InstructionAccessFault = 10,
  LoadAccessFault = 11,
  StoreAccessFault = 12,
  /** The timer fired: `interval` instructions retired since it last fired. */
  Timer = 13,
}

export const TRAP_NAMES: readonly string[] = [
  'budget', 'ecall', 'ebreak', 'illegal instruction', 'instruction address misaligned',
  'load address misaligned', 'store address misaligned', 'instruction page fault', 'load page fault',
  'store page fault', 'instruction access fault', 'load access fault', 'store access fault', 'timer interrupt',
];

/** The access kinds the MMU checks. */
export const enum Access {
  Fetch = 0,
  Load = 1,
  Store = 2,
}
