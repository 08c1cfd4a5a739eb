// Ending a process and putting one on the hart.

import { hex8 } from '../panic.js';
import type { Kernel } from '../kernel.js';
import type { ExitStatus, Process } from './process.js';

/**
 * Ends `p` with `status`: records its regions, frees its address space (every frame and page-table page) and
 * closes its files. Takes it off the hart if it was there.
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
  p.blocked = undefined;
  p.status = status;
}

/** Saves the current process's registers and loads `p`'s, switching page tables. */
export function switchTo(k: Kernel, p: Process): void {
  if (k.current === p) return;
  const cpu = k.machine.cpu;
  if (k.current) {
    k.current.x.set(cpu.x);
    k.current.pc = cpu.pc;
  }
  cpu.x.set(p.x);
  cpu.pc = p.pc;
  cpu.clearReservation();
  cpu.setSatp(p.space.satp);
  k.current = p;
}

/** The one-line description of a process for messages: `pid 1 (prog)`. */
export const describe = (p: Process): string => `pid ${p.pid} (${p.name})`;
export { hex8 };
