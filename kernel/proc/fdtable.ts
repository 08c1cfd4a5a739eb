// A process's file descriptors: small integers naming open files, the lowest free one handed out first.

import type { OpenFile } from '../dev/file.js';

/** Most fds a process may hold (RLIMIT_NOFILE). */
export const MAX_FDS = 256;

export class FdTable {
  private readonly files: (OpenFile | undefined)[] = [];

  /** The file open on `fd`, if any. */
  get(fd: number): OpenFile | undefined {
    return Number.isInteger(fd) && fd >= 0 ? this.files[fd] : undefined;
  }

  /** Installs `file` on the lowest free fd and returns it, or -1 when MAX_FDS are open. */
  add(file: OpenFile): number {
    for (let fd = 0; fd < MAX_FDS; fd++) {
      if (!this.files[fd]) {
        this.files[fd] = file;
        return fd;
      }
    }
    return -1;
  }

  /** Installs `file` on exactly `fd` (used to set up 0, 1 and 2). */
  set(fd: number, file: OpenFile): void { this.files[fd] = file; }

  /** Closes `fd`; false when it was not open. */
  close(fd: number): boolean {
    if (!this.get(fd)) return false;
    this.files[fd] = undefined;
    return true;
  }

  /** Closes everything. */
  closeAll(): void { this.files.length = 0; }

  /** Open fds in order. */
  openFds(): number[] {
    const out: number[] = [];
    this.files.forEach((f, fd) => { if (f) out.push(fd); });
    return out;
  }
}
