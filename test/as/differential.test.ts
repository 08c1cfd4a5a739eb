// Differential tests against GNU binutils: the same source assembled by riscv64-unknown-elf-as
// (-march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax; F and D sources with -march=rv32imafd
// -mabi=ilp32d) and by ours must give byte-identical section contents, the same sections (none missing,
// none extra), the same symbol table and the same relocations (offset, type, symbol name, addend); readelf must read
// our objects without a warning. Sources: hand-written fixtures and gcc -S output of C fixtures.

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
const haveBinutils = hasTool(GNU_AS) && hasTool(READELF);
const haveGcc = hasTool(GCC);
if (!haveBinutils) console.warn('test/as/differential: riscv64-unknown-elf-as/readelf not found, GNU comparisons skipped');
if (!haveGcc) console.warn('test/as/differential: riscv64-unknown-elf-gcc not found, gcc -S comparisons skipped');

const FIXTURES = join(import.meta.dirname, 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'pagoda-as-diff-'));

/** Sections compared: everything with contents except the ones each assembler builds its own way. */
const SKIPPED = /^(\.rela|\.symtab$|\.strtab$|\.shstrtab$|\.riscv\.attributes$|\.eh_frame|\.debug)/;
const MAPPING_SYMBOL = /^\$[xd]/;

/** The ISA and ABI both assemblers are given. */
interface Target {
  readonly march: string;
  readonly mabi: string;
}
const SOFT: Target = { march: 'rv32ima_zicsr_zifencei', mabi: 'ilp32' };
const HARD: Target = { march: 'rv32imafd', mabi: 'ilp32d' };

function gnuAssemble(path: string, target: Target): TestElf {
  const out = join(work, 'gnu.o');
  execFileSync(GNU_AS, [`-march=${target.march}`, `-mabi=${target.mabi}`, '-mno-relax', path, '-o', out]);
  return readElf(new Uint8Array(readFileSync(out)));
}

