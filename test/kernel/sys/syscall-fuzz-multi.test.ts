// The syscall fuzzer, multi-process: a program forks into 8 processes, each issues its own random sequence of
// every syscall the kernel has (files, pipes, signals, wait, fork/exec with hostile argv/envp, ioctl, memory),
// with arguments drawn from hostile values, pointers into its stack, its data (real paths, argv arrays,
// buffers) and the kernel half, and small fds. Whatever happens, the kernel never throws in the host; after
// the run every process is killed and the auditor checks every invariant, and every frame is back.
import { describe, expect, it } from 'vitest';
import { Sys } from '../../../abi/syscalls.js';
import { tinyExecutable } from '../../../bench/kernel.js';
import { Program } from '../../../bench/program.js';
import { auditKernel } from '../../../kernel/audit/audit.js';
import { runUntilDone } from '../../../kernel/driver.js';
import { spawnProcess } from '../../../kernel/proc/spawn.js';
import { exitProcess } from '../../../kernel/proc/lifecycle.js';
import { Trap } from '../../../machine/trap.js';
import { bootTestKernel } from '../../harness.js';

const CALLS = Object.values(Sys).filter((n): n is number => typeof n === 'number' && n !== Sys.exit && n !== Sys.exit_group);
const HOSTILE = [0, 1, -1, 2, 3, 4095, 4096, 0x10000, 0x7ffff000, 0x80000000, 0xbffffff0, 0xc0000000, 0xfffff000, 0x7fffffff, -100];
/** Code is padded to this size so the data segment sits at a known address. */
const CODE_BYTES = 0x20000;
const DATA = 0x10000 + CODE_BYTES;
const STRINGS = ['/tmp/fz', '/bin/true', '/dev/null', '/proc/self/maps', '/tmp', '/dev/tty', '', '/tmp/fz/..'];

/** The data segment: the strings, an argv array, an envp with a bad pointer, and a 4 KiB buffer. */
function dataSegment(): { bytes: Uint8Array; pointers: number[] } {
  const bytes = new Uint8Array(0x2000);
  const pointers: number[] = [];
  let at = 0;
  for (const s of STRINGS) {
    pointers.push(DATA + at);
    bytes.set(new TextEncoder().encode(s), at);
    at += s.length + 1;
  }
  at = (at + 3) & ~3;
  const v = new DataView(bytes.buffer);
  pointers.push(DATA + at);                                   // argv: ["/bin/true", NULL]
  v.setUint32(at, pointers[1], true);
  at += 8;
  pointers.push(DATA + at);                                   // envp: ["/tmp/fz", 0xc0000000, NULL]
  v.setUint32(at, pointers[0], true);
  v.setUint32(at + 4, 0xc0000000, true);
  at += 12;
  pointers.push(DATA + 0x1000);                               // a buffer
  return { bytes, pointers };
}

function fuzzProgram(seed: number, callsPerProcess: number): Uint8Array {
  let s = seed;
  const rnd = (): number => (s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 0;
  const { bytes: data, pointers } = dataSegment();
  const p = new Program(0x10000);
  for (let i = 0; i < 3; i++) p.li(10, 17).li(11, 0).li(12, 0).li(13, 0).li(14, 0).li(17, Sys.clone).emit('ecall');
  p.li(17, Sys.getpid).emit('ecall').emit('andi', 10, 10, 3);
  for (let k = 0; k < 3; k++) p.li(5, k).emit('bne', 10, 5, `not${k}`).emit('jal', 0, `seq${k}`).label(`not${k}`);
  p.emit('jal', 0, 'seq3');
  for (let k = 0; k < 4; k++) {
    p.label(`seq${k}`);
    for (let i = 0; i < callsPerProcess; i++) {
      for (let reg = 10; reg <= 15; reg++) {
        const r = rnd() % 10;
        if (r < 2) p.emit('addi', reg, 2, -((rnd() % 512) & ~3));
        else if (r < 5) p.li(reg, pointers[rnd() % pointers.length]);
        else if (r < 7) p.li(reg, rnd() % 12);
        else if (r < 9) p.li(reg, HOSTILE[rnd() % HOSTILE.length]);
        else p.li(reg, rnd());
      }
      p.li(17, CALLS[rnd() % CALLS.length]).emit('ecall');
    }
    p.emit('jal', 0, 'reap');
  }
  // Reap every child, then exit 0.
  p.label('reap').li(10, -1).li(11, 0).li(12, 0).li(13, 0).li(17, Sys.wait4).emit('ecall');
  p.emit('bge', 10, 0, 'reap').li(10, 0).li(17, Sys.exit).emit('ecall');
  const code = p.bytes();
  if (code.length > CODE_BYTES) throw new Error(`fuzz program too big: ${code.length} bytes`);
  const padded = new Uint8Array(CODE_BYTES);
  padded.set(code);
  return tinyExecutable(padded, data);
}

class Stalled extends Error {}

const exit0 = tinyExecutable(new Program(0x10000).li(10, 0).li(17, Sys.exit).emit('ecall').bytes());

describe('syscalls with random arguments, eight processes at once', () => {
  let survived = 0;
  it.each(Array.from({ length: 12 }, (_, i) => i + 101))('seed %i: no host exception; every invariant holds; nothing leaks', async (seed) => {
    const t = bootTestKernel({ memMiB: 32, files: { '/bin/true': exit0 } });
    const k = t.kernel;
    k.audit = true;
    const cpu = k.machine.cpu;
    const run = cpu.run.bind(cpu);
    let calls = 0;
    cpu.run = (budget: number): Trap => {
      const trap = run(budget);
      if (trap === Trap.Ecall) calls++;
      return trap;
    };
    spawnProcess(k, { path: '/bin/fuzz', bytes: fuzzProgram(seed, 300), argv: ['fuzz'], envp: [] });
    k.consoleInput.closed = true;
    const later = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
    // A random kill(0, SIGSTOP) can stop every process: the machine then waits forever, as Linux would.
    // The run ends when nothing has retired an instruction across many idle waits.
    let idle = 0;
    let lastInstret = -1;
    const waitOrGiveUp = async (): Promise<void> => {
      idle = cpu.instret === lastInstret ? idle + 1 : 0;
      lastInstret = cpu.instret;
      if (idle > 100) throw new Stalled();
      await later();
    };
    await runUntilDone(k, { waitForInput: waitOrGiveUp, yieldToHost: later }, 40_000_000).catch((e) => {
      if (!(e instanceof Stalled)) throw e;
    });
    for (const p of k.processes.values()) if (p.alive) exitProcess(k, p, { kind: 'signaled', signal: 9 });
    k.processes.clear();
    auditKernel(k, `after fuzz seed ${seed}`);
    expect(t.counters()).toEqual(t.bootCounters);
    expect(k.fs.usage.bytes).toBeLessThanOrEqual(k.fs.usage.limitBytes);
    // Processes die early by design (kill(-1), munmap of their code, execve): a seed may end after a few calls;
    // which seeds do shifts whenever the kernel gains a call, so the floor is on the total below.
    expect(calls).toBeGreaterThan(3);
    survived += calls;
  }, 120_000);
  it('counted the calls', () => {
    console.log(`multi-process syscall fuzz: ${survived} system calls survived`);
    expect(survived).toBeGreaterThan(12 * 30);
  });
});
