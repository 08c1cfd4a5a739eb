// The toolchain inside the machine: /bin/cc, /bin/as, /bin/ld, /bin/ar and /bin/objdump are kernel-provided
// programs (kernel/programs/) that run the toolchain's drivers on the machine's files, as processes of the
// shell that started them: same argv, cwd, fds and exit statuses as any program, the same diagnostics as
// `pagoda cc` on the host, killable, their host time charged to them, and nothing left behind.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootTestKernel, type TestKernel } from '../../harness.js';
import { sendSignal } from '../../../kernel/proc/signal.js';
import { Signal } from '../../../abi/signals.js';
import type { Process } from '../../../kernel/proc/process.js';
import { ccMain } from '../../../toolchain/driver/cc.js';
import { ToolFileError, type ToolHost } from '../../../toolchain/driver/host.js';

const IMAGE = join(dirname(fileURLToPath(import.meta.url)), '../../../dist/boot.cpio');
const built = existsSync(IMAGE);
if (!built) console.warn('dist/boot.cpio missing (npm run build): skipping the in-machine toolchain tests');

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const HELLO = '#include <stdio.h>\nint main(int argc, char **argv) {\n  printf("hello, %d from %s\\n", 6 * 7, argv[0]);\n  return 3;\n}\n';
const BAD = 'int main(void) {\n  int x = ;\n  return x;\n}\n';
/** A file with enough functions that compiling it takes several phases' worth of time. */
const MANY = Array.from({ length: 300 }, (_, i) => `static int g${i}(int x) { return x ^ ${i}; }\nint f${i}(int x) { return x * ${i} + g${i}(x); }\n`).join('');

/** `pagoda cc`'s stderr for `argv` on a host holding `files` (the drivers' own memory host). */
async function hostDiagnostics(argv: string[], files: Record<string, string>): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const host: ToolHost = {
    readFile: (p) => {
      if (files[p] === undefined) throw new ToolFileError('ENOENT', p, `ENOENT: no such file or directory, open '${p}'`);
      return enc(files[p]);
    },
    writeFile: () => {},
    exists: (p) => files[p] !== undefined,
    isFile: (p) => files[p] !== undefined,
    stdout: () => {},
    stderr: (t) => { stderr += t; },
    env: {},
    paths: { systemIncludeDirs: [], libDirs: [], crt0: 'crt0.s' },
    checkpoint: () => Promise.resolve(),
  };
  return { status: await ccMain(argv, host), stderr };
}

/** Runs `script` under /bin/sh -c; `onProcess` sees every process whose program is `watch` as it appears. */
async function sh(k: TestKernel, script: string, watch?: string, onProcess?: (p: Process) => void): Promise<Awaited<ReturnType<TestKernel['run']>>> {
  const running = k.run('/bin/sh', { argv: ['sh', '-c', script], envp: ['PATH=/bin', 'HOME=/home'] });
  if (!watch) return running;
  let done = false;
  void running.finally(() => { done = true; });
  const seen = new Set<Process>();
  while (!done) {
    for (const p of k.kernel.processes.values()) {
      if (p.name === watch && p.alive && !seen.has(p)) {
        seen.add(p);
        onProcess?.(p);
      }
    }
    await new Promise((r) => setImmediate(r));
  }
  return running;
}

describe.skipIf(!built)('the toolchain inside the machine', () => {
  let k: TestKernel;
  beforeAll(() => {
    k = bootTestKernel({
      memMiB: 64,
      bootImage: new Uint8Array(readFileSync(IMAGE)),
      files: { '/home/hello.c': enc(HELLO), '/home/bad.c': enc(BAD), '/home/many.c': enc(MANY) },
    });
  });

  it('compiles and links a C file into the working directory, and the program runs; its host time is charged to cc', async () => {
    const ccs: Process[] = [];
    const r = await sh(k, 'cd /tmp && cc -O1 -o hello /home/hello.c && ./hello; echo status=$?; ls /tmp', '/bin/cc', (p) => ccs.push(p));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello, 42 from ./hello\nstatus=3\nhello\n');
    expect(ccs).toHaveLength(1);
    expect(ccs[0].status).toEqual({ kind: 'exited', code: 0 });
    expect(ccs[0].hostCpuMs).toBeGreaterThan(0);
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it('as, ld, ar and objdump work on machine files, with exit statuses as on the host; a closed pipe ends objdump', async () => {
    const r = await sh(k, [
      'cd /tmp', 'cc -S -o h.s /home/hello.c', 'as -o h.o h.s', 'ld -o h2 /usr/lib/crt0.o h.o -L/usr/lib -lc', './h2', 'echo ld=$?',
      'ar rc lib.a h.o', 'ar t lib.a', 'objdump -d h.o | head -4', 'objdump -d /bin/ls | head -2', 'as -o x.o /nonexistent.s', 'echo as=$?',
      'cc --bogus', 'echo cc=$?', 'objdump -d /nonexistent', 'echo objdump=$?',
    ].join('; '));
    expect(r.stdout).toBe('hello, 42 from ./h2\nld=3\nh.o\n\nh.o:     file format elf32-littleriscv\n\n\n\n/bin/ls:     file format elf32-littleriscv\nas=1\ncc=1\nobjdump=1\n');
    expect(r.stderr).toBe("pagoda as: error: cannot read '/nonexistent.s': ENOENT\n"
      + "pagoda cc: error: unrecognized command-line option '--bogus'\n"
      + 'pagoda objdump: /nonexistent: error: no such file\n');
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it('reports a bad C file with file:line:col, the same text as pagoda cc on the host, and exit status 1', async () => {
    const r = await sh(k, 'cd /home && cc -c bad.c; echo status=$?; ls /home');
    const host = await hostDiagnostics(['-c', 'bad.c'], { 'bad.c': BAD });
    expect(host.status).toBe(1);
    expect(r.stderr).toContain('pagoda cc: bad.c:2:11: error: ');
    expect(r.stderr).toBe(host.stderr);
    expect(r.stdout).toBe('status=1\nbad.c\nhello.c\nmany.c\n');
  });

  it('a compile killed with SIGKILL ends at once: the shell sees 137 and no output file is written', async () => {
    const r = await sh(k, 'cd /tmp && cc -o killed /home/many.c /home/hello.c; echo status=$?; ls /tmp', '/bin/cc', (p) => {
      sendSignal(k.kernel, p, Signal.SIGKILL);
    });
    expect(r.stdout).toBe('status=137\nh.o\nh.s\nh2\nhello\nlib.a\n');
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it('a stopped compile waits at its next phase until SIGCONT, then finishes', async () => {
    let stoppedFor = 0;
    let writtenWhileStopped = true;
    const r = await sh(k, 'cd /tmp && cc -o cont /home/hello.c; ./cont', '/bin/cc', (p) => {
      sendSignal(k.kernel, p, Signal.SIGSTOP);
      const at = performance.now();
      setTimeout(() => {
        stoppedFor = performance.now() - at;
        writtenWhileStopped = typeof k.kernel.fs.lookup('/tmp/cont') !== 'number';
        expect(p.stopped).toBe(true);
        sendSignal(k.kernel, p, Signal.SIGCONT);
      }, 300);
    });
    expect(stoppedFor).toBeGreaterThanOrEqual(299);
    expect(writtenWhileStopped).toBe(false);
    expect(r.stdout).toContain('hello, 42 from ./cont\n');
    expect(k.counters()).toEqual(k.bootCounters);
  });
});
