// Pipes: a 64 KiB ring buffer between a read end and a write end. A read with nothing buffered blocks while
// some write end is open, and sees end of file once every write end has closed; a write blocks while the
// buffer is full, and fails with EPIPE (the caller raises SIGPIPE) once every read end has closed. Writes
// of at most PIPE_BUF bytes are atomic: they wait for room for all of their bytes.
// Readers sleep on `readable`, woken by every write and by the last write end closing; writers sleep on
// `writable`, woken by every read that frees room and by the last read end closing.

import { Errno } from '../../abi/errno.js';
import { WOULD_BLOCK, type FileStat, type OpenFile, type ReadResult } from '../dev/file.js';
import { WaitChannel } from '../proc/waitchan.js';
import { S_IFIFO, nextIno } from './node.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT } from '../../abi/poll.js';

export const PIPE_CAPACITY = 65536;
export const PIPE_BUF = 4096;

/** The ring starts this small and doubles up to PIPE_CAPACITY as data waits (most pipes carry little). */
const INITIAL_RING = 4096;

export class Pipe {
  private ring = new Uint8Array(INITIAL_RING);
  private head = 0;
  private length = 0;
  readers = 1;
  writers = 1;
  readonly ino = nextIno();
  /** Readers waiting for data or end of file. */
  readonly readable = new WaitChannel('pipe data');
  /** Writers waiting for room or for the last reader to go (EPIPE). */
  readonly writable = new WaitChannel('pipe room');

  get buffered(): number { return this.length; }

  /** The read end's poll events, as Linux's pipe_poll: data to read, or hang-up once no writer is left. */
  readerEvents(): number { return (this.length > 0 ? POLLIN : 0) | (this.writers === 0 ? POLLHUP : 0); }

  /** The write end's poll events: room for an atomic write (PIPE_BUF bytes), or an error once no reader is left. */
  writerEvents(): number {
    if (this.readers === 0) return POLLOUT | POLLERR;
    return PIPE_CAPACITY - this.length >= PIPE_BUF ? POLLOUT : 0;
  }

  /** Up to `max` buffered bytes; end of file (empty) when no writer is left; WOULD_BLOCK otherwise. */
  take(max: number): ReadResult {
    if (this.length === 0) return this.writers === 0 || max === 0 ? new Uint8Array(0) : WOULD_BLOCK;
    const n = Math.min(max, this.length);
    const out = new Uint8Array(n);
    const size = this.ring.length;
    const first = Math.min(n, size - this.head);
    out.set(this.ring.subarray(this.head, this.head + first));
    if (first < n) out.set(this.ring.subarray(0, n - first), first);
    this.head = (this.head + n) % size;
    this.length -= n;
    this.writable.wakeAll();
    return out;
  }

  /** Stores what fits of `bytes`: the count, -EPIPE with no reader left, or WOULD_BLOCK when full. */
  put(bytes: Uint8Array): number | typeof WOULD_BLOCK {
    if (this.readers === 0) return -Errno.EPIPE;
    if (bytes.length === 0) return 0;
    const room = PIPE_CAPACITY - this.length;
    if (room === 0 || (bytes.length <= PIPE_BUF && room < bytes.length)) return WOULD_BLOCK;
    const n = Math.min(room, bytes.length);
    if (this.length + n > this.ring.length) this.grow(this.length + n);
    const size = this.ring.length;
    const tail = (this.head + this.length) % size;
    const first = Math.min(n, size - tail);
    this.ring.set(bytes.subarray(0, first), tail);
    if (first < n) this.ring.set(bytes.subarray(first, n), 0);
    this.length += n;
    this.readable.wakeAll();
    return n;
  }

  /** A read end closed for good; the last one sends waiting writers to EPIPE. */
  closeReader(): void {
    this.readers--;
    if (this.readers === 0) this.writable.wakeAll();
  }

  /** A write end closed for good; the last one sends waiting readers to end of file. */
  closeWriter(): void {
    this.writers--;
    if (this.writers === 0) this.readable.wakeAll();
  }

  /** Enlarges the ring to hold at least `need` bytes (at most PIPE_CAPACITY), keeping the data in order. */
  private grow(need: number): void {
    let size = this.ring.length;
    while (size < need) size *= 2;
    const ring = new Uint8Array(Math.min(size, PIPE_CAPACITY));
    const first = Math.min(this.length, this.ring.length - this.head);
    ring.set(this.ring.subarray(this.head, this.head + first));
    ring.set(this.ring.subarray(0, this.length - first), first);
    this.ring = ring;
    this.head = 0;
  }

  stat(): FileStat {
    return { ino: this.ino, mode: S_IFIFO | 0o600, size: 0, nlink: 1, rdevMajor: 0, rdevMinor: 0, devMajor: 0, devMinor: 9, mtimeMs: 0 };
  }
}

/** The read end of a pipe. */
export class PipeReader implements OpenFile {
  readonly name = 'pipe';
  readonly openFlags = 0;
  constructor(readonly pipe: Pipe) {}
  get readWait(): WaitChannel { return this.pipe.readable; }
  read(maxBytes: number): ReadResult { return this.pipe.take(maxBytes); }
  pollEvents(): number { return this.pipe.readerEvents(); }
  write(): number { return -Errno.EBADF; }
  stat(): FileStat { return this.pipe.stat(); }
  onLastClose(): void { this.pipe.closeReader(); }
}

/** The write end of a pipe. */
export class PipeWriter implements OpenFile {
  readonly name = 'pipe';
  readonly openFlags = 1;
  constructor(readonly pipe: Pipe) {}
  get writeWait(): WaitChannel { return this.pipe.writable; }
  read(): ReadResult { return -Errno.EBADF; }
  write(bytes: Uint8Array): number | typeof WOULD_BLOCK { return this.pipe.put(bytes); }
  pollEvents(): number { return this.pipe.writerEvents(); }
  stat(): FileStat { return this.pipe.stat(); }
  onLastClose(): void { this.pipe.closeWriter(); }
}
