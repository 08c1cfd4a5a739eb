// A console session: the kernel booted with its boot program (init) on the console, driven for an interactive
// host — the Node terminal (cli/console-host.ts), the web worker (web/worker.ts), the headless-terminal tests.
// The host supplies bytes in, takes bytes out, reports the terminal size and may power the machine off; the
// session owns the boot, the choice of init, and the run loop (kernel/driver.ts) with its waits.
//
// Hosts never touch timers or I/O through the kernel: everything they need is here, with no Node or DOM API.

import { Signal } from '../abi/signals.js';
import { boot, type BootOptions } from './boot.js';
import { runUntilDone } from './driver.js';
import { spawnProcess } from './proc/spawn.js';
import type { Kernel } from './kernel.js';
import { exitProcess } from './proc/lifecycle.js';
import { shellStatus, type ExitStatus, type Process } from './proc/process.js';
import { LoadRefusal } from '../loader/refusal.js';
import { ICANON, VEOF, VERASE, VKILL } from '../abi/termios.js';
import { LineDiscipline, defaultTermios } from './tty/linedisc.js';

/** Where the kernel looks for its boot program, in order, when the host names none. */
export const INIT_CANDIDATES: readonly string[] = ['/sbin/init', '/bin/init', '/bin/sh'];


export interface SessionOptions extends Omit<BootOptions, 'onConsoleOutput' | 'sinks'> {
  /** Console output, in the order the machine produced it (the host batches). */
  output: (bytes: Uint8Array) => void;
  /** Lets the host's event loop run between slices (input, output flushing, rendering). */
  yieldToHost: () => Promise<void>;
  /** The boot program's path in the boot files (default: the first of INIT_CANDIDATES present). */
  init?: string;
  /**
   * Console input arrives one line per read, with no echo, no signals and no output processing: how a pipe of
   * commands reaches a shell that reads a line at a time (`printf 'ls\nexit\n' | pagoda boot`). Ignored
   * with `terminal`. (Kernel-side, a pipe should rather not look like a tty: see notes/web-kernel.md.)
   */
  lineInput?: boolean;
  /** Files programs hand to the host (host_export, `download FILE`); absent, the host takes none. */
  exportFile?: (path: string, bytes: Uint8Array) => void;
  /** Its argv (default: [init]) and environment. */
  argv?: readonly string[];
  envp?: readonly string[];
}

/** How a session ended. */
export type SessionEnd =
  /** Init ran and ended; `status` is shell-style (code, or 128 + signal). */
  | { kind: 'init-exited'; status: number; exit: ExitStatus }
  /** The host powered the machine off (every process was killed). */
  | { kind: 'power-off' }
  /** No boot program could be started; `message` says why, in one line. */
  | { kind: 'no-init'; message: string };

const DEFAULT_ENV: readonly string[] = ['HOME=/home', 'PATH=/bin', 'TERM=xterm-256color'];

export class ConsoleSession {
  readonly kernel: Kernel;
  private wake: (() => void) | undefined;
  private poweredOff = false;
  private paused = false;
  private init: Process | undefined;
  private readonly lineMode: boolean;
  /** Free chunks and used frames right after boot: what the machine returns to when every process is gone. */
  readonly bootCounters: { freeChunks: number; usedFrames: number };

  /** Boots the kernel (the boot log goes to the console); call start() to run the boot program. */
  constructor(private readonly options: SessionOptions) {
    this.kernel = boot({ ...options, onConsoleOutput: options.output, sinks: { exportFile: options.exportFile } });
    this.lineMode = !!options.lineInput && !options.terminal;
    if (this.lineMode) this.kernel.consoleInput.discipline = lineAtATime();
    this.bootCounters = { freeChunks: this.kernel.chunks.freeChunks, usedFrames: this.kernel.frames.usedFrames };
  }

  /** The boot program's path: the one asked for if present, else the first candidate present. */
  initPath(): string | undefined {
    const files = this.kernel.files;
    if (this.options.init !== undefined) return files.get(this.options.init) ? this.options.init : undefined;
    return INIT_CANDIDATES.find((p) => files.get(p) !== undefined);
  }

  /** The pid of the boot program, once started. */
  get initPid(): number | undefined { return this.init?.pid; }

  /**
   * Starts the boot program (or `path`, a program in the boot files, when given) and runs the machine until it
   * ends or the host powers off. Resolves with how the session ended; never rejects for a user program's fault
   * (a kernel panic does reject). May be called again after it resolved, to run another program.
   */
  async start(path?: string): Promise<SessionEnd> {
    const started = this.startInit(path ?? this.initPath());
    if (typeof started === 'string') return { kind: 'no-init', message: started };
    this.init = started;
    await runUntilDone(this.kernel, {
      waitForInput: (ms) => this.waitForWake(ms),
      yieldToHost: () => this.yieldTurn(),
    });
    if (this.poweredOff) return { kind: 'power-off' };
    const exit = started.status ?? { kind: 'signaled', signal: Signal.SIGKILL };
    return { kind: 'init-exited', status: shellStatus(exit), exit };
  }

