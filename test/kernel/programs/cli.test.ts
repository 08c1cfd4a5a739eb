// The machine's own cc from the command line: `pagoda run /bin/sh -c '...'` (the bundled, code-cached start)
// and a booted machine's shell (`pagoda boot` with piped input), both on a shared host directory: the
// program is written there, beside its source, and runs. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..', '..');
const built = existsSync(join(ROOT, 'dist', 'cli', 'run.js')) && existsSync(join(ROOT, 'dist', 'boot.cpio'));
const pagoda = (args: string[], input?: string) => spawnSync('node', [join(ROOT, 'bin', 'pagoda.mjs'), ...args],
  { input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 });

describe.skipIf(!built)('cc inside the machine, from the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pagoda-incc-'));
    writeFileSync(join(dir, 'sum.c'), '#include <stdio.h>\n#include <stdlib.h>\nint main(int argc, char **argv) {\n'
      + '  int s = 0;\n  for (int i = 1; i < argc; i++) s += atoi(argv[i]);\n  printf("sum %d\\n", s);\n  return s > 255;\n}\n');
    writeFileSync(join(dir, 'broken.c'), 'int main(void) { return undeclared; }\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pagoda run /bin/sh -c: compiles into the host directory, runs it, and reports a bad file with its location', () => {
    const r = pagoda(['run', '--host-dir', dir, '/bin/sh', '-c', 'cc -O1 -o sum sum.c && ./sum 1 2 39; cc broken.c; echo cc=$?']);
    expect(r.stdout).toBe('sum 42\ncc=1\n');
    expect(r.stderr).toMatch(/^pagoda cc: broken\.c:1:25: error: .*undeclared/);
    expect(r.status).toBe(0);
    expect(statSync(join(dir, 'sum')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(dir, 'sum')).subarray(0, 4)).toEqual(Buffer.from('\x7fELF', 'latin1'));
  });

  it('pagoda run /bin/cc runs the machine\'s cc as the first process, in the host directory', () => {
    const r = pagoda(['run', '--host-dir', dir, '/bin/cc', '-O1', '-o', 'sum3', 'sum.c']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'sum3')).subarray(0, 4)).toEqual(Buffer.from('\x7fELF', 'latin1'));
    const bad = pagoda(['run', '--host-dir', dir, '/bin/cc', 'broken.c']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^pagoda cc: broken\.c:1:25: error: /);
  });

  it('a booted machine\'s shell compiles and runs a program', () => {
    const r = pagoda(['boot', '--host-dir', dir], 'cd /tmp\ncc -o s2 /host/sum.c\n./s2 40 2\necho status=$?\nexit\n');
    expect(r.stdout).toContain('sum 42\n');
    expect(r.stdout).toContain('status=0\n');
  });
});