function ourAssemble(path: string, target: Target): { elf: TestElf; file: string } {
  const r = assemble(readFileSync(path, 'utf8'), path, target);
  expect(r.diagnostics).toEqual([]);
  const file = join(work, 'ours.o');
  writeFileSync(file, r.object as Uint8Array);
  return { elf: readElf(r.object as Uint8Array), file };
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/**
 * The symbol table as a set: name, value, size, binding, type, visibility and the section it is defined in
 * (by name: the two assemblers number sections differently), sorted; the order within the table is each
 * assembler's own, within ELF's rule of locals first. Left out: GNU's mapping symbols ($x, $d, $x<isa>: an
 * optional psABI marking of code and data for disassemblers, which ours does not write) and symbols of
 * the sections skipped above.
 */
function symbolTable(e: TestElf): string[] {
  const where = (shndx: number): string => (shndx === 0 ? 'UND' : shndx === 0xfff1 ? 'ABS' : shndx === 0xfff2 ? 'COM' : e.sections[shndx]?.name ?? `#${shndx}`);
  return e.symbols.slice(1).filter((s) => !MAPPING_SYMBOL.test(s.name) && !SKIPPED.test(where(s.shndx))).map((s) => `${s.name} value=${s.value} size=${s.size} bind=${s.bind} type=${s.type} other=${s.other} in=${where(s.shndx)}`).sort();
}

/** Compares every section GNU wrote, then the relocations of each. */
function compareWithGnu(path: string, target: Target = SOFT): void {
  const gnu = gnuAssemble(path, target);
  const ours = ourAssemble(path, target);
  for (const g of gnu.sections) {
    if (g.index === 0 || SKIPPED.test(g.name)) continue;
    const o = ours.elf.section(g.name);
    expect({ name: o.name, type: o.type, flags: o.flags, size: o.size, entsize: o.entsize },
      `header of ${g.name}`).toEqual({ name: g.name, type: g.type, flags: g.flags, size: g.size, entsize: g.entsize });
    expect(o.align, `alignment of ${g.name}`).toBe(g.align);
    expect(hex(o.data), `contents of ${g.name}`).toBe(hex(g.data));
    expect(ours.elf.relocs(g.name), `relocations of ${g.name}`).toEqual(gnu.relocs(g.name));
  }
  // No section of ours that GNU does not write (the loop above only looks at GNU's).
  const names = (e: TestElf): string[] => e.sections.filter((x) => x.index !== 0 && !SKIPPED.test(x.name)).map((x) => x.name).sort();
  expect(names(ours.elf), 'sections').toEqual(names(gnu));
  expect(symbolTable(ours.elf), 'symbol table').toEqual(symbolTable(gnu));
  const readelf = spawnSync(READELF, ['-a', ours.file], { encoding: 'utf8' });
  expect(readelf.stderr, 'readelf warnings').toBe('');
  expect(readelf.status).toBe(0);
}

/** The float ABI in e_flags and the arch attribute, which the comparison above leaves out, must agree too. */
function compareFloatAbiAndArch(path: string, target: Target): void {
  const gnu = gnuAssemble(path, target);
  const ours = ourAssemble(path, target).elf;
  expect(ours.header.getUint32(36, true), 'e_flags').toBe(gnu.header.getUint32(36, true));
  expect(hex(ours.section('.riscv.attributes').data), '.riscv.attributes').toBe(hex(gnu.section('.riscv.attributes').data));
}

const FLOAT_FIXTURES = join(FIXTURES, 'float');

describe.skipIf(!haveBinutils)('hand-written F and D sources match GNU as byte for byte', () => {
  const sources = readdirSync(FLOAT_FIXTURES).filter((f) => f.endsWith('.s'));
  it.each(sources)('%s', (name) => {
    compareWithGnu(join(FLOAT_FIXTURES, name), HARD);
    compareFloatAbiAndArch(join(FLOAT_FIXTURES, name), HARD);
    compareFloatAbiAndArch(join(FLOAT_FIXTURES, name), { march: 'rv32ima', mabi: 'ilp32' });
  });
});

describe.skipIf(!haveBinutils || !haveGcc)('gcc -S hard-float output (rv32imafd, ilp32d) matches GNU as byte for byte', () => {
  const programs = readdirSync(FLOAT_FIXTURES).filter((f) => f.endsWith('.c'));
  const variants: Array<[string, string[]]> = [
    ['-O2 -mno-relax', ['-O2', '-mno-relax']],
    ['-O0 -mno-relax', ['-O0', '-mno-relax']],
    ['-Os -mcmodel=medany', ['-Os', '-mcmodel=medany']],
    ['-O3 -ffast-math', ['-O3', '-ffast-math']],
  ];
  const cases = programs.flatMap((p) => variants.map(([label, flags]) => [p, label, flags] as const));
  it.each(cases)('%s (%s)', (program, label, flags) => {
    const asmPath = join(work, program.replace(/\.c$/, `${label.replace(/[^a-z0-9]+/gi, '_')}.s`));
    execFileSync(GCC, ['-march=rv32imafd', '-mabi=ilp32d', ...flags, '-S', join(FLOAT_FIXTURES, program), '-o', asmPath]);
    expect(readFileSync(asmPath, 'utf8')).toMatch(/\bf(add|mul|madd|cvt|l[wd])\b|\bf(add|mul|madd|cvt)\.[sd]/);
    compareWithGnu(asmPath, HARD);
    compareFloatAbiAndArch(asmPath, HARD);
  });
});

describe.skipIf(!haveBinutils)('hand-written sources match GNU as byte for byte', () => {
  const sources = readdirSync(FIXTURES).filter((f) => f.endsWith('.s'));
  it.each(sources)('%s', (name) => compareWithGnu(join(FIXTURES, name)));
});

describe.skipIf(!haveBinutils || !haveGcc)('gcc -S output matches GNU as byte for byte', () => {
  const programs = readdirSync(FIXTURES).filter((f) => f.endsWith('.c'));
  const variants: Array<[string, string[]]> = [
    ['-O2 -mno-relax', ['-O2', '-mno-relax']],
    ['-O0 -mno-relax', ['-O0', '-mno-relax']],
    ['-Os -mcmodel=medany', ['-Os', '-mcmodel=medany']],
  ];
  const cases = programs.flatMap((p) => variants.map(([label, flags]) => [p, label, flags] as const));
  it.each(cases)('%s (%s)', (program, label, flags) => {
    const asmPath = join(work, program.replace(/\.c$/, `${label.replace(/[^a-z0-9]+/gi, '_')}.s`));
    execFileSync(GCC, ['-march=rv32im', '-mabi=ilp32', ...flags, '-S', join(FIXTURES, program), '-o', asmPath]);
    compareWithGnu(asmPath);
  });
});
