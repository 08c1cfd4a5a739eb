// PhysicalMemory: accepted and refused sizes, little-endian accessors, bulk helpers, and the two
// kinds of out-of-range access: a host bug (PhysicalAccessError) versus a CPU access (a trap).

import { describe, expect, it } from 'vitest';
import { Program } from '../../bench/program.js';
import { Machine } from '../../machine/machine.js';
import { CHUNK_SIZE, DEFAULT_RAM_BYTES, MAX_RAM_BYTES, MIB, MIN_RAM_BYTES, PhysicalAccessError, PhysicalMemory } from '../../machine/ram.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, R, runUntilTrap, TEST_RAM } from './support.js';

describe('PhysicalMemory sizes', () => {
  it('exports the documented limits', () => {
    expect([MIN_RAM_BYTES, MAX_RAM_BYTES, DEFAULT_RAM_BYTES, CHUNK_SIZE]).toEqual([16 * MIB, 1024 * MIB, 128 * MIB, 2 * MIB]);
  });

  it.each([16, 18, 20, 64, 126, 128, 1022])('accepts %i MiB', (mib) => {
    const ram = new PhysicalMemory(mib * MIB);
    expect(ram.sizeBytes).toBe(mib * MIB);
    expect(ram.buffer.byteLength).toBe(mib * MIB);
    expect(ram.u8.length).toBe(mib * MIB);
    expect(ram.i32.length).toBe(mib * MIB / 4);
  });

  it('accepts 1 GiB, the maximum', () => {
    const ram = new PhysicalMemory(1024 * MIB);
    expect(ram.sizeBytes).toBe(MAX_RAM_BYTES);
    ram.write32(MAX_RAM_BYTES - 4, 0xdeadbeef);
    expect(ram.read32(MAX_RAM_BYTES - 4)).toBe(0xdeadbeef);
  });

  it('defaults to 128 MiB', () => {
    expect(new PhysicalMemory().sizeBytes).toBe(128 * MIB);
    expect(new Machine().ram.sizeBytes).toBe(128 * MIB);
  });

  it.each([
    ['0', 0], ['14 MiB (too small)', 14 * MIB], ['17 MiB (not a multiple of 2 MiB)', 17 * MIB],
    ['16 MiB + 4 KiB', 16 * MIB + 4096], ['1026 MiB (too large)', 1026 * MIB], ['2 GiB', 2048 * MIB],
    ['a fraction', 16 * MIB + 0.5], ['NaN', NaN], ['Infinity', Infinity], ['-16 MiB', -16 * MIB],
  ] as [string, number][])('refuses %s with a RangeError naming the rule', (_name, bytes) => {
    expect(() => new PhysicalMemory(bytes)).toThrow(RangeError);
    expect(() => new PhysicalMemory(bytes)).toThrow(/multiple of 2 MiB from 16 MiB to 1 GiB/);
  });

  it('Machine passes ramBytes through and refuses a bad one', () => {
    expect(new Machine({ ramBytes: 32 * MIB }).ram.sizeBytes).toBe(32 * MIB);
    expect(() => new Machine({ ramBytes: 3 * MIB })).toThrow(RangeError);
  });

  it('starts zeroed', () => {
    const ram = new PhysicalMemory(16 * MIB);
    expect(ram.read32(0)).toBe(0);
    expect(ram.read32(16 * MIB - 4)).toBe(0);
    expect(ram.readBytes(8 * MIB, 64).every((b) => b === 0)).toBe(true);
  });
});

