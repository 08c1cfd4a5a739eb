// Process benchmarks (group `proc`): fork+exec+exit+wait of a small program per second, pipe throughput
// between two processes, console output throughput. The programs are assembled in memory (bench/program.ts),
// so no toolchain is needed.

import { Sys } from '../abi/syscalls.js';
import { boot } from '../kernel/boot.js';
import { runUntilDone } from '../kernel/driver.js';
import { spawnProcess } from '../kernel/proc/spawn.js';
import type { Kernel } from '../kernel/kernel.js';
import { tinyExecutable } from './kernel.js';
import { Program } from './program.js';
import type { BenchRow } from './row.js';

const [zero, t0, s0, s1, s2, a0, a1, a2, a3, a4, a7] = [0, 5, 8, 9, 18, 10, 11, 12, 13, 14, 17];
const TEXT = 0x10000;
/** Where tinyExecutable puts the data of a program whose code fits in one page. */
const DATA = 0x11000;
const SIGCHLD = 17;
const CHUNK = 65536;

const syscall = (p: Program, nr: number): Program => p.li(a7, nr).emit('ecall');
const exitWith = (p: Program, code: number): Program => syscall(p.li(a0, code), Sys.exit);

/** The parent of fork-exec-wait: `n` times fork; the child execs /bin/exit0; the parent waits. */
function forkExecWaitProgram(n: number): Uint8Array {
  const p = new Program(TEXT).li(s0, n).label('loop');
  p.li(a0, SIGCHLD).li(a1, 0).li(a2, 0).li(a3, 0).li(a4, 0);
  syscall(p, Sys.clone).emit('beq', a0, zero, 'child');
  p.li(a0, -1).li(a1, 0).li(a2, 0).li(a3, 0);
  syscall(p, Sys.wait4).emit('addi', s0, s0, -1).emit('bne', s0, zero, 'loop');
  exitWith(p, 0).label('child').li(a0, DATA).li(a1, DATA + 16).li(a2, 0);
  syscall(p, Sys.execve);
  exitWith(p, 127);
  const data = new Uint8Array(24);
  data.set(new TextEncoder().encode('/bin/exit0'));
  new DataView(data.buffer).setUint32(16, DATA, true);
  return tinyExecutable(p.bytes(), data);
}

/** A pipe between a writer child and a reading parent: `n` writes of 64 KiB, read until end of file. */
function pipeProgram(n: number): Uint8Array {
  const buf = DATA + 16;
  const p = new Program(TEXT).li(a0, DATA).li(a1, 0);
  syscall(p, Sys.pipe2).li(t0, DATA).emit('lw', s1, t0, 0).emit('lw', s2, t0, 4);
  p.li(a0, SIGCHLD).li(a1, 0).li(a2, 0).li(a3, 0).li(a4, 0);
  syscall(p, Sys.clone).emit('beq', a0, zero, 'writer');
  p.emit('addi', a0, s2, 0);
  syscall(p, Sys.close).label('read').emit('addi', a0, s1, 0).li(a1, buf).li(a2, CHUNK);
  syscall(p, Sys.read).emit('bne', a0, zero, 'read');
  p.li(a0, -1).li(a1, 0).li(a2, 0).li(a3, 0);
  syscall(p, Sys.wait4);
  exitWith(p, 0).label('writer').emit('addi', a0, s1, 0);
  syscall(p, Sys.close).li(s0, n).label('write').emit('addi', a0, s2, 0).li(a1, buf).li(a2, CHUNK);
  syscall(p, Sys.write).emit('addi', s0, s0, -1).emit('bne', s0, zero, 'write');
  exitWith(p, 0);
  return tinyExecutable(p.bytes(), new Uint8Array(16 + CHUNK));
}

/** Writes `n` x 64 KiB of text (80-column lines) to fd 1. */
function consoleProgram(n: number): Uint8Array {
  const p = new Program(TEXT).li(s0, n).label('write').li(a0, 1).li(a1, DATA).li(a2, CHUNK);
  syscall(p, Sys.write).emit('addi', s0, s0, -1).emit('bne', s0, zero, 'write');
  exitWith(p, 0);
  const text = new Uint8Array(CHUNK).map((_, i) => (i % 80 === 79 ? 10 : 0x61 + (i % 26)));
  return tinyExecutable(p.bytes(), text);
}

const quiet = { bootLog: (): void => {}, message: (): void => {} };

async function finish(k: Kernel): Promise<void> {
  await runUntilDone(k, { waitForInput: async () => {}, yieldToHost: async () => {} });
}

/** fork + exec + exit + wait cycles per second (`n` cycles after a warm-up of 50). */
export async function measureForkExecWait(n = 1000): Promise<number> {
  const exit0 = tinyExecutable(exitWith(new Program(TEXT), 0).bytes());
  const k = boot({ memMiB: 64, sinks: quiet, files: { '/bin/exit0': exit0 } });
  const once = async (count: number): Promise<number> => {
    spawnProcess(k, { path: '/bench/fork', bytes: forkExecWaitProgram(count), argv: ['fork'], envp: [] });
    const t = performance.now();
    await finish(k);
    k.processes.clear();
    return performance.now() - t;
  };
  await once(50);
  return (n / (await once(n))) * 1000;
}

/** MB/s (10^6 bytes) through a pipe between two processes: `mib` MiB in 64 KiB writes and reads. */
export async function measurePipe(mib = 64): Promise<number> {
  const k = boot({ memMiB: 64, sinks: quiet });
  const writes = (mib << 20) / CHUNK;
  spawnProcess(k, { path: '/bench/pipe', bytes: pipeProgram(8), argv: ['pipe'], envp: [] });
  await finish(k);
  k.processes.clear();
  spawnProcess(k, { path: '/bench/pipe', bytes: pipeProgram(writes), argv: ['pipe'], envp: [] });
  const t = performance.now();
  await finish(k);
  return (mib * 1048576) / 1e6 / ((performance.now() - t) / 1000);
}

/** MB/s written to the console (a terminal: line discipline output processing on), to a sink that drops. */
export async function measureConsole(mib = 32): Promise<number> {
  let bytes = 0;
  const k = boot({ memMiB: 32, terminal: true, sinks: { ...quiet, stdout: (b) => { bytes += b.length; } } });
  spawnProcess(k, { path: '/bench/console', bytes: consoleProgram(8), argv: ['console'], envp: [] });
  await finish(k);
  k.processes.clear();
  spawnProcess(k, { path: '/bench/console', bytes: consoleProgram((mib << 20) / CHUNK), argv: ['console'], envp: [] });
  const t = performance.now();
  await finish(k);
  const seconds = (performance.now() - t) / 1000;
  return bytes > 0 ? (mib * 1048576) / 1e6 / seconds : 0;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The `proc` group: fork-exec-wait (`perSecond`), pipe and console (`megabytesPerSecond`). */
export async function procBench(): Promise<BenchRow[]> {
  const forks = await measureForkExecWait();
  const pipe = await measurePipe();
  const consoleRate = await measureConsole();
  return [
    { group: 'proc', name: 'fork-exec-wait', perSecond: Math.round(forks) },
    { group: 'proc', name: 'pipe', megabytesPerSecond: round(pipe) },
    { group: 'proc', name: 'console', megabytesPerSecond: round(consoleRate) },
  ];
}
