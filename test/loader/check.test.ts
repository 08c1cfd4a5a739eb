import { describe, expect, it } from 'vitest';
import { planLoad } from '../../loader/plan.js';
import { LoadRefusal, Refusal, type RefusalCode } from '../../loader/refusal.js';
import { EHDR_SIZE, Ehdr, ElfType, Phdr } from '../../abi/elf.js';
import { Errno } from '../../abi/errno.js';
import { attributesSection, craftElf, patched } from './craft.js';

function refusal(bytes: Uint8Array): LoadRefusal {
  try {
    planLoad(bytes);
  } catch (e) {
    if (e instanceof LoadRefusal) return e;
    throw e;
  }
  throw new Error('expected a refusal, the file was accepted');
}

const good = craftElf();
/** The first program header, right after the ELF header in crafted files. */
const PH0 = EHDR_SIZE;
const TEXT = 5;
const RO = 4;
const RW = 6;

const cases: [string, RefusalCode, Uint8Array, RegExp][] = [
  ['bad magic', Refusal.BAD_MAGIC, patched(good, (_, b) => { b[1] = 0x46; }), /bad magic/],
  ['a file shorter than the header', Refusal.TRUNCATED, good.subarray(0, 30), /truncated/],
  ['a 64-bit file', Refusal.NOT_32_BIT, patched(good, (_, b) => { b[4] = 2; }), /EI_CLASS/],
  ['a big-endian file', Refusal.NOT_LITTLE_ENDIAN, patched(good, (_, b) => { b[5] = 2; }), /EI_DATA/],
  ['a bad EI_VERSION', Refusal.BAD_VERSION, patched(good, (_, b) => { b[6] = 0; }), /EI_VERSION/],
  ['a bad e_version', Refusal.BAD_VERSION, patched(good, (v) => v.setUint32(Ehdr.VERSION, 2, true)), /e_version is 2/],
  ['another machine', Refusal.NOT_RISCV, patched(good, (v) => v.setUint16(Ehdr.MACHINE, 62, true)), /e_machine is 62/],
  ['a shared object', Refusal.NOT_EXEC, patched(good, (v) => v.setUint16(Ehdr.TYPE, ElfType.DYN, true)), /position-independent/],
  ['a relocatable object', Refusal.NOT_EXEC, patched(good, (v) => v.setUint16(Ehdr.TYPE, ElfType.REL, true)), /relocatable/],
  ['a wrong e_ehsize', Refusal.BAD_HEADER_SIZE, patched(good, (v) => v.setUint16(Ehdr.EHSIZE, 64, true)), /e_ehsize is 64/],
  ['a wrong e_phentsize', Refusal.BAD_HEADER_SIZE, patched(good, (v) => v.setUint16(Ehdr.PHENTSIZE, 56, true)), /e_phentsize/],
  ['program headers outside the file', Refusal.PHDRS_OUTSIDE_FILE, patched(good, (v) => v.setUint32(Ehdr.PHOFF, 0xfff0, true)), /program header table/],
  ['a PT_LOAD outside the file', Refusal.SEGMENT_OUTSIDE_FILE, patched(good, (v) => v.setUint32(PH0 + Phdr.OFFSET, 0x100000, true)), /segment of program header 0/],
  ['p_filesz > p_memsz', Refusal.FILESZ_EXCEEDS_MEMSZ, patched(good, (v) => v.setUint32(PH0 + Phdr.MEMSZ, 4, true)), /p_filesz/],
  ['a segment that wraps', Refusal.BAD_ADDRESS,
    craftElf({ segments: [{ vaddr: 0xfffff000, data: new Uint8Array(4), memsz: 0x2000, flags: TEXT }], entry: 0xfffff000 }), /wraps/],
  ['a segment reaching the kernel half', Refusal.BAD_ADDRESS,
    craftElf({ segments: [{ vaddr: 0xbffff000, data: new Uint8Array(4), memsz: 0x2000, flags: TEXT }], entry: 0xbffff000 }), /kernel half/],
  ['a segment in the NULL page', Refusal.BAD_ADDRESS,
    craftElf({ segments: [{ vaddr: 0x0, data: new Uint8Array(4), flags: TEXT, offset: 0x1000 }], entry: 0 }), /NULL guard/],
  ['a p_align that is not a power of two', Refusal.BAD_ALIGN, patched(good, (v) => v.setUint32(PH0 + Phdr.ALIGN, 0x3000, true)), /power of two/],
  ['p_vaddr and p_offset disagreeing modulo p_align', Refusal.BAD_ALIGN, patched(good, (v) => v.setUint32(PH0 + Phdr.VADDR, 0x10010, true)), /differ modulo/],
  ['overlapping segments', Refusal.OVERLAPPING_SEGMENTS, craftElf({ segments: [
    { vaddr: 0x10000, data: new Uint8Array(8), flags: TEXT },
    { vaddr: 0x10800, data: new Uint8Array(8), flags: RW, offset: 0x2800 }] }), /overlaps/],
  ['a writable and executable segment', Refusal.WRITABLE_AND_EXECUTABLE,
    craftElf({ segments: [{ vaddr: 0x10000, data: new Uint8Array(8), flags: 7 }] }), /both writable and executable/],
  ['an entry outside every executable segment', Refusal.BAD_ENTRY, craftElf({ entry: 0x11000 }), /entry point 0x11000/],
  ['an entry past the end of text', Refusal.BAD_ENTRY, craftElf({ entry: 0x10008 }), /entry point 0x10008/],
  ['an entry inside the text but not on an instruction boundary', Refusal.MISALIGNED_ENTRY, craftElf({ entry: 0x10002 }), /entry point 0x10002 is not 4-byte aligned/],
  ['no PT_LOAD', Refusal.NO_LOAD_SEGMENTS, craftElf({ segments: [{ type: 4, vaddr: 0x10000, data: new Uint8Array(8), flags: RO }] }), /no PT_LOAD/],
  ['a PT_INTERP', Refusal.DYNAMIC, craftElf({ segments: [
    { vaddr: 0x10000, data: new Uint8Array(8), flags: TEXT }, { type: 3, vaddr: 0x20000, data: new Uint8Array(8), flags: RO }] }), /dynamic loader/],
  ['the single-float ABI', Refusal.FLOAT_ABI, craftElf({ flags: 0x2 }), /single-float ABI \(ilp32f\)/],
  ['the quad-float ABI', Refusal.FLOAT_ABI, craftElf({ flags: 0x6 }), /quad-float ABI.*no Q extension/],
  ['compressed instructions', Refusal.COMPRESSED, craftElf({ flags: 0x1 }), /EF_RISCV_RVC/],
  ['compressed instructions with the double-float ABI', Refusal.COMPRESSED, craftElf({ flags: 0x5 }), /EF_RISCV_RVC/],
  ['the RV32E base', Refusal.EMBEDDED, craftElf({ flags: 0x8 }), /EF_RISCV_RVE.*RV32I/],
  ['an arch attribute asking for C', Refusal.COMPRESSED,
    craftElf({ arch: 'rv32i2p1_m2p0_a2p1_c2p0_zicsr2p0' }), /Tag_RISCV_arch "rv32i2p1_m2p0_a2p1_c2p0_zicsr2p0" asks for compressed/],
  ['an arch attribute asking for Zca', Refusal.COMPRESSED, craftElf({ arch: 'rv32i2p1_zca1p0' }), /compressed/],
  ['an arch attribute asking for the RV32E base', Refusal.EMBEDDED, craftElf({ arch: 'rv32e2p0_m2p0' }), /RV32E base/],
  ['an arch attribute asking for V and Zba', Refusal.MISSING_EXTENSION,
    craftElf({ arch: 'rv32i2p1_m2p0_v1p0_zicsr2p0_zba1p0' }), /asks for V, Zba, which the machine lacks/],
  ['an arch attribute asking for Q', Refusal.MISSING_EXTENSION, craftElf({ arch: 'rv32imafdq' }), /asks for Q,/],
  ['an arch attribute for a 64-bit hart', Refusal.MISSING_EXTENSION, craftElf({ arch: 'rv64i2p1_m2p0' }), /rv64 hart; the machine is rv32/],
  ['an arch in a PT_RISCV_ATTRIBUTES segment of a file without section headers asking for C', Refusal.COMPRESSED, craftElf({ segments: [
    { vaddr: 0x10000, data: new Uint8Array(8), flags: TEXT },
    { type: 0x70000003, vaddr: 0, data: attributesSection('rv32imac'), flags: RO, align: 1 }] }), /"rv32imac" asks for compressed/],
  ['an arch attribute without a base', Refusal.MISSING_EXTENSION, craftElf({ arch: 'rv32m2p0' }), /does not name a base ISA/],
];

