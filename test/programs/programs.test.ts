// Realistic C programs (test/programs/<name>/main.c, 200-600 lines each, with their input files) behave under
// Pagoda exactly as the same source built by the host's gcc -O1 and run natively: same stdout, same exit
// status, and every file they write identical byte for byte.
//
// Each program is compiled by pagoda cc (-O1, and -O0 for some) and run on a test kernel whose /host is its own
// temporary copy of the inputs, starting there as `pagoda run` starts a program in the host's directory; the
// native build runs in another copy. Both see TZ=UTC. A child process (run-in-pagoda.mjs, on the built dist/)
// compiles and runs every command line of one program: under vitest's module transform the interpreter ran
// 11x slower, and one `pagoda run` per command line would cost a Node start and a boot (~0.3 s) each.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, '../../dist');
const built = existsSync(join(DIST, 'harness/index.js')) && existsSync(join(DIST, 'boot.cpio'));

interface ProgramCase {
  /** Folder under test/programs. */
  name: string;
  /** The command lines (arguments after argv[0]) run one after another in the same directory. */
  runs: string[][];
  /** Bytes fed to standard input of each run, or `{ file }` naming an input file (default: none). */
  stdin?: string | { file: string };
  /** Optimisation levels to build with pagoda cc (default [1]). */
  opts?: number[];
  /** Expected exit status of each run (checked against gcc's build too, so a native crash is caught). */
  statuses: number[];
}

const PROGRAMS: ProgramCase[] = [
  { name: 'bignum', runs: [['script.txt']], statuses: [3] },
  { name: 'jsontool', runs: [['input.json', 'out.json', '.store.book[1].title', '.store.bicycle', '.matrix[2][1]',
    '.store.book[9]', '.expensive', '.store.name']], statuses: [0] },
  { name: 'lzw', runs: [['t', 'text.txt', 'random.bin', 'runs.bin', 'empty.txt', 'one.txt'], ['c', 'runs.bin', 'r.z'],
    ['d', 'r.z', 'r.out'], ['d', 'text.txt', 'x.out']], statuses: [0, 0, 0, 1] },
  { name: 'stackvm', runs: [['prog.asm', '18']], opts: [0, 1], statuses: [3] },
  { name: 'regrep', runs: [
    ['-n', ' [45][0-9][0-9] ', 'access.log'],
    ['-c', '-i', 'GET|post', 'access.log'],
    ['-o', '[a-z]+@[a-z]+\\.(com|org|net)', 'access.log'],
    ['-g', '^(\\d{4})-(\\d\\d)-(\\d\\d) (\\d\\d):', 'access.log'],
    ['-v', '-e', 'api', '-e', '^2026', 'access.log'],
    ['-n', '-o', 'an(an)*', 'words.txt'],
    ['^(a|b)*(ab|ba)+$', 'words.txt', 'access.log'],
    ['-m', '2', '-n', 'e', 'words.txt'],
    ['zzz', 'words.txt'],
    ['a(b', 'words.txt'],
    ['-q', 'x', 'words.txt'],
    ['zzz', 'words.txt', 'missing.txt'],
    ['-c', '-n', 'an'],
  ], stdin: 'banana\nno match here\nanother an\n', statuses: [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 0] },
  { name: 'datetool', runs: [['commands.txt']], statuses: [4] },
  { name: 'solver', runs: [['puzzles.txt', '1', '4', '6', '8', '10', '3']], statuses: [0] },
  { name: 'wordfreq', runs: [['12', '2'], []], stdin: { file: 'moby.txt' }, statuses: [0, 0] },
  { name: 'minimake', runs: [['-n'], ['all'], [], ['all', 'loop1', 'clean'], ['-k', 'broken', 'calc'], ['-f', 'nofile']],
    statuses: [0, 0, 0, 0, 2, 2] },
  { name: 'cfmt', runs: [['messy.c', 'messy.out.c'], ['main.c.txt', 'main.out.c'], ['broken.c', 'broken.out.c']],
    statuses: [0, 0, 1] },
  { name: 'avltree', runs: [['ops.txt', '12345']], opts: [0, 1], statuses: [1] },
  { name: 'basic', runs: [['primes.bas'], ['errors.bas'], ['syntax.bas'], ['missing.bas']], stdin: { file: 'input.txt' },
    opts: [0, 1], statuses: [0, 1, 1, 2] },
  { name: 'textstat', runs: [
    ['fruits.txt', 'scores.csv', 'partial.txt'],
    ['-l', '-L', 'fruits.txt', '--words'],
    ['-s', '-f', '-u', 'fruits.txt'],
    ['--sort', '--numeric', '--key=2', '-r', 'fruits.txt'],
    ['-s', '-n', '-k', '2', '-t', ',', 'scores.csv', '--output=by-score.txt'],
    ['--unique=count', '--top=3', 'fruits.txt'],
    ['-u', 'repeated', 'fruits.txt'],
    ['--unique=repeated', 'fruits.txt'],
    ['-s', '--', '-l'],
    ['--unique=sometimes', 'fruits.txt'],
    ['--help'],
    ['--bogus', 'fruits.txt'],
    ['-l'],
  ], stdin: 'line one\nline two\n', statuses: [0, 0, 0, 0, 0, 0, 1, 0, 1, 2, 0, 2, 0] },
];

