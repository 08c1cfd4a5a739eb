import { describe, expect, it } from 'vitest';
import { Errno } from '../../../abi/errno.js';
import { Prot } from '../../../abi/mman.js';
import { copyIn, copyInString, copyInU32, copyOut } from '../../../kernel/mem/uaccess.js';
import { mmFixture } from './mmfixture.js';

const RW = Prot.READ | Prot.WRITE;

function space() {
  const f = mmFixture();
  const as = f.space();
  as.addRegion(0x10000, 0x11000, Prot.READ | Prot.EXEC, 'text', 'prog');
  as.addRegion(0x20000, 0x22000, RW, 'mmap', '');
  as.addRegion(0x30000, 0x31000, Prot.NONE, 'mmap', '');
  return { ...f, as };
}

describe('copyIn / copyOut / copyInString', () => {
  it('copies across a page boundary, faulting absent pages in', () => {
    const { as } = space();
    expect(copyOut(as, 0x20ffe, new Uint8Array([1, 2, 3, 4]))).toBe(0);
    expect(as.residentPages).toBe(2);
    expect(copyIn(as, 0x20ffe, 4)).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(copyInU32(as, 0x20ffe)).toBe(0x04030201);
  });

  it('returns -EFAULT for NULL, the kernel half, 0xffffffff and unmapped memory', () => {
    const { as } = space();
    for (const va of [0, 0xc0000000, 0xffffffff, 0x50000]) {
      expect(copyIn(as, va, 1)).toBe(-Errno.EFAULT);
      expect(copyOut(as, va, new Uint8Array(1))).toBe(-Errno.EFAULT);
    }
  });

  it('returns -EFAULT for a buffer straddling a mapped and an unmapped page, writing nothing', () => {
    const { as, ram } = space();
    expect(copyOut(as, 0x21ffc, new Uint8Array(8).fill(9))).toBe(-Errno.EFAULT);
    const pa = as.pageTable.translate(0x21ffc);
    expect(pa < 0 || ram.u8[pa] === 0).toBe(true);
    expect(copyIn(as, 0x21ffc, 8)).toBe(-Errno.EFAULT);
  });

  it('refuses to write to read-only text and to touch PROT_NONE pages', () => {
    const { as } = space();
    expect(copyOut(as, 0x10000, new Uint8Array(1))).toBe(-Errno.EFAULT);
    expect(copyIn(as, 0x10000, 4)).toBeInstanceOf(Uint8Array);
    expect(copyIn(as, 0x30000, 1)).toBe(-Errno.EFAULT);
  });

  it('reads strings up to the NUL, and fails when the NUL would lie past the last mapped byte', () => {
    const { as } = space();
    copyOut(as, 0x21ff0, new TextEncoder().encode('/dev/null\0'));
    expect(copyInString(as, 0x21ff0, 4096)).toBe('/dev/null');
    copyOut(as, 0x21ff0, new Uint8Array(16).fill(0x61));
    expect(copyInString(as, 0x21ff0, 4096)).toBe(-Errno.EFAULT);
    expect(copyInString(as, 0x21ff0, 8)).toBe(-Errno.ENAMETOOLONG);
  });
});
