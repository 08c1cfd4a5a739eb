// File-system nodes. ramfs holds directories and files in host memory (the boot image unpacked, /tmp,
// /home); device nodes open a device; /proc is synthetic: its directories list and its files render what
// the kernel holds at the moment they are opened.

import { S_IFCHR, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG } from '../../abi/stat.js';
import type { OpenFile } from '../dev/file.js';

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
}

/** A character device: each open makes a new OpenFile. */
export interface DevNode extends NodeBase {
  readonly kind: 'dev';
  readonly major: number;
  readonly minor: number;
  open(): OpenFile;
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

export type Node = RamDir | RamFile | DevNode | SynthDir | SynthFile;
export type DirLike = RamDir | SynthDir;

export const isDir = (n: Node): n is DirLike => n.kind === 'dir' || n.kind === 'sdir';

export function newDir(writable: boolean, mtimeMs: number, perm = 0o755): RamDir {
  return { kind: 'dir', ino: nextIno(), mode: S_IFDIR | perm, mtimeMs, children: new Map(), writable };
}

export function newFile(data: Uint8Array, writable: boolean, mtimeMs: number, perm = 0o644): RamFile {
  return { kind: 'file', ino: nextIno(), mode: S_IFREG | perm, mtimeMs, data, size: data.length, writable };
}

/** The entry named `name` in directory `d`. */
export function lookupIn(d: DirLike, name: string): Node | undefined {
  return d.kind === 'dir' ? d.children.get(name) : d.lookup(name);
}

/** The entry names of directory `d`, sorted. */
export function namesOf(d: DirLike): string[] {
  return d.kind === 'dir' ? [...d.children.keys()].sort() : d.list();
}

/** The size statx reports. */
export function sizeOf(n: Node): number {
  if (n.kind === 'file') return n.size;
  if (n.kind === 'dir') return n.children.size * 32;
  return 0;
}

/** getdents64's d_type for a node. */
export function direntType(n: Node): number {
  switch (n.kind) {
    case 'dir': case 'sdir': return 4;
    case 'dev': return 2;
    default: return 8;
  }
}
