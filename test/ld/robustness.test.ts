import { describe, expect, it } from 'vitest';
import { writeArchive } from '../../toolchain/ar.js';
import { link } from '../../toolchain/ld/index.js';
import { gas, hasGas, noteMissing, tempDir } from './tools.js';

noteMissing('linker robustness tests (riscv64-unknown-elf-as)', hasGas);

describe.skipIf(!hasGas)('link() on corrupted input', () => {
  const dir = tempDir();
  const good = gas(
    dir,
    'good',
    '.globl _start\n_start: call f\n lui a0, %hi(d)\n addi a0, a0, %lo(d)\n1: auipc a1, %pcrel_hi(d)\n' +
      ' lw a1, %pcrel_lo(1b)(a1)\n beqz a0, _start\nf: ret\n.data\nd: .word f, d+4\n.bss\n.comm c, 8, 4\nb: .space 16\n',
  );

  const ref = { name: 'ref.o', bytes: gas(dir, 'ref', '.globl _start\n_start: call f\n') };

  it('reports diagnostics and never throws, whatever bytes are flipped', () => {
    let seed = 2024;
    const rand = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    let failures = 0;
    for (let n = 0; n < 1500; n++) {
      const b = good.slice();
      const flips = 1 + (rand() % 6);
      for (let k = 0; k < flips; k++) b[52 + (rand() % (b.length - 52))] = rand() & 255;
      const asArchive = n % 5 === 0;
      const input = asArchive
        ? { name: 'lib.a', bytes: writeArchive([{ name: 'good.o', bytes: b }]) }
        : { name: 'bad.o', bytes: b };
      const inputs = asArchive ? [ref, input] : [input];
      const r = link(inputs);
      if (!r.executable) failures++;
      for (const d of r.diagnostics) expect(typeof d.message).toBe('string');
    }
    expect(failures).toBeGreaterThan(0);
  });
});
