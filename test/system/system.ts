// Test support for Kernel II: the boot image built from userland/ with our toolchain (gcc only as the recorded
// fallback of scripts/build-image.mjs), and an interactive system — the kernel booted with the image, the
// shell as init on a terminal console, a headless xterm.js showing what it prints, keys typed into it.
import xtermHeadless from '@xterm/headless';
import type { Terminal as HeadlessTerminal } from '@xterm/headless';
// @ts-ignore: a plain .mjs script, typed loosely here
import { buildImage } from '../../scripts/build-image.mjs';
import * as cc from '../../toolchain/cc/index.js';
import * as as from '../../toolchain/as/index.js';
import * as ld from '../../toolchain/ld/index.js';
import * as ar from '../../toolchain/ar.js';
import * as cpio from '../../abi/cpio.js';
import { ICANON } from '../../abi/termios.js';
import { ConsoleSession, type SessionEnd } from '../../kernel/session.js';
import { auditKernel } from '../../kernel/audit/audit.js';

const { Terminal } = xtermHeadless;

export interface BuiltImage {
  image: Uint8Array;
  programs: string[];
  byGcc: { src: string; error: string }[];
  failures: { src: string; error: string }[];
}

let built: BuiltImage | undefined;

/** The boot image (built once per test file). */
export function bootImage(): BuiltImage {
  built ??= buildImage({ cc, as, ld, ar, cpio }) as BuiltImage;
  return built;
}

/** A booted machine with the shell on its console, seen through a headless terminal. */
export class System {
  readonly term: HeadlessTerminal;
  readonly session: ConsoleSession;
  readonly ended: Promise<SessionEnd>;

  constructor(opts: { memMiB?: number; cols?: number; rows?: number; init?: string } = {}) {
    this.term = new Terminal({ cols: opts.cols ?? 100, rows: opts.rows ?? 40, scrollback: 10000, allowProposedApi: true });
    this.session = new ConsoleSession({
      memMiB: opts.memMiB ?? 64,
      bootImage: bootImage().image,
      terminal: true,
      init: opts.init,
      output: (b) => this.term.write(b),
      yieldToHost: () => new Promise((r) => setImmediate(r)),
      random: () => new Uint8Array(16).fill(7),
    });
    this.ended = this.session.start();
    // Notice the machine stopping (a kernel panic rejects; init exiting or a power-off resolves), so that a
    // test waiting for the screen fails at once instead of at its timeout.
    this.ended.then(
      (end) => { this.stopped ??= `the session ended (${JSON.stringify(end)})`; },
      (err: unknown) => { this.stopped ??= `the machine stopped: ${err instanceof Error ? err.message : String(err)}`; },
    );
  }

  /** Why the machine is no longer running, once it is not. */
  stopped: string | undefined;

  get kernel() { return this.session.kernel; }

  /** Types `text` at the keyboard ("\r" is Enter, "\x03" Ctrl-C, "\x04" Ctrl-D). */
  type(text: string): void { this.session.input(text); }

  flushed(): Promise<void> { return new Promise((resolve) => this.term.write('', resolve)); }

  /** Every line of the terminal (scrollback included), right-trimmed, trailing empty lines dropped. */
  lines(): string[] {
    const b = this.term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < b.length; i++) out.push(b.getLine(i)?.translateToString(true) ?? '');
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }

  text(): string { return this.lines().join('\n'); }

  /**
   * Waits until the screen shows `what` `count` times; rejects with the screen after `ms`, or as soon as the
   * machine stops (a kernel panic, init exiting, a power-off) without showing it.
   */
  async waitFor(what: string | RegExp, count = 1, ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      await this.flushed();
      const t = this.text();
      const n = typeof what === 'string' ? t.split(what).length - 1 : (t.match(new RegExp(what.source, 'g')) ?? []).length;
      if (n >= count) return;
      if (this.stopped) throw new Error(`${this.stopped}, before the screen showed ${String(what)} x${count}; it shows:\n${t}`);
      if (Date.now() > deadline) throw new Error(`screen never showed ${String(what)} x${count}; processes:\n${this.processTable()}\nit shows:\n${t}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /**
   * Waits until program `name` (the last part of its path) is running and asleep with the terminal back in
   * canonical mode: what is typed from then on goes to it, echoed. (Typed earlier, it could reach the shell's
   * line editor, which reads in raw mode with its own echo, before the shell hands the terminal over.)
   */
  async waitForReader(name: string, ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      const k = this.kernel;
      const reading = [...k.processes.values()].some((p) => p.alive && p.blocked && p.name.split('/').pop() === name);
      if (reading && ((k.consoleInput.discipline?.termios.lflag ?? 0) & ICANON) !== 0) return;
      if (Date.now() > deadline) throw new Error(`${name} never waited for input; processes:\n${this.processTable()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits until every byte typed was read and the shell (pid 1) is alone and asleep: the command line ran. */
  async waitForIdleShell(ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      const k = this.kernel;
      const alive = [...k.processes.values()].filter((p) => p.alive);
      const idle = k.machine.uart.inputLength === 0 && !k.consoleInput.ready;
      if (idle && alive.length === 1 && alive[0].pid === 1 && alive[0].blocked) return this.flushed();
      if (Date.now() > deadline) throw new Error(`the shell never went idle; processes:\n${this.processTable()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** One line per process (pid, name, state, what it sleeps on): for failure messages. */
  processTable(): string {
    const k = this.kernel;
    return [...k.processes.values()].map((p) => `  ${p.pid} ppid ${p.ppid} ${p.name} ${p.alive ? (p.blocked ? `sleeping (${p.waitChannel})` : 'runnable') : 'zombie'}`
      + `${k.current === p ? ' current' : ''} pc ${p.tf.pc.toString(16)} pending [${p.pendingSignals}]`).join('\n')
      + `\n  uart input ${k.machine.uart.inputLength} bytes; tty ready ${k.consoleInput.ready}; termios lflag ${k.consoleInput.discipline?.termios.lflag.toString(8)}`;
  }

  /** Counts prompts so far. */
  prompts(): number { return (this.text().match(/pagoda:[^\n$]*\$ /g) ?? []).length; }

  /**
   * Types a command line and waits for the next prompt; returns what the command printed (the lines between
   * the command line and the new prompt).
   */
  async run(line: string, ms = 30_000): Promise<string> {
    const before = this.prompts();
    const startLine = this.lines().length - 1;
    this.type(line + '\r');
    await this.waitFor(/pagoda:[^\n$]*\$ /, before + 1, ms);
    const lines = this.lines();
    return lines.slice(startLine + 1, lines.length - 1).join('\n');
  }

  /** Frames used now (user memory; back to the boot value when only the idle shell is left is not expected). */
  counters(): { freeChunks: number; usedFrames: number } {
    return { freeChunks: this.kernel.chunks.freeChunks, usedFrames: this.kernel.frames.usedFrames };
  }

  /** Powers off and waits for the session to end; the counters must then be at their boot values. */
  async powerOff(): Promise<SessionEnd> {
    this.session.powerOff();
    const end = await this.ended;
    auditKernel(this.kernel, 'after power-off');   // every system test ends with the kernel auditor
    return end;
  }
}
