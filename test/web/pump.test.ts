// The page's output pump: big output is handed to xterm.js in pieces (its time budget is checked between
// pieces), and parsed bytes are acknowledged to the worker once per terminal turn.
import { describe, expect, it } from 'vitest';
import { OutputPump, TERMINAL_WRITE_PIECE, type WritableTerminal } from '../../web/output-pump.js';

class FakeTerminal implements WritableTerminal {
  pieces: number[] = [];
  private callbacks: (() => void)[] = [];
  write(data: Uint8Array, callback?: () => void): void {
    this.pieces.push(data.length);
    if (callback) this.callbacks.push(callback);
  }
  /** Parses everything queued, in one turn. */
  parseAll(): void { for (const cb of this.callbacks.splice(0)) cb(); }
}

describe('OutputPump', () => {
  it('splits output into pieces of at most TERMINAL_WRITE_PIECE bytes', () => {
    const term = new FakeTerminal();
    const pump = new OutputPump(term, () => {});
    pump.push(new Uint8Array(2 * TERMINAL_WRITE_PIECE + 5));
    expect(term.pieces).toEqual([TERMINAL_WRITE_PIECE, TERMINAL_WRITE_PIECE, 5]);
    expect(pump.backlog).toBe(2 * TERMINAL_WRITE_PIECE + 5);
  });

  it('acknowledges what was parsed in one message per turn, and counts it', async () => {
    const term = new FakeTerminal();
    const acks: number[] = [];
    const pump = new OutputPump(term, (n) => acks.push(n));
    pump.push(new Uint8Array(3 * TERMINAL_WRITE_PIECE));
    pump.push(new Uint8Array(10));
    term.parseAll();
    await Promise.resolve();
    expect(acks).toEqual([3 * TERMINAL_WRITE_PIECE + 10]);
    expect(pump.backlog).toBe(0);
    expect(pump.stats.parsed).toBe(3 * TERMINAL_WRITE_PIECE + 10);
    expect(pump.stats.lastParsedMs).toBeGreaterThan(0);
  });

  it('ignores empty output', () => {
    const term = new FakeTerminal();
    new OutputPump(term, () => {}).push(new Uint8Array(0));
    expect(term.pieces).toEqual([]);
  });
});
