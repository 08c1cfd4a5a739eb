// The hart state (machine/hart.ts) moves as one unit: fork copies all of it, execve clears all of it, and a
// signal handler returns to exactly the state it interrupted — every x register, pc, the f registers' bytes
// (NaN payloads and NaN-boxing included) and fcsr. Until FP instructions exist the tests write the f area
// directly, as an FP instruction would.
import { describe, expect, it } from 'vitest';
import { Signal } from '../../../abi/signals.js';
import { FP_FCSR, SC_FPREGS, SC_REGS, SIGFRAME_BYTES, UC_MCONTEXT, UC_OFFSET, UC_SIGMASK } from '../../../abi/sigframe.js';
import { Sys } from '../../../abi/syscalls.js';
import { tinyExecutable } from '../../../bench/kernel.js';
import { Program } from '../../../bench/program.js';
import { copyIn } from '../../../kernel/mem/uaccess.js';
import { spawnProcess } from '../../../kernel/proc/spawn.js';
import { exitProcess, switchTo } from '../../../kernel/proc/lifecycle.js';
import type { Process } from '../../../kernel/proc/process.js';
import { deliverPending, sendSignal, SIGRETURN_VA } from '../../../kernel/proc/signal.js';
import { handleTrap } from '../../../kernel/trap.js';
import { runSlice } from '../../../kernel/sched.js';
import { Hart } from '../../../machine/hart.js';
import { Trap } from '../../../machine/trap.js';
import { bootTestKernel, type TestKernel } from '../../harness.js';

const TEXT = 0x10000;
/** tinyExecutable puts the data segment on the page after a one-page text. */
const DATA = 0x11000;
const SP = 2;
const A0 = 10;

/** Loads x1..x31 (except sp) with values derived from `seed`, all different. */
function fillRegisters(p: Program, seed: number): Program {
  for (let r = 1; r < 32; r++) if (r !== SP) p.li(r, (seed * 0x01000193 + r * 0x9e3779b9) | 0);
  return p;
}

/** Writes f0..f31 and fcsr as an FP program would: signalling and quiet NaNs with payloads, NaN-boxed singles. */
function fillFpState(tf: Hart, seed: number): void {
  for (let i = 0; i < 32; i++) {
    tf.fWords[2 * i] = (seed * 0x2545f491 + i * 0x61c88647) >>> 0;
    tf.fWords[2 * i + 1] = i % 3 === 0 ? 0x7ff40000 + i : i % 3 === 1 ? 0xffffffff : (seed + i) * 0x10001;
  }
  tf.fcsr = 0xe5;
  tf.fpUsed = true;
}

const snapshot = (tf: Hart): Hart => {
  const copy = new Hart();
  copy.copyFrom(tf);
  return copy;
};

function spawn(k: TestKernel, code: Program, data?: Uint8Array): Process {
  const p = spawnProcess(k.kernel, { path: '/bin/prog', bytes: tinyExecutable(code.bytes(), data), argv: ['prog'], envp: [] });
  switchTo(k.kernel, p);
  return p;
}

/** Runs the current process until it traps (or `budget` instructions), and returns the trap. */
const runUntilTrap = (k: TestKernel, budget = 1000): Trap => k.kernel.machine.cpu.run(budget);

function endAll(k: TestKernel): void {
  for (const q of [...k.kernel.processes.values()]) exitProcess(k.kernel, q, { kind: 'signaled', signal: Signal.SIGKILL });
  k.kernel.processes.clear();
  expect(k.counters()).toEqual(k.bootCounters);
}

