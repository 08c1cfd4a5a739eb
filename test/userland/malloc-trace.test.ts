// MALLOC_TRACE=FILE (userland/libc/malloc/trace.c) and `mallocbench --replay FILE`
// (userland/bin/mallocbench/replay.c): a program's allocation calls recorded as JSON lines, then replayed under
// every policy as a mallocbench row whose peak live bytes are the recorded program's.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootImage, compileC, runShell } from '../../harness/index.js';
import { bootTestKernel, type TestKernel } from '../harness.js';

const built = existsSync(join(resolve(__dirname, '../..'), 'dist', 'boot.cpio'));

// Peak live: 100 blocks of 100..199 bytes (14,950); the even ones freed and the odd ones grown to 300 bytes
// (15,000), then calloc 100 and memalign 50 on top: 15,150.
const PROGRAM = `
#include <malloc.h>
#include <stdlib.h>
int main(void) {
  void *a[100], *c, *m;
  int i;
  for (i = 0; i < 100; i++) a[i] = malloc(100 + i);
  for (i = 0; i < 100; i += 2) free(a[i]);
  for (i = 1; i < 100; i += 2) a[i] = realloc(a[i], 300);
  c = calloc(10, 10);
  m = memalign(64, 50);
  for (i = 1; i < 100; i += 2) free(a[i]);
  free(c);
  free(m);
  free(0);
  return 0;
}`;

interface TraceLine { op: string; [field: string]: string | number }

describe.skipIf(!built)('malloc traces', () => {
  let k: TestKernel;
  let lines: TraceLine[];

  beforeAll(async () => {
    k = bootTestKernel({ memMiB: 32, bootImage: bootImage() });
    const r = await k.run(compileC(PROGRAM), { argv: ['traced'], envp: ['MALLOC_TRACE=/tmp/t.jsonl', 'MALLOC_POLICY=first'] });
    expect(r.status).toBe(0);
    const cat = await runShell(k, 'cat /tmp/t.jsonl');
    lines = cat.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as TraceLine);
  }, 60_000);

  it('records every call with its sizes and results, and the allocator\'s system calls, as JSON lines', () => {
    expect(lines[0]).toEqual({ op: 'start', pid: expect.any(Number), policy: 'first' });
    const count = (op: string) => lines.filter((l) => l.op === op).length;
    expect([count('malloc'), count('realloc'), count('calloc'), count('memalign'), count('free')]).toEqual([100, 50, 1, 1, 103]);
    expect(count('sbrk')).toBeGreaterThan(0);
    const address = /^0x[0-9a-f]{8}$/;
    for (const l of lines.filter((x) => x.op !== 'start')) {
      for (const key of ['ptr', 'old', 'ret', 'addr', 'site']) if (key in l) expect(l[key], JSON.stringify(l)).toMatch(address);
    }
    expect(lines.find((l) => l.op === 'calloc')).toMatchObject({ count: 10, size: 10 });
    expect(lines.find((l) => l.op === 'memalign')).toMatchObject({ align: 64, size: 50 });
    expect(Number(lines.find((l) => l.op === 'memalign')!.ptr) % 64).toBe(0);
  });

  it('replays the trace under each policy: the table of the workloads, one row per policy, the live bytes recorded', async () => {
    const r = await k.run('/bin/mallocbench', { argv: ['mallocbench', '--replay', '/tmp/t.jsonl'] });
    expect(r.status).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header.split(/\s+/)).toEqual(['policy', 'workload', 'ops', 'instr/op', 'peak', 'heap', 'peak', 'live', 'overhead', 'syscalls']);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(['dl', 'first', 'next', 'best', 'buddy', 'quick']);
    for (const row of rows) {
      const [, workload, ops, perOp, peakHeap, peakLive, overhead, syscalls] = row.split(/\s+/);
      expect(workload).toBe('trace');
      expect(Number(ops)).toBe(152); // 100 malloc + 50 realloc + calloc + memalign
      expect(Number(perOp)).toBeGreaterThan(0);
      expect(Number(peakLive)).toBe(15150);
      expect(Number(peakHeap)).toBeGreaterThanOrEqual(15150);
      expect(Number(overhead)).toBeCloseTo(Number(peakHeap) / 15150, 2);
      expect(Number(syscalls)).toBeGreaterThan(0);
    }
  }, 60_000);

  it('gives JSON rows with --json and names a policy chosen on the command line', async () => {
    const r = await k.run('/bin/mallocbench', { argv: ['mallocbench', '--json', '--replay', '/tmp/t.jsonl', 'buddy'] });
    expect(JSON.parse(r.stdout)).toMatchObject({ group: 'malloc', name: 'buddy/trace', ops: 152, peakLive: 15150 });
  });

  it('fails with a message for a missing trace', async () => {
    const r = await k.run('/bin/mallocbench', { argv: ['mallocbench', '--replay', '/tmp/none.jsonl'] });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('mallocbench: cannot read /tmp/none.jsonl\n');
  });
});
