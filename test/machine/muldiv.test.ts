// The M extension: mul/mulh/mulhsu/mulhu exact against BigInt, div/divu/rem/remu including
// division by zero and INT_MIN / -1, both through machine/muldiv.ts and through the CPU.

import { describe, expect, it } from 'vitest';
import { mulh, mulhsu, mulhu } from '../../machine/muldiv.js';
import { EDGES, evalR, hex, pairsOf, prng, R, runBare } from './support.js';

const INT_MIN = 0x80000000 | 0;
const s64 = (v: number): bigint => BigInt(v | 0);
const u64 = (v: number): bigint => BigInt(v >>> 0);
const high = (p: bigint): number => Number(BigInt.asIntN(32, p >> 32n));
const low = (p: bigint): number => Number(BigInt.asIntN(32, p));

/** BigInt references (Unprivileged ISA chapter 7). */
const REF: Record<string, (a: number, b: number) => number> = {
  mul: (a, b) => low(s64(a) * s64(b)),
  mulh: (a, b) => high(s64(a) * s64(b)),
  mulhsu: (a, b) => high(s64(a) * u64(b)),
  mulhu: (a, b) => high(u64(a) * u64(b)),
  div: (a, b) => ((b | 0) === 0 ? -1 : (a | 0) === INT_MIN && (b | 0) === -1 ? INT_MIN : low(s64(a) / s64(b))),
  divu: (a, b) => ((b | 0) === 0 ? -1 : low(u64(a) / u64(b))),
  rem: (a, b) => ((b | 0) === 0 ? a | 0 : (a | 0) === INT_MIN && (b | 0) === -1 ? 0 : low(s64(a) % s64(b))),
  remu: (a, b) => ((b | 0) === 0 ? a | 0 : low(u64(a) % u64(b))),
};

const MORE_EDGES = [...EDGES, 0x10000, 0xffff0000 | 0, 0x7fff, 0x8000, -3, 3, 0x55555555, 0xaaaaaaaa | 0];

function randomPairs(seed: number, count: number): [number, number][] {
  const next = prng(seed);
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const a = next();
    // Mix full-width values with small ones so quotients and remainders are varied.
    const b = i % 3 === 0 ? next() >> (i % 29) : next();
    out.push([a, b]);
  }
  return out;
}

describe('machine/muldiv.ts high-half multiplies', () => {
  const fns: [string, (a: number, b: number) => number][] = [['mulh', mulh], ['mulhsu', mulhsu], ['mulhu', mulhu]];

  it.each(fns)('%s equals the BigInt product for every pair of edge values', (name, fn) => {
    for (const [a, b] of pairsOf(MORE_EDGES)) expect(fn(a, b), `${name}(${hex(a)}, ${hex(b)})`).toBe(REF[name](a, b));
  });

  it.each(fns)('%s equals the BigInt product for 20,000 random pairs', (name, fn) => {
    let wrong = 0;
    let first = '';
    for (const [a, b] of randomPairs(name.length * 7919, 20_000)) {
      if (fn(a, b) !== REF[name](a, b)) {
        wrong++;
        first ||= `${name}(${hex(a)}, ${hex(b)}) = ${hex(fn(a, b))}, want ${hex(REF[name](a, b))}`;
      }
    }
    expect(first).toBe('');
    expect(wrong).toBe(0);
  });

  it('mulhu reads its inputs as unsigned, so 0xffffffff and -1 give the same result', () => {
    expect(mulhu(0xffffffff, 0xffffffff)).toBe(mulhu(-1, -1));
    expect(mulhu(-1, -1)).toBe(0xfffffffe | 0);
  });
});

describe('M instructions on the CPU', () => {
  it.each(Object.keys(REF))('%s matches the BigInt reference on every pair of edge values', (op) => {
    const pairs = pairsOf(MORE_EDGES);
    const got = evalR(op, pairs);
    pairs.forEach(([a, b], i) => expect(got[i], `${op} ${hex(a)}, ${hex(b)}`).toBe(REF[op](a, b)));
  });

  it.each(Object.keys(REF))('%s matches the BigInt reference on 300 random pairs', (op) => {
    const pairs = randomPairs(op.charCodeAt(0) * 131 + op.length, 300);
    const got = evalR(op, pairs);
    pairs.forEach(([a, b], i) => expect(got[i], `${op} ${hex(a)}, ${hex(b)}`).toBe(REF[op](a, b)));
  });

  it('divides by zero as the ISA says: quotient all ones, remainder the dividend', () => {
    for (const a of [0, 1, -1, INT_MIN, 0x7fffffff, 12345]) {
      const [div, divu, rem, remu] = ['div', 'divu', 'rem', 'remu'].map((op) => evalR(op, [[a, 0]])[0]);
      expect(div, `div ${a}/0`).toBe(-1);
      expect(divu >>> 0, `divu ${a}/0`).toBe(0xffffffff);
      expect(rem, `rem ${a}%0`).toBe(a | 0);
      expect(remu, `remu ${a}%0`).toBe(a | 0);
    }
  });

  it('overflows INT_MIN / -1 to INT_MIN with remainder 0', () => {
    expect(evalR('div', [[INT_MIN, -1]])).toEqual([INT_MIN]);
    expect(evalR('rem', [[INT_MIN, -1]])).toEqual([0]);
    expect(evalR('divu', [[INT_MIN, -1]])).toEqual([0]);
    expect(evalR('remu', [[INT_MIN, -1]])).toEqual([INT_MIN]);
    expect(evalR('mul', [[INT_MIN, -1]])).toEqual([INT_MIN]);
    expect(evalR('mulh', [[INT_MIN, -1]])).toEqual([0]);
  });

  it('rounds signed division toward zero and gives the remainder the sign of the dividend', () => {
    expect(evalR('div', [[-7, 2], [7, -2], [-7, -2]])).toEqual([-3, -3, 3]);
    expect(evalR('rem', [[-7, 2], [7, -2], [-7, -2]])).toEqual([-1, 1, -1]);
  });

  it('writes nothing to x0 and reads each source before writing rd == rs1', () => {
    const m = runBare((p) => {
      p.li(R.a0, 100).li(R.a1, 7);
      p.emit('div', R.zero, R.a0, R.a1).emit('rem', R.a0, R.a0, R.a1).emit('mul', R.a1, R.a1, R.a1);
    });
    expect([m.cpu.x[0], m.cpu.x[R.a0], m.cpu.x[R.a1]]).toEqual([0, 2, 49]);
  });
});
