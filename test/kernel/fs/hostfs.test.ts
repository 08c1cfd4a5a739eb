// hostfs: a host directory mounted at /host. Files keep their bytes; sizes, listings, rename, unlink, mkdir,
// rmdir, truncate, ftruncate and lseek reach the host exactly as under qemu-riscv32; and nothing outside
// the shared directory can be named, read, written, created or renamed into, whatever the path or link.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Errno } from '../../../abi/errno.js';
import { O_RDONLY } from '../../../abi/fcntl.js';
import { NodeHostDir } from '../../../cli/host-dir.js';
import { HostFileHandle } from '../../../kernel/fs/hostfs.js';
import { bootTestKernel } from '../../harness.js';
import { hasGcc, hasQemu, programPath } from '../progs/build.js';

const PROGS = join(__dirname, 'progs');

/** A fresh directory holding `shared/` (the directory to share) and a file beside it, outside. */
function sandbox(): { top: string; shared: string; outside: string } {
  const top = mkdtempSync(join(tmpdir(), 'pagoda-hostfs-'));
  const shared = join(top, 'shared');
  mkdirSync(shared);
  const outside = join(top, 'outside.txt');
  writeFileSync(outside, 'SECRET outside\n');
  return { top, shared, outside };
}

/** The files under `dir` with their contents (directories end in '/'), sorted. */
function snapshot(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(rel + '/', ...snapshot(join(dir, e.name), rel + '/'));
    else out.push(`${rel}: ${JSON.stringify(readFileSync(join(dir, e.name), 'latin1'))}`);
  }
  return out.sort();
}

/** Output with each run of "entry:" lines sorted (a host directory lists in its own order). */
function sortListings(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let run: string[] = [];
  for (const l of lines) {
    if (l.startsWith('entry: ')) { run.push(l); continue; }
    out.push(...run.sort(), l);
    run = [];
  }
  return [...out, ...run.sort()].join('\n');
}

