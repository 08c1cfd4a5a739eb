// Perf counting (kernel/perf, machine/perf/stepper.ts, perf_ctl 1002, /bin/perf): exact counts on a hand-written
// program whose loads and stores are known, the counters seen through /proc/PID/perf and perf stat, and
// nothing counted (no session, the plain CPU) for a process that did not ask.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleProgram, bootImage, compileC } from '../../../harness/index.js';
import { bootTestKernel, type TestKernel } from '../../harness.js';

const built = existsSync(join(resolve(__dirname, '../../..'), 'dist', 'boot.cpio'));

// Enables counting (perf_ctl ENABLE), then: 5 loads (lw, lb, lhu, flw, fld), 3 stores (sw, sb, fsd), one amoadd
// (a load and a store), 4 other instructions, then reads its own report (perf_ctl READ) and writes it to
// stdout. Counted: every instruction retired after the enabling ecall and before the reading one (this machine
// retires an ecall only when the kernel completes it, so neither ecall is in the count).
const LOADS = `
  la t0, data
  lw t1, 0(t0)
  lb t2, 4(t0)
  lhu t3, 8(t0)
  flw ft0, 12(t0)
  fld ft1, 16(t0)
  sw t1, 24(t0)
  sb t2, 28(t0)
  fsd ft1, 32(t0)
  addi t4, t0, 40
  amoadd.w t5, t1, (t4)
  nop
  nop
`;
const PROGRAM = `
.globl _start
_start:
  li a0, 1
  li a1, 0
  li a2, 0
  li a7, 1002
  ecall
${LOADS}
  li a0, 3
  li a1, 0
  la a2, buf
  li a3, 4096
  li a7, 1002
  ecall
  mv a2, a0
  li a0, 1
  la a1, buf
  li a7, 64
  ecall
  li a0, 0
  li a7, 93
  ecall
.data
.p2align 3
data: .zero 64
buf: .zero 4096
`;

