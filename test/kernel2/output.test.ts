// Console output per host turn: a program printing in a loop gets a share per slice, sleeps when it is used,
// and continues on the next slice, with every byte delivered in order.
import { describe, expect, it } from 'vitest';
import { Sys } from '../../abi/syscalls.js';
import { boot } from '../../kernel/boot.js';
import { spawnProcess } from '../../kernel/proc/spawn.js';
import { runSlice } from '../../kernel/sched.js';
import { tinyExecutable } from '../../bench/kernel.js';
import { Program } from '../../bench/program.js';

/** Writes 8 x 64 KiB of 'x' to fd 1, then exits. */
function printer(): Uint8Array {
  const p = new Program(0x10000).li(8, 8).label('loop').li(10, 1).li(11, 0x11000).li(12, 65536).li(17, Sys.write).emit('ecall')
    .emit('addi', 8, 8, -1).emit('bne', 8, 0, 'loop').li(10, 0).li(17, Sys.exit).emit('ecall');
  return tinyExecutable(p.bytes(), new Uint8Array(65536).fill(0x78));
}

describe('console output per host turn', () => {
  it('lets a printing program write its share per slice, then sleep until the next one', () => {
    let out = 0;
    const k = boot({ memMiB: 16, terminal: true, consoleOutputPerTurn: 100_000, sinks: { bootLog: () => {}, message: () => {}, stdout: (b) => { out += b.length; } } });
    spawnProcess(k, { path: '/bin/printer', bytes: printer(), argv: ['printer'], envp: [] });
    const first = runSlice(k, 1e9);
    expect(first.kind).toBe('running');
    expect(out).toBe(100_000);
    let slices = 1;
    while (runSlice(k, 1e9).kind !== 'done') slices++;
    expect(out).toBe(8 * 65536);
    // The slice that writes the last bytes also sees the program exit (it reports 'done', uncounted).
    expect(slices + 1).toBe(Math.ceil((8 * 65536) / 100_000));
  });

  it('does not limit output unless asked (pagoda run, the test harness)', () => {
    let out = 0;
    const k = boot({ memMiB: 16, sinks: { bootLog: () => {}, message: () => {}, stdout: (b) => { out += b.length; } } });
    spawnProcess(k, { path: '/bin/printer', bytes: printer(), argv: ['printer'], envp: [] });
    expect(runSlice(k, 1e9).kind).toBe('done');
    expect(out).toBe(8 * 65536);
  });
});
