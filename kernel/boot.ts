// Boot: the table of contents. One line per subsystem, each logged as it comes up.

import { Signal } from '../abi/signals.js';
import { HART_LETTERS, HART_XLEN } from '../abi/hart-isa.js';
import { Machine } from '../machine/machine.js';
import { MIB } from '../machine/ram.js';
import { ConsoleInput } from './dev/console.js';
import { BootFiles } from './fs/bootfiles.js';
import type { Kernel, KernelSinks } from './kernel.js';
import { ChunkMap } from './mem/chunks.js';
import { CommitLedger } from './mem/commit.js';
import { FrameAllocator } from './mem/frames.js';
import { CHUNK_MAP_PA, CHUNK_SIZE, FRAMES_PER_CHUNK, PAGE_SIZE } from './mem/layout.js';
import { hex8 } from './panic.js';
import { buildFileTree } from './fs/tree.js';
import { ProcessTable } from './proc/ptable.js';
import { RunQueue } from './proc/runqueue.js';
import { signalForeground } from './tty/jobcontrol.js';
import { LineDiscipline } from './tty/linedisc.js';
import type { Vfs } from './fs/vfs.js';
import type { HostDir } from './fs/hostdir.js';
import { ProgramActivity } from './programs/activity.js';

export const PAGODA_VERSION = '0.1.0';
/** Instructions a process runs before the timer lets the next one have the hart (a few ms). */
export const DEFAULT_TIMER_INTERVAL = 1 << 19;

export interface BootOptions {
  /** RAM in MiB: a multiple of 2 from 16 to 1024 (default 128). */
  memMiB?: number;
  /** A newc cpio archive: the boot image. */
  bootImage?: Uint8Array;
  /** Extra files by absolute path, added after the boot image. */
  files?: Readonly<Record<string, Uint8Array>>;
  /** Where output goes; each missing sink defaults to the console UART (lines get a newline). */
  sinks?: Partial<KernelSinks>;
  /** Where console UART output goes (default: nowhere). */
  onConsoleOutput?: (bytes: Uint8Array) => void;
  /** Source of AT_RANDOM bytes (default: crypto.getRandomValues). */
  random?: () => Uint8Array;
  /** Timer interrupt period in instructions (0: off; default DEFAULT_TIMER_INTERVAL): the scheduler's slice. */
  timerInterval?: number;
  /** CPU tier: true translates hot code (machine/jit/), false interprets only; default machine/tier.ts. */
  jit?: boolean;
  /** The console is an interactive terminal: a line discipline edits input, echoes and raises Ctrl-C. */
  terminal?: boolean;
  /** Most processes at once (default 64). */
  maxProcesses?: number;
  /** Console output bytes per host turn (runSlice), so a program printing in a loop cannot flood the host
   *  between two of its turns (default: 1 MiB with `terminal`, unlimited otherwise). */
  consoleOutputPerTurn?: number;
  /** A host directory to mount at /host (read-write; nothing outside it is reachable through it). */
  hostDir?: HostDir;
  /** Audit every invariant after each process exit (`--audit`; slower). */
  audit?: boolean;
  /** Freed frames are filled with 0xa5 (tests: catches use after free). */
  poisonFreedFrames?: boolean;
}

/** Frames kept out of the commit limit for page tables: 1/32 of memory, at least 64. */
function commitLimit(frames: FrameAllocator): number {
  const total = frames.availableFrames;
  return total - Math.max(64, Math.floor(total / 32));
}

/** AT_RANDOM bytes from the host's CSPRNG, fetched 4 KiB at a time (one call per exec is slow). */
function pooledRandom(): () => Uint8Array {
  let pool = new Uint8Array(0);
  let at = 0;
  return () => {
    if (at + 16 > pool.length) {
      pool = crypto.getRandomValues(new Uint8Array(4096));
      at = 0;
    }
    at += 16;
    return pool.slice(at - 16, at);
  };
}

