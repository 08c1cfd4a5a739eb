// /home as data (web/home-files.ts): listed with modes and bytes, a signature that changes with any write,
// rename or chmod, and a restore that replaces /home exactly and cannot reach outside it.
import { describe, expect, it } from 'vitest';
import { boot } from '../../kernel/boot.js';
import type { RamFile } from '../../kernel/fs/node.js';
import { homeSignature, listHome, restoreHome } from '../../web/home-files.js';

const quiet = { bootLog: () => {}, message: () => {}, stdout: () => {} };
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function freshFs(): ReturnType<typeof boot>['fs'] {
  const k = boot({ memMiB: 16, sinks: quiet, files: { '/home/hello.c': text('int main(void){}\n') } });
  return k.fs;
}

describe('/home kept across reloads', () => {
  it('lists directories and files under /home with their modes and bytes, parents first', () => {
    const fs = freshFs();
    fs.mkdir('/home/src', 0o750);
    fs.install('/home/src/a.c', text('a'), 0o600, true);
    const entries = listHome(fs)!;
    expect(entries.map((e) => [e.path, (e.mode & 0o777).toString(8), e.bytes && new TextDecoder().decode(e.bytes)])).toEqual([
      ['hello.c', '644', 'int main(void){}\n'], ['src', '750', undefined], ['src/a.c', '600', 'a'],
    ]);
  });

  it('makes the boot image\'s /home files writable, as the rest of /home is', () => {
    const node = freshFs().lookup('/home/hello.c') as RamFile;
    expect(node.writable).toBe(true);
  });

  it('changes its signature on a write of the same size, a new file and a chmod', () => {
    const fs = freshFs();
    const s0 = homeSignature(fs);
    expect(homeSignature(fs)).toBe(s0);
    fs.install('/home/hello.c', text('int main(void){}\n'), 0o644, true);
    const s1 = homeSignature(fs);
    expect(s1).not.toBe(s0);
    fs.install('/home/b', text(''), 0o644, true);
    const s2 = homeSignature(fs);
    expect(s2).not.toBe(s1);
    (fs.lookup('/home/b') as RamFile).mode = 0o100755;
    expect(homeSignature(fs)).not.toBe(s2);
  });

  it('restores a kept /home in place of the image\'s, writable, and skips paths that climb out', () => {
    const kept = freshFs();
    kept.mkdir('/home/d', 0o700);
    kept.install('/home/d/x', text('kept'), 0o755, true);
    const entries = listHome(kept)!.filter((e) => e.path !== 'hello.c');
    entries.push({ path: '../etc/evil', mode: 0o644, bytes: text('no') }, { path: 'a//b', mode: 0o644, bytes: text('no') });
    const fs = freshFs();
    restoreHome(fs, entries);
    expect(listHome(fs)!.map((e) => [e.path, (e.mode & 0o777).toString(8)])).toEqual([['d', '700'], ['d/x', '755']]);
    expect(typeof fs.lookup('/etc/evil')).toBe('number');
    expect((fs.lookup('/home/d/x') as RamFile).writable).toBe(true);
  });
});
