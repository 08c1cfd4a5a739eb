// `pagoda run` and the host's files, end to end through bin/pagoda.mjs (needs `npm run build`: skipped
// otherwise). The host's current directory is /host and the program starts there, so a C program built by
// `pagoda cc` reads and writes host files by their plain names; which file PROG names follows one rule; and
// every subcommand answers --help.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const PAGODA = join(ROOT, 'bin', 'pagoda.mjs');
const SOURCES = join(__dirname, 'hostdir');
const built = existsSync(join(ROOT, 'dist', 'cli', 'run.js')) && existsSync(join(ROOT, 'dist', 'boot.cpio'));
if (!built) console.warn('dist/ is not built: skipping the pagoda run host-directory tests');

/** Runs `pagoda ARGS...` in directory `cwd`. */
function pagoda(args: string[], cwd: string, input = '') {
  return spawnSync('node', [PAGODA, ...args], { cwd, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
}

const fresh = (): string => mkdtempSync(join(tmpdir(), 'pagoda-hostdir-'));

describe.skipIf(!built)('pagoda run on the host directory', () => {
  const bin = fresh();
  beforeAll(() => {
    for (const name of ['numbered', 'copy']) {
      const r = pagoda(['cc', '-O1', '-o', join(bin, name), join(SOURCES, `${name}.c`)], bin);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('starts the program in /host: fopen("input.txt") and fopen("out.txt", "w") reach the host files', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'input.txt'), 'first line\nsecond, with more\n\nlast\n');
    const r = pagoda(['run', join(bin, 'numbered')], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('4 lines, 35 characters\n');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('  1: FIRST LINE\n  2: SECOND, WITH MORE\n  3: \n  4: LAST\n');
  });

  it('keeps every byte value exactly, both ways, and reports the true size', () => {
    const dir = fresh();
    const data = new Uint8Array(256 * 7 + 13).map((_, i) => (i * 167 + (i >> 8)) & 0xff);
    writeFileSync(join(dir, 'all.bin'), data);
    const r = pagoda(['run', join(bin, 'copy'), 'all.bin', 'copied.bin'], dir);
    const sum = data.reduce((s, b) => s + b, 0);
    expect(r.stdout).toBe(`size ${data.length} sum ${sum}\n`);
    expect(new Uint8Array(readFileSync(join(dir, 'copied.bin')))).toEqual(data);
    expect(new Set(data).size).toBe(256);
  });

  it('lists the host directory with ls -l: names, types and sizes', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'three.txt'), 'abc');
    writeFileSync(join(dir, 'big.dat'), new Uint8Array(5000));
    mkdirSync(join(dir, 'sub'));
    const r = pagoda(['run', '/bin/ls', '-l', '/host'], dir);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/).pop())).toEqual(['big.dat', 'sub/', 'three.txt']);
    expect(lines[0]).toMatch(/^-rw-r--r-- .* 5000 big\.dat$/);
    expect(lines[1]).toMatch(/^d.* sub\/$/);
    expect(lines[2]).toMatch(/^-.* 3 three\.txt$/);
  });

  it('changes made in the machine are the host\'s: mkdir, redirection, rm', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'gone.txt'), 'x');
    const r = pagoda(['run', '/bin/sh', '-c', 'pwd; mkdir made; echo into the host > made/note.txt; rm gone.txt'], dir);
    expect(r.stdout).toBe('/host\n');
    expect(readFileSync(join(dir, 'made', 'note.txt'), 'utf8')).toBe('into the host\n');
    expect(existsSync(join(dir, 'gone.txt'))).toBe(false);
  });

  it('--host-dir DIR mounts another directory; --no-host-dir mounts none and starts in /', () => {
    const here = fresh();
    const there = fresh();
    writeFileSync(join(there, 'there.txt'), 'from there\n');
    expect(pagoda(['run', '--host-dir', there, '/bin/cat', 'there.txt'], here).stdout).toBe('from there\n');
    expect(pagoda(['run', `--host-dir=${there}`, '/bin/sh', '-c', 'pwd'], here).stdout).toBe('/host\n');
    const none = pagoda(['run', '--no-host-dir', '/bin/sh', '-c', 'pwd; ls /host'], here);
    expect(none.stdout).toBe('/\n');
    expect(none.stderr).toMatch(/\/host/);
    const missing = pagoda(['run', '--host-dir', join(here, 'nope'), '/bin/true'], here);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--host-dir .*nope/);
  });

  it('pagoda boot --host-dir DIR mounts it too', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'shared.txt'), 'seen from the shell\n');
    const r = pagoda(['boot', '--host-dir', dir], dir, 'cat /host/shared.txt\necho made > /host/made.txt\nexit\n');
    expect(r.stdout).toContain('seen from the shell');
    expect(readFileSync(join(dir, 'made.txt'), 'utf8')).toBe('made\n');
  });
});

describe.skipIf(!built)('which file pagoda run PATH runs', () => {
  it('a host file that is not a RISC-V executable yields to the machine\'s file of that path (/bin/sh)', () => {
    const hostSh = existsSync('/bin/sh') ? readFileSync('/bin/sh') : undefined;
    if (hostSh) expect(hostSh[18] | (hostSh[19] << 8)).not.toBe(243); // the host's own shell: not RISC-V
    const r = pagoda(['run', '/bin/sh', '-c', 'echo the machine shell'], fresh());
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('the machine shell\n');
  });

  it('a host file that is a RISC-V executable wins over the machine\'s file of the same path', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'bin'));
    const compiled = fresh();
    expect(pagoda(['cc', '-o', join(compiled, 'copy'), join(SOURCES, 'copy.c')], compiled).status).toBe(0);
    copyFileSync(join(compiled, 'copy'), join(dir, 'bin', 'ls'));
    const r = pagoda(['run', 'bin/ls'], dir);
    expect(r.stderr).toBe('usage: copy SRC DST\n');
    expect(r.status).toBe(2);
    writeFileSync(join(dir, 'bin', 'ls'), 'not a program\n');
    const machine = pagoda(['run', 'bin/ls'], dir);
    expect(machine.stdout).toBe('bin\n');
    expect(machine.status).toBe(0);
  });

  it('names both places looked at when neither has the file, and refuses a lone foreign file precisely', () => {
    const dir = fresh();
    const r = pagoda(['run', 'no-such-prog', 'x'], dir);
    expect(r.status).toBe(127);
    expect(r.stderr).toBe(`pagoda run: no-such-prog: not found: on the host, ${join(realpathSync(dir), 'no-such-prog')} does not exist; in the machine, /no-such-prog does not exist\n`);
    writeFileSync(join(dir, 'script.txt'), 'echo hi\n');
    const foreign = pagoda(['run', 'script.txt'], dir);
    expect(foreign.status).toBe(126);
    expect(foreign.stderr).toMatch(/^pagoda run: script\.txt: cannot execute \(bad-magic\): .*; the machine has no \/script\.txt either\n$/);
  });
});

describe.skipIf(!built)('--help', () => {
  for (const command of ['boot', 'run', 'cc', 'as', 'ld', 'ar', 'objdump', 'bench', 'web']) {
    it(`pagoda ${command} --help prints its usage on stdout and exits 0`, () => {
      const r = pagoda([command, '--help'], ROOT);
      expect(r.stdout).toMatch(new RegExp(`^usage: pagoda ${command} `));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }
});
