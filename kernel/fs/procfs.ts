// /proc: what the kernel holds, rendered as text when a file is opened.
//   /proc/cpuinfo        the hart in Linux's riscv layout (arch/riscv/kernel/cpu.c c_show): processor, hart,
//                        isa, mmu, mvendorid, marchid, mimpid, then a blank line
//   /proc/meminfo        memory in Linux's layout ("MemTotal:" padded to 16 columns, value in 8, " kB")
//   /proc/chunks         the 2 MiB chunk map, one character per chunk ('#' used, '.' free), then a newline
//   /proc/uptime         seconds since boot
//   /proc/PID/maps       the regions in Linux's exact format (fs/proc/task_mmu.c show_map_vma)
//   /proc/PID/status     Name, State, Pid, PPid, VmSize, VmRSS, Threads
//   /proc/PID/stat       Linux's one-line form: pid (comm) state ppid pgrp session tty_nr tpgid ...; utime and
//                        cutime count instructions at 100 MHz plus a kernel program's host time, in ticks of 10 ms
//   /proc/PID/cmdline    argv, each followed by a NUL
//   /proc/PID/perf       the process's perf counters (kernel/perf/report.ts), empty when it is not counted
//   /proc/PID/heap       the malloc heap block by block (format in kernel/mem/heap/format.ts)
//   /proc/self           the calling process's directory

import { HART_ISA_LINUX } from '../../abi/hart-isa.js';
import type { Kernel } from '../kernel.js';
import { PAGE_SIZE } from '../mem/layout.js';
import { formatHeap } from '../mem/heap/format.js';
import { walkHeap } from '../mem/heap/walk.js';
import { formatMaps } from '../mem/maps.js';
import { cpuMsOf, type Process } from '../proc/process.js';
import { perfReport } from '../sys/perf.js';
import { S_IFDIR, S_IFREG, nextIno, type Node, type SynthDir, type SynthFile } from './node.js';

const kb = (label: string, kib: number): string => `${(label + ':').padEnd(16)}${String(kib).padStart(8)} kB\n`;

function meminfo(k: Kernel): string {
  const total = k.machine.ram.sizeBytes / 1024;
  const free = k.frames.availableFrames * (PAGE_SIZE / 1024);
  return kb('MemTotal', total) + kb('MemFree', free) + kb('MemAvailable', free)
    + kb('Committed_AS', k.commit.committedPages * 4) + kb('CommitLimit', k.commit.limitPages * 4)
    + kb('KernelChunk', 2048) + `${'Chunks:'.padEnd(16)}${String(k.chunks.chunkCount).padStart(8)}\n`
    + `${'ChunksFree:'.padEnd(16)}${String(k.chunks.freeChunks).padStart(8)}\n`
    + `${'FramesUsed:'.padEnd(16)}${String(k.frames.usedFrames).padStart(8)}\n`;
}

/**
 * The one hart as Linux 6.x describes a RISC-V hart: labels padded with tabs to the same column, the ISA
 * string of print_isa(), the paging mode of print_mmu(), and zero vendor/architecture/implementation ids
 * (Pagoda is no registered implementation; zero is what the spec says such harts report).
 */
function cpuinfo(): string {
  return 'processor\t: 0\nhart\t\t: 0\n'
    + `isa\t\t: ${HART_ISA_LINUX}\nmmu\t\t: sv32\n`
    + 'mvendorid\t: 0x0\nmarchid\t\t: 0x0\nmimpid\t\t: 0x0\n\n';
}

/** The one-letter state ps shows: R running or runnable, S sleeping, T stopped, Z zombie. */
export function stateOf(p: Process): string {
  if (!p.alive) return 'Z (zombie)';
  if (p.stopped) return 'T (stopped)';
  return p.blocked ? 'S (sleeping)' : 'R (running)';
}

