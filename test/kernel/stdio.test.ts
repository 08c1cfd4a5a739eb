// fds 0, 1 and 2 each have their own open mode (a fuzzer found fd 0 writable with writes reaching stdout when
// stdin was /dev/null): on a non-terminal console fd 0 is read-only and fd 1/2 write-only, and every kind of
// file refuses what its access mode does not allow, with EBADF as on Linux.
import { describe, expect, it } from 'vitest';
import { boot } from '../../kernel/boot.js';
import { runUntilDone } from '../../kernel/driver.js';
import { spawnProcess } from '../../kernel/proc/spawn.js';
import { bootTestKernel } from '../harness.js';
import { hasGcc, hasQemu, program, programPath } from './progs/build.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EBADF = 9;

describe.skipIf(!hasGcc)('standard fds', () => {
  it('on a non-terminal console: fd 0 is read-only, fds 1 and 2 write-only; fd 1 gets only what fd 1 wrote', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('stdio'), { stdin: '' });
    expect(r.stdout).toBe('one\n');
    expect(r.stderr).toBe([
      `write0=-${EBADF}`, 'write1=4', `read1=-${EBADF}`, `read2=-${EBADF}`,
      `write_rdonly_null=-${EBADF}`, `read_wronly_null=-${EBADF}`, 'write_wronly_null=1', '',
    ].join('\n'));
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it.skipIf(!hasQemu)('answers as qemu-riscv32 on Linux does with </dev/null and stdout to a pipe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagoda-stdio-'));
    const q = spawnSync('sh', ['-c', `qemu-riscv32 '${programPath('stdio')}' </dev/null 2>'${dir}/err' | cat`], { encoding: 'utf8', timeout: 20_000 });
    expect(q.stdout).toBe('one\n');
    const err = readFileSync(join(dir, 'err'), 'utf8');
    for (const line of [`write0=-${EBADF}`, `read1=-${EBADF}`, `write_rdonly_null=-${EBADF}`, `read_wronly_null=-${EBADF}`, 'write_wronly_null=1']) {
      expect(err).toContain(line + '\n');
    }
  });

  it('on an interactive terminal the three fds are the terminal opened read-write, as a login\'s', async () => {
    const out: string[] = [];
    const k = boot({ memMiB: 32, terminal: true, onConsoleOutput: (b) => out.push(new TextDecoder().decode(b)) });
    const p = spawnProcess(k, { path: '/bin/stdio', bytes: program('stdio'), argv: ['stdio'], envp: [] });
    k.machine.uart.pushInput('a\nb\n');     // fd 1 and fd 2 read the terminal too: a line each
    const later = (): Promise<void> => new Promise((r) => setTimeout(r, 1));
    await runUntilDone(k, { waitForInput: later, yieldToHost: later });
    expect(p.status).toEqual({ kind: 'exited', code: 0 });
    const text = out.join('');
    expect(text).toContain('zero\r\n');
    expect(text).toContain('write0=5');
    expect(text).toContain('read1=2');
    expect(text).toContain('read2=2');
    expect(text).toContain(`write_rdonly_null=-${EBADF}`);
  });
});
