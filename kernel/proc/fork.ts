// fork: a new process that is a copy of the caller — its address space shared copy-on-write, its fds, working
// directory and signal dispositions inherited — resuming after the same ecall with a0 = 0.

import { Errno } from '../../abi/errno.js';
import type { Kernel } from '../kernel.js';
import { completeSyscall, Process } from './process.js';

/**
 * Forks `parent`, which must be on the hart. Returns the child's pid, or -EAGAIN at the process limit,
 * -ENOMEM when memory for the child's page tables or commitment runs out (nothing leaked).
 */
export function forkProcess(k: Kernel, parent: Process): number {
  if (k.processes.size >= k.maxProcesses) return -Errno.EAGAIN;
  const space = parent.space.fork();
  if (!space) return -Errno.ENOMEM;
  const child = new Process(k.nextPid++, parent.name, space);
  child.tf.copyFrom(parent.tf);
  completeSyscall(child, 0);
  child.ppid = parent.pid;
  child.cwd = parent.cwd;
  child.fds = parent.fds.clone();
  for (const [sig, act] of parent.sigactions) child.sigactions.set(sig, { ...act, mask: [...act.mask] });
  child.sigmask = [...parent.sigmask];
  // Pending signals are the parent's alone (POSIX).
  child.pgid = parent.pgid;
  child.sid = parent.sid;
  child.umask = parent.umask;
  child.detachedTty = parent.detachedTty;
  child.argv = parent.argv;
  child.heap = parent.heap;
  child.image = parent.image;
  child.startMs = k.monotonicMs();
  k.processes.set(child.pid, child);
  return child.pid;
}
