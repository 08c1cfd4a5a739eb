import { describe, expect, it } from 'vitest';
import { bootTestKernel, type TestKernel } from '../../harness.js';
import { hasGcc, program } from '../progs/build.js';

if (!hasGcc) console.warn('riscv64-unknown-elf-gcc not found: skipping kernel syscall tests');

/** Parses the `key=value` lines the test programs print. */
const values = (stdout: string): Record<string, string> =>
  Object.fromEntries(stdout.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

/** Every scenario must give back every frame, chunk and committed page. */
function expectNothingLeaked(k: TestKernel): void {
  expect(k.counters()).toEqual(k.bootCounters);
}

describe.skipIf(!hasGcc)('system calls', () => {
  it('returns -EFAULT for pointers 0, 0xffffffff, the kernel half, text, straddling buffers and unterminated strings', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('bad'));
    const v = values(r.stdout);
    for (const key of ['write_null', 'write_top', 'write_kernel_half', 'read_into_kernel_half', 'read_into_text', 'uname_null',
      'clock_null', 'writev_null', 'write_straddle', 'read_straddle', 'open_unterminated', 'open_null']) {
      expect(`${key}=${v[key]}`).toBe(`${key}=-14`);
    }
    expect(v.bad_fd).toBe('-9');
    expect(v.negative_fd).toBe('-9');
    expect(v.close_bad).toBe('-9');
    expect(v.unknown_syscall).toBe('-38');
    expect(v.write_huge_count).toBe('-14');
    expect(v.read_huge_count).toBe('-14');
    expect(r.status).toBe(0);
    expectNothingLeaked(k);
  });

  it('serves /dev/null, /dev/zero, readv/writev on the console, uname, clocks, sleep and exit_group', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('devices'), { stdin: '12345678rest' });
    const v = values(r.stdout);
    expect(v).toMatchObject({
      null_fd: '3', zero_fd: '4', missing: '-2', write_null: '3', read_null: '0', read_zero: '16', zero_bytes: '16',
      close: '0', close_again: '-9', writev: '7', readv: '8', read_eof: '4', uname: '0', gettime: '0', sleep: '0',
      slept_enough: '1', bad_clock: '-22', bad_nsec: '-22', pid: String(r.pid), tid: String(r.pid),
    });
    expect(r.stdout).toContain('writev\n');
    expect(r.stdout).toContain('12345678\n');
    expect(r.stdout).toContain('Pagoda riscv32\n');
    expect(r.stderr).toBe('to stderr\n');
    expect(r.status).toBe(3);
    expectNothingLeaked(k);
  });

  it('read returns 0 at the end of the console input', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('devices'), { stdin: '12345678' });
    expect(values(r.stdout).read_eof).toBe('0');
  });

  it('handles sbrk: 5,000 contiguous sbrk(1), shrinking to the start and below, wrapping, small shrinks, zeroed regrowth', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('sbrk'));
    expect(values(r.stdout)).toMatchObject({
      contiguous: '1', after: '5000', shrink_to_start: '1', at_start: '1', below_start: '-12', wrap: '-12', huge: '-12',
      small_shrink: '1', kept: '7', given_back_to_kernel: '-14', regrown_zero: '0',
    });
    expect(r.status).toBe(0);
    expectNothingLeaked(k);
  });

  it('kills a program touching memory it gave back with sbrk', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('sbrk'), { argv: ['sbrk', 'touch'] });
    expect(r.status).toBe(128 + 11);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/^pagoda: pid \d+ \(\/bin\/prog\) killed by SIGSEGV: store page fault at 0x[0-9a-f]{8} \(no mapping\), pc 0x[0-9a-f]{8}: sb /);
    expectNothingLeaked(k);
  });

  it('maps until memory runs out (ENOMEM), then maps again after unmapping everything', async () => {
    const k = bootTestKernel({ memMiB: 32 });
    const r = await k.run(program('oom'));
    expect(values(r.stdout)).toMatchObject({ mapped_some: '1', error: '-12', again_ok: '1' });
    expect(r.status).toBeGreaterThan(20);
    expectNothingLeaked(k);
  });

  it('runs mmap/munmap/mprotect scenarios and MAP_FIXED replacement', async () => {
    const k = bootTestKernel({ memMiB: 64 });
    const r = await k.run(program('mmap'));
    expect(values(r.stdout)).toMatchObject({
      mmap1_ok: '1', mmap1_bad: '0', munmap1: '0', mmap8_ok: '1', mmap8_bad: '0', munmap_middle: '0', munmap8: '0',
      munmap_again: '0', mmap_len0: '-22', munmap_unaligned: '-22', mprotect: '0', reads: '3', fixed_same: '1', fixed_write: '9',
    });
    expectNothingLeaked(k);
  });
});

describe.skipIf(!hasGcc)('faults', () => {
  const cases: [string, number, RegExp][] = [
    ['ill', 4, /killed by SIGILL: illegal instruction 0x00000000, pc 0x[0-9a-f]{8}: /],
    ['ebreak', 5, /killed by SIGTRAP: breakpoint, pc 0x[0-9a-f]{8}: ebreak$/],
    ['misjump', 7, /killed by SIGBUS: instruction address misaligned at 0x[0-9a-f]{7}[2a]/],
    ['fetchdata', 11, /killed by SIGSEGV: instruction page fault at 0x[0-9a-f]{8} \(permission denied\)/],
    ['kernel', 11, /killed by SIGSEGV: load page fault at 0xc0000000 \(no mapping\), pc 0x[0-9a-f]{8}: lw /],
    ['stackflow', 11, /killed by SIGSEGV: store page fault at 0xbf7f[0-9a-f]{4} \(no mapping\)/],
    ['wild', 11, /killed by SIGSEGV: load page fault at 0x40000000 \(no mapping\)/],
  ];
  for (const [what, signal, message] of cases) {
    it(`'${what}' ends in signal ${signal} with a one-line report, nothing leaked`, async () => {
      const k = bootTestKernel();
      const r = await k.run(program('faults'), { argv: ['faults', what] });
      expect(r.status).toBe(128 + signal);
      expect(r.exit).toEqual({ kind: 'signaled', signal });
      expect(r.messages).toHaveLength(1);
      expect(r.messages[0]).toMatch(message);
      expect(r.messages[0]).toMatch(/^pagoda: pid \d+ \(\/bin\/prog\) killed by /);
      expectNothingLeaked(k);
    });
  }

  it('grows the stack to nearly 8 MiB before the overflow kill', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('faults'), { argv: ['faults', 'stackflow'] });
    const stack = r.regions.find((x) => x.kind === 'stack')!;
    expect(stack.end - stack.start).toBe(8 * 1024 * 1024);
  });
});
