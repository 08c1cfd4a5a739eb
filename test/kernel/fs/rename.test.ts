// rename over ramfs (VirtualFs.rename, behind renameat2 276), as Linux's within one file system. The flags
// (RENAME_NOREPLACE, unknown bits) are the system call's: test/kernel/fs/hostfs.test.ts checks them against qemu.
import { describe, expect, it } from 'vitest';
import { Errno } from '../../../abi/errno.js';
import { bootTestKernel } from '../../harness.js';

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
    expect(v.rename('/tmp/a', '/tmp/d/a2')).toBe(0);
    expect(v.lookup('/tmp/a')).toBe(-Errno.ENOENT);
    expect(v.lookup('/tmp/d/a2')).toBe(node);
  });

  it('replaces an existing file (its bytes leave the ramfs count)', () => {
    const v = fs();
    expect(v.rename('/tmp/a', '/tmp/b')).toBe(0);
    expect(v.usage.bytes).toBe(5);
  });

  it('refuses what Linux refuses', () => {
    const v = fs();
    expect(v.rename('/tmp/none', '/tmp/z')).toBe(-Errno.ENOENT);
    expect(v.rename('/tmp/a', '/tmp/d')).toBe(-Errno.EISDIR);
    expect(v.rename('/tmp/d', '/tmp/a')).toBe(-Errno.ENOTDIR);
    expect(v.rename('/tmp/d', '/tmp/e')).toBe(-Errno.ENOTEMPTY);
    expect(v.rename('/tmp/d', '/tmp/d/sub')).toBe(-Errno.EINVAL);
    expect(v.rename('/bin', '/tmp/bin')).toBe(-Errno.EACCES);
    expect(v.rename('/proc/meminfo', '/tmp/m')).toBe(-Errno.EBUSY);
    expect(v.rename('/tmp/a', '/tmp/a')).toBe(0);
  });
});
