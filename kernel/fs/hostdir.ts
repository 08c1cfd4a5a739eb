// The port through which the kernel reaches a directory of the host (mounted at /host by `pagoda run` and
// `pagoda boot --host-dir`). The kernel imports no Node module: a host implements this interface (cli/ does
// it with node:fs) and hands it to boot().
//
// Every operation names a file by `rel`, a path relative to the shared directory: components joined by '/',
// '' for the directory itself, never '.', '..', an empty component, a leading '/' or a NUL (the kernel's
// hostfs only builds such paths). The implementation must still refuse anything that would lead outside the
// directory, on every call: names it cannot accept, and symbolic links whose target is outside. Results are
// values or -errno (abi/errno.ts).

/** What the host says about one file. */
export interface HostStat {
  kind: 'file' | 'dir' | 'other';
  /** Permission bits (0o7777). */
  perm: number;
  size: number;
  mtimeMs: number;
  /** The host's inode number (only compared, never trusted for anything else). */
  ino: number;
}

export interface HostDir {
  /** stat of `rel`, following symbolic links that stay inside. */
  stat(rel: string): HostStat | number;
  /** The entry names of directory `rel`, without '.' and '..'. */
  readdir(rel: string): string[] | number;
  /** Up to `length` bytes of file `rel` from `offset` (fewer at its end). */
  read(rel: string, offset: number, length: number): Uint8Array | number;
  /** Writes `bytes` into file `rel` at `offset` (a hole before it reads as zeros): bytes written or -errno. */
  write(rel: string, offset: number, bytes: Uint8Array): number;
  /** Sets the size of file `rel`. */
  truncate(rel: string, size: number): number;
  /** Creates an empty regular file `rel` (EEXIST when something is there). */
  create(rel: string, perm: number): number;
  mkdir(rel: string, perm: number): number;
  unlink(rel: string): number;
  rmdir(rel: string): number;
  /** Renames `from` to `to`, replacing `to` as rename(2) does. */
  rename(from: string, to: string): number;
}
