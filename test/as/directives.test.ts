// Directives: data, strings, alignment, sections and their flags, symbols, common storage,
// options and attributes, comments and statement separators.

import { describe, expect, it } from 'vitest';
import { assemble } from '../../toolchain/as/index.js';
import { readElf } from './elf-reader.js';
import { asm, hexWords } from './helpers.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const SHF_WRITE = 1;
const SHF_ALLOC = 2;
const SHF_EXEC = 4;

describe('data directives', () => {
  it('emits integers of every width, little-endian, truncating like GNU as', () => {
    const elf = asm('\t.data\n\t.byte 1, 0xff, -1, 256\n\t.half 0x1234, -2\n\t.short 7\n\t.2byte 8\n' +
      '\t.word 0xdeadbeef\n\t.long -1\n\t.4byte 9\n\t.int 10\n');
    expect(hex(elf.section('.data').data)).toBe('01ffff00' + '3412feff' + '0700' + '0800' + 'efbeadde' + 'ffffffff' + '09000000' + '0a000000');
  });

  it('emits 64-bit values exactly, beyond 2^53', () => {
    const elf = asm('\t.data\n\t.quad 0x123456789abcdef0, -2\n\t.8byte 0xffffffffffffffff\n\t.dword 1\n');
    expect(hex(elf.section('.data').data)).toBe('f0debc9a78563412' + 'feffffffffffffff' + 'ffffffffffffffff' + '0100000000000000');
  });

  it('emits strings with escapes; .asciz/.string add a NUL to each', () => {
    const elf = asm('\t.data\n\t.ascii "a\\tb\\x41\\101\\"\\\\"\n\t.asciz "z", "y"\n\t.string "q"\n');
    expect(hex(elf.section('.data').data)).toBe(hex(new TextEncoder().encode('a\tbAA"\\z\0y\0q\0')));
  });

  it('encodes non-ASCII characters of a string as UTF-8', () => {
    expect(hex(asm('\t.data\n\t.string "é"\n').section('.data').data)).toBe('c3a900');
  });

  it('fills with .zero, .space, .skip and .fill', () => {
    const elf = asm('\t.data\n\t.zero 2\n\t.space 3, 0xaa\n\t.skip 1\n\t.fill 2, 2, 0x4142\n\t.fill 1, 8, -1\n');
    expect(hex(elf.section('.data').data)).toBe('0000' + 'aaaaaa' + '00' + '42414241' + 'ffffffff00000000');
  });

  it('emits LEB128 constants', () => {
    expect(hex(asm('\t.data\n\t.uleb128 624485\n\t.sleb128 -123456\n').section('.data').data)).toBe('e58e26' + 'c0bb78');
  });

  it('reserves .bss space without file contents', () => {
    const elf = asm('\t.bss\nbuf:\t.zero 16\n\t.space 4\n');
    expect(elf.section('.bss').size).toBe(20);
    expect(elf.section('.bss').type).toBe(8);
  });
});

describe('alignment', () => {
  it('.align and .p2align take a power of two; .balign takes bytes', () => {
    const elf = asm('\t.data\n\t.byte 1\n\t.align 2\n\t.byte 2\n\t.p2align 3\n\t.byte 3\n\t.balign 4\n\t.byte 4\n');
    expect(hex(elf.section('.data').data)).toBe('01000000' + '02000000' + '0300000004');
    expect(elf.section('.data').align).toBe(8);
  });

  it('pads code with nops and honours an explicit fill byte and maximum skip', () => {
    expect(hexWords(asm('\tnop\n\t.p2align 4\n\tret\n'))).toEqual(['00000013', '00000013', '00000013', '00000013', '00008067',
      '00000013', '00000013', '00000013']);
    const data = asm('\t.data\n\t.byte 1\n\t.balign 4, 0xee\n\t.byte 2\n\t.p2align 4,,2\n\t.byte 3\n').section('.data').data;
    expect(hex(data)).toBe('01eeeeee' + '02' + '03');
  });
});

