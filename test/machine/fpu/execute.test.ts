// Decoding of the F and D computational instructions: each word, as GNU as encodes it, does what
// calling its operation directly does; reserved rounding modes and unused encodings are illegal
// and change nothing; the fcsr CSRs read and write their fields.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDouble, divDouble, fmaDouble, mulDouble, sqrtDouble } from '../../../machine/fpu/arith-double.js';
import { addSingle, divSingle, fmaSingle, mulSingle, sqrtSingle } from '../../../machine/fpu/arith-single.js';
import { classDouble, classSingle, compareDouble, compareSingle, minMaxDouble, minMaxSingle } from '../../../machine/fpu/compare.js';
import * as cvt from '../../../machine/fpu/convert.js';
import { executeFloat, readFloatCsr, writeFloatCsr } from '../../../machine/fpu/execute.js';
import { FloatRegisters, FloatState } from '../../../machine/fpu/float-state.js';
import { moveIntToSingle, moveSingleToInt, signInjectDouble, signInjectSingle } from '../../../machine/fpu/sign-inject.js';
import { prng } from '../support.js';
import { DOUBLE_EDGES, SINGLE_EDGES } from './cases.js';

const hasGnuAs = spawnSync('riscv64-unknown-elf-as', ['--version']).status === 0;

/** What each instruction below must do: the operation called directly (rd f3 / x3, rs1 f1 / x1, rs2 f2, rs3 f4). */
type Effect = (st: FloatState, x: Int32Array) => void;
const X = (fn: (st: FloatState, x: Int32Array) => number): Effect => (st, x) => { x[3] = fn(st, x); };

const CASES: [string, Effect][] = [];
for (const [rmName, rm] of [['rne', 0], ['rtz', 1], ['rdn', 2], ['rup', 3], ['rmm', 4]] as const) {
  CASES.push(
    [`fadd.s f3, f1, f2, ${rmName}`, (st) => addSingle(st, 3, 1, 2, rm, false)],
    [`fsub.s f3, f1, f2, ${rmName}`, (st) => addSingle(st, 3, 1, 2, rm, true)],
    [`fmul.s f3, f1, f2, ${rmName}`, (st) => mulSingle(st, 3, 1, 2, rm)],
    [`fdiv.s f3, f1, f2, ${rmName}`, (st) => divSingle(st, 3, 1, 2, rm)],
    [`fsqrt.s f3, f1, ${rmName}`, (st) => sqrtSingle(st, 3, 1, rm)],
    [`fadd.d f3, f1, f2, ${rmName}`, (st) => addDouble(st, 3, 1, 2, rm, false)],
    [`fsub.d f3, f1, f2, ${rmName}`, (st) => addDouble(st, 3, 1, 2, rm, true)],
    [`fmul.d f3, f1, f2, ${rmName}`, (st) => mulDouble(st, 3, 1, 2, rm)],
    [`fdiv.d f3, f1, f2, ${rmName}`, (st) => divDouble(st, 3, 1, 2, rm)],
    [`fsqrt.d f3, f1, ${rmName}`, (st) => sqrtDouble(st, 3, 1, rm)],
    [`fmadd.s f3, f1, f2, f4, ${rmName}`, (st) => fmaSingle(st, 3, 1, 2, 4, rm, false, false)],
    [`fmsub.s f3, f1, f2, f4, ${rmName}`, (st) => fmaSingle(st, 3, 1, 2, 4, rm, false, true)],
    [`fnmsub.s f3, f1, f2, f4, ${rmName}`, (st) => fmaSingle(st, 3, 1, 2, 4, rm, true, false)],
    [`fnmadd.s f3, f1, f2, f4, ${rmName}`, (st) => fmaSingle(st, 3, 1, 2, 4, rm, true, true)],
    [`fmadd.d f3, f1, f2, f4, ${rmName}`, (st) => fmaDouble(st, 3, 1, 2, 4, rm, false, false)],
    [`fmsub.d f3, f1, f2, f4, ${rmName}`, (st) => fmaDouble(st, 3, 1, 2, 4, rm, false, true)],
    [`fnmsub.d f3, f1, f2, f4, ${rmName}`, (st) => fmaDouble(st, 3, 1, 2, 4, rm, true, false)],
    [`fnmadd.d f3, f1, f2, f4, ${rmName}`, (st) => fmaDouble(st, 3, 1, 2, 4, rm, true, true)],
    [`fcvt.w.s x3, f1, ${rmName}`, X((st) => cvt.singleToInt(st, 1, rm))],
    [`fcvt.wu.s x3, f1, ${rmName}`, X((st) => cvt.singleToUint(st, 1, rm))],
    [`fcvt.w.d x3, f1, ${rmName}`, X((st) => cvt.doubleToInt(st, 1, rm))],
    [`fcvt.wu.d x3, f1, ${rmName}`, X((st) => cvt.doubleToUint(st, 1, rm))],
    [`fcvt.s.w f3, x1, ${rmName}`, (st, x) => cvt.intToSingle(st, 3, x[1], rm)],
    [`fcvt.s.wu f3, x1, ${rmName}`, (st, x) => cvt.uintToSingle(st, 3, x[1], rm)],
    [`fcvt.s.d f3, f1, ${rmName}`, (st) => cvt.doubleToSingle(st, 3, 1, rm)],
  );
}
CASES.push(
  ['fcvt.d.s f3, f1', (st) => cvt.singleToDouble(st, 3, 1)],
  ['fcvt.d.w f3, x1', (st, x) => cvt.intToDouble(st, 3, x[1])],
  ['fcvt.d.wu f3, x1', (st, x) => cvt.uintToDouble(st, 3, x[1])],
  ['fsgnj.s f3, f1, f2', (st) => signInjectSingle(st, 3, 1, 2, 0)],
  ['fsgnjn.s f3, f1, f2', (st) => signInjectSingle(st, 3, 1, 2, 1)],
  ['fsgnjx.s f3, f1, f2', (st) => signInjectSingle(st, 3, 1, 2, 2)],
  ['fsgnj.d f3, f1, f2', (st) => signInjectDouble(st, 3, 1, 2, 0)],
  ['fsgnjn.d f3, f1, f2', (st) => signInjectDouble(st, 3, 1, 2, 1)],
  ['fsgnjx.d f3, f1, f2', (st) => signInjectDouble(st, 3, 1, 2, 2)],
  ['fmin.s f3, f1, f2', (st) => minMaxSingle(st, 3, 1, 2, false)],
  ['fmax.s f3, f1, f2', (st) => minMaxSingle(st, 3, 1, 2, true)],
  ['fmin.d f3, f1, f2', (st) => minMaxDouble(st, 3, 1, 2, false)],
  ['fmax.d f3, f1, f2', (st) => minMaxDouble(st, 3, 1, 2, true)],
  ['feq.s x3, f1, f2', X((st) => compareSingle(st, 1, 2, 2))],
  ['flt.s x3, f1, f2', X((st) => compareSingle(st, 1, 2, 1))],
  ['fle.s x3, f1, f2', X((st) => compareSingle(st, 1, 2, 0))],
  ['feq.d x3, f1, f2', X((st) => compareDouble(st, 1, 2, 2))],
  ['flt.d x3, f1, f2', X((st) => compareDouble(st, 1, 2, 1))],
  ['fle.d x3, f1, f2', X((st) => compareDouble(st, 1, 2, 0))],
  ['fclass.s x3, f1', X((st) => classSingle(st, 1))],
  ['fclass.d x3, f1', X((st) => classDouble(st, 1))],
  ['fmv.x.w x3, f1', X((st) => moveSingleToInt(st, 1))],
  ['fmv.w.x f3, x1', (st, x) => moveIntToSingle(st, 3, x[1])],
);

