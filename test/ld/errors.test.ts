import { describe, expect, it } from 'vitest';
import { findSection, readElf } from '../../abi/elfread.js';
import { writeArchive } from '../../toolchain/ar.js';
import { gas, hasGas, linkMessages, linkOk, noteMissing, tempDir } from './tools.js';

noteMissing('linker error-message tests (riscv64-unknown-elf-as)', hasGas);

describe.skipIf(!hasGas)('each input problem has its own message', () => {
  const dir = tempDir();
  const start = gas(dir, 'start', '.globl _start\n_start: ret\n');
  const one = (name: string, bytes: Uint8Array): string[] => linkMessages([{ name, bytes }]);

  it('refuses an executable as input', () => {
    const exe = linkOk([{ name: 'start.o', bytes: start }]);
    expect(one('prog', exe)).toEqual([
      'pagoda ld: prog: error: not a relocatable object (e_type 2); only ET_REL inputs can be linked',
    ]);
  });

  it('refuses an object for another machine', () => {
    const other = start.slice();
    other[18] = 62; // EM_X86_64
    expect(one('x86.o', other)).toEqual([
      'pagoda ld: x86.o: error: file is for machine 62, not RISC-V (EM_RISCV 243)',
    ]);
  });

  it('refuses to mix float ABIs with GNU ld\'s messages (riscv64-unknown-elf-ld 2.40)', () => {
    const single = gas(dir, 'single', '.globl f\nf: ret\n', ['-march=rv32imaf', '-mabi=ilp32f']);
    expect(linkMessages([{ name: 'start.o', bytes: start }, { name: 'single.o', bytes: single }])).toEqual([
      "pagoda ld: single.o: error: can't link single-float modules with soft-float modules",
      'pagoda ld: error: failed to merge target specific data of file single.o',
    ]);
    const double = gas(dir, 'double', '.globl g\ng: ret\n', ['-march=rv32imafd', '-mabi=ilp32d']);
    expect(linkMessages([{ name: 'double.o', bytes: double }, { name: 'start.o', bytes: start }])).toEqual([
      "pagoda ld: start.o: error: can't link soft-float modules with double-float modules",
      'pagoda ld: error: failed to merge target specific data of file start.o',
    ]);
  });

  it('refuses thread-local storage', () => {
    const tls = gas(dir, 'tls', '.globl _start\n_start: ret\n.section .tdata,"awT",@progbits\n.word 1\n');
    expect(one('tls.o', tls)).toEqual(['pagoda ld: tls.o: error: section .tdata: thread-local storage is not supported']);
  });

  it('reports a relocation whose place lies outside its section', () => {
    const obj = gas(dir, 'out', '.globl _start\n_start: ret\n.data\n.word _start\n');
    const elf = readElf(obj);
    const rela = findSection(elf, '.rela.data')!;
    const bad = obj.slice();
    new DataView(bad.buffer).setUint32(rela.offset, 0x40, true);
    expect(one('out.o', bad)).toEqual([
      'pagoda ld: out.o: error: (.data+0x40): R_RISCV_32 at offset 0x40 lies outside the section',
    ]);
  });

  it('reports a relocation against a section that is not loaded', () => {
    const obj = gas(dir, 'disc', '.globl _start\n_start: lui a0, %hi(note)\n.section .mynote,""\nnote: .word 1\n');
    expect(one('disc.o', obj)).toEqual([
      "pagoda ld: disc.o: error: (.text+0x0): relocation refers to 'note' in a discarded section",
    ]);
  });

  it('reports a malformed archive with the offset of the bad header', () => {
    const ar = writeArchive([{ name: 'start.o', bytes: start }]);
    expect(one('lib.a', ar.subarray(0, ar.length - 10))).toEqual([
      expect.stringMatching(/^pagoda ld: lib\.a: error: malformed archive: member at offset 0x[0-9a-f]+ \(size \d+\) runs past the end/),
    ]);
  });

  it('reports a file that is neither ELF nor archive', () => {
    expect(one('notes.txt', new TextEncoder().encode('hello'))).toEqual([
      'pagoda ld: notes.txt: error: file format not recognized (neither an ELF object nor an ar archive)',
    ]);
  });
});
