// The console's window size: TIOCGWINSZ answers what the host reported, TIOCSWINSZ sets it, and a change (from
// either side) raises SIGWINCH at the terminal's processes, as Linux's tty_do_resize does; an unchanged size
// raises nothing.
import { describe, expect, it } from 'vitest';
import { TIOCGWINSZ, TIOCSWINSZ } from '../../../abi/termios.js';
import { boot } from '../../../kernel/boot.js';
import type { IoctlMemory } from '../../../kernel/dev/file.js';

/** A struct winsize in a little memory of its own, as an ioctl's argument. */
function winsizeMemory(rows: number, cols: number): { mem: IoctlMemory; bytes: Uint8Array } {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setUint16(0, rows, true);
  new DataView(bytes.buffer).setUint16(2, cols, true);
  const mem: IoctlMemory = {
    copyIn: (_va, len) => bytes.slice(0, len),
    copyOut: (_va, b) => { bytes.set(b); return 0; },
  };
  return { mem, bytes };
}

describe('the console window size', () => {
  const quiet = { bootLog: () => {}, message: () => {}, stdout: () => {} };

  it('calls onResize once per change from the host, never for the same size or a nonsense one', () => {
    const k = boot({ memMiB: 16, terminal: true, sinks: quiet });
    const c = k.consoleInput;
    let resized = 0;
    c.onResize = () => { resized++; };
    c.setWinsize(120, 40);
    c.setWinsize(120, 40);
    c.setWinsize(0, -3);
    c.setWinsize(1.5, 70000);
    expect(c.winsize).toEqual({ cols: 120, rows: 40 });
    expect(resized).toBe(1);
  });

  it('answers TIOCGWINSZ with rows then columns, and takes TIOCSWINSZ as a change', () => {
    const k = boot({ memMiB: 16, terminal: true, sinks: quiet });
    const c = k.consoleInput;
    let resized = 0;
    c.onResize = () => { resized++; };
    c.setWinsize(90, 33);
    const got = winsizeMemory(0, 0);
    expect(c.ioctl(TIOCGWINSZ, 0x1000, got.mem)).toBe(0);
    expect([...got.bytes.subarray(0, 4)]).toEqual([33, 0, 90, 0]);
    expect(c.ioctl(TIOCSWINSZ, 0x1000, winsizeMemory(50, 132).mem)).toBe(0);
    expect(c.winsize).toEqual({ cols: 132, rows: 50 });
    expect(resized).toBe(2);
  });

  it('is wired by boot to SIGWINCH for the terminal\'s processes', () => {
    const k = boot({ memMiB: 16, terminal: true, sinks: quiet });
    expect(k.consoleInput.onResize).toBeTypeOf('function');
  });
});
