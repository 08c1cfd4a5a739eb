// Hard-float C programs built by GNU gcc (-march=rv32imafd -mabi=ilp32d -O2) print the same and end the same
// under Pagoda as under qemu-riscv32: Mandelbrot (double and single, fused multiply-adds), n-body (fsqrt.d),
// every int <-> float conversion edge in every rounding mode with the accrued flags, the ilp32d calling
// convention for structs of floats, and the kernel's keeping of each process's f registers and fcsr across
// fork, timer switches and signal handlers (fpstate). Programs print floats as bits and as decimals they
// compute with integer arithmetic (test/kernel/fp/fp.h): our libc has no printf for floats yet.
//
// Until the interpreter executes F and D the suite is skipped, visibly, with the reason: a two-instruction
// probe (fmv.w.x, fmv.x.w) is run first and its SIGILL says the machine is still RV32IMA.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Signal } from '../../abi/signals.js';
import { tinyExecutable } from '../../bench/kernel.js';
import { Program } from '../../bench/program.js';
import { bootTestKernel } from '../harness.js';
import { hasGcc, hasQemu, programPath, type BuildFlags } from './progs/build.js';

const FP_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fp');
const HARD_FLOAT: BuildFlags = { march: 'rv32imafd', mabi: 'ilp32d', options: ['-O2', '-fno-math-errno'], libgcc: true };
const QEMU = hasQemu ? spawnSync('sh', ['-c', 'command -v qemu-riscv32'], { encoding: 'utf8' }).stdout.trim() : '';

/** Why the F/D programs cannot be compared on this machine, or undefined when they can. */
async function whyNot(): Promise<string | undefined> {
  if (!hasGcc || !hasQemu) return 'riscv64-unknown-elf-gcc or qemu-riscv32 not found';
  // li t0, 0x145; fmv.w.x f0, t0; fmv.x.w a0, f0; exit(a0): status 0x45 when F executes.
  const probe = new Program(0x10000).li(5, 0x145).word(0xf0028053).word(0xe0000553).li(17, 93).emit('ecall');
  const r = await bootTestKernel().run(tinyExecutable(probe.bytes()));
  if (r.status === 128 + Signal.SIGILL) return 'the machine does not execute F/D yet (probe fmv.w.x/fmv.x.w got SIGILL)';
  if (r.status !== 0x45) return `the F/D probe ended with status ${r.status}, expected ${0x45}`;
  return undefined;
}

const reason = await whyNot();
if (reason) console.warn(`skipping the hard-float programs vs qemu-riscv32: ${reason}`);

function underQemu(path: string, args: string[]): { stdout: string; status: number } {
  const r = spawnSync(QEMU, [path, ...args], { env: {}, encoding: 'utf8', timeout: 120_000 });
  const status = r.status ?? 128 + (constants.signals as Record<string, number>)[r.signal ?? 'SIGKILL'];
  return { stdout: r.stdout, status };
}

const PROGRAMS: [name: string, args: string[], expectedStatus: number][] = [
  ['mandelbrot', [], 4765202 % 101],
  ['nbody', [], 0],
  ['convert', [], 7],
  ['structs', [], 0],
  ['fpstate', [], 0],
];

describe.skipIf(reason !== undefined)(`gcc-built hard-float programs: Pagoda vs qemu-riscv32${reason ? ` (skipped: ${reason})` : ''}`, () => {
  for (const [name, args, expectedStatus] of PROGRAMS) {
    it(`${name} ${args.join(' ')}: same stdout and status`, async () => {
      const path = programPath(name, FP_DIR, HARD_FLOAT);
      const q = underQemu(path, args);
      expect(q.status).toBe(expectedStatus);
      const k = bootTestKernel({ memMiB: 64 });
      const p = await k.run(new Uint8Array(readFileSync(path)), { path, argv: [path, ...args] });
      expect(p.stdout).toBe(q.stdout);
      expect(p.status).toBe(q.status);
      expect(k.counters()).toEqual(k.bootCounters);
    }, 120_000);
  }
});

describe.skipIf(!hasGcc || !hasQemu)('the hard-float programs themselves, under qemu-riscv32 (whatever Pagoda executes)', () => {
  it('build as ilp32d executables the loader accepts, and end as expected under qemu', () => {
    for (const [name, args, expectedStatus] of PROGRAMS) {
      const path = programPath(name, FP_DIR, HARD_FLOAT);
      const flags = new DataView(readFileSync(path).buffer).getUint32(36, true);
      expect(`${name}: e_flags ${flags}`).toBe(`${name}: e_flags 4`);
      expect(`${name}: ${underQemu(path, args).status}`).toBe(`${name}: ${expectedStatus}`);
    }
  }, 120_000);

  it('fpstate finds its f registers intact across fork, switches and a handler under Linux (qemu)', () => {
    const out = underQemu(programPath('fpstate', FP_DIR, HARD_FLOAT), []).stdout;
    expect(out).toBe('child_status=0\nhandled=1\nfcsr_after_handler=255\nbad=0\n');
  }, 120_000);
});
