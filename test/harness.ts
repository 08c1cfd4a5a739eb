// The kernel-level integration-test API: boot a kernel, run programs, read what they printed and how they
// ended, and check the memory counters. Users write their own kernel tests with it:
//
//   import { bootTestKernel } from '../harness.js';
//   const k = bootTestKernel({ memMiB: 32 });
//   const r = await k.run(elfBytes, { argv: ['prog', 'x'], stdin: 'input' });
//   expect(r.stdout).toBe('...'); expect(r.status).toBe(0);
//   expect(k.counters()).toEqual(k.bootCounters);     // nothing leaked
//
// run() takes ELF bytes or a path in the boot image; stdin is fed up front and then closed.

import { boot, type BootOptions } from '../kernel/boot.js';
import { runUntilDone } from '../kernel/driver.js';
import { spawnProcess } from '../kernel/proc/spawn.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Region } from '../kernel/mem/region.js';
import { shellStatus, type ExitStatus } from '../kernel/proc/process.js';
import { LoadRefusal, Refusal } from '../loader/refusal.js';

export interface HarnessOptions {
  /** RAM in MiB (default 32: small and quick). */
  memMiB?: number;
  /** A newc cpio boot image. */
  bootImage?: Uint8Array;
  /** Extra files by absolute path. */
  files?: Readonly<Record<string, Uint8Array>>;
}

export interface RunOptions {
  /** argv (default: [path]). */
  argv?: string[];
  envp?: string[];
  /** Console input, fed before the program starts; then the input is closed (reads return 0). */
  stdin?: string | Uint8Array;
  /** The path the program is started as when given bytes (default '/bin/prog'). */
  path?: string;
  /** Give up after this many instructions (default 2e9): status is then 'timeout'. */
  maxInstructions?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit code, or 128 + signal. */
  status: number;
  exit: ExitStatus | 'timeout';
  /** Kernel messages (fault reports) printed while it ran. */
  messages: string[];
  pid: number;
  /** The process's regions as they were when it ended. */
  regions: Region[];
  instructions: number;
}

export interface Counters {
  freeChunks: number;
  usedFrames: number;
  availableFrames: number;
  committedPages: number;
}

export class TestKernel {
  readonly bootLog: string[] = [];
  private out: Uint8Array[] = [];
  private err: Uint8Array[] = [];
  private messages: string[] = [];
  readonly kernel: Kernel;
  /** The counters right after boot: every scenario must come back to them. */
  readonly bootCounters: Counters;

  constructor(options: HarnessOptions = {}) {
    const bootOptions: BootOptions = {
      memMiB: options.memMiB ?? 32,
      bootImage: options.bootImage,
      files: options.files,
      poisonFreedFrames: true,
      random: () => new Uint8Array(16).map((_, i) => (i * 37 + 11) & 0xff),
      sinks: {
        stdout: (b) => this.out.push(b),
        stderr: (b) => this.err.push(b),
        message: (l) => this.messages.push(l),
        bootLog: (l) => this.bootLog.push(l),
      },
    };
    this.kernel = boot(bootOptions);
    this.bootCounters = this.counters();
  }

  /** Chunk, frame and commit counters now. */
  counters(): Counters {
    const k = this.kernel;
    return {
      freeChunks: k.chunks.freeChunks,
      usedFrames: k.frames.usedFrames,
      availableFrames: k.frames.availableFrames,
      committedPages: k.commit.committedPages,
    };
  }

  /** The live regions of process `pid` (empty when it has ended; see RunResult.regions). */
  regions(pid: number): Region[] {
    const p = this.kernel.processes.get(pid);
    return p && p.alive ? p.space.regions.all().map((r) => ({ ...r })) : [];
  }

  /**
   * Runs `program` (ELF bytes, or a path in the boot image) to its end. Throws LoadRefusal when the kernel
   * refuses the executable.
   */
  async run(program: Uint8Array | string, opts: RunOptions = {}): Promise<RunResult> {
    const path = typeof program === 'string' ? program : opts.path ?? '/bin/prog';
    const bytes = typeof program === 'string' ? this.kernel.files.get(program) : program;
    if (!bytes) throw new LoadRefusal(Refusal.MALFORMED, `${path}: no such file in the boot image`);
    this.out = [];
    this.err = [];
    this.messages = [];
    const k = this.kernel;
    k.consoleInput.closed = false;
    if (opts.stdin !== undefined) k.machine.uart.pushInput(opts.stdin);
    k.consoleInput.closed = true;
    const p = spawnProcess(k, { path, bytes, argv: opts.argv ?? [path], envp: opts.envp ?? [] });
    const startInstr = k.machine.cpu.instret;
    const finished = await runUntilDone(k, {
      waitForInput: (ms) => new Promise((resolve) => setTimeout(resolve, ms ?? 0)),
      yieldToHost: () => Promise.resolve(),
    }, opts.maxInstructions ?? 2e9);
    if (!finished) {
      // Kill the runaway so nothing stays allocated.
      const { exitProcess } = await import('../kernel/proc/lifecycle.js');
      exitProcess(k, p, { kind: 'signaled', signal: 9 });
    }
    k.processes.delete(p.pid);
    const dec = new TextDecoder();
    const join = (parts: Uint8Array[]): string => parts.map((b) => dec.decode(b, { stream: true })).join('') + dec.decode();
    return {
      stdout: join(this.out),
      stderr: join(this.err),
      status: finished ? shellStatus(p.status!) : 137,
      exit: finished ? p.status! : 'timeout',
      messages: this.messages,
      pid: p.pid,
      regions: p.finalRegions,
      instructions: k.machine.cpu.instret - startInstr,
    };
  }
}

/** Boots a kernel for a test. */
export function bootTestKernel(options: HarnessOptions = {}): TestKernel {
  return new TestKernel(options);
}
