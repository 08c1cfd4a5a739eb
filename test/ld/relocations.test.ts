import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { immB, immI, immJ, immS, immU } from '../../abi/riscv.js';
import { findSection, readElf, readRelocations } from '../../abi/elfread.js';
import {
  gas,
  gnuLink,
  hasGas,
  hasGld,
  linkMessages,
  linkOk,
  noteMissing,
  sectionOf,
  symbolAddress,
  tempDir,
} from './tools.js';

noteMissing('relocation tests (riscv64-unknown-elf-as)', hasGas);
noteMissing('relocation differential tests (riscv64-unknown-elf-ld)', hasGld);

const EVERY_RELOC = `
  .globl _start
_start:
  lui a0, %hi(data_sym)              # 0x00 HI20
  addi a0, a0, %lo(data_sym)         # 0x04 LO12_I
  sw a1, %lo(data_sym+4)(a0)         # 0x08 LO12_S
pc1:
  auipc a2, %pcrel_hi(data_sym+8)    # 0x0c PCREL_HI20
  lw a3, %pcrel_lo(pc1)(a2)          # 0x10 PCREL_LO12_I
  sw a3, %pcrel_lo(pc1)(a2)          # 0x14 PCREL_LO12_S
  call far_func                      # 0x18 CALL_PLT
  jal ra, near_func                  # 0x20 JAL
  beq a0, a1, near_func              # 0x24 BRANCH
  .reloc ., R_RISCV_CALL, far_func
  auipc ra, 0                        # 0x28 CALL
  jalr ra, 0(ra)
  bne a0, a1, _start                 # 0x30 BRANCH backwards
near_func:
  ret
  .section .text.far,"ax",@progbits
far_func:
  lui t0, %hi(msg)
  lw t1, %lo(msg)(t0)
  ret
  .section .rodata
msg: .asciz "relocated"
  .data
data_sym: .word 0, 0, 0
  .word data_sym + 4
  .reloc ., R_RISCV_ADD32, data_sym
  .reloc ., R_RISCV_SUB32, _start
  .word 7
  .reloc ., R_RISCV_SET32, far_func
  .word 0
  .reloc ., R_RISCV_32_PCREL, far_func
  .word 0
  .reloc ., R_RISCV_ADD16, data_sym
  .reloc ., R_RISCV_SUB16, msg
  .half 3
  .reloc ., R_RISCV_ADD8, far_func
  .reloc ., R_RISCV_SUB8, _start
  .byte 1
  .reloc ., R_RISCV_SET6, near_func
  .byte 0xc0
  .reloc ., R_RISCV_SET8, near_func
  .byte 0
  .reloc ., R_RISCV_SUB6, near_func
  .byte 0xc7
  .reloc ., R_RISCV_SET16, far_func
  .half 0
`;

describe.skipIf(!hasGas)('each relocation type patches the value the psABI defines', () => {
  const dir = tempDir();
  const obj = gas(dir, 'every', EVERY_RELOC);
  const exe = linkOk([{ name: 'every.o', bytes: obj }]);
  const text = new DataView(sectionOf(exe, '.text').slice().buffer);
  const data = new DataView(sectionOf(exe, '.data').slice().buffer);
  const sym = (n: string): number => symbolAddress(exe, n);
  const at = (off: number): number => text.getUint32(off, true);
  const textBase = sym('_start');

  it('places .text at 0x10000', () => {
    expect(textBase).toBe(0x10000);
  });

  it('R_RISCV_HI20 + LO12_I + LO12_S rebuild the absolute address', () => {
    const hi = immU(at(0));
    expect((hi + immI(at(4))) >>> 0).toBe(sym('data_sym'));
    expect((hi + immS(at(8))) >>> 0).toBe(sym('data_sym') + 4);
  });

  it('R_RISCV_PCREL_HI20 + PCREL_LO12_I/S use the auipc value, not the label', () => {
    const pc = textBase + 0x0c;
    const hi = (pc + immU(at(0x0c))) >>> 0;
    expect((hi + immI(at(0x10))) >>> 0).toBe(sym('data_sym') + 8);
    expect((hi + immS(at(0x14))) >>> 0).toBe(sym('data_sym') + 8);
  });

  it('R_RISCV_CALL_PLT and R_RISCV_CALL patch the auipc+jalr pair', () => {
    for (const off of [0x18, 0x28]) {
      const target = (textBase + off + immU(at(off)) + immI(at(off + 4))) >>> 0;
      expect(target).toBe(sym('far_func'));
    }
  });

  it('R_RISCV_JAL and R_RISCV_BRANCH encode pc-relative offsets, forwards and backwards', () => {
    expect(textBase + 0x20 + immJ(at(0x20))).toBe(sym('near_func'));
    expect(textBase + 0x24 + immB(at(0x24))).toBe(sym('near_func'));
    expect(textBase + 0x30 + immB(at(0x30))).toBe(textBase);
  });

  it('R_RISCV_32, ADD32/SUB32, SET32 and 32_PCREL compute data words', () => {
    const base = sym('data_sym');
    expect(data.getUint32(12, true)).toBe(base + 4);
    expect(data.getUint32(16, true)).toBe(7 + base - textBase);
    expect(data.getUint32(20, true)).toBe(sym('far_func'));
    expect(data.getUint32(24, true)).toBe((sym('far_func') - (base + 24)) >>> 0);
  });

  it('ADD16/SUB16, ADD8/SUB8, SET6, SET8, SUB6 and SET16 compute small fields in place', () => {
    const base = sym('data_sym');
    expect(data.getUint16(28, true)).toBe((3 + base - sym('msg')) & 0xffff);
    expect(data.getUint8(30)).toBe((1 + sym('far_func') - textBase) & 0xff);
    expect(data.getUint8(31)).toBe(0xc0 | (sym('near_func') & 0x3f));
    expect(data.getUint8(32)).toBe(sym('near_func') & 0xff);
    expect(data.getUint8(33)).toBe(0xc0 | ((7 - sym('near_func')) & 0x3f));
    expect(data.getUint16(34, true)).toBe(sym('far_func') & 0xffff);
  });
});

