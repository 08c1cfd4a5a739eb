// Console output into xterm.js without freezing the page: xterm parses at most ~12 ms per turn, so every
// chunk is written with a callback, and the callback returns credit to the worker (which pauses the guest
// while too much is unparsed). Counts bytes for the throughput figures the browser test reports.

/** The part of xterm's Terminal the pump uses. */
export interface WritableTerminal {
  write(data: Uint8Array, callback?: () => void): void;
}

export interface OutputStats {
  /** Bytes handed to the terminal / parsed by it. */
  written: number;
  parsed: number;
  /** performance.now() of the first byte written and of the latest parse completion (0 until then). */
  firstWriteMs: number;
  lastParsedMs: number;
}

export class OutputPump {
  readonly stats: OutputStats = { written: 0, parsed: 0, firstWriteMs: 0, lastParsedMs: 0 };

  constructor(private readonly term: WritableTerminal, private readonly ack: (bytes: number) => void) {}

  /** Queues `bytes` for the terminal; acknowledges them once parsed. */
  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.stats.written === 0) this.stats.firstWriteMs = performance.now();
    this.stats.written += bytes.length;
    this.term.write(bytes, () => {
      this.stats.parsed += bytes.length;
      this.stats.lastParsedMs = performance.now();
      this.ack(bytes.length);
    });
  }

  /** Bytes written but not parsed yet. */
  get backlog(): number { return this.stats.written - this.stats.parsed; }
}
