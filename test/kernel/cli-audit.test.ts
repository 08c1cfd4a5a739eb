// `pagoda run --audit`: the auditor after every process exit and at the end (needs `npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'cli', 'run.js')) && existsSync(join(ROOT, 'dist', 'boot.cpio'));

describe.skipIf(!built)('pagoda run --audit', () => {
  it('runs grind with the auditor at every exit and at the end, and says so in the boot log', () => {
    const r = spawnSync('node', [join(ROOT, 'bin', 'pagoda.mjs'), 'run', '--audit', '--verbose', '/bin/grind', '1', '2'],
      { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toContain('audit: every invariant checked after each process exit');
    expect(r.stderr).not.toContain('kernel panic');
    expect(r.stdout).toMatch(/all checks passed\n$/);
    expect(r.status).toBe(0);
  }, 130_000);
});
