// Regenerates fixtures/: GNU-built objects and an executable from the sources here, with what
// riscv64-unknown-elf-objdump -d prints for each. Run by hand (`node test/toolchain/objdump/make-fixtures.mjs`);
// the tests read the files, so they run without the tools.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const out = join(here, 'fixtures');
mkdirSync(out, { recursive: true });
const gcc = ['-march=rv32im', '-mabi=ilp32', '-mno-relax', '-O2'];
const run = (tool, args) => execFileSync(`riscv64-unknown-elf-${tool}`, args, { cwd: out }).toString();

for (const name of ['start', 'arith', 'calls']) run('gcc', [...gcc, '-c', join(here, `${name}.c`), '-o', `${name}.o`]);
run('as', ['-march=rv32ima_zicsr_zifencei', '-mabi=ilp32', join(here, 'edge.s'), '-o', 'edge.o']);
// Hard-float code (F and D, ilp32d), from the assembler's hard-float C fixture.
run('gcc', ['-march=rv32imafd', '-mabi=ilp32d', '-mno-relax', '-O2', '-c', join(here, '../../as/fixtures/float/prog-float.c'), '-o', 'float.o']);
run('gcc', [...gcc, '-nostdlib', '-static', 'start.o', 'arith.o', 'calls.o', '-lgcc', '-o', 'prog']);
run('strip', ['prog', '-o', 'prog-stripped']);
rmSync(join(out, 'start.o'));
for (const file of ['arith.o', 'calls.o', 'edge.o', 'float.o', 'prog', 'prog-stripped']) {
  writeFileSync(join(out, `${file}.objdump`), run('objdump', ['-d', file]));
}
writeFileSync(join(out, 'TOOL'), run('objdump', ['--version']).split('\n')[0] + '\n');
console.log('fixtures written to', out);
