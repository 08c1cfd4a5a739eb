// execve's branch for a kernel-provided program's marker file (abi/kprogram.ts): check, commit, start.

import { Errno } from '../../abi/errno.js';
import type { Kernel } from '../kernel.js';
import { AddressSpace } from '../mem/addrspace.js';
import { commitExec } from '../proc/exec-commit.js';
import type { Process } from '../proc/process.js';
import { startKernelProgram } from './run.js';
import { KERNEL_PROGRAMS } from './table.js';

/**
 * Replaces the program of `p` with kernel program `name` (from the file at `abs`). Returns undefined once
 * committed (`p` then sleeps until the program ends it), or -errno with the caller intact: ENOEXEC for a
 * name the kernel does not provide, ENOMEM when no frame is left for the new (empty) address space.
 */
export function execKernelProgram(
  k: Kernel, p: Process, abs: string, name: string, argv: readonly string[], envp: readonly string[],
): number | undefined {
  const load = KERNEL_PROGRAMS.get(name);
  if (!load) return -Errno.ENOEXEC;
  const space = AddressSpace.create(k.machine.ram, k.frames, k.commit, (va) => k.machine.cpu.flush(va));
  if (!space) return -Errno.ENOMEM;
  commitExec(k, p, space, abs, argv);
  startKernelProgram(k, p, name, load, argv, envp);
  return undefined;
}
