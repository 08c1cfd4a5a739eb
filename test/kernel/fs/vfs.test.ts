// The file tree: path normalisation, creation and removal rules, read-only boot files.
import { describe, expect, it } from 'vitest';
import { Errno } from '../../../abi/errno.js';
import { newDir } from '../../../kernel/fs/node.js';
import { Vfs, normalizePath } from '../../../kernel/fs/vfs.js';
import { RamFileHandle, truncate } from '../../../kernel/fs/handles.js';

function tree(): Vfs {
  const v = new Vfs(newDir(false, 0), () => 1);
  v.install('/bin/prog', new Uint8Array([1, 2, 3]), 0o755, false);
  v.ensureDir('/tmp', true);
  return v;
}

describe('Vfs', () => {
  it('normalises paths against the working directory', () => {
    expect(normalizePath('/home/me', 'a/./b/../c')).toBe('/home/me/a/c');
    expect(normalizePath('/home', '../../..')).toBe('/');
    expect(normalizePath('/x', '/etc//motd/')).toBe('/etc/motd');
  });

  it('looks up files and reports ENOENT and ENOTDIR', () => {
    const v = tree();
    const f = v.lookup('/bin/prog');
    expect(typeof f === 'object' && f.kind === 'file' && f.size).toBe(3);
    expect(v.lookup('/bin/none')).toBe(-Errno.ENOENT);
    expect(v.lookup('/bin/prog/x')).toBe(-Errno.ENOTDIR);
  });

  it('creates files and directories only in writable directories', () => {
    const v = tree();
    expect(typeof v.createFile('/tmp/a', 0o644)).toBe('object');
    expect(v.createFile('/tmp/a', 0o644)).toBe(-Errno.EEXIST);
    expect(v.createFile('/bin/new', 0o644)).toBe(-Errno.EACCES);
    expect(v.mkdir('/tmp/d', 0o755)).toBe(0);
    expect(v.mkdir('/tmp/d/e/f', 0o755)).toBe(-Errno.ENOENT);
    expect(v.mkdir('/', 0o755)).toBe(-Errno.EBUSY);
  });

  it('removes files and empty directories with the right errors', () => {
    const v = tree();
    v.mkdir('/tmp/d', 0o755);
    v.createFile('/tmp/d/f', 0o644);
    expect(v.remove('/tmp/d', true)).toBe(-Errno.ENOTEMPTY);
    expect(v.remove('/tmp/d', false)).toBe(-Errno.EISDIR);
    expect(v.remove('/tmp/d/f', true)).toBe(-Errno.ENOTDIR);
    expect(v.remove('/tmp/d/f', false)).toBe(0);
    expect(v.remove('/tmp/d', true)).toBe(0);
    expect(v.remove('/bin/prog', false)).toBe(-Errno.EACCES);
    expect(v.remove('/tmp/none', false)).toBe(-Errno.ENOENT);
  });

  it('refuses writes past the ramfs capacity with ENOSPC, and gives space back on truncate, and on unlink once the last open file closes', () => {
    const v = new Vfs(newDir(false, 0), () => 1, 1000);
    v.ensureDir('/tmp', true);
    const f = v.createFile('/tmp/big', 0o644);
    if (typeof f === 'number') throw new Error('create failed');
    const h = new RamFileHandle('/tmp/big', f, true, true, false, 2, () => 1, v.usage);
    expect(h.write(new Uint8Array(900))).toBe(900);
    expect(h.write(new Uint8Array(200))).toBe(-Errno.ENOSPC);
    h.seek(0, 0);
    expect(h.write(new Uint8Array(900))).toBe(900);
    truncate(f, 2, v.usage);
    expect(v.usage.bytes).toBe(0);
    h.seek(0, 0);
    expect(h.write(new Uint8Array(500))).toBe(500);
    expect(v.remove('/tmp/big', false)).toBe(0);
    // Unlinked but still open: the bytes are still there for the open file.
    expect(v.usage.bytes).toBe(500);
    h.seek(0, 0);
    expect((h.read(1000) as Uint8Array).length).toBe(500);
    h.onLastClose();
    expect(v.usage.bytes).toBe(0);
  });
});
