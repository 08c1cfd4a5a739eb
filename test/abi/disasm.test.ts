import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DisasmContext, disassemble, disassembleBytes, formatInstruction, instructionLength } from '../../abi/disasm.js';
import { PAGODA_ISA, parseIsaString } from '../../abi/isa.js';
import { INSTRUCTIONS, encI, encJ, instrByName } from '../../abi/riscv.js';
import { type DumpLine, formatMainRelative, gnuDisassembleWords, hasBinutils, parseDumpLine, wordsToBytes } from './gnu-objdump.js';

interface Fixture {
  tool: string;
  text: string;
  runs: { march: string; lines: string[] }[];
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/disasm-objdump.json', import.meta.url), 'utf8')) as Fixture;

/** Walks `bytes` as objdump walks a section, returning one [address, text] per unit. */
function walk(bytes: Uint8Array, march: string): { address: number; text: string }[] {
  const ctx = new DisasmContext({ isa: parseIsaString(march), formatAddress: formatMainRelative });
  const out: { address: number; text: string }[] = [];
  for (let off = 0; off < bytes.length; ) {
    const d = disassembleBytes(bytes, off, off, ctx);
    out.push({ address: off, text: d.text });
    off += d.size;
  }
  return out;
}

/** Compares our walk with objdump's lines; returns a readable list of differences (empty when equal). */
function differences(ours: { address: number; text: string }[], gnu: DumpLine[]): string[] {
  const diffs: string[] = [];
  const n = Math.max(ours.length, gnu.length);
  for (let i = 0; i < n && diffs.length < 20; i++) {
    const o = ours[i];
    const g = gnu[i];
    if (!o || !g || o.address !== g.address || o.text !== g.text) {
      diffs.push(`objdump: ${g?.raw ?? '(none)'}\n  pagoda:  ${o ? `${o.address.toString(16)}: ${o.text}` : '(none)'}`);
    }
  }
  return diffs;
}

describe(`disassembler against the recorded ${fixture.tool} table`, () => {
  const bytes = Uint8Array.from(Buffer.from(fixture.text, 'hex'));

  it('covers at least 150 encodings including every INSTRUCTIONS entry', () => {
    expect(bytes.length / 4).toBeGreaterThanOrEqual(150);
    const seen = new Set<string>();
    for (let off = 0; off + 4 <= bytes.length; off += 4) {
      const w = new DataView(bytes.buffer).getUint32(off, true);
      for (const s of INSTRUCTIONS) if (((w & s.mask) >>> 0) === s.match) seen.add(s.name);
    }
    expect(INSTRUCTIONS.map((s) => s.name).filter((n) => !seen.has(n))).toEqual([]);
  });

  for (const run of fixture.runs) {
    describe(`with arch ${run.march}`, () => {
      const ours = walk(bytes, run.march);
      // Lines without text continue the raw bytes of a long unit; they carry no unit of their own.
      const gnu = run.lines.map(parseDumpLine).filter((g) => g.text !== undefined);

      it('decodes the stream into the same units at the same addresses', () => {
        expect(ours.map((o) => o.address)).toEqual(gnu.map((g) => g.address));
      });

      it.each(gnu.map((g, i) => [g.raw.trim(), i] as const))('prints %s', (_raw, i) => {
        expect(ours[i]?.text).toBe(gnu[i]!.text);
      });
    });
  }
});

describe('disassemble', () => {
  it('returns mnemonic and operands separately, joined by a TAB in the text', () => {
    const d = disassemble(0x00a00513, 0x10074);
    expect(d).toMatchObject({ mnemonic: 'li', operands: 'a0,10', size: 4, text: 'li\ta0,10' });
    expect(d.target).toBeUndefined();
  });

  it('returns the target of a jump and prints it as the last operand', () => {
    const jal = instrByName('jal')!.match;
    const d = disassemble(encJ(jal, 0, 0x10), 0x10064);
    expect(d).toMatchObject({ mnemonic: 'j', operands: '10074', target: 0x10074 });
    expect(disassemble(encJ(jal, 1, -8), 0x10000).text).toBe('jal\tfff8');
  });

  it('wraps targets and references to 32 bits', () => {
    const jal = instrByName('jal')!.match;
    expect(disassemble(encJ(jal, 0, -16), 8).target).toBe(0xfffffff8);
    expect(disassemble(0xffc02503, 0).text).toBe('lw\ta0,-4(zero) # fffffffc');
  });

  it('prints instructions without operands without a TAB', () => {
    expect(formatInstruction(0x00008067, 0)).toBe('ret');
    expect(formatInstruction(0x00000073, 0)).toBe('ecall');
    expect(formatInstruction(0x00100073, 0)).toBe('ebreak');
  });

  it('prints an unknown 32-bit word as .4byte without leading zeros', () => {
    expect(formatInstruction(0x0000601b, 0)).toBe('.4byte\t0x601b');
    expect(formatInstruction(0x8000000f, 0)).toBe('.4byte\t0x8000000f');
  });

  it('prints a word whose low bits are not 11 as the 16-bit parcel objdump sees there', () => {
    expect(disassemble(0x12345678, 0)).toMatchObject({ text: '.2byte\t0x5678', size: 2 });
    expect(disassemble(0, 0).text).toBe('.2byte\t0x0');
  });

  it('combines lui/auipc with the next access through the same register only within one context', () => {
    const ctx = new DisasmContext();
    expect(disassemble(0x000107b7, 0x100, ctx).text).toBe('lui\ta5,0x10');
    expect(disassemble(0x0047a503, 0x104, ctx)).toMatchObject({ text: 'lw\ta0,4(a5) # 10004', reference: 0x10004 });
    expect(disassemble(0x0047a503, 0x108, ctx).reference).toBeUndefined();
    expect(disassemble(0x000107b7, 0x100).text).toBe('lui\ta5,0x10');
    expect(disassemble(0x0047a503, 0x104).reference).toBeUndefined();
  });

  it('prints gp-relative references only when the context knows __global_pointer$', () => {
    const addiGp = encI(instrByName('addi')!.match, 10, 3, -2048);
    expect(disassemble(addiGp, 0).text).toBe('add\ta0,gp,-2048');
    expect(disassemble(addiGp, 0, new DisasmContext({ gp: 0x11800 })).text).toBe('add\ta0,gp,-2048 # 11000');
  });

  it('prints the floating-point CSR aliases only when F is enabled', () => {
    const withF = new DisasmContext({ isa: parseIsaString('rv32imaf')! });
    expect(disassemble(0x00302573, 0, withF).text).toBe('frcsr\ta0');
    expect(disassemble(0x00359073, 0, withF).text).toBe('fscsr\ta1');
    expect(disassemble(0x0025d573, 0, withF).text).toBe('fsrmi\ta0,11');
    expect(disassemble(0x00302573, 0).text).toBe('csrr\ta0,fcsr');
  });

  it('hides extensions the ISA does not enable, as objdump does', () => {
    const rv32i = new DisasmContext({ isa: parseIsaString('rv32i2p1')! });
    expect(disassemble(0x02b50533, 0, rv32i).text).toBe('.4byte\t0x2b50533');
    expect(disassemble(0x02b50533, 0).text).toBe('mul\ta0,a0,a1');
    expect(disassemble(0xc0002573, 0, rv32i).text).toBe('rdcycle\ta0');
    expect(disassemble(0x30002573, 0, rv32i).text).toBe('.4byte\t0x30002573');
  });

  it('never throws and always consumes 2 or 4 bytes for any 32-bit word', () => {
    let s = 0x9e3779b9;
    for (let i = 0; i < 100_000; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const d = disassemble(s, s ^ 0x5555);
      expect(d.size === 2 || d.size === 4).toBe(true);
      expect(d.text.startsWith(d.mnemonic)).toBe(true);
    }
  });
});

describe('disassembleBytes', () => {
  it('reads long encodings like objdump: 6 and 10+ bytes as .byte lists, 8 as .8byte', () => {
    const ctx = new DisasmContext();
    const bytes = wordsToBytes([0x0000003f, 0x22222222, 0x0000001f, 0x11111111]);
    expect(disassembleBytes(bytes, 0, 0, ctx)).toMatchObject({ text: '.8byte\t0x222222220000003f', size: 8 });
    expect(disassembleBytes(bytes, 8, 8, ctx)).toMatchObject({ text: '.byte\t0x1f, 0x00, 0x00, 0x00, 0x11, 0x11', size: 6 });
    expect(instructionLength(0x007f)).toBe(10);
    expect(instructionLength(0x707f)).toBe(2);
  });

  it('prints a unit cut short by the end of the bytes as the bytes that remain', () => {
    const d = disassembleBytes(Uint8Array.of(0x13, 0x05, 0x00), 0, 0, new DisasmContext());
    expect(d).toMatchObject({ mnemonic: '.byte', operands: '0x13, 0x05, 0x00', size: 3 });
  });
});

describe('isa strings', () => {
  it('reads gcc and gas arch attributes with binutils implications', () => {
    expect(parseIsaString('rv32i2p1_m2p0_zmmul1p0')).toMatchObject({ m: true, a: false, zicsr: false });
    expect(parseIsaString('rv32i2p0_m2p0')).toMatchObject({ zicsr: true, zifencei: true });
    expect(parseIsaString('rv64gc')).toMatchObject({ m: true, a: true, zicsr: true, c: true });
    expect(parseIsaString('rv32i2p1_zmmul1p0')).toMatchObject({ m: false, zmmul: true });
    expect(parseIsaString('rv32i2p1_m2p0_a2p1_zicsr2p0_zifencei2p0')).toEqual(PAGODA_ISA);
    expect(parseIsaString('x86')).toBeUndefined();
  });
});

const tools = hasBinutils();
if (!tools) console.warn('SKIPPED: live objdump differential tests (riscv64-unknown-elf-objdump/as not installed)');

describe.skipIf(!tools)('disassembler against the installed GNU objdump, live', () => {
  function xorshift(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>>= 0);
    };
  }

