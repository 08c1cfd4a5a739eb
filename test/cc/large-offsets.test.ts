// Offsets and immediates beyond RISC-V's 12-bit fields: every path that folds one into an address (member
// offsets through a pointer held in a register at -O1, constant indexes, &member, frames past 2 KiB and
// 32 KiB, big struct copies) reaches the same bytes as gcc's code.
import { describeSpecProgram } from './spec-program.js';

describeSpecProgram('large_offsets.c', 'offsets beyond 12 bits');
