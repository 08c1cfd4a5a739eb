// The file tree at boot: the boot image's files (read-only, but for /home's), writable /tmp and /home, the
// devices in /dev, and /proc.

import { ConsoleFile } from '../dev/console.js';
import { NullFile, ZeroFile } from '../dev/null.js';
import type { Kernel } from '../kernel.js';
import { S_IFCHR, newDir, nextIno, type DevNode } from './node.js';
import { procRoot } from './procfs.js';
import { Vfs } from './vfs.js';

function device(major: number, minor: number, open: DevNode['open'], mtimeMs: number): DevNode {
  return { kind: 'dev', ino: nextIno(), mode: S_IFCHR | 0o666, mtimeMs, major, minor, open };
}

/** Builds the tree for `k` from its boot files. */
export function buildFileTree(k: Kernel): Vfs {
  const now = k.realtimeMs();
  const vfs = new Vfs(newDir(false, now), k.realtimeMs);
  for (const path of k.files.paths()) {
    // The archive's mode; files added by the host without one: programs in /bin and /sbin 0755, others 0644.
    const perm = k.files.permOf(path) ?? (path.startsWith('/bin/') || path.startsWith('/sbin/') ? 0o755 : 0o644);
    // /home's files in the image are the user's starting files: theirs to change, like the rest of /home.
    vfs.install(path, k.files.get(path)!, perm, path.startsWith('/home/'));
  }
  for (const d of ['/bin', '/etc']) vfs.ensureDir(d, false);
  vfs.ensureDir('/tmp', true).mode = 0o041777;
  vfs.ensureDir('/home', true);
  const dev = vfs.ensureDir('/dev', false);
  const consoleOut = (name: string) => (flags: number): ConsoleFile => new ConsoleFile(name, k.consoleInput, k.sinks.stdout, flags);
  dev.children.set('console', device(5, 1, consoleOut('/dev/console'), now));
  dev.children.set('tty', device(5, 0, consoleOut('/dev/tty'), now));
  dev.children.set('null', device(1, 3, (flags) => new NullFile(flags), now));
  dev.children.set('zero', device(1, 5, (flags) => new ZeroFile(flags), now));
  vfs.root.children.set('proc', procRoot(k));
  return vfs;
}
