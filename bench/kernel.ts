// Kernel benchmarks (group `kernel`): boot to the first user instruction, demand-paging fault service, and
// exec of a 1 MiB program. Programs are built in memory (no toolchain needed): a one-segment ELF per workload.

import { EHDR_SIZE, Ehdr, ElfType, EM_RISCV, EV_CURRENT, Phdr, PHDR_SIZE, PhType } from '../abi/elf.js';
import { Sys } from '../abi/syscalls.js';
import { boot } from '../kernel/boot.js';
import { runUntilDone } from '../kernel/driver.js';
import { spawnProcess } from '../kernel/proc/spawn.js';
import type { Kernel } from '../kernel/kernel.js';
import { runSlice } from '../kernel/sched.js';
import { Program } from './program.js';
import type { BenchRow } from './row.js';

const [zero, t0, t1, a0, a7] = [0, 5, 6, 10, 17];
const TEXT = 0x10000;

/** A static ELF32 RISC-V executable: `code` at 0x10000 (R-X) followed by `data` (RW-) on the next page. */
export function tinyExecutable(code: Uint8Array, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const codeOff = 0x1000;
  const dataOff = codeOff + Math.ceil(code.length / 0x1000) * 0x1000;
  const segments = data.length > 0 ? 2 : 1;
  const out = new Uint8Array(dataOff + data.length);
  const v = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
  v.setUint16(Ehdr.TYPE, ElfType.EXEC, true); v.setUint16(Ehdr.MACHINE, EM_RISCV, true);
  v.setUint32(Ehdr.VERSION, EV_CURRENT, true); v.setUint32(Ehdr.ENTRY, TEXT, true);
  v.setUint32(Ehdr.PHOFF, EHDR_SIZE, true); v.setUint16(Ehdr.EHSIZE, EHDR_SIZE, true);
  v.setUint16(Ehdr.PHENTSIZE, PHDR_SIZE, true); v.setUint16(Ehdr.PHNUM, segments, true);
  const ph = (i: number, off: number, va: number, size: number, flags: number): void => {
    const o = EHDR_SIZE + PHDR_SIZE * i;
    const fields: [Phdr, number][] = [[Phdr.TYPE, PhType.LOAD], [Phdr.OFFSET, off], [Phdr.VADDR, va], [Phdr.PADDR, va],
      [Phdr.FILESZ, size], [Phdr.MEMSZ, size], [Phdr.FLAGS, flags], [Phdr.ALIGN, 0x1000]];
    for (const [field, value] of fields) v.setUint32(o + field, value, true);
  };
  ph(0, codeOff, TEXT, code.length, 5);
  if (data.length > 0) ph(1, dataOff, TEXT + dataOff - codeOff, data.length, 6);
  out.set(code, codeOff);
  out.set(data, dataOff);
  return out;
}

const exitProgram = (): Program => new Program(TEXT).li(a0, 0).li(a7, Sys.exit).emit('ecall');

/** Runs every process of `k` to its end, without waiting for input (none of these programs reads). */
async function finish(k: Kernel): Promise<void> {
  await runUntilDone(k, { waitForInput: async () => {}, yieldToHost: async () => {} });
}

/** Microseconds from nothing to the first retired user instruction: boot, exec, one instruction. */
export function measureBoot(memMiB = 128): number {
  const image = tinyExecutable(exitProgram().bytes());
  const t = performance.now();
  const k = boot({ memMiB, sinks: { bootLog: () => {}, message: () => {} } });
  spawnProcess(k, { path: '/bench/exit', bytes: image, argv: ['exit'], envp: [] });
  runSlice(k, 1);
  return (performance.now() - t) * 1000;
}

/** The touch program: grows the heap by `mib` MiB with sbrk, stores to each new page once, gives it back. */
function touchProgram(mib: number): Uint8Array {
  const pages = (mib << 20) / 4096;
  const p = new Program(TEXT)
    .li(a0, mib << 20).li(a7, Sys.sbrk).emit('ecall')          // a0 = old break = start of the new heap
    .li(t0, pages)
    .label('touch').emit('sw', t0, a0, 0).emit('addi', a0, a0, 2047).emit('addi', a0, a0, 2047).emit('addi', a0, a0, 2)
    .emit('addi', t0, t0, -1).emit('bne', t0, zero, 'touch')
    .li(a0, 0).li(a7, Sys.exit).emit('ecall');
  return tinyExecutable(p.bytes());
}

/**
 * Microseconds per demand-paging fault while a program touches `mib` MiB of fresh heap, one store per page.
 * `cold`: the first run on a new machine, where the host OS must also supply each page of the emulated RAM
 * on first touch; `warm`: the median of three more runs on the same kernel (frames recycled: the steady state).
 */
export async function measurePageFault(mib = 64): Promise<{ cold: number; warm: number; faults: number }> {
  const pages = (mib << 20) / 4096;
  const k = boot({ memMiB: Math.max(128, mib * 2), sinks: { bootLog: () => {}, message: () => {} } });
  const once = async (): Promise<number> => {
    spawnProcess(k, { path: '/bench/touch', bytes: touchProgram(mib), argv: ['touch'], envp: [] });
    const t = performance.now();
    await finish(k);
    return ((performance.now() - t) * 1000) / pages;
  };
  const cold = await once();
  const warm = median([await once(), await once(), await once()]);
  return { cold, warm, faults: pages };
}

/**
 * Microseconds to exec a program with 1 MiB of initialized data and run it to its exit (check, plan, map,
 * copy 1 MiB, build the stack, run, free): cold on a new machine, warm the median of three more runs.
 */
export async function measureExec1MiB(): Promise<{ cold: number; warm: number }> {
  const data = new Uint8Array(1 << 20).map((_, i) => i & 0xff);
  const image = tinyExecutable(exitProgram().bytes(), data);
  const k = boot({ sinks: { bootLog: () => {}, message: () => {} } });
  const once = async (): Promise<number> => {
    const t = performance.now();
    spawnProcess(k, { path: '/bench/big', bytes: image, argv: ['big'], envp: [] });
    await finish(k);
    return (performance.now() - t) * 1000;
  };
  const cold = await once();
  const warm = median([await once(), await once(), await once()]);
  return { cold, warm };
}

const round = (n: number): number => Math.round(n * 100) / 100;
/** The middle value: this machine is shared and noisy, so one run says little. */
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The `kernel` group rows: boot, page-fault, exec-1mib, each with `microseconds` (steady state; page-fault
 *  and exec-1mib also give `coldMicroseconds`, which includes the host's first touch of emulated RAM). */
export async function kernelBench(): Promise<BenchRow[]> {
  measureBoot(); // warm the JIT once, then report the median of five boots
  const bootUs = median([measureBoot(), measureBoot(), measureBoot(), measureBoot(), measureBoot()]);
  const fault = await measurePageFault(64);
  const exec = await measureExec1MiB();
  return [
    { group: 'kernel', name: 'boot', microseconds: round(bootUs) },
    { group: 'kernel', name: 'page-fault', microseconds: round(fault.warm), coldMicroseconds: round(fault.cold), faults: fault.faults },
    { group: 'kernel', name: 'exec-1mib', microseconds: round(exec.warm), coldMicroseconds: round(exec.cold) },
  ];
}
