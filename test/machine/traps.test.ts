// run(budget) semantics and traps as values: ecall/ebreak, illegal instructions with their bits,
// fences as no-ops, precise traps (nothing changed, not counted) and resuming after the kernel
// edits pc and registers.

import { describe, expect, it } from 'vitest';
import { Pte } from '../../abi/riscv.js';
import { encode, Program } from '../../bench/program.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, DATA, pagedMachine, R, runBare, runUntilTrap } from './support.js';

/** A machine whose program is `count` addi a0, a0, 1 followed by ecall. */
function counter(count: number): ReturnType<typeof bareMachine> {
  const p = new Program(CODE);
  for (let i = 0; i < count; i++) p.emit('addi', R.a0, R.a0, 1);
  return bareMachine(p.emit('ecall'));
}

describe('run(budget)', () => {
  it.each([1, 2, 3, 7, 10])('run(%i) retires exactly that many instructions and stops at the next one', (budget) => {
    const m = counter(20);
    expect(m.run(budget)).toBe(Trap.Budget);
    expect(m.cpu.instret).toBe(budget);
    expect(m.cpu.x[R.a0]).toBe(budget);
    expect(m.cpu.pc).toBe(CODE + 4 * budget);
  });

  it('run(0) does nothing', () => {
    const m = counter(3);
    expect(m.run(0)).toBe(Trap.Budget);
    expect(m.cpu.instret).toBe(0);
    expect(m.cpu.pc).toBe(CODE);
  });

  it('consecutive runs continue where the last stopped', () => {
    const m = counter(20);
    expect(m.run(5)).toBe(Trap.Budget);
    expect(m.run(5)).toBe(Trap.Budget);
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.instret).toBe(20);
    expect(m.cpu.x[R.a0]).toBe(20);
    expect(m.cpu.pc).toBe(CODE + 80);
  });

  it('a budget that ends exactly before the ecall returns Budget, the next run the ecall', () => {
    const m = counter(4);
    expect(m.run(4)).toBe(Trap.Budget);
    expect(m.cpu.pc).toBe(CODE + 16);
    expect(m.run(1)).toBe(Trap.Ecall);
    expect(m.cpu.instret).toBe(4);
  });

  it('Machine.run and cpu.run are the same hart', () => {
    const m = counter(6);
    expect(m.cpu.run(2)).toBe(Trap.Budget);
    expect(m.run(2)).toBe(Trap.Budget);
    expect(m.cpu.instret).toBe(4);
  });

  it('starting at a misaligned pc traps InstructionMisaligned with the pc in tval', () => {
    const m = counter(2);
    m.cpu.pc = CODE + 2;
    expect(m.run(10)).toBe(Trap.InstructionMisaligned);
    expect(m.cpu.tval).toBe(CODE + 2);
    expect(m.cpu.instret).toBe(0);
  });
});

describe('ecall and ebreak', () => {
  it('ecall stops with pc at the ecall, not counted as retired', () => {
    const m = counter(3);
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.pc).toBe(CODE + 12);
    expect(m.cpu.instret).toBe(3);
  });

  it('ebreak stops with pc at the ebreak', () => {
    const p = new Program(CODE).emit('addi', R.a0, R.zero, 1).emit('ebreak').emit('ecall');
    const m = bareMachine(p);
    expect(m.run(100)).toBe(Trap.Ebreak);
    expect(m.cpu.pc).toBe(CODE + 4);
    expect(m.cpu.instret).toBe(1);
  });

  it('the kernel resumes past an ecall by editing pc and a0 (a system call)', () => {
    const p = new Program(CODE).li(R.a7, 64).emit('ecall').emit('addi', R.a1, R.a0, 1).emit('ecall');
    const m = bareMachine(p);
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a7]).toBe(64);
    m.cpu.x[R.a0] = 41;
    m.cpu.pc += 4;
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a1]).toBe(42);
    expect(m.cpu.pc).toBe(CODE + 12);
  });

  it('running again without moving pc repeats the same ecall', () => {
    const m = counter(1);
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.pc).toBe(CODE + 4);
    expect(m.cpu.instret).toBe(1);
  });

  it('tval is 0 after an ecall or ebreak, even when an earlier fault left an address there', () => {
    // A load outside RAM (bare mode) faults with tval = its address; the kernel skips it.
    const p = new Program(CODE).li(R.t0, 0x2000000).emit('lw', R.a0, R.t0, 0).emit('ecall').emit('ebreak');
    const m = bareMachine(p);
    expect(m.run(10)).toBe(Trap.LoadAccessFault);
    expect(m.cpu.tval).toBe(0x2000000);
    m.cpu.pc += 4;
    expect(m.run(10)).toBe(Trap.Ecall);
    expect(m.cpu.tval).toBe(0);
    m.cpu.pc += 4;
    expect(m.run(10)).toBe(Trap.Ebreak);
    expect(m.cpu.tval).toBe(0);
  });
});

