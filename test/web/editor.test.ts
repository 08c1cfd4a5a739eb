// The editor (userland/bin/edit, /bin/edit and /bin/vi) driven through a headless xterm.js terminal, as a
// user types at it: the screen it draws (gutter, colours, status bar), moving and editing, saving, the
// unsaved-changes guard on quit, search, a resize (SIGWINCH), and the bytes of the files it writes.
import { describe, expect, it } from 'vitest';
import { readCpio } from '../../abi/cpio.js';
import { Signal } from '../../abi/signals.js';
import { ECHO, ICANON } from '../../abi/termios.js';
import { sendSignal } from '../../kernel/proc/signal.js';
import { readBootImage } from '../../cli/boot-image.js';
import type { RamFile } from '../../kernel/fs/node.js';
import { ConsoleSession, type SessionEnd } from '../../kernel/session.js';
import { Screen } from './headless.js';

const image = readBootImage();
const names = new Set(image ? readCpio(image).map((e) => e.name.replace(/^\/+/, '')) : []);
const hasEditor = names.has('bin/sh') && names.has('bin/edit');
if (!hasEditor) console.warn('no /bin/edit in the boot image (npm run build): skipping the editor tests');

const KEY = { up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', home: '\x1b[H', end: '\x1b[F',
  del: '\x1b[3~', pgdn: '\x1b[6~', pgup: '\x1b[5~', backspace: '\x7f', esc: '\x1b' };
const ctrl = (c: string): string => String.fromCharCode(c.charCodeAt(0) & 0x1f);

/** What the guest sent to the terminal: bytes and writes (the console hands each write over as one piece). */
const sent = { bytes: 0, writes: 0 };

function bootShell(cols = 100, rows = 30): { session: ConsoleSession; screen: Screen; ended: Promise<SessionEnd> } {
  const screen = new Screen(cols, rows);
  const session = new ConsoleSession({
    memMiB: 64, bootImage: image, terminal: true,
    output: (b) => { sent.bytes += b.length; sent.writes++; screen.write(b); },
    yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  screen.term.onData((d) => session.input(d));
  session.resize(cols, rows);
  return { session, screen, ended: session.start() };
}

/** The text of screen row `r` (0-based) of the visible screen. */
function row(screen: Screen, r: number): string {
  const b = screen.term.buffer.active;
  return b.getLine(b.viewportY + r)?.translateToString(true) ?? '';
}

/** Waits until screen row `r` matches. */
async function waitForRow(screen: Screen, r: number, what: RegExp, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    await screen.flushed();
    if (what.test(row(screen, r))) return;
    if (Date.now() > deadline) throw new Error(`row ${r} never matched ${String(what)}; the screen shows:\n${screen.text()}`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

/** The foreground palette colour of the cell at (row r, column c), or -1 for the default colour. */
function colourAt(screen: Screen, r: number, c: number): number {
  const b = screen.term.buffer.active;
  const cell = b.getLine(b.viewportY + r)?.getCell(c);
  return cell && cell.isFgPalette() ? cell.getFgColor() : -1;
}

function fileText(session: ConsoleSession, path: string): string | undefined {
  const node = session.kernel.fs.lookup(path);
  if (typeof node === 'number' || node.kind !== 'file') return undefined;
  const f = node as RamFile;
  return new TextDecoder().decode(f.data.subarray(0, f.size));
}

async function waitForPrompt(screen: Screen): Promise<void> {
  await screen.waitFor(/[$#] $/);
}

const SOURCE = 'int main(void) {\n  return 0;\n}\n/* two\n lines */\n';

describe.skipIf(!hasEditor)('the editor', () => {
  it('edits, colours, guards, saves, searches and follows a resize', async () => {
    const { session, screen, ended } = bootShell(100, 30);
    await waitForPrompt(screen);
    session.addFile('/home/t.c', new TextEncoder().encode(SOURCE));
    screen.term.input('edit /home/t.c\r');
    // The status bar sits on the row above the last, the message line on the last.
    await waitForRow(screen, 28, /t\.c - 5 lines +C  1:1/);
    expect(row(screen, 0)).toBe('  1 int main(void) {');
    expect(row(screen, 5)).toBe('~');
    expect(row(screen, 29)).toMatch(/Ctrl-S save/);
    // Colours: a type (green), a keyword (yellow), a number (red), a comment running over two lines (cyan).
    expect(colourAt(screen, 0, 4)).toBe(2);
    expect(colourAt(screen, 1, 6)).toBe(3);
    expect(colourAt(screen, 1, 13)).toBe(1);
    expect(colourAt(screen, 4, 5)).toBe(6);
    expect(colourAt(screen, 0, 8)).toBe(-1);

    // A key typed costs one frame, one write, which resends only its row and the status bar.
    const before = { ...sent };
    screen.term.input(KEY.right);
    await waitForRow(screen, 28, /1:2 $/);
    expect(sent.writes - before.writes).toBe(1);
    expect(sent.bytes - before.bytes).toBeLessThan(200);

    // Ctrl-E, Enter and typing split the first line; Delete twice and a Tab re-indent "return".
    screen.term.input(ctrl('e') + '\r  puts("hi");');
    await waitForRow(screen, 1, /^ {2}2 {3}puts\("hi"\);$/);
    screen.term.input(KEY.down + KEY.home + KEY.del + KEY.del + '\t');
    await waitForRow(screen, 2, /^ {2}3 {9}return 0;$/);
    await waitForRow(screen, 28, /t\.c \[modified\] - 6 lines .*3:9 $/);
    // Backspace at a line's start joins it to the line above; Enter splits it again.
    screen.term.input(KEY.down + KEY.home + KEY.backspace);
    await waitForRow(screen, 2, /return 0;}$/);
    screen.term.input('\r');
    await waitForRow(screen, 3, /^ {2}4 }$/);
    // PgDn goes to the last line; the closing "*/" removed leaves the comment open.
    screen.term.input(KEY.pgdn + KEY.end + KEY.backspace + KEY.backspace + KEY.backspace);
    await waitForRow(screen, 5, /^ {2}6 {2}lines$/);

    // Quit is refused once with unsaved changes; Ctrl-S saves; then Ctrl-Q is not needed twice.
    screen.term.input(ctrl('q'));
    await waitForRow(screen, 29, /unsaved changes/);
    screen.term.input(ctrl('s'));
    const saved = 'int main(void) {\n  puts("hi");\n\treturn 0;\n}\n/* two\n lines\n';
    await waitForRow(screen, 29, new RegExp(`wrote ${saved.length} bytes to /home/t\\.c`));
    expect(fileText(session, '/home/t.c')).toBe(saved);
    await waitForRow(screen, 28, /t\.c - 6 lines/);

    // Search: incremental as typed, Enter for the next match (wrapping), Escape leaves the cursor there.
    screen.term.input(KEY.home + ctrl('f') + 'i');
    await waitForRow(screen, 29, /^Search .*: i$/);
    expect(row(screen, 29)).toMatch(/^Search \(Enter: next, Esc: done\): i$/);
    screen.term.input('n');
    await waitForRow(screen, 28, /6:3 $/);        // " lines" holds "in": the first match from the cursor...
    screen.term.input('\r');
    await waitForRow(screen, 28, /1:1 $/);        // ...then round to "int" on line 1
    await waitForRow(screen, 29, /: in +\(search wrapped to the top\)$/);
    const b = screen.term.buffer.active;
    expect(b.getLine(b.viewportY)?.getCell(4)?.isInverse()).toBeTruthy();   // the match is shown inverted
    expect(b.getLine(b.viewportY)?.getCell(6)?.isInverse()).toBeFalsy();
    screen.term.input('\r');
    await waitForRow(screen, 28, /1:7 $/);        // "main"
    screen.term.input(KEY.esc);
    await waitForRow(screen, 29, /^$/);

    // A resize: SIGWINCH, and the frame is drawn again for 80x20.
    screen.term.resize(80, 20);
    session.resize(80, 20);
    await waitForRow(screen, 18, /t\.c - 6 lines .*1:7 $/);
    expect(row(screen, 18).length).toBe(80);

    // An unsaved change: Ctrl-Q twice quits without saving, and the shell's screen comes back.
    screen.term.input('X' + ctrl('q'));
    await waitForRow(screen, 19, /unsaved changes/);
    screen.term.input(ctrl('q'));
    await waitForPrompt(screen);
    expect(fileText(session, '/home/t.c')).toBe(saved);
    expect(screen.text()).toContain('edit /home/t.c');

    // vi is the same editor; a file that does not exist is a new one.
    screen.term.input('vi /tmp/new.txt\r');
    await waitForRow(screen, 19, /new file/);
    screen.term.input('hello' + KEY.left + KEY.left + '\r' + KEY.up + KEY.end + '!' + ctrl('s'));
    await waitForRow(screen, 19, /wrote 8 bytes/);
    expect(fileText(session, '/tmp/new.txt')).toBe('hel!\nlo\n');
    screen.term.input(ctrl('q'));
    await waitForPrompt(screen);

    // A line wider than the window scrolls sideways with the cursor; Home brings the view back.
    screen.term.input('edit /tmp/long.txt\r');
    await waitForRow(screen, 19, /new file/);
    screen.term.input('a'.repeat(100) + 'END');
    await waitForRow(screen, 0, /^ {2}1 a{72}END$/);
    screen.term.input(KEY.home);
    await waitForRow(screen, 0, /^ {2}1 a{76}$/);
    // SIGTERM while it runs: the terminal is back in canonical mode with echo, on the shell's screen.
    const editor = [...session.kernel.processes.values()].find((p) => p.alive && p.argv[0] === 'edit');
    expect(editor).toBeDefined();
    expect(session.kernel.consoleInput.discipline!.termios.lflag & (ICANON | ECHO)).toBe(0);
    sendSignal(session.kernel, editor!, Signal.SIGTERM);
    session.resume();   // the machine sleeps waiting for input: wake it to run the handler
    await waitForPrompt(screen);
    // The shell's line editor holds raw mode at its prompt and gives the next command the modes it found there,
    // which are the editor's restored ones: stty sees canonical mode with echo.
    screen.term.input('stty\r');
    await screen.waitFor(/icanon echo isig/);
    expect(fileText(session, '/tmp/long.txt')).toBeUndefined();
    session.powerOff();
    await ended;
  }, 60_000);
});
