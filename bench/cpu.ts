// CPU workloads on the bare machine with paging on: code at 0x10000 (R-X), data from 0x100000
// (RW-), page tables in RAM. Each workload ends in ecall; MIPS = retired instructions / seconds. Every workload
// runs on both CPU tiers in the same run: the interpreter (`tier: interp`) and the translator (`tier: jit`,
// with `vsInterp`, its speed over the interpreter's row just before).

import { Pte } from '../abi/riscv.js';
import { Machine } from '../machine/machine.js';
import { Trap } from '../machine/trap.js';
import { Program } from './program.js';
import { BenchRow } from './row.js';
import { Sv32Builder } from './sv32.js';

const CODE_VA = 0x10000;
const DATA_VA = 0x100000;
const DATA_PA = 0x400000;
const DATA_BYTES = 16 * 1024 * 1024 + 4096;
const TABLES_PA = 0x200000;
const CODE_PA = 0x300000;

// Register numbers by ABI name, for readable workloads.
const [zero, t0, t1, t2, a0, a1, a2, a3, a4, a5, a6, a7, s1] = [0, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 9];

/** alu-loop: eleven ALU instructions per iteration, mostly register-to-register. */
function aluLoop(iterations: number): Program {
  const p = new Program(CODE_VA).li(t0, iterations).li(a0, 1).li(a1, 0x1234567);
  p.label('loop')
    .emit('add', a0, a0, t0).emit('xor', a1, a1, a0).emit('slli', a2, a0, 3).emit('srli', a3, a1, 2)
    .emit('or', a4, a2, a3).emit('and', a5, a4, a0).emit('sub', a6, a5, a1).emit('sltu', a7, a6, a0)
    .emit('addi', a0, a0, 1).emit('addi', t0, t0, -1).emit('bne', t0, zero, 'loop');
  return p.emit('ecall');
}

/** memcpy: copies 64 KiB word by word (4x unrolled), `rounds` times. */
function memcpy(rounds: number): Program {
  const p = new Program(CODE_VA).li(s1, rounds);
  p.label('round').li(a0, DATA_VA).li(a1, DATA_VA + 0x10000).li(a2, DATA_VA + 0x10000);
  p.label('copy')
    .emit('lw', t0, a0, 0).emit('lw', t1, a0, 4).emit('lw', t2, a0, 8).emit('lw', a3, a0, 12)
    .emit('sw', t0, a1, 0).emit('sw', t1, a1, 4).emit('sw', t2, a1, 8).emit('sw', a3, a1, 12)
    .emit('addi', a0, a0, 16).emit('addi', a1, a1, 16).emit('bltu', a0, a2, 'copy')
    .emit('addi', s1, s1, -1).emit('bne', s1, zero, 'round');
  return p.emit('ecall');
}

/** muldiv: a dependent mix of mul, mulh, mulhu, div, divu, rem, remu. */
function mulDiv(iterations: number): Program {
  const p = new Program(CODE_VA).li(t0, iterations).li(a0, 0x12345679).li(a1, 0x7654321).li(a5, 12345);
  p.label('loop')
    .emit('mul', a2, a0, a1).emit('mulh', a3, a0, a2).emit('mulhu', a4, a2, a1).emit('add', a0, a0, a4)
    .emit('div', a6, a2, a5).emit('divu', a7, a3, a5).emit('rem', t1, a2, a5).emit('remu', t2, a0, a5)
    .emit('xor', a1, a1, a6).emit('add', a1, a1, t1).emit('addi', t0, t0, -1).emit('bne', t0, zero, 'loop');
  return p.emit('ecall');
}

/** pointer-chase: follows a cycle of 262,144 nodes spread over the 4,096 pages of 16 MiB. */
function pointerChase(steps: number): Program {
  const p = new Program(CODE_VA).li(t0, steps).li(a0, DATA_VA);
  p.label('loop')
    .emit('lw', a0, a0, 0).emit('lw', a0, a0, 0).emit('lw', a0, a0, 0).emit('lw', a0, a0, 0)
    .emit('addi', t0, t0, -1).emit('bne', t0, zero, 'loop');
  return p.emit('ecall');
}

// Encoders of the few D instructions fpKernel uses (Unprivileged ISA table 24.2), until the instruction
// table that Program.emit reads knows F and D. Floating-point registers by number.
const fld = (fd: number, rs1: number, imm: number): number => (imm << 20) | (rs1 << 15) | (3 << 12) | (fd << 7) | 0x07;
const fsd = (fs: number, rs1: number, imm: number): number =>
  ((imm >> 5) << 25) | (fs << 20) | (rs1 << 15) | (3 << 12) | ((imm & 31) << 7) | 0x27;
/** An OP-FP double operation (funct7 with fmt D) with the dynamic rounding mode. */
const opD = (funct7: number, fd: number, fs1: number, fs2: number): number =>
  (funct7 << 25) | (fs2 << 20) | (fs1 << 15) | (7 << 12) | (fd << 7) | 0x53;
const [FADD_D, FSUB_D, FMUL_D, FDIV_D, FCVT_D_W] = [0x01, 0x05, 0x09, 0x0d, 0x69];
/** fmadd.d fd = fs1 * fs2 + fs3, dynamic rounding mode. */
const fmaddD = (fd: number, fs1: number, fs2: number, fs3: number): number =>
  (fs3 << 27) | (1 << 25) | (fs2 << 20) | (fs1 << 15) | (7 << 12) | (fd << 7) | 0x43;
const [ft0, ft1, ft2, ft3, ft5, fs0, fa0, fa1] = [0, 1, 2, 3, 5, 8, 10, 11];

