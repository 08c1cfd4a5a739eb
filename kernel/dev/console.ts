// The console: input bytes from the UART (the host terminal or a pipe), output bytes to a sink (the UART,
// or for `pagoda run` the host's stdout or stderr). No line discipline yet: reads return what is there.

import type { Uart } from '../../machine/uart.js';
import { WOULD_BLOCK, type OpenFile, type ReadResult } from './file.js';

/** A terminal size in character cells. */
export interface ConsoleWinsize {
  cols: number;
  rows: number;
}

/** Console input state shared by every fd open on the console. */
export class ConsoleInput {
  /** Set by the host when its input ends (a pipe closed): reads then return 0 instead of sleeping. */
  closed = false;
  /** The host terminal's size, kept current by the host (TIOCGWINSZ answers from it; 80x24 until told). */
  readonly winsize: ConsoleWinsize = { cols: 80, rows: 24 };
  constructor(private readonly uart: Uart) {}

  /** Up to `max` waiting bytes; end of file when closed and drained; WOULD_BLOCK otherwise. */
  read(max: number): ReadResult {
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
  get ready(): boolean { return this.closed || this.uart.inputLength > 0; }
}

/** An fd on the console: reads from the shared input, writes to `sink`. */
export class ConsoleFile implements OpenFile {
  constructor(
    readonly name: string,
    private readonly input: ConsoleInput,
    private readonly sink: (bytes: Uint8Array) => void,
  ) {}

  read(maxBytes: number): ReadResult { return this.input.read(maxBytes); }
  write(bytes: Uint8Array): number {
    this.sink(bytes.slice());
    return bytes.length;
  }
}
