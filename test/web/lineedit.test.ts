// The shell's line editor (userland/bin/sh/lineedit.c) through a headless xterm.js terminal: editing with cursor
// keys in their several encodings, the Ctrl keys, a line wider than the terminal edited in the middle, history
// recalled with Up in the same shell and in a second shell (from $HOME/.sh_history), and Tab completion of a
// command and of paths (one match, the common prefix, the list on a second Tab).
import { describe, expect, it } from 'vitest';
import { readCpio } from '../../abi/cpio.js';
import { readBootImage } from '../../cli/boot-image.js';
import { ConsoleSession } from '../../kernel/session.js';
import { Screen } from './headless.js';

const image = readBootImage();
const hasShell = image ? readCpio(image).some((e) => e.name.replace(/^\/+/, '') === 'bin/sh') : false;
if (!hasShell) console.warn('no /bin/sh in the boot image (npm run build): skipping the line editor tests');

const COLS = 60;
const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';

/** The screen's lines with rows the terminal wrapped joined back into the lines the guest wrote. */
function logicalLines(screen: Screen): string[] {
  const b = screen.term.buffer.active;
  const out: string[] = [];
  for (let i = 0; i < b.length; i++) {
    const l = b.getLine(i);
    if (!l) continue;
    const text = l.translateToString(true);
    if (l.isWrapped && out.length > 0) out[out.length - 1] += text;
    else out.push(text);
  }
  return out;
}

function boot(): { session: ConsoleSession; screen: Screen; prompt: () => Promise<void>; typeLine: (s: string) => Promise<void> } {
  const screen = new Screen(COLS, 30);
  const session = new ConsoleSession({
    memMiB: 64, bootImage: image, terminal: true,
    output: (b) => screen.write(b), yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  screen.term.onData((d) => session.input(d));
  session.resize(COLS, 30);
  void session.start();
  let prompts = 0;
  /** Waits for one more prompt than seen so far (each command's output ends with one). */
  const prompt = async (): Promise<void> => {
    prompts++;
    const deadline = Date.now() + 30_000;
    for (;;) {
      await screen.flushed();
      if ((screen.text().match(/pagoda:[^\n]*\$ /g) ?? []).length >= prompts) return;
      if (Date.now() > deadline) throw new Error(`no prompt ${prompts}; the screen shows:\n${screen.text()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const typeLine = async (s: string): Promise<void> => {
    screen.term.input(s);
    await prompt();
  };
  return { session, screen, prompt, typeLine };
}

describe.skipIf(!hasShell)('the shell\'s line editor', () => {
  it('edits with the cursor keys and the Ctrl keys, and redraws a wrapped line edited in the middle', async () => {
    const { session, screen, prompt, typeLine } = boot();
    await prompt();
    // Left/Right, Home in its three encodings, End in its three encodings
    await typeLine(`ech wrld\x1b[H${RIGHT}${RIGHT}${RIGHT}o\x1b[F${LEFT}${LEFT}${LEFT}o\r`);
    await typeLine(`cho one\x1bOHe\x1bOF!\r`);
    await typeLine(`ho two\x1b[1~ec\x1b[4~?\r`);
    // Backspace, Delete, Ctrl-A/E/K/U/W, Ctrl-D inside a line deletes
    await typeLine('echo abcX\x7fdef\x01\x1b[3~e\x05 gone\x17\r');
    await typeLine('garbage\x15echo cut\x01\x06\x06\x06\x06\x06\x06\x0b\r');
    await typeLine('echo ABC\x02\x02\x04\r');
    const out = screen.lines();
    expect(out).toContain('world');
    expect(out).toContain('one!');
    expect(out).toContain('two?');
    expect(out).toContain('abcdef');
    expect(out).toContain('c');
    expect(out).toContain('AC');
    // A line wider than the terminal: a character inserted near its start, then one near its end
    const long = 'x'.repeat(COLS + 10);
    await typeLine(`echo ${long} | wc -c\x01${RIGHT.repeat(5)}B\x05${LEFT.repeat(8)}E\r`);
    expect(screen.text()).toMatch(new RegExp(`^ *${long.length + 3}$`, 'm'));
    expect(logicalLines(screen)).toContain(`pagoda:/$ echo B${long}E | wc -c`);
    // Ctrl-C abandons the line; Ctrl-L clears the screen and redraws the line
    await typeLine('echo never\x03');
    expect(screen.text()).toMatch(/\$ echo never\^C\n/);
    expect(screen.lines()).not.toContain('never');
    screen.term.input('echo after\x0c');
    await screen.flushed();
    await new Promise((r) => setTimeout(r, 300));
    await screen.flushed();
    const b = screen.term.buffer.active;
    expect(b.getLine(b.viewportY)?.translateToString(true)).toBe('pagoda:/$ echo after'); // on a cleared screen
    screen.term.input('\r');
    await screen.waitFor(/^after$/m);
    session.powerOff();
  }, 60_000);

  it('recalls history with Up, in the same shell and in a second one (~/.sh_history)', async () => {
    const { session, screen, prompt, typeLine } = boot();
    await prompt();
    await typeLine('echo first-line\r');
    await typeLine('echo second-line\r');
    await typeLine(`${UP}${UP}\x05-again\r`);
    expect(screen.lines()).toContain('first-line-again');
    await typeLine('sh\r'); // a second shell reads the history file
    await typeLine(`${UP}${UP}${UP}\r`); // sh, first-line-again, second-line
    expect(screen.lines().filter((l) => l === 'second-line')).toHaveLength(2);
    await typeLine('exit\r');
    await typeLine('cat /home/.sh_history\r');
    expect(screen.text()).toMatch(/^echo first-line\necho second-line\necho first-line-again\nsh\necho second-line\nexit\n/m);
    session.powerOff();
  }, 60_000);

  it('completes a command and paths with Tab, and lists the matches on a second Tab', async () => {
    const { session, screen, prompt, typeLine } = boot();
    await prompt();
    await typeLine('ech\tcompleted\r'); // one command: the word and a space
    expect(screen.lines()).toContain('completed');
    await typeLine('ls /et\t\r'); // a directory: the word and a slash
    expect(screen.text()).toMatch(/\$ ls \/etc\/\nmotd/);
    await typeLine('echo /etc/mo\t\r'); // a file: the word and a space
    expect(screen.lines()).toContain('/etc/motd');
    screen.term.input("echo /bin/mal\t");
    await screen.waitFor('$ echo /bin/malloc'); // several: their common prefix
    screen.term.input('\t\t');
    await screen.waitFor(/^mallocbench +malloctest$/m); // listed on the second Tab in a row
    await typeLine('\x15\r');
    session.powerOff();
  }, 60_000);
});
