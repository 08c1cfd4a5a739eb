// Random system calls with hostile arguments: every one must end in a value, -errno, a sleep or a clean kill —
// never a host exception or a kernel panic — and every frame must come back afterwards.
import { describe, expect, it } from 'vitest';
import { Sys } from '../../../abi/syscalls.js';
import { bootTestKernel } from '../../harness.js';
import { spawnProcess } from '../../../kernel/proc/spawn.js';
import { exitProcess, switchTo } from '../../../kernel/proc/lifecycle.js';
import { SYSCALLS, dispatchSyscall } from '../../../kernel/sys/table.js';
import { contextFor } from '../../../kernel/trap.js';
import { tinyExecutable } from '../../../bench/kernel.js';
import { Program } from '../../../bench/program.js';

/** A deterministic pseudo-random source (xorshift32). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
}

const NASTY = [0, 1, 2, 3, -1, -100, 4096, 0x10000, 0x10ffc, 0x7fffffff, 0x80000000, 0xbffffff0, 0xc0000000, 0xfffff000, 0xffffffff, 17, 0x5401, 0x5413];

describe('system calls with random arguments', () => {
  for (const seed of [1, 2, 3]) {
    it(`never throw or leak (seed ${seed})`, async () => {
      const k = bootTestKernel({ memMiB: 32, files: { '/bin/exit0': tinyExecutable(new Program(0x10000).li(10, 0).li(17, Sys.exit).emit('ecall').bytes()) } });
      const kernel = k.kernel;
      const image = tinyExecutable(new Program(0x10000).li(10, 0).li(17, Sys.exit).emit('ecall').bytes(), new Uint8Array(8192).fill(0x2f));
      const spawn = () => spawnProcess(kernel, { path: '/bin/fuzz', bytes: image, argv: ['fuzz'], envp: [] });
      let p = spawn();
      let respawns = 0;
      const numbers = [...SYSCALLS.keys()].filter((n) => n !== Sys.exit && n !== Sys.exit_group && n !== Sys.execve);
      const next = rng(seed);
      const arg = (): number => (next() % 3 === 0 ? next() | 0 : NASTY[next() % NASTY.length] | 0);
      for (let i = 0; i < 3000; i++) {
        if (!p.alive) {
          // Killed by its own call (kill, SIGPIPE): the next calls come from a fresh process.
          for (const q of [...kernel.processes.values()]) if (!q.alive) kernel.processes.delete(q.pid);
          p = spawn();
          respawns++;
        }
        switchTo(kernel, p);
        const nr = numbers[next() % numbers.length];
        const tf = p.tf;
        tf.a7 = nr;
        tf.a0 = arg(); tf.a1 = arg(); tf.a2 = arg(); tf.a3 = arg(); tf.a4 = arg(); tf.a5 = arg();
        expect(() => dispatchSyscall(contextFor(kernel, p), tf)).not.toThrow();
        kernel.runQueue.cancel(p);
      }
      expect(respawns).toBeLessThan(300);
      for (const q of [...kernel.processes.values()]) exitProcess(kernel, q, { kind: 'signaled', signal: 9 });
      kernel.processes.clear();
      expect(k.counters()).toEqual(k.bootCounters);
    }, 120_000);
  }
});
