// Differential test against qemu-riscv32: random RV32IMA programs (ALU, M, loads/stores of every
// width, forward branches, jal, lui/auipc, AMOs) run on Pagoda's machine and under qemu-user;
// the final registers and a 4 KiB scratch area must agree byte for byte.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Program } from '../../bench/program.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, EDGES, hex, prng, R, runUntilTrap } from './support.js';

const hasQemu = spawnSync('qemu-riscv32', ['--version']).status === 0;
if (!hasQemu) console.warn('test/machine/differential: qemu-riscv32 not found, skipping the differential tests');

const LOAD_VA = 0x10000;
const CODE_VA = 0x10100;          // code follows the ELF and program headers in the one segment
const BUF = 0x40000;              // 32 saved registers, then the scratch area
const SCRATCH = BUF + 128;
const SCRATCH_BYTES = 4096;
const DUMP_BYTES = 128 + SCRATCH_BYTES;
const BASE = R.tp;                // scratch base register (never written by the random part)
const DUMP = R.gp;                // dump base register (never written by the random part)

const ALU = ['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and',
  'mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu'];
const ALU_IMM = ['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi'];
const SHIFT_IMM = ['slli', 'srli', 'srai'];
const BRANCHES = ['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu'];
const LOADS: [string, number][] = [['lb', 1], ['lbu', 1], ['lh', 2], ['lhu', 2], ['lw', 4]];
const STORES: [string, number][] = [['sb', 1], ['sh', 2], ['sw', 4]];
const AMOS = ['amoswap.w', 'amoadd.w', 'amoxor.w', 'amoand.w', 'amoor.w', 'amomin.w', 'amomax.w', 'amominu.w', 'amomaxu.w'];

/** A random program: registers seeded with edge and random values, `count` random instructions, a dump. */
function randomProgram(seed: number, count: number, misaligned = false): Program {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[(rnd() >>> 0) % xs.length];
  const reg = (): number => pick([0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 28, 29, 30, 31]);
  const dst = reg;
  const p = new Program(CODE_VA);
  for (let r = 1; r < 32; r++) if (r !== BASE && r !== DUMP) p.li(r, rnd() & 1 ? pick(EDGES) : rnd());
  p.li(DUMP, BUF).li(BASE, SCRATCH + 2048);
  for (let i = 0; i < count; i++) {
    const kind = (rnd() >>> 0) % 100;
    if (kind < 35) p.emit(pick(ALU), dst(), reg(), reg());
    else if (kind < 50) p.emit(pick(ALU_IMM), dst(), reg(), (rnd() % 2048) | 0);
    else if (kind < 57) p.emit(pick(SHIFT_IMM), dst(), reg(), (rnd() >>> 0) % 32);
    else if (kind < 60) p.emit(pick(['lui', 'auipc']), dst(), rnd() & 0xfffff000);
    else if (kind < 70) {
      const [name, width] = pick(LOADS);
      p.emit(name, dst(), BASE, (((rnd() % 2040) | 0) & (misaligned ? -1 : -width)));
    } else if (kind < 80) {
      const [name, width] = pick(STORES);
      p.emit(name, reg(), BASE, (((rnd() % 2040) | 0) & (misaligned ? -1 : -width)));
    } else if (kind < 92) {
      // A forward branch over 1 to 3 instructions that write registers.
      const skip = 1 + ((rnd() >>> 0) % 3);
      p.emit(pick(BRANCHES), reg(), reg(), 4 * (skip + 1));
      for (let k = 0; k < skip; k++) p.emit('addi', dst(), reg(), (rnd() % 2048) | 0);
    } else if (kind < 95) {
      p.emit('jal', dst(), 8).emit('addi', dst(), reg(), 1);
    } else {
      // An AMO on an aligned scratch word: address = BASE + offset in a temporary (t6).
      p.emit('addi', R.t6, BASE, ((rnd() % 2040) | 0) & -4).emit(pick(AMOS), dst(), reg(), R.t6);
    }
  }
  for (let r = 1; r < 32; r++) p.emit('sw', r, DUMP, 4 * r);
  p.emit('ecall'); // Pagoda stops here; qemu goes on to write(1, BUF, DUMP_BYTES) and exit(0)
  p.li(R.a0, 1).emit('add', R.a1, DUMP, R.zero).li(R.a2, DUMP_BYTES).li(R.a7, 64).emit('ecall');
  p.li(R.a0, 0).li(R.a7, 93).emit('ecall');
  return p;
}