describe('loader refusals (one crafted file each)', () => {
  for (const [what, code, bytes, message] of cases) {
    it(`refuses ${what} with '${code}'`, () => {
      const r = refusal(bytes);
      expect(r.code).toBe(code);
      expect(r.message).toMatch(message);
      expect(r.errno).toBe(Errno.ENOEXEC);
    });
  }

  it('refuses empty input and random bytes without throwing anything but LoadRefusal', () => {
    expect(refusal(new Uint8Array(0)).code).toBe(Refusal.BAD_MAGIC);
    for (let seed = 1; seed < 200; seed++) {
      const junk = patched(good, (_, b) => { for (let i = 8; i < 200; i += 1 + (seed % 7)) b[i] = (i * seed) & 0xff; });
      try { planLoad(junk); } catch (e) { expect(e).toBeInstanceOf(LoadRefusal); }
    }
  });
});

describe('what the hart can run is accepted', () => {
  const accepted: [string, Uint8Array][] = [
    ['soft-float e_flags (0)', craftElf({ flags: 0 })],
    ['double-float e_flags (EF_RISCV_FLOAT_ABI_DOUBLE)', craftElf({ flags: 0x4 })],
    ['EF_RISCV_TSO: one in-order hart is stronger than RVTSO', craftElf({ flags: 0x14 })],
    ['the arch GNU ld writes for -march=rv32imafd', craftElf({ flags: 0x4, arch: 'rv32i2p1_m2p0_a2p1_f2p2_d2p2_zicsr2p0_zifencei2p0' })],
    ['the arch GNU ld writes for -march=rv32im (with Zmmul)', craftElf({ arch: 'rv32i2p1_m2p0_zmmul1p0' })],
    ['an rv32g arch string', craftElf({ arch: 'rv32g' })],
    ['an arch string with Ztso and Zicntr', craftElf({ arch: 'rv32i2p1_a2p1_zicntr2p0_ztso1p0' })],
    ['an old I (2.0, Zicsr and Zifencei inside)', craftElf({ arch: 'rv32i2p0_m2p0_a2p0_f2p0_d2p0' })],
  ];
  for (const [what, bytes] of accepted) {
    it(`accepts ${what}`, () => {
      expect(planLoad(bytes).entry).toBe(0x10000);
    });
  }
});

describe('load plan', () => {
  it('plans text R-X, data RW- and a separate bss region, the break after the highest segment', () => {
    const plan = planLoad(good);
    expect(plan.entry).toBe(0x10000);
    expect(plan.regions.map((r) => [r.kind, r.start, r.end, r.prot])).toEqual([
      ['text', 0x10000, 0x11000, 5],
      ['data', 0x11000, 0x12000, 3],
      ['bss', 0x12000, 0x14000, 3],
    ]);
    expect(plan.regions[1].data).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(plan.brkStart).toBe(0x14000);
    expect(plan.phnum).toBe(2);
    expect(plan.phent).toBe(32);
  });

  it('plans rodata read-only', () => {
    const plan = planLoad(craftElf({ segments: [
      { vaddr: 0x10000, data: new Uint8Array(8), flags: TEXT },
      { vaddr: 0x11000, data: new Uint8Array(8), flags: RO }] }));
    expect(plan.regions.map((r) => [r.kind, r.prot])).toEqual([['text', 5], ['rodata', 1]]);
  });
});
