// `pagoda run [--mem MiB] [--verbose] [--host-dir DIR | --no-host-dir] PROG [ARGS...]`: boot quietly, mount
// the host's current directory (or DIR) at /host and start there PROG (a RISC-V executable of the host, or a
// path in the machine such as /bin/ls) as pid 1 with ARGS and the host's environment (as qemu-user does),
// connect stdin, stdout and stderr, and exit with its status (128 + signal when killed).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EM_RISCV, ELFCLASS32 } from '../abi/elf.js';
import { auditKernel } from '../kernel/audit/audit.js';
import { boot } from '../kernel/boot.js';
import { runUntilDone } from '../kernel/driver.js';
import { spawnProcess } from '../kernel/proc/spawn.js';
import type { Kernel } from '../kernel/kernel.js';
import { exitProcess } from '../kernel/proc/lifecycle.js';
import { shellStatus } from '../kernel/proc/process.js';
import { LoadRefusal } from '../loader/refusal.js';
import { NodeHostDir } from './host-dir.js';

import { OUTPUT_PER_TURN, drained, releaseInput, throttleInput } from './flow.js';
import { parseCacheSpec, type CacheLevelSpec } from '../machine/perf/cache.js';
import { PerfSession } from '../kernel/perf/session.js';
import { perfReport } from '../kernel/sys/perf.js';

const SIGPIPE = 13;
export const RUN_USAGE = `usage: pagoda run [--mem MiB] [--verbose] [--audit] [--no-jit] [--host-dir DIR | --no-host-dir]
                  [--malloc-trace FILE] [--perf [--cache SPEC]] PROG [ARGS...]
  PROG: a RISC-V executable on the host, or a path in the machine (boot image) such as /bin/ls;
        a host file wins only when it is a RISC-V ELF32 executable
  --mem MiB       RAM size, an even number from 16 to 1024 (default 128)
  --verbose, -v   the boot log on stderr
  --host-dir DIR  the host directory mounted at /host, where the program starts (default: the current one)
  --no-host-dir   mount no host directory; the program starts in /
  --audit         check every kernel invariant after each process exit, and once more at the end
  --no-jit        interpret every instruction (no translation of hot code to JS)
  --malloc-trace FILE  write the program's malloc trace (JSON lines, see README) to FILE, a host file
                  inside the shared directory (MALLOC_TRACE=/host/... in the program's environment)
  --perf          count the program's instructions, loads, stores, TLB hits/misses, page faults and system
                  calls; the report goes to stderr when it ends (README: "What memory costs")
  --cache SPEC    with --perf, simulate caches, e.g. l1d=32k:8:64,l2=512k:16:64 (NAME=SIZE:WAYS:LINE[:CYCLES])
  --help, -h      this help
`;

interface RunArgs {
  memMiB: number;
  verbose: boolean;
  /** The host directory to mount at /host; undefined with --no-host-dir. */
  hostDir: string | undefined;
  /** Audit every kernel invariant after each process exit. */
  audit: boolean;
  /** Translate hot code (false: --no-jit). */
  jit: boolean;
  /** --malloc-trace: the trace file as a host path (absolute). */
  mallocTrace?: string;
  /** --perf: count the program; `cache` the levels of --cache. */
  perf?: { cache: CacheLevelSpec[] | undefined };
  prog: string;
  args: string[];
}