describe('PhysicalMemory accessors', () => {
  const ram = new PhysicalMemory(16 * MIB);

  it('write32 stores little-endian bytes and read32 returns them unsigned', () => {
    ram.write32(0x100, 0x11223344);
    expect(Array.from(ram.readBytes(0x100, 4))).toEqual([0x44, 0x33, 0x22, 0x11]);
    ram.write32(0x104, -1);
    expect(ram.read32(0x104)).toBe(0xffffffff);
    ram.write32(0x108, 0x80000000);
    expect(ram.read32(0x108)).toBe(0x80000000);
    expect(ram.i32[0x108 / 4]).toBe(0x80000000 | 0);
  });

  it('write16/read16 are little-endian and unsigned; write8/read8 keep the low byte', () => {
    ram.write16(0x200, 0xabcd);
    expect([ram.read8(0x200), ram.read8(0x201)]).toEqual([0xcd, 0xab]);
    expect(ram.read16(0x200)).toBe(0xabcd);
    ram.write16(0x202, -2);
    expect(ram.read16(0x202)).toBe(0xfffe);
    ram.write8(0x204, 0x1ff);
    expect(ram.read8(0x204)).toBe(0xff);
    ram.write8(0x205, -1);
    expect(ram.read8(0x205)).toBe(0xff);
  });

  it('handles misaligned host accesses', () => {
    ram.write32(0x301, 0xa1b2c3d4);
    expect(ram.read32(0x301)).toBe(0xa1b2c3d4);
    expect(ram.read16(0x302)).toBe(0xb2c3);
    expect(Array.from(ram.readBytes(0x300, 6))).toEqual([0, 0xd4, 0xc3, 0xb2, 0xa1, 0]);
  });

  it('the typed views all alias the one buffer', () => {
    ram.write32(0x400, 0xfffe8001);
    expect(ram.u8[0x400]).toBe(0x01);
    expect(ram.i8[0x401]).toBe(-128);
    expect(ram.u16[0x402 / 2]).toBe(0xfffe);
    expect(ram.i16[0x402 / 2]).toBe(-2);
    expect(ram.view.getUint32(0x400, true)).toBe(0xfffe8001);
  });

  it('writeBytes copies in, readBytes returns an independent copy, fill sets a range', () => {
    ram.writeBytes(0x500, Uint8Array.from([1, 2, 3, 4, 5]));
    const copy = ram.readBytes(0x500, 5);
    expect(Array.from(copy)).toEqual([1, 2, 3, 4, 5]);
    copy[0] = 99;
    expect(ram.read8(0x500)).toBe(1);
    ram.fill(0x501, 3, 0xee);
    expect(Array.from(ram.readBytes(0x500, 5))).toEqual([1, 0xee, 0xee, 0xee, 5]);
    ram.fill(0x500, 5);
    expect(Array.from(ram.readBytes(0x500, 5))).toEqual([0, 0, 0, 0, 0]);
  });

  it.each([
    [0, 1, true], [0, 16 * MIB, true], [16 * MIB - 1, 1, true], [16 * MIB, 0, true],
    [16 * MIB, 1, false], [16 * MIB - 3, 4, false], [-1, 1, false], [0.5, 1, false], [0, -1, false], [NaN, 1, false],
  ] as [number, number, boolean][])('contains(%i, %i) is %s', (pa, len, want) => {
    expect(ram.contains(pa, len)).toBe(want);
  });

  const outOfRange: [string, () => unknown][] = [
    ['read8 at the size', () => ram.read8(16 * MIB)],
    ['read16 straddling the end', () => ram.read16(16 * MIB - 1)],
    ['read32 straddling the end', () => ram.read32(16 * MIB - 2)],
    ['read32 at a negative address', () => ram.read32(-4)],
    ['read32 at a fractional address', () => ram.read32(1.5)],
    ['write8 past the end', () => ram.write8(16 * MIB + 100, 1)],
    ['write16 straddling the end', () => ram.write16(16 * MIB - 1, 1)],
    ['write32 at 4 GiB', () => ram.write32(2 ** 32, 1)],
    ['writeBytes running past the end', () => ram.writeBytes(16 * MIB - 2, new Uint8Array(3))],
    ['readBytes running past the end', () => ram.readBytes(16 * MIB - 2, 3)],
    ['readBytes of a negative length', () => ram.readBytes(0, -1)],
    ['fill running past the end', () => ram.fill(16 * MIB - 1, 2)],
  ];

  it.each(outOfRange)('%s throws PhysicalAccessError (a host bug) naming the address', (_name, access) => {
    expect(access).toThrow(PhysicalAccessError);
    expect(access).toThrow(/outside RAM/);
  });

  it('PhysicalAccessError is a RangeError and leaves RAM untouched', () => {
    const last = 16 * MIB - 2;
    ram.write16(last, 0x1234);
    expect(() => ram.write32(last, 0)).toThrow(RangeError);
    expect(ram.read16(last)).toBe(0x1234);
  });
});

describe('CPU accesses outside RAM', () => {
  it.each([
    ['lw', TEST_RAM, Trap.LoadAccessFault], ['lb', TEST_RAM + 5, Trap.LoadAccessFault],
    ['sw', TEST_RAM, Trap.StoreAccessFault], ['sh', 0x7ffffffe, Trap.StoreAccessFault],
  ] as [string, number, Trap][])('%s at %i is an access-fault trap, not a host exception', (name, va, trap) => {
    // Loads are `name rd, 0(s0)`, stores `name rs2, 0(s0)`: the same operand order.
    const m = bareMachine(new Program(CODE).li(R.s0, va).emit(name, R.a0, R.s0, 0).emit('ecall'));
    let trapped: Trap | undefined;
    expect(() => { trapped = runUntilTrap(m); }).not.toThrow();
    expect(trapped).toBe(trap);
    expect(m.cpu.tval).toBe(va);
  });

  it('running off the end of RAM is an instruction access fault', () => {
    const top = TEST_RAM - 8;
    const p = new Program(top).emit('addi', R.a0, R.a0, 1).emit('addi', R.a0, R.a0, 1);
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.InstructionAccessFault);
    expect(m.cpu.pc).toBe(TEST_RAM);
    expect(m.cpu.tval).toBe(TEST_RAM);
    expect(m.cpu.x[R.a0]).toBe(2);
  });
});
