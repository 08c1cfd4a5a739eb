// host_export (Pagoda's call 1004) through /bin/download: the host's export sink receives the file's path and
// bytes; a directory, a missing file and a host without a sink are refused with their errno's message.
import { describe, expect, it } from 'vitest';
import { readCpio } from '../../abi/cpio.js';
import { readBootImage } from '../../cli/boot-image.js';
import { ConsoleSession, type SessionEnd } from '../../kernel/session.js';

const image = readBootImage();
const hasDownload = !!image && readCpio(image).some((e) => e.name.replace(/^\/+/, '') === 'bin/download');
if (!hasDownload) console.warn('no /bin/download in the boot image (npm run build): skipping the download tests');

/** Runs `download ARGS` as the boot program; what it printed, how it ended, and what the host received. */
async function download(args: string[], withSink = true): Promise<{ text: string; end: SessionEnd; got: [string, string][] }> {
  let text = '';
  const got: [string, string][] = [];
  const session = new ConsoleSession({
    memMiB: 32, bootImage: image, init: '/bin/download', argv: ['download', ...args],
    output: (b) => { text += new TextDecoder().decode(b); },
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    exportFile: withSink ? (path, bytes) => { got.push([path, new TextDecoder().decode(bytes)]); } : undefined,
  });
  session.addFile('/home/note.txt', new TextEncoder().encode('kept\n'));
  const end = await session.start();
  return { text, end, got };
}

describe.skipIf(!hasDownload)('download FILE (host_export)', () => {
  it('hands the file\'s absolute path and bytes to the host', async () => {
    const { text, end, got } = await download(['/home/note.txt']);
    expect(got).toEqual([['/home/note.txt', 'kept\n']]);
    expect(text).toContain('download: /home/note.txt (5 bytes) handed to the host');
    expect(end).toMatchObject({ kind: 'init-exited', status: 0 });
  });

  it('refuses a directory and a missing file, and goes on with the rest', async () => {
    const { text, end, got } = await download(['/home', '/home/none', '/home/note.txt']);
    expect(text).toContain('download: /home: Is a directory');
    expect(text).toContain('download: /home/none: No such file or directory');
    expect(got.map((g) => g[0])).toEqual(['/home/note.txt']);
    expect(end).toMatchObject({ kind: 'init-exited', status: 1 });
  });

  it('says so when the host takes no files', async () => {
    const { text, end } = await download(['/home/note.txt'], false);
    expect(text).toContain('download: this host takes no files');
    expect(end).toMatchObject({ kind: 'init-exited', status: 1 });
  });
});
