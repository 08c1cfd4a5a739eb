// The Node terminal host (cli/console-host.ts): the escape key, raw mode and its restoration, terminal size,
// Ctrl-C to the guest, piped input — first with stand-in streams, then on a real pseudo-terminal (script(1)).
import { execFileSync, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCpio } from '../../abi/cpio.js';
import { readBootImage } from '../../cli/boot-image.js';
import { EscapeDecoder } from '../../cli/console-escape.js';
import { parseConsoleArgs, runConsoleHost } from '../../cli/console-host.js';
import type { ConsoleSession } from '../../kernel/session.js';
import { Screen } from './headless.js';
import { hasGcc, webProgram, webProgramPath } from './progs/build.js';

const ROOT = join(__dirname, '..', '..');
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (r: { toGuest: Uint8Array }): string => new TextDecoder().decode(r.toGuest);

describe('the escape key (Ctrl-A)', () => {
  it('powers off on Ctrl-A x and drops what follows in the chunk', () => {
    const r = new EscapeDecoder().feed(bytes('ab\x01xcd'));
    expect(text(r)).toBe('ab');
    expect(r.commands).toEqual(['power-off']);
  });

  it('completes a Ctrl-A typed in one chunk with the key of the next', () => {
    const d = new EscapeDecoder();
    expect(d.feed(bytes('q\x01')).commands).toEqual([]);
    expect(d.pending).toBe(true);
    expect(d.feed(bytes('X')).commands).toEqual(['power-off']);
  });

  it('sends one Ctrl-A for Ctrl-A Ctrl-A, and Ctrl-A with any other key unchanged', () => {
    const d = new EscapeDecoder();
    expect(text(d.feed(bytes('\x01\x01')))).toBe('\x01');
    expect(text(d.feed(bytes('\x01z')))).toBe('\x01z');
  });

  it('passes Ctrl-C, Ctrl-D and Ctrl-Z to the guest', () => {
    expect(text(new EscapeDecoder().feed(bytes('\x03\x04\x1a')))).toBe('\x03\x04\x1a');
  });

  it('asks for help on Ctrl-A h and Ctrl-A ?', () => {
    expect(new EscapeDecoder().feed(bytes('\x01h\x01?')).commands).toEqual(['help', 'help']);
  });
});

describe('pagoda boot arguments', () => {
  it('parses --mem and --init and refuses nonsense precisely', () => {
    expect(parseConsoleArgs(['--mem', '64', '--init=/bin/sh'])).toEqual({ memMiB: 64, init: '/bin/sh' });
    expect(parseConsoleArgs(['--mem', '15'])).toBe("--mem takes an even number of MiB from 16 to 1024, got '15'");
    expect(parseConsoleArgs(['--init'])).toBe('--init needs a path');
    expect(parseConsoleArgs(['--bogus'])).toBe("unknown argument '--bogus'");
  });
});

/** Stand-ins for process.stdin/stdout: a TTY (or not) that records raw mode and what was written. */
class FakeIn extends EventEmitter {
  raw: boolean[] = [];
  constructor(readonly isTTY: boolean) { super(); }
  setRawMode(on: boolean): void { this.raw.push(on); }
  resume(): void {}
  pause(): void {}
}
class FakeOut extends EventEmitter {
  constructor(readonly screen: Screen, readonly isTTY: boolean, public columns = 100, public rows = 30) { super(); }
  write(b: Uint8Array | string): boolean { this.screen.write(b); return true; }
}

function hostOn(tty: boolean): { screen: Screen; stdin: FakeIn; stdout: FakeOut; status: Promise<number>; session: () => ConsoleSession } {
  const screen = new Screen();
  const stdin = new FakeIn(tty);
  const stdout = new FakeOut(screen, tty);
  let session: ConsoleSession | undefined;
  const status = runConsoleHost({
    memMiB: 32, files: { '/sbin/init': webProgram('console-echo') }, stdin, stdout, onSession: (s) => { session = s; },
  });
  return { screen, stdin, stdout, status, session: () => session! };
}

if (!hasGcc) console.warn('riscv64-unknown-elf-gcc not found: skipping the console host tests');

