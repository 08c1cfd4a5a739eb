// One instruction table, four users: the generated case labels of the interpreter, the interpreter itself,
// the disassembler and the assembler must agree with abi/isa-table.ts on every row and on random words.

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DisasmContext, disassemble } from '../../abi/disasm.js';
import { EXTRA_FORMS, formsOf } from '../../abi/disasm-forms.js';
import { GNU_DEFAULT_ISA, PAGODA_ISA } from '../../abi/isa.js';
import { INSTRUCTIONS, instrOfWord, type InstrSpec } from '../../abi/isa-table.js';
import { Machine } from '../../machine/machine.js';
import { MIB } from '../../machine/ram.js';
import { Trap } from '../../machine/trap.js';
import { assemble } from '../../toolchain/as/index.js';
import { readElf } from '../as/elf-reader.js';
import { renderIsaOps } from './isa-ops-render.js';

const OPS_FILE = new URL('../../abi/isa-ops.ts', import.meta.url);

describe('the generated case labels (abi/isa-ops.ts)', () => {
  it('are exactly what abi/isa-table.ts gives', () => {
    const expected = renderIsaOps();
    if (process.env.UPDATE_ISA_OPS === '1') writeFileSync(OPS_FILE, expected);
    expect(readFileSync(OPS_FILE, 'utf8')).toBe(expected);
  });

  it('are used by machine/cpu.ts for every instruction the machine implements', () => {
    const cpu = readFileSync(new URL('../../machine/cpu.ts', import.meta.url), 'utf8');
    const used = new Set([...cpu.matchAll(/\bOp\.([A-Z0-9_]+)/g)].map((m) => m[1]));
    const implemented = INSTRUCTIONS.filter((s) => s.ext === 'i' || PAGODA_ISA[s.ext]);
    // Rows dispatched by the opcode alone have no inner case; the shifts srai and ebreak share their twins' case.
    const shared = new Set(['LUI', 'AUIPC', 'JAL', 'SRAI', 'EBREAK']);
    const missing = implemented.map((s) => s.name.toUpperCase().replace(/\./g, '_')).filter((n) => !used.has(n) && !shared.has(n));
    expect(missing).toEqual([]);
  });
});

// ---- One sample instance of every row: its assembly text and the word it must encode to ----

const CODE = 0x10000;
const DATA = 0x100000;
/** Register values for the sample operands: rd a0, rs1 a1 (a data address), rs2 a2. */
const A0 = 10;
const A1 = 11;
const A2 = 12;

/** Text and bits of each operand letter of abi/isa-table.ts, with the target label `target` at +4. */
function sampleOperand(letter: string): [string, number] {
  switch (letter) {
    case 'd': return ['a0', A0 << 7];
    case 's': return ['a1', A1 << 15];
    case 't': return ['a2', A2 << 20];
    case 'D': return ['fa0', 10 << 7];
    case 'S': return ['fa1', 11 << 15];
    case 'T': return ['fa2', 12 << 20];
    case 'R': return ['fa3', 13 << 27];
    case 'm': return ['rtz', 1 << 12];
    case 'j': case 'o': return ['8', 8 << 20];
    case 'q': return ['8', 8 << 7];
    case 'u': return ['0x12', 0x12 << 12];
    case 'a': return ['target', (4 >> 1) << 21];
    case 'p': return ['target', (4 >> 1) << 8];
    case '>': return ['3', 3 << 20];
    case 'E': return ['cycle', 0xc00 << 20];
    case 'Z': return ['0', 0];
    case 'P': return ['rw', 3 << 24];
    case 'Q': return ['rw', 3 << 20];
    case '0': return ['0', 0];
    default: return [letter, 0]; // punctuation
  }
}

function sample(spec: InstrSpec): { text: string; word: number } {
  let ops = '';
  let word = spec.match;
  for (const letter of spec.args) {
    // A CSR instruction with rs1 = x0 only reads: the machine's counters are read-only.
    const [text, bits] = spec.format === 'CSR' && letter === 's' ? ['zero', 0] : sampleOperand(letter);
    ops += text;
    word |= bits;
  }
  return { text: ops === '' ? spec.name : `${spec.name}\t${ops}`, word: word >>> 0 };
}

