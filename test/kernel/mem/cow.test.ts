// Copy-on-write fork of an address space: frames shared read-only with owner counts, copied on the first
// store, every frame back when both spaces are gone.
import { describe, expect, it } from 'vitest';
import { Prot } from '../../../abi/mman.js';
import { Pte } from '../../../abi/riscv.js';
import { Access } from '../../../machine/trap.js';
import { boot } from '../../../kernel/boot.js';
import { AddressSpace, FaultResult } from '../../../kernel/mem/addrspace.js';
import { PTE_COW } from '../../../kernel/mem/pagetable.js';
import { copyIn, copyOut } from '../../../kernel/mem/uaccess.js';

function setup() {
  const k = boot({ memMiB: 16, sinks: { bootLog: () => {}, message: () => {} } });
  const used0 = k.frames.usedFrames;
  const parent = AddressSpace.create(k.machine.ram, k.frames, k.commit, (va) => k.machine.cpu.flush(va))!;
  parent.addRegion(0x10000, 0x14000, Prot.READ | Prot.WRITE, 'data', '/prog');
  parent.addRegion(0x20000, 0x21000, Prot.READ | Prot.EXEC, 'text', '/prog');
  copyOut(parent, 0x10000, new Uint8Array([1, 2, 3]));
  parent.writeInitial(0x20000, new Uint8Array([0x13, 0, 0, 0]));
  return { k, used0, parent };
}

describe('AddressSpace.fork', () => {
  it('shares every mapped frame read-only, marked copy-on-write, with two owners', () => {
    const { k, parent } = setup();
    const child = parent.fork()!;
    for (const va of [0x10000, 0x20000]) {
      const a = parent.pageTable.lookup(va);
      const b = child.pageTable.lookup(va);
      expect(a >>> 10).toBe(b >>> 10);
      expect(a & Pte.W).toBe(0);
      expect(b & PTE_COW).toBe(PTE_COW);
      expect(k.frames.owners((a >>> 10) * 4096)).toBe(2);
    }
    expect(child.regions.all()).toEqual(parent.regions.all());
  });

  it('gives the first writer its own copy and leaves the other side unchanged', () => {
    const { k, parent } = setup();
    const child = parent.fork()!;
    expect(copyOut(child, 0x10001, new Uint8Array([9]))).toBe(0);
    expect([...(copyIn(child, 0x10000, 3) as Uint8Array)]).toEqual([1, 9, 3]);
    expect([...(copyIn(parent, 0x10000, 3) as Uint8Array)]).toEqual([1, 2, 3]);
    const pa = (parent.pageTable.lookup(0x10000) >>> 10) * 4096;
    expect(k.frames.owners(pa)).toBe(1);
    // The last owner writes in place: no copy, W back on.
    expect(parent.handleFault(0x10000, Access.Store)).toBe(FaultResult.MAPPED);
    expect((parent.pageTable.lookup(0x10000) >>> 10) * 4096).toBe(pa);
    expect(parent.pageTable.lookup(0x10000) & Pte.W).toBe(Pte.W);
  });

  it('refuses stores to shared read-only pages', () => {
    const { parent } = setup();
    const child = parent.fork()!;
    expect(child.handleFault(0x20000, Access.Store)).toBe(FaultResult.FORBIDDEN);
  });

  it('keeps copy-on-write pages read-only through mprotect', () => {
    const { parent } = setup();
    parent.fork();
    parent.protectRange(0x10000, 0x14000, Prot.READ | Prot.WRITE);
    expect(parent.pageTable.lookup(0x10000) & Pte.W).toBe(0);
  });

  it('returns every frame when both spaces are destroyed, in either order', () => {
    for (const parentFirst of [true, false]) {
      const { k, used0, parent } = setup();
      const child = parent.fork()!;
      copyOut(child, 0x10000, new Uint8Array([5]));
      if (parentFirst) { parent.destroy(); child.destroy(); } else { child.destroy(); parent.destroy(); }
      expect(k.frames.usedFrames).toBe(used0);
    }
  });
});
