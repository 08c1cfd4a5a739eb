import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveFormatError, isArchive, readArchive, writeArchive } from '../../toolchain/ar.js';
import { main as arMain } from '../../cli/ar.js';
import { GCC, QEMU, gas, gnuLink, hasGas, hasGcc, hasGld, hasQemu, linkOk, noteMissing, tempDir } from '../ld/tools.js';

const GNU_AR = '/usr/bin/riscv64-unknown-elf-ar';
const GNU_NM = '/usr/bin/riscv64-unknown-elf-nm';
const hasGnuAr = existsSync(GNU_AR) && existsSync(GNU_NM);
noteMissing('archive interoperability tests (riscv64-unknown-elf-ar/nm/as/ld/gcc)', hasGnuAr && hasGas && hasGld);

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function expectArchiveError(b: Uint8Array, pattern: RegExp): void {
  let caught: unknown;
  try {
    readArchive(b);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ArchiveFormatError);
  expect((caught as Error).message).toMatch(pattern);
}

describe('writeArchive and readArchive', () => {
  it('round-trips members with short, long and odd-sized contents', () => {
    const members = [
      { name: 'a.o', bytes: bytes('abc') },
      { name: 'a-very-long-member-name.o', bytes: bytes('0123') },
      { name: 'another-quite-long-name.o', bytes: bytes('x') },
    ];
    const ar = writeArchive(members);
    expect(isArchive(ar)).toBe(true);
    const back = readArchive(ar);
    expect(back.members.map((m) => [m.name, String.fromCharCode(...m.bytes)])).toEqual([
      ['a.o', 'abc'],
      ['a-very-long-member-name.o', '0123'],
      ['another-quite-long-name.o', 'x'],
    ]);
    expect(back.symbols).toEqual([]); // not ELF: no symbols, but an index is present
    expect(String.fromCharCode(...ar.subarray(8, 24))).toBe('/               ');
  });

  it('writes no index when asked not to', () => {
    expect(readArchive(writeArchive([{ name: 'a.o', bytes: bytes('a') }], false)).symbols).toBeUndefined();
  });

  it('rejects bad magic, thin archives, truncated headers and bad sizes with the offset', () => {
    expectArchiveError(bytes('hello'), /not an archive \(bad magic at offset 0x0\)/);
    expectArchiveError(bytes('!<thin>\n'), /thin archives are not supported/);
    expectArchiveError(bytes('!<arch>\na.o/            0'), /member header at offset 0x8 is truncated/);
    const good = writeArchive([{ name: 'a.o', bytes: bytes('abcd') }], false);
    const badSize = good.slice();
    badSize.set(bytes('12x       '), 8 + 48);
    expectArchiveError(badSize, /member header at offset 0x8 has a bad size field '12x'/);
    const tooBig = good.slice();
    tooBig.set(bytes('999       '), 8 + 48);
    expectArchiveError(tooBig, /member at offset 0x8 \(size 999\) runs past the end/);
  });
});

describe.skipIf(!hasGnuAr || !hasGas || !hasGld)('GNU tools and our archives', () => {
  const dir = tempDir();
  const foo = gas(dir, 'foo', '.globl foo\nfoo: li a0, 42\n ret\n.comm shared, 4, 4\n');
  const bar = gas(dir, 'a_member_with_a_long_name', '.globl bar\n.weak wbar\nbar: wbar: ret\n.local hidden\nhidden: ret\n');
  const main = gas(dir, 'main', '.globl _start\n_start: call foo\n li a7, 93\n ecall\n');

  it('GNU ar lists our members and nm reads our symbol index', () => {
    const lib = join(dir, 'libours.a');
    writeFileSync(lib, writeArchive([{ name: 'foo.o', bytes: foo }, { name: 'a_member_with_a_long_name.o', bytes: bar }]));
    expect(execFileSync(GNU_AR, ['t', lib], { encoding: 'utf8' })).toBe('foo.o\na_member_with_a_long_name.o\n');
    const armap = execFileSync(GNU_NM, ['--print-armap', lib], { encoding: 'utf8' });
    expect(armap).toContain('foo in foo.o');
    expect(armap).toContain('shared in foo.o');
    expect(armap).toContain('bar in a_member_with_a_long_name.o');
    expect(armap).toContain('wbar in a_member_with_a_long_name.o');
    expect(armap).not.toContain('hidden in');
  });

  it('GNU ld links against an archive we built', () => {
    const lib = join(dir, 'libours2.a');
    writeFileSync(lib, writeArchive([{ name: 'foo.o', bytes: foo }]));
    const exe = gnuLink(dir, 'gnu-linked', [join(dir, 'main.o'), lib], false);
    if (hasQemu) {
      writeFileSync(join(dir, 'gnu-linked'), exe, { mode: 0o755 });
      expect(spawnSync(QEMU, [join(dir, 'gnu-linked')]).status).toBe(42);
    }
  });

  it('we read GNU-made archives, index included', () => {
    const lib = join(dir, 'libgnu.a');
    execFileSync(GNU_AR, ['rcs', lib, join(dir, 'foo.o'), join(dir, 'a_member_with_a_long_name.o')]);
    const ar = readArchive(new Uint8Array(readFileSync(lib)));
    expect(ar.members.map((m) => m.name)).toEqual(['foo.o', 'a_member_with_a_long_name.o']);
    expect(Buffer.from(ar.members[0].bytes).equals(Buffer.from(foo))).toBe(true);
    expect(ar.symbols!.map((s) => s.name).sort()).toEqual(['bar', 'foo', 'shared', 'wbar']);
    const exe = linkOk([{ name: 'main.o', bytes: main }, { name: 'libgnu.a', bytes: new Uint8Array(readFileSync(lib)) }]);
    expect(exe.length).toBeGreaterThan(0);
  });

  it.skipIf(!hasGcc)("reads gcc's libgcc.a: every member and its symbol index", () => {
    const path = execFileSync(GCC, ['-march=rv32im', '-mabi=ilp32', '-print-libgcc-file-name'], { encoding: 'utf8' }).trim();
    const ar = readArchive(new Uint8Array(readFileSync(path)));
    const listed = execFileSync(GNU_AR, ['t', path], { encoding: 'utf8' }).trim().split('\n');
    expect(ar.members.map((m) => m.name)).toEqual(listed);
    const names = new Set(ar.symbols!.map((s) => s.name));
    expect(names.has('__udivdi3')).toBe(true);
    expect(names.has('__moddi3')).toBe(true);
  });
});

