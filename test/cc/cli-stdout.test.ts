// `pagoda cc -S -o -` and `-E -o -` write to standard output, as gcc does (not to a file named "-").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGODA = resolve(__dirname, '../../bin/pagoda.mjs');

describe('pagoda cc -o -', () => {
  it.each([['-S', /\.globl\s+main/], ['-E', /int main/]])('%s -o - prints to stdout and creates no file', (flag, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'pagoda-cc-stdout-'));
    writeFileSync(join(dir, 'a.c'), 'int main(void) { return 0; }\n');
    const r = spawnSync('node', [PAGODA, 'cc', flag, '-o', '-', 'a.c'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(expected);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
});