describe('illegal instructions', () => {
  const words: [string, number][] = [
    ['the all-zero word', 0x00000000],
    ['the all-ones word', 0xffffffff],
    ['opcode 0x07 with width 1 (FLH: no Zfh)', 0x00051007],
    ['opcode 0x27 with width 4 (FSQ: no Q)', 0x00054027],
    ['opcode 0x0b (custom-0)', 0x0000000b],
    ['opcode 0x7f', 0x0000007f],
    ['opcode 0x1b (OP-IMM-32: RV64 only)', 0x0000001b],
    ['a compressed-looking word (low bits 01)', 0x00004501],
    ['OP with funct7 0x02', 0x04000033 | (R.a0 << 7)],
    ['OP sub-like funct7 0x20 with funct3 1 (no such op)', 0x40001033],
    ['slli with funct7 0x20', (encode('slli', [R.a0, R.a0, 3]) | 0x40000000) >>> 0],
    ['slli with shamt bit 5 set (RV64 shift)', (encode('slli', [R.a0, R.a0, 3]) | 0x02000000) >>> 0],
    ['srli with funct7 0x01', (encode('srli', [R.a0, R.a0, 3]) | 0x02000000) >>> 0],
    ['srai with funct7 0x21', (encode('srai', [R.a0, R.a0, 3]) | 0x02000000) >>> 0],
    ['LOAD funct3 3 (ld)', 0x00003003 | (R.a0 << 7)],
    ['LOAD funct3 6 (lwu)', 0x00006003],
    ['LOAD funct3 7', 0x00007003],
    ['STORE funct3 3 (sd)', 0x00003023],
    ['STORE funct3 4', 0x00004023],
    ['BRANCH funct3 2', 0x00002063],
    ['BRANCH funct3 3', 0x00003063],
    ['JALR funct3 1', 0x00001067],
    ['MISC-MEM funct3 2', 0x0000200f],
    ['AMO funct3 3 (amoadd.d)', 0x0000302f],
    ['AMO funct5 0x05', 0x2800202f],
    ['AMO funct5 0x1f', 0xf800202f],
    ['mret', 0x30200073],
    ['sret', 0x10200073],
    ['uret', 0x00200073],
    ['wfi', 0x10500073],
    ['sfence.vma x0, x0', 0x12000073],
    ['sfence.vma a0, a1', 0x12b50073],
    ['ecall with a non-zero rd field', 0x000000f3],
    ['ebreak with a non-zero rs1 field', 0x00150073],
  ];

  it.each(words)('%s traps with its bits in tval, pc at it, and nothing changed', (_name, word) => {
    const p = new Program(CODE).li(R.a0, 5).li(R.s0, DATA).word(word).emit('ecall');
    const m = bareMachine(p);
    const before = Int32Array.from(m.cpu.x);
    expect(m.run(2)).toBe(Trap.Budget);
    const regs = Int32Array.from(m.cpu.x);
    expect(m.run(100)).toBe(Trap.IllegalInstruction);
    expect(m.cpu.tval).toBe(word >>> 0);
    expect(m.cpu.pc).toBe(CODE + 8);
    expect(m.cpu.instret).toBe(2);
    expect(Array.from(m.cpu.x)).toEqual(Array.from(regs));
    expect(before[R.a0]).toBe(0);
  });

  it('an illegal instruction in a paged program reports its bits too', () => {
    const p = new Program(CODE).emit('addi', R.a0, R.zero, 1).word(0x30200073).emit('ecall');
    const { m } = pagedMachine(p);
    expect(m.run(100)).toBe(Trap.IllegalInstruction);
    expect(m.cpu.tval).toBe(0x30200073);
    expect(m.cpu.pc).toBe(CODE + 4);
  });

  it('the kernel can skip an illegal instruction and resume', () => {
    const p = new Program(CODE).word(0).emit('addi', R.a0, R.zero, 9).emit('ecall');
    const m = bareMachine(p);
    expect(m.run(100)).toBe(Trap.IllegalInstruction);
    m.cpu.pc += 4;
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(9);
  });
});

describe('fence and fence.i', () => {
  it('are no-ops that retire', () => {
    const m = runBare((p) => {
      p.li(R.a0, 3).emit('fence').emit('fence.i').emit('addi', R.a0, R.a0, 1);
      p.word(0x0ff0000f).word(0x8330000f); // fence iorw,iorw and fence.tso
    });
    expect(m.cpu.x[R.a0]).toBe(4);
    expect(m.cpu.instret).toBe(6);
    expect(m.cpu.pc).toBe(CODE + 24);
  });
});

