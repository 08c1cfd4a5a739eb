// The boot image's programs run the way `pagoda run` runs them (the test harness: the program is pid 1, the
// console a plain byte stream with no line discipline): fork, exec, pipes and files without a terminal.
import { describe, expect, it } from 'vitest';
import { Signal } from '../../abi/signals.js';
import { tinyExecutable } from '../../bench/kernel.js';
import { Program } from '../../bench/program.js';
import { bootTestKernel } from '../harness.js';
import { bootImage } from './system.js';

describe('boot image programs without a terminal', () => {
  it('runs a shell pipeline with redirections as pid 1 and leaves nothing allocated', async () => {
    const k = bootTestKernel({ memMiB: 32, bootImage: bootImage().image });
    const r = await k.run('/bin/sh', {
      argv: ['sh', '-c', 'echo alpha > /tmp/a; echo beta >> /tmp/a; cat /tmp/a | grep -n beta; ls /tmp | wc -l; exit 3'],
      envp: ['PATH=/bin'],
    });
    expect(r.stdout).toBe('2:beta\n      1\n');
    expect(r.status).toBe(3);
    expect(k.counters()).toEqual(k.bootCounters);
  }, 120_000);

  it('reads a script from standard input when it is not a terminal', async () => {
    const k = bootTestKernel({ memMiB: 32, bootImage: bootImage().image });
    const r = await k.run('/bin/sh', { argv: ['sh'], envp: ['PATH=/bin'], stdin: 'X=5\necho $X\nfalse || echo recovered\ncd /etc; ls | head -n 2\n' });
    expect(r.stdout).toBe('5\nrecovered\nmotd\npasswd\n');
    expect(r.status).toBe(0);
  }, 120_000);

  it('lists /proc and reads /proc/PID/status of the running process', async () => {
    const k = bootTestKernel({ memMiB: 32, bootImage: bootImage().image });
    const r = await k.run('/bin/sh', { argv: ['sh', '-c', 'cat /proc/self/status; ls /proc | tail -n 4'], envp: ['PATH=/bin'] });
    expect(r.stdout).toMatch(/^Name:\tcat\nState:\tR \(running\)\nPid:\t2\nPPid:\t1\nVmSize:\t +\d+ kB\nVmRSS:\t +\d+ kB\nThreads:\t1\n/);
    expect(r.stdout).toMatch(/chunks\ncpuinfo\nmeminfo\nuptime\n$/);
  }, 120_000);

  it('cat /proc/cpuinfo describes the hart as Linux does for riscv', async () => {
    const k = bootTestKernel({ memMiB: 32, bootImage: bootImage().image });
    const r = await k.run('/bin/sh', { argv: ['sh', '-c', 'cat /proc/cpuinfo'], envp: ['PATH=/bin'] });
    expect(r.stdout).toBe('processor\t: 0\nhart\t\t: 0\nisa\t\t: rv32imafd_zicntr_zicsr_zifencei\nmmu\t\t: sv32\n'
      + 'mvendorid\t: 0x0\nmarchid\t\t: 0x0\nmimpid\t\t: 0x0\n\n');
    expect(r.status).toBe(0);
  }, 120_000);

  it('reports a child killed by a signal as the shell status 128 + signal', async () => {
    const files = {
      '/bin/segv': tinyExecutable(new Program(0x10000).emit('lw', 10, 0, 0).bytes()),
      '/bin/ill': tinyExecutable(new Program(0x10000).word(0xffffffff).bytes()),
    };
    const k = bootTestKernel({ memMiB: 32, bootImage: bootImage().image, files });
    const r = await k.run('/bin/sh', { argv: ['sh', '-c', 'segv; echo $?; ill; echo $?; true; echo $?'], envp: ['PATH=/bin'] });
    expect(r.stdout).toBe(`${128 + Signal.SIGSEGV}\n${128 + Signal.SIGILL}\n0\n`);
    expect(r.stderr).toBe('Segmentation fault (signal 11)\nIllegal instruction (signal 4)\n');
    expect(r.messages.map((m) => m.match(/killed by (SIG[A-Z]+)/)?.[1])).toEqual(['SIGSEGV', 'SIGILL']);
    expect(k.counters()).toEqual(k.bootCounters);
  }, 120_000);

  it('sends output to standard error with >&2 and both to a file with 2>&1', async () => {
    const k = bootTestKernel({ memMiB: 32, bootImage: bootImage().image });
    const r = await k.run('/bin/sh', { argv: ['sh', '-c', 'echo to-err >&2; ls /nope > /tmp/both 2>&1; cat /tmp/both'], envp: ['PATH=/bin'] });
    expect(r.stderr).toBe('to-err\n');
    expect(r.stdout).toBe("ls: cannot access '/nope': No such file or directory\n");
  }, 120_000);
});
