// Assembly programs built in-process by our own assembler and linker (toolchain/as, toolchain/ld), run on the
// kernel: one per syscall group and per fault. Where qemu-riscv32 is present, the same executables run there
// too and must end the same way.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../toolchain/as/index.js';
import { link } from '../../toolchain/ld/index.js';
import { bootTestKernel } from '../harness.js';
import { hasQemu } from './progs/build.js';

const ASM_DIR = join(__dirname, 'asm');

function build(name: string): Uint8Array {
  const source = readFileSync(join(ASM_DIR, `${name}.s`), 'utf8');
  const as = assemble(source, `${name}.s`);
  if (!as.object) throw new Error(`${name}.s: ${JSON.stringify(as.diagnostics)}`);
  const ld = link([{ name: `${name}.o`, bytes: as.object }]);
  if (!ld.executable) throw new Error(`${name}: ${JSON.stringify(ld.diagnostics)}`);
  return ld.executable;
}

const CASES: [name: string, status: number, stdout: string, message: RegExp | undefined, sameOnQemu: boolean][] = [
  ['hello', 7, 'hi\n', undefined, true],
  ['memory', 11, '', undefined, true],
  ['enosys', 38, '', undefined, true],
  ['segv-null', 139, '', /SIGSEGV: load page fault at 0x00000000 \(no mapping\), pc 0x00010000: lw a0,0\(zero\)/, true],
  ['segv-text', 139, '', /SIGSEGV: store page fault at 0x00010000 \(permission denied\), pc 0x[0-9a-f]{8}: sw zero,0\(t0\)/, true],
  ['segv-munmapped', 139, '', /SIGSEGV: store page fault at 0x[0-9a-f]{8} \(no mapping\)/, true],
  ['segv-readonly', 139, '', /SIGSEGV: store page fault at 0x[0-9a-f]{8} \(permission denied\)/, true],
  ['ill', 132, '', /SIGILL: illegal instruction 0xffffffff, pc 0x00010000/, true],
  ['ebreak', 133, '', /SIGTRAP: breakpoint, pc 0x00010000: ebreak/, true],
  // qemu's default CPU has the C extension, so a jump to a 2-byte boundary is legal there.
  ['misaligned-jump', 135, '', /SIGBUS: instruction address misaligned at 0x00010002/, false],
];

describe('assembly programs built with our toolchain', () => {
  it('covers every program in test/kernel/asm', () => {
    expect(readdirSync(ASM_DIR).map((f) => f.replace(/\.s$/, '')).sort()).toEqual(CASES.map((c) => c[0]).sort());
  });

  for (const [name, status, stdout, message] of CASES) {
    it(`${name}: status ${status}`, async () => {
      const k = bootTestKernel({ memMiB: 16 });
      const r = await k.run(build(name));
      expect(r.stdout).toBe(stdout);
      expect(r.status).toBe(status);
      if (message) {
        expect(r.messages).toHaveLength(1);
        expect(r.messages[0]).toMatch(message);
      } else {
        expect(r.messages).toEqual([]);
      }
      expect(k.counters()).toEqual(k.bootCounters);
    });
  }
});

if (!hasQemu) console.warn('qemu-riscv32 not found: skipping qemu runs of the assembly programs');

describe.skipIf(!hasQemu)('the same executables under qemu-riscv32', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-asm-'));
  for (const [name, status, stdout, , same] of CASES) {
    it(same ? `${name}: status ${status} on qemu too` : `${name}: qemu ends differently, as the table says`, () => {
      const path = join(dir, name);
      writeFileSync(path, build(name), { mode: 0o755 });
      const r = spawnSync('qemu-riscv32', [path], { encoding: 'utf8', timeout: 10_000 });
      const got = r.status ?? 128 + (constants.signals as Record<string, number>)[r.signal ?? 'SIGKILL'];
      // A case marked different must really be different: otherwise the mark hides a comparison.
      if (same) expect({ status: got, stdout: r.stdout }).toEqual({ status, stdout });
      else expect(got).not.toBe(status);
    });
  }
});
