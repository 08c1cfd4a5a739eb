// `pagoda run` with a non-terminal stdin (a fuzzer's findings): fd 0 is read-only and its writes never reach
// stdout, and usertests' badpointers passes however the battery is started. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasGcc, programPath } from './progs/build.js';

const ROOT = resolve(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'cli', 'run.js')) && existsSync(join(ROOT, 'dist', 'boot.cpio'));

const run = (args: string[], stdin: 'pipe' | 'ignore') =>
  spawnSync('node', [join(ROOT, 'bin', 'pagoda.mjs'), 'run', ...args],
    { input: stdin === 'pipe' ? 'typed\n' : undefined, stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 });

describe.skipIf(!built)('pagoda run with a non-terminal stdin', () => {
  it.skipIf(!hasGcc)('gives fd 0 its own read-only mode: stdout holds only what fd 1 wrote', () => {
    for (const stdin of ['pipe', 'ignore'] as const) {
      const r = run([programPath('stdio')], stdin);
      expect(r.stdout).toBe('one\n');
      expect(r.stderr).toContain('write0=-9\n');
      expect(r.status).toBe(0);
    }
  });

  it('passes usertests badpointers with stdin from /dev/null and from a pipe', () => {
    for (const stdin of ['pipe', 'ignore'] as const) {
      const r = run(['/bin/usertests', 'badpointers'], stdin);
      expect(r.stdout).toContain('test badpointers: OK\n');
      expect(r.stdout).toContain('ALL TESTS PASSED');
      expect(r.status).toBe(0);
    }
  });
});