/** A static ELF32 RISC-V executable: one RWX PT_LOAD from LOAD_VA holding headers, then code; bss to cover BUF. */
function elfOf(p: Program): Uint8Array {
  const code = p.bytes();
  const fileBytes = CODE_VA - LOAD_VA + code.length;
  const out = new Uint8Array(fileBytes);
  const v = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);           // ELF, 32-bit, little-endian, version 1
  v.setUint16(16, 2, true);                              // ET_EXEC
  v.setUint16(18, 243, true);                            // EM_RISCV
  v.setUint32(20, 1, true);
  v.setUint32(24, CODE_VA, true);                        // e_entry
  v.setUint32(28, 52, true);                             // e_phoff
  v.setUint16(40, 52, true);                             // e_ehsize
  v.setUint16(42, 32, true);                             // e_phentsize
  v.setUint16(44, 1, true);                              // e_phnum
  v.setUint32(52, 1, true);                              // PT_LOAD
  v.setUint32(56, 0, true);                              // p_offset
  v.setUint32(60, LOAD_VA, true);                        // p_vaddr
  v.setUint32(64, LOAD_VA, true);                        // p_paddr
  v.setUint32(68, fileBytes, true);                      // p_filesz
  v.setUint32(72, BUF + DUMP_BYTES - LOAD_VA, true);     // p_memsz
  v.setUint32(76, 7, true);                              // PF_R | PF_W | PF_X
  v.setUint32(80, 0x1000, true);                         // p_align
  out.set(code, CODE_VA - LOAD_VA);
  return out;
}

function runQemu(elf: Uint8Array, dir: string, name: string): Uint8Array {
  const path = join(dir, name);
  writeFileSync(path, elf, { mode: 0o755 });
  const r = spawnSync('qemu-riscv32', [path], { maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`qemu-riscv32 exited ${r.status}: ${r.stderr.toString()}`);
  return new Uint8Array(r.stdout);
}

/**
 * The dump after running `p` on both CPU tiers: the interpreter, and the translator compiling every page the
 * first time it runs (jitHotVisits 1). The two must agree byte for byte before either is compared with qemu.
 */
function runPagoda(p: Program): Uint8Array {
  const dumps = [{ jit: false }, { jit: true, jitHotVisits: 1 }].map((tier) => {
    const m = bareMachine(p, tier);
    const t = runUntilTrap(m, 1_000_000);
    if (t !== Trap.Ecall) throw new Error(`pagoda (jit ${tier.jit}) stopped with trap ${t} at ${hex(m.cpu.pc)}`);
    return m.ram.readBytes(BUF, DUMP_BYTES);
  });
  expect(firstDifference(dumps[1], dumps[0]), 'translator vs interpreter').toBe('');
  return dumps[0];
}

/** First difference as a readable line, or ''. */
function firstDifference(ours: Uint8Array, theirs: Uint8Array): string {
  if (ours.length !== theirs.length) return `length ${ours.length} vs ${theirs.length}`;
  const a = new DataView(ours.buffer), b = new DataView(theirs.buffer);
  for (let off = 0; off < ours.length; off += 4) {
    if (a.getUint32(off, true) !== b.getUint32(off, true)) {
      const where = off < 128 ? `x${off / 4}` : `scratch+${off - 128}`;
      return `${where}: pagoda ${hex(a.getUint32(off, true))}, qemu ${hex(b.getUint32(off, true))}`;
    }
  }
  return '';
}

describe.skipIf(!hasQemu)('differential: random programs against qemu-riscv32', () => {
  const seeds = Array.from({ length: 16 }, (_, i) => 0x5eed0000 + i * 7919);

  it.each(seeds)('seed %i: registers and scratch memory agree after 400 random instructions', (seed) => {
    const dir = mkdtempSync(join(tmpdir(), 'pagoda-diff-'));
    try {
      const p = randomProgram(seed, 400);
      const theirs = runQemu(elfOf(p), dir, `prog-${seed}`);
      const ours = runPagoda(p);
      expect(theirs.length).toBe(DUMP_BYTES);
      expect(theirs.subarray(128).some((b) => b !== 0), 'the program stored into scratch').toBe(true);
      expect(firstDifference(ours, theirs)).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(seeds.slice(0, 6))('seed %i: agree with misaligned loads and stores mixed in', (seed) => {
    const dir = mkdtempSync(join(tmpdir(), 'pagoda-diff-'));
    try {
      const p = randomProgram(seed ^ 0xa5a5, 400, true);
      const theirs = runQemu(elfOf(p), dir, `prog-${seed}`);
      expect(firstDifference(runPagoda(p), theirs)).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