  /** Spawns the program at `path`; a one-line reason when it cannot. */
  private startInit(path: string | undefined): Process | string {
    if (path === undefined || !this.kernel.files.get(path)) {
      const wanted = path ?? this.options.init ?? INIT_CANDIDATES.join(', ');
      return `no boot program: ${wanted} not in the boot image`;
    }
    try {
      return spawnProcess(this.kernel, {
        path, bytes: this.kernel.files.get(path)!,
        argv: path === this.initPath() && this.options.argv ? this.options.argv : [path],
        envp: this.options.envp ?? DEFAULT_ENV,
      });
    } catch (e) {
      if (e instanceof LoadRefusal) return `cannot execute ${path} (${e.code}): ${e.message}`;
      throw e;
    }
  }

  /**
   * Host side: a file from the host (dropped on the web page) at absolute `path`, e.g. /home/prog: a writable,
   * executable ramfs file the shell can run, and a boot file start(path) can run when no shell is there.
   */
  addFile(path: string, bytes: Uint8Array): void {
    this.kernel.files.add(path, bytes);
    this.kernel.fs.install(path, bytes, 0o755, true);
  }

  /** Host side: bytes typed at the terminal (or read from a pipe). */
  input(bytes: Uint8Array | string): void {
    this.kernel.machine.uart.pushInput(bytes);
    this.wakeUp();
  }

  /** Host side: the input has ended (a pipe closed); reads return end of file once drained. */
  endInput(): void {
    // In line mode a last line without "\n" is handed over by an end-of-file key, as a terminal's Ctrl-D does.
    if (this.lineMode) this.kernel.machine.uart.pushInput(Uint8Array.of(LINE_MODE_EOF));
    this.kernel.consoleInput.closed = true;
    this.wakeUp();
  }

  /** Host side: the terminal's size changed (ignored unless both are positive integers); a change raises
   *  SIGWINCH at the terminal's processes. */
  resize(cols: number, rows: number): void {
    if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols <= 0 || rows <= 0) return;
    this.kernel.consoleInput.setWinsize(cols, rows);
    this.wakeUp();
  }

  /** The terminal size the guest sees. */
  get winsize(): { cols: number; rows: number } { return { ...this.kernel.consoleInput.winsize }; }

  /** Host side: stop running the guest until resume() (output backpressure). Input is still queued. */
  pause(): void { this.paused = true; }
  resume(): void {
    this.paused = false;
    this.wakeUp();
  }

  /** Host side: kills every process; start() then resolves with 'power-off'. */
  powerOff(): void {
    if (this.poweredOff) return;
    this.poweredOff = true;
    for (const p of this.kernel.processes.values()) if (p.alive) exitProcess(this.kernel, p, { kind: 'signaled', signal: Signal.SIGKILL });
    this.wakeUp();
  }

  get isPoweredOff(): boolean { return this.poweredOff; }

  private wakeUp(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Sleeps until input, resume, power-off, or `ms` milliseconds (forever when undefined). */
  private waitForWake(ms: number | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      function done(): void {
        if (timer !== undefined) clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => this.whilePaused());
  }

  /** One host turn between slices; then waits as long as the host keeps the session paused. */
  private async yieldTurn(): Promise<void> {
    this.endIfInitGone();
    await this.options.yieldToHost();
    await this.whilePaused();
  }

  private async whilePaused(): Promise<void> {
    this.endIfInitGone();
    while (this.paused && !this.poweredOff) {
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
  }

  /** When init has ended, the machine powers off: processes left over are killed. */
  private endIfInitGone(): void {
    if (!this.init || this.init.alive) return;
    for (const p of this.kernel.processes.values()) if (p.alive) exitProcess(this.kernel, p, { kind: 'signaled', signal: Signal.SIGKILL });
  }
}

/** Ctrl-D: in line mode the end-of-file key, fed once when the host input ends. */
const LINE_MODE_EOF = 4;

/** A line discipline that only splits input into lines: canonical mode, no echo, signals or editing keys. */
function lineAtATime(): LineDiscipline {
  const d = new LineDiscipline(() => {}, () => {});
  const t = defaultTermios();
  t.iflag = 0;
  t.oflag = 0;
  t.lflag = ICANON;
  t.cc[VEOF] = LINE_MODE_EOF;
  t.cc[VERASE] = 0;
  t.cc[VKILL] = 0;
  d.setTermios(t);
  return d;
}