describe.skipIf(!hasGcc)('the console host on a terminal', () => {
  it('sets raw mode, reports the size, sends Ctrl-C to the guest, powers off on Ctrl-A x and restores the terminal', async () => {
    const { screen, stdin, stdout, status, session } = hostOn(true);
    await screen.waitFor('echo> ');
    expect(stdin.raw).toEqual([true]);
    expect(session().winsize).toEqual({ cols: 100, rows: 30 });
    stdout.columns = 132;
    stdout.rows = 43;
    stdout.emit('resize');
    expect(session().winsize).toEqual({ cols: 132, rows: 43 });
    // The kernel's line discipline gets Ctrl-C (echoes ^C, drops the line, signals; init ignores it), then "ok".
    stdin.emit('data', Buffer.from('\x03ok\r'));
    await screen.waitFor('you typed: ok');
    expect(screen.text()).toMatch(/echo> \^C\nok\n/);
    stdin.emit('data', Buffer.from('\x01x'));
    expect(await status).toBe(0);
    await screen.waitFor('pagoda: power off');
    expect(stdin.raw).toEqual([true, false]);
    expect(stdin.listenerCount('data')).toBe(0);
  });

  it('stops the guest while the terminal cannot take more output, and goes on at drain', async () => {
    // Backpressure acts between scheduler slices: output stops growing within a slice of stdout filling up.
    const screen = new Screen();
    const stdin = new FakeIn(true);
    const stdout = new FakeOut(screen, true);
    let full = false;
    let written = 0;
    stdout.write = (b: Uint8Array | string): boolean => {
      if (written < 4096) screen.write(b);
      written += b.length;
      return !full;
    };
    const status = runConsoleHost({ memMiB: 32, files: { '/sbin/init': webProgram('console-echo') }, stdin, stdout });
    await screen.waitFor('echo> ');
    const before = written;
    const total = 100_000 * 64;
    full = true;
    stdin.emit('data', Buffer.from('drip 100000\r'));
    await new Promise((r) => setTimeout(r, 500));
    const whileFull = written;
    expect(whileFull).toBeGreaterThan(before + 64);
    await new Promise((r) => setTimeout(r, 500));
    expect(written).toBe(whileFull);
    expect(written).toBeLessThan(total);
    full = false;
    stdout.emit('drain');
    const deadline = Date.now() + 60_000;
    while (written < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(written).toBeGreaterThan(total);
    stdin.emit('data', Buffer.from('\x01x'));
    expect(await status).toBe(0);
  });

  it('restores the terminal when init exits, and exits with its status', async () => {
    const { screen, stdin, status } = hostOn(true);
    await screen.waitFor('echo> ');
    stdin.emit('data', Buffer.from('exit 5\r'));
    expect(await status).toBe(5);
    expect(stdin.raw).toEqual([true, false]);
  });

  it('feeds piped input to the console without escapes or raw mode, ending at end of input', async () => {
    const { screen, stdin, status } = hostOn(false);
    stdin.emit('data', Buffer.from('one\x01x\n'));
    stdin.emit('end');
    expect(await status).toBe(0);
    await screen.waitFor('EOF');
    expect(screen.text()).toContain('echo> one^Ax');
    expect(screen.text()).toContain('you typed: onex');
    expect(stdin.raw).toEqual([]);
  });
});

const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
const built = existsSync(join(ROOT, 'dist', 'cli', 'console-host.js'));
if (!hasScript) console.warn('script(1) not found: skipping the pseudo-terminal tests of pagoda boot');
if (!built) console.warn('dist/cli/console-host.js not built (npm run build): skipping the pseudo-terminal tests of pagoda boot');

/** Runs `shell` under script(1) on a fresh pseudo-terminal, with `keys` typed after `delaySec`. */
function onPty(shell: string, keys: string[], delaySec = 2): string {
  const typing = keys.map((k) => `sleep 0.4; printf '${k}'; `).join('');
  const cmd = `(sleep ${delaySec}; ${typing}sleep 2) | script -qfec "${shell.replace(/["$\\]/g, (c) => '\\' + c)}" /dev/null`;
  return execFileSync('sh', ['-c', cmd], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe.skipIf(!hasGcc || !hasScript || !built)('pagoda boot on a pseudo-terminal', () => {
  it('runs in raw mode, gives Ctrl-C to the guest, powers off on Ctrl-A x and leaves the terminal as it found it', () => {
    const init = webProgramPath('console-echo');
    const out = onPty(`stty -g > /tmp/pagoda-pty-before; node bin/pagoda.mjs boot --mem 32 --init ${init}; echo status=$?; stty -g | cmp - /tmp/pagoda-pty-before && echo terminal-restored`,
      ['abc\\r', '\\003', '\\001x']);
    const screen = new Screen();
    screen.write(out);
    return screen.flushed().then(() => {
      const t = screen.text();
      expect(t).toContain('you typed: abc');
      expect(t).toContain('echo> ^C');
      expect(t).toContain('pagoda: power off');
      expect(t).toContain('status=0');
      expect(t).toContain('terminal-restored');
    });
  });

  it('restores the terminal on SIGTERM and exits with 128+15', () => {
    const init = webProgramPath('console-echo');
    const out = onPty(`stty -g > /tmp/pagoda-pty-before2; node bin/pagoda.mjs boot --mem 32 --init ${init} < /dev/tty & sleep 2; kill -TERM $!; wait $!; echo status=$?; stty -g | cmp - /tmp/pagoda-pty-before2 && echo terminal-restored`, [], 4);
    expect(out).toContain('status=143');
    expect(out).toContain('terminal-restored');
  });

  it('restores the terminal after an uncaught exception in the host, exiting 70', () => {
    const init = webProgramPath('console-echo');
    const crash = join(tmpdir(), `pagoda-crash-${process.pid}.mjs`);
    writeFileSync(crash, `import * as m from ${JSON.stringify(join(ROOT, 'dist', 'cli', 'console-host.js'))};
      import { readFileSync } from 'node:fs';
      m.installTerminalGuards();
      setTimeout(() => { throw new Error('host bug'); }, 1500);
      await m.runConsoleHost({ files: { '/sbin/init': new Uint8Array(readFileSync(${JSON.stringify(init)})) }, stdin: process.stdin, stdout: process.stdout });\n`);
    const out = onPty(`stty -g > /tmp/pagoda-pty-before3; node ${crash}; echo status=$?; stty -g | cmp - /tmp/pagoda-pty-before3 && echo terminal-restored`, [], 4);
    expect(out).toContain('pagoda: Error: host bug');
    expect(out).toContain('status=70');
    expect(out).toContain('terminal-restored');
  });
});

const image = built ? readBootImage() : undefined;
const hasShell = !!image && readCpio(image).some((e) => e.name.replace(/^\/+/, '') === 'bin/sh');
if (!hasShell) console.warn('no /bin/sh in the boot image (npm run build): skipping the pseudo-terminal test of pagoda boot with the shell');

describe.skipIf(!hasScript || !built || !hasShell)('pagoda boot with the shell, on a pseudo-terminal', () => {
  it('lists /bin, stops a spinning program with Ctrl-C, exits with the shell\'s status and restores the terminal', async () => {
    const out = onPty('stty -g > /tmp/pagoda-pty-before4; node bin/pagoda.mjs boot; echo status=$?; stty -g | cmp - /tmp/pagoda-pty-before4 && echo terminal-restored',
      ['ls /bin\\r', 'spin\\r', '\\003', 'exit 4\\r'], 3);
    const screen = new Screen();
    screen.write(out);
    await screen.flushed();
    const t = screen.text();
    expect(t).toMatch(/^sh$/m);
    expect(t).toMatch(/spin\n\^C\n/);
    expect(t).toContain('status=4');
    expect(t).toContain('terminal-restored');
  });
});

describe.skipIf(!built || !hasShell)('pagoda boot with the shell, stdin piped', () => {
  it('runs each piped line as a command and exits with the shell\'s status', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pagoda.mjs'), 'boot', '--mem', '32'], {
      input: 'echo hi from a pipe\npmap 1 | head -n 2\necho no newline at the end; exit 3', encoding: 'utf8', timeout: 60_000,
    });
    expect(r.stdout).toMatch(/\$ hi from a pipe$/m);
    expect(r.stdout).toMatch(/r-x-- \/bin\/sh$/m);
    expect(r.stdout).toMatch(/\$ no newline at the end$/m);
    expect(r.stdout).not.toContain('\r');
    expect(r.status).toBe(3);
  });
});
