// The commit step of an exec, shared by ELF programs (execve.ts) and kernel programs (programs/exec.ts).

import { SIG_IGN } from '../../abi/signals.js';
import type { Kernel } from '../kernel.js';
import type { AddressSpace } from '../mem/addrspace.js';
import type { Process } from './process.js';

/**
 * The point of no return of an exec: `p` gets address space `space` (the old one is freed), cleared
 * registers, its new name and argv; handlers, close-on-exec fds and pending signals go.
 */
export function commitExec(k: Kernel, p: Process, space: AddressSpace, abs: string, argv: readonly string[]): void {
  const cpu = k.machine.cpu;
  const old = p.space;
  p.space = space;
  if (k.current === p) cpu.setSatp(p.space.satp);
  old.destroy();
  p.tf.clear();
  if (k.current === p) cpu.clearReservation();
  p.name = abs;
  p.argv = argv;
  p.heap = undefined; // the new program's libc registers its own heap
  // Handlers do not survive the old program; ignored signals stay ignored (POSIX).
  for (const [sig, act] of [...p.sigactions]) if (act.handler !== SIG_IGN) p.sigactions.delete(sig);
  p.fds.closeOnExec();
  p.pendingSignals = [];
  p.execed = true;
}
