// `pagoda ld` merges the inputs' .riscv.attributes as GNU ld 2.40 does: the same `readelf -A` output, a
// PT_RISCV_ATTRIBUTES program header, GNU's messages on conflicts, and an executable the loader still accepts.

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PhType, ShType } from '../../abi/elf.js';
import { readElf } from '../../abi/elfread.js';
import { riscvArchAttribute } from '../../abi/riscv-attributes.js';
import { planLoad } from '../../loader/plan.js';
import { mergeArch } from '../../toolchain/ld/attributes.js';
import { GAS, GLD, hasGas, hasGld, hasQemu, hasReadelf, linkMessages, linkOk, noteMissing, READELF, runQemu, tempDir } from './tools.js';

const OBJCOPY = '/usr/bin/riscv64-unknown-elf-objcopy';
const tools = hasGas && hasGld && hasReadelf;
noteMissing('attribute merge against GNU ld', tools);

const START = '.text\n.globl _start\n_start:\n call f\n li a0, 7\n li a7, 93\n ecall\n';
const F = '.text\n.globl f\nf:\n ret\n';

function assemble(dir: string, name: string, source: string, march: string): Uint8Array {
  writeFileSync(join(dir, name + '.s'), source);
  execFileSync(GAS, [`-march=${march}`, '-mabi=ilp32', '-o', join(dir, name + '.o'), join(dir, name + '.s')]);
  return new Uint8Array(readFileSync(join(dir, name + '.o')));
}

function readelfA(path: string): string {
  return execFileSync(READELF, ['-A', path], { encoding: 'utf8' });
}

/** Links `names` (objects in `dir`) with GNU ld and with ours; returns both readelf -A outputs and our executable. */
function bothLinks(dir: string, names: string[]): { gnu: string; ours: string; exe: Uint8Array } {
  execFileSync(GLD, ['-m', 'elf32lriscv', '-o', join(dir, 'gnu'), ...names.map((n) => join(dir, n + '.o'))]);
  const exe = linkOk(names.map((n) => ({ name: n + '.o', bytes: new Uint8Array(readFileSync(join(dir, n + '.o'))) })));
  writeFileSync(join(dir, 'ours'), exe);
  return { gnu: readelfA(join(dir, 'gnu')), ours: readelfA(join(dir, 'ours')), exe };
}

