// The console's line discipline (a small n_tty). In canonical mode (ICANON) typed bytes collect in a line
// the user edits — backspace (DEL or ^H) erases a character, Ctrl-U the line — and a read returns only
// completed lines; Ctrl-D sends the line as it is (on an empty line: end of file). With ISIG, Ctrl-C, Ctrl-\
// and Ctrl-Z discard the line and raise SIGINT / SIGQUIT / SIGTSTP (at the foreground process group). ECHO echoes what is typed. With ICANON off (raw mode
// through TCSETS) bytes reach readers as they arrive. On output, OPOST|ONLCR turns "\n" into "\r\n".

import { Signal } from '../../abi/signals.js';
import {
  ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ICANON, ICRNL, IEXTEN, ISIG, NCCS, ONLCR, OPOST, TERMIOS_BYTES, VEOF, VERASE, VINTR,
  VKILL, VMIN, VQUIT, VSUSP, VTIME,
} from '../../abi/termios.js';
import { WOULD_BLOCK, type ReadResult } from '../dev/file.js';

/** Longest line kept in canonical mode (N_TTY_BUF_SIZE); typing beyond it is dropped. */
const MAX_LINE = 4095;

export interface Termios {
  iflag: number;
  oflag: number;
  cflag: number;
  lflag: number;
  line: number;
  cc: Uint8Array;
}

/** Linux's defaults for a fresh terminal (what `stty sane` sets). */
export function defaultTermios(): Termios {
  const cc = new Uint8Array(NCCS);
  cc[VINTR] = 3; cc[VQUIT] = 28; cc[VERASE] = 127; cc[VKILL] = 21; cc[VEOF] = 4; cc[VTIME] = 0; cc[VMIN] = 1; cc[VSUSP] = 26;
  return {
    iflag: ICRNL, oflag: OPOST | ONLCR, cflag: 0o277,
    lflag: ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN, line: 0, cc,
  };
}

export function encodeTermios(t: Termios): Uint8Array {
  const out = new Uint8Array(TERMIOS_BYTES);
  const v = new DataView(out.buffer);
  v.setUint32(0, t.iflag, true);
  v.setUint32(4, t.oflag, true);
  v.setUint32(8, t.cflag, true);
  v.setUint32(12, t.lflag, true);
  out[16] = t.line;
  out.set(t.cc, 17);
  return out;
}

export function decodeTermios(bytes: Uint8Array): Termios {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    iflag: v.getUint32(0, true), oflag: v.getUint32(4, true), cflag: v.getUint32(8, true),
    lflag: v.getUint32(12, true), line: bytes[16], cc: bytes.slice(17, 17 + NCCS),
  };
}

export class LineDiscipline {
  termios: Termios = defaultTermios();
  /** The line being edited (canonical mode). */
  private line: number[] = [];
  /** Input ready for readers: completed lines (canonical) or raw bytes; an empty record is an end of file. */
  private records: Uint8Array[] = [];

  constructor(
    /** Sends bytes to the terminal (echo). */
    private readonly echo: (bytes: Uint8Array) => void,
    /** Raises a signal at the terminal's processes. */
    private readonly signal: (sig: number) => void,
  ) {}

  private get canonical(): boolean { return (this.termios.lflag & ICANON) !== 0; }
  private get echoing(): boolean { return (this.termios.lflag & ECHO) !== 0; }

  private say(text: string): void {
    if (this.echoing) this.echo(new TextEncoder().encode(text));
  }

  /** Takes one typed byte. */
  input(byte: number): void {
    const t = this.termios;
    if ((t.iflag & ICRNL) && byte === 13) byte = 10;
    if ((t.lflag & ISIG) && byte !== 0 && (byte === t.cc[VINTR] || byte === t.cc[VQUIT] || byte === t.cc[VSUSP])) {
      const sig = byte === t.cc[VINTR] ? Signal.SIGINT : byte === t.cc[VQUIT] ? Signal.SIGQUIT : Signal.SIGTSTP;
      this.say(byte === t.cc[VINTR] ? '^C\r\n' : byte === t.cc[VQUIT] ? '^\\\r\n' : '^Z\r\n');
      this.line = [];
      this.records = [];
      this.signal(sig);
      return;
    }
    if (!this.canonical) {
      this.records.push(Uint8Array.of(byte));
      if (this.echoing) this.echo(Uint8Array.of(byte));
      return;
    }
    this.edit(byte);
  }

  /** Canonical-mode editing of the current line. */
  private edit(byte: number): void {
    const t = this.termios;
    if (byte === t.cc[VERASE] || byte === 8) {
      if (this.line.length > 0) {
        this.line.pop();
        this.say('\b \b');
      }
    } else if (byte === t.cc[VKILL]) {
      this.say('\b \b'.repeat(this.line.length));
      this.line = [];
    } else if (byte === t.cc[VEOF]) {
      // The line so far goes to the reader without a newline; on an empty line that is end of file.
      this.records.push(Uint8Array.from(this.line));
      this.line = [];
    } else if (byte === 10) {
      this.line.push(10);
      this.say('\r\n');
      this.records.push(Uint8Array.from(this.line));
      this.line = [];
    } else if (this.line.length < MAX_LINE) {
      this.line.push(byte);
      if (byte < 32 && (t.lflag & ECHOCTL)) this.say('^' + String.fromCharCode(byte + 64));
      else if (this.echoing) this.echo(Uint8Array.of(byte));
    }
  }

  /** True when a read would return at once. */
  get ready(): boolean { return this.records.length > 0; }

  /**
   * Up to `max` bytes for a reader: canonical mode gives at most one line (an empty array once for each
   * end of file typed); raw mode whatever has arrived. WOULD_BLOCK when nothing is there.
   */
  read(max: number): ReadResult {
    if (this.records.length === 0) return WOULD_BLOCK;
    if (!this.canonical) {
      const out: number[] = [];
      while (this.records.length > 0 && out.length < max) {
        const r = this.records[0];
        const n = Math.min(r.length, max - out.length);
        for (let i = 0; i < n; i++) out.push(r[i]);
        if (n === r.length) this.records.shift();
        else this.records[0] = r.subarray(n);
      }
      return Uint8Array.from(out);
    }
    const r = this.records[0];
    if (r.length <= max) {
      this.records.shift();
      return r;
    }
    this.records[0] = r.subarray(max);
    return r.slice(0, max);
  }

  /** Output processing for bytes written to the terminal: "\n" becomes "\r\n" under OPOST|ONLCR. */
  output(bytes: Uint8Array): Uint8Array {
    const t = this.termios;
    if (!(t.oflag & OPOST) || !(t.oflag & ONLCR)) return bytes;
    let newlines = 0;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) newlines++;
    if (newlines === 0) return bytes;
    const out = new Uint8Array(bytes.length + newlines);
    let from = 0;
    let to = 0;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) {
      out.set(bytes.subarray(from, i), to);
      to += i - from;
      out[to++] = 13;
      out[to++] = 10;
      from = i + 1;
    }
    out.set(bytes.subarray(from), to);
    return out;
  }

  /** TCFLSH / TCSETSF: discards typed input that no reader has taken yet (the line being edited too). */
  flushInput(): void {
    this.line = [];
    this.records = [];
  }

  /** TCSETS: new settings; leaving canonical mode hands the partial line to readers. */
  setTermios(t: Termios): void {
    const wasCanonical = this.canonical;
    this.termios = t;
    if (wasCanonical && !this.canonical && this.line.length > 0) {
      this.records.push(Uint8Array.from(this.line));
      this.line = [];
    }
  }
}
