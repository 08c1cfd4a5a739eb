// abi/pages.ts: the page and Sv32 PTE arithmetic every layer shares, checked against the spec's layout
// (Privileged ISA 4.3.1: PPN in bits 31:10, VPN[1] in va bits 31:22, VPN[0] in 21:12).
import { describe, expect, it } from 'vitest';
import {
  alignUp, bytesToPageEnd, makePte, pageDown, pageNumber, pageOffset, pagesIn, pageUp, ptePa, ptePpn, vpn0, vpn1,
} from '../../abi/pages.js';
import { Pte } from '../../abi/riscv.js';

describe('page arithmetic', () => {
  it('rounds to pages, also in the upper half and at the very top', () => {
    expect([pageDown(0), pageDown(0xfff), pageDown(0x1000), pageDown(0xfffff123)]).toEqual([0, 0, 0x1000, 0xfffff000]);
    expect([pageUp(0), pageUp(1), pageUp(0x1000), pageUp(0xbffff001)]).toEqual([0, 0x1000, 0x1000, 0xc0000000]);
    expect(pageUp(0xffffffff)).toBe(2 ** 32);
    expect([alignUp(13, 4), alignUp(16, 4), alignUp(0, 8)]).toEqual([16, 16, 0]);
  });

  it('splits addresses into page number, offset and what is left of the page', () => {
    expect([pageNumber(0x12345678), pageOffset(0x12345678), bytesToPageEnd(0x12345678)]).toEqual([0x12345, 0x678, 0x988]);
    expect([pageNumber(0xfffff000 | 0), pageOffset(-1), bytesToPageEnd(0x2000)]).toEqual([0xfffff, 0xfff, 0x1000]);
    expect(pagesIn(0x10000, 0x13000)).toBe(3);
  });

  it('splits a virtual address into VPN[1] and VPN[0]', () => {
    const va = (0x155 << 22) | (0x2aa << 12) | 0x123;
    expect([vpn1(va), vpn0(va)]).toEqual([0x155, 0x2aa]);
    expect([vpn1(0xffffffff), vpn0(0xffffffff)]).toEqual([0x3ff, 0x3ff]);
  });

  it('builds and reads PTEs with the PPN at bit 10', () => {
    const pte = makePte(0x3fff_f000, Pte.V | Pte.R | Pte.D);
    expect(pte).toBe(((0x3ffff << 10) | Pte.V | Pte.R | Pte.D) >>> 0);
    expect([ptePpn(pte), ptePa(pte)]).toEqual([0x3ffff, 0x3fff_f000]);
    const top = makePte(0xfffff000, Pte.V); // the last 4 KiB of a 32-bit physical space: PPN 0xfffff
    expect(top).toBe(0x3ffffc01);
    expect(ptePa(top)).toBe(0xfffff000);
    const wide = (0x3fffff << 10) | Pte.V; // Sv32's 22-bit PPN (34-bit physical), read as a signed word
    expect([ptePpn(wide), ptePa(wide)]).toEqual([0x3fffff, 0x3fffff * 4096]);
  });
});