/**
 * fp-kernel: over 1,024 doubles x[k] = k/1024, `rounds` times y[k] = (0.5 y[k] + x[k]) - that / (x[k]^2 + 1):
 * two fld, fmadd.d, fmul.d, fadd.d, fdiv.d, fsub.d, fsd and three integer instructions per element (y stays
 * bounded; most results are inexact, as in real numeric code).
 */
function fpKernel(rounds: number): Program {
  const n = 1024;
  const p = new Program(CODE_VA).li(t0, 1).word(opD(FCVT_D_W, fa1, t0, 0)).li(t0, 2).word(opD(FCVT_D_W, ft5, t0, 0));
  p.word(opD(FDIV_D, fa0, fa1, ft5)).li(t0, n).word(opD(FCVT_D_W, ft5, t0, 0)).word(opD(FDIV_D, fs0, fa1, ft5));
  p.li(a0, DATA_VA).li(t1, 0).li(a2, n);
  p.label('init').word(opD(FCVT_D_W, ft0, t1, 0)).word(opD(FMUL_D, ft0, ft0, fs0)).word(fsd(ft0, a0, 0))
    .emit('addi', a0, a0, 8).emit('addi', t1, t1, 1).emit('bltu', t1, a2, 'init');
  p.li(s1, rounds);
  p.label('round').li(a0, DATA_VA).li(a1, DATA_VA + 8 * n).li(a2, DATA_VA + 8 * n);
  p.label('loop')
    .word(fld(ft0, a0, 0)).word(fld(ft1, a1, 0)).word(fmaddD(ft1, ft1, fa0, ft0)).word(opD(FMUL_D, ft2, ft0, ft0))
    .word(opD(FADD_D, ft2, ft2, fa1)).word(opD(FDIV_D, ft3, ft1, ft2)).word(opD(FSUB_D, ft1, ft1, ft3)).word(fsd(ft1, a1, 0))
    .emit('addi', a0, a0, 8).emit('addi', a1, a1, 8).emit('bltu', a0, a2, 'loop')
    .emit('addi', s1, s1, -1).emit('bne', s1, zero, 'round');
  return p.emit('ecall');
}

/**
 * Links 262,144 nodes of 64 bytes into one cycle that visits a different 4 KiB page at every
 * step: all 4,096 pages in turn, then again one node further into each. Every load needs a
 * new translation, while the host's caches still see a regular stride (a random order measures
 * host DRAM latency instead: about 9 MIPS here).
 */
function buildChain(m: Machine): void {
  const pages = 4096;
  const nodes = (16 * 1024 * 1024) / 64;
  const address = (k: number): number => (k % pages) * 4096 + Math.floor(k / pages) * 64;
  for (let k = 0; k < nodes; k++) m.ram.write32(DATA_PA + address(k), DATA_VA + address((k + 1) % nodes));
}

/** A machine with the program mapped and paging on, pc at its start; `jit` picks the CPU tier. */
export function pagedMachine(program: Program, jit = true): Machine {
  const m = new Machine({ ramBytes: 64 * 1024 * 1024, jit });
  const tables = new Sv32Builder(m.ram, TABLES_PA);
  const code = program.bytes();
  m.ram.writeBytes(CODE_PA, code);
  tables.map(CODE_VA, CODE_PA, code.length, Pte.R | Pte.X | Pte.U);
  tables.map(DATA_VA, DATA_PA, DATA_BYTES, Pte.R | Pte.W | Pte.U);
  m.cpu.setSatp(tables.satp);
  m.cpu.pc = CODE_VA;
  return m;
}

/** Runs to the final ecall; returns retired instructions and seconds. */
function measure(m: Machine): { instructions: number; seconds: number } {
  const start = performance.now();
  const before = m.cpu.instret;
  for (;;) {
    const trap = m.run(50_000_000);
    if (trap === Trap.Ecall) break;
    if (trap !== Trap.Budget) throw new Error(`bench: workload trapped (${trap}) at pc 0x${m.cpu.pc.toString(16)}`);
  }
  return { instructions: m.cpu.instret - before, seconds: (performance.now() - start) / 1000 };
}

/** The two rows of a workload: `build(jit)` makes its machine on each tier. */
function rows(name: string, build: (jit: boolean) => Machine): BenchRow[] {
  const interp = measure(build(false));
  const jit = measure(build(true));
  const mips = (r: { instructions: number; seconds: number }): number => round(r.instructions / r.seconds / 1e6, 1);
  return [
    { group: 'cpu', name, tier: 'interp', instructions: interp.instructions, seconds: round(interp.seconds, 4), mips: mips(interp) },
    {
      group: 'cpu', name, tier: 'jit', instructions: jit.instructions, seconds: round(jit.seconds, 4), mips: mips(jit),
      vsInterp: round(interp.seconds / jit.seconds, 1),
    },
  ];
}

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

/** The cpu group: alu-loop, memcpy, muldiv, pointer-chase, fp, each on both tiers. `scale` 1 is the full run. */
export function cpuBench(scale = 1): BenchRow[] {
  const chase = (jit: boolean): Machine => {
    const m = pagedMachine(pointerChase(Math.round(10_000_000 * scale)), jit);
    buildChain(m);
    return m;
  };
  return [
    ...rows('alu-loop', (jit) => pagedMachine(aluLoop(Math.round(20_000_000 * scale)), jit)),
    ...rows('memcpy', (jit) => pagedMachine(memcpy(Math.round(1500 * scale)), jit)),
    ...rows('muldiv', (jit) => pagedMachine(mulDiv(Math.round(10_000_000 * scale)), jit)),
    ...rows('pointer-chase', chase),
    ...rows('fp', (jit) => pagedMachine(fpKernel(Math.round(2000 * scale)), jit)),
  ];
}
