// The terminal as a person uses it: line editing at the shell prompt, Ctrl-D, and a machine that stays
// responsive while programs spin (timer preemption) and idle while they sleep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { System } from './system.js';

describe('the console terminal', () => {
  let s: System;
  beforeAll(async () => {
    s = new System();
    await s.waitFor('pagoda:/$ ');
  }, 120_000);
  afterAll(async () => {
    if (!s) return;
    await s.powerOff();
    expect(s.counters()).toEqual(s.session.bootCounters);
  });

  it('erases with backspace and kills the line with Ctrl-U before the shell sees it', async () => {
    expect(await s.run('echo helo\x7flo')).toBe('hello');
    expect(await s.run('rm -rf /\x15echo kept')).toBe('kept');
  });

  it('ends a program reading the terminal with Ctrl-D', async () => {
    const before = s.prompts();
    s.type('wc -l\r');
    await s.waitForReader('wc');
    s.type('one\rtwo\r');
    await s.waitFor('two');
    s.type('\x04');
    await s.waitFor(/pagoda:[^\n$]*\$ /, before + 1);
    expect(s.lines().at(-2)).toMatch(/^\s+2$/);
  });

  it('keeps the shell responsive while two programs spin in the background', async () => {
    const a = (await s.run('spin &')).match(/^\[\d+\] (\d+)$/m)![1]; /* [job] pid, as bash */
    const b = (await s.run('spin &')).match(/^\[\d+\] (\d+)$/m)![1];
    expect(await s.run('echo still here')).toBe('still here');
    const ps = await s.run('ps');
    expect(ps).toMatch(new RegExp(`^\\s*${a}\\s+1 R .*spin$`, 'm'));
    expect(ps).toMatch(new RegExp(`^\\s*${b}\\s+1 R .*spin$`, 'm'));
    const ta = s.kernel.processes.get(Number(a))!.instructions;
    await s.run('echo tick');
    expect(s.kernel.processes.get(Number(a))!.instructions).toBeGreaterThan(ta);
    await s.run(`kill ${a} ${b}`);
    await s.run('echo reaped');
    expect(s.kernel.processes.has(Number(a))).toBe(false);
  });

  it('uses no CPU while every process sleeps', async () => {
    await s.run('sleep 2 &');
    const before = s.kernel.machine.cpu.instret;
    await new Promise((r) => setTimeout(r, 400));
    expect(s.kernel.machine.cpu.instret).toBe(before);
  });

  it('reports the terminal size and turns echo off and on through ioctl (stty)', async () => {
    s.session.resize(100, 40);
    expect(await s.run('stty size')).toBe('40 100');
    expect(await s.run('stty')).toBe('rows 40; columns 100; icanon echo isig opost');
    await s.run('stty -echo');
    const before = s.prompts();
    s.type('echo secret\r');
    await s.waitFor(/pagoda:[^\n$]*\$ /, before + 1);
    expect(s.text()).not.toContain('echo secret');
    expect(s.lines().at(-2)).toMatch(/secret$/);
    // Typed without echo, `stty echo` leaves its prompt on the same line, where the line editor's next prompt
    // (drawn from the start of the line) replaces it: wait for the shell to be idle rather than count prompts.
    s.type('stty echo\r');
    await s.waitForIdleShell();
    s.type('echo visible\r');
    await s.waitFor(/echo visible *\nvisible *\n/);
  });
});
