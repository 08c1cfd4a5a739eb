// User trap entry: what the hart reported when run() stopped, turned into kernel action.
//   ecall                  -> system call (result in a0, pc past the ecall; or the process sleeps)
//   page fault             -> demand paging / stack growth, or SIGSEGV
//   illegal instruction    -> SIGILL;  ebreak -> SIGTRAP;  misaligned jump or atomic -> SIGBUS
//   budget, timer          -> nothing (the scheduler decides)
// Fatal faults print one line naming pid, program, kind, address, pc and the disassembled instruction.

import { formatInstruction } from '../abi/disasm.js';
import { Signal, SIGNAL_NAMES } from '../abi/signals.js';
import { Access, Trap, TRAP_NAMES } from '../machine/trap.js';
import type { Kernel } from './kernel.js';
import { FaultResult } from './mem/addrspace.js';
import { describe, exitProcess } from './proc/lifecycle.js';
import { completeSyscall, type Process } from './proc/process.js';
import type { SysContext } from './sys/context.js';
import { dispatchSyscall } from './sys/table.js';
import { SIGRETURN_VA, returnFromHandler } from './proc/signal.js';
import { hex8 } from './panic.js';
import { classifyFault } from './perf/session.js';

/** Handles `trap` for the current process `p` (the hart runs from its trapframe). */
export function handleTrap(k: Kernel, p: Process, trap: Trap): void {
  const cpu = k.machine.cpu;
  switch (trap) {
    case Trap.Budget:
    case Trap.Timer:
      return;
    case Trap.Ecall:
      return systemCall(k, p);
    case Trap.InstructionPageFault:
      return pageFault(k, p, Access.Fetch, trap);
    case Trap.LoadPageFault:
      return pageFault(k, p, Access.Load, trap);
    case Trap.StorePageFault:
      return pageFault(k, p, Access.Store, trap);
    case Trap.IllegalInstruction:
      return kill(k, p, Signal.SIGILL, `illegal instruction ${hex8(cpu.tval)}`);
    case Trap.Ebreak:
      return kill(k, p, Signal.SIGTRAP, 'breakpoint');
    case Trap.InstructionMisaligned:
    case Trap.LoadMisaligned:
    case Trap.StoreMisaligned:
      return kill(k, p, Signal.SIGBUS, `${TRAP_NAMES[trap]} at ${hex8(cpu.tval)}`);
    default:
      return kill(k, p, Signal.SIGSEGV, `${TRAP_NAMES[trap]} at ${hex8(cpu.tval)}`);
  }
}

function pageFault(k: Kernel, p: Process, access: Access, trap: Trap): void {
  const va = k.machine.cpu.tval >>> 0;
  if (access === Access.Fetch && va === SIGRETURN_VA && p.tf.pc >>> 0 === SIGRETURN_VA) {
    if (!returnFromHandler(p)) kill(k, p, Signal.SIGSEGV, 'bad signal frame');
    return;
  }
  const kind = p.perf ? classifyFault(p.space, va, access) : undefined;
  const result = p.space.handleFault(va, access);
  if (p.perf) p.perf.fault(result === FaultResult.MAPPED ? kind! : 'fatal');
  if (result === FaultResult.MAPPED) return;
  if (result === FaultResult.OUT_OF_MEMORY) return kill(k, p, Signal.SIGKILL, `out of memory (${TRAP_NAMES[trap]} at ${hex8(va)})`);
  const why = result === FaultResult.NO_REGION ? 'no mapping' : 'permission denied';
  kill(k, p, Signal.SIGSEGV, `${TRAP_NAMES[trap]} at ${hex8(va)} (${why})`);
}

/** The instruction at the process's pc, disassembled, read with kernel rights; a note when unreadable. */
function instructionAt(p: Process, pc: number): string {
  const pa = p.space.pageTable.translate(pc);
  if (pa < 0 || pc % 4 !== 0) return '(pc not mapped)';
  return formatInstruction(p.space.ram.read32(pa), pc).replace(/\t/g, ' ');
}

/** Kills `p` with `signal`, printing the one-line report. */
export function kill(k: Kernel, p: Process, signal: number, what: string): void {
  const pc = p.tf.pc >>> 0;
  k.sinks.message(`pagoda: ${describe(p)} killed by ${SIGNAL_NAMES[signal] ?? signal}: ${what}, pc ${hex8(pc)}: ${instructionAt(p, pc)}`);
  exitProcess(k, p, { kind: 'signaled', signal });
}

function systemCall(k: Kernel, p: Process): void {
  if (p.perf) p.perf.syscall(p.tf.a7);
  const result = dispatchSyscall(contextFor(k, p), p.tf);
  if (result !== undefined && p.alive) completeSyscall(p, result);
}

/** The services a system call of `p` may use. */
export function contextFor(k: Kernel, p: Process): SysContext {
  return {
    proc: p,
    kernel: k,
    exit: (status) => exitProcess(k, p, status),
    sleep: (resume, on) => k.runQueue.sleep(p, resume, on),
    realtimeMs: k.realtimeMs,
    monotonicMs: k.monotonicMs,
    cpuInstructions: () => k.machine.cpu.instret,
  };
}
