// The Node terminal host: boots a console session (kernel/session.ts) on the user's terminal.
//   With a TTY: raw mode, every key to the guest (Ctrl-C too); Ctrl-A x powers off, Ctrl-A h helps (see
//   cli/console-escape.ts); the terminal size is reported at start and on every resize; the terminal is
//   restored on every way out — normal end, power-off, uncaught exception, SIGTERM/SIGHUP/SIGINT/SIGQUIT.
//   With piped stdin: stdin feeds the console, its end is end of file, the machine powers off when init exits.
// `pagoda boot [--mem MiB] [--init PATH] [--host-dir DIR]` runs it (cli/boot.ts calls main() here).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { readCpio } from '../abi/cpio.js';
import { ConsoleSession, INIT_CANDIDATES, type SessionEnd } from '../kernel/session.js';
import { KernelPanic } from '../kernel/panic.js';
import { readBootImage } from './boot-image.js';
import { ESCAPE_HELP, EscapeDecoder } from './console-escape.js';
import { NodeHostDir } from './host-dir.js';
import type { HostDir } from '../kernel/fs/hostdir.js';

/** The parts of process.stdin the host uses (tests pass fakes). */
export interface HostInput {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  on(event: 'end' | 'error', listener: () => void): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: string, listener: (...args: any[]) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** The parts of process.stdout the host uses. */
export interface HostOutput {
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  write(bytes: Uint8Array | string): boolean;
  on(event: 'resize' | 'drain', listener: () => void): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: string, listener: (...args: any[]) => void): unknown;
}

export interface ConsoleHostOptions {
  memMiB?: number;
  bootImage?: Uint8Array;
  files?: Readonly<Record<string, Uint8Array>>;
  init?: string;
  /** A host directory to mount at /host. */
  hostDir?: HostDir;
  /** Run the kernel auditor after every process exit (a broken invariant is a kernel panic). */
  audit?: boolean;
  /** False: interpret only (--no-jit). */
  jit?: boolean;
  stdin: HostInput;
  stdout: HostOutput;
  /** Host messages (power-off, no boot program); default: stdout. */
  message?: (line: string) => void;
  /** Called with the session once booted (tests and embedders look at the kernel through it). */
  onSession?: (session: ConsoleSession) => void;
}

/** What leaving raw mode needs: set by the running host, used by the process-level exit handlers. */
let restoreTerminal: (() => void) | undefined;

/** Leaves raw mode and resets what a guest may have changed (attributes, hidden cursor). Idempotent. */
function makeRestore(stdin: HostInput, stdout: HostOutput): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    try { stdin.setRawMode?.(false); } catch { /* the terminal is gone */ }
    try { stdout.write('\x1b[0m\x1b[?25h'); } catch { /* the terminal is gone */ }
  };
}

/** Exit status for how the session ended: init's status, 0 for power-off, 1 without a boot program. */
export function exitStatusOf(end: SessionEnd): number {
  if (end.kind === 'init-exited') return end.status;
  return end.kind === 'power-off' ? 0 : 1;
}

/**
 * Runs a console session on `stdin`/`stdout` until init ends or the user powers off, and returns the exit
 * status (exitStatusOf). The terminal is back in its original mode when this returns or throws.
 */
export async function runConsoleHost(opts: ConsoleHostOptions): Promise<number> {
  const { stdin, stdout } = opts;
  const say = opts.message ?? ((line: string) => { stdout.write(line + '\r\n'); });
  const interactive = !!stdin.isTTY && typeof stdin.setRawMode === 'function';
  const session = new ConsoleSession({
    memMiB: opts.memMiB, bootImage: opts.bootImage, files: opts.files, init: opts.init, hostDir: opts.hostDir, audit: opts.audit, jit: opts.jit,
    // A TTY gets the kernel's line discipline (editing, echo, Ctrl-C as SIGINT); a pipe gets its lines as they are.
    terminal: interactive,
    lineInput: !interactive,
    output: (bytes) => { if (!stdout.write(bytes)) session.pause(); },
    yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
  });
  opts.onSession?.(session);
  const restore = interactive ? makeRestore(stdin, stdout) : (): void => {};
  const escape = new EscapeDecoder();
  const onData = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk);
    if (!interactive) return session.input(bytes);
    const { toGuest, commands } = escape.feed(bytes);
    if (toGuest.length > 0) session.input(toGuest);
    for (const c of commands) {
      if (c === 'help') stdout.write('\r\n' + ESCAPE_HELP);
      else session.powerOff();
    }
  };
  const onEnd = (): void => session.endInput();
  const onResize = (): void => session.resize(stdout.columns ?? 0, stdout.rows ?? 0);
  const onDrain = (): void => session.resume();
  if (stdout.isTTY) onResize();
  if (interactive) {
    stdin.setRawMode!(true);
    restoreTerminal = restore;
  }
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  stdin.on('error', onEnd);
  stdout.on('resize', onResize);
  stdout.on('drain', onDrain);
  stdin.resume();
  try {
    const end = await session.start();
    if (end.kind === 'no-init') say(`pagoda: ${end.message}`);
    if (end.kind === 'power-off') say('\r\npagoda: power off');
    return exitStatusOf(end);
  } finally {
    stdin.off('data', onData);
    stdin.off('end', onEnd);
    stdin.off('error', onEnd);
    stdout.off('resize', onResize);
    stdout.off('drain', onDrain);
    stdin.pause();
    restore();
    restoreTerminal = undefined;
  }
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 };