describe('sections', () => {
  it('creates .text, .data and .bss by default with GNU flags', () => {
    const elf = asm('\tnop\n');
    expect(elf.section('.text').flags).toBe(SHF_ALLOC | SHF_EXEC);
    expect(elf.section('.data').flags).toBe(SHF_ALLOC | SHF_WRITE);
    expect(elf.section('.bss').flags).toBe(SHF_ALLOC | SHF_WRITE);
  });

  it('parses .section NAME,"flags",@type,entsize', () => {
    const elf = asm('\t.section .rodata.str1.4,"aMS",@progbits,1\n\t.string "x"\n' +
      '\t.section .text.startup,"ax",@progbits\n\tnop\n\t.section .sbss,"aw",@nobits\n\t.zero 4\n' +
      '\t.section .init_array,"aw"\n\t.word 0\n\t.section .note.GNU-stack,"",@progbits\n');
    const s = elf.section('.rodata.str1.4');
    expect([s.flags, s.entsize, s.type]).toEqual([SHF_ALLOC | 0x10 | 0x20, 1, 1]);
    expect(elf.section('.text.startup').flags).toBe(SHF_ALLOC | SHF_EXEC);
    expect(elf.section('.sbss').type).toBe(8);
    expect([elf.section('.init_array').type, elf.section('.init_array').entsize]).toEqual([14, 4]);
    expect(elf.section('.note.GNU-stack').flags).toBe(0);
  });

  it('gives well-known names their default flags', () => {
    const elf = asm('\t.section .rodata\n\t.byte 1\n\t.section .sdata\n\t.byte 1\n\t.section .srodata\n\t.byte 1\n');
    expect(elf.section('.rodata').flags).toBe(SHF_ALLOC);
    expect(elf.section('.sdata').flags).toBe(SHF_ALLOC | SHF_WRITE);
    expect(elf.section('.srodata').flags).toBe(SHF_ALLOC);
  });

  it('supports .pushsection/.popsection and .previous', () => {
    const elf = asm('\tnop\n\t.pushsection .data\n\t.word 1\n\t.popsection\n\tnop\n\t.data\n\t.word 2\n\t.previous\n\tnop\n');
    expect(elf.section('.text').size).toBe(12);
    expect(elf.words('.data')).toEqual([1, 2]);
  });

  it('writes .rela sections linked to .symtab with SHF_INFO_LINK', () => {
    const elf = asm('\tcall f\n');
    const rela = elf.section('.rela.text');
    expect(rela.link).toBe(elf.section('.symtab').index);
    expect(rela.info).toBe(elf.section('.text').index);
    expect(rela.flags).toBe(0x40);
    expect(rela.entsize).toBe(12);
  });

  it('puts .ident strings in .comment', () => {
    expect(hex(asm('\t.ident "a"\n\t.ident "bc"\n').section('.comment').data)).toBe('00610062630' + '0');
  });
});

