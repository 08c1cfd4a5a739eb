import { describe, expect, it } from 'vitest';
import { findSymbolTable, readElf, readSymbols } from '../../abi/elfread.js';
import { writeArchive } from '../../toolchain/ar.js';
import { gas, hasGas, linkMessages, linkOk, noteMissing, sectionOf, symbolAddress, tempDir } from './tools.js';

noteMissing('symbol resolution tests (riscv64-unknown-elf-as)', hasGas);

const word = (exe: Uint8Array, section: string, index: number): number =>
  new DataView(sectionOf(exe, section).slice().buffer).getUint32(index * 4, true);

function symbolsOf(exe: Uint8Array): ReturnType<typeof readSymbols> {
  const elf = readElf(exe);
  return readSymbols(elf, findSymbolTable(elf)!);
}

describe.skipIf(!hasGas)('symbol resolution', () => {
  const dir = tempDir();
  const obj = (name: string, src: string): { name: string; bytes: Uint8Array } => ({
    name: name + '.o',
    bytes: gas(dir, name, src),
  });
  const start = obj('start', `.globl _start\n_start: ret\n.data\n.word value\n`);

  it('a strong definition overrides a weak one, whichever comes first', () => {
    const weak = obj('weak', `.weak value\n.data\nvalue: .word 1\n`);
    const strong = obj('strong', `.globl value\n.data\nvalue: .word 2\n`);
    for (const order of [[start, weak, strong], [start, strong, weak]]) {
      const exe = linkOk(order);
      const v = symbolAddress(exe, 'value');
      const data = sectionOf(exe, '.data');
      const base = symbolAddress(exe, '__DATA_BEGIN__');
      expect(new DataView(data.slice().buffer).getUint32(v - base, true)).toBe(2);
    }
  });

  it('the first of two weak definitions wins', () => {
    const w1 = obj('w1', `.weak value\n.data\nvalue: .word 11\n`);
    const w2 = obj('w2', `.weak value\n.data\nvalue: .word 22\n`);
    const exe = linkOk([start, w1, w2]);
    expect(word(exe, '.data', 0)).toBe(symbolAddress(exe, 'value'));
    expect(symbolAddress(exe, 'value')).toBe(symbolAddress(exe, '__DATA_BEGIN__') + 4);
  });

  it('an undefined weak reference resolves to 0 and is kept as a weak undefined symbol', () => {
    const ref = obj('weakref', `.weak missing\n.globl _start\n_start: ret\n.data\n.word missing\n.word missing+8\n`);
    const exe = linkOk([ref]);
    expect(word(exe, '.data', 0)).toBe(0);
    expect(word(exe, '.data', 1)).toBe(8);
    expect(symbolsOf(exe).find((s) => s.name === 'missing')).toMatchObject({ bind: 2, shndx: 0, value: 0 });
  });

  it('common symbols merge to the largest size and alignment and live in .bss', () => {
    const c1 = obj('c1', `.comm value, 4, 4\n.comm other, 2, 2\n`);
    const c2 = obj('c2', `.comm value, 64, 16\n`);
    const exe = linkOk([start, c1, c2]);
    const syms = symbolsOf(exe);
    const value = syms.find((s) => s.name === 'value')!;
    expect(value.size).toBe(64);
    expect(value.value % 16).toBe(0);
    const elf = readElf(exe);
    const bss = elf.sections.find((s) => s.name === '.bss')!;
    expect(value.shndx).toBe(bss.index);
    expect(value.value).toBeGreaterThanOrEqual(bss.addr);
    expect(value.value + 64).toBeLessThanOrEqual(bss.addr + bss.size);
    expect(symbolAddress(exe, '_end')).toBeGreaterThanOrEqual(value.value + 64);
  });

  it('a strong definition beats a common symbol, and a common beats a weak definition', () => {
    const common = obj('common', `.comm value, 4, 4\n`);
    const strong = obj('strong2', `.globl value\n.data\n.word 0\nvalue: .word 5\n`);
    const exe = linkOk([start, common, strong]);
    expect(symbolAddress(exe, 'value')).toBe(symbolAddress(exe, '__DATA_BEGIN__') + 8); // start's word, then 0
    const weak = obj('weak3', `.weak value\n.data\nvalue: .word 5\n`);
    const exe2 = linkOk([start, weak, common]);
    const elf = readElf(exe2);
    const bss = elf.sections.find((s) => s.name === '.bss')!;
    expect(symbolAddress(exe2, 'value')).toBe(bss.addr);
  });

  it('a duplicate strong definition is an error naming both files', () => {
    const a = obj('dupa', `.globl value\n.data\nvalue: .word 1\n`);
    const b = obj('dupb', `.globl value\n.data\nvalue: .word 2\n`);
    expect(linkMessages([start, a, b])).toEqual([
      "pagoda ld: dupb.o: error: multiple definition of 'value'; first defined in dupa.o",
    ]);
  });

  it('an undefined reference is an error naming the referencing file, place and symbol', () => {
    const r = linkMessages([start]);
    expect(r).toEqual(["pagoda ld: start.o: error: (.data+0x0): undefined reference to 'value'"]);
  });

  it('local symbols with the same name in two files stay apart', () => {
    const a = obj('loca', `.globl _start\n_start: ret\nhelper: ret\n.data\n.word helper\n`);
    const b = obj('locb', `helper: nop\n ret\n.globl fb\nfb: ret\n.data\n.word helper\n`);
    const exe = linkOk([a, b]);
    expect(word(exe, '.data', 0)).toBe(0x10004);
    expect(word(exe, '.data', 1)).toBe(0x10008);
    expect(symbolsOf(exe).filter((s) => s.name === 'helper').map((s) => s.value)).toEqual([0x10004, 0x10008]);
  });

  it('a missing entry symbol is a warning; the entry is then the start of .text', () => {
    const noStart = obj('nostart', `.globl main\nmain: ret\n`);
    const r = linkMessages([noStart]);
    expect(r).toEqual(['pagoda ld: warning: cannot find entry symbol _start; defaulting to 0x10000']);
    const exe = linkOk([noStart], { entry: 'main' });
    expect(readElf(exe).header.entry).toBe(0x10000);
  });
});

