// Differential test of the F and D extensions against qemu-riscv32: batches of random programs
// (test/machine/fpu/programs.ts: every RV32F/RV32D instruction, static and dynamic rounding modes,
// edge operands, badly boxed singles, misaligned FP loads and stores, the fcsr pseudo-instructions)
// are assembled and linked by GNU as/ld, run under qemu-user and on Pagoda's machine; every f and
// x register, fcsr and the scratch memory of every program must agree bit for bit.
// FP_DIFF_PROGRAMS=<n> changes how many programs run (default 5,000).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Machine } from '../../machine/machine.js';
import { Trap } from '../../machine/trap.js';
import { BLOCK_BYTES, F_OUT, FCSR_OUT, randomBatch, SCRATCH, X_OUT } from './fpu/programs.js';
import { hex, runUntilTrap, TEST_RAM } from './support.js';

const tools = ['qemu-riscv32', 'riscv64-unknown-elf-as', 'riscv64-unknown-elf-ld', 'riscv64-unknown-elf-objcopy'];
const missing = tools.filter((t) => spawnSync(t, ['--version']).status !== 0);
if (missing.length) console.warn(`test/machine/fp-differential: ${missing.join(', ')} not found, skipping`);

const TEXT = 0x10000;
const PROGRAMS = Number(process.env.FP_DIFF_PROGRAMS ?? 5000);
const PER_BATCH = 250;
const LENGTH = 40;

interface Built {
  elf: string;
  image: Uint8Array;
  blocks: number;
}

/** Assembles and links a batch; the flat image starts at TEXT, and `blocks` is the blocks' address. */
function build(dir: string, seed: number, programs: number): Built {
  const s = join(dir, `b${seed}.s`);
  const o = join(dir, `b${seed}.o`);
  const elf = join(dir, `b${seed}`);
  const bin = join(dir, `b${seed}.bin`);
  writeFileSync(s, randomBatch(seed, programs, LENGTH).source);
  const run = (cmd: string, args: string[]): string => {
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
    return r.stdout;
  };
  run('riscv64-unknown-elf-as', ['-march=rv32imafd', '-mabi=ilp32d', '-o', o, s]);
  run('riscv64-unknown-elf-ld', ['-m', 'elf32lriscv', `-Ttext=0x${TEXT.toString(16)}`, '-o', elf, o]);
  run('riscv64-unknown-elf-objcopy', ['-O', 'binary', elf, bin]);
  const symbols = run('riscv64-unknown-elf-nm', [elf]);
  const blocks = parseInt(/^([0-9a-f]+) d blocks$/m.exec(symbols)![1], 16);
  return { elf, image: new Uint8Array(readFileSync(bin)), blocks };
}

function runQemu(b: Built, bytes: number): Uint8Array {
  const r = spawnSync('qemu-riscv32', [b.elf], { maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`qemu-riscv32 exited ${r.status}: ${r.stderr.toString()}`);
  expect(r.stdout.length).toBe(bytes);
  return new Uint8Array(r.stdout);
}

/** Batches also run on the translator (every page compiled the first time it runs): a few, for the time. */
const TRANSLATED_BATCHES = 2;

function runPagoda(b: Built, bytes: number, translate = false): Uint8Array {
  const m = new Machine({ ramBytes: TEST_RAM, jit: translate, jitHotVisits: 1 });
  m.ram.writeBytes(TEXT, b.image);
  m.cpu.pc = TEXT;
  const t = runUntilTrap(m, 10_000_000);
  if (t !== Trap.Ecall) throw new Error(`pagoda stopped with trap ${t} at ${hex(m.cpu.pc)} (tval ${hex(m.cpu.tval)})`);
  return m.ram.readBytes(b.blocks, bytes);
}

/** Where in a program's block an offset falls, for the failure message. */
function field(offset: number): string {
  if (offset >= FCSR_OUT) return 'fcsr';
  if (offset >= X_OUT) return `x${(offset - X_OUT) >> 2}`;
  if (offset >= F_OUT) return `f${(offset - F_OUT) >> 3} ${offset & 4 ? 'high' : 'low'} word`;
  if (offset >= SCRATCH) return `scratch+${offset - SCRATCH}`;
  return `input+${offset}`;
}

/** The first few differences, one line each: program, field, Pagoda's word and qemu's. */
function differences(seed: number, ours: Uint8Array, theirs: Uint8Array): string[] {
  const a = new DataView(ours.buffer, ours.byteOffset);
  const b = new DataView(theirs.buffer, theirs.byteOffset);
  const out: string[] = [];
  for (let off = 0; off < ours.length && out.length < 8; off += 4) {
    const u = a.getUint32(off, true);
    const v = b.getUint32(off, true);
    if (u !== v) out.push(`batch ${seed} program ${Math.floor(off / BLOCK_BYTES)} ${field(off % BLOCK_BYTES)}: pagoda ${hex(u)}, qemu ${hex(v)}`);
  }
  return out;
}

describe.skipIf(missing.length > 0)('differential: random F/D programs against qemu-riscv32', () => {
  const batches = Math.ceil(PROGRAMS / PER_BATCH);
  it(`${PROGRAMS} programs of ${LENGTH} random F/D instructions (the first ${TRANSLATED_BATCHES * PER_BATCH} translated too) leave every register, fcsr and memory as qemu does`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagoda-fpdiff-'));
    try {
      const failures: string[] = [];
      for (let i = 0; i < batches; i++) {
        const seed = 0xf0d0 + i;
        const programs = Math.min(PER_BATCH, PROGRAMS - i * PER_BATCH);
        const b = build(dir, seed, programs);
        const bytes = programs * BLOCK_BYTES;
        const theirs = runQemu(b, bytes);
        failures.push(...differences(seed, runPagoda(b, bytes), theirs));
        if (i < TRANSLATED_BATCHES) failures.push(...differences(seed, runPagoda(b, bytes, true), theirs).map((d) => `translated: ${d}`));
      }
      expect(failures).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
