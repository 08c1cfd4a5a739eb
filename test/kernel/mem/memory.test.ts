import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../../harness.js';
import { hasGcc, program } from '../progs/build.js';
import { LoadRefusal, Refusal } from '../../../loader/refusal.js';
import { craftElf } from '../../loader/craft.js';
import { writeCpio } from '../../../abi/cpio.js';
import { Pte } from '../../../abi/riscv.js';
import { spawnProcess } from '../../../kernel/proc/spawn.js';
import { patched } from '../../loader/craft.js';

if (!hasGcc) console.warn('riscv64-unknown-elf-gcc not found: skipping kernel memory tests');

describe.skipIf(!hasGcc)('address spaces of running programs', () => {
  it('lays out text R-X, data RW-, bss, heap and stack as regions, and frees them all at exit', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('brk'));
    const kinds = r.regions.map((x) => `${x.kind}:${x.prot}`);
    expect(kinds[0]).toBe('text:5');
    expect(kinds).toContain('heap:3');
    expect(kinds[kinds.length - 1]).toBe('stack:3');
    expect(r.regions.find((x) => x.kind === 'stack')!.end).toBe(0xc0000000);
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it('gives a 3 MiB bss its frames only when touched, and frees them at exit', async () => {
    const k = bootTestKernel({ memMiB: 32 });
    const r = await k.run(program('bigbss'));
    expect(r.stdout).toBe('pages=768\nnonzero_before=0\nsum=97920\n');
    const bss = r.regions.filter((x) => x.kind === 'bss' || x.kind === 'data');
    expect(bss.reduce((n, x) => n + x.end - x.start, 0)).toBeGreaterThanOrEqual(3 << 20);
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it('maps segments with their permissions and zeroes bss, including the tail of the last file page', () => {
    const k = bootTestKernel({ memMiB: 16 });
    // data: 4 file bytes at 0x11000 followed, in the file, by 0xff junk the loader must not copy
    const elf = patched(craftElf(), (v, b) => b.fill(0xff, 0x2004, 0x2100));
    const p = spawnProcess(k.kernel, { path: '/bin/p', bytes: elf, argv: ['p'], envp: [] });
    const pt = p.space.pageTable;
    const ram = k.kernel.machine.ram;
    expect(pt.lookup(0x10000) & (Pte.R | Pte.W | Pte.X | Pte.U)).toBe(Pte.R | Pte.X | Pte.U);
    expect(pt.lookup(0x11000) & (Pte.R | Pte.W | Pte.X | Pte.U)).toBe(Pte.R | Pte.W | Pte.U);
    const data = pt.translate(0x11000);
    expect(Array.from(ram.u8.subarray(data, data + 8))).toEqual([1, 2, 3, 4, 0, 0, 0, 0]);
    expect(ram.u8.subarray(data + 4, data + 4096).every((x) => x === 0)).toBe(true);
    expect(pt.translate(0x12000)).toBe(-1); // bss pages past the file wait for their first touch
    expect(p.space.regions.all().map((r) => r.kind)).toEqual(['text', 'data', 'bss', 'stack']);
    expect(p.space.brkStart).toBe(0x14000);
  });

  it('refuses a program needing more memory than the machine has, with ENOMEM and nothing leaked', async () => {
    const k = bootTestKernel({ memMiB: 16 });
    const huge = craftElf({ segments: [
      { vaddr: 0x10000, data: new Uint8Array([0x73, 0, 0, 0]), flags: 5 },
      { vaddr: 0x11000, data: new Uint8Array(4), memsz: 64 << 20, flags: 6 }] });
    const err = await k.run(huge).catch((e) => e);
    expect(err).toBeInstanceOf(LoadRefusal);
    expect(err.code).toBe(Refusal.NO_MEMORY);
    expect(err.errno).toBe(12);
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it('runs the same program many times with the counters back at boot values each time', async () => {
    const k = bootTestKernel();
    for (let i = 0; i < 5; i++) {
      const r = await k.run(program('recurse'));
      expect(r.stdout).toBe('depth=60000\n');
      expect(k.counters()).toEqual(k.bootCounters);
    }
  });

  it('logs the boot: banner, RAM size, chunks, the chunk map, the boot image', () => {
    const k = bootTestKernel({ memMiB: 32, files: { '/bin/hello': program('hello') } });
    const log = k.bootLog.join('\n');
    expect(log).toMatch(/^Pagoda /);
    expect(log).toContain('ram: 32 MiB');
    expect(log).toContain('chunks: 16 x 2 MiB, 15 free');
    expect(log).toContain('chunk map: #...............');
    expect(log).toMatch(/boot image: 1 files, \d+ bytes: \/bin\/hello/);
  });

  it('unpacks a cpio boot image and runs a program from it', async () => {
    const image = writeCpio([
      { name: 'bin', mode: 0o040755, data: new Uint8Array(0) },
      { name: 'bin/hello', mode: 0o100755, data: program('hello') },
      { name: 'etc/motd', mode: 0o100644, data: new TextEncoder().encode('hi') },
    ]);
    const k = bootTestKernel({ bootImage: image });
    expect(k.bootLog.join('\n')).toMatch(/boot image: 2 files, \d+ bytes: \/bin\/hello \/etc\/motd/);
    const r = await k.run('/bin/hello', { argv: ['hello', 'x'] });
    expect(r.stdout).toBe('hello from user mode\n');
    expect(r.status).toBe(42);
  });

  it('runs a program from the boot image by path', async () => {
    const k = bootTestKernel({ files: { '/bin/hello': program('hello') } });
    const r = await k.run('/bin/hello');
    expect(r.stdout).toBe('hello from user mode\n');
  });
});
