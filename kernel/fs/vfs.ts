// The file tree: path resolution and the changes system calls make (create, mkdir, unlink, rmdir, rename,
// truncate).
// Paths are resolved lexically against an absolute working directory ('.' and '..' folded first; there are
// no symbolic links in ramfs). Results are nodes or -errno. A host directory (hostfs.ts) may be mounted on a
// name of the root: below it every change goes to the host; '..' at its top is the machine's root, as '..'
// at any mount point is, so the host's own parent is never named.

import { Errno } from '../../abi/errno.js';
import { NAME_MAX } from '../../abi/limits.js';
import { releaseIfGone, resizeRamFile } from './handles.js';
import { childRel, HostFs } from './hostfs.js';
import type { HostDir } from './hostdir.js';
import { isDir, lookupIn, newDir, newFile, type DirLike, type HostDirNode, type Node, type RamDir, type RamFile } from './node.js';


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
      if (node.kind === 'hdir') {
        const child: Node | number = node.host.child(node, name);
        if (typeof child === 'number') return child;
        node = child;
        continue;
      }
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

  /** Where to add `name`: a writable ramfs directory or a host directory; -errno (EEXIST when taken,
   *  EACCES when read-only). */
  private creatable(abs: string): { dir: RamDir | HostDirNode; name: string } | number {
    const p = this.parentOf(abs);
    if (typeof p === 'number') return p;
    if (p.dir.kind === 'hdir') {
      const there = p.dir.host.child(p.dir, p.name);
      if (there !== -Errno.ENOENT) return typeof there === 'number' ? there : -Errno.EEXIST;
      return { dir: p.dir, name: p.name };
    }
    if (lookupIn(p.dir, p.name)) return -Errno.EEXIST;
    if (p.dir.kind !== 'dir' || !p.dir.writable) return -Errno.EACCES;
    return { dir: p.dir, name: p.name };
  }

  /** Creates an empty regular file at `abs`: the file, or -errno. */
  createFile(abs: string, perm: number): Node | number {
    const c = this.creatable(abs);
    if (typeof c === 'number') return c;
    if (c.dir.kind === 'hdir') {
      const rel = childRel(c.dir.rel, c.name);
      const r = c.dir.host.port.create(rel, perm & 0o777);
      return r < 0 ? r : c.dir.host.node(rel);
    }
    const f = newFile(new Uint8Array(0), true, this.clockMs(), perm & 0o777);
    c.dir.children.set(c.name, f);
    c.dir.mtimeMs = this.clockMs();
    return f;
  }

  /** mkdir: 0 or -errno. */
  mkdir(abs: string, perm: number): number {
    const c = this.creatable(abs);
    if (typeof c === 'number') return c;
    if (c.dir.kind === 'hdir') return c.dir.host.port.mkdir(childRel(c.dir.rel, c.name), perm & 0o777);
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
    const node = p.dir.kind === 'hdir' ? p.dir.host.child(p.dir, p.name) : lookupIn(p.dir, p.name) ?? -Errno.ENOENT;
    if (typeof node === 'number') return node;
    if (dir && !isDir(node)) return -Errno.ENOTDIR;
    if (!dir && isDir(node)) return -Errno.EISDIR;
    if (node.kind === 'sdir' || (node.kind === 'hdir' && node.rel === '')) return -Errno.EBUSY;
    if (node.kind === 'hdir' || node.kind === 'hfile') return dir ? node.host.port.rmdir(node.rel) : node.host.port.unlink(node.rel);
    if (node.kind === 'dir' && node.children.size > 0) return -Errno.ENOTEMPTY;
    if (p.dir.kind !== 'dir' || !p.dir.writable) return -Errno.EACCES;
    if (node.kind === 'file') this.dropLink(node);
    p.dir.children.delete(p.name);
    p.dir.mtimeMs = this.clockMs();
    return 0;
  }

  /**
   * rename(2) from `from` to `to` (absolute, normalised): 0 or -errno. Within one file system only (EXDEV
   * between ramfs and a host directory); EINVAL when moving a directory into itself; EBUSY for mount points;
   * a file replaces a file, a directory replaces an empty directory (EISDIR, ENOTDIR, ENOTEMPTY otherwise).
   */
  rename(from: string, to: string): number {
    const src = this.parentOf(from);
    if (typeof src === 'number') return src;
    const dst = this.parentOf(to);
    if (typeof dst === 'number') return dst;
    const node = src.dir.kind === 'hdir' ? src.dir.host.child(src.dir, src.name) : lookupIn(src.dir, src.name) ?? -Errno.ENOENT;
    if (typeof node === 'number') return node;
    if (to.startsWith(from + '/')) return -Errno.EINVAL;
    if (from === to) return 0;
    if (src.dir.kind === 'hdir' || dst.dir.kind === 'hdir') {
      if (src.dir.kind !== 'hdir' || dst.dir.kind !== 'hdir' || src.dir.host !== dst.dir.host) return -Errno.EXDEV;
      if (node.kind === 'hdir' && node.rel === '') return -Errno.EBUSY;
      return src.dir.host.port.rename(childRel(src.dir.rel, src.name), childRel(dst.dir.rel, dst.name));
    }
    if (node.kind === 'sdir' || node.kind === 'sfile' || node.kind === 'hdir') return -Errno.EBUSY;
    if (src.dir.kind !== 'dir' || dst.dir.kind !== 'dir') return -Errno.EXDEV;
    const there = dst.dir.children.get(dst.name);
    // Two names of one file: rename does nothing (POSIX), both names stay.
    if (there === node) return 0;
    if (there) {
      if (isDir(node) && !isDir(there)) return -Errno.ENOTDIR;
      if (!isDir(node) && isDir(there)) return -Errno.EISDIR;
      if (there.kind !== 'dir' && isDir(there)) return -Errno.EBUSY;
      if (there.kind === 'dir' && there.children.size > 0) return -Errno.ENOTEMPTY;
    }
    if (!src.dir.writable || !dst.dir.writable) return -Errno.EACCES;
    if (there?.kind === 'file') this.dropLink(there);
    src.dir.children.delete(src.name);
    dst.dir.children.set(dst.name, node);
    src.dir.mtimeMs = dst.dir.mtimeMs = this.clockMs();
    return 0;
  }

  /** One directory entry less for `f`: with none left and no open file its bytes leave the ramfs count. */
  private dropLink(f: RamFile): void {
    f.nlink--;
    releaseIfGone(f, this.usage);
  }

  /**
   * link(2): a second name `to` for the file at `from` (absolute, normalised): 0 or -errno. EPERM for
   * directories, EEXIST when `to` exists, EXDEV between ramfs and a host directory (which has no hard links
   * here), EACCES for read-only places.
   */
  link(from: string, to: string): number {
    const node = this.lookup(from);
    if (typeof node === 'number') return node;
    if (isDir(node)) return -Errno.EPERM;
    const c = this.creatable(to);
    if (typeof c === 'number') return c;
    if (node.kind !== 'file' || c.dir.kind !== 'dir') return -Errno.EXDEV;
    c.dir.children.set(c.name, node);
    node.nlink++;
    c.dir.mtimeMs = this.clockMs();
    return 0;
  }

  /** chmod(2) of the node at `abs`: its permission bits (07777) become `mode`'s. EROFS for the boot image's
   *  read-only files and directories; a host file's mode is the host's to keep (EPERM). */
  chmod(abs: string, mode: number): number {
    const node = this.lookup(abs);
    if (typeof node === 'number') return node;
    return chmodNode(node, mode);
  }

  /** truncate(2) of the file at `abs` to `size` bytes: 0 or -errno (EISDIR, EACCES for read-only files). */
  truncate(abs: string, size: number): number {
    const node = this.lookup(abs);
    if (typeof node === 'number') return node;
    if (isDir(node)) return -Errno.EISDIR;
    if (node.kind === 'hfile') return node.host.port.truncate(node.rel, size);
    if (node.kind !== 'file' || !node.writable) return -Errno.EACCES;
    return resizeRamFile(node, size, this.clockMs(), this.usage);
  }

  /** Mounts host directory `port` on `name` in the root (a name the root does not hold yet). */
  mountHost(name: string, port: HostDir): number {
    if (this.root.children.has(name)) return -Errno.EBUSY;
    const top = new HostFs(port).node('');
    if (typeof top === 'number') return top;
    if (top.kind !== 'hdir') return -Errno.ENOTDIR;
    this.root.children.set(name, top);
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

/** chmod on `node` (also fchmod's, through an open file): 0 or -errno (see Vfs.chmod). */
export function chmodNode(node: Node, mode: number): number {
  if (node.kind === 'hdir' || node.kind === 'hfile') return -Errno.EPERM;
  if (node.kind === 'sdir' || node.kind === 'sfile' || node.kind === 'dev') return -Errno.EPERM;
  if (!node.writable) return -Errno.EROFS;
  node.mode = (node.mode & ~0o7777) | (mode & 0o7777);
  return 0;
}
