// The files the boot image holds, by absolute path. A flat table until ramfs arrives; exec and `pagoda run`
// look programs up here.

import { readCpio, S_IFMT, S_IFREG } from '../../abi/cpio.js';

export class BootFiles {
  private readonly files = new Map<string, Uint8Array>();
  /** Permission bits the archive gave (files added otherwise have none recorded). */
  private readonly perms = new Map<string, number>();

  /** Adds every regular file of a newc cpio archive, with its permission bits (throws CpioFormatError for a
   *  malformed one). */
  addArchive(archive: Uint8Array): void {
    for (const e of readCpio(archive)) {
      if ((e.mode & S_IFMT) === S_IFREG) this.add(e.name, e.data, e.mode & 0o7777);
    }
  }

  /** Adds (or replaces) one file; `path` is made absolute. */
  add(path: string, data: Uint8Array, perm?: number): void {
    const abs = path.startsWith('/') ? path : '/' + path;
    this.files.set(abs, data);
    if (perm === undefined) this.perms.delete(abs);
    else this.perms.set(abs, perm);
  }

  /** The permission bits `path` came with, if an archive gave them. */
  permOf(path: string): number | undefined { return this.perms.get(path); }

  /** The bytes of `path`, if present. */
  get(path: string): Uint8Array | undefined { return this.files.get(path); }

  get count(): number { return this.files.size; }
  get totalBytes(): number {
    let n = 0;
    for (const d of this.files.values()) n += d.length;
    return n;
  }
  paths(): string[] { return [...this.files.keys()].sort(); }
}
