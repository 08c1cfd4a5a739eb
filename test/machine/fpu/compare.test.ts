// fmin/fmax, feq/flt/fle, fclass and sign injection on every pair of edge values against the
// reference, then the NaN-boxing rules of single operands held in 64-bit registers, and fcsr.

import { describe, expect, it } from 'vitest';
import { FFlag } from '../../../abi/float.js';
import { addSingle } from '../../../machine/fpu/arith-single.js';
import {
  classDouble,
  classSingle,
  compareDouble,
  compareSingle,
  Comparison,
  minMaxDouble,
  minMaxSingle,
} from '../../../machine/fpu/compare.js';
import { singleToDouble, singleToInt } from '../../../machine/fpu/convert.js';
import { FloatRegisters, setDoubleBits, setSingleBits } from '../../../machine/fpu/float-state.js';
import {
  moveIntToSingle,
  moveSingleToInt,
  SignInjection,
  signInjectDouble,
  signInjectSingle,
} from '../../../machine/fpu/sign-inject.js';
import { DOUBLE_EDGES, flagNames, FORMATS, hexBits, load, read, SINGLE_EDGES } from './cases.js';
import { classify, compareOp, Format, minMax, signInject, SINGLE } from './reference.js';

const st = new FloatRegisters();
const edges = (f: Format): readonly bigint[] => (f === SINGLE ? SINGLE_EDGES : DOUBLE_EDGES);

function loadPair(f: Format, a: bigint, b: bigint): void {
  st.reset();
  load(st, f, 1, a);
  load(st, f, 2, b);
}

for (const f of FORMATS) {
  const x = f.name[0];
  describe(`${f.name} comparisons, min/max, classification and sign injection`, () => {
    it(`fmin.${x}/fmax.${x}: -0 < +0, one NaN gives the other operand, two give the canonical NaN, sNaN raises NV`, () => {
      const failures: string[] = [];
      for (const max of [false, true]) {
        for (const a of edges(f)) {
          for (const b of edges(f)) {
            loadPair(f, a, b);
            if (f === SINGLE) minMaxSingle(st, 3, 1, 2, max);
            else minMaxDouble(st, 3, 1, 2, max);
            const expected = minMax(f, a, b, max);
            const got = read(st, f, 3);
            if (got !== expected.bits || st.fcsr !== expected.flags) {
              const g = typeof got === 'string' ? got : hexBits(f, got);
              failures.push(`f${max ? 'max' : 'min'}.${x}(${hexBits(f, a)}, ${hexBits(f, b)}): got ${g} ${flagNames(st.fcsr)}, expected ${hexBits(f, expected.bits)} ${flagNames(expected.flags)}`);
            }
          }
        }
      }
      expect(failures.slice(0, 20)).toEqual([]);
    });

    it(`feq.${x} is quiet (NV only for signalling NaNs), flt.${x} and fle.${x} signal on any NaN`, () => {
      const failures: string[] = [];
      const ops = [
        ['eq', Comparison.EQ],
        ['lt', Comparison.LT],
        ['le', Comparison.LE],
      ] as const;
      for (const [name, op] of ops) {
        for (const a of edges(f)) {
          for (const b of edges(f)) {
            loadPair(f, a, b);
            const got = f === SINGLE ? compareSingle(st, 1, 2, op) : compareDouble(st, 1, 2, op);
            const expected = compareOp(f, a, b, name);
            if (got !== expected.value || st.fcsr !== expected.flags) {
              failures.push(`f${name}.${x}(${hexBits(f, a)}, ${hexBits(f, b)}): got ${got} ${flagNames(st.fcsr)}, expected ${expected.value} ${flagNames(expected.flags)}`);
            }
          }
        }
      }
      expect(failures.slice(0, 20)).toEqual([]);
    });

    it(`fclass.${x} sets exactly the bit of the operand's class`, () => {
      const failures: string[] = [];
      for (const a of edges(f)) {
        loadPair(f, a, 0n);
        const got = f === SINGLE ? classSingle(st, 1) : classDouble(st, 1);
        const expected = classify(f, a);
        if (got !== expected) failures.push(`fclass.${x}(${hexBits(f, a)}): got 0x${got.toString(16)}, expected 0x${expected.toString(16)}`);
      }
      expect(failures).toEqual([]);
    });

    it(`fsgnj.${x}/fsgnjn.${x}/fsgnjx.${x} move bits, NaN payloads included, and raise nothing`, () => {
      const failures: string[] = [];
      for (const kind of [SignInjection.COPY, SignInjection.NEGATE, SignInjection.XOR]) {
        for (const a of edges(f)) {
          for (const b of edges(f)) {
            loadPair(f, a, b);
            if (f === SINGLE) signInjectSingle(st, 3, 1, 2, kind);
            else signInjectDouble(st, 3, 1, 2, kind);
            const expected = signInject(f, a, b, kind);
            const got = read(st, f, 3);
            if (got !== expected || st.fcsr !== 0) failures.push(`fsgnj[${kind}].${x}(${hexBits(f, a)}, ${hexBits(f, b)}): got ${String(got)}`);
          }
        }
      }
      expect(failures.slice(0, 20)).toEqual([]);
    });
  });
}

