// Bit-fields as gcc lays out and reads them on RISC-V ilp32: enum bit-fields unsigned when no enumerator is
// negative, long long / unsigned long long bit-fields (read, write, compound assignment, ++/--, initializers;
// those no wider than int read as int).
import { describeSpecProgram } from './spec-program.js';

describeSpecProgram('bitfields.c', 'enum and long long bit-fields');
