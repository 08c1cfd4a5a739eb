// /home as data that outlives the machine: the worker lists its directories and files (with modes) for the
// page to keep in IndexedDB (web/home-store.ts), notices when anything in it changed, and at the next boot
// puts a kept /home back in place of the boot image's.

import type { Node, RamDir } from '../kernel/fs/node.js';
import type { Vfs } from '../kernel/fs/vfs.js';

/** One entry of /home: `path` relative to /home ("src/a.c"); a directory has no bytes. */
export interface HomeEntry {
  path: string;
  mode: number;
  bytes?: Uint8Array;
}

/** Most bytes of /home kept (IndexedDB quotas are generous, but a reload should stay quick). */
export const HOME_KEEP_MAX_BYTES = 32 * 1024 * 1024;

function homeDir(vfs: Vfs): RamDir | undefined {
  const node = vfs.lookup('/home');
  return typeof node !== 'number' && node.kind === 'dir' ? node : undefined;
}

/** Every ramfs directory and file under /home, parents before children, in name order. */
function walk(dir: RamDir, prefix: string, visit: (path: string, node: Node) => void): void {
  for (const name of [...dir.children.keys()].sort()) {
    const node = dir.children.get(name)!;
    const path = prefix + name;
    if (node.kind !== 'dir' && node.kind !== 'file') continue;
    visit(path, node);
    if (node.kind === 'dir') walk(node, path + '/', visit);
  }
}

/**
 * A string that changes whenever anything under /home does (a name, a mode, a size, a write: writes set
 * mtime from a microsecond clock), cheap enough to compute every second.
 */
export function homeSignature(vfs: Vfs): string {
  const dir = homeDir(vfs);
  if (!dir) return '';
  const parts: string[] = [];
  walk(dir, '', (path, node) => {
    parts.push(`${path}\0${node.mode}\0${node.kind === 'file' ? node.size : -1}\0${node.mtimeMs}\0${node.ino}`);
  });
  return parts.join('\n');
}

/** /home's entries with copies of the files' bytes; undefined when it holds more than HOME_KEEP_MAX_BYTES. */
export function listHome(vfs: Vfs): HomeEntry[] | undefined {
  const dir = homeDir(vfs);
  const out: HomeEntry[] = [];
  let total = 0;
  if (!dir) return out;
  walk(dir, '', (path, node) => {
    if (node.kind === 'file') {
      total += node.size;
      out.push({ path, mode: node.mode, bytes: node.data.slice(0, node.size) });
    } else {
      out.push({ path, mode: node.mode });
    }
  });
  return total > HOME_KEEP_MAX_BYTES ? undefined : out;
}

/** Replaces /home's contents by `entries` (writable, with their permission bits). Entries naming '..' or an
 *  empty component are skipped: a kept /home cannot reach outside itself. */
export function restoreHome(vfs: Vfs, entries: readonly HomeEntry[]): void {
  const dir = vfs.ensureDir('/home', true);
  dir.children.clear();
  for (const e of entries) {
    const parts = e.path.split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..')) continue;
    const abs = '/home/' + e.path;
    if (e.bytes) {
      vfs.install(abs, e.bytes, e.mode, true);
    } else {
      const d = vfs.ensureDir(abs, true);
      d.mode = (d.mode & ~0o777) | (e.mode & 0o777);
    }
  }
}
