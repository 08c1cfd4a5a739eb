// Zicsr user counters: cycle/instret count retired instructions exactly, their h halves, time
// from the MachineOptions timeSource, and every write or unknown CSR is an illegal instruction.

import { describe, expect, it } from 'vitest';
import { Csr } from '../../abi/riscv.js';
import { encode, Program } from '../../bench/program.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, R, runBare, runUntilTrap } from './support.js';

const rd = (p: Program, reg: number, csr: number): Program => p.emit('csrrs', reg, csr, R.zero);

describe('instret and cycle', () => {
  it('rdinstret as the first instruction reads 0', () => {
    const m = runBare((p) => rd(p, R.a0, Csr.INSTRET));
    expect(m.cpu.x[R.a0]).toBe(0);
  });

  it('rdinstret reads the number of instructions retired before it', () => {
    const m = runBare((p) => {
      for (let i = 0; i < 7; i++) p.emit('addi', R.t0, R.t0, 1);
      rd(p, R.a0, Csr.INSTRET);
      p.emit('addi', R.t0, R.t0, 1);
      rd(p, R.a1, Csr.INSTRET);
    });
    expect(m.cpu.x[R.a0]).toBe(7);
    expect(m.cpu.x[R.a1]).toBe(9);
    expect(m.cpu.instret).toBe(10); // the ecall does not retire
  });

  it('rdcycle equals rdinstret (one cycle per instruction)', () => {
    const m = runBare((p) => {
      p.li(R.t0, 20).label('l').emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'l');
      rd(p, R.a0, Csr.CYCLE);
      rd(p, R.a1, Csr.INSTRET);
    });
    expect(m.cpu.x[R.a0]).toBe(41);
    expect(m.cpu.x[R.a1]).toBe(42);
    expect(m.cpu.cycle).toBe(m.cpu.instret);
  });

  it('counts exactly across several run() slices and a loop', () => {
    const p = new Program(CODE).li(R.t0, 1000).label('l').emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'l');
    rd(p, R.a0, Csr.INSTRET);
    p.emit('ecall');
    const m = bareMachine(p);
    let slices = 0;
    while (m.run(7) === Trap.Budget) slices++;
    expect(m.cpu.x[R.a0]).toBe(2001);
    expect(m.cpu.instret).toBe(2002);
    expect(slices).toBe(Math.floor(2002 / 7));
  });

  it('counts on after an ecall the kernel resumes past, without counting the ecall', () => {
    const p = new Program(CODE).emit('addi', R.t0, R.zero, 1).emit('ecall');
    rd(p, R.a0, Csr.INSTRET);
    p.emit('ecall');
    const m = bareMachine(p);
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.instret).toBe(1);
    m.cpu.pc += 4;
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(1);
    expect(m.cpu.instret).toBe(2);
  });

  it('rdinstreth and rdcycleh read 0 at start', () => {
    const p = new Program(CODE).li(R.a0, -1).li(R.a1, -1);
    rd(p, R.a0, Csr.INSTRETH);
    rd(p, R.a1, Csr.CYCLEH);
    p.emit('ecall');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect([m.cpu.x[R.a0], m.cpu.x[R.a1]]).toEqual([0, 0]);
  });

  it('splits a count above 2^32 into low and high halves', () => {
    const p = new Program(CODE);
    rd(p, R.a0, Csr.INSTRET);
    rd(p, R.a1, Csr.INSTRETH);
    rd(p, R.a2, Csr.CYCLE);
    rd(p, R.a3, Csr.CYCLEH);
    p.emit('ecall');
    const m = bareMachine(p);
    m.cpu.instret = 3 * 2 ** 32 + 0xfffffffe;
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0] >>> 0).toBe(0xfffffffe);
    expect(m.cpu.x[R.a1]).toBe(3);
    // Two instructions later the low half has wrapped to 0 and the high half carried.
    expect(m.cpu.x[R.a2] >>> 0).toBe(0);
    expect(m.cpu.x[R.a3]).toBe(4);
    const q = new Program(CODE);
    rd(q, R.a0, Csr.INSTRET);
    rd(q, R.a1, Csr.INSTRETH);
    q.emit('ecall');
    const m2 = bareMachine(q);
    m2.cpu.instret = 2 ** 32 - 1;
    expect(runUntilTrap(m2)).toBe(Trap.Ecall);
    expect(m2.cpu.x[R.a0] >>> 0).toBe(0xffffffff);
    expect(m2.cpu.x[R.a1]).toBe(1);
  });

  it('csrrsi and csrrci with a zero immediate are plain reads', () => {
    const m = runBare((p) => {
      p.emit('addi', R.t0, R.zero, 0).emit('csrrsi', R.a0, Csr.INSTRET, 0).emit('csrrci', R.a1, Csr.CYCLE, 0);
    });
    expect([m.cpu.x[R.a0], m.cpu.x[R.a1]]).toEqual([1, 2]);
  });

  it('csrrc with rs1 = x0 is a plain read', () => {
    const m = runBare((p) => p.emit('csrrc', R.a0, Csr.INSTRET, R.zero));
    expect(m.cpu.x[R.a0]).toBe(0);
  });
});