/** The words GNU as makes of the CASES' assembly, in order. */
function assemble(lines: string[]): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-fpu-'));
  try {
    writeFileSync(join(dir, 'a.s'), lines.map((l) => `  ${l}\n`).join(''));
    const as = spawnSync('riscv64-unknown-elf-as', ['-march=rv32imafd', '-mabi=ilp32d', '-o', join(dir, 'a.o'), join(dir, 'a.s')]);
    if (as.status !== 0) throw new Error(as.stderr.toString());
    spawnSync('riscv64-unknown-elf-objcopy', ['-O', 'binary', '-j', '.text', join(dir, 'a.o'), join(dir, 'a.bin')]);
    const bytes = readFileSync(join(dir, 'a.bin'));
    return Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readInt32LE(4 * i));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A register file and x registers with operands drawn from the edge sets. */
function randomState(next: () => number): { st: FloatRegisters; x: Int32Array } {
  const st = new FloatRegisters();
  const x = new Int32Array(32);
  for (let n = 0; n < 32; n++) {
    const bits = (next() & 1 ? DOUBLE_EDGES : SINGLE_EDGES.map((b) => b | 0xffffffff00000000n))[(next() >>> 0) % 40];
    st.fInts[2 * n] = Number(bits & 0xffffffffn) | 0;
    st.fInts[2 * n + 1] = Number(bits >> 32n) | 0;
    x[n] = next();
  }
  st.fcsr = (next() >>> 0) % 5 << 5;
  return { st, x };
}

function snapshot(st: FloatRegisters, x: Int32Array): number[] {
  return [...st.fInts, st.fcsr, ...x];
}