function status(p: Process): string {
  const comm = (p.name.split('/').pop() ?? p.name).slice(0, 15);
  const vm = p.alive ? p.space.committedPages * 4 : 0;
  const rss = p.alive ? p.space.residentPages * 4 : 0;
  return `Name:\t${comm}\nState:\t${stateOf(p)}\nPid:\t${p.pid}\nPPid:\t${p.ppid}\n`
    + `VmSize:\t${String(vm).padStart(8)} kB\nVmRSS:\t${String(rss).padStart(8)} kB\nThreads:\t1\n`;
}

/**
 * /proc/PID/stat in Linux's field order (fs/proc/array.c do_task_stat) for the fields Pagoda keeps: pid, (comm),
 * state, ppid, pgrp, session, tty_nr (5:1, the console, for its session), tpgid (the console's foreground group,
 * -1 without a terminal); the counters Pagoda does not keep are 0; vsize in bytes and rss in pages.
 */
function statLine(k: Kernel, p: Process): string {
  const comm = (p.name.split('/').pop() ?? p.name).slice(0, 15);
  const onConsole = k.consoleInput.jobs.session !== 0 && k.consoleInput.jobs.session === p.sid && !p.detachedTty;
  const ttyNr = onConsole ? (5 << 8) | 1 : 0;
  const tpgid = onConsole ? k.consoleInput.jobs.foreground : -1;
  const vsize = p.alive ? p.space.committedPages * PAGE_SIZE : 0;
  const rss = p.alive ? p.space.residentPages : 0;
  // flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime
  const ticks = (ms: number): number => Math.floor(ms / 10);
  const middle = [0, 0, 0, 0, 0, ticks(cpuMsOf(p)), 0, ticks(p.reapedCpuMs), 0, 20, 0, 1, 0, ticks(p.startMs)];
  return `${p.pid} (${comm}) ${stateOf(p)[0]} ${p.ppid} ${p.pgid} ${p.sid} ${ttyNr} ${tpgid} ${middle.join(' ')} ${vsize} ${rss}\n`;
}

function synthFile(render: () => string, mtimeMs: number): SynthFile {
  return { kind: 'sfile', ino: nextIno(), mode: S_IFREG | 0o444, mtimeMs, render };
}

/** The /proc/PID directory of `p`. */
function processDir(k: Kernel, p: Process, mtimeMs: number): SynthDir {
  const files: Record<string, () => string> = {
    maps: () => (p.alive ? formatMaps(p.space.regions.all()) : ''),
    stat: () => statLine(k, p),
    status: () => status(p),
    cmdline: () => p.argv.map((a) => a + '\0').join(''),
    perf: () => (p.perf ? perfReport(p) : ''),
    heap: () => (p.alive ? formatHeap(walkHeap(p.space, p.heap)) : ''),
  };
  return {
    kind: 'sdir', ino: nextIno(), mode: S_IFDIR | 0o555, mtimeMs,
    list: () => Object.keys(files).sort(),
    lookup: (name) => (files[name] ? synthFile(files[name], mtimeMs) : undefined),
  };
}

/** The /proc directory for kernel `k`; `self` names the calling process. */
export function procRoot(k: Kernel): SynthDir {
  const bootMs = k.realtimeMs();
  const files: Record<string, () => string> = {
    cpuinfo,
    meminfo: () => meminfo(k),
    chunks: () => k.chunks.render() + '\n',
    uptime: () => `${(k.monotonicMs() / 1000).toFixed(2)} 0.00\n`,
  };
  const lookup = (name: string): Node | undefined => {
    if (files[name]) return synthFile(files[name], bootMs);
    const p = name === 'self' ? k.current : /^[1-9][0-9]*$/.test(name) ? k.processes.get(Number(name)) : undefined;
    return p ? processDir(k, p, bootMs) : undefined;
  };
  return {
    kind: 'sdir', ino: nextIno(), mode: S_IFDIR | 0o555, mtimeMs: bootMs,
    list: () => [...Object.keys(files).sort(), ...[...k.processes.keys()].sort((a, b) => a - b).map(String)],
    lookup,
  };
}
