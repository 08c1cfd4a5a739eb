// Ending a process and putting one on the hart.

import { Signal } from '../../abi/signals.js';
import type { Kernel } from '../kernel.js';
import type { ExitStatus, Process } from './process.js';
import { sendSignal } from './signal.js';
import { auditKernel } from '../audit/audit.js';

/** The pid orphans are given to. */
export const INIT_PID = 1;

/**
 * Ends `p` with `status`: records its regions, frees its address space (every frame and page-table page it
 * owns) and closes its files; its children go to init (pid 1), or are reaped by the kernel when there is no
 * init. `p` stays as a zombie for its parent's wait, unless nobody will wait for it (autoReap); the parent
 * gets SIGCHLD (ignored unless it has a handler). Takes it off the hart if it was there.
 */
export function exitProcess(k: Kernel, p: Process, status: ExitStatus): void {
  if (!p.alive) return;
  p.finalRegions = p.space.regions.all().map((r) => ({ ...r }));
  if (k.current === p) {
    k.machine.cpu.setSatp(0);
    k.current = undefined;
  }
  p.space.destroy();
  p.fds.closeAll();
  k.runQueue.remove(p);
  p.status = status;
  orphanChildren(k, p);
  if (p.autoReap) k.processes.delete(p.pid);
  const onExit = p.onExit;
  p.onExit = undefined;
  onExit?.();
  const parent = k.processes.get(p.ppid);
  parent?.childExit.wakeAll();
  if (parent && parent.alive && parent !== p) sendSignal(k, parent, Signal.SIGCHLD);
  if (k.audit) auditKernel(k, `after ${describe(p)} exited`);
}

/** Gives `p`'s children to init; with no live init they are reaped by the kernel (now, if already ended). */
function orphanChildren(k: Kernel, p: Process): void {
  const init = k.processes.get(INIT_PID);
  const adopter = init && init.alive && init !== p ? init : undefined;
  for (const c of [...k.processes.values()]) {
    if (c.ppid !== p.pid || c === p) continue;
    if (adopter) {
      c.ppid = adopter.pid;
      if (!c.alive) adopter.childExit.wakeAll();
    } else {
      c.ppid = 0;
      c.autoReap = true;
      if (!c.alive) k.processes.delete(c.pid);
    }
  }
}

/**
 * Puts `p` on the hart: the CPU runs from `p`'s trapframe from now on (the previous process's registers stay
 * in its own, where the CPU left them), its LR reservation is dropped and the page tables switched.
 */
export function switchTo(k: Kernel, p: Process): void {
  if (k.current === p) return;
  const cpu = k.machine.cpu;
  cpu.hart = p.tf;
  cpu.clearReservation();
  cpu.setSatp(p.space.satp);
  k.current = p;
}

/** The one-line description of a process for messages: `pid 1 (prog)`. */
export const describe = (p: Process): string => `pid ${p.pid} (${p.name})`;
