// A headless xterm.js terminal wired to a console host, for the console tests: what the guest prints is
// parsed as a terminal would, the screen is read back as text, and keys typed go back to the host.
import xtermHeadless from '@xterm/headless';
import type { Terminal as HeadlessTerminal } from '@xterm/headless';

const { Terminal } = xtermHeadless;

export class Screen {
  readonly term: HeadlessTerminal;
  private pending = 0;

  constructor(cols = 100, rows = 30, scrollback = 5000) {
    this.term = new Terminal({ cols, rows, scrollback, allowProposedApi: true, convertEol: true });
  }

  /** Feeds bytes the guest printed. */
  write(bytes: Uint8Array | string): void {
    this.pending++;
    this.term.write(bytes, () => { this.pending--; });
  }

  /** Resolves once everything written so far has been parsed. */
  flushed(): Promise<void> {
    return new Promise((resolve) => this.term.write('', resolve));
  }

  /** Every line of the buffer (scrollback included), right-trimmed, trailing empty lines dropped. */
  lines(): string[] {
    const b = this.term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < b.length; i++) out.push(b.getLine(i)?.translateToString(true) ?? '');
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }

  text(): string { return this.lines().join('\n'); }

  /** The line the cursor is on. */
  cursorLine(): string {
    const b = this.term.buffer.active;
    return b.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '';
  }

  /**
   * Waits until the screen shows `what` (a string or a pattern), polling; rejects after `ms` with the screen in
   * the message, so a failing test shows what was there instead.
   */
  async waitFor(what: string | RegExp, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      await this.flushed();
      const t = this.text();
      if (typeof what === 'string' ? t.includes(what) : what.test(t)) return;
      if (Date.now() > deadline) throw new Error(`screen never showed ${String(what)}; it shows:\n${t}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
