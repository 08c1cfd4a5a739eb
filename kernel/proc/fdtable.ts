// A process's file descriptors: small integers naming open files, the lowest free one handed out first.
// An open file may sit on several fds (dup) in several tables (fork); it is counted across all of them, and
// when its last fd closes the file hears of it (onLastClose: a pipe end then lets the other side see EOF or
// EPIPE). Each fd has its own close-on-exec flag.

import type { OpenFile } from '../dev/file.js';

/** Most fds a process may hold (RLIMIT_NOFILE). */
export const MAX_FDS = 256;

/** Fds referring to each open file, across every table. */
const references = new WeakMap<OpenFile, number>();

/** How many fds, across every table, the books say refer to `file` (the auditor recounts them). */
export function referenceCount(file: OpenFile): number { return references.get(file) ?? 0; }

function retain(file: OpenFile): void {
  references.set(file, (references.get(file) ?? 0) + 1);
}

function release(file: OpenFile): void {
  const n = (references.get(file) ?? 1) - 1;
  references.set(file, n);
  if (n === 0) file.onLastClose?.();
}

export class FdTable {
  private readonly files: (OpenFile | undefined)[] = [];
  private readonly cloexec: boolean[] = [];

  /** The file open on `fd`, if any. */
  get(fd: number): OpenFile | undefined {
    return Number.isInteger(fd) && fd >= 0 ? this.files[fd] : undefined;
  }

  /** Installs `file` on the lowest free fd at or above `min` and returns it, or -1 when MAX_FDS are open. */
  add(file: OpenFile, cloexec = false, min = 0): number {
    for (let fd = Math.max(0, min); fd < MAX_FDS; fd++) {
      if (!this.files[fd]) {
        this.install(fd, file, cloexec);
        return fd;
      }
    }
    return -1;
  }

  /** Installs `file` on exactly `fd`, closing what was there (dup3, and setting up 0, 1 and 2). */
  set(fd: number, file: OpenFile, cloexec = false): void {
    if (this.files[fd] === file) {
      this.cloexec[fd] = cloexec;
      return;
    }
    this.close(fd);
    this.install(fd, file, cloexec);
  }

  private install(fd: number, file: OpenFile, cloexec: boolean): void {
    retain(file);
    this.files[fd] = file;
    this.cloexec[fd] = cloexec;
  }

  /** Closes `fd`; false when it was not open. */
  close(fd: number): boolean {
    const file = this.get(fd);
    if (!file) return false;
    this.files[fd] = undefined;
    this.cloexec[fd] = false;
    release(file);
    return true;
  }

  /** Closes everything. */
  closeAll(): void {
    for (let fd = 0; fd < this.files.length; fd++) this.close(fd);
    this.files.length = 0;
  }

  /** Closes the fds marked close-on-exec (execve). */
  closeOnExec(): void {
    for (let fd = 0; fd < this.files.length; fd++) if (this.cloexec[fd]) this.close(fd);
  }

  /** The close-on-exec flag of `fd`. */
  isCloseOnExec(fd: number): boolean { return this.cloexec[fd] === true; }
  setCloseOnExec(fd: number, on: boolean): void { if (this.get(fd)) this.cloexec[fd] = on; }

  /** A table with the same files on the same fds (fork): each file gains the new references. */
  clone(): FdTable {
    const t = new FdTable();
    this.files.forEach((f, fd) => { if (f) t.install(fd, f, this.cloexec[fd] === true); });
    return t;
  }

  /** Open fds in order. */
  openFds(): number[] {
    const out: number[] = [];
    this.files.forEach((f, fd) => { if (f) out.push(fd); });
    return out;
  }
}