/** "name   value..." lines of a report as a map of name to the first number. */
function figures(report: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of report.split('\n')) {
    const m = /^(\S+(?: \S+)?)\s{2,}(\d+)/.exec(line) ?? /^(\S+)\s+(\d+)/.exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

describe('perf counting', () => {
  let k: TestKernel;
  beforeAll(() => {
    const target = compileC(`
      #include <stdio.h>
      #include <stdlib.h>
      int main(void) { char *p = malloc(100000); for (int i = 0; i < 100000; i += 4096) p[i] = 1; puts("hi"); return 3; }`);
    k = bootTestKernel({ memMiB: 32, bootImage: built ? bootImage() : undefined, files: { '/bin/target': target } });
  });

  it('counts the exact instructions, loads and stores of a hand-written program', async () => {
    const r = await k.run(assembleProgram(PROGRAM));
    expect(r.status).toBe(0);
    const f = figures(r.stdout);
    // la = auipc + addi; 12 more in LOADS; then li, li, la (2), li, li before the ecall.
    expect(f.get('instructions')).toBe(2 + 12 + 6);
    expect(f.get('loads')).toBe(5 + 1);
    expect(f.get('stores')).toBe(3 + 1);
    // One TLB probe per accessing instruction (9); the load table and the store table each miss once on the
    // data page (the loader mapped it: no page fault).
    expect([f.get('dtlb-hits'), f.get('dtlb-misses')]).toEqual([7, 2]);
    expect(r.stdout).toMatch(/^dtlb-hits {11}7 \(77\.78%\)$/m);
    expect(r.stdout).toMatch(/^syscalls {12}1 \(perf_ctl 1\)$/m);
    expect(r.stdout).toMatch(/^page-faults {9}0 \(demand 0, cow 0, stack 0, stale 0, fatal 0\)$/m);
    expect(r.stdout).not.toMatch(/^cache /m);
  });

  it('simulates the caches given by a spec: the first touch of a line misses, the rest of it hits', async () => {
    const withCache = PROGRAM.replace('  li a1, 0\n  li a2, 0\n  li a7, 1002', '  li a1, 0\n  la a2, spec\n  li a7, 1002')
      .replace('buf: .zero 4096', 'buf: .zero 4096\nspec: .asciz "l1d=1k:2:64,l2=8k:4:64"');
    const r = await k.run(assembleProgram(withCache));
    // 10 accesses (the amo's load and store both) in one 64-byte line: 1 miss, then hits.
    expect(r.stdout).toMatch(/^cache l1d {11}hits 9 misses 1 \(10\.00% miss\) \[1k 2-way 64B lines, 4 cycles\]$/m);
    expect(r.stdout).toMatch(/^cache l2 {12}hits 0 misses 1 /m);
    expect(r.stdout).toMatch(/^memory {14}1 accesses \[100 cycles\]$/m);
    // 20 instructions, 9 of them accessing data: 11 * 1 + 9 * 4 (l1 hits) + 100 (memory).
    expect(figures(r.stdout).get('cycles (estimated)')).toBe(11 + 9 * 4 + 100);
  });

  it('refuses a bad cache spec with EINVAL', async () => {
    const bad = PROGRAM.replace('  li a1, 0\n  li a2, 0\n  li a7, 1002\n  ecall', '  li a1, 0\n  la a2, spec\n  li a7, 1002\n  ecall\n  neg a0, a0\n  li a7, 93\n  ecall')
      .replace('buf: .zero 4096', 'buf: .zero 4096\nspec: .asciz "l1d=3k:2:64"');
    expect((await k.run(assembleProgram(bad))).status).toBe(22);
  });

  it.skipIf(!built)('perf stat CMD prints the command\'s counters on stderr and exits with its status', async () => {
    const r = await k.run('/bin/perf', { argv: ['perf', 'stat', '--cache', 'l1d=32k:8:64', '/bin/target', 'x'] });
    expect(r.stdout).toBe('hi\n');
    expect(r.status).toBe(3);
    const lines = r.stderr.trimStart().split('\n');
    expect(lines[0]).toMatch(/^perf: pid \d+ \(\/bin\/target x\)$/);
    expect(lines.slice(1, 8).map((l) => l.slice(0, 20).trimEnd())).toEqual(
      ['instructions', 'loads', 'stores', 'dtlb-hits', 'dtlb-misses', 'page-faults', 'syscalls']);
    expect(lines[8]).toMatch(/^cache l1d {11}hits \d+ misses \d+ \(\d+\.\d\d% miss\) \[32k 8-way 64B lines, 4 cycles\]$/);
    expect(lines[9]).toMatch(/^memory {14}\d+ accesses \[100 cycles\]$/);
    expect(lines[10]).toMatch(/^cycles \(estimated\) {2}\d+ \(CPI \d+\.\d\d\)$/);
    // 100,000 bytes written a page apart: at least 25 first touches.
    expect(figures(r.stderr).get('page-faults')).toBeGreaterThanOrEqual(25);
    expect(r.stderr).toMatch(/^page-faults {9}\d+ \(demand \d{2,}, /m);
    expect(r.stderr).toMatch(/^syscalls {12}\d+ \(.*write 1/m);
  });

  it.skipIf(!built)('shows a counted process\'s report in /proc/PID/perf, and nothing for an uncounted one', async () => {
    const r = await k.run('/bin/perf', { argv: ['perf', 'stat', '/bin/sh', '-c', 'cat /proc/$$/perf; cat /proc/self/perf; echo end'] });
    // The shell is counted (its report so far, read by its child cat); that cat is not (it prints nothing).
    expect(r.stdout).toMatch(/^perf: pid (\d+) \(\/bin\/sh -c cat [^\n]*\)\ninstructions {8}[1-9]\d*\n(.*\n){5}syscalls {12}\d+ \(.*\)\nend\n$/);
    expect(r.stderr).toMatch(/^perf: pid \d+ \(\/bin\/sh -c /m);
  });
});