describe.skipIf(!hasGas)('pagoda ar command line', () => {
  const dir = tempDir();
  gas(dir, 'one', '.globl one\none: ret\n');
  gas(dir, 'two', '.globl two\ntwo: ret\n');
  let out = '';
  let err = '';
  const cwd = process.cwd();
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.chdir(cwd);
  });

  it('rcs creates an indexed archive; t lists it; r replaces a member in place', async () => {
    const lib = join(dir, 'libx.a');
    expect(await arMain(['rcs', lib, join(dir, 'one.o'), join(dir, 'two.o')])).toBe(0);
    expect(err).toBe('');
    expect(await arMain(['t', lib])).toBe(0);
    expect(out).toBe('one.o\ntwo.o\n');
    expect(readArchive(new Uint8Array(readFileSync(lib))).symbols!.map((s) => s.name)).toEqual(['one', 'two']);
    expect(await arMain(['rcs', lib, join(dir, 'one.o')])).toBe(0);
    expect(readArchive(new Uint8Array(readFileSync(lib))).members.map((m) => m.name)).toEqual(['one.o', 'two.o']);
  });

  it('q appends, d deletes, s alone rebuilds the index, v reports what it does', async () => {
    const lib = join(dir, 'libq.a');
    expect(await arMain(['qcv', lib, join(dir, 'one.o'), join(dir, 'two.o')])).toBe(0);
    expect(out).toBe('a - one.o\na - two.o\n');
    expect(await arMain(['d', lib, 'one.o'])).toBe(0);
    expect(readArchive(new Uint8Array(readFileSync(lib))).members.map((m) => m.name)).toEqual(['two.o']);
    writeFileSync(lib, writeArchive(readArchive(new Uint8Array(readFileSync(lib))).members, false));
    expect(await arMain(['s', lib])).toBe(0);
    expect(readArchive(new Uint8Array(readFileSync(lib))).symbols!.map((s) => s.name)).toEqual(['two']);
  });

  it('x extracts members into the current directory', async () => {
    const lib = join(dir, 'liby.a');
    await arMain(['rcs', lib, join(dir, 'one.o')]);
    const target = tempDir();
    process.chdir(target);
    expect(await arMain(['x', lib])).toBe(0);
    expect(Buffer.from(readFileSync(join(target, 'one.o'))).equals(readFileSync(join(dir, 'one.o')))).toBe(true);
  });

  it('reports a missing input file and a malformed archive as `pagoda ar: FILE: error:`', async () => {
    expect(await arMain(['rcs', join(dir, 'libz.a'), join(dir, 'nope.o')])).toBe(1);
    expect(err).toBe(`pagoda ar: ${join(dir, 'nope.o')}: error: No such file or directory\n`);
    err = '';
    writeFileSync(join(dir, 'bad.a'), 'not an archive');
    expect(await arMain(['t', join(dir, 'bad.a')])).toBe(1);
    expect(err).toBe(`pagoda ar: ${join(dir, 'bad.a')}: error: not an archive (bad magic at offset 0x0)\n`);
  });
});