/** Brings the machine and the kernel up and returns the kernel, ready for spawnProcess(). */
export function boot(options: BootOptions = {}): Kernel {
  const memMiB = options.memMiB ?? 128;
  const machine = new Machine({ ramBytes: memMiB * MIB, timerInterval: options.timerInterval ?? DEFAULT_TIMER_INTERVAL, onConsoleOutput: options.onConsoleOutput, jit: options.jit });
  const toConsole = (bytes: Uint8Array): void => machine.uart.write(bytes);
  const eol = options.terminal ? '\r\n' : '\n';
  const line = (s: string): void => toConsole(new TextEncoder().encode(s + eol));
  const sinks: KernelSinks = {
    stdout: options.sinks?.stdout ?? toConsole,
    stderr: options.sinks?.stderr ?? toConsole,
    message: options.sinks?.message ?? line,
    bootLog: options.sinks?.bootLog ?? line,
    exportFile: options.sinks?.exportFile,
  };
  const log = sinks.bootLog;
  log(`Pagoda ${PAGODA_VERSION}: RV${HART_XLEN}I${HART_LETTERS.slice(1).toUpperCase()} user mode, Sv32 MMU, one hart`);
  log(`ram: ${memMiB} MiB (${hex8(0)}-${hex8(memMiB * MIB - 1)})`);
  const chunks = new ChunkMap(machine.ram);                       // physical memory in 2 MiB chunks
  log(`chunks: ${chunks.chunkCount} x ${CHUNK_SIZE / MIB} MiB, ${chunks.freeChunks} free; chunk 0 is the kernel's (map at ${hex8(CHUNK_MAP_PA)})`);
  log(`chunk map: ${chunks.render()}`);
  const frames = new FrameAllocator(machine.ram, chunks, machine.mmu.code); // 4 KiB frames carved from chunks
  frames.poisonFreed = options.poisonFreedFrames ?? false;
  log(`frames: ${PAGE_SIZE / 1024} KiB, ${FRAMES_PER_CHUNK} per chunk, carved on demand, zeroed when handed out`);
  const commit = new CommitLedger(commitLimit(frames));           // user memory promised at most
  log(`commit limit: ${commit.limitPages} pages (${Math.floor(commit.limitPages * PAGE_SIZE / MIB)} MiB)`);
  const files = new BootFiles();                                   // the boot image's files
  if (options.bootImage) files.addArchive(options.bootImage);
  for (const [path, data] of Object.entries(options.files ?? {})) files.add(path, data);
  log(`boot image: ${files.count} files, ${files.totalBytes} bytes${files.count ? ': ' + files.paths().slice(0, 8).join(' ') + (files.count > 8 ? ' ...' : '') : ''}`);
  const consoleInput = new ConsoleInput(machine.uart);           // console: UART bytes in and out
  const bootMs = performance.now();
  const runQueue = new RunQueue();                                 // scheduler: runnable, sleeping, woken
  const k: Kernel = {
    machine, chunks, frames, commit, files, consoleInput, sinks,
    random: options.random ?? pooledRandom(),
    // The epoch clock runs on the monotonic one (timeOrigin + now: microseconds, no slewing against it), so a
    // sleep of N ms is never seen by gettimeofday as less than N ms, as on Linux.
    realtimeMs: () => performance.timeOrigin + performance.now(),
    monotonicMs: () => performance.now() - bootMs,
    processes: new ProcessTable(runQueue),
    runQueue,
    current: undefined,
    nextPid: 1,
    fs: undefined as unknown as Vfs,
    maxProcesses: options.maxProcesses ?? 64,
    lastPid: 0,
    audit: options.audit ?? false,
    programs: new ProgramActivity(),
  };
  consoleInput.terminal = !!options.terminal;
  if (options.terminal) {                                          // tty: line editing, echo, Ctrl-C
    consoleInput.discipline = new LineDiscipline((b) => machine.uart.write(b), (sig) => signalForeground(k, sig));
    consoleInput.onResize = () => signalForeground(k, Signal.SIGWINCH);
  }
  consoleInput.outputPerTurn = options.consoleOutputPerTurn ?? (options.terminal ? MIB : Infinity);
  log(`console: uart${options.terminal ? ', canonical line discipline' : ''}`);
  k.fs = buildFileTree(k);                                         // ramfs + /dev + /proc
  log(`fs: ramfs (boot image read-only; /tmp, /home writable), /dev, /proc`);
  if (options.hostDir) {                                           // the host's directory at /host
    const r = k.fs.mountHost('host', options.hostDir);
    log(r === 0 ? 'fs: host directory mounted at /host (read-write)' : `fs: host directory not mounted (errno ${-r})`);
  }
  if (k.audit) log('audit: every invariant checked after each process exit');
  log(`scheduler: round robin, ${machine.timer.interval} instructions per slice, at most ${k.maxProcesses} processes; sleep on wait channels`);
  return k;
}
