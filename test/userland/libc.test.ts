// The userland C library built with GNU gcc and run under qemu-riscv32 (and, for instruction
// counts, under userland/tools/rv32sim.mjs, since qemu's user-mode instret counts host ticks).
// These check the libc and every malloc policy until Pagoda's own toolchain and kernel run them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERLAND, buildLibc, buildProgram, haveGcc, readManifest, scanManifest } from '../../userland/build-gcc.mjs';
import { runRv32 } from '../../userland/tools/rv32sim.mjs';

const POLICIES = ['dl', 'first', 'next', 'best', 'buddy', 'quick'];
const MISUSES = ['double-free', 'foreign', 'corrupt', 'realloc-foreign'];

function haveQemu(): boolean {
  return spawnSync('qemu-riscv32', ['--version']).status === 0;
}

const hasTools = haveGcc() && haveQemu();
if (!hasTools) console.warn('test/userland: riscv64-unknown-elf-gcc or qemu-riscv32 missing: libc tests skipped');

let outDir = '';

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function qemu(program: string, args: string[] = [], env: Record<string, string> = {}): Run {
  const r = spawnSync('qemu-riscv32', [join(outDir, program), ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin', ...env },
    encoding: 'latin1',
    timeout: 120_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function bench(policy: string, workload: string): Record<string, number> {
  const r = runRv32(readFileSync(join(outDir, 'mallocbench')), {
    argv: ['mallocbench', '--json', workload],
    env: [`MALLOC_POLICY=${policy}`],
  });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim()) as Record<string, number>;
}

describe.skipIf(!hasTools)('userland libc built with gcc', () => {
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'pagoda-libc-'));
    const manifest = readManifest();
    buildLibc(outDir, manifest);
    // the libc tests and the two malloc programs (other programs in bin/ are tested elsewhere)
    const wanted = { ...manifest.tests, malloctest: manifest.programs.malloctest, mallocbench: manifest.programs.mallocbench };
    for (const [name, sources] of Object.entries(wanted)) buildProgram(outDir, name, sources, manifest);
  }, 600_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('lists every libc source and libc test in manifest.json (node userland/build-gcc.mjs --write-manifest)', () => {
    const [listed, actual] = [readManifest(), scanManifest()];
    expect(listed.libc).toEqual(actual.libc);
    expect(listed.tests).toEqual(actual.tests);
    expect(listed.crt0).toBe(actual.crt0);
  });

  for (const name of ['string_test', 'ctype_test', 'stdlib_test', 'printf_test', 'stdio_test', 'syscall_test', 'posix_test',
    'time_test', 'stdio2_test', 'float_conv_test', 'fsmodes_test']) {
    it(`passes ${name}`, () => {
      const r = qemu(name);
      expect(r.stdout).toMatch(new RegExp(`${name}: \\d+ checks ok`));
      expect(r.status).toBe(0);
    });
  }

  it('prints the getopt transcript glibc prints (getopt_test.expected)', () => {
    const r = qemu('getopt_test');
    expect(r.stdout).toBe(readFileSync(join(USERLAND, 'tests', 'getopt_test.expected'), 'latin1'));
  });

  it('runs atexit handlers newest first and flushes stdout after them', () => {
    const r = qemu('stdlib_test');
    expect(r.stdout).toMatch(/checks ok\natexit second\natexit first\n$/);
  });

  it('runs constructors before main and, at exit, atexit handlers, then destructors, then flushes stdio', () => {
    buildProgram(outDir, 'ctors', ['../test/userland/ctors.c']);
    const r = qemu('ctors');
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: 'ctor 101\nctor\nmain\natexit\ndtor\ndtor 101\n', status: 11 });
  });

  it('writes printf, fputs, puts and putchar output in order, and stderr unbuffered', () => {
    const r = qemu('printf_test');
    expect(r.stdout.startsWith('out 1\nfputs line\nputs line\n!\n')).toBe(true);
    expect(r.stderr).toBe('to stderr\n');
  });

  it('produces the same output under rv32sim as under qemu (printf table)', () => {
    const sim = runRv32(readFileSync(join(outDir, 'printf_test')), { argv: ['printf_test'] });
    expect(sim.exitCode).toBe(0);
    expect(sim.stdout).toBe(qemu('printf_test').stdout);
  });

  it('warns about an unknown MALLOC_POLICY and falls back to dl', () => {
    const r = qemu('malloc_test', [], { MALLOC_POLICY: 'bogus' });
    expect(r.stderr).toContain('malloc: unknown MALLOC_POLICY, using dl');
    expect(r.stdout).toContain('policy dl');
    expect(r.status).toBe(0);
  });

  for (const policy of POLICIES) {
    describe(`malloc policy ${policy}`, () => {
      it('passes the allocation API tests', () => {
        const r = qemu('malloc_test', [], { MALLOC_POLICY: policy });
        expect(r.stdout).toContain(`policy ${policy}`);
        expect(r.stdout).toMatch(/malloc_test: \d+ checks ok/);
        expect(r.status).toBe(0);
      });

      it('survives the random stress test with every fill pattern intact', () => {
        const r = qemu('malloctest', ['6000'], { MALLOC_POLICY: policy });
        expect(r.stdout).toContain(`malloctest ${policy}: 6000 operations ok`);
        expect(r.status).toBe(0);
      });

      for (const misuse of MISUSES) {
        it(`aborts naming the address on ${misuse}`, () => {
          const r = qemu('malloctest', [misuse], { MALLOC_POLICY: policy });
          expect(r.stderr).toMatch(new RegExp(`^malloc\\(${policy}\\): .+ at 0x[0-9a-f]{8}\\n`));
          expect(r.signal).toBe('SIGABRT');
        });
      }
    });
  }

  it('counts at most 60 instructions per malloc+free pair for dl on the small workload', () => {
    const row = bench('dl', 'small');
    expect(row.name).toBe('dl/small');
    expect(row.instructionsPerOp).toBeLessThanOrEqual(60);
    expect(row.peakHeapOverLive).toBeLessThanOrEqual(1.6);
  });

  it('keeps dl within 1.25 peak heap / peak live on the mixed and fragment workloads', () => {
    expect(bench('dl', 'mixed').peakHeapOverLive).toBeLessThanOrEqual(1.25);
    expect(bench('dl', 'fragment').peakHeapOverLive).toBeLessThanOrEqual(1.25);
  });

  it('reports one JSON row per workload with the fields pagoda bench reads', () => {
    const row = bench('buddy', 'realloc');
    expect(row).toMatchObject({ group: 'malloc', name: 'buddy/realloc' });
    expect(row.instructionsPerOp).toBeGreaterThan(0);
    expect(row.peakHeapOverLive).toBeGreaterThanOrEqual(1);
    expect(row.syscalls).toBeGreaterThan(0);
  });
});
