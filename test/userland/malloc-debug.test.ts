// MALLOC_DEBUG=1 (userland/libc/malloc/debug*.c): each kind of heap bug in malloc-bugs.c is reported with its
// block, its size and the symbolized call sites of the allocation, the free and the bad call, and the process
// dies of SIGABRT — under several policies, since the layer sits over whichever one MALLOC_POLICY selects.
// Leaks are listed at exit without killing the program.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileC } from '../../harness/index.js';
import { bootTestKernel, type TestKernel } from '../harness.js';

const SIGABRT = 6;
const POLICIES = ['dl', 'buddy', 'quick'];
let prog: Uint8Array;
let k: TestKernel;

beforeAll(() => {
  prog = compileC(readFileSync(join(__dirname, 'malloc-bugs.c'), 'utf8'), { fileName: 'malloc-bugs.c' });
  k = bootTestKernel({ memMiB: 32 });
});

async function runMode(mode: string, policy: string, debug = '1') {
  return k.run(prog, { argv: ['malloc-bugs', mode], envp: [`MALLOC_POLICY=${policy}`, `MALLOC_DEBUG=${debug}`] });
}

// mode -> the report's first line, and the sites it must name (allocated by / freed by / found by ... from).
const BUGS: [string, RegExp, RegExp[]][] = [
  ['double', /^MALLOC_DEBUG: double free of the 16-byte block at 0x[0-9a-f]{8}$/m,
    [/^ {2}allocated by allocate_block\+0x[0-9a-f]+$/m, /^ {2}freed by release_block\+0x[0-9a-f]+$/m,
      /^ {2}found by free\(\) called from main\+0x[0-9a-f]+$/m]],
  ['wild', /^MALLOC_DEBUG: free of a pointer malloc never returned: 0x[0-9a-f]{8} is 4 bytes into the 16-byte block at/m,
    [/^ {2}allocated by allocate_block\+/m, /^ {2}found by free\(\) called from main\+/m]],
  ['overflow', /^MALLOC_DEBUG: heap buffer overflow: byte 0 past the end of the 16-byte block at 0x[0-9a-f]{8} was written$/m,
    [/^ {2}allocated by allocate_block\+/m, /^ {2}found by free\(\) called from release_block\+/m]],
  ['underflow', /^MALLOC_DEBUG: heap buffer underflow: 1 byte before the 16-byte block at 0x[0-9a-f]{8} was written$/m,
    [/^ {2}allocated by allocate_block\+/m, /^ {2}found by free\(\) called from release_block\+/m]],
  ['after-free', /^MALLOC_DEBUG: write after free: byte 3 of the freed 16-byte block at 0x[0-9a-f]{8} was written$/m,
    [/^ {2}allocated by allocate_block\+/m, /^ {2}freed by release_block\+/m, /^ {2}found by (free|malloc)\(\) called from main\+/m]],
  ['realloc-freed', /^MALLOC_DEBUG: realloc of the freed 16-byte block at 0x[0-9a-f]{8}$/m,
    [/^ {2}allocated by allocate_block\+/m, /^ {2}freed by release_block\+/m, /^ {2}found by realloc\(\) called from main\+/m]],
];

describe('MALLOC_DEBUG=1', () => {
  for (const policy of POLICIES) {
    it(`reports each kind of heap bug with its call sites and aborts (policy ${policy})`, async () => {
      for (const [mode, first, sites] of BUGS) {
        const r = await runMode(mode, policy);
        expect(r.exit, `${mode}: ${r.stderr}`).toEqual({ kind: 'signaled', signal: SIGABRT });
        expect(r.stdout, mode).toBe('');
        expect(r.stderr, mode).toMatch(first);
        for (const site of sites) expect(r.stderr, mode).toMatch(site);
      }
    });
  }

  it('lists leaks at exit with their allocation sites and lets the program finish', async () => {
    for (const policy of ['dl', 'first']) {
      const r = await runMode('leak', policy);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('survived leak\n');
      expect(r.stderr).toMatch(/^MALLOC_DEBUG: leak: 100 bytes at 0x[0-9a-f]{8} allocated by leak_some\+0x[0-9a-f]+$/m);
      expect(r.stderr).toMatch(/^MALLOC_DEBUG: leak: 40 bytes at 0x[0-9a-f]{8} allocated by main\+0x[0-9a-f]+$/m);
      expect(r.stderr).toMatch(/^MALLOC_DEBUG: 2 blocks leaked \(140 bytes\)$/m);
    }
  });

  it('says nothing about a clean program (realloc, memalign, malloc_usable_size keep their contracts)', async () => {
    const r = await runMode('clean', 'best');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('survived clean\n');
    expect(r.status).toBe(0);
  });

  it('is off unless asked: with MALLOC_DEBUG=0 an overflow goes unnoticed', async () => {
    const r = await runMode('overflow', 'dl', '0');
    expect(r.stderr).not.toMatch(/MALLOC_DEBUG/);
    expect(r.stdout).toBe('survived overflow\n');
  });
});