describe('symbols', () => {
  it('orders locals first and sets sh_info to the first global', () => {
    const elf = asm('\t.globl g\ng:\tnop\nl:\tnop\n\tcall undef\n');
    const symtab = elf.section('.symtab');
    const first = elf.symbols.findIndex((s) => s.bind !== 0);
    expect(symtab.info).toBe(first);
    expect(elf.symbols.slice(first).map((s) => s.name).sort()).toEqual(['g', 'undef']);
    expect(elf.symbol('l').bind).toBe(0);
    expect(elf.symbol('undef').shndx).toBe(0);
  });

  it('leaves .L labels out of the symbol table unless a relocation needs them', () => {
    const elf = asm('.Lunused:\tnop\n.Lused:\tj .Lused\n');
    expect(elf.symbols.map((s) => s.name)).not.toContain('.Lunused');
    expect(elf.symbols.map((s) => s.name)).toContain('.Lused');
  });

  it('records .type, .size, .weak, .hidden and .file', () => {
    const elf = asm('\t.file "x.c"\n\t.globl f\n\t.type f, @function\n\t.hidden f\nf:\tnop\n\tret\n\t.size f, .-f\n' +
      '\t.weak w\n\t.type obj, %object\nobj:\n');
    expect(elf.symbol('f')).toMatchObject({ type: 2, size: 8, bind: 1, other: 2 });
    expect(elf.symbol('w').bind).toBe(2);
    expect(elf.symbol('obj').type).toBe(1);
    expect(elf.symbol('x.c').type).toBe(4);
  });

  it('emits equates as absolute symbols', () => {
    const elf = asm('\tx = 5\n\t.globl y\n\ty = 7\n');
    expect(elf.symbol('x')).toMatchObject({ value: 5, shndx: 0xfff1, bind: 0 });
    expect(elf.symbol('y')).toMatchObject({ value: 7, shndx: 0xfff1, bind: 1 });
  });

  it('makes .comm symbols common and .lcomm symbols local .bss storage after the rest of .bss', () => {
    const elf = asm('\t.comm cbuf, 256, 16\n\t.lcomm lbuf, 12\n\t.bss\n\t.byte 0\n');
    expect(elf.symbol('cbuf')).toMatchObject({ shndx: 0xfff2, value: 16, size: 256, bind: 1, type: 1 });
    expect(elf.symbol('lbuf')).toMatchObject({ value: 8, size: 12, bind: 0, shndx: elf.section('.bss').index });
    expect(elf.section('.bss').size).toBe(20);
  });

  it('gives every section a section symbol', () => {
    const elf = asm('\t.section .rodata\n\t.byte 1\n');
    const names = elf.symbols.filter((s) => s.type === 3).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['.text', '.data', '.bss', '.rodata']));
  });
});

