// Why an executable is refused. Each reason is distinct so that `pagoda run` and execve can say exactly what
// is wrong; every refusal is ENOEXEC except `no-memory` (ENOMEM) and `too-many-arguments` (E2BIG).

import { Errno } from '../abi/errno.js';

/** The refusal codes, as values that the loader throws and callers and tests compare (never the message). */
export const Refusal = {
  BAD_MAGIC: 'bad-magic',
  TRUNCATED: 'truncated',
  NOT_32_BIT: 'not-32-bit',
  NOT_LITTLE_ENDIAN: 'not-little-endian',
  BAD_VERSION: 'bad-version',
  NOT_RISCV: 'not-riscv',
  NOT_EXEC: 'not-exec',
  BAD_HEADER_SIZE: 'bad-header-size',
  PHDRS_OUTSIDE_FILE: 'phdrs-outside-file',
  SEGMENT_OUTSIDE_FILE: 'segment-outside-file',
  FILESZ_EXCEEDS_MEMSZ: 'filesz-exceeds-memsz',
  BAD_ADDRESS: 'bad-address',
  BAD_ALIGN: 'bad-align',
  OVERLAPPING_SEGMENTS: 'overlapping-segments',
  WRITABLE_AND_EXECUTABLE: 'writable-and-executable',
  BAD_ENTRY: 'bad-entry',
  MISALIGNED_ENTRY: 'misaligned-entry',
  NO_LOAD_SEGMENTS: 'no-load-segments',
  DYNAMIC: 'dynamic',
  FLOAT_ABI: 'float-abi',
  COMPRESSED: 'compressed',
  /** The RV32E base (EF_RISCV_RVE or an "rv32e" arch string). */
  EMBEDDED: 'embedded',
  /** The `.riscv.attributes` arch string names an extension (or base width) the hart lacks. */
  MISSING_EXTENSION: 'missing-extension',
  MALFORMED: 'malformed',
  NO_MEMORY: 'no-memory',
  TOO_MANY_ARGUMENTS: 'too-many-arguments',
} as const;

export type RefusalCode = (typeof Refusal)[keyof typeof Refusal];

/** A refused executable: a code for programs and tests, a precise message for people, and the errno. */
export class LoadRefusal extends Error {
  constructor(readonly code: RefusalCode, message: string) {
    super(message);
    this.name = 'LoadRefusal';
  }

  /** The errno execve returns for this refusal. */
  get errno(): number {
    if (this.code === Refusal.NO_MEMORY) return Errno.ENOMEM;
    if (this.code === Refusal.TOO_MANY_ARGUMENTS) return Errno.E2BIG;
    return Errno.ENOEXEC;
  }
}

export const hex = (n: number): string => '0x' + (n >>> 0).toString(16);