describe('NaN-boxing of singles in 64-bit registers', () => {
  /** Puts a single's bits in f n with a high word that is not all ones. */
  function unboxed(n: number, bits: number, high = 0): void {
    setDoubleBits(st, n, high, bits);
  }

  it('an improperly boxed operand reads as the canonical NaN: fadd.s gives the canonical NaN without NV', () => {
    st.reset();
    unboxed(1, 0x3f800000); // 1.0f, but the high word is 0
    setSingleBits(st, 2, 0x3f800000);
    addSingle(st, 3, 1, 2, 0, false);
    expect([st.fInts[2 * 3 + 1], st.fInts[2 * 3] >>> 0, st.fcsr]).toEqual([-1, 0x7fc00000, 0]);
  });

  it('every single result is boxed: the high word becomes all ones', () => {
    st.reset();
    setDoubleBits(st, 3, 0x12345678, 0x9abcdef0);
    setSingleBits(st, 1, 0x3f800000);
    setSingleBits(st, 2, 0x40000000);
    addSingle(st, 3, 1, 2, 0, false);
    expect([st.fInts[2 * 3 + 1], st.fInts[2 * 3]]).toEqual([-1, 0x40400000]);
  });

  it('fclass.s of an improperly boxed value is a quiet NaN; fcvt.d.s gives the canonical double NaN, no NV', () => {
    st.reset();
    unboxed(1, 0x7f800001, 0x7fffffff); // would be a signalling NaN if boxed
    expect(classSingle(st, 1)).toBe(1 << 9);
    singleToDouble(st, 2, 1);
    expect([st.fInts[2 * 2 + 1] >>> 0, st.fInts[2 * 2], st.fcsr]).toEqual([0x7ff80000, 0, 0]);
  });

  it('fsgnj.s of an improperly boxed operand injects the sign into the canonical NaN', () => {
    st.reset();
    unboxed(1, 0x3f800000);
    setSingleBits(st, 2, 0x80000000 | 0);
    signInjectSingle(st, 3, 1, 2, SignInjection.COPY);
    expect(st.fInts[2 * 3] >>> 0).toBe(0xffc00000);
  });

  it('feq.s with an improperly boxed operand is 0 and quiet; flt.s raises NV; fcvt.w.s gives INT_MAX with NV', () => {
    st.reset();
    unboxed(1, 0x3f800000);
    setSingleBits(st, 2, 0x3f800000);
    expect([compareSingle(st, 1, 2, Comparison.EQ), st.fcsr]).toEqual([0, 0]);
    expect([compareSingle(st, 1, 2, Comparison.LT), st.fcsr]).toEqual([0, FFlag.NV]);
    st.fcsr = 0;
    expect([singleToInt(st, 1, 0), st.fcsr]).toEqual([0x7fffffff, FFlag.NV]);
  });

  it('fmv.x.w moves the low word as it is, boxed or not; fmv.w.x boxes', () => {
    st.reset();
    unboxed(1, 0x7f800001 | 0, 0x1234);
    expect(moveSingleToInt(st, 1)).toBe(0x7f800001);
    moveIntToSingle(st, 2, 0xdeadbeef | 0);
    expect([st.fInts[2 * 2 + 1], st.fInts[2 * 2] >>> 0, st.fcsr]).toEqual([-1, 0xdeadbeef, 0]);
  });
});

describe('fcsr', () => {
  it('operations OR their flags into bits 4:0 and leave frm in bits 7:5 alone', () => {
    st.reset();
    st.fcsr = 0x60 | FFlag.DZ; // frm = RUP, DZ already accrued
    setSingleBits(st, 1, 0x3f800000); // 1.0f
    setSingleBits(st, 2, 0x33800000); // 2^-24: 1 + 2^-24 is inexact
    addSingle(st, 3, 1, 2, 0, false);
    expect(st.fcsr).toBe(0x60 | FFlag.DZ | FFlag.NX);
  });
});