  /** Follows the words with nops so a long encoding at the end never runs off the section. */
  function check(words: number[], march: string): void {
    const padded = [...words, 0x13, 0x13, 0x13, 0x13, 0x13, 0x13];
    const gnu = gnuDisassembleWords(padded, march).filter((g) => g.text !== undefined);
    const ours = walk(wordsToBytes(padded), march);
    expect(differences(ours, gnu)).toEqual([]);
  }

  it('matches on 20,000 seeded random 32-bit words, line by line', () => {
    const rnd = xorshift(20261126);
    check(Array.from({ length: 20_000 }, () => rnd()), 'rv32ima_zicsr_zifencei');
  });

  it('matches on words built from every INSTRUCTIONS entry with random fields (100 each)', () => {
    const rnd = xorshift(7);
    const words: number[] = [];
    for (const spec of INSTRUCTIONS) {
      for (let i = 0; i < 100; i++) {
        // Every fourth word also clears random register/immediate bits, so zero registers and aliases appear.
        let w = ((rnd() & ~spec.mask) | spec.match) >>> 0;
        if (i % 4 === 0) w = (w & ~(rnd() & 0xfff_ff80)) >>> 0;
        words.push(w);
      }
    }
    check(words, 'rv32ima_zicsr_zifencei');
    check(words, 'rv32i2p1_m2p0_zmmul1p0');
    check(words, 'rv32imafd_zicsr_zifencei');
    check(words, 'rv32imaf_zicsr_zifencei');
  });