const gcc = spawnSync('gcc', ['--version']).status === 0;
if (!gcc) console.warn('test/programs: skipped, host gcc not installed (the native reference build)');
if (!built) console.warn('test/programs: skipped, the package is not built (npm run build)');

/** The standard input of each of `p`'s runs. */
function stdinOf(p: ProgramCase): string | Buffer {
  if (p.stdin === undefined) return '';
  return typeof p.stdin === 'string' ? p.stdin : readFileSync(join(HERE, p.name, p.stdin.file));
}

/** Every file under `dir` (relative path -> bytes). */
function snapshot(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) for (const [k, v] of snapshot(path, `${prefix}${entry}/`)) files.set(k, v);
    else files.set(prefix + entry, readFileSync(path));
  }
  return files;
}

/** A program's input files: its folder without main.c. */
function copyInputs(name: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(join(HERE, name)))
    if (entry !== 'main.c') cpSync(join(HERE, name, entry), join(to, entry), { recursive: true });
}

describe.skipIf(!gcc || !built)('realistic programs: pagoda cc + pagoda run against native gcc -O1', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'pagoda-programs-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  for (const p of PROGRAMS) {
    describe(p.name, () => {
      const source = () => readFileSync(join(HERE, p.name, 'main.c'), 'utf8');
      let native: { stdout: string; statuses: number[]; files: Map<string, Buffer> };
      beforeAll(() => {
        const dir = join(work, `${p.name}-native`);
        copyInputs(p.name, dir);
        const exe = join(work, `${p.name}.native`);
        const cc = spawnSync('gcc', ['-O1', '-w', '-o', exe, join(HERE, p.name, 'main.c')], { encoding: 'utf8' });
        if (cc.status !== 0) throw new Error(`gcc failed on ${p.name}:\n${cc.stderr}`);
        const statuses: number[] = [];
        let stdout = '';
        for (const args of p.runs) {
          const r = spawnSync(exe, args, { cwd: dir, input: stdinOf(p), env: { TZ: 'UTC', LC_ALL: 'C' } });
          stdout += r.stdout.toString('utf8');
          statuses.push(r.status ?? 128 + 99);
        }
        native = { stdout, statuses, files: snapshot(dir) };
      });

      it(`natively (gcc -O1) exits with statuses ${p.statuses.join(', ')}`, () => {
        expect(native.statuses).toEqual(p.statuses);
      });

      for (const opt of p.opts ?? [1]) {
        it(`under pagoda run at -O${opt}: same stdout, status and files as native`, () => {
          const dir = join(work, `${p.name}-O${opt}`);
          copyInputs(p.name, dir);
          const job = join(work, `${p.name}-O${opt}.json`);
          writeFileSync(job, JSON.stringify({ source: source(), fileName: `${p.name}/main.c`, opt, dir, runs: p.runs,
            stdin: Buffer.from(stdinOf(p)).toString('base64'), name: p.name }));
          const child = spawnSync(process.execPath, [join(HERE, 'run-in-pagoda.mjs'), job], { encoding: 'utf8', maxBuffer: 1 << 26 });
          expect(child.status, child.stderr).toBe(0);
          const r = JSON.parse(child.stdout) as { stdout: string; stderr: string; statuses: number[]; messages: string[]; leaked: string };
          expect(r.messages, 'kernel messages').toEqual([]);
          expect(r.leaked).toBe('');
          expect(r.stdout).toBe(native.stdout);
          expect(r.statuses, r.stderr).toEqual(native.statuses);
          const ours = snapshot(dir);
          expect([...ours.keys()]).toEqual([...native.files.keys()]);
          for (const [file, bytes] of native.files) expect(ours.get(file)?.equals(bytes), file).toBe(true);
        });
      }
    });
  }
});
