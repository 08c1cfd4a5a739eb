// rename (renameat2 276) over ramfs, as Linux's within one file system.
import { describe, expect, it } from 'vitest';
import { Errno } from '../../abi/errno.js';
import { RENAME_NOREPLACE, renamePath } from '../../kernel/fs/rename.js';
import { bootTestKernel } from '../harness.js';

function fs() {
  const k = bootTestKernel().kernel;
  const v = k.fs;
  v.install('/tmp/a', new TextEncoder().encode('alpha'), 0o644, true);
  v.install('/tmp/b', new TextEncoder().encode('be'), 0o644, true);
  v.usage.bytes = 7;
  v.mkdir('/tmp/d', 0o755);
  v.mkdir('/tmp/e', 0o755);
  v.install('/tmp/e/x', new Uint8Array(1), 0o644, true);
  return v;
}

describe('rename', () => {
  it('moves a file to a new name and directory, keeping its node', () => {
    const v = fs();
    const node = v.lookup('/tmp/a');
    expect(renamePath(v, '/tmp/a', '/tmp/d/a2', 0)).toBe(0);
    expect(v.lookup('/tmp/a')).toBe(-Errno.ENOENT);
    expect(v.lookup('/tmp/d/a2')).toBe(node);
  });

  it('replaces an existing file (its bytes leave the ramfs count), unless RENAME_NOREPLACE', () => {
    const v = fs();
    expect(renamePath(v, '/tmp/a', '/tmp/b', RENAME_NOREPLACE)).toBe(-Errno.EEXIST);
    expect(renamePath(v, '/tmp/a', '/tmp/b', 0)).toBe(0);
    expect(v.usage.bytes).toBe(5);
  });

  it('refuses what Linux refuses', () => {
    const v = fs();
    expect(renamePath(v, '/tmp/none', '/tmp/z', 0)).toBe(-Errno.ENOENT);
    expect(renamePath(v, '/tmp/a', '/tmp/d', 0)).toBe(-Errno.EISDIR);
    expect(renamePath(v, '/tmp/d', '/tmp/a', 0)).toBe(-Errno.ENOTDIR);
    expect(renamePath(v, '/tmp/d', '/tmp/e', 0)).toBe(-Errno.ENOTEMPTY);
    expect(renamePath(v, '/tmp/d', '/tmp/d/sub', 0)).toBe(-Errno.EINVAL);
    expect(renamePath(v, '/tmp/a', '/tmp/z', 4)).toBe(-Errno.EINVAL);
    expect(renamePath(v, '/bin', '/tmp/bin', 0)).toBe(-Errno.EACCES);
    expect(renamePath(v, '/proc/meminfo', '/tmp/m', 0)).toBe(-Errno.EBUSY);
    expect(renamePath(v, '/tmp/a', '/tmp/a', 0)).toBe(0);
  });
});
