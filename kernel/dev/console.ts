// The console: input bytes from the UART (the host terminal or a pipe), output bytes to a sink (the UART,
// or for `pagoda run` the host's stdout or stderr). With a line discipline attached (an interactive boot),
// typed bytes go through it (editing, echo, Ctrl-C) and output gets "\r\n" line ends; without one (`pagoda
// run`, the test harness) reads return whatever bytes are there, since the host terminal does the editing.
// Readers sleep on `readable`, woken when input becomes readable (a line completed, raw bytes, the input
// closed, a switch out of canonical mode); writers past the host turn's output share sleep on `writable`,
// woken when the next turn refills it.

import { Errno } from '../../abi/errno.js';
import type { Uart } from '../../machine/uart.js';
import {
  TCFLSH, TCGETS, TCIFLUSH, TCIOFLUSH, TCOFLUSH, TCSBRK, TCSETS, TCSETSF, TCSETSW, TERMIOS_BYTES, TIOCGWINSZ, TIOCSWINSZ,
} from '../../abi/termios.js';
import { WaitChannel } from '../proc/waitchan.js';
import { LineDiscipline, decodeTermios, encodeTermios } from '../tty/linedisc.js';
import { POLLIN, POLLOUT } from '../../abi/poll.js';
import { WOULD_BLOCK, type FileStat, type IoctlMemory, type OpenFile, type ReadResult } from './file.js';

/** A terminal size in character cells. */
export interface ConsoleWinsize {
  cols: number;
  rows: number;
}

/** Console input state shared by every fd open on the console. */
export class ConsoleInput {
  private inputClosed = false;
  /** Readers waiting for input (or its end). */
  readonly readable = new WaitChannel('console input');
  /** Writers waiting for the next host turn's output share. */
  readonly writable = new WaitChannel('console output');
  /** The console is an interactive terminal (boot's `terminal`): fds 0-2 of a spawned program are then all the
   *  terminal opened read-write, as a login's; otherwise each has its own mode (see kernel/dev/stdio.ts). */
  terminal = false;
  /** The host terminal's size, kept current by the host (TIOCGWINSZ answers from it; 80x24 until told). */
  readonly winsize: ConsoleWinsize = { cols: 80, rows: 24 };
  /** The session the console belongs to and its foreground process group (kernel/tty/jobcontrol.ts). */
  readonly jobs = { session: 0, foreground: 0 };
  /** Called when the size changes (the host's resize or TIOCSWINSZ): boot raises SIGWINCH at the terminal. */
  onResize: (() => void) | undefined;
  /** The line discipline, when the console is an interactive terminal. */
  discipline: LineDiscipline | undefined;
  /** Output bytes allowed per host turn (Infinity: no limit); writers sleep once a turn's share is used. */
  outputPerTurn = Infinity;
  /** What is left of this turn's share. */
  outputCredit = Infinity;
  /** Set when a writer found no credit left: the host must get its turn (and the credit be refilled). */
  outputStarved = false;
  constructor(private readonly uart: Uart) {}

  /** Set by the host when its input ends (a pipe closed): reads then return 0 instead of sleeping. */
  get closed(): boolean { return this.inputClosed; }
  set closed(closed: boolean) {
    this.inputClosed = closed;
    if (closed) this.readable.wakeAll();
  }

  /** A new host turn: the output share is available again. */
  refillOutput(): void {
    this.outputCredit = this.outputPerTurn;
    this.outputStarved = false;
    this.writable.wakeAll();
  }

  /** How many of `wanted` bytes may go out now (0: the writer must wait for the host's next turn). */
  takeOutputCredit(wanted: number): number {
    const n = Math.min(wanted, this.outputCredit);
    this.outputCredit -= n;
    if (n === 0 && wanted > 0) this.outputStarved = true;
    return n;
  }

  /** Sets the terminal size (each dimension ignored unless a positive integer below 65536); on a change,
   *  calls onResize, as Linux's tty_do_resize sends SIGWINCH. */
  setWinsize(cols: number, rows: number): void {
    const ok = (n: number): boolean => Number.isInteger(n) && n > 0 && n < 0x10000;
    const w = this.winsize;
    const before = w.cols * 0x10000 + w.rows;
    if (ok(cols)) w.cols = cols;
    if (ok(rows)) w.rows = rows;
    if (w.cols * 0x10000 + w.rows !== before) this.onResize?.();
  }

  /**
   * Moves typed bytes from the UART through the line discipline (echo, signals), and wakes the readers once
   * input is readable. The scheduler calls it at every pass: cheap when idle.
   */
  pump(): void {
    const d = this.discipline;
    if (d) while (this.uart.inputLength > 0) d.input(this.uart.readByte());
    this.wakeReadersIfReady();
  }