describe('the HostDir port over node:fs', () => {
  it('refuses names that are not plain relative paths: NUL, "..", ".", empty and absolute components', () => {
    const { shared } = sandbox();
    writeFileSync(join(shared, 'f'), 'x');
    const port = new NodeHostDir(shared);
    expect(port.stat('f')).toMatchObject({ kind: 'file', size: 1 });
    expect(port.stat('f\0x')).toBe(-Errno.EINVAL);
    expect(port.read('..', 0, 10)).toBe(-Errno.EINVAL);
    expect(port.stat('../outside.txt')).toBe(-Errno.EINVAL);
    expect(port.stat('a/../f')).toBe(-Errno.EINVAL);
    expect(port.stat('./f')).toBe(-Errno.EINVAL);
    expect(port.stat('/etc/passwd')).toBe(-Errno.EINVAL);
    expect(port.create('x\0y', 0o644)).toBe(-Errno.EINVAL);
    expect(port.rename('f', '../stolen')).toBe(-Errno.EINVAL);
    expect(existsSync(join(shared, '..', 'stolen'))).toBe(false);
  });

  it('refuses a component over NAME_MAX and a host path of PATH_MAX bytes or more with ENAMETOOLONG', () => {
    const { shared } = sandbox();
    const port = new NodeHostDir(shared);
    expect(port.create('n'.repeat(256), 0o644)).toBe(-Errno.ENAMETOOLONG);
    expect(port.stat(Array(41).fill('p'.repeat(100)).join('/'))).toBe(-Errno.ENAMETOOLONG);
    expect(port.create('n'.repeat(255), 0o644)).toBe(0);
  });

  it('follows symbolic links that stay inside and refuses those leading out, for every operation', () => {
    const { shared, outside, top } = sandbox();
    writeFileSync(join(shared, 'in.txt'), 'inside');
    symlinkSync('in.txt', join(shared, 'link_in'));
    symlinkSync('../outside.txt', join(shared, 'link_out'));
    symlinkSync('..', join(shared, 'up'));
    const port = new NodeHostDir(shared);
    expect(new TextDecoder().decode(port.read('link_in', 0, 100) as Uint8Array)).toBe('inside');
    expect(port.stat('link_out')).toBe(-Errno.EACCES);
    expect(port.read('link_out', 0, 100)).toBe(-Errno.EACCES);
    expect(port.write('link_out', 0, new Uint8Array([65]))).toBe(-Errno.EACCES);
    expect(port.truncate('link_out', 0)).toBe(-Errno.EACCES);
    expect(port.readdir('up')).toBe(-Errno.EACCES);
    expect(port.create('up/new.txt', 0o644)).toBe(-Errno.EACCES);
    expect(port.mkdir('up/newdir', 0o755)).toBe(-Errno.EACCES);
    expect(port.unlink('up/outside.txt')).toBe(-Errno.EACCES);
    expect(port.rename('in.txt', 'up/stolen.txt')).toBe(-Errno.EACCES);
    expect(port.rename('up/outside.txt', 'taken.txt')).toBe(-Errno.EACCES);
    expect(readFileSync(outside, 'utf8')).toBe('SECRET outside\n');
    expect(readdirSync(top).sort()).toEqual(['outside.txt', 'shared']);
  });

  it('checks again on every access: a file swapped for a link leading out after open is refused', () => {
    const { shared } = sandbox();
    writeFileSync(join(shared, 'swap'), 'first');
    const k = bootTestKernel({ hostDir: new NodeHostDir(shared) }).kernel;
    const node = k.fs.lookup('/host/swap');
    if (typeof node === 'number' || node.kind !== 'hfile') throw new Error(`lookup gave ${JSON.stringify(node)}`);
    const h = new HostFileHandle('/host/swap', node, true, true, false, O_RDONLY);
    expect(new TextDecoder().decode(h.read(2) as Uint8Array)).toBe('fi');
    unlinkSync(join(shared, 'swap'));
    symlinkSync('../outside.txt', join(shared, 'swap'));
    expect(h.read(100)).toBe(-Errno.EACCES);
    expect(h.write(new Uint8Array([1]))).toBe(-Errno.EACCES);
    expect(h.seek(0, 2)).toBe(-Errno.ENOENT);
    expect(h.truncate(0)).toBe(-Errno.EACCES);
    // A directory renamed on the host into a place outside is out of reach too.
    mkdirSync(join(shared, 'dir'));
    writeFileSync(join(shared, 'dir', 'f'), 'f');
    expect(typeof k.fs.lookup('/host/dir/f')).toBe('object');
    renameSync(join(shared, 'dir'), join(shared, '..', 'moved'));
    symlinkSync('../moved', join(shared, 'dir'));
    expect(k.fs.lookup('/host/dir/f')).toBe(-Errno.EACCES);
  });
});

