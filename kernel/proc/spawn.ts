// Starting a program: check and plan the executable (loader/), build its address space, copy the segments
// and the initial stack (buildSpace, which execve.ts uses too), and spawn a new process running it with its
// registers set (spawnProcess: the first process, and `pagoda run`'s). Check, build, commit: on any failure
// everything built so far is freed and a LoadRefusal says why.

import type { Kernel } from '../kernel.js';
import { planLoad, type LoadPlan } from '../../loader/plan.js';
import { LoadRefusal, Refusal } from '../../loader/refusal.js';
import { buildInitialStack, type StackImage } from '../../loader/stack.js';
import { AddressSpace } from '../mem/addrspace.js';
import { STACK_TOP, pageDown } from '../mem/layout.js';
import { Prot } from '../../abi/mman.js';
import { Process } from './process.js';
import { standardFiles } from '../dev/stdio.js';
import { claimConsole } from '../tty/jobcontrol.js';
import { kernelProgramName } from '../../abi/kprogram.js';
import { startKernelProgram } from '../programs/run.js';
import { KERNEL_PROGRAMS } from '../programs/table.js';

export interface ExecRequest {
  /** The path the program is started as (argv[0] is separate). */
  path: string;
  bytes: Uint8Array;
  argv: readonly string[];
  envp: readonly string[];
}

const noMemory = (what: string): LoadRefusal => new LoadRefusal('no-memory', `out of memory while ${what}`);

/** Maps the plan's regions and the stack image into `space`; throws LoadRefusal('no-memory'). */
function populate(space: AddressSpace, plan: LoadPlan, image: StackImage, path: string): void {
  for (const r of plan.regions) {
    const name = r.kind === 'bss' ? '' : path;
    if (!space.addRegion(r.start, r.end, r.prot, r.kind, name)) throw noMemory(`reserving ${r.kind}`);
    if (r.data.length > 0 && !space.writeInitial(r.dataVa, r.data)) throw noMemory(`loading ${r.kind}`);
  }
  if (!space.addRegion(pageDown(image.sp), STACK_TOP, Prot.READ | Prot.WRITE, 'stack', '[stack]')) throw noMemory('reserving the stack');
  if (!space.writeInitial(image.sp, image.bytes)) throw noMemory('building the stack');
  space.brkStart = space.brk = plan.brkStart;
}

/** A fresh address space holding the program, or a thrown LoadRefusal (nothing leaked). */
export function buildSpace(k: Kernel, req: ExecRequest): { space: AddressSpace; entry: number; sp: number } {
  const plan = planLoad(req.bytes);
  const image = buildInitialStack({
    argv: req.argv, envp: req.envp, execfn: req.path, random: k.random(),
    entry: plan.entry, phdrVa: plan.phdrVa, phent: plan.phent, phnum: plan.phnum,
  }, STACK_TOP);
  const space = AddressSpace.create(k.machine.ram, k.frames, k.commit, (va) => k.machine.cpu.flush(va));
  if (!space) throw noMemory('creating the page table');
  try {
    populate(space, plan, image, req.path);
  } catch (e) {
    space.destroy();
    throw e;
  }
  return { space, entry: plan.entry, sp: image.sp };
}

/**
 * Creates a process running `req` with fds 0, 1, 2 on the console (kernel/dev/stdio.ts gives their modes). It
 * leads a new session and process group, which takes the console when no live session holds it. Returns it
 * (not yet on the hart), or throws LoadRefusal.
 */
export function spawnProcess(k: Kernel, req: ExecRequest): Process {
  const program = kernelProgramName(req.bytes);
  if (program !== undefined) return spawnKernelProgram(k, req, program);
  const { space, entry, sp } = buildSpace(k, req);
  const p = new Process(k.nextPid++, req.path, space);
  p.tf.pc = entry;
  p.tf.sp = sp;
  p.image = req.bytes;
  standardFiles(k).forEach((file, fd) => p.fds.set(fd, file));
  k.processes.set(p.pid, p);
  claimConsole(k, p);
  return p;
}

/** spawnProcess for a kernel-provided program's marker file (`pagoda run /bin/cc ...`): an empty address
 *  space, and the program's body started (kernel/programs/run.ts); LoadRefusal for a name nobody provides. */
function spawnKernelProgram(k: Kernel, req: ExecRequest, name: string): Process {
  const load = KERNEL_PROGRAMS.get(name);
  if (!load) throw new LoadRefusal(Refusal.MALFORMED, `${req.path}: no kernel program named '${name}'`);
  const space = AddressSpace.create(k.machine.ram, k.frames, k.commit, (va) => k.machine.cpu.flush(va));
  if (!space) throw noMemory('creating the page table');
  const p = new Process(k.nextPid++, req.path, space);
  p.argv = req.argv;
  standardFiles(k).forEach((file, fd) => p.fds.set(fd, file));
  k.processes.set(p.pid, p);
  claimConsole(k, p);
  startKernelProgram(k, p, name, load, req.argv, req.envp);
  return p;
}