/**
 * Makes the process restore the terminal on every exit path: signals (then exit 128 + n), an uncaught
 * exception or rejection (then the error on stderr, exit 70), and plain exit. Returns the uninstaller.
 */
export function installTerminalGuards(): () => void {
  const onExit = (): void => restoreTerminal?.();
  const onSignal = (sig: NodeJS.Signals): void => {
    restoreTerminal?.();
    process.exit(128 + (SIGNALS[sig] ?? 0));
  };
  const onCrash = (e: unknown): void => {
    restoreTerminal?.();
    const what = e instanceof KernelPanic ? e.message : e instanceof Error ? e.stack ?? e.message : String(e);
    process.stderr.write(`\npagoda: ${what}\n`);
    process.exit(70);
  };
  process.on('exit', onExit);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  for (const sig of Object.keys(SIGNALS)) process.on(sig as NodeJS.Signals, onSignal);
  return () => {
    process.off('exit', onExit);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    for (const sig of Object.keys(SIGNALS)) process.off(sig as NodeJS.Signals, onSignal);
  };
}

export const CONSOLE_USAGE = 'usage: pagoda boot [--mem MiB] [--init PATH] [--host-dir DIR] [--audit] [--no-jit]\n' +
  '  --no-jit: interpret every instruction (no translation of hot code to JS)\n' +
  '  --audit: check every kernel invariant after each process exit (a broken one is a kernel panic)\n' +
  '  PATH: the boot program, a path in the boot image or a host ELF file (default: /sbin/init, /bin/init, /bin/sh)\n' +
  '  DIR: a host directory mounted read-write at /host (nothing outside it is reachable)\n' +
  '  keys: Ctrl-A x power off, Ctrl-A h help; everything else (Ctrl-C too) goes to the guest\n';

export interface ConsoleArgs { memMiB: number; init?: string; hostDir?: string; help?: boolean; audit?: boolean; jit?: boolean }

/** Parses `[--mem MiB] [--init PATH] [--host-dir DIR]`; a message on bad input. */
export function parseConsoleArgs(argv: string[]): ConsoleArgs | string {
  const out: ConsoleArgs = { memMiB: 128 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string | undefined => (a === name ? argv[++i] : a.slice(name.length + 1));
    if (a === '--mem' || a.startsWith('--mem=')) {
      const v = value('--mem');
      out.memMiB = Number(v);
      if (!Number.isInteger(out.memMiB) || out.memMiB < 16 || out.memMiB > 1024 || out.memMiB % 2 !== 0) {
        return `--mem takes an even number of MiB from 16 to 1024, got '${v ?? ''}'`;
      }
    } else if (a === '--init' || a.startsWith('--init=')) {
      const v = value('--init');
      if (!v) return '--init needs a path';
      out.init = v;
    } else if (a === '--host-dir' || a.startsWith('--host-dir=')) {
      const v = value('--host-dir');
      if (!v) return '--host-dir needs a directory';
      out.hostDir = v;
    } else if (a === '--audit') out.audit = true;
    else if (a === '--no-jit') out.jit = false;
    else if (a === '-h' || a === '--help') out.help = true;
    else return `unknown argument '${a}'`;
  }
  return out;
}

/** A host file given as --init becomes /bin/<name> in the boot files; a boot-image path stays as it is. */
function resolveInit(init: string | undefined): { init?: string; files: Record<string, Uint8Array> } | string {
  if (init === undefined || !existsSync(init)) return { init, files: {} };
  if (!statSync(init).isFile()) return `--init ${init}: not a regular file`;
  const path = `/bin/${basename(init)}`;
  return { init: path, files: { [path]: new Uint8Array(readFileSync(init)) } };
}

/** `pagoda boot [--mem MiB] [--init PATH]`. */
export async function main(argv: string[]): Promise<number> {
  const args = parseConsoleArgs(argv);
  const init = typeof args === 'string' ? args : resolveInit(args.init);
  if (typeof args === 'string' || typeof init === 'string') {
    process.stderr.write(`pagoda boot: ${typeof args === 'string' ? args : init}\n${CONSOLE_USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(CONSOLE_USAGE);
    return 0;
  }
  let hostDir: NodeHostDir | undefined;
  try {
    hostDir = args.hostDir === undefined ? undefined : new NodeHostDir(args.hostDir);
  } catch (e) {
    process.stderr.write(`pagoda boot: --host-dir ${args.hostDir}: ${(e as Error).message}\n`);
    return 2;
  }
  const uninstall = installTerminalGuards();
  try {
    return await runConsoleHost({
      memMiB: args.memMiB, bootImage: readBootImage(), files: init.files, init: init.init, hostDir, audit: args.audit, jit: args.jit,
      stdin: process.stdin, stdout: process.stdout,
      message: (line) => { process.stderr.write(line.replace(/\r/g, '') + '\n'); },
    });
  } finally {
    uninstall();
  }
}

/**
 * True when `pagoda boot ARGV` has a boot program to run: --init names one, or the boot image holds one of
 * INIT_CANDIDATES. (Until the shell lands, cli/boot.ts falls back to its machine demo otherwise.)
 */
export function canBootConsole(argv: string[]): boolean {
  const args = parseConsoleArgs(argv);
  if (typeof args === 'string' || args.init !== undefined || args.help) return true;
  const image = readBootImage();
  if (!image) return false;
  try {
    const names = new Set(readCpio(image).map((e) => '/' + e.name.replace(/^\/+/, '')));
    return INIT_CANDIDATES.some((p) => names.has(p));
  } catch {
    return true; // a malformed image: let the kernel's boot say so
  }
}
