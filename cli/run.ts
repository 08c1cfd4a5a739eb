// `pagoda run [--mem MiB] [--verbose] PROG [ARGS...]`: boot quietly, run PROG (a host ELF file, or a path in
// the boot image) as pid 1 with ARGS and the host's environment (as qemu-user does), connect stdin, stdout and
// stderr, and exit with its status (128 + signal when killed).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boot } from '../kernel/boot.js';
import { runUntilDone } from '../kernel/driver.js';
import { spawnProcess } from '../kernel/proc/spawn.js';
import type { Kernel } from '../kernel/kernel.js';
import { exitProcess } from '../kernel/proc/lifecycle.js';
import { shellStatus } from '../kernel/proc/process.js';
import { LoadRefusal } from '../loader/refusal.js';

const SIGPIPE = 13;
const USAGE = 'usage: pagoda run [--mem MiB] [--verbose] PROG [ARGS...]\n';

interface RunArgs {
  memMiB: number;
  verbose: boolean;
  prog: string;
  args: string[];
}

/** Parses the options before PROG; everything from PROG on belongs to the program. */
function parseArgs(argv: string[]): RunArgs | string {
  let memMiB = 128;
  let verbose = false;
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const a = argv[i];
    if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--mem' || a.startsWith('--mem=')) {
      const v = a === '--mem' ? argv[++i] : a.slice(6);
      memMiB = Number(v);
      if (!Number.isInteger(memMiB) || memMiB < 16 || memMiB > 1024 || memMiB % 2 !== 0) {
        return `--mem takes an even number of MiB from 16 to 1024, got '${v ?? ''}'`;
      }
    } else if (a === '--') { i++; break; }
    else return `unknown option '${a}'`;
  }
  if (i >= argv.length) return 'missing PROG';
  return { memMiB, verbose, prog: argv[i], args: argv.slice(i + 1) };
}

/** The boot image built by `npm run build`, if there is one. */
function findBootImage(): Uint8Array | undefined {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const candidates = [process.env.PAGODA_BOOT_IMAGE, join(root, 'dist', 'boot.cpio')];
  for (const c of candidates) if (c && existsSync(c)) return new Uint8Array(readFileSync(c));
  return undefined;
}

/** PROG's bytes: a host file first, then the boot image. */
function loadProgram(k: Kernel, prog: string): Uint8Array | string {
  if (existsSync(prog)) {
    if (!statSync(prog).isFile()) return `${prog}: not a regular file`;
    return new Uint8Array(readFileSync(prog));
  }
  const inImage = k.files.get(prog.startsWith('/') ? prog : '/' + prog);
  return inImage ?? `${prog}: no such file on the host or in the boot image`;
}

/** Feeds host stdin to the console; resolves waiters when input arrives or ends. */
function connectStdin(k: Kernel): { wait: (ms: number | undefined) => Promise<void>; close: () => void } {
  let wake: (() => void) | undefined;
  const onData = (chunk: Buffer): void => { k.machine.uart.pushInput(new Uint8Array(chunk)); wake?.(); };
  const onEnd = (): void => { k.consoleInput.closed = true; wake?.(); };
  process.stdin.on('data', onData);
  process.stdin.on('end', onEnd);
  process.stdin.on('error', onEnd);
  return {
    wait: (ms) => new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      function done(): void { if (timer) clearTimeout(timer); wake = undefined; resolve(); }
      wake = done;
    }),
    close: () => {
      process.stdin.off('data', onData);
      process.stdin.off('end', onEnd);
      process.stdin.pause();
      process.stdin.unref?.();
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`pagoda run: ${parsed}\n${USAGE}`);
    return 2;
  }
  let stdoutClosed = false;
  const k = boot({
    memMiB: parsed.memMiB,
    bootImage: findBootImage(),
    sinks: {
      stdout: (b) => { if (!stdoutClosed) process.stdout.write(b); },
      stderr: (b) => { process.stderr.write(b); },
      message: (line) => { process.stderr.write(line + '\n'); },
      bootLog: (line) => { if (parsed.verbose) process.stderr.write(line + '\n'); },
    },
  });
  const bytes = loadProgram(k, parsed.prog);
  if (typeof bytes === 'string') {
    process.stderr.write(`pagoda run: ${bytes}\n`);
    return 127;
  }
  const envp = Object.entries(process.env).map(([key, v]) => `${key}=${v ?? ''}`);
  let pid: number;
  try {
    pid = spawnProcess(k, { path: parsed.prog, bytes, argv: [parsed.prog, ...parsed.args], envp }).pid;
  } catch (e) {
    if (!(e instanceof LoadRefusal)) throw e;
    process.stderr.write(`pagoda run: ${parsed.prog}: cannot execute (${e.code}): ${e.message}\n`);
    return e.code === 'no-memory' ? 12 : 126;
  }
  // A closed stdout pipe (`pagoda run prog | head`) ends the program with SIGPIPE, as a write on Linux would.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stdoutClosed = true;
    const p = k.processes.get(pid);
    if (p && p.alive) exitProcess(k, p, { kind: 'signaled', signal: SIGPIPE });
  });
  const stdin = connectStdin(k);
  try {
    await runUntilDone(k, { waitForInput: stdin.wait, yieldToHost: () => new Promise((r) => setImmediate(r)) });
  } finally {
    stdin.close();
  }
  const p = k.processes.get(pid)!;
  if (parsed.verbose) process.stderr.write(`pagoda: pid ${pid} ended: ${JSON.stringify(p.status)}\n`);
  return shellStatus(p.status!);
}
