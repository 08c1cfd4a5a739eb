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

/**
 * xterm.js checks its time budget only between write() chunks, so a big chunk is one long task: output is
 * handed over in pieces of at most this many bytes.
 */
export const TERMINAL_WRITE_PIECE = 8 * 1024;

export class OutputPump {
  readonly stats: OutputStats = { written: 0, parsed: 0, firstWriteMs: 0, lastParsedMs: 0 };

  private unreported = 0;

  /** `ack` receives parsed byte counts, gathered into one call per terminal turn (acks are messages). */
  constructor(private readonly term: WritableTerminal, private readonly ack: (bytes: number) => void) {}

  /** Queues `bytes` for the terminal, in pieces; acknowledges each piece once parsed. */
  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.stats.written === 0) this.stats.firstWriteMs = performance.now();
    for (let at = 0; at < bytes.length; at += TERMINAL_WRITE_PIECE) this.writePiece(bytes.subarray(at, at + TERMINAL_WRITE_PIECE));
  }

  private writePiece(piece: Uint8Array): void {
    this.stats.written += piece.length;
    this.term.write(piece, () => {
      this.stats.parsed += piece.length;
      this.stats.lastParsedMs = performance.now();
      if (this.unreported === 0) queueMicrotask(() => this.report());
      this.unreported += piece.length;
    });
  }

  private report(): void {
    const n = this.unreported;
    this.unreported = 0;
    if (n > 0) this.ack(n);
  }

  /** Bytes written but not parsed yet. */
  get backlog(): number { return this.stats.written - this.stats.parsed; }
}
