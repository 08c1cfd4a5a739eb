// Differential tests of the DWARF directives against GNU binutils: gcc -g -S output (`.file 0`, `.loc`,
// `.cfi_sections .debug_frame`, `.cfi_*`, and the .debug_* sections gcc writes as data) assembled by
// riscv64-unknown-elf-as 2.40 and by ours must give the same sections byte for byte, .debug_line and
// .debug_frame included, with the same relocations (ADD16/SUB16 line steps, SETn/SUBn CFA steps), with and
// without linker relaxation; readelf --debug-dump must read ours without a warning.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../toolchain/as/index.js';
import { readElf, type TestElf } from './elf-reader.js';

const hasTool = (name: string): boolean => spawnSync(name, ['--version']).status === 0;
const GNU_AS = 'riscv64-unknown-elf-as';
const GCC = 'riscv64-unknown-elf-gcc';
const READELF = 'riscv64-unknown-elf-readelf';
const haveTools = hasTool(GNU_AS) && hasTool(READELF) && hasTool(GCC);
if (!haveTools) console.warn('test/as/debug-differential: GNU binutils/gcc not found, comparisons skipped');

const FIXTURES = join(import.meta.dirname, 'fixtures', 'debug');
const work = mkdtempSync(join(tmpdir(), 'pagoda-as-dwarf-'));
const SKIPPED = /^(\.rela|\.symtab$|\.strtab$|\.shstrtab$|\.riscv\.attributes$)/;
const R_RISCV_RELAX = 51;
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function compare(asmPath: string, relax: boolean): void {
  const gnuOut = join(work, 'gnu.o');
  execFileSync(GNU_AS, ['-march=rv32imafd', '-mabi=ilp32d', ...(relax ? [] : ['-mno-relax']), asmPath, '-o', gnuOut]);
  const gnu = readElf(new Uint8Array(readFileSync(gnuOut)));
  const source = readFileSync(asmPath, 'utf8');
  const r = assemble(relax ? source : '\t.option norelax\n' + source, asmPath, { march: 'rv32imafd', mabi: 'ilp32d' });
  expect(r.diagnostics).toEqual([]);
  const ours = readElf(r.object as Uint8Array);
  const names = (e: TestElf): string[] => e.sections.filter((x) => x.index !== 0 && !SKIPPED.test(x.name)).map((x) => x.name).sort();
  expect(names(ours), 'sections').toEqual(names(gnu));
  for (const g of gnu.sections) {
    if (g.index === 0 || SKIPPED.test(g.name)) continue;
    const o = ours.section(g.name);
    expect({ type: o.type, flags: o.flags, size: o.size, align: o.align }, `header of ${g.name}`)
      .toEqual({ type: g.type, flags: g.flags, size: g.size, align: g.align });
    expect(hex(o.data), `contents of ${g.name}`).toBe(hex(g.data));
    // Our assembler never writes R_RISCV_RELAX hints (our linker does not relax): the rest must agree.
    expect(ours.relocs(g.name), `relocations of ${g.name}`).toEqual(gnu.relocs(g.name).filter((x) => x.type !== R_RISCV_RELAX));
  }
  const file = join(work, 'ours.o');
  writeFileSync(file, r.object as Uint8Array);
  const readelf = spawnSync(READELF, ['--debug-dump=rawline,info,frames,aranges,str', file], { encoding: 'utf8' });
  expect(readelf.stderr, 'readelf warnings').toBe('');
  expect(readelf.stdout).not.toMatch(/warning/i);
}

describe.skipIf(!haveTools)('gcc -g -S output matches GNU as byte for byte, debug sections included', () => {
  const programs = readdirSync(FIXTURES).filter((f) => f.endsWith('.c'));
  const variants: Array<[string, string[], boolean]> = [
    ['-O0', ['-O0'], true],
    ['-O0 -mno-relax', ['-O0', '-mno-relax'], false],
    ['-O1 -gno-variable-location-views', ['-O1', '-gno-variable-location-views'], true],
  ];
  const cases = programs.flatMap((p) => variants.map(([label, flags, relax]) => [p, label, flags, relax] as const));
  it.each(cases)('%s (%s)', (program, label, flags, relax) => {
    const asmPath = join(work, program.replace(/\.c$/, `${label.replace(/[^a-z0-9]+/gi, '_')}.s`));
    execFileSync(GCC, ['-march=rv32imafd', '-mabi=ilp32d', '-g', ...flags, '-S', join(FIXTURES, program), '-o', asmPath]);
    compare(asmPath, relax);
  });
});
