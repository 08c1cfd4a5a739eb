// The kernel auditor: clean on a healthy kernel, and for each invariant, a kernel corrupted on purpose gives a
// KernelPanic whose report names exactly what broke.
import { describe, expect, it } from 'vitest';
import { Pte } from '../../abi/riscv.js';
import { auditKernel, findViolations } from '../../kernel/audit/audit.js';
import { spawnProcess } from '../../kernel/proc/spawn.js';
import { Pipe, PipeReader, PipeWriter } from '../../kernel/fs/pipe.js';
import { CHUNK_MAP_PA, PAGE_SIZE } from '../../kernel/mem/layout.js';
import { KernelPanic } from '../../kernel/panic.js';
import { forkProcess } from '../../kernel/proc/fork.js';
import { exitProcess, switchTo } from '../../kernel/proc/lifecycle.js';
import type { Process } from '../../kernel/proc/process.js';
import { bootTestKernel } from '../harness.js';
import { hasGcc, program } from './progs/build.js';

/** A kernel with a parent (a pipe open on two fds) and its forked child: every user page shared COW. */
function scene() {
  const t = bootTestKernel();
  const k = t.kernel;
  const parent = spawnProcess(k, { path: '/bin/hello', bytes: program('hello'), argv: ['hello'], envp: [] });
  switchTo(k, parent);
  const pipe = new Pipe();
  parent.fds.add(new PipeReader(pipe));
  parent.fds.add(new PipeWriter(pipe));
  const child = k.processes.get(forkProcess(k, parent))!;
  return { t, k, parent, child, pipe };
}

/** The first mapped user page of `p`: its va, PTE and frame. */
function firstLeaf(p: Process): { va: number; pte: number; pa: number } {
  let found: { va: number; pte: number; pa: number } | undefined;
  p.space.pageTable.forEachLeaf((va, pte) => { found ??= { va, pte, pa: (pte >>> 10) * PAGE_SIZE }; });
  return found!;
}

/** The report lines of an audit that must fail. */
function violations(k: ReturnType<typeof scene>['k']): string {
  const f = findViolations(k);
  expect(f.empty).toBe(false);
  return f.report();
}

