// The fcvt family against the exact reference: float to integer (saturating, NaN to the maximum),
// integer to float, and between single and double, on edge values in every rounding mode and on
// seeded random values.

import { describe, expect, it } from 'vitest';
import { RoundingMode } from '../../../abi/float.js';
import {
  doubleToInt,
  doubleToSingle,
  doubleToUint,
  intToDouble,
  intToSingle,
  singleToDouble,
  singleToInt,
  singleToUint,
  uintToDouble,
  uintToSingle,
} from '../../../machine/fpu/convert.js';
import { FloatRegisters } from '../../../machine/fpu/float-state.js';
import { prng } from '../support.js';
import { d, describe as line, DOUBLE_EDGES, flagNames, hexBits, LONG, load, Operands, read, SINGLE_EDGES, SINGLE_RANGE_DOUBLES } from './cases.js';
import { convertFormat, DOUBLE, Format, fromInteger, MODE_NAMES, MODES, SINGLE, toInteger } from './reference.js';

const st = new FloatRegisters();

/** Float (in f1) to integer; returns a failure line or null. */
function checkToInteger(f: Format, bits: bigint, rm: number, unsigned: boolean): string | null {
  st.reset();
  load(st, f, 1, bits);
  const mode = rm as RoundingMode;
  const got =
    f === SINGLE
      ? unsigned
        ? singleToUint(st, 1, mode)
        : singleToInt(st, 1, mode)
      : unsigned
        ? doubleToUint(st, 1, mode)
        : doubleToInt(st, 1, mode);
  const expected = toInteger(f, bits, rm, unsigned);
  const want = expected.value | 0; // the x register's bits
  if (got === want && st.fcsr === expected.flags) return null;
  const name = `fcvt.w${unsigned ? 'u' : ''}.${f.name[0]}(${hexBits(f, bits)}) ${MODE_NAMES[rm]}`;
  return `${name}: got ${got} ${flagNames(st.fcsr)}, expected ${want} ${flagNames(expected.flags)}`;
}

/** Integer to float (f4); returns a failure line or null. */
function checkFromInteger(f: Format, value: number, rm: number, unsigned: boolean): string | null {
  st.reset();
  const mode = rm as RoundingMode;
  if (f === SINGLE) (unsigned ? uintToSingle : intToSingle)(st, 4, value, mode);
  else if (unsigned) uintToDouble(st, 4, value);
  else intToDouble(st, 4, value);
  const expected = fromInteger(f, BigInt(unsigned ? value >>> 0 : value | 0), rm);
  const got = read(st, f, 4);
  if (got === expected.bits && st.fcsr === expected.flags) return null;
  return line(f, `fcvt.${f.name[0]}.w${unsigned ? 'u' : ''}(${unsigned ? value >>> 0 : value | 0})`, rm, got, st.fcsr, expected);
}

/** Between formats: f1 in `from` to f4 in `to`. */
function checkBetween(from: Format, bits: bigint, rm: number): string | null {
  st.reset();
  load(st, from, 1, bits);
  const to = from === SINGLE ? DOUBLE : SINGLE;
  if (from === DOUBLE) doubleToSingle(st, 4, 1, rm as RoundingMode);
  else singleToDouble(st, 4, 1);
  const expected = convertFormat(from, to, bits, rm);
  const got = read(st, to, 4);
  if (got === expected.bits && st.fcsr === expected.flags) return null;
  return line(to, `fcvt.${to.name[0]}.${from.name[0]}(${hexBits(from, bits)})`, rm, got, st.fcsr, expected);
}

function collect(failures: string[], result: string | null): void {
  if (result !== null && failures.length < 20) failures.push(result);
}

const INTEGER_EDGES = [
  0, 1, -1, 2, 3, 0x7fffffff, 0x80000000 | 0, 0xffffffff | 0, 0x7ffffffe, 0x80000001 | 0, 1 << 24, (1 << 24) + 1,
  (1 << 24) + 3, (1 << 25) + 2, (1 << 25) + 6, 0x7fffff80, 0x7fffffc0, 0xffffff80 | 0, 0xffffff7f | 0, 123456789,
  -123456789, 0x00ffffff, 0x01ffffff,
];

