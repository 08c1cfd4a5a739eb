// `pagoda boot [--mem MiB] [--init PATH]`: the console host (cli/console-host.ts) when the boot image holds a
// boot program or --init names one; until then a machine demo: it builds the machine, maps a small program
// with hand-made Sv32 tables, and serves its write/exit ecalls itself.

import { Pte } from '../abi/riscv.js';
import { Program } from '../bench/program.js';
import { Sv32Builder } from '../bench/sv32.js';
import { Machine } from '../machine/machine.js';
import { MIB } from '../machine/ram.js';
import { Trap, TRAP_NAMES } from '../machine/trap.js';
import { canBootConsole, main as consoleMain } from './console-host.js';

const MESSAGE = 'Hello from user mode on an emulated RV32IMA hart, through Sv32 page tables.\n';

function demoProgram(): Program {
  const [a0, a1, a2, a7] = [10, 11, 12, 17];
  const p = new Program(0x10000);
  return p.li(a0, 1).li(a1, 0x20000).li(a2, MESSAGE.length).li(a7, 64).emit('ecall')
    .li(a0, 0).li(a7, 93).emit('ecall');
}

export async function main(argv: string[]): Promise<number> {
  // The real console (cli/console-host.ts) as soon as there is a boot program to run.
  if (canBootConsole(argv)) return consoleMain(argv);
  const memArg = argv.indexOf('--mem');
  const mib = memArg >= 0 ? Number(argv[memArg + 1]) : 128;
  let machine: Machine;
  try {
    machine = new Machine({ ramBytes: mib * MIB, onConsoleOutput: (b) => process.stdout.write(b) });
  } catch (e) {
    process.stderr.write(`pagoda boot: ${(e as Error).message}\n`);
    return 2;
  }
  const { ram, cpu, uart } = machine;
  process.stdout.write(`Pagoda machine demo (the kernel is not built yet)\nRAM ${mib} MiB = ${mib / 2} chunks of 2 MiB\n`);
  const tables = new Sv32Builder(ram, 0x100000);
  const code = demoProgram().bytes();
  ram.writeBytes(0x200000, code);
  ram.writeBytes(0x201000, new TextEncoder().encode(MESSAGE));
  tables.map(0x10000, 0x200000, code.length, Pte.R | Pte.X | Pte.U);
  tables.map(0x20000, 0x201000, MESSAGE.length, Pte.R | Pte.U);
  cpu.setSatp(tables.satp);
  cpu.pc = 0x10000;
  for (;;) {
    const trap = machine.run(1_000_000);
    if (trap !== Trap.Ecall) {
      process.stderr.write(`demo: ${TRAP_NAMES[trap]} at pc 0x${cpu.pc.toString(16)}\n`);
      return 1;
    }
    const [a0, a1, a2, a7] = [cpu.x[10], cpu.x[11] >>> 0, cpu.x[12], cpu.x[17]];
    if (a7 === 93) {
      process.stdout.write(`program exited with status ${a0} after ${cpu.instret} instructions\n`);
      return 0;
    }
    // write(fd, buf, len): translate through the tables the way the kernel will.
    const pa = a1 - 0x20000 + 0x201000;
    uart.write(ram.readBytes(pa, a2));
    cpu.x[10] = a2;
    cpu.pc += 4;
  }
}
