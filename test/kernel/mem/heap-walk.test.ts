// /proc/PID/heap against the libc's own view of the same heap. userland/tests/heap_test.c (in the boot image,
// built by Pagoda's cc) allocates and frees a fixed pattern under each of the six policies, prints mallinfo's
// figures and every pointer it still holds, then /proc/self/heap: the kernel's walker (kernel/mem/heap/) must
// find the same blocks. Then the walker on heaps the program scribbled on, and the `heap` program's output.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootTestKernel, type TestKernel } from '../../harness.js';
import { LONG } from '../../long.js';

const IMAGE = join(resolve(__dirname, '..', '..', '..'), 'dist', 'boot.cpio');
const built = existsSync(IMAGE);
if (!built) console.warn('dist/boot.cpio missing (npm run build): skipping the heap walker tests');

const POLICIES = ['dl', 'first', 'next', 'best', 'buddy', 'quick'];

interface Block { addr: number; size: number; state: string; list: string }

/** The summary fields and block lines of one /proc/PID/heap text. */
function parseHeap(text: string): { summary: Record<string, string>; classes: string[]; corrupt: string[]; blocks: Block[] } {
  const [head, body = ''] = text.split('\n\n');
  const summary: Record<string, string> = {};
  const classes: string[] = [];
  const corrupt: string[] = [];
  for (const line of head.split('\n')) {
    if (line.startsWith('corrupt at ')) corrupt.push(line);
    else if (line.startsWith('class ')) classes.push(line);
    else if (line.includes(': ')) summary[line.slice(0, line.indexOf(': '))] = line.slice(line.indexOf(': ') + 2);
  }
  const blocks = body.split('\n').filter((l) => l !== '').map((l) => {
    const [addr, size, state, ...list] = l.split(' ');
    return { addr: Number(addr), size: Number(size), state, list: list.join(' ') };
  });
  return { summary, classes, corrupt, blocks };
}

/** The text between the line `== title` and the next `end` line. */
function section(out: string, title: string): string {
  const start = out.indexOf(`== ${title}\n`);
  expect(start, `no "== ${title}" in:\n${out}`).toBeGreaterThanOrEqual(0);
  const from = start + title.length + 4;
  return out.slice(from, out.indexOf('end\n', from));
}

const count = (blocks: Block[], state: string): number => blocks.filter((b) => b.state === state).length;
const bytes = (blocks: Block[], ...states: string[]): number =>
  blocks.filter((b) => states.includes(b.state)).reduce((a, b) => a + b.size, 0);

