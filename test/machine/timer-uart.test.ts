// The timer interrupts exactly every N retired instructions, across run() calls and traps; the
// console UART moves bytes between the host and the machine in order.

import { describe, expect, it } from 'vitest';
import { Program } from '../../bench/program.js';
import { Machine } from '../../machine/machine.js';
import { Timer } from '../../machine/timer.js';
import { Trap } from '../../machine/trap.js';
import { Uart } from '../../machine/uart.js';
import { bareMachine, CODE, R } from './support.js';

/** An endless loop of three instructions counting in a0. */
function spinner(timerInterval: number): Machine {
  const p = new Program(CODE).label('l').emit('addi', R.a0, R.a0, 1).emit('addi', R.a1, R.a1, 2).emit('jal', R.zero, 'l');
  return bareMachine(p, { timerInterval });
}

describe('timer interrupts', () => {
  it.each([1, 2, 5, 7, 100, 1000])('with interval %i, run() returns Timer after exactly that many instructions, again and again', (n) => {
    const m = spinner(n);
    for (let k = 1; k <= 5; k++) {
      expect(m.run(1_000_000)).toBe(Trap.Timer);
      expect(m.cpu.instret).toBe(k * n);
    }
  });

  it('stops at the next instruction with exactly the interrupted prefix executed', () => {
    const m = spinner(7);
    expect(m.run(100)).toBe(Trap.Timer);
    // 7 instructions: addi, addi, jal, addi, addi, jal, addi -> pc at the second addi.
    expect(m.cpu.pc).toBe(CODE + 4);
    expect(m.cpu.x[R.a0]).toBe(3);
    expect(m.cpu.x[R.a1]).toBe(4);
  });

  it('counts across several small run() budgets', () => {
    const m = spinner(10);
    expect(m.run(3)).toBe(Trap.Budget);
    expect(m.run(3)).toBe(Trap.Budget);
    expect(m.run(3)).toBe(Trap.Budget);
    expect(m.cpu.instret).toBe(9);
    expect(m.run(3)).toBe(Trap.Timer);
    expect(m.cpu.instret).toBe(10);
    expect(m.run(4)).toBe(Trap.Budget);
    expect(m.run(6)).toBe(Trap.Timer);
    expect(m.cpu.instret).toBe(20);
  });

  it('a budget that runs out exactly at the deadline reports the timer', () => {
    const m = spinner(5);
    expect(m.run(5)).toBe(Trap.Timer);
    expect(m.cpu.instret).toBe(5);
  });

  it('keeps counting across an ecall the kernel handles (the ecall itself does not count)', () => {
    const p = new Program(CODE).emit('addi', R.a0, R.a0, 1).emit('ecall').label('l').emit('addi', R.a0, R.a0, 1).emit('jal', R.zero, 'l');
    const m = bareMachine(p, { timerInterval: 4 });
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.instret).toBe(1);
    m.cpu.pc += 4;
    expect(m.run(100)).toBe(Trap.Timer);
    expect(m.cpu.instret).toBe(4);
    expect(m.run(100)).toBe(Trap.Timer);
    expect(m.cpu.instret).toBe(8);
  });

  it('a trap that comes first is reported; the timer fires later at its exact count', () => {
    const p = new Program(CODE).emit('addi', R.a0, R.a0, 1).emit('addi', R.a0, R.a0, 1).emit('ecall')
      .label('l').emit('addi', R.a0, R.a0, 1).emit('jal', R.zero, 'l');
    const m = bareMachine(p, { timerInterval: 3 });
    expect(m.run(100)).toBe(Trap.Ecall);
    m.cpu.pc += 4;
    expect(m.run(100)).toBe(Trap.Timer);
    expect(m.cpu.instret).toBe(3);
  });

  it('an ecall right at the deadline: the timer fires first, then the ecall on resume', () => {
    const p = new Program(CODE).emit('addi', R.a0, R.a0, 1).emit('addi', R.a0, R.a0, 1).emit('addi', R.a0, R.a0, 1).emit('ecall');
    const m = bareMachine(p, { timerInterval: 3 });
    expect(m.run(100)).toBe(Trap.Timer);
    expect(m.cpu.pc).toBe(CODE + 12);
    expect(m.run(100)).toBe(Trap.Ecall);
    expect(m.cpu.instret).toBe(3);
  });

  it('Machine refuses a negative timer interval with a RangeError', () => {
    expect(() => new Machine({ ramBytes: 16 * 1024 * 1024, timerInterval: -5 })).toThrow(RangeError);
  });

  it('is off by default', () => {
    const m = spinner(0);
    expect(m.run(10_000)).toBe(Trap.Budget);
    expect(m.cpu.instret).toBe(10_000);
  });

  it('changing the interval restarts the countdown; 0 turns it off', () => {
    const m = spinner(10);
    expect(m.run(6)).toBe(Trap.Budget);
    m.timer.interval = 4;
    expect(m.run(100)).toBe(Trap.Timer);
    expect(m.cpu.instret).toBe(10);
    m.timer.interval = 0;
    expect(m.run(1000)).toBe(Trap.Budget);
    expect(m.cpu.instret).toBe(1010);
  });
});

