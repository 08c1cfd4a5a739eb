import { describe, expect, it } from 'vitest';
import { assemble } from '../../toolchain/as/index.js';
import { START_AND_SYSCALLS, gccObject, hasGcc, hasQemu, linkOk, noteMissing, runQemu, tempDir } from './tools.js';

noteMissing('our-assembler + our-linker run tests (qemu-riscv32, riscv64-unknown-elf-gcc)', hasQemu && hasGcc);

function ourObject(source: string, name: string): Uint8Array {
  const r = assemble(source, name);
  if (!r.object) throw new Error(`assembler failed: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.object;
}

describe.skipIf(!hasQemu)('objects from our assembler', () => {
  it('link and run: hello from .rodata, exit status from .data', () => {
    const src = `
      .globl _start
    _start:
      li a0, 1
      la a1, msg
      li a2, 6
      li a7, 64
      ecall
      lui t0, %hi(status)
      lw a0, %lo(status)(t0)
      li a7, 93
      ecall
      .section .rodata
    msg: .ascii "hello\\n"
      .data
    status: .word 9
    `;
    const exe = linkOk([{ name: 'hello.o', bytes: ourObject(src, 'hello.s') }]);
    expect(runQemu(tempDir(), 'hello', exe)).toEqual({ stdout: 'hello\n', status: 9 });
  });

  it.skipIf(!hasGcc)('link together with gcc-compiled C', () => {
    const dir = tempDir();
    const c = gccObject(dir, 'twice', 'int twice(int x) { return 2 * x + 1; }\nint main(int argc) { return twice(argc + 20); }\n',
      ['-march=rv32imafd', '-mabi=ilp32d']); // our as defaults to ilp32d: so must the C it links with
    const exe = linkOk([
      { name: 'crt.o', bytes: ourObject(START_AND_SYSCALLS, 'crt.s') },
      { name: 'twice.o', bytes: c },
    ]);
    expect(runQemu(dir, 'twice', exe).status).toBe(43);
  });
});
