import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CpioFormatError, readCpio, S_IFDIR, S_IFREG, writeCpio } from '../../abi/cpio.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function hasCpio(): boolean {
  try { execFileSync('cpio', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}

describe('newc cpio', () => {
  it('reads back what it writes: names, modes and data of every length modulo 4', () => {
    const entries = [
      { name: 'bin', mode: S_IFDIR | 0o755, data: new Uint8Array(0) },
      ...[0, 1, 2, 3, 4, 5].map((n) => ({ name: `bin/f${n}`, mode: S_IFREG | 0o644, data: bytes('x'.repeat(n)) })),
    ];
    const back = readCpio(writeCpio(entries));
    expect(back.map((e) => [e.name, e.mode, new TextDecoder().decode(e.data)])).toEqual(
      entries.map((e) => [e.name, e.mode, new TextDecoder().decode(e.data)]));
  });

  it('refuses a bad magic number, naming the offset', () => {
    const archive = writeCpio([{ name: 'a', mode: S_IFREG, data: bytes('hi') }]);
    archive[0] = 0x39;
    expect(() => readCpio(archive)).toThrow(new CpioFormatError('cpio: bad magic at offset 0'));
  });

  it('refuses an archive cut short', () => {
    const archive = writeCpio([{ name: 'a', mode: S_IFREG, data: bytes('hello world') }]);
    expect(() => readCpio(archive.subarray(0, 120))).toThrow(CpioFormatError);
  });

  if (!hasCpio()) console.warn('cpio.test: GNU cpio not installed — skipping the cross-check (apt-get install cpio)');
  describe.skipIf(!hasCpio())('against GNU cpio', () => {
    it('GNU cpio extracts our archive', () => {
      const dir = mkdtempSync(join(tmpdir(), 'pagoda-cpio-'));
      writeFileSync(join(dir, 'a.cpio'), writeCpio([
        { name: 'etc', mode: S_IFDIR | 0o755, data: new Uint8Array(0) },
        { name: 'etc/motd', mode: S_IFREG | 0o644, data: bytes('welcome\n') },
      ]));
      mkdirSync(join(dir, 'out'));
      execFileSync('sh', ['-c', 'cpio -id --quiet < ../a.cpio'], { cwd: join(dir, 'out') });
      expect(readFileSync(join(dir, 'out', 'etc', 'motd'), 'utf8')).toBe('welcome\n');
    });
  });
});
