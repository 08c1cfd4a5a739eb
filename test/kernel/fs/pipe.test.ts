// Pipes: the ring buffer, blocking conditions, end of file and EPIPE.
import { describe, expect, it } from 'vitest';
import { Errno } from '../../../abi/errno.js';
import { WOULD_BLOCK } from '../../../kernel/dev/file.js';
import { PIPE_BUF, PIPE_CAPACITY, Pipe } from '../../../kernel/fs/pipe.js';

const bytes = (n: number, seed = 0): Uint8Array => new Uint8Array(n).map((_, i) => (i + seed) & 0xff);

describe('Pipe', () => {
  it('returns what was written, in order, across the end of the ring', () => {
    const p = new Pipe();
    const first = bytes(PIPE_CAPACITY - 10);
    expect(p.put(first)).toBe(PIPE_CAPACITY - 10);
    expect([...(p.take(PIPE_CAPACITY - 20) as Uint8Array)]).toEqual([...first.subarray(0, PIPE_CAPACITY - 20)]);
    expect(p.put(bytes(100, 7))).toBe(100);
    // All 110 bytes: the last 10 of the first write (before the end of the ring), then the 100 that wrapped.
    expect([...(p.take(1000) as Uint8Array)]).toEqual([...first.subarray(PIPE_CAPACITY - 20), ...bytes(100, 7)]);
  });

  it('blocks a reader while empty with a writer open, and gives end of file once writers are gone', () => {
    const p = new Pipe();
    expect(p.take(10)).toBe(WOULD_BLOCK);
    p.writers = 0;
    expect(p.take(10)).toEqual(new Uint8Array(0));
  });

  it('blocks a writer when full, writes large buffers partially, and keeps small writes whole', () => {
    const p = new Pipe();
    expect(p.put(bytes(PIPE_CAPACITY + 500))).toBe(PIPE_CAPACITY);
    expect(p.put(bytes(1))).toBe(WOULD_BLOCK);
    p.take(100);
    expect(p.put(bytes(PIPE_BUF))).toBe(WOULD_BLOCK);
    expect(p.put(bytes(100))).toBe(100);
  });

  it('fails writes with EPIPE once every reader is gone', () => {
    const p = new Pipe();
    p.readers = 0;
    expect(p.put(bytes(1))).toBe(-Errno.EPIPE);
  });

  it('keeps data in order while its buffer grows from 4 KiB', () => {
    const p = new Pipe();
    expect(p.put(bytes(3000, 1))).toBe(3000);
    expect((p.take(2000) as Uint8Array)[0]).toBe(1);
    expect(p.put(bytes(3000, 9))).toBe(3000);
    expect(p.put(bytes(40000, 5))).toBe(40000);
    const all = p.take(100000) as Uint8Array;
    expect(all.length).toBe(44000);
    expect([...all.subarray(0, 1000)]).toEqual([...bytes(3000, 1).subarray(2000)]);
    expect([...all.subarray(1000, 4000)]).toEqual([...bytes(3000, 9)]);
    expect([...all.subarray(4000)]).toEqual([...bytes(40000, 5)]);
  });
});
