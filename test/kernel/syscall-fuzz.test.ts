// What if a program calls every syscall with random arguments — random pointers into nothing, into its own
// stack, into the kernel half, huge lengths, bad fds? Each call must return (a value or -errno) or end the
// process with a signal: the kernel never throws in the host, and nothing leaks.
import { describe, expect, it } from 'vitest';
import { Sys } from '../../abi/syscalls.js';
import { tinyExecutable } from '../../bench/kernel.js';
import { Program } from '../../bench/program.js';
import { bootTestKernel } from '../harness.js';

const CALLS = Object.values(Sys).filter((n): n is number => typeof n === 'number' && n !== Sys.exit && n !== Sys.exit_group);
const INTERESTING = [0, 1, -1, 2, 3, 4095, 4096, 0x10000, 0x7ffff000, 0x80000000, 0xbffffff0, 0xc0000000, 0xfffff000, 0x7fffffff];

function randomCalls(seed: number, count: number): Uint8Array {
  let s = seed;
  const rnd = (): number => (s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 0;
  const p = new Program(0x10000);
  for (let i = 0; i < count; i++) {
    for (let reg = 10; reg <= 15; reg++) {
      const r = rnd();
      // Mostly interesting values, sometimes a pointer into the stack (sp), sometimes pure noise.
      if (r % 5 === 0) p.emit('addi', reg, 2, -((rnd() % 512) & ~3));
      else p.li(reg, r % 3 === 0 ? rnd() : INTERESTING[rnd() % INTERESTING.length]);
    }
    p.li(17, CALLS[rnd() % CALLS.length]).emit('ecall');
  }
  return tinyExecutable(p.li(10, 0).li(17, Sys.exit).emit('ecall').bytes());
}

describe('syscalls with random arguments', () => {
  it.each(Array.from({ length: 16 }, (_, i) => i + 1))('seed %i: every call returns or kills the process; nothing leaks', async (seed) => {
    const k = bootTestKernel({ memMiB: 16 });
    const r = await k.run(randomCalls(seed, 600), { maxInstructions: 5_000_000 });
    expect(r.exit === 'timeout' || r.exit.kind === 'exited' || r.exit.kind === 'signaled').toBe(true);
    expect(k.counters()).toEqual(k.bootCounters);
  });
});
