// What if a program calls every syscall with random arguments — random pointers into nothing, into its own
// stack, into the kernel half, huge lengths, bad fds? Each call must return (a value or -errno): the kernel
// never throws in the host, never kills the caller for a bad argument, and nothing leaks.
//
// The program counts the calls it makes (in s1, which no call touches) and exits with status 0 only when it
// made every one of them, so a run that ends early — killed, stuck or lost — fails. Three kinds of call would
// end the program by design rather than by a kernel bug, so the generator aims them away from the program
// itself, and says so here: kill/clone/memory calls keep their random arguments otherwise.
//  - kill aimed at the caller (its own pid 1, or any pid <= 0: Pagoda has no process groups, so 0 and pids
//    below -1 mean the caller and its descendants, and a stack address is a negative pid) sends signal 0 (the "may I?" probe) instead of a
//    random signal, which would terminate it;
//  - munmap/mprotect/mmap2(MAP_FIXED) ranges that would cover the program's own text start above it instead;
//  - a child made by clone exits at once (it would otherwise run the remaining calls too, and fork again), and
//    the signal its exit sends the parent (the low byte of clone's flags) is SIGCHLD, ignored by default.
// And one kind would stall it: clock_nanosleep reads its request from a zero timespec in the program's text
// (read-only, so no call can change it): a timespec read from the stack can ask for years of sleep, which is
// a correct answer but would make the test wait for it.
import { describe, expect, it } from 'vitest';
import { MapFlags } from '../../../abi/mman.js';
import { Signal } from '../../../abi/signals.js';
import { Sys } from '../../../abi/syscalls.js';
import { tinyExecutable } from '../../../bench/kernel.js';
import { Program } from '../../../bench/program.js';
import { bootTestKernel } from '../../harness.js';

const CALLS = Object.values(Sys).filter((n): n is number => typeof n === 'number' && n !== Sys.exit && n !== Sys.exit_group);
const INTERESTING = [0, 1, -1, 2, 3, 4095, 4096, 0x10000, 0x7ffff000, 0x80000000, 0xbffffff0, 0xc0000000, 0xfffff000, 0x7fffffff];
const TEXT = 0x10000;
const SELF_PID = 1;
const [SP, S1, T0, A0, A7] = [2, 9, 5, 10, 17];
/** The steering keeps memory calls above this address, which the program's text must not pass. */
const TEXT_BOUND = TEXT + 0x40000;
/** 16 zero bytes at the very start of the text (the entry point jumps over them). */
const ZERO_TIMESPEC = TEXT + 4;

/** One argument register: a value, or a pointer into the stack (sp minus an offset). */
type Arg = { value: number } | { belowSp: number };

interface Call { nr: number; args: Arg[] }

/** `count` calls drawn from `seed`, with the three self-destructions above steered away. */
function randomCalls(seed: number, count: number): Call[] {
  let s = seed;
  const rnd = (): number => (s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 0;
  const calls: Call[] = [];
  for (let i = 0; i < count; i++) {
    const args: Arg[] = [];
    for (let reg = A0; reg <= 15; reg++) {
      const r = rnd();
      // Mostly interesting values, sometimes a pointer into the stack (sp), sometimes pure noise.
      if (r % 5 === 0) args.push({ belowSp: (rnd() % 512) & ~3 });
      else args.push({ value: r % 3 === 0 ? rnd() : INTERESTING[rnd() % INTERESTING.length] });
    }
    const nr = CALLS[rnd() % CALLS.length];
    steerAwayFromSelf(nr, args);
    calls.push({ nr, args });
  }
  return calls;
}

function steerAwayFromSelf(nr: number, args: Arg[]): void {
  const value = (i: number): number | undefined => ('value' in args[i] ? (args[i] as { value: number }).value : undefined);
  if (nr === Sys.kill) {
    // Pagoda keeps no process groups: pid 0 and pids below -1 mean the caller and its descendants.
    const pid = value(0);
    if (pid === undefined || (pid | 0) <= 0 || pid === SELF_PID) args[1] = { value: 0 };
  }
  if (nr === Sys.clone) {
    const flags = value(0);
    if (flags !== undefined) args[0] = { value: (flags & ~0xff) | Signal.SIGCHLD };
    else args[0] = { value: Signal.SIGCHLD };
  }
  if (nr === Sys.clock_nanosleep_time64) args[2] = { value: ZERO_TIMESPEC };
  const fixedMap = nr === Sys.mmap2 && ((value(3) ?? 0) & MapFlags.FIXED) !== 0;
  if (nr === Sys.munmap || nr === Sys.mprotect || fixedMap) {
    const start = value(0);
    const length = value(1);
    // A stack pointer never reaches the text; a range that may wrap or cover it is moved above it.
    if (start !== undefined && (length === undefined || (start >>> 0) < TEXT_BOUND && (start >>> 0) + (length >>> 0) > TEXT)) {
      args[0] = { value: TEXT_BOUND };
    }
  }
}

/** The calls as an executable: each call, then s1 += 1; at the end exit(s1 == expected ? 0 : 1). */
function fuzzProgram(calls: Call[], expected = calls.length): Uint8Array {
  const p = new Program(TEXT).emit('jal', 0, 'start').word(0).word(0).word(0).word(0).label('start').li(S1, 0);
  calls.forEach((call, i) => {
    call.args.forEach((a, k) => ('value' in a ? p.li(A0 + k, a.value) : p.emit('addi', A0 + k, SP, -a.belowSp)));
    p.li(A7, call.nr).emit('ecall');
    if (call.nr === Sys.clone) p.emit('bne', A0, 0, `parent${i}`).li(A0, 0).li(A7, Sys.exit).emit('ecall').label(`parent${i}`);
    p.emit('addi', S1, S1, 1);
  });
  p.li(T0, expected).emit('sub', A0, S1, T0).emit('sltu', A0, 0, A0).li(A7, Sys.exit).emit('ecall');
  if (p.here > TEXT_BOUND) throw new Error('fuzzProgram: the text outgrew the range the steering protects');
  return tinyExecutable(p.bytes());
}

describe('syscalls with random arguments', () => {
  it.each(Array.from({ length: 16 }, (_, i) => i + 1))('seed %i: all 600 calls return; nothing leaks', async (seed) => {
    const k = bootTestKernel({ memMiB: 16 });
    const r = await k.run(fuzzProgram(randomCalls(seed, 600)), { maxInstructions: 5_000_000 });
    expect({ exit: r.exit, messages: r.messages }).toEqual({ exit: { kind: 'exited', code: 0 }, messages: [] });
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it('the exit status depends on the count: a program one call short of its plan exits 1', async () => {
    const k = bootTestKernel({ memMiB: 16 });
    const calls = randomCalls(1, 10).map((c) => ({ ...c, nr: Sys.getpid }));
    const r = await k.run(fuzzProgram(calls.slice(0, 9), calls.length), { maxInstructions: 100_000 });
    expect(r.exit).toEqual({ kind: 'exited', code: 1 });
  });
});