describe('time', () => {
  it('rdtime reads the timeSource given in MachineOptions', () => {
    const m = runBare((p) => rd(p, R.a0, Csr.TIME), { timeSource: () => 123456 });
    expect(m.cpu.x[R.a0]).toBe(123456);
  });

  it('rdtime is monotonic: successive reads follow the source', () => {
    let now = 1000;
    const m = runBare((p) => {
      for (let i = 0; i < 5; i++) rd(p, R.a0 + i, Csr.TIME);
    }, { timeSource: () => (now += 37) });
    const reads = [0, 1, 2, 3, 4].map((i) => m.cpu.x[R.a0 + i]);
    expect(reads).toEqual([1037, 1074, 1111, 1148, 1185]);
    for (let i = 1; i < reads.length; i++) expect(reads[i]).toBeGreaterThan(reads[i - 1]);
  });

  it('rdtimeh gives the high half of a time above 2^32', () => {
    const m = runBare((p) => rd(rd(p, R.a0, Csr.TIME), R.a1, Csr.TIMEH), { timeSource: () => 5 * 2 ** 32 + 0x80000001 });
    expect(m.cpu.x[R.a0] >>> 0).toBe(0x80000001);
    expect(m.cpu.x[R.a1]).toBe(5);
  });

  it('the default time source (the host clock) never goes backward (modulo the 32-bit wrap)', () => {
    const m = runBare((p) => {
      rd(p, R.a0, Csr.TIME);
      for (let i = 0; i < 100; i++) p.emit('addi', R.t0, R.t0, 1);
      rd(p, R.a1, Csr.TIME);
    });
    // The low word wraps every ~7 minutes at 10 MHz: the difference, taken modulo 2^32, is small.
    expect((m.cpu.x[R.a1] - m.cpu.x[R.a0]) >>> 0).toBeLessThan(2 ** 31);
  });
});

describe('illegal CSR accesses', () => {
  const illegal: [string, number][] = [
    ['csrrw x0, cycle, t0 (a write)', encode('csrrw', [R.zero, Csr.CYCLE, R.t0])],
    ['csrrw a0, instret, x0 (csrrw always writes)', encode('csrrw', [R.a0, Csr.INSTRET, R.zero])],
    ['csrrs a0, cycle, t0 (sets bits)', encode('csrrs', [R.a0, Csr.CYCLE, R.t0])],
    ['csrrc a0, time, t0 (clears bits)', encode('csrrc', [R.a0, Csr.TIME, R.t0])],
    ['csrrwi a0, cycle, 0', encode('csrrwi', [R.a0, Csr.CYCLE, 0])],
    ['csrrsi a0, instret, 1', encode('csrrsi', [R.a0, Csr.INSTRET, 1])],
    ['csrrci a0, timeh, 31', encode('csrrci', [R.a0, Csr.TIMEH, 31])],
    ['csrrs a0, vstart (no V extension)', encode('csrrs', [R.a0, 0x008, R.zero])],
    ['csrrs a0, mstatus (machine mode)', encode('csrrs', [R.a0, 0x300, R.zero])],
    ['csrrs a0, sstatus (supervisor mode)', encode('csrrs', [R.a0, 0x100, R.zero])],
    ['csrrs a0, satp', encode('csrrs', [R.a0, 0x180, R.zero])],
    ['csrrs a0, mcycle', encode('csrrs', [R.a0, 0xb00, R.zero])],
    ['csrrs a0, 0xfff', encode('csrrs', [R.a0, 0xfff, R.zero])],
    ['funct3 4 under SYSTEM', (encode('csrrs', [R.a0, Csr.CYCLE, R.zero]) & ~0x7000 | 0x4000) >>> 0],
  ];

  it.each(illegal)('%s is an illegal instruction with its bits in tval and rd unchanged', (_name, word) => {
    const p = new Program(CODE).li(R.a0, 77).li(R.t0, 1).word(word).emit('ecall');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.IllegalInstruction);
    expect(m.cpu.tval).toBe(word);
    expect(m.cpu.pc).toBe(CODE + 8);
    expect(m.cpu.x[R.a0]).toBe(77);
    expect(m.cpu.instret).toBe(2);
  });
});
