// Page permissions seen from a program, after a load has already translated the page: the MMU caches
// translations per access kind, and a load's translation must never let a store through. A store to a page
// the program may only read ends in SIGSEGV; a store to a page shared copy-on-write after fork faults and
// gets a private copy, so the other process keeps its value.
import { describe, expect, it } from 'vitest';
import { MapFlags, Prot } from '../../../abi/mman.js';
import { Signal } from '../../../abi/signals.js';
import { Sys } from '../../../abi/syscalls.js';
import { tinyExecutable } from '../../../bench/kernel.js';
import { Program } from '../../../bench/program.js';
import { bootTestKernel } from '../../harness.js';

const [SP, T0, T1, T2, T3, S0, A0, A1, A2, A3, A7] = [2, 5, 6, 7, 28, 8, 10, 11, 12, 13, 17];
const TEXT = 0x10000;
const DATA = 0x11000;

describe('a load translation never lets a store through', () => {
  it('kills a program that stores to its text right after loading from it (SIGSEGV, permission denied)', async () => {
    const p = new Program(TEXT).li(T0, TEXT).emit('lw', T1, T0, 0).emit('sw', T1, T0, 0).li(A0, 0).li(A7, Sys.exit).emit('ecall');
    const k = bootTestKernel({ memMiB: 16 });
    const r = await k.run(tinyExecutable(p.bytes()));
    expect(r.exit).toEqual({ kind: 'signaled', signal: Signal.SIGSEGV });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/store page fault at 0x00010000 \(permission denied\)/);
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it('kills a program that stores to a read-only mapping right after loading from it (SIGSEGV, permission denied)', async () => {
    const A4 = 14;
    const A5 = 15;
    const p = new Program(TEXT)
      .li(A0, 0).li(A1, 4096).li(A2, Prot.READ).li(A3, MapFlags.PRIVATE | MapFlags.ANONYMOUS).li(A4, -1).li(A5, 0)
      .li(A7, Sys.mmap2).emit('ecall')
      .emit('addi', S0, A0, 0).emit('lw', T1, S0, 0).emit('sw', T1, S0, 0).li(A0, 0).li(A7, Sys.exit).emit('ecall');
    const k = bootTestKernel({ memMiB: 16 });
    const r = await k.run(tinyExecutable(p.bytes()));
    expect(r.exit).toEqual({ kind: 'signaled', signal: Signal.SIGSEGV });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/store page fault at 0x[0-9a-f]{8} \(permission denied\), pc 0x[0-9a-f]{8}: sw t1,0\(s0\)/);
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it('gives a forked child its own copy of a page both read before the child stored to it', async () => {
    // Data word 1. Parent loads it and forks; the child loads it, stores 2 and exits with what it reads;
    // the parent waits and exits with 16 * its own value + the child's exit code: 16 * 1 + 2.
    const p = new Program(TEXT)
      .li(S0, DATA).emit('lw', T0, S0, 0)
      .li(A0, Signal.SIGCHLD).li(A1, 0).li(A2, 0).li(A3, 0).li(A7, Sys.clone).emit('ecall')
      .emit('bne', A0, 0, 'parent')
      .emit('lw', T0, S0, 0).li(T1, 2).emit('sw', T1, S0, 0).emit('lw', A0, S0, 0).li(A7, Sys.exit).emit('ecall')
      .label('parent')
      .li(A0, -1).emit('addi', A1, SP, -16).li(A2, 0).li(A3, 0).li(A7, Sys.wait4).emit('ecall')
      .emit('lw', T2, SP, -16).emit('srli', T2, T2, 8)
      .emit('lw', T3, S0, 0).emit('slli', T3, T3, 4).emit('add', A0, T3, T2).li(A7, Sys.exit).emit('ecall');
    const k = bootTestKernel({ memMiB: 16 });
    const r = await k.run(tinyExecutable(p.bytes(), new Uint8Array([1, 0, 0, 0])));
    expect(r.messages).toEqual([]);
    expect(r.exit).toEqual({ kind: 'exited', code: 16 * 1 + 2 });
    expect(k.counters()).toEqual(k.bootCounters);
  });
});