describe.skipIf(!hasGas || !hasGld)('relocated bytes equal GNU ld output with the same layout', () => {
  it('matches .text, .rodata and .data byte for byte', () => {
    const dir = tempDir();
    const obj = gas(dir, 'every', EVERY_RELOC);
    const ours = linkOk([{ name: 'every.o', bytes: obj }]);
    const theirs = gnuLink(dir, 'gnu', [join(dir, 'every.o')], true);
    for (const name of ['.text', '.rodata', '.data']) {
      expect(Buffer.from(sectionOf(ours, name)).toString('hex'), name).toBe(
        Buffer.from(sectionOf(theirs, name)).toString('hex'),
      );
    }
  });
});

/** Rewrites the type of relocation `index` of section `relaName` in an object (to make ULEB128 ones). */
function retype(obj: Uint8Array, relaName: string, index: number, type: number): Uint8Array {
  const copy = obj.slice();
  const elf = readElf(copy);
  const s = findSection(elf, relaName)!;
  copy[s.offset + index * 12 + 4] = type;
  readRelocations(elf, s); // still well-formed
  return copy;
}

describe.skipIf(!hasGas)('ULEB128 relocations and error reports', () => {
  const dir = tempDir();

  it('R_RISCV_SET_ULEB128/SUB_ULEB128 rewrite a ULEB128 in its existing length', () => {
    // gas 2.40 cannot emit these, so emit SET8/SUB8 and retype them to 60/61.
    const src = `.globl _start\n_start: nop\nlater: ret\n.data\n.reloc ., R_RISCV_SET8, later\n.reloc ., R_RISCV_SUB8, _start\n.byte 0x80, 0x80, 0\n`;
    let obj = gas(dir, 'uleb', src);
    obj = retype(retype(obj, '.rela.data', 0, 60), '.rela.data', 1, 61);
    const exe = linkOk([{ name: 'uleb.o', bytes: obj }]);
    expect(Array.from(sectionOf(exe, '.data'))).toEqual([0x84, 0x80, 0x00]); // 4 as a 3-byte ULEB128
  });

  it('reports a branch that cannot reach, naming file, section, type and symbol', () => {
    const obj = gas(dir, 'far', `.globl _start\n_start:\n .reloc ., R_RISCV_BRANCH, away\n .word 0x00b50063 # beq a0,a1,.\n.space 8188\n`);
    const away = gas(dir, 'away', `.globl away\naway: ret\n`);
    expect(linkMessages([{ name: 'far.o', bytes: obj }, { name: 'away.o', bytes: away }])).toEqual([
      "pagoda ld: far.o: error: (.text+0x0): relocation truncated to fit: R_RISCV_BRANCH against 'away' " +
        '(branch offset 8192 is outside -4096..4094)',
    ]);
  });

  it('reports a jal that cannot reach', () => {
    const obj = gas(dir, 'farjal', `.globl _start\n_start: jal foo\n.space 0x100000\nfoo: ret\n`);
    const msgs = linkMessages([{ name: 'farjal.o', bytes: obj }]);
    expect(msgs.length).toBe(1);
    expect(msgs[0]).toContain("farjal.o: error: (.text+0x0): relocation truncated to fit: R_RISCV_JAL against 'foo'");
  });

  it('reports a %pcrel_lo whose label has no %pcrel_hi', () => {
    const obj = gas(dir, 'dangling', `.globl _start\n_start: nop\nlbl: nop\n addi a0, a0, %pcrel_lo(lbl)\n`);
    const msgs = linkMessages([{ name: 'dangling.o', bytes: obj }]);
    expect(msgs).toEqual([
      "pagoda ld: dangling.o: error: (.text+0x8): R_RISCV_PCREL_LO12_I against 'lbl': no R_RISCV_PCREL_HI20 at 0x10004",
    ]);
  });

  it('reports an unsupported relocation type by name', () => {
    const obj = gas(dir, 'got', `.globl _start\n_start:\n1: auipc a0, %got_pcrel_hi(x)\n lw a0, %pcrel_lo(1b)(a0)\n.data\nx: .word 0\n`);
    const msgs = linkMessages([{ name: 'got.o', bytes: obj }]);
    expect(msgs[0]).toBe("pagoda ld: got.o: error: (.text+0x0): unsupported relocation R_RISCV_GOT_HI20 against 'x'");
  });

  it('ignores R_RISCV_RELAX hints in relaxable code (no relaxation is done)', () => {
    const obj = gas(dir, 'relax', `.globl _start\n_start: call f\n ret\nf: ret\n`, ['-mrelax']);
    const exe = linkOk([{ name: 'relax.o', bytes: obj }]);
    const text = new DataView(sectionOf(exe, '.text').slice().buffer);
    expect(0x10000 + immU(text.getUint32(0, true)) + immI(text.getUint32(4, true))).toBe(symbolAddress(exe, 'f'));
  });
});