describe.skipIf(!tools)('pagoda ld merges .riscv.attributes', () => {
  it('rv32imafd + rv32ima_zicsr with stack_align, unaligned_access and priv_spec: readelf -A as GNU ld', () => {
    const dir = tempDir();
    assemble(dir, 'a', START, 'rv32imafd');
    assemble(dir, 'b', '.attribute stack_align, 16\n.attribute unaligned_access, 1\n.attribute priv_spec, 1\n'
      + '.attribute priv_spec_minor, 11\n' + F, 'rv32ima_zicsr');
    const { gnu, ours, exe } = bothLinks(dir, ['a', 'b']);
    expect(ours).toBe(gnu);
    expect(ours).toContain('Tag_RISCV_arch: "rv32i2p1_m2p0_a2p1_f2p2_d2p2_zicsr2p0_zmmul1p0"');
    expect(ours).toContain('Tag_RISCV_unaligned_access: Unaligned access');
    const elf = readElf(exe);
    const ph = elf.programHeaders[0]!;
    expect(ph.type).toBe(PhType.RISCV_ATTRIBUTES);
    const sec = elf.sections.find((s) => s.type === ShType.RISCV_ATTRIBUTES)!;
    expect(sec.name).toBe('.riscv.attributes');
    expect([ph.offset, ph.filesz, ph.memsz]).toEqual([sec.offset, sec.size, 0]);
    // The loader reads that arch string and accepts it: the machine is rv32imafd.
    expect(planLoad(exe).entry).toBe(elf.header.entry);
    if (hasQemu) expect(runQemu(dir, 'run', exe).status).toBe(7);
  });

  it('the union of versions and implied extensions: rv32i2p0_m + rv32imafd as GNU ld', () => {
    const dir = tempDir();
    assemble(dir, 'a', START, 'rv32imafd');
    assemble(dir, 'e', '.attribute arch, "rv32i2p0_m"\n' + F, 'rv32ima');
    const { gnu, ours } = bothLinks(dir, ['a', 'e']);
    expect(ours).toBe(gnu);
    expect(ours).toContain('zifencei2p0');
  });

  it('objects without attributes contribute nothing; with none at all there is no section', () => {
    const dir = tempDir();
    assemble(dir, 'a', START, 'rv32ima_zicsr');
    assemble(dir, 'b', F, 'rv32imafd');
    execFileSync(OBJCOPY, ['-R', '.riscv.attributes', join(dir, 'a.o'), join(dir, 'na.o')]);
    execFileSync(OBJCOPY, ['-R', '.riscv.attributes', join(dir, 'b.o'), join(dir, 'nb.o')]);
    const one = bothLinks(dir, ['na', 'b']);
    expect(one.ours).toBe(one.gnu);
    expect(riscvArchAttribute(sectionData(one.exe))).toBe('rv32i2p1_m2p0_a2p1_f2p2_d2p2_zicsr2p0_zmmul1p0');
    const none = bothLinks(dir, ['na', 'nb']);
    expect(none.ours).toBe(none.gnu);
    const elf = readElf(none.exe);
    expect(elf.sections.some((s) => s.type === ShType.RISCV_ATTRIBUTES)).toBe(false);
    expect(elf.programHeaders.every((p) => p.type === PhType.LOAD)).toBe(true);
  });

  it('a stack_align mismatch is an error in GNU ld words; a priv_spec mismatch a warning', () => {
    const dir = tempDir();
    const a = assemble(dir, 'a', '.attribute stack_align, 16\n.attribute priv_spec, 1\n.attribute priv_spec_minor, 11\n' + START, 'rv32ima');
    const c = assemble(dir, 'c', '.attribute stack_align, 8\n', 'rv32ima');
    const d = assemble(dir, 'd', '.attribute priv_spec, 1\n.attribute priv_spec_minor, 12\n' + F, 'rv32ima');
    const gnu = (names: string[]): string[] => {
      const r = spawnSync(GLD, ['-m', 'elf32lriscv', '-o', join(dir, 'x'), ...names], { cwd: dir, encoding: 'utf8' });
      // Every error line of ours names its severity, GNU's closing "failed to merge" line included.
      return r.stderr.trim().split('\n').map((l) => l.replace(/^.*?-ld: /, 'pagoda ld: ').replace(': failed to merge', ': error: failed to merge'));
    };
    expect(linkMessages([{ name: 'a.o', bytes: a }, { name: 'c.o', bytes: c }, { name: 'd.o', bytes: d }]))
      .toEqual(gnu(['a.o', 'c.o', 'd.o']));
    expect(linkMessages([{ name: 'a.o', bytes: a }, { name: 'd.o', bytes: d }])).toEqual(gnu(['a.o', 'd.o']));
  });
});

function sectionData(exe: Uint8Array): Uint8Array {
  const sec = readElf(exe).sections.find((s) => s.type === ShType.RISCV_ATTRIBUTES)!;
  return exe.subarray(sec.offset, sec.offset + sec.size);
}

describe('mergeArch', () => {
  it('keeps every extension of both, the higher version, in canonical order', () => {
    expect(mergeArch('rv32i2p1_m2p0_a2p1_zicsr2p0_zmmul1p0', 'rv32i2p1_f2p2_d2p2_zicsr2p0'))
      .toBe('rv32i2p1_m2p0_a2p1_f2p2_d2p2_zicsr2p0_zmmul1p0');
    expect(mergeArch('rv32i2p0_m2p0', 'rv32i2p1_a2p1')).toBe('rv32i2p1_m2p0_a2p1_zmmul1p0');
  });
});