describe.skipIf(!hasGnuAs)('F and D instruction words (as GNU as encodes them)', () => {
  const words = hasGnuAs ? assemble(CASES.map(([text]) => text)) : [];

  it('each word does what its operation does, on many operands', () => {
    const next = prng(0xfeed);
    const failures: string[] = [];
    CASES.forEach(([text, effect], i) => {
      for (let trial = 0; trial < 20; trial++) {
        const a = randomState(next);
        const b = { st: new FloatRegisters(), x: Int32Array.from(a.x) };
        b.st.fInts.set(a.st.fInts);
        b.st.fcsr = a.st.fcsr;
        const legal = executeFloat(a.st, a.x, words[i]);
        effect(b.st, b.x);
        if (!legal || snapshot(a.st, a.x).join() !== snapshot(b.st, b.x).join()) failures.push(`${text} (0x${(words[i] >>> 0).toString(16)})`);
      }
    });
    expect([...new Set(failures)]).toEqual([]);
  });

  it('the dynamic rounding mode is frm, and a reserved frm makes the instruction illegal', () => {
    const [dyn] = assemble(['fadd.d f3, f1, f2, dyn']);
    const st = new FloatRegisters();
    st.f[1] = 1;
    st.f[2] = 2 ** -60;
    st.fcsr = 3 << 5; // RUP
    expect(executeFloat(st, new Int32Array(32), dyn)).toBe(true);
    expect(st.f[3]).toBe(1 + 2 ** -52);
    for (const frm of [5, 6, 7]) {
      st.fcsr = frm << 5;
      st.f[3] = 42;
      expect(executeFloat(st, new Int32Array(32), dyn)).toBe(false);
      expect([st.f[3], st.fcsr]).toEqual([42, frm << 5]);
    }
  });

  it('reserved rm fields (5, 6) are illegal in every instruction that has one, and change nothing', () => {
    const failures: string[] = [];
    const withRm = CASES.filter(([text]) => /, rne$/.test(text) || /^fcvt\.d\.[sw]/.test(text));
    const words = assemble(withRm.map(([text]) => text.replace(/, rne$/, '')));
    withRm.forEach(([text], i) => {
      for (const rm of [5, 6]) {
        const word = (words[i] & ~0x7000) | (rm << 12);
        const { st, x } = randomState(prng(i));
        const before = snapshot(st, x);
        if (executeFloat(st, x, word) || snapshot(st, x).join() !== before.join()) failures.push(`${text} rm=${rm}`);
      }
    });
    expect(failures).toEqual([]);
  });
});

describe('unused F and D encodings are illegal', () => {
  const r = (funct7: number, rs2: number, funct3: number, opcode = 0x53): number =>
    ((funct7 << 25) | (rs2 << 20) | (1 << 15) | (funct3 << 12) | (3 << 7) | opcode) | 0;
  const cases: [string, number][] = [
    ['fsqrt.s with rs2 = 1', r(0x2c, 1, 0)],
    ['fsqrt.d with rs2 = 2', r(0x2d, 2, 0)],
    ['fsgnj.s with funct3 = 3', r(0x10, 2, 3)],
    ['fmin.d with funct3 = 2', r(0x15, 2, 2)],
    ['feq.s with funct3 = 3', r(0x50, 2, 3)],
    ['fcvt.s.d with rs2 = 0', r(0x20, 0, 0)],
    ['fcvt.d.s with rs2 = 1', r(0x21, 1, 0)],
    ['fcvt.w.s with rs2 = 2 (fcvt.l.s, RV64)', r(0x60, 2, 0)],
    ['fcvt.s.w with rs2 = 3 (fcvt.s.lu, RV64)', r(0x68, 3, 0)],
    ['fmv.x.d (RV64)', r(0x71, 0, 0)],
    ['fmv.d.x (RV64)', r(0x79, 0, 0)],
    ['fclass.s with funct3 = 2', r(0x70, 0, 2)],
    ['fmv.w.x with funct3 = 1', r(0x78, 0, 1)],
    ['funct7 0x02 (fadd.h)', r(0x02, 2, 0)],
    ['funct7 0x03 (fadd.q)', r(0x03, 2, 0)],
    ['fmadd with fmt 2 (half)', r((4 << 2) | 2, 2, 0, 0x43)],
    ['fnmadd with fmt 3 (quad)', r((4 << 2) | 3, 2, 0, 0x4f)],
  ];
  it.each(cases)('%s', (_, word) => {
    const st = new FloatRegisters();
    const x = new Int32Array(32);
    st.f[1] = 2;
    expect(executeFloat(st, x, word)).toBe(false);
    expect([st.f[3], x[3], st.fcsr]).toEqual([0, 0, 0]);
  });
});

describe('fflags, frm and fcsr', () => {
  it('fflags is fcsr bits 4:0, frm bits 7:5, fcsr bits 7:0; writes keep the other field', () => {
    const st = new FloatRegisters();
    writeFloatCsr(st, 0x003, 0xfff);
    expect([readFloatCsr(st, 0x001), readFloatCsr(st, 0x002), readFloatCsr(st, 0x003)]).toEqual([0x1f, 7, 0xff]);
    writeFloatCsr(st, 0x001, 0x25);
    expect(st.fcsr).toBe(0xe5);
    writeFloatCsr(st, 0x002, 0x9);
    expect(st.fcsr).toBe(0x25);
    expect(readFloatCsr(st, 0x004)).toBe(-1);
  });
});