  private wakeReadersIfReady(): void {
    if (this.readable.sleeperCount > 0 && this.ready) this.readable.wakeAll();
  }

  /** Up to `max` waiting bytes; end of file when closed and drained; WOULD_BLOCK otherwise. */
  read(max: number): ReadResult {
    if (this.discipline) {
      this.pump();
      const r = this.discipline.read(max);
      return r === WOULD_BLOCK && this.closed ? new Uint8Array(0) : r;
    }
    const out: number[] = [];
    while (out.length < max) {
      const b = this.uart.readByte();
      if (b < 0) break;
      out.push(b);
    }
    if (out.length > 0 || max === 0) return new Uint8Array(out);
    return this.closed ? new Uint8Array(0) : WOULD_BLOCK;
  }

  /** True when a read would not block. */
  get ready(): boolean {
    if (this.discipline) return this.closed || this.discipline.ready;
    return this.closed || this.uart.inputLength > 0;
  }

  /** Terminal ioctls: TCGETS/TCSETS* (termios; ENOTTY without a discipline), TIOCGWINSZ/TIOCSWINSZ; -ENOTTY for
   *  others. */
  ioctl(request: number, arg: number, mem: IoctlMemory): number {
    const d = this.discipline;
    switch (request) {
      // Without a line discipline the console is a plain byte stream (`pagoda run`): not a terminal.
      case TCGETS: return d ? mem.copyOut(arg, encodeTermios(d.termios)) : -Errno.ENOTTY;
      case TCSETS: case TCSETSW: case TCSETSF: {
        if (!d) return -Errno.ENOTTY;
        const raw = mem.copyIn(arg, TERMIOS_BYTES);
        if (typeof raw === 'number') return raw;
        if (request === TCSETSF) d.flushInput();
        d.setTermios(decodeTermios(raw));
        this.wakeReadersIfReady();
        return 0;
      }
      // tcdrain: output is handed to the host as it is written, so there is never anything to wait for
      case TCSBRK: return d ? 0 : -Errno.ENOTTY;
      case TCFLSH: {
        if (!d) return -Errno.ENOTTY;
        if (arg !== TCIFLUSH && arg !== TCOFLUSH && arg !== TCIOFLUSH) return -Errno.EINVAL;
        if (arg !== TCOFLUSH) d.flushInput();
        return 0;
      }
      case TIOCGWINSZ: {
        const w = new Uint8Array(8);
        const v = new DataView(w.buffer);
        v.setUint16(0, this.winsize.rows, true);
        v.setUint16(2, this.winsize.cols, true);
        return mem.copyOut(arg, w);
      }
      case TIOCSWINSZ: {
        const raw = mem.copyIn(arg, 8);
        if (typeof raw === 'number') return raw;
        const v = new DataView(raw.buffer, raw.byteOffset);
        this.setWinsize(v.getUint16(2, true), v.getUint16(0, true));
        return 0;
      }
      default: return -Errno.ENOTTY;
    }
  }

  /** Output processing on the way to the terminal. */
  output(bytes: Uint8Array): Uint8Array { return this.discipline ? this.discipline.output(bytes) : bytes; }
}

/** An fd on the console: reads from the shared input, writes to `sink`. `openFlags` holds its access mode
 *  (O_RDWR by default); the read and write calls refuse what the mode does not allow. */
export class ConsoleFile implements OpenFile {
  constructor(
    readonly name: string,
    private readonly input: ConsoleInput,
    private readonly sink: (bytes: Uint8Array) => void,
    readonly openFlags = 2,
  ) {}

  get readWait(): WaitChannel { return this.input.readable; }
  get writeWait(): WaitChannel { return this.input.writable; }
  read(maxBytes: number): ReadResult { return this.input.read(maxBytes); }
  /** Writes what this host turn's output share allows; WOULD_BLOCK when it is used up. */
  write(bytes: Uint8Array): number | typeof WOULD_BLOCK {
    const n = this.input.takeOutputCredit(bytes.length);
    if (n === 0 && bytes.length > 0) return WOULD_BLOCK;
    this.sink(this.input.output(bytes.slice(0, n)));
    return n;
  }
  ioctl(request: number, arg: number, mem: IoctlMemory): number { return this.input.ioctl(request, arg, mem); }
  /** Readable when a read would not block (a line, raw bytes, or the input's end); writable while this host
   *  turn's output share lasts (refillOutput wakes writeWait). */
  pollEvents(): number {
    return (this.input.ready ? POLLIN : 0) | (this.input.outputCredit > 0 ? POLLOUT : 0);
  }
  stat(): FileStat {
    return { ino: 3, mode: 0o020620, size: 0, nlink: 1, rdevMajor: 5, rdevMinor: 1, devMajor: 0, devMinor: 5, mtimeMs: 0 };
  }
}
