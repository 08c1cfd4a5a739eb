// Job control, #! scripts and file modes on Pagoda: the libc tests userland/tests/{jobs,script,fsmodes}_test
// as the boot image holds them (built by Pagoda's own cc, run on its kernel) and the same sources built by the
// host's gcc against glibc and run by the host's Linux kernel (as root, like Pagoda's processes), the reference
// their expected values come from; ttyjobs_test drives job control through the console (Ctrl-Z, Ctrl-C,
// SIGTTIN, SIGTTOU), which needs Pagoda's terminal. (fsmodes_test also runs under qemu-riscv32 in
// libc.test.ts; jobs_test and script_test do not: qemu-user ignores SA_NOCLDSTOP, wait4 is Pagoda's number
// there, and qemu's binfmt handling changes the #! limits.)
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
const CHECKED = ['jobs_test', 'script_test', 'fsmodes_test'];

const built = existsSync(IMAGE);
if (!built) console.warn('dist/boot.cpio missing (npm run build): skipping the job-control tests on Pagoda');
const hostGcc = spawnSync('gcc', ['--version']).status === 0;

describe.skipIf(!built)('job control, #! and file modes on the Pagoda kernel', () => {
  const image = built ? new Uint8Array(readFileSync(IMAGE)) : new Uint8Array(0);

  for (const name of CHECKED) {
    it(`passes ${name} and leaves nothing allocated`, async () => {
      const k = bootTestKernel({ memMiB: 32, bootImage: image });
      const r = await k.run(`/tests/${name}`, { argv: [`/tests/${name}`], envp: ['PATH=/bin'] });
      expect(r.stdout).toMatch(new RegExp(`${name}: \\d+ checks ok\\n$`));
      expect(r.status).toBe(0);
      expect(k.counters()).toEqual(k.bootCounters);
    }, 60_000);
  }

  it('stops the foreground job on Ctrl-Z, continues it, interrupts it on Ctrl-C, and stops background readers and writers', async () => {
    let out = '';
    const typed: string[] = [];
    const session = new ConsoleSession({
      memMiB: 32, bootImage: image, terminal: true, init: '/tests/ttyjobs_test',
      output: (b) => {
        out += new TextDecoder().decode(b);
        // Each "@..." line asks for one key or line, typed once (the program waits for it before going on).
        for (const [marker, keys] of [['@ready', '\x1a'], ['@type hi', 'hi\r'], ['@spinning', '\x03']]) {
          if (out.includes(marker) && !typed.includes(marker)) {
            typed.push(marker);
            setImmediate(() => session.input(keys));
          }
        }
      },
      yieldToHost: () => new Promise((r) => setImmediate(r)),
    });
    const end = await session.start();
    expect(out).toMatch(/ttyjobs_test: \d+ checks ok\r\n/);
    expect(out).toContain('^Z\r\n');
    expect(out).toContain('^C\r\n');
    expect(out).toContain('bg write\r\n');
    expect(out).not.toMatch(/line \d+:/);
    expect(end).toMatchObject({ kind: 'init-exited', status: 0 });
    expect(session.kernel.frames.usedFrames).toBe(session.bootCounters.usedFrames);
  }, 60_000);
});

describe.skipIf(!hostGcc)('the same tests on the host kernel with glibc (the reference)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-jobs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of CHECKED) {
    it(`passes ${name} with glibc on Linux`, () => {
      const exe = join(dir, name);
      const cc = spawnSync('gcc', ['-O1', '-w', '-o', exe, join(TESTS, `${name}.c`)], { encoding: 'latin1' });
      expect(cc.status, cc.stderr).toBe(0);
      const r = spawnSync(exe, [], { encoding: 'latin1', env: { PATH: process.env.PATH ?? '/usr/bin' }, timeout: 60_000 });
      expect(r.stdout).toMatch(new RegExp(`${name}: \\d+ checks ok\\n$`));
      expect(r.status).toBe(0);
    }, 60_000);
  }
});
