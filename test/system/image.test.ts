// The boot image is built from userland/ by our own toolchain (cc, as, ar, ld): no gcc fallback, no failure.
import { describe, expect, it } from 'vitest';
import { readCpio } from '../../abi/cpio.js';
import { bootImage } from './system.js';

describe('the boot image', () => {
  it('is built entirely by our toolchain', () => {
    const b = bootImage();
    expect(b.failures).toEqual([]);
    expect(b.byGcc.map((f) => f.src)).toEqual([]);
  }, 120_000);

  it('holds the shell, the programs, usertests and /etc, with the directories the system needs', () => {
    const names = readCpio(bootImage().image).map((e) => e.name);
    for (const p of ['sh', 'ls', 'cat', 'echo', 'wc', 'grep', 'head', 'tail', 'mkdir', 'rm', 'touch', 'ps', 'kill',
      'sleep', 'free', 'pmap', 'chunks', 'hexdump', 'env', 'true', 'false', 'uname', 'usertests']) {
      expect(names).toContain(`bin/${p}`);
    }
    expect(names).toEqual(expect.arrayContaining(['etc/motd', 'etc/passwd', 'tmp', 'home', 'dev', 'proc']));
  }, 120_000);
});
