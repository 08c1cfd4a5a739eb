// The hart state (machine/hart.ts): ABI names reach the right registers, and a copy is bit-exact —
// the f registers keep NaN payloads and NaN-boxed singles that a trip through a JS number could lose.
import { describe, expect, it } from 'vitest';
import { ABI_REG_NAMES } from '../../abi/riscv.js';
import { Hart } from '../../machine/hart.js';

describe('Hart', () => {
  it('names ra, sp and a0..a7 as the psABI numbers them, and arg(i) is a_i', () => {
    const h = new Hart();
    for (let r = 0; r < 32; r++) h.x[r] = 100 + r;
    const named = h as unknown as Record<string, number>;
    for (const name of ['ra', 'sp', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']) {
      expect(`${name}=${named[name]}`).toBe(`${name}=${100 + ABI_REG_NAMES.indexOf(name)}`);
    }
    for (let i = 0; i < 8; i++) expect(h.arg(i)).toBe(100 + ABI_REG_NAMES.indexOf(`a${i}`));
    h.a7 = -1;
    expect(h.x[ABI_REG_NAMES.indexOf('a7')]).toBe(-1);
  });

  it('sees one 256-byte f area as doubles, words and bytes (f[i] = words 2i low, 2i+1 high)', () => {
    const h = new Hart();
    h.f[3] = 1.5; // 0x3ff80000_00000000
    expect(h.fWords[7]).toBe(0x3ff80000);
    expect(h.fWords[6]).toBe(0);
    expect(h.fBytes[3 * 8 + 7]).toBe(0x3f);
  });

  it('copies every bit: signalling-NaN payloads, NaN-boxed singles, fcsr, the FP-used flag', () => {
    const from = new Hart();
    from.fWords[0] = 0x00000001; from.fWords[1] = 0x7ff00000; // a signalling NaN with payload 1
    from.fWords[2] = 0x7fc00001; from.fWords[3] = 0xffffffff; // a boxed single NaN with a payload
    from.fcsr = 0x7f;
    from.fpUsed = true;
    from.pc = 0x10004;
    from.x[31] = -5;
    const to = new Hart();
    to.copyFrom(from);
    expect([...to.fWords.subarray(0, 4)]).toEqual([1, 0x7ff00000, 0x7fc00001, 0xffffffff]);
    expect([to.fcsr, to.fpUsed, to.pc, to.x[31]]).toEqual([0x7f, true, 0x10004, -5]);
    to.clear();
    expect([to.fWords.some((w) => w !== 0), to.fcsr, to.fpUsed, to.pc, to.x.some((v) => v !== 0)]).toEqual([false, 0, false, 0, false]);
  });
});
