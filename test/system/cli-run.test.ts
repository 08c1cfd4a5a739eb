// `pagoda run` end to end through bin/pagoda.mjs (needs `npm run build` first: skipped otherwise).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { writeCpio } from '../../abi/cpio.js';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasGcc, programPath } from '../kernel/progs/build.js';

const ROOT = resolve(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'cli', 'run.js'));
if (!built || !hasGcc) console.warn('dist/cli/run.js or riscv64-unknown-elf-gcc missing: skipping pagoda run CLI tests');

const pagoda = (args: string[], input = '', env: Record<string, string> = {}) =>
  spawnSync('node', [join(ROOT, 'bin', 'pagoda.mjs'), 'run', ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });

describe.skipIf(!built || !hasGcc)('pagoda run', () => {
  it('runs a host ELF with its arguments and exits with its status', () => {
    const r = pagoda([programPath('hello'), 'x']);
    expect(r.stdout).toBe('hello from user mode\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(42);
  });

  it('passes the host environment and connects stdin, stdout and stderr', () => {
    const r = pagoda(['--mem', '32', programPath('devices')], '12345678', { ZED: 'z' });
    expect(r.stdout).toContain('readv=8\n12345678\n');
    expect(r.stderr).toBe('to stderr\n');
    expect(r.status).toBe(3);
    const a = pagoda([programPath('args')], '', { ZED: 'z' });
    expect(a.stdout).toContain('env: ZED=z\n');
  });

  it('exits with 128+signal and prints the fault line on stderr', () => {
    const r = pagoda([programPath('nullderef')]);
    expect(r.status).toBe(139);
    expect(r.stderr).toMatch(/^pagoda: pid 1 \(.*nullderef.*\) killed by SIGSEGV: store page fault at 0x00000000 \(no mapping\), pc 0x[0-9a-f]{8}: sw /);
  });

  it('runs a program by its path in the boot image', () => {
    const image = join(mkdtempSync(join(tmpdir(), 'pagoda-img-')), 'boot.cpio');
    writeFileSync(image, writeCpio([{ name: 'bin/hello', mode: 0o100755, data: new Uint8Array(readFileSync(programPath('hello'))) }]));
    const r = pagoda(['/bin/hello'], '', { PAGODA_BOOT_IMAGE: image });
    expect(r.stdout).toBe('hello from user mode\n');
    expect(r.status).toBe(0);
  });

  it('ends the program with SIGPIPE (status 141) when stdout is a closed pipe', () => {
    const r = spawnSync('bash', ['-c', `node '${join(ROOT, 'bin', 'pagoda.mjs')}' run '${programPath('yes')}' | head -c 4; echo " \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout).toBe('y\ny\n 141\n');
    expect(r.stderr).toBe('');
  });

  it('prints the boot log on stderr only with --verbose', () => {
    const r = pagoda(['--verbose', '--mem=16', programPath('hello')]);
    expect(r.stderr).toMatch(/^Pagoda .*\nram: 16 MiB/);
    expect(r.stdout).toBe('hello from user mode\n');
  });

  it('refuses a non-ELF with a precise reason, and reports a missing file and bad options', () => {
    const r = pagoda([join(ROOT, 'package.json')]);
    expect(r.status).toBe(126);
    expect(r.stderr).toMatch(/cannot execute \(bad-magic\): not an ELF file/);
    expect(pagoda(['/no/such/prog']).status).toBe(127);
    const bad = pagoda(['--mem', '7', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--mem takes an even number/);
    expect(pagoda([]).stderr).toMatch(/missing PROG/);
  });
});