describe.skipIf(!hasGcc)('kernel auditor', () => {
  it('finds nothing wrong in a healthy kernel: after boot, with a fork and a pipe, and after both exit', () => {
    const { t, k, parent, child } = scene();
    expect(findViolations(k).report()).toBe('');
    exitProcess(k, child, { kind: 'exited', code: 0 });
    expect(findViolations(k).report()).toBe('');
    exitProcess(k, parent, { kind: 'exited', code: 0 });
    k.processes.clear();
    expect(() => auditKernel(k, 'at the end')).not.toThrow();
    expect(t.counters()).toEqual(t.bootCounters);
  });

  it('panics with a precise report: a frame handed out that no process maps (a leak)', () => {
    const { k } = scene();
    const pa = k.frames.allocFrame();
    expect(() => auditKernel(k, 'after the test')).toThrow(KernelPanic);
    expect(() => auditKernel(k, 'after the test')).toThrow(
      `kernel panic: audit after the test: 1 broken invariant\n  frame 0x${pa.toString(16).padStart(8, '0')} is allocated but no live process maps it (leaked)`);
  });

  it('chunk map: a corrupt byte, and a chunk used in the map that the frame allocator does not hold', () => {
    const { k } = scene();
    k.machine.ram.u8[CHUNK_MAP_PA + 3] = 7;
    expect(violations(k)).toContain('chunk map: byte 7 for chunk 3 (neither 1 free nor 2 used)');
    const s = scene();
    const pa = s.k.chunks.allocChunks(1);
    expect(violations(s.k)).toContain(`chunk ${pa / 0x200000} (0x${pa.toString(16).padStart(8, '0')}) is used but the frame allocator does not hold it (leaked chunk)`);
  });

  it('COW: a frame whose owner count differs from its mappings', () => {
    const { k, parent } = scene();
    const { pa } = firstLeaf(parent);
    k.frames.shareFrame(pa);
    expect(violations(k)).toMatch(new RegExp(`frame 0x0*${pa.toString(16)} has 3 owner\\(s\\) but 2 mapping\\(s\\)`));
    k.frames.freeFrame(pa);
    k.frames.freeFrame(pa);
    expect(violations(k)).toMatch(new RegExp(`frame 0x0*${pa.toString(16)} has 1 owner\\(s\\) but 2 mapping\\(s\\)`));
  });

  it('a PTE pointing into a free frame, and one pointing outside RAM', () => {
    const { k, parent, child } = scene();
    exitProcess(k, child, { kind: 'exited', code: 0 });
    const { va, pa } = firstLeaf(parent);
    k.frames.freeFrame(pa);
    expect(violations(k)).toMatch(new RegExp(`PTE for 0x0*${va.toString(16)} of pid ${parent.pid} \\(/bin/hello\\) points into free frame`));
    const s = scene();
    const leaf = firstLeaf(s.parent);
    s.parent.space.pageTable.remap(leaf.va, s.k.machine.ram.sizeBytes + 0x3000, Pte.R | Pte.U);
    expect(violations(s.k)).toContain('outside RAM (32 MiB)');
  });

  it('a page-table page reachable from two processes', () => {
    const { k, parent, child } = scene();
    const ram = k.machine.ram.i32;
    const parentRoot = parent.space.pageTable.rootPa >>> 2;
    const childRoot = child.space.pageTable.rootPa >>> 2;
    ram[childRoot + 100] = ram[parentRoot + 0];            // the parent's table for 0x00000000-0x003fffff
    const table = ((ram[parentRoot] >>> 10) * PAGE_SIZE).toString(16).padStart(8, '0');
    expect(violations(k)).toContain(`page-table page 0x${table} (root entry 100 of pid ${child.pid} (/bin/hello)) is also reachable from pid ${parent.pid}`);
  });

  it('a copy-on-write PTE made writable, and a PTE outside every region', () => {
    const { k, parent } = scene();
    const { va } = firstLeaf(parent);
    parent.space.pageTable.protect(va, Pte.R | Pte.W | Pte.U);
    expect(violations(k)).toContain(`PTE for 0x${va.toString(16).padStart(8, '0')} of pid ${parent.pid} (/bin/hello): copy-on-write and writable`);
    const s = scene();
    const r = s.parent.space.regions.all()[0];
    (s.parent.space.regions as unknown as { list: unknown[] }).list.shift();
    expect(violations(s.k)).toContain(`maps`);
    expect(violations(s.k)).toContain(`outside every region`);
    expect(r.start).toBeGreaterThan(0);
  });

  it('commit accounting that differs from what the regions need', () => {
    const { k } = scene();
    const need = k.commit.committedPages;
    k.commit.reserve(5);
    expect(violations(k)).toContain(`commit: the ledger holds ${need + 5} pages, the regions of live processes need ${need}`);
  });

  it('region lists out of order or overlapping', () => {
    const { k, parent } = scene();
    const list = (parent.space.regions as unknown as { list: { start: number; end: number }[] }).list;
    list[1] = { ...list[1], start: list[0].start };
    expect(violations(k)).toMatch(/regions of pid \d+ \(\/bin\/hello\): 0x[0-9a-f]{8}-0x[0-9a-f]{8} overlaps or is out of order/);
  });

  it('fd reference counts and pipe reader/writer counts', () => {
    const { k, parent, pipe } = scene();
    (parent.fds as unknown as { files: unknown[] }).files[40] = parent.fds.get(3);
    expect(violations(k)).toContain(`fds: pipe (fd 3 of pid ${parent.pid} (/bin/hello)) is on 3 fds, its reference count says 2`);
    const s = scene();
    s.pipe.writers++;
    expect(violations(s.k)).toContain(`pipe ${s.pipe.ino}: writer count 2, 1 write ends open`);
    expect(pipe.readers).toBe(1);
  });

  it('process tree and zombies: a parent not in the table, a zombie holding memory and fds', () => {
    const { k, child } = scene();
    child.ppid = 999;
    expect(violations(k)).toContain(`processes: pid ${child.pid} (/bin/hello) has parent pid 999, which is not in the table`);
    const s = scene();
    s.child.status = { kind: 'exited', code: 0 };            // "exited" without giving anything back
    const report = violations(s.k);
    expect(report).toContain(`zombies: pid ${s.child.pid} (/bin/hello) still holds fds 0,1,2,3,4`);
    expect(report).toMatch(/zombies: pid \d+ \(\/bin\/hello\) still holds \d+ regions, \d+ pages, \d+ table pages/);
    expect(report).toMatch(/commit: the ledger holds \d+ pages, the regions of live processes need \d+/);
  });

  it('runs at every process exit with the audit boot option (a corruption is caught at the next exit)', async () => {
    const t = bootTestKernel();
    t.kernel.audit = true;
    await t.run(program('hello'));
    t.kernel.commit.reserve(1);
    await expect(t.run(program('hello'))).rejects.toThrow(/audit after pid \d+ \(\/bin\/prog\) exited: 1 broken invariant\n  commit: the ledger holds/);
  });
});
