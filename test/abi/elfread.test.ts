import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ElfFormatError,
  findSection,
  findSymbolTable,
  isElf,
  readElf,
  readRelocations,
  readSymbols,
  sectionBytes,
} from '../../abi/elfread.js';

// A hand-built relocatable object: .text (8 bytes), .rela.text (1 entry), .symtab (null, local "start",
// global undefined "puts"), .strtab, .shstrtab. Section headers at the end, like GNU as does.
function buildObject(): Uint8Array {
  const shstr = '\0.text\0.rela.text\0.symtab\0.strtab\0.shstrtab\0';
  const str = '\0start\0puts\0';
  const text = [0x97, 0x00, 0x00, 0x00, 0xe7, 0x80, 0x00, 0x00]; // auipc ra,0 ; jalr ra
  const parts: number[] = new Array(52).fill(0);
  const at = (): number => parts.length;
  const pushStr = (s: string): number => {
    const o = at();
    for (const c of s) parts.push(c.charCodeAt(0));
    return o;
  };
  const u32 = (v: number): number[] => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24];
  const u16 = (v: number): number[] => [v & 255, v >>> 8];
  const textOff = at();
  parts.push(...text);
  const relaOff = at();
  parts.push(...u32(0), ...u32((2 << 8) | 19), ...u32(0xfffffffc)); // CALL_PLT puts-4
  const symOff = at();
  parts.push(...new Array(16).fill(0));
  parts.push(...u32(1), ...u32(0), ...u32(0), 0x00, 0, ...u16(1)); // start: LOCAL NOTYPE in .text
  parts.push(...u32(7), ...u32(0), ...u32(0), 0x12, 0, ...u16(0)); // puts: GLOBAL FUNC UNDEF
  const strOff = pushStr(str);
  const shstrOff = pushStr(shstr);
  while (parts.length % 4) parts.push(0);
  const shoff = at();
  const sh = (n: number, t: number, f: number, o: number, s: number, l: number, i: number, a: number, e: number): void => {
    parts.push(...u32(n), ...u32(t), ...u32(f), ...u32(0), ...u32(o), ...u32(s), ...u32(l), ...u32(i), ...u32(a), ...u32(e));
  };
  sh(0, 0, 0, 0, 0, 0, 0, 0, 0);
  sh(1, 1, 6, textOff, 8, 0, 0, 4, 0);
  sh(7, 4, 0x40, relaOff, 12, 3, 1, 4, 12);
  sh(18, 2, 0, symOff, 48, 4, 2, 4, 16);
  sh(26, 3, 0, strOff, str.length, 0, 0, 1, 0);
  sh(34, 3, 0, shstrOff, shstr.length, 0, 0, 1, 0);
  const head = [0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0, ...new Array(8).fill(0)];
  head.push(...u16(1), ...u16(243), ...u32(1), ...u32(0), ...u32(0), ...u32(shoff), ...u32(0));
  head.push(...u16(52), ...u16(0), ...u16(0), ...u16(40), ...u16(6), ...u16(5));
  parts.splice(0, 52, ...head);
  return Uint8Array.from(parts);
}

function expectFormatError(bytes: Uint8Array, pattern: RegExp, read = readElf as (b: Uint8Array) => unknown): void {
  let caught: unknown;
  try {
    read(bytes);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ElfFormatError);
  expect((caught as Error).message).toMatch(pattern);
}

const patch32 = (b: Uint8Array, off: number, v: number): Uint8Array => {
  const c = b.slice();
  new DataView(c.buffer).setUint32(off, v, true);
  return c;
};

describe('readElf on a well-formed object', () => {
  const bytes = buildObject();
  const elf = readElf(bytes);

  it('reads the header fields', () => {
    expect(isElf(bytes)).toBe(true);
    expect(elf.header.type).toBe(1);
    expect(elf.header.machine).toBe(243);
    expect(elf.header.shnum).toBe(6);
    expect(elf.programHeaders).toEqual([]);
  });

  it('names every section from .shstrtab', () => {
    expect(elf.sections.map((s) => s.name)).toEqual(['', '.text', '.rela.text', '.symtab', '.strtab', '.shstrtab']);
    expect(Array.from(sectionBytes(elf, findSection(elf, '.text')!))).toEqual([0x97, 0, 0, 0, 0xe7, 0x80, 0, 0]);
  });

  it('reads symbols with name, bind, type and section index', () => {
    const syms = readSymbols(elf, findSymbolTable(elf)!);
    expect(syms.length).toBe(3);
    expect(syms[1]).toMatchObject({ name: 'start', bind: 0, type: 0, shndx: 1, value: 0 });
    expect(syms[2]).toMatchObject({ name: 'puts', bind: 1, type: 2, shndx: 0 });
  });

  it('reads relocations with type, symbol index and signed addend', () => {
    const relocs = readRelocations(elf, findSection(elf, '.rela.text')!, 3);
    expect(relocs).toEqual([{ offset: 0, type: 19, symbolIndex: 2, addend: -4, explicitAddend: true }]);
  });
});

