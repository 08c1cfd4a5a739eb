// ppoll_time64 (414): readiness of pipes, /dev/null, the console and closed fds, timeouts and a wake-up,
// with the same program run under qemu-riscv32 (Linux's answers) where the two can agree.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../../harness.js';
import { hasGcc, hasQemu, program, programPath } from '../progs/build.js';

const values = (stdout: string): Record<string, string> =>
  Object.fromEntries(stdout.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

/** Linux's answers (checked under qemu-riscv32 on Linux 6.x), the console's input being "hi\n". */
const LINUX = {
  empty_count: '2', empty_reader: '0', empty_writer: '4', negative_fd: '0', closed_fd: '32',
  data_count: '2', data_reader: '1', hup_count: '1', hup_reader: '17', hup_drained: '16',
  err_count: '1', err_writer: '12', devnull_count: '1', devnull: '5', stdin_count: '1', stdin: '1',
  timeout_count: '0', timeout_waited: '1', timeout_left: '1', bad_timeout: '-22', bad_sigsetsize: '-22',
  bad_fds: '-14', woken_count: '1', woken_reader: '1', woken_early: '1', woken_left: '1',
};

describe.skipIf(!hasGcc)('ppoll_time64', () => {
  it('reports POLLIN/POLLOUT/POLLHUP/POLLERR/POLLNVAL, times out, and wakes when a child writes', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('poll'), { stdin: 'hi\n' });
    const v = values(r.stdout);
    const { too_many: tooMany, ...rest } = v;
    expect(rest).toEqual(LINUX);
    expect(tooMany).toBe('-22'); // nfds beyond RLIMIT_NOFILE (256 here)
    expect(r.status).toBe(0);
    expect(k.counters()).toEqual(k.bootCounters);
  });

  it.skipIf(!hasQemu)('gives the answers Linux gives under qemu-riscv32', () => {
    const q = spawnSync('qemu-riscv32', [programPath('poll')], { input: 'hi\n', encoding: 'latin1', timeout: 60_000 });
    const { too_many: _ignored, ...rest } = values(q.stdout);
    expect(rest).toEqual(LINUX);
  });
});
