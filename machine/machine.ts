// The board: RAM, the hart with its MMU and TLB, the timer and the console UART, wired together.
// Each test builds a fresh Machine; nothing here is global.

import { Cpu, hostTime } from './cpu.js';
import { Mmu } from './mmu.js';
import { DEFAULT_RAM_BYTES, PhysicalMemory } from './ram.js';
import { hotVisitsByDefault, translatorByDefault } from './tier.js';
import { Timer } from './timer.js';
import { Trap } from './trap.js';
import { OutputSink, Uart } from './uart.js';

export interface MachineOptions {
  /** RAM size in bytes: a multiple of 2 MiB from 16 MiB to 1 GiB (default 128 MiB). */
  ramBytes?: number;
  /** Timer interrupt period in retired instructions; 0 (default) turns it off. */
  timerInterval?: number;
  /** Where console output bytes go. */
  onConsoleOutput?: OutputSink;
  /** Source of the `time` CSR in ticks (default: host clock at 10 MHz). */
  timeSource?: () => number;
  /** Translate hot code to JS (machine/jit/); false runs the interpreter only. Default: machine/tier.ts. */
  jit?: boolean;
  /** Visits of a page before the translator compiles it (1: at once, as tests want; default machine/jit/cache.ts). */
  jitHotVisits?: number;
}

export class Machine {
  readonly ram: PhysicalMemory;
  readonly mmu: Mmu;
  readonly timer: Timer;
  readonly uart: Uart;
  readonly cpu: Cpu;

  constructor(options: MachineOptions = {}) {
    this.ram = new PhysicalMemory(options.ramBytes ?? DEFAULT_RAM_BYTES);
    this.mmu = new Mmu(this.ram);
    this.timer = new Timer(options.timerInterval ?? 0);
    this.uart = new Uart(options.onConsoleOutput);
    this.cpu = new Cpu(this.ram, this.mmu, this.timer, options.timeSource ?? hostTime, options.jit ?? translatorByDefault(),
      options.jitHotVisits ?? hotVisitsByDefault());
  }

  /** Runs the hart for up to `budget` instructions; see Cpu.run. */
  run(budget: number): Trap {
    return this.cpu.run(budget);
  }
}
