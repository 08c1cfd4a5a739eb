// An open file as the fd table sees it: devices, ramfs files and directories, /proc files, pipe ends.
// Only read, write and name are required; the optional operations answer -ENOTTY / -ESPIPE / -ENOTDIR
// (decided by the system call) when a kind of file lacks them.

import type { WaitChannel } from '../proc/waitchan.js';

/** Returned by read() or write() when no data (or no room) is there yet and more may come: the caller
 *  sleeps on the file's readWait / writeWait channel and retries when it is woken. */
export const WOULD_BLOCK: unique symbol = Symbol('would block');
export type ReadResult = Uint8Array | number | typeof WOULD_BLOCK;

/** What statx reports about a file. */
export interface FileStat {
  ino: number;
  /** S_IFMT type bits and permission bits. */
  mode: number;
  size: number;
  nlink: number;
  /** Device numbers: the file's own (character devices) and its file system's. */
  rdevMajor: number;
  rdevMinor: number;
  devMajor: number;
  devMinor: number;
  mtimeMs: number;
}

/** What an ioctl may touch: the caller's memory, through uaccess. */
export interface IoctlMemory {
  copyIn(va: number, len: number): Uint8Array | number;
  copyOut(va: number, bytes: Uint8Array): number;
}

export interface OpenFile {
  /** Path or device name, for messages and /proc. */
  readonly name: string;
  /** Up to `maxBytes` bytes (an empty array at end of file), -errno, or WOULD_BLOCK. */
  read(maxBytes: number): ReadResult;
  /** Bytes written (at least 1 unless `bytes` is empty), -errno, or WOULD_BLOCK when nothing fits yet. */
  write(bytes: Uint8Array): number | typeof WOULD_BLOCK;
  /** Moves the offset (SEEK_SET 0, SEEK_CUR 1, SEEK_END 2): the new offset or -errno. Absent: ESPIPE. */
  seek?(offset: number, whence: number): number;
  /** statx's answer. */
  stat?(): FileStat;
  /** getdents64 records filling at most `maxBytes` (empty at the end), or -errno. Absent: ENOTDIR. */
  readDirectory?(maxBytes: number): Uint8Array | number;
  /** ftruncate: sets the file's size; 0 or -errno (EINVAL when not open for writing). Absent: EINVAL. */
  truncate?(size: number): number;
  /** Device control; the result or -errno. Absent: ENOTTY. */
  ioctl?(request: number, arg: number, mem: IoctlMemory): number;
  /** The absolute path of a directory opened by path (fchdir, and openat relative to a dirfd). */
  readonly directoryPath?: string;
  /** Open flags as F_GETFL reports them. */
  readonly openFlags?: number;
  /** Woken whenever a read that returned WOULD_BLOCK may now complete (data, end of file). Required of a file
   *  whose read can return WOULD_BLOCK. */
  readonly readWait?: WaitChannel;
  /** Woken whenever a write that returned WOULD_BLOCK may now complete (room, no reader left). Required of a
   *  file whose write can return WOULD_BLOCK. */
  readonly writeWait?: WaitChannel;
  /**
   * O_NONBLOCK on this open file (pipe2's flag, fcntl F_SETFL): a read or write that would sleep returns
   * EAGAIN instead (a write that fitted partly returns its count).
   */
  nonblocking?: boolean;
  /** poll's readiness now: POLLIN / POLLOUT / POLLHUP / POLLERR bits (abi/poll.ts). Absent: always ready for
   *  both (POLLIN | POLLOUT, Linux's DEFAULT_POLLMASK for files whose reads and writes never block). A file
   *  whose answer can change wakes its readWait / writeWait channels when it does. */
  pollEvents?(): number;
  /** Called when the last fd referring to this open file closes. */
  onLastClose?(): void;
}
