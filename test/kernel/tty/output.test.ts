// Console output per host turn: a program printing in a loop gets a share per slice, sleeps when it is used,
// and continues on the next slice, with every byte delivered in order.
import { describe, expect, it } from 'vitest';
import { Sys } from '../../../abi/syscalls.js';
import { boot } from '../../../kernel/boot.js';
import { spawnProcess } from '../../../kernel/proc/spawn.js';
import { runSlice } from '../../../kernel/sched.js';
import { tinyExecutable } from '../../../bench/kernel.js';
import { Program } from '../../../bench/program.js';

const TOTAL = 8 * 65536;
/**
 * 512 KiB that differ from write to write and byte to byte, so a lost, repeated or reordered piece shows;
 * printable (no newline for the terminal's output processing to expand).
 */
const DATA = new Uint8Array(TOTAL).map((_, i) => 0x20 + ((i * 7 + (i >>> 16) * 13 + (i >>> 8)) % 95));

/** Writes DATA to fd 1 in 8 writes of 64 KiB, then exits. */
function printer(): Uint8Array {
  const [t0, s0, s1, a0, a1, a2, a7] = [5, 8, 9, 10, 11, 12, 17];
  const p = new Program(0x10000).li(s0, 8).li(s1, 0x11000).li(t0, 65536).label('loop')
    .li(a0, 1).emit('addi', a1, s1, 0).li(a2, 65536).li(a7, Sys.write).emit('ecall')
    .emit('add', s1, s1, t0).emit('addi', s0, s0, -1).emit('bne', s0, 0, 'loop').li(a0, 0).li(a7, Sys.exit).emit('ecall');
  return tinyExecutable(p.bytes(), DATA);
}

/** Everything the sink received, joined. */
function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) { out.set(b, at); at += b.length; }
  return out;
}

describe('console output per host turn', () => {
  it('lets a printing program write its share per slice, then sleep until the next one', () => {
    let out = 0;
    const parts: Uint8Array[] = [];
    const k = boot({ memMiB: 16, terminal: true, consoleOutputPerTurn: 100_000, sinks: { bootLog: () => {}, message: () => {}, stdout: (b) => { out += b.length; parts.push(b.slice()); } } });
    spawnProcess(k, { path: '/bin/printer', bytes: printer(), argv: ['printer'], envp: [] });
    const first = runSlice(k, 1e9);
    expect(first.kind).toBe('running');
    expect(out).toBe(100_000);
    let slices = 1;
    while (runSlice(k, 1e9).kind !== 'done') slices++;
    expect(out).toBe(TOTAL);
    expect(Buffer.from(joined(parts)).equals(Buffer.from(DATA))).toBe(true);
    // The slice that writes the last bytes also sees the program exit (it reports 'done', uncounted).
    expect(slices + 1).toBe(Math.ceil(TOTAL / 100_000));
  });

  it('does not limit output unless asked (pagoda run, the test harness)', () => {
    const parts: Uint8Array[] = [];
    const k = boot({ memMiB: 16, sinks: { bootLog: () => {}, message: () => {}, stdout: (b) => { parts.push(b.slice()); } } });
    spawnProcess(k, { path: '/bin/printer', bytes: printer(), argv: ['printer'], envp: [] });
    expect(runSlice(k, 1e9).kind).toBe('done');
    expect(Buffer.from(joined(parts)).equals(Buffer.from(DATA))).toBe(true);
  });
});
