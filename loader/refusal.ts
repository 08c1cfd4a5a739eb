// Why an executable is refused. Each reason is distinct so that `pagoda run` and execve can say exactly what
// is wrong; every refusal is ENOEXEC except `no-memory` (ENOMEM) and `too-many-arguments` (E2BIG).

import { Errno } from '../abi/errno.js';

export type RefusalCode =
  | 'bad-magic'
  | 'truncated'
  | 'not-32-bit'
  | 'not-little-endian'
  | 'bad-version'
  | 'not-riscv'
  | 'not-exec'
  | 'bad-header-size'
  | 'phdrs-outside-file'
  | 'segment-outside-file'
  | 'filesz-exceeds-memsz'
  | 'bad-address'
  | 'bad-align'
  | 'overlapping-segments'
  | 'writable-and-executable'
  | 'bad-entry'
  | 'no-load-segments'
  | 'dynamic'
  | 'float-abi'
  | 'compressed'
  | 'malformed'
  | 'no-memory'
  | 'too-many-arguments';

/** A refused executable: a code for programs and tests, a precise message for people, and the errno. */
export class LoadRefusal extends Error {
  constructor(readonly code: RefusalCode, message: string) {
    super(message);
    this.name = 'LoadRefusal';
  }

  /** The errno execve returns for this refusal. */
  get errno(): number {
    if (this.code === 'no-memory') return Errno.ENOMEM;
    if (this.code === 'too-many-arguments') return Errno.E2BIG;
    return Errno.ENOEXEC;
  }
}

export const hex = (n: number): string => '0x' + (n >>> 0).toString(16);
