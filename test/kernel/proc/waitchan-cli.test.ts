// `pagoda run` (cli/run.ts, a host of its own: stdin events and its own timer) with a sleeping program: the
// timer list's deadline becomes the host's timer, and a reader asleep on the console is woken by stdin.
// Needs `npm run build` first (skipped otherwise).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sys } from '../../../abi/syscalls.js';
import { Asm, BUF, CLOCK_MONOTONIC, REQ, REM, a0, at, s2, zero } from './waitprogs.js';

const ROOT = resolve(__dirname, '..', '..', '..');
const built = existsSync(join(ROOT, 'dist', 'cli', 'run.js'));
if (!built) console.warn('dist/cli/run.js missing: skipping the pagoda run sleep tests');

function run(program: Uint8Array, input: string): { status: number | null; ms: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'pagoda-waitchan-')), 'prog');
  writeFileSync(path, program);
  const t = performance.now();
  const r = spawnSync('node', [join(ROOT, 'bin', 'pagoda.mjs'), 'run', '--mem', '32', path], { input, encoding: 'utf8' });
  return { status: r.status, ms: performance.now() - t };
}

describe.skipIf(!built)('pagoda run with sleeping programs', () => {
  it('sleeps through nanosleep on the host timer and exits when it is due', () => {
    const p = new Asm().sys(Sys.clock_nanosleep_time64, CLOCK_MONOTONIC, 0, REQ, REM).emit('addi', a0, a0, 7).exitA0();
    const r = run(p.executable((v) => v.setBigInt64(at(REQ) + 8, 300_000_000n, true)), '');
    expect(r.status).toBe(7);
    expect(r.ms).toBeGreaterThanOrEqual(300);
  });

  it('wakes a reader asleep on the console when stdin brings bytes, and at its end', () => {
    // Reads until end of file, counting bytes; exits with the count.
    const p = new Asm().li(s2, 0).label('read').sys(Sys.read, 0, BUF, 100);
    p.emit('beq', a0, zero, 'eof').emit('add', s2, s2, a0).emit('jal', zero, 'read');
    p.label('eof').emit('addi', a0, s2, 0).exitA0();
    expect(run(p.executable(), 'twelve bytes').status).toBe(12);
  });
});
