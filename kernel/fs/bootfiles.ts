// The files the boot image holds, by absolute path. A flat table until ramfs arrives; exec and `pagoda run`
// look programs up here.

import { readCpio, S_IFMT, S_IFREG } from '../../abi/cpio.js';

export class BootFiles {
  private readonly files = new Map<string, Uint8Array>();

  /** Adds every regular file of a newc cpio archive (throws CpioFormatError for a malformed one). */
  addArchive(archive: Uint8Array): void {
    for (const e of readCpio(archive)) {
      if ((e.mode & S_IFMT) === S_IFREG) this.add(e.name, e.data);
    }
  }

  /** Adds (or replaces) one file; `path` is made absolute. */
  add(path: string, data: Uint8Array): void {
    this.files.set(path.startsWith('/') ? path : '/' + path, data);
  }

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