describe.skipIf(!hasGas)('archive member selection', () => {
  const dir = tempDir();
  const member = (name: string, src: string): { name: string; bytes: Uint8Array } => ({
    name: name + '.o',
    bytes: gas(dir, name, src),
  });
  const main = member('main', `.globl _start\n_start: call foo\n ret\n`);
  const foo = member('foo', `.globl foo\nfoo: call bar\n ret\n`);
  const bar = member('bar', `.globl bar\nbar: ret\n`);
  const unused = member('unused', `.globl unused\nunused: ret\n.globl _start\n_start: nop\n`);
  const libOf = (...ms: { name: string; bytes: Uint8Array }[]): { name: string; bytes: Uint8Array } => ({
    name: 'libt.a',
    bytes: writeArchive(ms),
  });

  it('pulls only members that resolve an undefined symbol, repeatedly within the archive', () => {
    // bar comes before foo: a second pass over the archive is needed to pull bar for foo.
    const exe = linkOk([main, libOf(bar, unused, foo)]);
    const names = symbolsOf(exe).map((s) => s.name);
    expect(names).toContain('foo');
    expect(names).toContain('bar');
    expect(names).not.toContain('unused');
  });

  it('does not go back to an earlier archive (GNU order without --start-group)', () => {
    const libFoo = { name: 'libfoo.a', bytes: writeArchive([foo]) };
    const libBar = { name: 'libbar.a', bytes: writeArchive([bar]) };
    expect(linkOk([main, libFoo, libBar]).length).toBeGreaterThan(0);
    expect(linkMessages([main, libBar, libFoo])).toEqual([
      "pagoda ld: libfoo.a(foo.o): error: (.text+0x0): undefined reference to 'bar'",
    ]);
  });

  it('rescans archives inside a group until nothing more is pulled (--start-group)', () => {
    const libFoo = { name: 'libfoo.a', bytes: writeArchive([foo]) };
    const libBar = { name: 'libbar.a', bytes: writeArchive([bar]) };
    const exe = linkOk([main, { group: [libBar, libFoo] }]);
    expect(symbolsOf(exe).map((s) => s.name)).toEqual(expect.arrayContaining(['foo', 'bar']));
  });

  it('does not pull a member for a weak undefined reference', () => {
    const weakMain = member('weakmain', `.weak foo\n.globl _start\n_start: ret\n.data\n.word foo\n`);
    const exe = linkOk([weakMain, libOf(foo, bar)]);
    expect(symbolsOf(exe).map((s) => s.name)).not.toContain('bar');
    expect(word(exe, '.data', 0)).toBe(0);
  });

  it('uses the members themselves when the archive has no symbol index', () => {
    const exe = linkOk([main, { name: 'noindex.a', bytes: writeArchive([foo, bar], false) }]);
    expect(symbolsOf(exe).map((s) => s.name)).toContain('bar');
  });

  it('names the archive member in messages', () => {
    const dupFoo = member('dupfoo', `.globl foo\nfoo: ret\n`);
    expect(linkMessages([main, dupFoo, libOf(foo, bar)])).toEqual([]);
    const lib = libOf(member('needsx', `.globl foo\nfoo: call x\n`));
    expect(linkMessages([main, lib])).toEqual([
      "pagoda ld: libt.a(needsx.o): error: (.text+0x0): undefined reference to 'x'",
    ]);
  });
});
