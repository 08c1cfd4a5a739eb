// Differential suite: each program must print the same and end the same under Pagoda as under qemu-riscv32.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../harness.js';
import { hasGcc, hasQemu, program, programPath } from './progs/build.js';

if (!hasGcc || !hasQemu) console.warn('riscv64-unknown-elf-gcc or qemu-riscv32 not found: skipping the qemu differential suite');

const ENV = ['A=1', 'B=2'];
/** qemu's absolute path: it runs with exactly ENV as its environment, so PATH cannot find it. */
const QEMU = hasQemu ? spawnSync('sh', ['-c', 'command -v qemu-riscv32'], { encoding: 'utf8' }).stdout.trim() : '';

/** stdout and shell status (128 + signal when killed) of the program under qemu-riscv32. */
function underQemu(path: string, args: string[]): { stdout: string; status: number } {
  const env = Object.fromEntries(ENV.map((e) => e.split('=')));
  const r = spawnSync(QEMU, [path, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  const status = r.status ?? 128 + (constants.signals as Record<string, number>)[r.signal ?? 'SIGKILL'];
  return { stdout: r.stdout, status };
}

/** Lines whose order the two kernels may legitimately differ in (qemu reverses envp; auxv order varies). */
const sortLines = (s: string): string => s.split('\n').sort().join('\n');

const PROGRAMS: [name: string, args: string[], unordered?: boolean][] = [
  ['hello', []],
  ['hello', ['exit-42']],
  ['args', ['one', 'two words', ''], true],
  ['data', []],
  ['bigbss', []],
  ['recurse', []],
  ['brk', []],
  ['mmap', []],
  ['nullderef', []],
  ['writetext', []],
];

describe.skipIf(!hasGcc || !hasQemu)('Pagoda vs qemu-riscv32', () => {
  for (const [name, args, unordered] of PROGRAMS) {
    it(`${name} ${args.join(' ')}: same stdout and status`, async () => {
      const path = programPath(name);
      const q = underQemu(path, args);
      const k = bootTestKernel({ memMiB: 64 });
      const p = await k.run(program(name), { path, argv: [path, ...args], envp: ENV });
      const norm = unordered ? sortLines : (s: string): string => s;
      expect(norm(p.stdout)).toBe(norm(q.stdout));
      expect(p.status).toBe(q.status);
      expect(k.counters()).toEqual(k.bootCounters);
    });
  }
});