describe('precise traps', () => {
  /** A paged program that sets registers, stores to a mapped page, then faults at `fault`. */
  function faulting(fault: (p: Program) => void): ReturnType<typeof pagedMachine> {
    const p = new Program(CODE);
    p.li(R.s0, 0x400000).li(R.a0, 0x1111).li(R.a1, 0x2222).emit('sw', R.a0, R.s0, 0);
    fault(p);
    p.emit('addi', R.a2, R.zero, 1).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(0x400000, 0x500000, Pte.R | Pte.W | Pte.U);
    pm.pt.mapPage(0x401000, 0x501000, Pte.R | Pte.U);
    return pm;
  }

  const faults: [string, Trap, number, (p: Program) => void][] = [
    ['a load from an unmapped page', Trap.LoadPageFault, 0x402008, (p) => p.li(R.t0, 0x402008).emit('lw', R.a1, R.t0, 0)],
    ['a store to a read-only page', Trap.StorePageFault, 0x401004, (p) => p.li(R.t0, 0x401000).emit('sw', R.a1, R.t0, 4)],
    ['a byte store to an unmapped page', Trap.StorePageFault, 0x7fff0001, (p) => p.li(R.t0, 0x7fff0000).emit('sb', R.a1, R.t0, 1)],
    ['an AMO on a read-only page', Trap.StorePageFault, 0x401000, (p) => p.li(R.t0, 0x401000).emit('amoswap.w', R.a1, R.a0, R.t0)],
    ['a load from the kernel half', Trap.LoadPageFault, 0xc0000000, (p) => p.li(R.t0, 0xc0000000).emit('lw', R.a1, R.t0, 0)],
  ];

  it.each(faults)('%s leaves registers and memory unchanged and the instruction uncounted', (_n, trap, tval, fault) => {
    const { m } = faulting(fault);
    const t = runUntilTrap(m);
    expect(t).toBe(trap);
    expect(m.cpu.tval).toBe(tval);
    expect(m.cpu.x[R.a1]).toBe(0x2222);
    expect(m.cpu.x[R.a2]).toBe(0);
    expect(m.ram.read32(0x500000)).toBe(0x1111);
    expect(m.ram.read32(0x501000)).toBe(0);
    expect(m.ram.read32(0x501004)).toBe(0);
    // li s0 (1), li a0 (2), li a1 (2), sw (1), li t0 (1-2): all retired, the faulting one not.
    const retired = (m.cpu.pc - CODE) / 4;
    expect(m.cpu.instret).toBe(retired);
  });

  it('an instruction fetch from an unmapped page faults with pc and tval at the target', () => {
    const p = new Program(CODE).li(R.t0, 0x600000).li(R.ra, 1).emit('jalr', R.ra, R.t0, 0).emit('ecall');
    const { m } = pagedMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.InstructionPageFault);
    expect(m.cpu.pc).toBe(0x600000);
    expect(m.cpu.tval).toBe(0x600000);
    // The jalr itself retired and linked.
    expect(m.cpu.x[R.ra]).toBe(CODE + 12);
    expect(m.cpu.instret).toBe(3);
  });

  it('falling off the end of the mapped code faults at the first unmapped address', () => {
    const p = new Program(CODE);
    while (p.here < CODE + 0x1000) p.emit('addi', R.a0, R.a0, 1);
    const { m } = pagedMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.InstructionPageFault);
    expect(m.cpu.pc).toBe(CODE + 0x1000);
    expect(m.cpu.tval).toBe(CODE + 0x1000);
    expect(m.cpu.instret).toBe(1024);
    expect(m.cpu.x[R.a0]).toBe(1024);
  });

  it('after a load page fault the kernel maps the page and the load completes on resume (demand paging)', () => {
    const p = new Program(CODE).li(R.t0, 0x402000).emit('lw', R.a0, R.t0, 4).emit('addi', R.a0, R.a0, 1).emit('ecall');
    const { m, pt } = pagedMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.LoadPageFault);
    expect(m.cpu.tval).toBe(0x402004);
    m.ram.write32(0x502004, 99);
    pt.mapPage(0x402000, 0x502000, Pte.R | Pte.U);
    m.cpu.flush(0x402000);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(100);
  });

  it('after a store page fault the kernel maps the page and the store completes on resume', () => {
    const p = new Program(CODE).li(R.t0, 0x402000).li(R.a0, 7).emit('sw', R.a0, R.t0, 8).emit('ecall');
    const { m, pt } = pagedMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.StorePageFault);
    pt.mapPage(0x402000, 0x502000, Pte.R | Pte.W | Pte.U);
    m.cpu.flush(0x402000);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.ram.read32(0x502008)).toBe(7);
  });

  it('the kernel may redirect pc and change registers before resuming (signal delivery)', () => {
    const p = new Program(CODE).word(0).emit('ecall').label('handler').emit('addi', R.a0, R.a0, 100).emit('ecall');
    const m = bareMachine(p);
    expect(m.run(10)).toBe(Trap.IllegalInstruction);
    m.cpu.x[R.a0] = 11;
    m.cpu.pc = CODE + 8;
    expect(m.run(10)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(111);
    expect(m.cpu.pc).toBe(CODE + 12);
  });
});
