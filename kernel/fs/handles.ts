// Open files on file-system nodes: a ramfs file (an offset into its bytes), a directory (a position in its
// listing, read with getdents64), a /proc file (its text rendered once, at open).

import { SEEK_CUR, SEEK_END, SEEK_SET } from '../../abi/unistd.js';
import { Errno } from '../../abi/errno.js';
import { WOULD_BLOCK, type FileStat, type OpenFile, type ReadResult } from '../dev/file.js';
import { direntType, lookupIn, namesOf, sizeOf, type DirLike, type Node, type RamFile } from './node.js';
import type { RamfsUsage } from './vfs.js';
import { hostStatOf } from './hostfs.js';

/** Largest ramfs file (bounds host memory a program can take through /tmp). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** statx's view of a node. */
export function statOf(n: Node): FileStat {
  if (n.kind === 'hdir' || n.kind === 'hfile') {
    n.host.refresh(n);
    return hostStatOf(n);
  }
  const dev = n.kind === 'dev';
  return {
    ino: n.ino, mode: n.mode, size: sizeOf(n), nlink: n.kind === 'dir' ? 2 : n.kind === 'file' ? n.nlink : 1,
    rdevMajor: dev ? n.major : 0, rdevMinor: dev ? n.minor : 0,
    devMajor: 0, devMinor: n.kind === 'sdir' || n.kind === 'sfile' ? 3 : 1, mtimeMs: n.mtimeMs,
  };
}

/** The new offset for lseek, or -EINVAL when it would be negative or whence is unknown. */
function seekTo(offset: number, whence: number, current: number, size: number): number {
  let at: number;
  if (whence === SEEK_SET) at = offset;
  else if (whence === SEEK_CUR) at = current + offset;
  else if (whence === SEEK_END) at = size + offset;
  else return -Errno.EINVAL;
  return at < 0 || !Number.isSafeInteger(at) ? -Errno.EINVAL : at;
}

/** An open ramfs file. */
export class RamFileHandle implements OpenFile {
  private offset = 0;

  constructor(
    readonly name: string,
    private readonly node: RamFile,
    private readonly readable: boolean,
    private readonly writable: boolean,
    private readonly append: boolean,
    readonly openFlags: number,
    private readonly clockMs: () => number,
    private readonly usage: RamfsUsage,
  ) {
    node.opens++;
  }

  /** The node open here (fchmod, fstat). */
  get file(): RamFile { return this.node; }

  /** The last fd closed: an unlinked file's bytes go once no other open file holds them. */
  onLastClose(): void {
    this.node.opens--;
    releaseIfGone(this.node, this.usage);
  }