describe('the hart state as one unit', () => {
  it('fork gives the child every register of the parent, f registers and fcsr included, except a0 = 0', () => {
    const k = bootTestKernel();
    const code = fillRegisters(new Program(TEXT), 1).li(A0, Signal.SIGCHLD).li(11, 0).li(17, Sys.clone).emit('ecall')
      .label('spin').emit('jal', 0, 'spin');
    const parent = spawn(k, code);
    fillFpState(parent.tf, 7);
    expect(runUntilTrap(k)).toBe(Trap.Ecall);
    const before = snapshot(parent.tf);
    handleTrap(k.kernel, parent, Trap.Ecall);

    const child = [...k.kernel.processes.values()].find((q) => q.ppid === parent.pid)!;
    expect(child).toBeDefined();
    expect(parent.tf.a0).toBe(child.pid);
    expect(child.tf.a0).toBe(0);
    expect(child.tf.pc).toBe((before.pc + 4) >>> 0);
    expect(parent.tf.pc).toBe(child.tf.pc);
    for (let r = 1; r < 32; r++) {
      if (r === A0) continue;
      expect(`x${r}=${child.tf.x[r]}`).toBe(`x${r}=${before.x[r]}`);
      expect(`x${r}=${parent.tf.x[r]}`).toBe(`x${r}=${before.x[r]}`);
    }
    expect([...child.tf.fBytes]).toEqual([...before.fBytes]);
    expect(child.tf.fcsr).toBe(0xe5);
    expect(child.tf.fpUsed).toBe(true);
    // A copy, not a shared object: the child's registers are its own.
    expect(child.tf).not.toBe(parent.tf);
    child.tf.fWords[0] ^= 1;
    expect(parent.tf.fWords[0]).toBe(before.fWords[0]);
    endAll(k);
  });

  it('each process keeps its own f registers and fcsr while the timer switches the hart between them', () => {
    const k = bootTestKernel();
    const spinner = (seed: number): Program => fillRegisters(new Program(TEXT), seed).label('spin').emit('jal', 0, 'spin');
    const p = spawn(k, spinner(11));
    const q = spawn(k, spinner(12));
    fillFpState(p.tf, 21);
    fillFpState(q.tf, 22);
    q.tf.fcsr = 0x3a;
    const [pBefore, qBefore] = [snapshot(p.tf), snapshot(q.tf)];
    const interval = k.kernel.machine.timer.interval;
    // Each runs a few slices: the registers' owners alternate on the hart several times.
    expect(runSlice(k.kernel, 8 * interval).kind).toBe('running');
    expect(p.instructions).toBeGreaterThan(2 * interval);
    expect(q.instructions).toBeGreaterThan(2 * interval);
    for (const [r, before, seed] of [[p, pBefore, 11], [q, qBefore, 12]] as const) {
      expect([...r.tf.fBytes]).toEqual([...before.fBytes]);
      expect(r.tf.fcsr).toBe(before.fcsr);
      expect(r.tf.fpUsed).toBe(true);
      // The x registers its program set, too (fillRegisters' values for its seed).
      for (let i = 1; i < 32; i++) if (i !== SP) expect(`x${i}=${r.tf.x[i]}`).toBe(`x${i}=${(seed * 0x01000193 + i * 0x9e3779b9) | 0}`);
    }
    expect(k.kernel.machine.cpu.hart).toBe(k.kernel.current!.tf);
    endAll(k);
  });

  it('execve clears every register, the f registers and fcsr; only sp and pc are set', () => {
    const path = '/bin/next';
    const k = bootTestKernel({ files: { [path]: tinyExecutable(new Program(TEXT).li(A0, 0).li(17, Sys.exit).emit('ecall').bytes()) } });
    const code = fillRegisters(new Program(TEXT), 2).li(A0, DATA).li(11, 0).li(12, 0).li(17, Sys.execve).emit('ecall');
    const p = spawn(k, code, new TextEncoder().encode(`${path}\0`));
    fillFpState(p.tf, 3);
    expect(runUntilTrap(k)).toBe(Trap.Ecall);
    expect(p.tf.x[31]).not.toBe(0);
    handleTrap(k.kernel, p, Trap.Ecall);

    expect(p.name).toBe(path);
    expect(p.tf.pc).toBe(TEXT);
    expect(p.tf.sp).not.toBe(0);
    for (let r = 0; r < 32; r++) if (r !== SP) expect(`x${r}=${p.tf.x[r]}`).toBe(`x${r}=0`);
    expect(p.tf.fBytes.every((b) => b === 0)).toBe(true);
    expect(p.tf.fcsr).toBe(0);
    expect(p.tf.fpUsed).toBe(false);
    endAll(k);
  });

  it('a handler that clobbers every register returns to exactly the interrupted state, f area included', () => {
    const k = bootTestKernel();
    // Entry jumps over the handler. The handler overwrites x1..x31 but sp (sigreturn finds the frame at sp,
    // as on Linux), then "returns" through the sigreturn address.
    const code = new Program(TEXT).emit('jal', 0, 'main');
    const handlerVa = TEXT + 4;
    fillRegisters(code, 99).li(5, SIGRETURN_VA).emit('jalr', 0, 5, 0);
    code.label('main');
    fillRegisters(code, 4).label('spin').emit('jal', 0, 'spin');
    const p = spawn(k, code);
    p.sigactions.set(Signal.SIGUSR1, { handler: handlerVa, flags: 0, mask: [0, 0] });
    fillFpState(p.tf, 5);
    expect(runUntilTrap(k)).toBe(Trap.Budget);
    const interrupted = snapshot(p.tf);

    sendSignal(k.kernel, p, Signal.SIGUSR1);
    deliverPending(k.kernel, p);
    expect(p.tf.pc).toBe(handlerVa);
    expect(p.tf.a0).toBe(Signal.SIGUSR1);
    expect(p.tf.ra >>> 0).toBe(SIGRETURN_VA);
    expect(p.sigmask[0]).toBe(1 << (Signal.SIGUSR1 - 1));
    // As on Linux: a1 = &siginfo, a2 = &ucontext, whose uc_mcontext holds pc, x1..x31, then f0..f31 and fcsr.
    const info = copyIn(p.space, p.tf.a1 >>> 0, 4) as Uint8Array;
    expect(new DataView(info.buffer).getInt32(0, true)).toBe(Signal.SIGUSR1);
    const uc = copyIn(p.space, p.tf.a2 >>> 0, SIGFRAME_BYTES - UC_OFFSET) as Uint8Array;
    const ucv = new DataView(uc.buffer);
    expect(ucv.getUint32(UC_MCONTEXT + SC_REGS, true)).toBe(interrupted.pc);
    for (let r = 1; r < 32; r++) expect(ucv.getInt32(UC_MCONTEXT + SC_REGS + 4 * r, true)).toBe(interrupted.x[r]);
    const fpregs = UC_MCONTEXT + SC_FPREGS;
    expect([...uc.subarray(fpregs, fpregs + 256)]).toEqual([...interrupted.fBytes]);
    expect(ucv.getUint32(fpregs + FP_FCSR, true)).toBe(interrupted.fcsr);
    expect(ucv.getUint32(UC_SIGMASK, true)).toBe(0);
    // What the handler's FP code would do to the f registers and fcsr.
    p.tf.fBytes.fill(0xab);
    p.tf.fcsr = 0x1f;

    expect(runUntilTrap(k)).toBe(Trap.InstructionPageFault);
    expect(p.tf.x[31]).not.toBe(interrupted.x[31]); // the handler did run and clobber
    handleTrap(k.kernel, p, Trap.InstructionPageFault);

    expect(p.alive).toBe(true);
    expect(p.tf.pc).toBe(interrupted.pc);
    for (let r = 0; r < 32; r++) expect(`x${r}=${p.tf.x[r]}`).toBe(`x${r}=${interrupted.x[r]}`);
    expect([...p.tf.fBytes]).toEqual([...interrupted.fBytes]);
    expect(p.tf.fcsr).toBe(interrupted.fcsr);
    expect(p.sigmask).toEqual([0, 0]);
    // And it goes on running where it was.
    expect(runUntilTrap(k, 100)).toBe(Trap.Budget);
    expect(p.tf.pc).toBe(interrupted.pc);
    endAll(k);
  });
});