describe('.rept', () => {
  it('repeats its block, nested blocks included', () => {
    const elf = asm('\t.rept 2\n\tnop\n\t.rept 2\n\t.word 7\n\t.endr\n\t.endr\n');
    expect(hexWords(elf)).toEqual(['00000013', '00000007', '00000007', '00000013', '00000007', '00000007']);
  });

  it('reports errors inside the block at the original line', () => {
    const r = assemble('\t.rept 2\n\tfoo\n\t.endr\n', 'r.s');
    expect(r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual([
      "2:2: unknown instruction 'foo'", "2:2: unknown instruction 'foo'",
    ]);
  });
});

describe('.float, .single and .double', () => {
  it('write IEEE binary32 and binary64 values, little-endian (the words GNU as writes for ordinary literals)', () => {
    const elf = asm('\t.data\n\t.float 0.1, -2.25, 1e-46, 3.4028235e38\n\t.single 3\n\t.double 0.1, -0.0, 1e308\n');
    expect(hexWords(elf, '.data')).toEqual([
      '3dcccccd', 'c0100000', '00000000', '7f7fffff', '40400000',
      '9999999a', '3fb99999', '00000000', '80000000', '85ebc8a0', '7fe1ccf3',
    ]);
  });

  it('round a decimal halfway between two binary32 values to even, and one just above it up', () => {
    // GNU as 2.40 differs here: it writes 4b800001 for 16777217 and 3f800000 for the second value, as its
    // own conversion rounds ties away from zero and keeps too few digits; these are IEEE 754's results.
    const elf = asm('\t.data\n\t.float 16777217, 1.00000005960464477550, 1.00000005960464477530\n');
    expect(hexWords(elf, '.data')).toEqual(['4b800000', '3f800001', '3f800000']);
  });
});

describe('options, attributes and ignored directives', () => {
  it('accepts .option push/pop/rvc/norvc/relax/norelax/pic/nopic and never compresses', () => {
    expect(hexWords(asm('\t.option push\n\t.option rvc\n\t.option relax\n\taddi a0, a0, 1\n\t.option pop\n\t.option norvc\n'))).toEqual(['00150513']);
  });

  it('writes .attribute values into .riscv.attributes', () => {
    const elf = asm('\t.attribute arch, "rv32i2p1_m2p0"\n\t.attribute stack_align, 16\n');
    const attrs = elf.section('.riscv.attributes');
    expect(attrs.type).toBe(0x70000003);
    const text = Buffer.from(attrs.data).toString('latin1');
    expect(text.startsWith('A')).toBe(true);
    expect(text).toContain('riscv\0');
    // Tag_RISCV_arch comes out as GNU as writes it: canonical, with the implied Zmmul.
    expect(text).toContain('\x04\x10\x05rv32i2p1_m2p0_zmmul1p0\0');
  });

  it('restores the ISA at .option pop: `.option arch, +d` between push and pop leaves a soft-float rv32im object', () => {
    // GNU as 2.40 -march=rv32im on the same text: Tag_RISCV_arch rv32i2p1_m2p0_zmmul1p0, e_flags 0 (libc's setjmp.s)
    const r = assemble('\t.option push\n\t.option arch, +d\n\tfsd fs0, 0(a0)\n\t.option pop\n', 'p.s', { march: 'rv32im' });
    expect(r.diagnostics).toEqual([]);
    const elf = readElf(r.object as Uint8Array);
    expect(hexWords(elf)).toEqual(['00853027']);
    expect(Buffer.from(elf.section('.riscv.attributes').data).toString('latin1')).toContain('\x05rv32i2p1_m2p0_zmmul1p0\0');
    expect(elf.header.getUint32(36, true)).toBe(0);
    expect(assemble('\t.option push\n\t.option arch, +d\n\t.option pop\n\tfsd fs0, 0(a0)\n', 'p.s', { march: 'rv32im' }).diagnostics)
      .toHaveLength(1);
  });

  it('checks .cfi_* but writes no frame section without `.cfi_sections .debug_frame`; ignores .addrsig', () => {
    const elf = asm('\t.cfi_startproc\n\t.cfi_def_cfa_offset 16\n\tnop\n\t.cfi_endproc\n\t.addrsig\n\t.addrsig_sym f\n');
    expect(hexWords(elf)).toEqual(['00000013']);
    expect(elf.sections.map((x) => x.name)).not.toContain('.debug_frame');
    expect(elf.sections.map((x) => x.name)).not.toContain('.eh_frame');
  });

  it('refuses a .loc of a file number no .file assigned, and CFI outside .cfi_startproc', () => {
    expect(assemble('\t.loc 1 2 3\n\tnop\n', 'l.s').diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`))
      .toEqual(['1:7: unassigned file number 1']);
    expect(assemble('\t.cfi_def_cfa_offset 16\n', 'c.s').diagnostics.map((d) => d.message))
      .toEqual(['CFI instruction used without previous .cfi_startproc']);
    expect(assemble('\t.cfi_sections .debug_frame\n\t.cfi_startproc\n\tnop\n', 'c.s').diagnostics.map((d) => d.message))
      .toEqual(['open CFI at the end of file; missing .cfi_endproc directive']);
  });
});

describe('source syntax', () => {
  it('accepts several statements per line, several labels, # and /* */ comments', () => {
    const elf = asm('a: b: nop; nop # two\n/* block\n comment */ c: nop /* inline */ ; ret\n');
    expect(hexWords(elf)).toEqual(['00000013', '00000013', '00000013', '00008067']);
    expect(elf.symbol('c').value).toBe(8);
  });

  it('reports errors on the right line after a multi-line block comment', () => {
    const r = assemble('/*\n\n*/\tfoo\n', 'c.s');
    expect(r.diagnostics[0]).toMatchObject({ line: 3, col: 4 });
  });

  it('produces an ELF32 little-endian RISC-V relocatable with double-float e_flags by default (rv32imafd, as gcc)', () => {
    const elf = asm('\tnop\n');
    expect(elf.header.getUint8(4)).toBe(1);
    expect(elf.header.getUint8(5)).toBe(1);
    expect(elf.header.getUint16(16, true)).toBe(1);
    expect(elf.header.getUint16(18, true)).toBe(243);
    expect(elf.header.getUint32(36, true)).toBe(4);
    expect(assemble('\tnop\n', 'n.s', { march: 'rv32ima' }).object).toBeDefined();
    const soft = new DataView(assemble('\tnop\n', 'n.s', { march: 'rv32ima' }).object!.buffer);
    expect(soft.getUint32(36, true)).toBe(0); // soft-float when the ISA has no D
  });
});
