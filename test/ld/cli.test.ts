import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readElf } from '../../abi/elfread.js';
import { main as ldMain } from '../../cli/ld.js';
import { writeArchive } from '../../toolchain/ar.js';
import { gas, hasGas, hasQemu, noteMissing, runQemu, symbolAddress, tempDir } from './tools.js';

noteMissing('pagoda ld command-line tests (riscv64-unknown-elf-as)', hasGas);

describe.skipIf(!hasGas)('pagoda ld command line', () => {
  const dir = tempDir();
  gas(dir, 'main', '.globl _start\n_start: call answer\n li a7, 93\n ecall\n');
  gas(dir, 'answer', '.globl answer\nanswer: li a0, 42\n ret\n');
  gas(dir, 'undef', '.globl _start\n_start: call nowhere\n');
  writeFileSync(join(dir, 'libanswer.a'), writeArchive([{ name: 'answer.o', bytes: readFileSync(join(dir, 'answer.o')) }]));
  let err = '';
  beforeEach(() => {
    err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it('links objects into an executable file (mode 0755) named by -o', async () => {
    const out = join(dir, 'prog');
    expect(await ldMain(['-o', out, join(dir, 'main.o'), join(dir, 'answer.o')])).toBe(0);
    expect(err).toBe('');
    expect(statSync(out).mode & 0o777).toBe(0o755);
    if (hasQemu) expect(runQemu(dir, 'prog-run', new Uint8Array(readFileSync(out))).status).toBe(42);
  });

  it('finds -lNAME as libNAME.a in the -L directories', async () => {
    const out = join(dir, 'prog-l');
    expect(await ldMain([join(dir, 'main.o'), '-L', dir, '-lanswer', '-o', out])).toBe(0);
    expect(await ldMain([join(dir, 'main.o'), `-L${dir}`, '-l', 'answer', `-o${out}`])).toBe(0);
    expect(readElf(new Uint8Array(readFileSync(out))).header.type).toBe(2);
  });

  it('rescans libraries between --start-group and --end-group', async () => {
    gas(dir, 'needsanswer', '.globl helper\nhelper: call answer\n ret\n');
    gas(dir, 'callshelper', '.globl _start\n_start: call helper\n li a7, 93\n ecall\n');
    writeFileSync(join(dir, 'libhelper.a'), writeArchive([{ name: 'h.o', bytes: readFileSync(join(dir, 'needsanswer.o')) }]));
    const out = join(dir, 'prog-g');
    const objs = [join(dir, 'callshelper.o')];
    expect(await ldMain(['-o', out, ...objs, '-L', dir, '-lanswer', '-lhelper'])).toBe(1);
    expect(err).toContain("undefined reference to 'answer'");
    err = '';
    expect(await ldMain(['-o', out, ...objs, '-L', dir, '--start-group', '-lanswer', '-lhelper', '--end-group'])).toBe(0);
    expect(err).toBe('');
    expect(await ldMain([...objs, '--start-group', '-lanswer'])).toBe(1);
    expect(err).toContain('pagoda ld: error: --start-group without --end-group');
  });

  it('honours -e and -Ttext (also in the = forms)', async () => {
    const out = join(dir, 'prog-e');
    expect(await ldMain(['-e', 'answer', '-Ttext', '0x20000', '-o', out, join(dir, 'main.o'), join(dir, 'answer.o')])).toBe(0);
    const exe = new Uint8Array(readFileSync(out));
    expect(readElf(exe).header.entry).toBe(symbolAddress(exe, 'answer'));
    expect(symbolAddress(exe, '_start')).toBe(0x20000);
    expect(await ldMain(['--entry=_start', '-Ttext=30000', '-o', out, join(dir, 'main.o'), join(dir, 'answer.o')])).toBe(0);
    expect(symbolAddress(new Uint8Array(readFileSync(out)), '_start')).toBe(0x30000);
  });

  it('prints `pagoda ld: FILE: error: MESSAGE` and exits 1 on an undefined reference, writing nothing', async () => {
    const out = join(dir, 'never');
    expect(await ldMain(['-o', out, join(dir, 'undef.o')])).toBe(1);
    expect(err).toBe(`pagoda ld: ${join(dir, 'undef.o')}: error: (.text+0x0): undefined reference to 'nowhere'\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('reports missing files, missing libraries, non-ELF input and bad options without a stack trace', async () => {
    expect(await ldMain([join(dir, 'missing.o')])).toBe(1);
    expect(err).toBe(`pagoda ld: ${join(dir, 'missing.o')}: error: No such file or directory\n`);
    err = '';
    expect(await ldMain([join(dir, 'main.o'), '-lnothere', '-L', dir])).toBe(1);
    expect(err).toBe(`pagoda ld: -lnothere: error: cannot find -lnothere (searched ${dir})\n`);
    err = '';
    writeFileSync(join(dir, 'text.o'), 'just text');
    expect(await ldMain([join(dir, 'text.o')])).toBe(1);
    expect(err).toBe(
      `pagoda ld: ${join(dir, 'text.o')}: error: file format not recognized (neither an ELF object nor an ar archive)\n`,
    );
    err = '';
    expect(await ldMain(['--frobnicate', join(dir, 'main.o')])).toBe(1);
    expect(err).toBe("pagoda ld: error: unrecognized option '--frobnicate'\n");
    err = '';
    expect(await ldMain([])).toBe(1);
    expect(err).toBe('pagoda ld: error: no input files\n');
  });

  it('rejects a truncated object with the ELF field that is wrong', async () => {
    const bytes = readFileSync(join(dir, 'main.o'));
    writeFileSync(join(dir, 'cut.o'), bytes.subarray(0, bytes.length - 50));
    expect(await ldMain([join(dir, 'cut.o')])).toBe(1);
    expect(err).toMatch(/^pagoda ld: .*cut\.o: error: file format not recognized: section header \d+ lies outside the file/);
    expect(err).not.toMatch(/\n {4}at /);
  });
});