/** Assembles `lines` (one instruction each, with `target` defined after the first) and returns .text words. */
function assembleWords(lines: readonly string[]): number[] {
  const source = lines.map((l, i) => (i === 0 ? `${l}\ntarget:\n` : `${l}\n`)).join('');
  const r = assemble(source, 'rows.s', { march: TABLE_MARCH });
  expect(r.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([]);
  return readElf(r.object as Uint8Array).words('.text').map((w) => w >>> 0);
}

/** Runs one word at CODE with a1 = DATA, a2 = 4; returns why the machine stopped. */
function execute(m: Machine, word: number): Trap {
  m.ram.i32[CODE >> 2] = word | 0;
  m.cpu.pc = CODE;
  m.cpu.x[A1] = DATA;
  m.cpu.x[A2] = 4;
  return m.run(1);
}

const implemented = (s: InstrSpec): boolean => s.ext === 'i' || PAGODA_ISA[s.ext];
/** CSR rows that always write: the machine's only CSRs are read-only counters, so these trap (Zicsr 9.1). */
const alwaysWrites = (s: InstrSpec): boolean => s.name === 'csrrw' || s.name === 'csrrwi';
/** Everything the table has rows for. */
const TABLE_ISA = GNU_DEFAULT_ISA;
const TABLE_MARCH = 'rv32imafd_zicsr_zifencei';
const allExtensions = (): DisasmContext =>
  new DisasmContext({ isa: TABLE_ISA, formatAddress: (a) => (a === 4 ? 'target' : a.toString(16)) });

describe('every row of the table', () => {
  const rows = INSTRUCTIONS.map((s) => [s.name, s] as const);

  it.each(rows)('%s: assembles to the word the table gives, which decodes back to its row', (_name, spec) => {
    const { text, word } = sample(spec);
    expect(assembleWords([text]).map((w) => w.toString(16)), text).toEqual([word.toString(16)]);
    expect(instrOfWord(word)).toBe(spec);
  });

  it.each(rows)('%s: disassembles to one of its own forms, and that text assembles to the same word', (_name, spec) => {
    const { word } = sample(spec);
    const d = disassemble(word, 0, allExtensions());
    expect(formsOf(spec).map((f) => f.name)).toContain(d.mnemonic);
    expect(assembleWords([d.text])).toEqual([word]);
  });

  it.each(rows)('%s: is executed by the machine exactly when the machine implements its extension', (_name, spec) => {
    const m = new Machine({ ramBytes: 16 * MIB, timeSource: () => 0 });
    const trap = execute(m, sample(spec).word);
    const illegal = trap === Trap.IllegalInstruction;
    expect(illegal).toBe(!implemented(spec) || alwaysWrites(spec));
  });
});

describe('random words', () => {
  /** mulberry32: a seeded PRNG so the sample repeats exactly. */
  function prng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
  }

  /** 32-bit words (low bits 11, not a longer encoding), half with a major opcode the table uses. */
  function words(count: number, seed: number): number[] {
    const rnd = prng(seed);
    const opcodes = [...new Set(INSTRUCTIONS.map((s) => s.fields.opcode))];
    const out: number[] = [];
    while (out.length < count) {
      let w = rnd();
      if (out.length % 2 === 0) w = ((w & ~0x7f) | opcodes[rnd() % opcodes.length]!) >>> 0;
      // Every fourth word also clears random bits, so zero registers and zero fields appear.
      if (out.length % 4 === 0) w = (w & ~(rnd() & 0xffff_ff80)) >>> 0;
      if ((w & 3) === 3 && (w & 0x1c) !== 0x1c) out.push(w >>> 0);
    }
    return out;
  }

  const extra = (w: number): boolean => EXTRA_FORMS.some((f) => ((w & f.mask) >>> 0) === f.match);
  const sample = words(60_000, 20261207);

  it('are illegal to the machine exactly when the table does not know them (CSR rows: only when known)', () => {
    const m = new Machine({ ramBytes: 16 * MIB, timeSource: () => 0 });
    const disagreements: string[] = [];
    for (const w of sample) {
      const spec = instrOfWord(w);
      const illegal = execute(m, w) === Trap.IllegalInstruction;
      // A CSR instruction's legality also depends on the CSR and on whether it writes.
      const expectLegal = spec !== undefined && implemented(spec) && spec.format !== 'CSR' && spec.format !== 'CSRI';
      const bad = spec === undefined || !implemented(spec) ? !illegal : expectLegal && illegal;
      if (bad && disagreements.length < 10) disagreements.push(`${w.toString(16)}: table ${spec?.name ?? 'unknown'}, machine ${illegal ? 'illegal' : 'legal'}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('are printed as .4byte by the disassembler exactly when neither the table nor objdump extras know them', () => {
    const ctx = allExtensions();
    const disagreements: string[] = [];
    for (const w of sample) {
      const spec = instrOfWord(w);
      const d = disassemble(w, 0, ctx);
      const unknownToDisasm = d.mnemonic === '.4byte';
      // objdump refuses fence/fence.i whose reserved fields are not zero; the machine ignores those fields.
      const reserved = spec !== undefined && (spec.name === 'fence' || spec.name === 'fence.i');
      const ok = spec === undefined ? unknownToDisasm === !extra(w) : reserved || formsOf(spec).some((f) => f.name === d.mnemonic);
      if (!ok && disagreements.length < 10) disagreements.push(`${w.toString(16)}: table ${spec?.name ?? 'unknown'}, disasm ${d.text}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('that the table knows assemble back from their disassembly to the same word (branches and jumps aside)', () => {
    const ctx = allExtensions();
    const known = sample.filter((w) => {
      const spec = instrOfWord(w);
      return spec !== undefined && spec.format !== 'B' && spec.format !== 'J';
    });
    // objdump prints an empty fence set as `unknown`, which GNU as does not take back either.
    const printable = (t: string): boolean => !t.startsWith('.4byte') && !t.includes('unknown');
    const kept = known.filter((w) => printable(disassemble(w, 0, ctx).text));
    const texts = kept.map((w) => disassemble(w, 0, ctx).text);
    expect(kept.length).toBeGreaterThan(5_000);
    const back = assembleWords(['nop', ...texts]).slice(1);
    const diffs = kept.map((w, i) => [w, back[i]] as const).filter(([w, b]) => w !== b).slice(0, 10)
      .map(([w, b]) => `${texts[kept.indexOf(w)]}: ${w.toString(16)} -> ${b?.toString(16)}`);
    expect(diffs).toEqual([]);
  });
});
