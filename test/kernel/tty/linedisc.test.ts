// The console's line discipline: editing, echo, signals, end of file, raw mode, output processing.
import { describe, expect, it } from 'vitest';
import { WOULD_BLOCK } from '../../../kernel/dev/file.js';
import { ECHO, ICANON } from '../../../abi/termios.js';
import { LineDiscipline, decodeTermios, encodeTermios } from '../../../kernel/tty/linedisc.js';

function setup() {
  const echoed: number[] = [];
  const signals: number[] = [];
  const ld = new LineDiscipline((b) => echoed.push(...b), (s) => signals.push(s));
  const type = (s: string): void => { for (const c of s) ld.input(c.charCodeAt(0)); };
  const read = (max = 100): string | typeof WOULD_BLOCK => {
    const r = ld.read(max);
    return r === WOULD_BLOCK ? r : new TextDecoder().decode(r as Uint8Array);
  };
  return { ld, type, read, echo: () => String.fromCharCode(...echoed), signals };
}

describe('canonical line discipline', () => {
  it('gives readers nothing until a line is complete, then one line per read', () => {
    const t = setup();
    t.type('ab');
    expect(t.read()).toBe(WOULD_BLOCK);
    t.type('c\rdef\n');
    expect(t.read()).toBe('abc\n');
    expect(t.read()).toBe('def\n');
    expect(t.read()).toBe(WOULD_BLOCK);
  });

  it('echoes typed characters and ends lines with CR LF', () => {
    const t = setup();
    t.type('hi\r');
    expect(t.echo()).toBe('hi\r\n');
  });

  it('erases a character with DEL or ^H and the line with Ctrl-U', () => {
    const t = setup();
    t.type('abx\x7fc\x08d\n');
    expect(t.read()).toBe('abd\n');
    t.type('junk\x15ok\n');
    expect(t.read()).toBe('ok\n');
    expect(t.echo()).toContain('\b \b');
  });

  it('raises SIGINT on Ctrl-C and SIGQUIT on Ctrl-\\, discarding the line', () => {
    const t = setup();
    t.type('half\x03');
    expect(t.signals).toEqual([2]);
    expect(t.echo()).toContain('^C');
    t.type('\x1c');
    expect(t.signals).toEqual([2, 3]);
    t.type('x\n');
    expect(t.read()).toBe('x\n');
  });

  it('turns Ctrl-D on an empty line into end of file, and elsewhere sends the line as it is', () => {
    const t = setup();
    t.type('\x04');
    expect(t.read()).toBe('');
    t.type('abc\x04');
    expect(t.read()).toBe('abc');
  });

  it('splits a long line over reads smaller than it', () => {
    const t = setup();
    t.type('abcdef\n');
    expect(t.read(4)).toBe('abcd');
    expect(t.read(4)).toBe('ef\n');
  });

  it('passes bytes through at once in raw mode (ICANON and ECHO off through TCSETS)', () => {
    const t = setup();
    const raw = decodeTermios(encodeTermios(t.ld.termios));
    raw.lflag &= ~(ICANON | ECHO);
    t.ld.setTermios(raw);
    t.type('a\x7f');
    expect(t.read()).toBe('a\x7f');
    expect(t.echo()).toBe('');
  });

  it('round-trips termios through its 36-byte encoding', () => {
    const t = setup();
    const bytes = encodeTermios(t.ld.termios);
    expect(bytes.length).toBe(36);
    expect(decodeTermios(bytes)).toEqual(t.ld.termios);
  });

  it('turns "\\n" into "\\r\\n" on output', () => {
    const t = setup();
    expect(String.fromCharCode(...t.ld.output(new TextEncoder().encode('a\nb\n\n')))).toBe('a\r\nb\r\n\r\n');
  });
});