  read(maxBytes: number): ReadResult {
    if (!this.readable) return -Errno.EBADF;
    const n = Math.max(0, Math.min(maxBytes, this.node.size - this.offset));
    const out = this.node.data.slice(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  write(bytes: Uint8Array): number | typeof WOULD_BLOCK {
    if (!this.writable) return -Errno.EBADF;
    const f = this.node;
    if (this.append) this.offset = f.size;
    const end = this.offset + bytes.length;
    if (end > MAX_FILE_BYTES) return -Errno.EFBIG;
    const growth = Math.max(0, end - f.size);
    if (growth > 0 && this.usage.bytes + growth > this.usage.limitBytes) return -Errno.ENOSPC;
    this.usage.bytes += growth;
    if (end > f.data.length) {
      const grown = new Uint8Array(Math.min(MAX_FILE_BYTES, Math.max(end, f.data.length * 2, 256)));
      grown.set(f.data.subarray(0, f.size));
      f.data = grown;
    }
    if (this.offset > f.size) f.data.fill(0, f.size, this.offset);
    f.data.set(bytes, this.offset);
    this.offset = end;
    f.size = Math.max(f.size, end);
    f.mtimeMs = this.clockMs();
    return bytes.length;
  }

  seek(offset: number, whence: number): number {
    const at = seekTo(offset, whence, this.offset, this.node.size);
    if (at >= 0) this.offset = at;
    return at;
  }

  stat(): FileStat { return statOf(this.node); }

  truncate(size: number): number {
    if (!this.writable) return -Errno.EINVAL;
    return resizeRamFile(this.node, size, this.clockMs(), this.usage);
  }
}

/** Sets the size of ramfs file `f` (the bytes past the old end read as zeros): 0, or -EFBIG / -ENOSPC. */
export function resizeRamFile(f: RamFile, size: number, nowMs: number, usage: RamfsUsage): number {
  if (size > MAX_FILE_BYTES) return -Errno.EFBIG;
  const growth = size - f.size;
  if (growth > 0 && usage.bytes + growth > usage.limitBytes) return -Errno.ENOSPC;
  usage.bytes += growth;
  if (size <= f.size) {
    f.data = size === 0 ? new Uint8Array(0) : f.data.slice(0, Math.max(size, 0));
  } else {
    const grown = new Uint8Array(size);
    grown.set(f.data.subarray(0, f.size));
    f.data = grown;
  }
  f.size = size;
  f.mtimeMs = nowMs;
  return 0;
}

/** A file with no name and no open file left: its bytes leave the ramfs count and host memory. */
export function releaseIfGone(f: RamFile, usage: RamfsUsage): void {
  if (f.nlink > 0 || f.opens > 0) return;
  usage.bytes -= f.size;
  f.data = new Uint8Array(0);
  f.size = 0;
}

/** Truncates ramfs file `f` to zero bytes (O_TRUNC). */
export function truncate(f: RamFile, nowMs: number, usage: RamfsUsage): void {
  resizeRamFile(f, 0, nowMs, usage);
}

/** An open directory: getdents64 walks '.', '..' and the entries as they were at open. */
export class DirHandle implements OpenFile {
  private readonly entries: { name: string; ino: number; type: number }[];
  private pos = 0;

  constructor(readonly name: string, readonly directoryPath: string, private readonly node: DirLike, parent: DirLike, readonly openFlags: number) {
    this.entries = [{ name: '.', ino: node.ino, type: 4 }, { name: '..', ino: parent.ino, type: 4 }];
    for (const n of namesOf(node)) {
      const child = lookupIn(node, n);
      if (child) this.entries.push({ name: n, ino: child.ino, type: direntType(child) });
    }
  }

  read(): ReadResult { return -Errno.EISDIR; }
  write(): number { return -Errno.EBADF; }
  stat(): FileStat { return statOf(this.node); }

  seek(offset: number, whence: number): number {
    const at = seekTo(offset, whence, this.pos, this.entries.length);
    if (at >= 0) this.pos = Math.min(at, this.entries.length);
    return at;
  }

  /** linux_dirent64 records: u64 ino, s64 off, u16 reclen, u8 type, name NUL, padded to 8 bytes. */
  readDirectory(maxBytes: number): Uint8Array | number {
    const enc = new TextEncoder();
    const out = new Uint8Array(Math.min(maxBytes, 1 << 16));
    const v = new DataView(out.buffer);
    let at = 0;
    while (this.pos < this.entries.length) {
      const e = this.entries[this.pos];
      const name = enc.encode(e.name);
      const reclen = (19 + name.length + 1 + 7) & ~7;
      if (at + reclen > out.length) {
        if (at === 0) return -Errno.EINVAL;
        break;
      }
      v.setBigUint64(at, BigInt(e.ino), true);
      v.setBigInt64(at + 8, BigInt(this.pos + 1), true);
      v.setUint16(at + 16, reclen, true);
      out[at + 18] = e.type;
      out.set(name, at + 19);
      at += reclen;
      this.pos++;
    }
    return out.slice(0, at);
  }
}

/** An open /proc file: the text rendered at open, read-only, seekable. */
export class SynthFileHandle implements OpenFile {
  private offset = 0;
  private readonly bytes: Uint8Array;

  constructor(readonly name: string, private readonly node: Node, text: string, readonly openFlags: number) {
    this.bytes = new TextEncoder().encode(text);
  }

  read(maxBytes: number): ReadResult {
    const out = this.bytes.slice(this.offset, this.offset + Math.max(0, maxBytes));
    this.offset += out.length;
    return out;
  }

  write(): number { return -Errno.EACCES; }
  seek(offset: number, whence: number): number {
    const at = seekTo(offset, whence, this.offset, this.bytes.length);
    if (at >= 0) this.offset = at;
    return at;
  }

  stat(): FileStat { return { ...statOf(this.node), size: this.bytes.length }; }
}
