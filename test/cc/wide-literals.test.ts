// Wide and Unicode literals with gcc's types for RISC-V ilp32: L'' and L"" in wchar_t (int), u'' and u""
// in char16_t (unsigned short, UTF-16 with surrogate pairs), U'' and U"" in char32_t (unsigned long, as
// riscv64-unknown-elf-gcc's uint_least32_t), u8"" as UTF-8 bytes.
import { describeSpecProgram } from './spec-program.js';

describeSpecProgram('wide_literals.c', 'wide and Unicode literals');