  it('matches on 20,000 seeded random words with a major opcode of F and D, with F and D on and off', () => {
    const rnd = xorshift(15);
    const fpOpcodes = [0x07, 0x27, 0x43, 0x47, 0x4b, 0x4f, 0x53, 0x53, 0x53, 0x53];
    const words = Array.from({ length: 20_000 }, (_, i) => {
      let w = ((rnd() & ~0x7f) | fpOpcodes[i % fpOpcodes.length]!) >>> 0;
      // Clear random bits in every other word so fixed zero fields (rs2, funct3) and rm = 0 turn up.
      if (i % 2 === 0) w = (w & ~(rnd() & 0x01ff_ff80)) >>> 0;
      return w;
    });
    check(words, 'rv32imafd_zicsr_zifencei');
    check(words, 'rv32imaf_zicsr_zifencei');
    check(words, 'rv32ima_zicsr_zifencei');
  });

  /** SYSTEM words (every CSR number or funct12, every funct3) with x0 or another register in rd and rs1. */
  function systemWords(topLimit: number): number[] {
    const words: number[] = [];
    for (let top = 0; top < topLimit; top++) {
      for (let f3 = 0; f3 < 8; f3++) {
        for (const rs1 of [0, 5]) for (const rd of [0, 6]) words.push(((top << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | 0x73) >>> 0);
      }
    }
    return words;
  }

  it('matches on every SYSTEM word (CSR names, aliases, privileged instructions) and every fence', () => {
    const fences: number[] = [];
    for (let top = 0; top < 4096; top++) for (const f3 of [0, 1]) for (const rs1 of [0, 7]) fences.push(((top << 20) | (rs1 << 15) | (f3 << 12) | 0x0f) >>> 0);
    check([...systemWords(4096), ...fences], 'rv32ima_zicsr_zifencei');
  });

  it('matches the CSR aliases that depend on the arch: none without Zicsr, frcsr & co. with F', () => {
    check(systemWords(16), 'rv32i2p1_m2p0');
    check(systemWords(16), 'rv32imaf');
  });
});
