// The console with the real boot image's shell (kernel II), through a headless xterm.js terminal: the prompt,
// ls /bin, pmap 1, Ctrl-C interrupting a program that spins, exit. Skipped, visibly, until the boot image
// (npm run build -> dist/boot.cpio) holds /bin/sh.
import { describe, expect, it } from 'vitest';
import { readCpio } from '../../abi/cpio.js';
import { readBootImage } from '../../cli/boot-image.js';
import { ConsoleSession, type SessionEnd } from '../../kernel/session.js';
import { Screen } from './headless.js';
import { hasGcc, webProgram } from './progs/build.js';

const image = readBootImage();
const names = new Set(image ? readCpio(image).map((e) => e.name.replace(/^\/+/, '')) : []);
const hasShell = names.has('bin/sh');
const hasStty = names.has('bin/stty');
if (!hasShell) console.warn('no /bin/sh in the boot image (npm run build): skipping the shell console tests');

/** The cursor's line up to the cursor: a prompt while the shell waits. */
function beforeCursor(screen: Screen): string {
  const b = screen.term.buffer.active;
  return (b.getLine(b.baseY + b.cursorY)?.translateToString(false) ?? '').slice(0, b.cursorX);
}

async function waitForPrompt(screen: Screen, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    await screen.flushed();
    if (/[$#] $/.test(beforeCursor(screen))) return;
    if (Date.now() > deadline) throw new Error(`no shell prompt; the screen shows:\n${screen.text()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function bootShell(): { session: ConsoleSession; screen: Screen; ended: Promise<SessionEnd> } {
  const screen = new Screen(100, 30);
  const session = new ConsoleSession({
    memMiB: 64, bootImage: image, terminal: true,
    output: (b) => screen.write(b), yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  screen.term.onData((d) => session.input(d));
  session.resize(100, 30);
  return { session, screen, ended: session.start() };
}

describe.skipIf(!hasShell)('the shell on the console', () => {
  it('boots to a prompt, lists /bin, shows pid 1\'s maps, and powers off when the shell exits', async () => {
    const { session, screen, ended } = bootShell();
    await waitForPrompt(screen);
    screen.term.input('ls /bin\r');
    await screen.waitFor(/^sh$/m);
    await waitForPrompt(screen);
    screen.term.input('pmap 1\r');
    await screen.waitFor('[stack]');
    await waitForPrompt(screen);
    expect(screen.text()).toMatch(/\[heap\]/);
    screen.term.input('exit 4\r');
    expect(await ended).toMatchObject({ kind: 'init-exited', status: 4 });
    expect(session.kernel.frames.usedFrames).toBe(session.bootCounters.usedFrames);
    expect(session.kernel.chunks.freeChunks).toBe(session.bootCounters.freeChunks);
  });

  it('interrupts a spinning program with Ctrl-C and gives the prompt back', async () => {
    const { session, screen, ended } = bootShell();
    await waitForPrompt(screen);
    screen.term.input('spin\r');
    await screen.waitFor(/\$ spin$/m);
    await new Promise((r) => setTimeout(r, 200));
    screen.term.input('\x03');
    await screen.waitFor(/\^C/);
    await waitForPrompt(screen);
    screen.term.input('echo still here\r');
    await screen.waitFor(/^still here$/m);
    session.powerOff();
    expect(await ended).toEqual({ kind: 'power-off' });
    expect(session.kernel.frames.usedFrames).toBe(session.bootCounters.usedFrames);
  });
});

if (hasShell && !hasStty) console.warn('no /bin/stty in the boot image: skipping the window-size test');

describe.skipIf(!hasStty)('the terminal size', () => {
  it('is what stty size reports (TIOCGWINSZ), before and after the host resizes', async () => {
    const { session, screen, ended } = bootShell();
    await waitForPrompt(screen);
    screen.term.input('stty size\r');
    await screen.waitFor(/^30 100$/m);
    await waitForPrompt(screen);
    screen.term.resize(120, 40);
    session.resize(120, 40);
    screen.term.input('stty size\r');
    await screen.waitFor(/^40 120$/m);
    session.powerOff();
    await ended;
  });
});

describe.skipIf(!hasShell || !hasGcc)('a file from the host (the web page\'s drop)', () => {
  it('lands in /home as an executable the shell runs', async () => {
    const { session, screen, ended } = bootShell();
    await waitForPrompt(screen);
    session.addFile('/home/echo-prog', webProgram('console-echo'));
    screen.term.input('ls /home\r');
    await screen.waitFor(/^echo-prog$/m);
    await waitForPrompt(screen);
    screen.term.input('/home/echo-prog\r');
    await screen.waitFor('console-echo ready');
    screen.term.input('exit 6\r');
    await waitForPrompt(screen);
    screen.term.input('echo $?\r');
    await screen.waitFor(/^6$/m);
    session.powerOff();
    await ended;
  });
});
