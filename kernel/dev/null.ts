// /dev/null (reads end of file, swallows writes) and /dev/zero (reads zeroes, swallows writes).

import type { OpenFile, ReadResult } from './file.js';

export class NullFile implements OpenFile {
  readonly name = '/dev/null';
  /** `openFlags`: the open's flags (the access mode is enforced by read and write). */
  constructor(readonly openFlags = 2) {}
  read(): ReadResult { return new Uint8Array(0); }
  write(bytes: Uint8Array): number { return bytes.length; }
}

export class ZeroFile implements OpenFile {
  readonly name = '/dev/zero';
  constructor(readonly openFlags = 2) {}
  read(maxBytes: number): ReadResult { return new Uint8Array(maxBytes); }
  write(bytes: Uint8Array): number { return bytes.length; }
}