describe('fcvt between float and integer', () => {
  for (const f of [SINGLE, DOUBLE]) {
    const edges = f === SINGLE ? SINGLE_EDGES : DOUBLE_EDGES;
    for (const unsigned of [false, true]) {
      const name = `fcvt.w${unsigned ? 'u' : ''}.${f.name[0]}`;
      it(`${name} rounds, saturates out-of-range values and infinities, and maps NaN to the maximum`, () => {
        const failures: string[] = [];
        for (const rm of MODES) for (const bits of edges) collect(failures, checkToInteger(f, bits, rm, unsigned));
        expect(failures).toEqual([]);
      });

      it(`${name} is exact on seeded random values, many near the integer range`, () => {
        const failures: string[] = [];
        const gen = new Operands(f, 0xc0de + f.width + (unsigned ? 1 : 0));
        const bias = f.emax;
        for (let i = 0; i < 3000 * LONG; i++) {
          // Exponents from 2^-2 to 2^33 cover fractions, ties and both ends of the range.
          const bits = gen.below(3) === 0 ? gen.operand() : gen.withExponent(gen.below(2) === 0, bias - 2 + gen.below(36));
          collect(failures, checkToInteger(f, bits, MODES[gen.below(5)], unsigned));
        }
        expect(failures).toEqual([]);
      });

      const back = `fcvt.${f.name[0]}.w${unsigned ? 'u' : ''}`;
      it(`${back} rounds integers to ${f.name} in every mode`, () => {
        const failures: string[] = [];
        const next = prng(0xabc + f.width);
        const values = [...INTEGER_EDGES];
        for (let i = 0; i < 500 * LONG; i++) values.push(next() >> (next() & 31));
        for (const rm of MODES) for (const v of values) collect(failures, checkFromInteger(f, v, rm, unsigned));
        expect(failures).toEqual([]);
      });
    }
  }
});

describe('fcvt between single and double', () => {
  it('fcvt.s.d rounds in every mode, with overflow, underflow and canonical NaNs', () => {
    const failures: string[] = [];
    for (const rm of MODES) {
      for (const bits of [...DOUBLE_EDGES, ...SINGLE_RANGE_DOUBLES]) collect(failures, checkBetween(DOUBLE, bits, rm));
    }
    expect(failures).toEqual([]);
  });

  it('fcvt.s.d is exact on seeded random doubles around the single range', () => {
    const failures: string[] = [];
    const gen = new Operands(DOUBLE, 0x5d);
    for (let i = 0; i < 4000 * LONG; i++) {
      const negative = gen.below(2) === 0;
      let bits: bigint;
      switch (gen.below(4)) {
        case 0: // around the binary32 subnormals and the smallest normal
          bits = gen.withExponent(negative, 1023 - 152 + gen.below(30));
          break;
        case 1: // around the largest binary32
          bits = gen.withExponent(negative, 1023 + 125 + gen.below(5));
          break;
        case 2: // ordinary values with ties likely (few low bits)
          bits = gen.withExponent(negative, 1023 - 20 + gen.below(40));
          break;
        default:
          bits = gen.operand();
      }
      collect(failures, checkBetween(DOUBLE, bits, MODES[gen.below(5)]));
    }
    expect(failures).toEqual([]);
  });

  it('fcvt.d.s is exact, and turns NaNs canonical (NV for signalling ones)', () => {
    const failures: string[] = [];
    for (const bits of SINGLE_EDGES) collect(failures, checkBetween(SINGLE, bits, 0));
    expect(failures).toEqual([]);
  });

  it('fcvt.s.d of a value just above half the least subnormal rounds up, of exactly half to even (zero)', () => {
    st.reset();
    load(st, DOUBLE, 1, d(2 ** -150));
    doubleToSingle(st, 2, 1, RoundingMode.RNE);
    expect([st.fInts[2 * 2], st.fcsr]).toEqual([0, 3]); // +0, UF|NX
    st.reset();
    load(st, DOUBLE, 1, d(2 ** -150 + 2 ** -170));
    doubleToSingle(st, 2, 1, RoundingMode.RNE);
    expect([st.fInts[2 * 2], st.fcsr]).toEqual([1, 3]);
  });
});
