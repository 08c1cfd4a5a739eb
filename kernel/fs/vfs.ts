// The file tree: path resolution and the changes system calls make (create, mkdir, unlink, rmdir).
// Paths are resolved lexically against an absolute working directory ('.' and '..' folded first; there are
// no symbolic links). Results are nodes or -errno.

import { Errno } from '../../abi/errno.js';
import { NAME_MAX } from '../../abi/limits.js';
import { isDir, lookupIn, newDir, newFile, type DirLike, type Node, type RamDir, type RamFile } from './node.js';


/** `path` made absolute against `cwd` and normalised: no '.', '..', empty or trailing components. */
export function normalizePath(cwd: string, path: string): string {
  const parts: string[] = [];
  const all = path.startsWith('/') ? path : cwd + '/' + path;
  for (const c of all.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') parts.pop();
    else parts.push(c);
  }
  return '/' + parts.join('/');
}

/** The components of an absolute normalised path ('/' has none). */
const componentsOf = (abs: string): string[] => (abs === '/' ? [] : abs.slice(1).split('/'));

/** Bytes of file data ramfs holds (host memory), against a limit: writes past it fail with ENOSPC. */
export class RamfsUsage {
  bytes = 0;
  constructor(readonly limitBytes: number) {}
}

/** Default ramfs capacity for files programs write. */
export const RAMFS_LIMIT_BYTES = 64 * 1024 * 1024;

export class Vfs {
  readonly usage: RamfsUsage;

  constructor(readonly root: RamDir, private readonly clockMs: () => number, limitBytes = RAMFS_LIMIT_BYTES) {
    this.usage = new RamfsUsage(limitBytes);
  }

  /** The node at absolute normalised path `abs`, or -ENOENT / -ENOTDIR / -ENAMETOOLONG. */
  lookup(abs: string): Node | number {
    let node: Node = this.root;
    for (const name of componentsOf(abs)) {
      if (name.length > NAME_MAX) return -Errno.ENAMETOOLONG;
      if (!isDir(node)) return -Errno.ENOTDIR;
      const next = lookupIn(node, name);
      if (!next) return -Errno.ENOENT;
      node = next;
    }
    return node;
  }

  /** The directory that holds `abs` and the last component's name; -errno when that directory is absent. */
  parentOf(abs: string): { dir: DirLike; name: string } | number {
    const parts = componentsOf(abs);
    if (parts.length === 0) return -Errno.EBUSY;
    const name = parts[parts.length - 1];
    if (name.length > NAME_MAX) return -Errno.ENAMETOOLONG;
    const dir = this.lookup('/' + parts.slice(0, -1).join('/'));
    if (typeof dir === 'number') return dir;
    if (!isDir(dir)) return -Errno.ENOTDIR;
    return { dir, name };
  }

  /** A writable ramfs directory to add `name` to, or -errno (EEXIST when taken, EACCES when read-only). */
  private creatable(abs: string): { dir: RamDir; name: string } | number {
    const p = this.parentOf(abs);
    if (typeof p === 'number') return p;
    if (lookupIn(p.dir, p.name)) return -Errno.EEXIST;
    if (p.dir.kind !== 'dir' || !p.dir.writable) return -Errno.EACCES;
    return { dir: p.dir, name: p.name };
  }

  /** Creates an empty regular file at `abs`: the file, or -errno. */
  createFile(abs: string, perm: number): RamFile | number {
    const c = this.creatable(abs);
    if (typeof c === 'number') return c;
    const f = newFile(new Uint8Array(0), true, this.clockMs(), perm & 0o777);
    c.dir.children.set(c.name, f);
    c.dir.mtimeMs = this.clockMs();
    return f;
  }

  /** mkdir: 0 or -errno. */
  mkdir(abs: string, perm: number): number {
    const c = this.creatable(abs);
    if (typeof c === 'number') return c;
    c.dir.children.set(c.name, newDir(true, this.clockMs(), perm & 0o777));
    c.dir.mtimeMs = this.clockMs();
    return 0;
  }

  /**
   * unlink (`dir` false) or rmdir (`dir` true) of `abs`: 0 or -errno (ENOENT, EISDIR, ENOTDIR, ENOTEMPTY,
   * EACCES for read-only places, EBUSY for '/' and mount points).
   */
  remove(abs: string, dir: boolean): number {
    const p = this.parentOf(abs);
    if (typeof p === 'number') return p;
    const node = lookupIn(p.dir, p.name);
    if (!node) return -Errno.ENOENT;
    if (dir && !isDir(node)) return -Errno.ENOTDIR;
    if (!dir && isDir(node)) return -Errno.EISDIR;
    if (node.kind === 'sdir') return -Errno.EBUSY;
    if (node.kind === 'dir' && node.children.size > 0) return -Errno.ENOTEMPTY;
    if (p.dir.kind !== 'dir' || !p.dir.writable) return -Errno.EACCES;
    if (node.kind === 'file') this.usage.bytes -= node.size;
    p.dir.children.delete(p.name);
    p.dir.mtimeMs = this.clockMs();
    return 0;
  }

  /**
   * Adds `data` as a file at `abs` (boot image, extra files), creating missing directories; `writable`
   * decides whether programs may change it. Replaces a file already there.
   */
  install(abs: string, data: Uint8Array, perm: number, writable: boolean): void {
    const parts = componentsOf(abs);
    let dir = this.root;
    for (const name of parts.slice(0, -1)) {
      let next = dir.children.get(name);
      if (!next) {
        next = newDir(writable, this.clockMs());
        dir.children.set(name, next);
      }
      if (next.kind !== 'dir') return;
      dir = next;
    }
    if (parts.length === 0) return;
    dir.children.set(parts[parts.length - 1], newFile(data, writable, this.clockMs(), perm & 0o777));
  }

  /** Makes sure directory `abs` exists (creating parents) with the given writability. */
  ensureDir(abs: string, writable: boolean): RamDir {
    let dir = this.root;
    for (const name of componentsOf(abs)) {
      let next = dir.children.get(name);
      if (!next || next.kind !== 'dir') {
        next = newDir(writable, this.clockMs());
        dir.children.set(name, next);
      }
      dir = next;
    }
    dir.writable = writable;
    return dir;
  }
}
