// File-system nodes. ramfs holds directories and files in host memory (the boot image unpacked, /tmp,
// /home); device nodes open a device; /proc is synthetic: its directories list and its files render what
// the kernel holds at the moment they are opened.

import { S_IFCHR, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG } from '../../abi/stat.js';
import type { OpenFile } from '../dev/file.js';
import type { HostFs } from './hostfs.js';

/** The file-type bits of a mode, from abi/stat.ts (re-exported for the file-system modules). */
export { S_IFCHR, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG };

let lastIno = 0;
/** A fresh inode number. */
export const nextIno = (): number => ++lastIno;

interface NodeBase {
  readonly ino: number;
  /** S_IF* type and permission bits. */
  mode: number;
  mtimeMs: number;
}

/** A ramfs directory. `writable`: files and directories may be created and removed in it. */
export interface RamDir extends NodeBase {
  readonly kind: 'dir';
  readonly children: Map<string, Node>;
  writable: boolean;
}

/** A ramfs file: `size` bytes at the start of `data` (which has room to grow). */
export interface RamFile extends NodeBase {
  readonly kind: 'file';
  data: Uint8Array;
  size: number;
  writable: boolean;
  /** Directory entries naming the file (link, unlink, rename); its data lives on while open after the last. */
  nlink: number;
  /** Open files on it: with no link and no open file left its bytes leave the ramfs count (RamfsUsage). */
  opens: number;
}

/** A character device: each open makes a new OpenFile. */
export interface DevNode extends NodeBase {
  readonly kind: 'dev';
  readonly major: number;
  readonly minor: number;
  /** A new open file with the open's `flags` (its access mode among them). */
  open(flags: number): OpenFile;
}

/** A synthetic directory (/proc, /proc/PID): its entries are computed on each lookup or listing. */
export interface SynthDir extends NodeBase {
  readonly kind: 'sdir';
  list(): string[];
  lookup(name: string): Node | undefined;
}

/** A synthetic file: its text is rendered when it is opened. */
export interface SynthFile extends NodeBase {
  readonly kind: 'sfile';
  render(): string;
}

/** A directory of the host's shared directory (kernel/fs/hostfs.ts): `rel` is its path inside it. Its mode
 *  and times are what the host said when it was looked up (statOf asks again). */
export interface HostDirNode extends NodeBase {
  readonly kind: 'hdir';
  readonly host: HostFs;
  readonly rel: string;
}

/** A regular file of the host's shared directory; `size` as last seen. */
export interface HostFileNode extends NodeBase {
  readonly kind: 'hfile';
  readonly host: HostFs;
  readonly rel: string;
  size: number;
}

export type Node = RamDir | RamFile | DevNode | SynthDir | SynthFile | HostDirNode | HostFileNode;
export type DirLike = RamDir | SynthDir | HostDirNode;

export const isDir = (n: Node): n is DirLike => n.kind === 'dir' || n.kind === 'sdir' || n.kind === 'hdir';

export function newDir(writable: boolean, mtimeMs: number, perm = 0o755): RamDir {
  return { kind: 'dir', ino: nextIno(), mode: S_IFDIR | perm, mtimeMs, children: new Map(), writable };
}

export function newFile(data: Uint8Array, writable: boolean, mtimeMs: number, perm = 0o644): RamFile {
  return { kind: 'file', ino: nextIno(), mode: S_IFREG | perm, mtimeMs, data, size: data.length, writable, nlink: 1, opens: 0 };
}

/** The entry named `name` in directory `d` (undefined also for a host entry the host refuses to show). */
export function lookupIn(d: DirLike, name: string): Node | undefined {
  if (d.kind === 'dir') return d.children.get(name);
  if (d.kind === 'sdir') return d.lookup(name);
  const n = d.host.child(d, name);
  return typeof n === 'number' ? undefined : n;
}

/** The entry names of directory `d`, sorted. */
export function namesOf(d: DirLike): string[] {
  if (d.kind === 'dir') return [...d.children.keys()].sort();
  if (d.kind === 'sdir') return d.list();
  const names = d.host.port.readdir(d.rel);
  return typeof names === 'number' ? [] : names.sort();
}

/** The size statx reports. */
export function sizeOf(n: Node): number {
  if (n.kind === 'file' || n.kind === 'hfile') return n.size;
  if (n.kind === 'dir') return n.children.size * 32;
  return 0;
}

/** getdents64's d_type for a node. */
export function direntType(n: Node): number {
  switch (n.kind) {
    case 'dir': case 'sdir': case 'hdir': return 4;
    case 'dev': return 2;
    default: return 8;
  }
}
