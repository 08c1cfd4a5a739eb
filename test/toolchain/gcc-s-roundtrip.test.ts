// Round trip through gcc's assembly: each C program in roundtrip/ is compiled by gcc to assembly (-S, at -O0
// and -O2), assembled by OUR as, linked by OUR ld with our-assembled crt.s and gcc's libgcc.a; gcc also builds
// the same C fully with GNU as and ld. Under qemu-riscv32 both executables must print the same bytes and exit
// with the same status, and our executable must do the same under Pagoda.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble, formatDiagnostic as asMessage } from '../../toolchain/as/index.js';
import { formatDiagnostic as ldMessage, link, type LinkInput } from '../../toolchain/ld/index.js';
import { bootTestKernel, type TestKernel } from '../harness.js';

const GCC = '/usr/bin/riscv64-unknown-elf-gcc';
const QEMU = '/usr/bin/qemu-riscv32';
const hasTools = existsSync(GCC) && existsSync(QEMU);
if (!hasTools) console.warn('test/toolchain/gcc-s-roundtrip: riscv64-unknown-elf-gcc or qemu-riscv32 not installed, skipping');

const SOURCES = new URL('./roundtrip/', import.meta.url).pathname;
const PROGRAMS = ['strings', 'arrays', 'structs', 'recursion', 'switch', 'math64', 'fnptr', 'globals'];
const LEVELS = ['-O0', '-O2'];
const TARGET = ['-march=rv32imafd', '-mabi=ilp32d', '-mno-relax']; // our as defaults to ilp32d, as gcc's hard-float rv32

/** Our assembler on `source`; throws with every diagnostic when it refuses. */
function ourAssemble(source: string, name: string): Uint8Array {
  const r = assemble(source, name);
  if (!r.object) throw new Error(`our as refused ${name}:\n` + r.diagnostics.map((d) => asMessage(d)).join('\n'));
  return r.object;
}

/** Our linker on `inputs`; throws with every diagnostic when it refuses. */
function ourLink(inputs: LinkInput[]): Uint8Array {
  const r = link(inputs);
  if (!r.executable) throw new Error('our ld refused:\n' + r.diagnostics.map((d) => ldMessage(d)).join('\n'));
  return r.executable;
}

interface Outcome { stdout: string; status: number | null }

function qemu(path: string): Outcome {
  const r = spawnSync(QEMU, [path], { encoding: 'utf8', timeout: 30_000 });
  return { stdout: r.stdout, status: r.status };
}

describe.skipIf(!hasTools)('gcc -S output assembled by our as and linked by our ld runs like gcc\'s own build', () => {
  let dir = '';
  let kernel: TestKernel;
  let crt: LinkInput;
  let libgcc: LinkInput;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pagoda-roundtrip-'));
    kernel = bootTestKernel({ memMiB: 32 });
    crt = { name: 'crt.o', bytes: ourAssemble(readFileSync(join(SOURCES, 'crt.s'), 'utf8'), 'crt.s') };
    const libgccPath = execFileSync(GCC, [...TARGET, '-print-libgcc-file-name'], { encoding: 'utf8' }).trim();
    libgcc = { name: libgccPath, bytes: new Uint8Array(readFileSync(libgccPath)) };
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const program of PROGRAMS) {
    for (const level of LEVELS) {
      it(`${program}.c at ${level}: same stdout and exit status as gcc's build, under qemu and under Pagoda`, async () => {
        const c = join(SOURCES, `${program}.c`);
        const tag = `${program}${level}`;
        const asmText = execFileSync(GCC, [...TARGET, level, '-S', '-o', '-', c], { encoding: 'utf8' });
        const object = ourAssemble(asmText, `${tag}.s`);
        const ours = ourLink([crt, { name: `${tag}.o`, bytes: object }, libgcc]);
        const oursPath = join(dir, `${tag}-ours`);
        writeFileSync(oursPath, ours, { mode: 0o755 });
        const gccPath = join(dir, `${tag}-gcc`);
        execFileSync(GCC, [...TARGET, level, '-nostdlib', '-static', '-o', gccPath, join(SOURCES, 'crt.s'), c, '-lgcc'],
          { stdio: ['ignore', 'pipe', 'pipe'] });

        const reference = qemu(gccPath);
        expect(reference.stdout.length, 'gcc\'s build prints something').toBeGreaterThan(20);
        expect(qemu(oursPath)).toEqual(reference);
        const r = await kernel.run(ours, { path: `/bin/${program}` });
        expect(r.messages, 'kernel fault messages').toEqual([]);
        expect({ stdout: r.stdout, status: r.status }).toEqual(reference);
      });
    }
  }

  it('links libgcc members on demand: math64 at -O2 pulls __moddi3/__umoddi3 from the archive', () => {
    const asmText = execFileSync(GCC, [...TARGET, '-O2', '-S', '-o', '-', join(SOURCES, 'math64.c')], { encoding: 'utf8' });
    expect(asmText).toMatch(/call\t__u?moddi3/);
    expect(() => ourLink([crt, { name: 'math64.o', bytes: ourAssemble(asmText, 'math64.s') }])).toThrow(/__u?moddi3/);
  });

  it('the switch program really goes through a jump table in .rodata', () => {
    const asmText = execFileSync(GCC, [...TARGET, '-O2', '-S', '-o', '-', join(SOURCES, 'switch.c')], { encoding: 'utf8' });
    expect(asmText).toMatch(/\.section\t\.rodata[\s\S]*\.word\t\.L\d+/);
  });
});
