// The console session (kernel/session.ts) driven through a headless xterm.js terminal: boot log, the boot
// program on the console, typing, Ctrl-C reaching the guest, terminal size, power-off, end of input.
import { describe, expect, it } from 'vitest';
import { ConsoleSession, type SessionEnd } from '../../kernel/session.js';
import { Screen } from './headless.js';
import { hasGcc, webProgram } from './progs/build.js';

if (!hasGcc) console.warn('riscv64-unknown-elf-gcc not found: skipping the console session tests');

/** A session booting console-echo as init, shown on a fresh headless screen. */
function bootEcho(init = '/sbin/init'): { session: ConsoleSession; screen: Screen; ended: Promise<SessionEnd> } {
  const screen = new Screen();
  const session = new ConsoleSession({
    memMiB: 32,
    files: { '/sbin/init': webProgram('console-echo') },
    init,
    output: (b) => screen.write(b),
    yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  screen.term.onData((d) => session.input(d));
  return { session, screen, ended: session.start() };
}

describe.skipIf(!hasGcc)('a console session', () => {
  it('prints the boot log, then runs the boot program on the console', async () => {
    const { session, screen, ended } = bootEcho();
    await screen.waitFor('echo> ');
    expect(screen.text()).toMatch(/^Pagoda \d+\.\d+\.\d+: RV32IMA/);
    expect(screen.text()).toContain('ram: 32 MiB');
    expect(screen.text()).toContain('console-echo ready');
    expect(session.initPid).toBe(1);
    session.powerOff();
    expect(await ended).toEqual({ kind: 'power-off' });
  });

  it('sends typed keys to the guest, which echoes them and runs the line', async () => {
    const { session, screen, ended } = bootEcho();
    await screen.waitFor('echo> ');
    screen.term.input('hello pagoda\r');
    await screen.waitFor('you typed: hello pagoda');
    session.powerOff();
    await ended;
  });

  it('delivers Ctrl-C to the guest as byte 0x03 instead of stopping anything', async () => {
    const { session, screen, ended } = bootEcho();
    await screen.waitFor('echo> ');
    screen.term.input('\x03x\r');
    await screen.waitFor('echo> ^Cx');
    await screen.waitFor('you typed: x');
    session.powerOff();
    await ended;
  });

  it('keeps the terminal size the host reports, and ignores nonsense sizes', async () => {
    const { session, screen, ended } = bootEcho();
    await screen.waitFor('echo> ');
    expect(session.winsize).toEqual({ cols: 80, rows: 24 });
    screen.term.resize(120, 40);
    session.resize(screen.term.cols, screen.term.rows);
    expect(session.kernel.consoleInput.winsize).toEqual({ cols: 120, rows: 40 });
    session.resize(0, 10);
    session.resize(1.5, 10);
    expect(session.winsize).toEqual({ cols: 120, rows: 40 });
    session.powerOff();
    await ended;
  });

  it('powers off when init exits, with init\'s status, and gives every frame back', async () => {
    const { session, screen, ended } = bootEcho();
    await screen.waitFor('echo> ');
    expect(session.kernel.chunks.freeChunks).toBeLessThan(session.bootCounters.freeChunks);
    screen.term.input('exit 7\r');
    expect(await ended).toMatchObject({ kind: 'init-exited', status: 7 });
    expect(session.kernel.chunks.freeChunks).toBe(session.bootCounters.freeChunks);
    expect(session.kernel.frames.usedFrames).toBe(session.bootCounters.usedFrames);
  });

  it('powers off a guest that spins forever, freeing its memory', async () => {
    const { session, screen, ended } = bootEcho();
    await screen.waitFor('echo> ');
    screen.term.input('spin\r');
    await new Promise((r) => setTimeout(r, 100));
    session.powerOff();
    expect(await ended).toEqual({ kind: 'power-off' });
    expect(session.kernel.frames.usedFrames).toBe(0);
  });

  it('reads end of file once the host input ends', async () => {
    const { session, screen, ended } = bootEcho();
    session.input('piped line\n');
    session.endInput();
    expect(await ended).toMatchObject({ kind: 'init-exited', status: 0 });
    await screen.waitFor('EOF');
    expect(screen.text()).toContain('you typed: piped line');
  });

  it('holds the guest while paused and lets it go on resume', async () => {
    const { session, screen, ended } = bootEcho();
    await screen.waitFor('echo> ');
    session.pause();
    session.input('held\r');
    await new Promise((r) => setTimeout(r, 100));
    await screen.flushed();
    expect(screen.text()).not.toContain('you typed: held');
    session.resume();
    await screen.waitFor('you typed: held');
    session.powerOff();
    await ended;
  });

  it('says in one line when the boot image has no boot program', async () => {
    const { ended } = bootEcho('/bin/missing');
    expect(await ended).toEqual({ kind: 'no-init', message: 'no boot program: /bin/missing not in the boot image' });
  });
});