/** Parses the options before PROG; everything from PROG on belongs to the program. 'help' for --help. */
export function parseRunArgs(argv: string[], cwd: string): RunArgs | 'help' | string {
  let memMiB = 128;
  let verbose = false;
  let hostDir: string | undefined = cwd;
  let audit = false;
  let jit = true;
  let mallocTrace: string | undefined;
  let perf = false;
  let cache: CacheLevelSpec[] | undefined;
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const a = argv[i];
    const value = (name: string): string | undefined => (a === name ? argv[++i] : a.slice(name.length + 1));
    if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--audit') audit = true;
    else if (a === '--no-jit') jit = false;
    else if (a === '--help' || a === '-h') return 'help';
    else if (a === '--mem' || a.startsWith('--mem=')) {
      const v = value('--mem');
      memMiB = Number(v);
      if (!Number.isInteger(memMiB) || memMiB < 16 || memMiB > 1024 || memMiB % 2 !== 0) {
        return `--mem takes an even number of MiB from 16 to 1024, got '${v ?? ''}'`;
      }
    } else if (a === '--host-dir' || a.startsWith('--host-dir=')) {
      const v = value('--host-dir');
      if (!v) return '--host-dir needs a directory';
      hostDir = resolve(cwd, v);
    } else if (a === '--no-host-dir') hostDir = undefined;
    else if (a === '--perf') perf = true;
    else if (a === '--cache' || a.startsWith('--cache=')) {
      const levels = parseCacheSpec(value('--cache') ?? '');
      if (typeof levels === 'string') return `--cache: ${levels}`;
      cache = levels;
    } else if (a === '--malloc-trace' || a.startsWith('--malloc-trace=')) {
      const v = value('--malloc-trace');
      if (!v) return '--malloc-trace needs a file';
      mallocTrace = resolve(cwd, v);
    }
    else if (a === '--') { i++; break; }
    else return `unknown option '${a}'`;
  }
  if (i >= argv.length) return 'missing PROG';
  if (mallocTrace !== undefined && machineTracePath(mallocTrace, hostDir) === undefined) {
    return `--malloc-trace ${mallocTrace}: the file must be inside the shared directory (${hostDir ?? 'none: --no-host-dir'})`;
  }
  if (cache && !perf) return '--cache needs --perf';
  return { memMiB, verbose, audit, jit, hostDir, mallocTrace, perf: perf ? { cache } : undefined, prog: argv[i], args: argv.slice(i + 1) };
}