describe('the kernel on a host directory', () => {
  it('mounts it at /host: /host cannot be removed or renamed, and cross-device renames give EXDEV', () => {
    const { shared } = sandbox();
    writeFileSync(join(shared, 'f'), 'data');
    const fs = bootTestKernel({ hostDir: new NodeHostDir(shared) }).kernel.fs;
    const root = fs.lookup('/host');
    expect(typeof root === 'object' && root.kind).toBe('hdir');
    expect(fs.remove('/host', true)).toBe(-Errno.EBUSY);
    expect(fs.rename('/host', '/tmp/h')).toBe(-Errno.EBUSY);
    expect(fs.rename('/host/f', '/tmp/f')).toBe(-Errno.EXDEV);
    expect(fs.rename('/tmp', '/host/tmp')).toBe(-Errno.EXDEV);
    expect(readdirSync(shared)).toEqual(['f']);
  });

  it('renames, truncates and removes ramfs files as rename(2) and truncate(2) do', () => {
    const fs = bootTestKernel().kernel.fs;
    expect(typeof fs.createFile('/tmp/a', 0o644)).toBe('object');
    expect(fs.mkdir('/tmp/d', 0o755)).toBe(0);
    expect(fs.rename('/tmp/a', '/tmp/d')).toBe(-Errno.EISDIR);
    expect(fs.rename('/tmp/d', '/tmp/d/e')).toBe(-Errno.EINVAL);
    expect(fs.rename('/tmp/a', '/tmp/d/b')).toBe(0);
    expect(fs.lookup('/tmp/a')).toBe(-Errno.ENOENT);
    expect(fs.truncate('/tmp/d/b', 5)).toBe(0);
    const b = fs.lookup('/tmp/d/b');
    expect(typeof b === 'object' && b.kind === 'file' && [...b.data.subarray(0, b.size)]).toEqual([0, 0, 0, 0, 0]);
    expect(fs.usage.bytes).toBe(5);
    expect(fs.rename('/bin/ls', '/tmp/ls')).toBe(-Errno.ENOENT);
    expect(fs.truncate('/proc/meminfo', 0)).toBe(-Errno.EACCES);
    expect(fs.rename('/tmp/d', '/etc/d')).toBe(-Errno.EACCES);
  });

  it.skipIf(!hasGcc)('reaches host files for write, lseek, ftruncate, truncate, rename, mkdir, getdents64, unlink and rmdir as qemu-riscv32 does', async () => {
    const ours = sandbox().shared;
    const k = bootTestKernel({ hostDir: new NodeHostDir(ours) });
    const r = await k.run(new Uint8Array(readFileSync(programPath('fileops', PROGS))), { cwd: '/host' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('all=6162636465660000000058\n');      // "abcdef", a hole of 4 zeros, "X"
    expect(r.stdout).toContain('after=616263640000000000\n');
    expect(snapshot(ours)).toEqual(['kept/', 'kept/last.txt: "still here\\n"']);
    expect(k.counters()).toEqual(k.bootCounters);
    if (!hasQemu) return;
    const theirs = sandbox().shared;
    const q = execFileSync('qemu-riscv32', [programPath('fileops', PROGS)], { cwd: theirs, encoding: 'utf8' });
    expect(sortListings(r.stdout)).toBe(sortListings(q));
    expect(snapshot(ours)).toEqual(snapshot(theirs));
  });

  it.skipIf(!hasGcc)('refuses every way out: "..", absolute host paths, links leading out, long names and paths', async () => {
    const { shared, outside, top } = sandbox();
    writeFileSync(join(shared, 'inside.txt'), 'inside\n');
    symlinkSync('inside.txt', join(shared, 'link_in'));
    symlinkSync('../outside.txt', join(shared, 'link_out'));
    symlinkSync('..', join(shared, 'link_up'));
    symlinkSync(outside, join(shared, 'link_abs'));
    const k = bootTestKernel({ hostDir: new NodeHostDir(shared) });
    const r = await k.run(new Uint8Array(readFileSync(programPath('escape', PROGS))), { cwd: '/host', argv: ['escape', outside] });
    expect(r.status).toBe(0);
    const E = (e: Errno): string => String(-e);
    expect(r.stdout.split('\n')).toEqual([
      'inside=fd inside',
      'link_in=fd inside',
      `dotdot=${E(Errno.ENOENT)}`,            // /host/.. is the machine's root, which has no outside.txt
      `host_dotdot=${E(Errno.ENOENT)}`,
      `deep_dotdot=${E(Errno.ENOENT)}`,
      `absolute=${E(Errno.ENOENT)}`,          // the host's absolute path is just a name in the machine
      `host_absolute=${E(Errno.ENOENT)}`,
      `link_out=${E(Errno.EACCES)}`,
      `link_abs=${E(Errno.EACCES)}`,
      `via_link_up=${E(Errno.EACCES)}`,
      `create_via_link_up=${E(Errno.EACCES)}`,
      `write_link_out=${E(Errno.EACCES)}`,
      `stat_link_out=${E(Errno.EACCES)}`,
      `truncate_link_out=${E(Errno.EACCES)}`,
      `mkdir_via_link_up=${E(Errno.EACCES)}`,
      `rename_out=${E(Errno.EACCES)}`,
      `rename_in=${E(Errno.EACCES)}`,
      `unlink_via_link_up=${E(Errno.EACCES)}`,
      `chdir_link_up=${E(Errno.EACCES)}`,
      `long_name=${E(Errno.ENAMETOOLONG)}`,
      `long_path=${E(Errno.ENAMETOOLONG)}`,
      'chdir_host=0',
      'chdir_up=0',
      'chdir_up_again=0',
      'cwd=/',
      `from_root=${E(Errno.ENOENT)}`,
      '',
    ]);
    expect(readFileSync(outside, 'utf8')).toBe('SECRET outside\n');
    expect(readdirSync(top).sort()).toEqual(['outside.txt', 'shared']);
    expect(readdirSync(shared).sort()).toEqual(['inside.txt', 'link_abs', 'link_in', 'link_out', 'link_up']);
    rmSync(top, { recursive: true });
  });
});
