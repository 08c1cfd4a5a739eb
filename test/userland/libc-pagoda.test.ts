// The portable-program libc tests (userland/tests/posix_test, time_test, stdio2_test, getopt_test) as the
// boot image holds them — built by Pagoda's own cc, run on Pagoda's kernel — and the same sources built by
// the host's gcc against glibc, the reference every expected value in them was written from. (libc.test.ts
// runs them a third way: our libc built by riscv64-unknown-elf-gcc under qemu-riscv32.)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootTestKernel } from '../harness.js';
import { ConsoleSession } from '../../kernel/session.js';

const ROOT = resolve(__dirname, '..', '..');
const IMAGE = join(ROOT, 'dist', 'boot.cpio');
const TESTS = join(ROOT, 'userland', 'tests');
const CHECKED = ['posix_test', 'time_test', 'stdio2_test'];
const EXPECTED_GETOPT = readFileSync(join(TESTS, 'getopt_test.expected'), 'latin1');

const built = existsSync(IMAGE);
if (!built) console.warn('dist/boot.cpio missing (npm run build): skipping the libc tests on Pagoda');
const hostGcc = spawnSync('gcc', ['--version']).status === 0;

describe.skipIf(!built)('libc tests built by pagoda cc, on the Pagoda kernel', () => {
  const image = built ? new Uint8Array(readFileSync(IMAGE)) : new Uint8Array(0);

  for (const name of CHECKED) {
    it(`passes ${name} and leaves nothing allocated`, async () => {
      const k = bootTestKernel({ memMiB: 32, bootImage: image });
      // time_test's strftime sweep is shorter here (120 times; the interpreter under vitest is slow), checked
      // against glibc 2.36's hash for that count
      const argv = name === 'time_test' ? [name, '120'] : [name];
      const r = await k.run(`/tests/${name}`, { argv, envp: ['PATH=/bin'] });
      if (name === 'time_test') expect(r.stdout).toContain('sweep 120: 9d5bfa8b04a51e0c\n');
      expect(r.stdout).toMatch(new RegExp(`${name}: \\d+ checks ok\\n$`));
      expect(r.status).toBe(0);
      expect(k.counters()).toEqual(k.bootCounters);
    }, 60_000);
  }

  it('passes termios_test on an interactive console (a real line discipline behind TCGETS/TCSETS*)', async () => {
    let out = '';
    const session = new ConsoleSession({
      memMiB: 32, bootImage: image, terminal: true, init: '/tests/termios_test',
      output: (b) => { out += new TextDecoder().decode(b); },
      yieldToHost: () => new Promise((r) => setImmediate(r)),
      random: () => new Uint8Array(16).fill(7),
    });
    const end = await session.start();
    expect(out).toMatch(/termios_test: \d+ checks ok\r?\n/);
    expect(end).toMatchObject({ kind: 'init-exited', status: 0 });
  }, 60_000);

  it('prints the getopt transcript glibc prints', async () => {
    const k = bootTestKernel({ memMiB: 32, bootImage: image });
    const r = await k.run('/tests/getopt_test');
    expect(r.stdout).toBe(EXPECTED_GETOPT);
  }, 60_000);
});

describe.skipIf(!hostGcc)('the same tests against the host glibc (the reference)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-glibc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const native = (name: string): ReturnType<typeof spawnSync> => {
    const exe = join(dir, name);
    const cc = spawnSync('gcc', ['-O1', '-w', '-o', exe, join(TESTS, `${name}.c`)], { encoding: 'latin1' });
    expect(cc.status, cc.stderr).toBe(0);
    return spawnSync(exe, [], { encoding: 'latin1', env: { PATH: process.env.PATH ?? '/usr/bin', TZ: 'UTC' }, timeout: 60_000 });
  };

  for (const name of CHECKED) {
    it(`passes ${name} with glibc`, () => {
      const r = native(name);
      expect(r.stdout).toMatch(new RegExp(`${name}: \\d+ checks ok\\n$`));
      expect(r.status).toBe(0);
    }, 60_000);
  }

  it('prints getopt_test.expected with glibc', () => {
    expect(native('getopt_test').stdout).toBe(EXPECTED_GETOPT);
  }, 60_000);
});
