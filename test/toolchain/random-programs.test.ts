// Differential CPU test through our own toolchain: 1200 seeded random RV32IMA programs, written as GNU assembly
// text, are assembled by our `as` and linked by our `ld` (50 programs per executable), then run under
// qemu-riscv32 and on Pagoda (booted kernel, `run`). Every program prints its final x1..x31 and its scratch
// buffer as hex; the two outputs must be equal line for line. A mismatch names the program, the differing
// registers and prints the program's source.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble, formatDiagnostic as asMessage } from '../../toolchain/as/index.js';
import { formatDiagnostic as ldMessage, link } from '../../toolchain/ld/index.js';
import { findSection, readElf, sectionBytes } from '../../abi/elfread.js';
import { bootTestKernel, type TestKernel } from '../harness.js';
import { executableSource, randomProgram, wordName, WORDS_PER_PROGRAM } from './random-asm.js';

const QEMU = '/usr/bin/qemu-riscv32';
const GAS = '/usr/bin/riscv64-unknown-elf-as';
const hasQemu = existsSync(QEMU);
const hasGas = existsSync(GAS);
if (!hasQemu) console.warn('test/toolchain/random-programs: qemu-riscv32 not installed, skipping the differential CPU test');
if (!hasGas) console.warn('test/toolchain/random-programs: riscv64-unknown-elf-as not installed, skipping the GNU as check');

const EXECUTABLES = 24;
const PROGRAMS_PER_EXECUTABLE = 50;
const INSTRUCTIONS_PER_PROGRAM = 60;
const seedOf = (program: number): number => (0x9a60da00 + program * 104729) >>> 0;

interface Built {
  exe: Uint8Array;
  /** The source of each program, by global program index. */
  sources: Map<number, string>;
}

/** Generates, assembles and links executable `n`; throws with every diagnostic when our tools refuse it. */
function build(n: number): Built {
  const sources = new Map<number, string>();
  for (let i = 0; i < PROGRAMS_PER_EXECUTABLE; i++) {
    const index = n * PROGRAMS_PER_EXECUTABLE + i;
    sources.set(index, randomProgram(index, seedOf(index), INSTRUCTIONS_PER_PROGRAM));
  }
  const name = `random-${n}.s`;
  const asm = assemble(executableSource([...sources.values()]), name);
  if (!asm.object) throw new Error(`our as refused ${name}:\n` + asm.diagnostics.map((d) => asMessage(d)).join('\n'));
  const linked = link([{ name: `random-${n}.o`, bytes: asm.object }]);
  if (!linked.executable) throw new Error(`our ld refused random-${n}.o:\n` + linked.diagnostics.map((d) => ldMessage(d)).join('\n'));
  return { exe: linked.executable, sources };
}

/** The first program whose dump differs: its index, the differing words and its source; '' when equal. */
function firstMismatch(qemu: string, pagoda: string, built: Built): string {
  const q = qemu.split('\n');
  const p = pagoda.split('\n');
  for (let start = 0; start < Math.max(q.length, p.length); start += WORDS_PER_PROGRAM) {
    const diffs: string[] = [];
    for (let w = 0; w < WORDS_PER_PROGRAM; w++) {
      if (q[start + w] !== p[start + w]) diffs.push(`  ${wordName(w)}: qemu ${q[start + w]} pagoda ${p[start + w]}`);
    }
    if (diffs.length === 0) continue;
    const index = parseInt(q[start] ?? p[start] ?? '', 16);
    const source = built.sources.get(index) ?? '(unknown program)';
    return `program ${index} (seed 0x${seedOf(index).toString(16)}) differs:\n${diffs.join('\n')}\nits source:\n${source}`;
  }
  return '';
}

describe.skipIf(!hasQemu)('random RV32IMA programs built by our as and ld: qemu-riscv32 and Pagoda agree', () => {
  let dir = '';
  let kernel: TestKernel;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pagoda-random-'));
    kernel = bootTestKernel({ memMiB: 32 });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('generates the same text from the same seed and another text from another seed', () => {
    expect(randomProgram(7, seedOf(7), 60)).toBe(randomProgram(7, seedOf(7), 60));
    expect(randomProgram(7, seedOf(8), 60)).not.toBe(randomProgram(7, seedOf(7), 60));
  });

  it.skipIf(!hasGas)('generates valid GNU assembly: GNU as gives the same .text bytes as ours', () => {
    const source = executableSource([0, 1, 2, 3].map((i) => randomProgram(i, seedOf(i), INSTRUCTIONS_PER_PROGRAM)));
    writeFileSync(join(dir, 'gnu.s'), source);
    execFileSync(GAS, ['-march=rv32ima_zicsr', '-mabi=ilp32', '-mno-relax', '-o', join(dir, 'gnu.o'), join(dir, 'gnu.s')]);
    const text = (bytes: Uint8Array): Uint8Array => {
      const elf = readElf(bytes);
      return sectionBytes(elf, findSection(elf, '.text')!);
    };
    const ours = assemble(source, 'gnu.s').object!;
    expect(Buffer.from(text(ours)).equals(Buffer.from(text(new Uint8Array(readFileSync(join(dir, 'gnu.o'))))))).toBe(true);
  });

  it('reports a mismatch with the program index, the differing register and the program source', () => {
    const built = build(0);
    const lines = Array.from({ length: 2 * WORDS_PER_PROGRAM }, (_, i) => (i % WORDS_PER_PROGRAM === 0 ? (i / WORDS_PER_PROGRAM).toString(16).padStart(8, '0') : '00000000'));
    const other = [...lines];
    other[WORDS_PER_PROGRAM + 10] = '00000001';
    const message = firstMismatch(lines.join('\n'), other.join('\n'), built);
    expect(message).toContain('program 1 ');
    expect(message).toContain('x10: qemu 00000000 pagoda 00000001');
    expect(message).toContain('prog_1:');
  });

  for (let n = 0; n < EXECUTABLES; n++) {
    const first = n * PROGRAMS_PER_EXECUTABLE;
    it(`programs ${first}..${first + PROGRAMS_PER_EXECUTABLE - 1} end with equal registers and scratch memory`, async () => {
      const built = build(n);
      const path = join(dir, `random-${n}`);
      writeFileSync(path, built.exe, { mode: 0o755 });
      const q = spawnSync(QEMU, [path], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 60_000 });
      expect(q.status, `qemu-riscv32 ${path}: ${q.stderr}`).toBe(0);
      expect(q.stdout.split('\n').length - 1).toBe(PROGRAMS_PER_EXECUTABLE * WORDS_PER_PROGRAM);
      const r = await kernel.run(built.exe, { path: '/bin/random' });
      expect(r.messages, 'kernel fault messages').toEqual([]);
      expect(r.status).toBe(0);
      const mismatch = firstMismatch(q.stdout, r.stdout, built);
      expect(mismatch, mismatch).toBe('');
      expect(kernel.counters()).toEqual(kernel.bootCounters);
    });
  }
});