describe('readElf on malformed input throws ElfFormatError naming the field', () => {
  const good = buildObject();

  it('rejects a file without the magic', () => {
    expectFormatError(Uint8Array.from([1, 2, 3]), /not an ELF file/);
    expect(isElf(Uint8Array.from([0x7f, 0x45]))).toBe(false);
  });

  it('rejects a truncated ELF header', () => {
    expectFormatError(good.subarray(0, 30), /ELF header truncated/);
  });

  it('rejects ELFCLASS64 and big-endian files', () => {
    const c64 = good.slice();
    c64[4] = 2;
    expectFormatError(c64, /EI_CLASS at offset 0x4 is 2/);
    const be = good.slice();
    be[5] = 2;
    expectFormatError(be, /EI_DATA at offset 0x5 is 2/);
  });

  it('names a section header that lies outside the file', () => {
    const cut = good.subarray(0, good.length - 40);
    expectFormatError(cut, /section header 5 lies outside the file \(offset 0x[0-9a-f]+, file size 0x[0-9a-f]+\)/);
  });

  it('names a section whose contents lie outside the file', () => {
    const shoff = new DataView(good.buffer).getUint32(32, true);
    expectFormatError(patch32(good, shoff + 40 + 20, 0x10000), /contents of section 1 lie outside the file/);
  });

  it('names a bad section-name offset', () => {
    const shoff = new DataView(good.buffer).getUint32(32, true);
    expectFormatError(patch32(good, shoff + 40, 0x999), /section header 1 sh_name: name offset 0x999 is past the end/);
  });

  it('names a bad e_shstrndx', () => {
    const b = good.slice();
    b[50] = 9;
    expectFormatError(b, /e_shstrndx at offset 0x32 is 9, but there are only 6 sections/);
  });

  it('names a symbol table with the wrong entry size', () => {
    const shoff = new DataView(good.buffer).getUint32(32, true);
    const b = patch32(good, shoff + 3 * 40 + 36, 12);
    const elf = readElf(b);
    expectFormatError(b, /symbol table section 3 \(\.symtab\) has sh_entsize 12, expected 16/, () =>
      readSymbols(elf, findSymbolTable(elf)!),
    );
  });

  it('names a relocation whose symbol index is out of range', () => {
    const elf = readElf(good);
    expectFormatError(good, /relocation 0 in relocation section 2 \(\.rela\.text\).*refers to symbol 2/, () =>
      readRelocations(elf, findSection(elf, '.rela.text')!, 2),
    );
  });

  it('never throws anything but ElfFormatError on random corruption', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 8;
    };
    for (let n = 0; n < 2000; n++) {
      const b = good.slice(0, 52 + (rand() % (good.length - 52 + 1)));
      for (let k = 0; k < 4; k++) b[rand() % b.length] = rand() & 255;
      b.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
      try {
        const elf = readElf(b);
        for (const s of elf.sections) {
          if (s.type === 2) readSymbols(elf, s);
          if (s.type === 4 || s.type === 9) readRelocations(elf, s);
        }
      } catch (e) {
        expect(e).toBeInstanceOf(ElfFormatError);
      }
    }
  });
});

const AS = '/usr/bin/riscv64-unknown-elf-as';
const hasAs = existsSync(AS);
if (!hasAs) console.warn('elfread: riscv64-unknown-elf-as not found; skipping GNU-object tests');

describe.skipIf(!hasAs)('readElf on GNU as output', () => {
  it('agrees with the assembler on sections, symbols and relocations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'elfread-'));
    writeFileSync(
      join(dir, 'a.s'),
      '.globl _start\n_start:\n call foo\n lui a0, %hi(msg)\n addi a0, a0, %lo(msg)\n' +
        '.section .rodata\nmsg: .asciz "hi"\n.data\n.word foo+8\n',
    );
    execFileSync(AS, ['-march=rv32ima_zicsr', '-mabi=ilp32', '-mno-relax', '-o', join(dir, 'a.o'), join(dir, 'a.s')]);
    const elf = readElf(new Uint8Array(readFileSync(join(dir, 'a.o'))));
    const names = elf.sections.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['.text', '.rela.text', '.rodata', '.data', '.rela.data', '.symtab']));
    const syms = readSymbols(elf, findSymbolTable(elf)!);
    const foo = syms.findIndex((s) => s.name === 'foo');
    expect(syms[foo]).toMatchObject({ bind: 1, shndx: 0 });
    expect(syms.find((s) => s.name === '_start')).toMatchObject({ bind: 1, shndx: findSection(elf, '.text')!.index });
    const text = readRelocations(elf, findSection(elf, '.rela.text')!, syms.length);
    expect(text.map((r) => r.type)).toEqual([19, 26, 27]);
    expect(text[0].symbolIndex).toBe(foo);
    const data = readRelocations(elf, findSection(elf, '.rela.data')!, syms.length);
    expect(data).toEqual([{ offset: 0, type: 1, symbolIndex: foo, addend: 8, explicitAddend: true }]);
  });
});
