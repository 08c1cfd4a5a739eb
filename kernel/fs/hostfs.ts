// hostfs: a directory of the host, seen through the HostDir port (kernel/fs/hostdir.ts) and mounted in the
// file tree (at /host). Nodes are made on lookup from what the host says at that moment and name their file
// by its path inside the shared directory; nothing is cached, so programs on the host and in the machine see
// each other's changes at once. An open file keeps only its name and offset: every read and write asks the
// host again (and the host checks again that the name stays inside).

import { Errno } from '../../abi/errno.js';
import { NAME_MAX } from '../../abi/limits.js';
import { SEEK_CUR, SEEK_END, SEEK_SET } from '../../abi/unistd.js';
import type { FileStat, OpenFile, ReadResult } from '../dev/file.js';
import type { HostDir, HostStat } from './hostdir.js';
import { S_IFDIR, S_IFREG, nextIno, type HostDirNode, type HostFileNode } from './node.js';

/** Largest single read a program's read() gets from the host at once. */
const MAX_READ = 1 << 20;

export type HostNode = HostDirNode | HostFileNode;

/** The path inside the shared directory of entry `name` in the directory at `rel`. */
export const childRel = (rel: string, name: string): string => (rel === '' ? name : `${rel}/${name}`);

export class HostFs {
  /** Host inode number -> the kernel's, so that a file keeps one inode number while the machine runs. */
  private readonly inos = new Map<number, number>();

  constructor(readonly port: HostDir) {}

  /** The node for `rel` as the host sees it now, or -errno (EACCES for host files that are not regular
   *  files or directories: fifos, sockets and devices of the host stay out of reach). */
  node(rel: string): HostNode | number {
    const st = this.port.stat(rel);
    if (typeof st === 'number') return st;
    if (st.kind === 'other') return -Errno.EACCES;
    let ino = this.inos.get(st.ino);
    if (ino === undefined) this.inos.set(st.ino, (ino = nextIno()));
    const base = { host: this, rel, ino, mtimeMs: st.mtimeMs };
    return st.kind === 'dir'
      ? { kind: 'hdir', mode: S_IFDIR | (st.perm & 0o7777), ...base }
      : { kind: 'hfile', mode: S_IFREG | (st.perm & 0o7777), size: st.size, ...base };
  }

  /** The entry `name` of host directory `dir`, or -errno. */
  child(dir: HostDirNode, name: string): HostNode | number {
    if (name.length > NAME_MAX) return -Errno.ENAMETOOLONG;
    if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0')) return -Errno.ENOENT;
    return this.node(childRel(dir.rel, name));
  }

  /** Refreshes `n` from the host (statx, lseek SEEK_END); false when the host no longer has it. */
  refresh(n: HostNode): boolean {
    const st: HostStat | number = this.port.stat(n.rel);
    if (typeof st === 'number') return false;
    n.mode = (n.mode & ~0o7777) | (st.perm & 0o7777);
    n.mtimeMs = st.mtimeMs;
    if (n.kind === 'hfile') n.size = st.size;
    return true;
  }
}

/** An open host file: a name in the shared directory and an offset. */
export class HostFileHandle implements OpenFile {
  private offset = 0;

  constructor(
    readonly name: string,
    private readonly node: HostFileNode,
    private readonly readable: boolean,
    private readonly writable: boolean,
    private readonly append: boolean,
    readonly openFlags: number,
  ) {}

  private get port(): HostDir { return this.node.host.port; }

  read(maxBytes: number): ReadResult {
    if (!this.readable) return -Errno.EBADF;
    const got = this.port.read(this.node.rel, this.offset, Math.max(0, Math.min(maxBytes, MAX_READ)));
    if (typeof got === 'number') return got;
    this.offset += got.length;
    return got;
  }

  write(bytes: Uint8Array): number {
    if (!this.writable) return -Errno.EBADF;
    if (this.append) {
      if (!this.node.host.refresh(this.node)) return -Errno.ENOENT;
      this.offset = this.node.size;
    }
    const n = this.port.write(this.node.rel, this.offset, bytes);
    if (n > 0) this.offset += n;
    return n;
  }

  seek(offset: number, whence: number): number {
    let at: number;
    if (whence === SEEK_SET) at = offset;
    else if (whence === SEEK_CUR) at = this.offset + offset;
    else if (whence === SEEK_END) {
      if (!this.node.host.refresh(this.node)) return -Errno.ENOENT;
      at = this.node.size + offset;
    } else return -Errno.EINVAL;
    if (at < 0 || !Number.isSafeInteger(at)) return -Errno.EINVAL;
    this.offset = at;
    return at;
  }

  stat(): FileStat {
    this.node.host.refresh(this.node);
    return hostStatOf(this.node);
  }

  truncate(size: number): number {
    if (!this.writable) return -Errno.EINVAL;
    return this.port.truncate(this.node.rel, size);
  }
}

/** statx's view of a host node (the caller refreshes it first). Host files live on device 0:4. */
export function hostStatOf(n: HostNode): FileStat {
  return {
    ino: n.ino, mode: n.mode, size: n.kind === 'hfile' ? n.size : 4096, nlink: n.kind === 'hdir' ? 2 : 1,
    rdevMajor: 0, rdevMinor: 0, devMajor: 0, devMinor: 4, mtimeMs: n.mtimeMs,
  };
}
