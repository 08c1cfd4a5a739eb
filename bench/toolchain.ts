// Toolchain speed: assembling and linking a generated file of 100,000 instructions.

import { assemble } from '../toolchain/as/index.js';
import { link } from '../toolchain/ld/index.js';
import { BenchRow } from './row.js';

const MNEMONICS = ['add a0, a1, a2', 'addi t0, t0, -1', 'lw a3, 8(sp)', 'sw a4, 12(sp)', 'xor s1, s2, s3',
  'slli a5, a5, 3', 'mul a6, a6, a7', 'bnez t0, 1b', 'li t1, 0x12345678', 'call helper'];

/** A source with `count` instruction lines (plus a few labels and directives). */
export function generatedAssembly(count: number): string {
  const lines = ['\t.text', '\t.globl _start', '_start:', '1:'];
  for (let i = 0; i < count; i++) lines.push(`\t${MNEMONICS[i % MNEMONICS.length]}`);
  lines.push('\tli a7, 93', '\tecall', 'helper:', '\tret');
  return lines.join('\n') + '\n';
}

function assembleAndLink(source: string): void {
  const asm = assemble(source, 'bench.s');
  if (!asm.object) throw new Error(`bench: assembler failed: ${asm.diagnostics[0]?.message}`);
  const linked = link([{ name: 'bench.o', bytes: asm.object }]);
  if (!linked.executable) throw new Error(`bench: linker failed: ${linked.diagnostics[0]?.message}`);
}

/** as+ld: one warm-up pass on a tenth of the file (the JIT's first compile), then the timed pass. */
export function toolchainBench(lines = 100_000): BenchRow[] {
  assembleAndLink(generatedAssembly(lines / 10));
  const source = generatedAssembly(lines);
  const start = performance.now();
  assembleAndLink(source);
  const seconds = (performance.now() - start) / 1000;
  return [{ group: 'toolchain', name: 'as+ld', lines, seconds: Number(seconds.toFixed(4)), linesPerSecond: Math.round(lines / seconds) }];
}
