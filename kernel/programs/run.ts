// Running a kernel-provided program: execve of a marker file (abi/kprogram.ts) replaces the caller's program
// with host code — the toolchain's driver — that runs with the process's argv, environment, cwd and fds.
//
// The process stays a process: it keeps its pid, parent and fds, has an empty address space, and sleeps
// ("cc" in ps) while its body runs on the host's event loop. The body ends the process with its exit status
// (the parent's wait sees it as any other); output goes to fds 1 and 2 at each phase boundary (checkpoint)
// and at the end, waiting as a write(2) would for a full pipe (a closed one raises SIGPIPE). Signals act as on
// any sleeping process: SIGKILL or Ctrl-C ends it at once, and the body stops at its next file operation or
// checkpoint, writing nothing more; a stop signal (Ctrl-Z) holds the body at its next checkpoint until SIGCONT. Host time spent in the body is charged to the process (hostCpuMs).

import { Errno } from '../../abi/errno.js';
import { O_ACCMODE, O_RDONLY, O_RDWR } from '../../abi/fcntl.js';
import { Signal } from '../../abi/signals.js';
import { ToolAborted, formatInternalError } from '../../toolchain/driver/internal-error.js';
import { WOULD_BLOCK, type OpenFile } from '../dev/file.js';
import type { Kernel } from '../kernel.js';
import { exitProcess } from '../proc/lifecycle.js';
import type { ExitStatus, Process } from '../proc/process.js';
import { sendSignal } from '../proc/signal.js';
import type { WaitChannel } from '../proc/waitchan.js';
import type { SysContext } from '../sys/context.js';
import { MACHINE_TOOL_PATHS, type KernelProgramLoader } from './table.js';
import { vfsToolHost, type ToolRunSide } from './vfs-tool-host.js';

/** One host turn: lets timers, input and other processes' slices happen between a body's phases. */
const hostTurn = (): Promise<void> => new Promise<void>((resolve) => {
  if (typeof setImmediate === 'function') setImmediate(resolve);
  else setTimeout(resolve, 0);
});

/** The file on `fd` when it was opened for writing, else undefined (output to it is dropped, as EBADF). */
function writableFile(p: Process, fd: number): OpenFile | undefined {
  const f = p.fds.get(fd);
  if (!f) return undefined;
  const mode = (f.openFlags ?? O_RDWR) & O_ACCMODE;
  return mode === O_RDONLY ? undefined : f;
}

class ProgramRun implements ToolRunSide {
  readonly ctx: SysContext;
  private readonly pending: { fd: 1 | 2; bytes: Uint8Array }[] = [];
  private segmentStartMs = 0;
  /** Resolves the body's current wait when the process ends (nothing else would). */
  private stopWaiting: (() => void) | undefined;

  constructor(private readonly k: Kernel, private readonly p: Process, private readonly name: string) {
    // The system-call services the body's file operations use (kernel/sys/fs.ts openPath), on behalf of p.
    this.ctx = {
      proc: p, kernel: k,
      exit: (status) => exitProcess(k, p, status),
      sleep: (resume, on) => k.runQueue.sleep(p, resume, on),
      realtimeMs: k.realtimeMs, monotonicMs: k.monotonicMs,
      cpuInstructions: () => k.machine.cpu.instret,
    };
  }

  output(fd: 1 | 2, bytes: Uint8Array): void {
    if (bytes.length > 0) this.pending.push({ fd, bytes });
  }

  /** Between phases: charge the time, write the output, let the scheduler and the host have a turn. */
  async checkpoint(): Promise<void> {
    this.charge();
    await this.flush();
    this.k.programs.notify();
    await hostTurn();
    // Stopped (SIGSTOP, Ctrl-Z's SIGTSTP): the body waits here until SIGCONT retries this sleep.
    while (this.p.alive && this.p.stopped) await this.waitOn(undefined);
    if (!this.p.alive) throw new ToolAborted(`pid ${this.p.pid} was killed`);
    this.segmentStartMs = performance.now();
  }

  /** Runs the body to its end and ends the process with its status. */
  async run(load: KernelProgramLoader, argv: readonly string[], envp: readonly string[]): Promise<void> {
    const { k, p } = this;
    this.p.onExit = () => this.stopWaiting?.();
    k.programs.running++;
    let status: ExitStatus | undefined;
    try {
      this.segmentStartMs = performance.now();
      const body = await load();
      await this.checkpoint();
      const code = await body(argv, vfsToolHost(this, envp, MACHINE_TOOL_PATHS));
      this.charge();
      await this.flush();
      status = { kind: 'exited', code: code & 0xff };
    } catch (e) {
      if (!(e instanceof ToolAborted) && p.alive) {
        // Not the tool's own error report (drivers catch their errors): a bug, or a chunk that failed to load.
        this.output(2, new TextEncoder().encode(formatInternalError(`pagoda ${this.name}`, e) + '\n'));
        await this.flush().catch(() => {});
        status = { kind: 'exited', code: 1 };
      }
    } finally {
      k.programs.running--;
    }
    if (status && p.alive) exitProcess(k, p, status);
    k.programs.notify();
  }

  private charge(): void {
    const now = performance.now();
    this.p.hostCpuMs += now - this.segmentStartMs;
    this.segmentStartMs = now;
  }

  /** Writes the queued output to fds 1 and 2, waiting while a pipe is full. */
  private async flush(): Promise<void> {
    const p = this.p;
    while (this.pending.length > 0) {
      if (!p.alive) throw new ToolAborted(`pid ${p.pid} was killed`);
      const item = this.pending[0];
      const file = writableFile(p, item.fd);
      const n = file ? file.write(item.bytes) : -Errno.EBADF;
      if (n === WOULD_BLOCK) {
        if (!file!.writeWait) throw new Error(`${file!.name} would block but has no wait channel`);
        await this.waitOn(file!.writeWait);
        continue;
      }
      if (n < 0) {
        if (n === -Errno.EPIPE) sendSignal(this.k, p, Signal.SIGPIPE);
        this.pending.shift();
        continue;
      }
      item.bytes = item.bytes.subarray(n);
      if (item.bytes.length === 0) this.pending.shift();
    }
  }

  /** Sleeps the process on `channel` until it is woken, or (no channel) until SIGCONT retries the sleep; or
   *  until it ends. */
  private waitOn(channel: WaitChannel | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      this.stopWaiting = resolve;
      this.k.runQueue.sleep(this.p, () => {
        resolve();
        return undefined;
      }, { channels: channel ? [channel] : [], what: this.name });
    });
  }
}

/**
 * Starts kernel program `name` (its body from `load`) in `p`, whose exec has been committed (empty address
 * space, registers cleared): `p` sleeps from now on until the body ends it.
 */
export function startKernelProgram(
  k: Kernel, p: Process, name: string, load: KernelProgramLoader, argv: readonly string[], envp: readonly string[],
): void {
  k.runQueue.sleep(p, () => undefined, { what: name });
  void new ProgramRun(k, p, name).run(load, argv, envp);
}
