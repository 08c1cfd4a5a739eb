// An open file as the fd table sees it. Devices implement it now; ramfs files will later.

/** Returned by read() when no data is there yet and more may come: the caller sleeps and retries. */
export const WOULD_BLOCK: unique symbol = Symbol('would block');
export type ReadResult = Uint8Array | number | typeof WOULD_BLOCK;

export interface OpenFile {
  /** Path or device name, for messages and /proc. */
  readonly name: string;
  /** Up to `maxBytes` bytes (an empty array at end of file), -errno, or WOULD_BLOCK. */
  read(maxBytes: number): ReadResult;
  /** Bytes written (all of them for devices) or -errno. */
  write(bytes: Uint8Array): number;
}