describe('Timer (unit)', () => {
  it('budget is Infinity when off and the remaining count when on', () => {
    expect(new Timer().budget).toBe(Infinity);
    const t = new Timer(5);
    expect(t.budget).toBe(5);
    expect(t.advance(2)).toBe(false);
    expect(t.budget).toBe(3);
  });

  it('advance returns true exactly when the count reaches the interval, and rearms', () => {
    const t = new Timer(3);
    expect([t.advance(1), t.advance(1), t.advance(1)]).toEqual([false, false, true]);
    expect(t.remaining).toBe(3);
    expect(t.advance(3)).toBe(true);
  });

  it('advance never fires when off', () => {
    const t = new Timer(0);
    expect(t.advance(1e9)).toBe(false);
  });

  it.each([-1, 1.5, NaN, Infinity])('refuses interval %s with a RangeError', (v) => {
    expect(() => new Timer(v)).toThrow(RangeError);
    const t = new Timer(2);
    expect(() => { t.interval = v; }).toThrow(RangeError);
    expect(t.interval).toBe(2);
  });
});

describe('console UART', () => {
  it('hands input bytes to the machine in order, then -1', () => {
    const u = new Uart();
    u.pushInput(Uint8Array.from([1, 2, 255]));
    u.pushInput('hi');
    expect(u.inputLength).toBe(5);
    expect([u.readByte(), u.readByte(), u.readByte(), u.readByte(), u.readByte()]).toEqual([1, 2, 255, 0x68, 0x69]);
    expect(u.readByte()).toBe(-1);
    expect(u.inputLength).toBe(0);
  });

  it('encodes string input as UTF-8', () => {
    const u = new Uart();
    u.pushInput('é€');
    const got: number[] = [];
    for (let b = u.readByte(); b >= 0; b = u.readByte()) got.push(b);
    expect(got).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac]);
  });

  it('calls onInput after each push so a sleeping reader can wake', () => {
    const u = new Uart();
    let calls = 0;
    u.onInput = () => { calls++; };
    u.pushInput('a');
    u.pushInput(new Uint8Array([1, 2]));
    expect(calls).toBe(2);
  });

  it('keeps order across a long stream read while it is being filled', () => {
    const u = new Uart();
    const out: number[] = [];
    for (let chunk = 0; chunk < 50; chunk++) {
      u.pushInput(Uint8Array.from({ length: 500 }, (_, i) => (chunk * 500 + i) & 0xff));
      for (let i = 0; i < 300; i++) out.push(u.readByte());
    }
    for (let b = u.readByte(); b >= 0; b = u.readByte()) out.push(b);
    expect(out.length).toBe(25_000);
    expect(out.every((b, i) => b === (i & 0xff))).toBe(true);
  });

  it('sends output bytes to the host callback; empty writes are not sent', () => {
    const seen: number[][] = [];
    const u = new Uart((bytes) => seen.push(Array.from(bytes)));
    u.write(Uint8Array.from([0x6f, 0x6b]));
    u.write(new Uint8Array(0));
    u.write(Uint8Array.from([0x0a]));
    expect(seen).toEqual([[0x6f, 0x6b], [0x0a]]);
  });

  it('Machine wires onConsoleOutput to the UART', () => {
    const seen: string[] = [];
    const m = new Machine({ ramBytes: 16 * 1024 * 1024, onConsoleOutput: (b) => seen.push(new TextDecoder().decode(b)) });
    m.uart.write(new TextEncoder().encode('boot'));
    expect(seen).toEqual(['boot']);
  });

  it('a Machine without onConsoleOutput drops output quietly', () => {
    const m = new Machine({ ramBytes: 16 * 1024 * 1024 });
    expect(() => m.uart.write(Uint8Array.from([1]))).not.toThrow();
  });
});
