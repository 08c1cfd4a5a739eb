// `pagoda run --perf [--cache SPEC]` and `pagoda run --malloc-trace FILE`: the report on stderr after the
// program's own output, the trace file written in the shared directory, and precise errors for bad options.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from '../../cli/run.js';

const ROOT = resolve(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'cli', 'run.js')) && existsSync(join(ROOT, 'dist', 'boot.cpio'));

const pagoda = (args: string[], cwd: string) =>
  spawnSync('node', [join(ROOT, 'bin', 'pagoda.mjs'), 'run', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

describe('pagoda run options for seeing memory', () => {
  it('refuses a bad cache spec, --cache without --perf, and a trace file outside the shared directory', () => {
    expect(parseRunArgs(['--perf', '--cache', 'l1d=3k:2:64', 'p'], '/w')).toBe(
      "--cache: 'l1d=3k:2:64': 3072 bytes / (2 ways x 64 B) is not a power-of-two number of sets");
    expect(parseRunArgs(['--cache', 'l1d=4k:2:64', 'p'], '/w')).toBe('--cache needs --perf');
    expect(parseRunArgs(['--malloc-trace', '/tmp/t.jsonl', 'p'], '/w')).toBe(
      '--malloc-trace /tmp/t.jsonl: the file must be inside the shared directory (/w)');
    expect(parseRunArgs(['--perf', '--cache=l1d=4k:2:64', '--malloc-trace', 't.jsonl', 'p', '-x'], '/w')).toMatchObject({
      perf: { cache: [{ name: 'l1d', sizeBytes: 4096, ways: 2, lineBytes: 64, latency: 4 }] }, mallocTrace: '/w/t.jsonl', prog: 'p', args: ['-x'],
    });
  });

  it.skipIf(!built)('prints the counters on stderr when the program ends, and writes the malloc trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagoda-perf-'));
    const r = pagoda(['--perf', '--cache', 'l1d=1k:2:64', '--malloc-trace', 'walk.jsonl', '/bin/memwalk', 'array', '100', '1'], dir);
    expect(r.stdout).toBe('4950\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^perf: pid 1 \(\/bin\/memwalk\)\ninstructions {8}\d+\nloads {15}\d+\nstores {14}\d+\n/);
    expect(r.stderr).toMatch(/^cache l1d {11}hits \d+ misses \d+ \(\d+\.\d\d% miss\) \[1k 2-way 64B lines, 4 cycles\]$/m);
    const trace = readFileSync(join(dir, 'walk.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(trace[0]).toEqual({ op: 'start', pid: 1, policy: 'dl' });
    expect(trace.filter((l) => l.op === 'malloc').map((l) => l.size)).toEqual([400]);
  });
});
