// /dev/null (reads end of file, swallows writes) and /dev/zero (reads zeroes, swallows writes).

import type { OpenFile, ReadResult } from './file.js';

export class NullFile implements OpenFile {
  readonly name = '/dev/null';
  read(): ReadResult { return new Uint8Array(0); }
  write(bytes: Uint8Array): number { return bytes.length; }
}

export class ZeroFile implements OpenFile {
  readonly name = '/dev/zero';
  read(maxBytes: number): ReadResult { return new Uint8Array(maxBytes); }
  write(bytes: Uint8Array): number { return bytes.length; }
}
