// Job control in the interactive shell, through the headless terminal as a user types it: Ctrl-Z stops the
// foreground job with bash's "Stopped" report, jobs lists it, bg resumes it in the background, fg brings it
// back and waits for it, and a finished background job is reported as Done before the next prompt.
// Needs the boot image (npm run build) and the kernel's process groups (setpgid, TIOCSPGRP, SIGTSTP).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCpio } from '../../../abi/cpio.js';
import { readBootImage } from '../../../cli/boot-image.js';
import { ConsoleSession } from '../../../kernel/session.js';
import { Screen } from '../../web/headless.js';

const image = readBootImage();
const hasShell = image ? readCpio(image).some((e) => e.name.replace(/^\/+/, '') === 'bin/sh') : false;
const hasJobControl = readFileSync(join(__dirname, '..', '..', '..', 'abi', 'syscalls.ts'), 'utf8').includes('setpgid');
if (!hasShell || !hasJobControl) console.warn('no /bin/sh in the boot image or no process groups in the kernel: skipping the job-control tests');

function bootShell(): { session: ConsoleSession; screen: Screen } {
  const screen = new Screen(100, 30);
  const session = new ConsoleSession({
    memMiB: 64, bootImage: image, terminal: true,
    output: (b) => screen.write(b), yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  screen.term.onData((d) => session.input(d));
  session.resize(100, 30);
  void session.start();
  return { session, screen };
}

/** Waits until the screen holds `n` prompts (lines starting with pagoda:...$). */
async function prompts(screen: Screen, n: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await screen.flushed();
    if (screen.lines().filter((l) => /^pagoda:[^$]*\$/.test(l)).length >= n) return;
    if (Date.now() > deadline) throw new Error(`waiting for prompt ${n}; the screen shows:\n${screen.text()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!hasShell || !hasJobControl)('job control in the interactive shell', () => {
  it('stops sleep with Ctrl-Z, lists it, resumes it with bg, brings it back with fg %1 and waits for it', async () => {
    const { session, screen } = bootShell();
    await prompts(screen, 1);
    screen.term.input('sleep 2\r');
    await new Promise((r) => setTimeout(r, 300));
    screen.term.input('\x1a');
    await screen.waitFor(/^\[1\]\+  Stopped                 sleep 2$/m);
    await prompts(screen, 2);
    screen.term.input('jobs\r');
    await prompts(screen, 3);
    expect(screen.lines().filter((l) => l === '[1]+  Stopped                 sleep 2')).toHaveLength(2);
    screen.term.input('bg\r');
    await screen.waitFor(/^\[1\]\+ sleep 2 &$/m);
    await prompts(screen, 4);
    screen.term.input('fg %1\r');
    await screen.waitFor(/^sleep 2$/m);
    await prompts(screen, 5); /* only once sleep has finished */
    screen.term.input('jobs; echo "status $?"\r');
    await screen.waitFor(/^status 0$/m);
    expect(screen.text()).not.toMatch(/Done/);
    session.powerOff();
  }, 60_000);

  it('prints [1] PID for cmd & and reports [1]+ Done before the next prompt once it finished', async () => {
    const { session, screen } = bootShell();
    await prompts(screen, 1);
    screen.term.input('sleep 1 &\r');
    await screen.waitFor(/^\[1\] \d+$/m);
    await prompts(screen, 2);
    await new Promise((r) => setTimeout(r, 1500));
    screen.term.input('\r');
    await screen.waitFor(/^\[1\]\+  Done                    sleep 1$/m);
    session.powerOff();
  }, 60_000);
});