describe.skipIf(!built)('/proc/PID/heap: the heap block by block', () => {
  const image = built ? new Uint8Array(readFileSync(IMAGE)) : new Uint8Array(0);
  let kernel: TestKernel | undefined;
  const run = async (policy: string, ...args: string[]): Promise<string> => {
    kernel ??= bootTestKernel({ memMiB: 32, bootImage: image });
    const r = await kernel.run('/tests/heap_test', { argv: ['heap_test', ...args], envp: [`MALLOC_POLICY=${policy}`] });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return r.stdout;
  };

  for (const policy of POLICIES) {
    it(`finds the blocks the ${policy} policy holds, agreeing with its mallinfo and its live pointers`, async () => {
      const out = await run(policy, 'pattern');
      const words = out.slice(0, out.indexOf('\n')).split(' '); // libc: policy NAME field value field value...
      const mi: Record<string, number> = {};
      for (let i = 3; i + 1 < words.length; i += 2) mi[words[i]] = Number(words[i + 1]);
      expect(words[2]).toBe(policy);
      const heap = parseHeap(section(out, 'proc'));
      const b = heap.blocks;
      expect(heap.summary.policy).toBe(policy);
      expect(heap.corrupt).toEqual([]);
      // the libc's own tally, figure by figure
      expect(count(b, 'free') + count(b, 'top')).toBe(mi.ordblks);
      expect(count(b, 'cached')).toBe(mi.smblks);
      expect(bytes(b, 'cached')).toBe(mi.fsmblks);
      expect(count(b, 'mmapped')).toBe(mi.hblks);
      expect(bytes(b, 'mmapped')).toBe(mi.hblkhd);
      expect(bytes(b, 'used', 'mmapped')).toBe(mi.uordblks);
      expect(bytes(b, 'free', 'top')).toBe(mi.fordblks);
      expect(Math.max(0, ...b.filter((x) => x.state === 'free' || x.state === 'top').map((x) => x.size))).toBe(mi.largest);
      expect(bytes(b, 'top')).toBe(mi.keepcost);
      expect(heap.summary['in use']).toBe(`${mi.uordblks} bytes`);
      expect(heap.summary['largest free']).toBe(`${mi.largest} bytes`);
      // every pointer the program holds lies in a block in use, usable size included (a boundary-tag chunk's
      // usable bytes run 4 bytes into the next chunk's prev_foot: dl.h, fit.h)
      const live = [...out.matchAll(/^live 0x([0-9a-f]+) (\d+)$/gm)].map((m) => [parseInt(m[1], 16), Number(m[2])]);
      expect(live.length).toBe(26);
      const overlap = policy === 'buddy' ? 0 : 4;
      for (const [p, usable] of live) {
        const home = b.find((x) => x.addr <= p && p < x.addr + x.size);
        expect(p + usable, `pointer 0x${p.toString(16)}`).toBeLessThanOrEqual(home!.addr + home!.size + (home!.state === 'mmapped' ? 0 : overlap));
        expect(home?.state, `pointer 0x${p.toString(16)}`).toMatch(/^(used|mmapped)$/);
      }
      expect(count(b, 'used') + count(b, 'mmapped')).toBe(live.length);
      // the heap's blocks tile it from its start to its end, and free ones say which list they are on
      const inHeap = b.filter((x) => x.state !== 'mmapped');
      expect(inHeap[0].addr).toBe(Number(heap.summary.heap.split('-')[0]));
      for (let i = 1; i < inHeap.length; i++) expect(inHeap[i].addr).toBe(inHeap[i - 1].addr + inHeap[i - 1].size);
      const last = inHeap[inHeap.length - 1];
      expect(last.addr + last.size).toBe(Number(heap.summary.heap.split('-')[1]));
      const listOf = { dl: /^bin \d+$/, first: /^list$/, next: /^list$/, best: /^list$/, buddy: /^order \d+$/, quick: /^list$/ }[policy]!;
      for (const x of b.filter((y) => y.state === 'free')) expect(x.list).toMatch(listOf);
      if (policy === 'quick') for (const x of b.filter((y) => y.state === 'cached')) expect(x.list).toBe(`quick ${x.size / 8}`);
      if (policy === 'buddy') for (const x of inHeap) expect(x.list).toBe(`order ${Math.log2(x.size)}`);
      expect(heap.summary.blocks.startsWith(`${b.length} `)).toBe(true);
    }, 60_000);
  }

  for (const policy of ['dl', 'first', 'buddy', 'quick']) {
    it(`reports "corrupt at" the scribbled link and header under ${policy}, and still answers`, async () => {
      const out = await run(policy, 'corrupt');
      const [, b, c] = /^b 0x([0-9a-f]+) c 0x([0-9a-f]+)$/m.exec(out)!.map((h) => parseInt(h, 16));
      const at = (a: number): string => `corrupt at 0x${(a - 8).toString(16).padStart(8, '0')}: `;
      const link = parseHeap(section(out, 'link'));
      expect(link.corrupt.join('\n')).toContain(`${at(c)}${policy === 'quick' ? 'cache' : 'free list'} link to 0xff8 leaves the heap`);
      const header = parseHeap(section(out, 'header'));
      expect(header.corrupt.join('\n')).toContain(at(b));
      expect(header.blocks.every((x) => x.addr < b - 8 || x.state === 'mmapped')).toBe(true); // the walk stopped there
    }, 60_000);
  }

  it(`answers every read of a heap under ${200 * LONG} random writes, under every policy`, async () => {
    for (const [i, policy] of POLICIES.entries()) {
      const out = await run(policy, 'fuzz', String(Math.ceil((200 * LONG) / POLICIES.length)), String(i + 1));
      const [, n, reports, findings] = /^fuzz (\d+) writes, (\d+) reports, (\d+) with findings$/m.exec(out)!.map(Number);
      expect(reports).toBe(n);
      expect(findings).toBeGreaterThan(0);
    }
  }, 120_000);

  it('prints the summary with `heap PID` and every block with `heap -v PID`', async () => {
    const out = await run('best', 'heap');
    const proc = section(out, 'proc');
    const summary = out.slice(out.indexOf('== heap\n') + 8, out.indexOf('== heap -v\n'));
    const verbose = out.slice(out.indexOf('== heap -v\n') + 11);
    expect(summary).toBe(proc.split('\n\n')[0] + '\n');
    expect(summary).toMatch(/^policy: best\nheap: 0x[0-9a-f]{8}-0x[0-9a-f]{8}\nblocks: \d+ used \d+ free \d+ cached \d+ top 1 mmapped 1 gap 0\n/);
    expect(summary).toMatch(/\nfragmentation: \d+\.\d%\nclass <=/);
    expect(verbose).toBe(proc);
  }, 60_000);
});
