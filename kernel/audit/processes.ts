// Audit of the process table: keys and pids agree; every parent is a live process (an orphan was given to
// init or to the kernel); a zombie has given everything back (space, files) and waits only to be reaped;
// the process on the hart is alive.

import type { Kernel } from '../kernel.js';
import { who as describe, type Findings } from './findings.js';

export function auditProcesses(k: Kernel, f: Findings): void {
  for (const [pid, p] of k.processes) {
    const who = describe(p);
    if (pid !== p.pid) f.add(`processes: ${who} is filed under pid ${pid}`);
    if (!(p.pid > 0 && p.pid < k.nextPid)) f.add(`processes: ${who} has a pid outside 1..${k.nextPid - 1}`);
    if (p.ppid !== 0) {
      const parent = k.processes.get(p.ppid);
      if (!parent) f.add(`processes: ${who} has parent pid ${p.ppid}, which is not in the table`);
      else if (!parent.alive) f.add(`processes: ${who} has parent ${describe(parent)}, a zombie (orphans go to init)`);
    }
    if (p.alive) continue;
    const as = p.space;
    if (p.autoReap) f.add(`zombies: ${who} should have been reaped by the kernel (no parent waits)`);
    if (p.fds.openFds().length > 0) f.add(`zombies: ${who} still holds fds ${p.fds.openFds().join(',')}`);
    if (as.regions.size > 0 || as.residentPages > 0 || as.pageTable.tablePages > 0) {
      f.add(`zombies: ${who} still holds ${as.regions.size} regions, ${as.residentPages} pages, ${as.pageTable.tablePages} table pages`);
    }
    if (p.blocked) f.add(`zombies: ${who} still has a blocked system call`);
    if (k.current === p) f.add(`zombies: ${who} is on the hart`);
  }
  if (k.current && !k.processes.has(k.current.pid)) f.add(`hart: the current ${describe(k.current)} is not in the process table`);
}
