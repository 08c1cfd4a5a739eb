// The data behind the live memory views: the chunk classification computed from the kernel's page tables,
// regions with resident pages and their /proc/PID/maps lines, and the log-scale layout of an address space.
import { describe, expect, it } from 'vitest';
import { Prot } from '../../abi/mman.js';
import { ConsoleSession } from '../../kernel/session.js';
import { mapsLine } from '../../kernel/mem/maps.js';
import { ChunkKind, snapshotMemory, type RegionView } from '../../web/memview-model.js';
import { formatSize, layoutSpans, MIN_SPAN_PX, PX_PER_OCTAVE, spanHeight } from '../../web/vmap-layout.js';
import { Screen } from './headless.js';
import { hasGcc, webProgram } from './progs/build.js';

describe('layoutSpans (the address space on a log axis)', () => {
  const region = (start: number, end: number, kind: RegionView['kind'], name = ''): RegionView =>
    ({ start, end, prot: Prot.READ, kind, name, pages: (end - start) / 4096, resident: 0, maps: '' });

  it('covers all 4 GiB in order: NULL guard, regions and gaps, kernel half', () => {
    const spans = layoutSpans([region(0x10000, 0x12000, 'text'), region(0x12000, 0x13000, 'bss'), region(0xbfffe000, 0xc0000000, 'stack')]);
    expect(spans.map((s) => s.kind)).toEqual(['null-guard', 'gap', 'text', 'bss', 'gap', 'stack', 'kernel-half']);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBe(spans[i - 1].end);
    expect(spans[spans.length - 1].end).toBe(2 ** 32);
  });

  it('calls a one-page hole a guard', () => {
    const spans = layoutSpans([region(0x10000, 0x11000, 'text'), region(0x12000, 0x13000, 'data')]);
    expect(spans[3]).toMatchObject({ kind: 'guard', start: 0x11000, end: 0x12000 });
  });

  it('grows heights with log2 of the size, so bigger spans are taller but a page still shows', () => {
    expect(spanHeight(4096)).toBe(MIN_SPAN_PX);
    expect(spanHeight(8 * 1024 * 1024)).toBe(MIN_SPAN_PX + 11 * PX_PER_OCTAVE);
    expect(spanHeight(3 * 2 ** 30)).toBeGreaterThan(spanHeight(2 ** 30));
  });

  it('prints sizes the way pmap does', () => {
    expect([formatSize(4096), formatSize(132 * 1024), formatSize(8 << 20), formatSize(2 ** 30), formatSize(3071 * 2 ** 20)])
      .toEqual(['4K', '132K', '8M', '1G', '3071M']);
  });
});

if (!hasGcc) console.warn('riscv64-unknown-elf-gcc not found: skipping the memory snapshot tests');

describe.skipIf(!hasGcc)('snapshotMemory', () => {
  it('classifies chunk 0 as kernel and the top chunk, holding the process, as user frames', async () => {
    const screen = new Screen();
    const session = new ConsoleSession({
      memMiB: 32, files: { '/sbin/init': webProgram('console-echo') }, output: (b) => screen.write(b),
      yieldToHost: () => new Promise((r) => setImmediate(r)),
    });
    const ended = session.start();
    await screen.waitFor('echo> ');
    const s = snapshotMemory(session.kernel);
    expect(s.ramMiB).toBe(32);
    const p = session.kernel.processes.get(1)!;
    // One small process: all its frames in the top chunk, which shows whichever kind of frame it holds more of.
    const topKind = p.space.pageTable.tablePages > p.space.residentPages ? ChunkKind.PAGE_TABLES : ChunkKind.USER;
    expect(s.chunkKinds[0]).toBe(ChunkKind.KERNEL);
    expect(s.chunkKinds[15]).toBe(topKind);
    expect(s.counts).toEqual({
      free: 14, kernel: 1, pageTables: topKind === ChunkKind.PAGE_TABLES ? 1 : 0, user: topKind === ChunkKind.USER ? 1 : 0,
    });
    expect(s.frames).toEqual({
      used: session.kernel.frames.usedFrames, user: p.space.residentPages,
      pageTables: p.space.pageTable.tablePages, kernel: 0,
    });
    expect(s.chunkUserFrames[15]).toBe(p.space.residentPages);
    expect(s.chunkPageTableFrames[15]).toBe(p.space.pageTable.tablePages);
    const [view] = s.processes;
    expect(view).toMatchObject({ pid: 1, name: '/sbin/init', residentPages: p.space.residentPages });
    expect(view.regions.map((r) => r.kind)).toEqual(p.space.regions.all().map((r) => r.kind));
    expect(view.regions.reduce((n, r) => n + r.resident, 0)).toBe(p.space.residentPages);
    const stack = view.regions.find((r) => r.kind === 'stack')!;
    expect(stack.maps).toMatch(/^[0-9a-f]{8}-c0000000 rw-p 00000000 00:00 0 {10}\[stack\]$/);
    view.regions.forEach((r, i) => expect(r.maps).toBe(mapsLine(p.space.regions.all()[i])));
    session.powerOff();
    await ended;
    expect(snapshotMemory(session.kernel).counts).toEqual({ free: 15, kernel: 1, pageTables: 0, user: 0 });
  });
});
