import { describe, expect, it } from 'vitest';
import { buildInitialStack } from '../../loader/stack.js';

const input = {
  argv: ['prog', 'héllo'],
  envp: ['A=1'],
  execfn: '/bin/prog',
  random: new Uint8Array(16).fill(7),
  entry: 0x10074,
  phdrVa: 0x10034,
  phent: 32,
  phnum: 3,
};

describe('initial stack image', () => {
  const top = 0xc0000000;
  const img = buildInitialStack(input, top);
  const v = new DataView(img.bytes.buffer);
  const word = (va: number): number => v.getUint32(va - img.sp, true);
  const str = (va: number): string => {
    const start = va - img.sp;
    const end = img.bytes.indexOf(0, start);
    return new TextDecoder().decode(img.bytes.subarray(start, end));
  };

  it('puts sp 16-byte aligned at argc, the image ending at the stack top', () => {
    expect(img.sp % 16).toBe(0);
    expect(img.sp + img.bytes.length).toBe(top);
    expect(word(img.sp)).toBe(2);
  });

  it('lays argv, NULL, envp, NULL, then the auxv pairs', () => {
    expect(str(word(img.sp + 4))).toBe('prog');
    expect(str(word(img.sp + 8))).toBe('héllo');
    expect(word(img.sp + 12)).toBe(0);
    expect(str(word(img.sp + 16))).toBe('A=1');
    expect(word(img.sp + 20)).toBe(0);
    const aux = new Map<number, number>();
    for (let p = img.sp + 24; ; p += 8) {
      aux.set(word(p), word(p + 4));
      if (word(p) === 0) break;
    }
    expect(aux.get(3)).toBe(0x10034);
    expect(aux.get(4)).toBe(32);
    expect(aux.get(5)).toBe(3);
    expect(aux.get(6)).toBe(4096);
    expect(aux.get(9)).toBe(0x10074);
    for (const k of [11, 12, 13, 14, 23]) expect(aux.get(k)).toBe(0);
    expect(str(aux.get(31)!)).toBe('/bin/prog');
    const r = aux.get(25)! - img.sp;
    expect(Array.from(img.bytes.subarray(r, r + 16))).toEqual(new Array(16).fill(7));
    expect(aux.get(0)).toBe(0);
  });

  it('refuses arguments larger than 2 MiB with E2BIG', () => {
    expect(() => buildInitialStack({ ...input, argv: ['x'.repeat(3 << 20)] }, top)).toThrow(/more than/);
  });
});
