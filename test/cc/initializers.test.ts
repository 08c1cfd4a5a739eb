// Initializers: string literals in braces for char arrays everywhere a char array is initialized, and
// compound literals of constants inside static initializers.
import { describeSpecProgram } from './spec-program.js';

describeSpecProgram('initializers.c', 'braced strings and static compound literals');