/** The machine's path (/host/...) of host file `file` under `hostDir`, or undefined when it lies outside. */
function machineTracePath(file: string, hostDir: string | undefined): string | undefined {
  if (hostDir === undefined) return undefined;
  const rel = relative(hostDir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return '/host/' + rel.split(sep).join('/');
}

/** The boot image built by `npm run build`, if there is one. */
function findBootImage(): Uint8Array | undefined {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const candidates = [process.env.PAGODA_BOOT_IMAGE, join(root, 'dist', 'boot.cpio')];
  for (const c of candidates) if (c && existsSync(c)) return new Uint8Array(readFileSync(c));
  return undefined;
}

/** True for an ELF32 file whose machine is RISC-V (e_machine at offset 18). */
export function isRiscvElf32(bytes: Uint8Array): boolean {
  return bytes.length >= 20 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46
    && bytes[4] === ELFCLASS32 && (bytes[18] | (bytes[19] << 8)) === EM_RISCV;
}

/** The program to start: its bytes and the path it runs as; or a message and the exit status. */
type Chosen = { bytes: Uint8Array; path: string; note?: string } | { error: string; status: number };

/**
 * Which file PROG names: a host file that is a RISC-V ELF32 executable; else the machine's own file of that
 * path; else a host file that is not (the loader then says precisely why it cannot run); else an error
 * naming both places looked at. A host file inside the mounted directory runs as its /host path.
 */
export function chooseProgram(k: Kernel, prog: string, cwd: string, hostDir: string | undefined): Chosen {
  const hostPath = resolve(cwd, prog);
  const machinePath = prog.startsWith('/') ? prog : '/' + prog;
  const onHost = existsSync(hostPath) && statSync(hostPath).isFile() ? new Uint8Array(readFileSync(hostPath)) : undefined;
  const asHost = (bytes: Uint8Array): Chosen => {
    const rel = hostDir === undefined ? undefined : relative(hostDir, hostPath);
    const inside = rel !== undefined && rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
    return { bytes, path: inside ? '/host/' + rel.split(sep).join('/') : prog };
  };
  if (onHost && isRiscvElf32(onHost)) return asHost(onHost);
  const inMachine = k.files.get(machinePath);
  if (inMachine) return { bytes: inMachine, path: machinePath };
  if (onHost) return { ...asHost(onHost), note: `; the machine has no ${machinePath} either` };
  const hostWhat = existsSync(hostPath) ? 'is not a regular file' : 'does not exist';
  return {
    error: `${prog}: not found: on the host, ${hostPath} ${hostWhat}; in the machine, ${machinePath} does not exist`,
    status: 127,
  };
}

/** Feeds host stdin to the console; resolves waiters when input arrives or ends. */
function connectStdin(k: Kernel): { wait: (ms: number | undefined) => Promise<void>; close: () => void } {
  let wake: (() => void) | undefined;
  const onData = (chunk: Buffer): void => {
    k.machine.uart.pushInput(new Uint8Array(chunk));
    throttleInput(k, process.stdin);
    wake?.();
  };
  const onEnd = (): void => { k.consoleInput.closed = true; wake?.(); };
  process.stdin.on('data', onData);
  process.stdin.on('end', onEnd);
  process.stdin.on('error', onEnd);
  return {
    wait: (ms) => new Promise<void>((resolve) => {
      releaseInput(k, process.stdin);
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
  const parsed = parseRunArgs(argv, process.cwd());
  if (parsed === 'help') {
    process.stdout.write(RUN_USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`pagoda run: ${parsed}\n${RUN_USAGE}`);
    return 2;
  }
  let hostDir: NodeHostDir | undefined;
  if (parsed.hostDir !== undefined) {
    try {
      hostDir = new NodeHostDir(parsed.hostDir);
    } catch (e) {
      process.stderr.write(`pagoda run: --host-dir ${parsed.hostDir}: ${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}\n`);
      return 2;
    }
  }
  let stdoutClosed = false;
  const k = boot({
    memMiB: parsed.memMiB,
    audit: parsed.audit,
    jit: parsed.jit ? undefined : false,
    consoleOutputPerTurn: OUTPUT_PER_TURN,
    bootImage: findBootImage(),
    hostDir,
    sinks: {
      stdout: (b) => { if (!stdoutClosed) process.stdout.write(b); },
      stderr: (b) => { process.stderr.write(b); },
      message: (line) => { process.stderr.write(line + '\n'); },
      bootLog: (line) => { if (parsed.verbose) process.stderr.write(line + '\n'); },
    },
  });
  const chosen = chooseProgram(k, parsed.prog, process.cwd(), parsed.hostDir);
  if ('error' in chosen) {
    process.stderr.write(`pagoda run: ${chosen.error}\n`);
    return chosen.status;
  }
  const envp = Object.entries(process.env).filter(([key]) => key !== 'MALLOC_TRACE' || !parsed.mallocTrace)
    .map(([key, v]) => `${key}=${v ?? ''}`);
  if (parsed.mallocTrace) envp.push(`MALLOC_TRACE=${machineTracePath(parsed.mallocTrace, parsed.hostDir)}`);
  let pid: number;
  try {
    const p = spawnProcess(k, { path: chosen.path, bytes: chosen.bytes, argv: [parsed.prog, ...parsed.args], envp });
    if (hostDir) p.cwd = '/host';
    if (parsed.perf) p.perf = new PerfSession(k.machine.ram, parsed.perf.cache);
    pid = p.pid;
  } catch (e) {
    if (!(e instanceof LoadRefusal)) throw e;
    process.stderr.write(`pagoda run: ${parsed.prog}: cannot execute (${e.code}): ${e.message}${chosen.note ?? ''}\n`);
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
    await runUntilDone(k, {
      waitForInput: stdin.wait,
      yieldToHost: async () => {
        releaseInput(k, process.stdin);
        await drained([process.stdout, process.stderr]);
        await new Promise((r) => setImmediate(r));
      },
    });
  } finally {
    stdin.close();
  }
  const p = k.processes.get(pid)!;
  // With no process left, a clean audit also proves every frame and chunk came back (a frame nobody maps is
  // reported as leaked).
  if (parsed.audit) auditKernel(k, 'at the end of the run');
  if (parsed.verbose) process.stderr.write(`pagoda: pid ${pid} ended: ${JSON.stringify(p.status)}\n`);
  if (p.perf) process.stderr.write(perfReport(p));
  return shellStatus(p.status!);
}
