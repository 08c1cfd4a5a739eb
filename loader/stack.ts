// The initial stack image of a new program (shared/ARCHITECTURE.md "Process ABI", the Linux layout):
//
//   stackTop ->  [ execfn, argv and envp strings, NUL-terminated ]
//                [ 16 AT_RANDOM bytes ]
//                [ padding to 16 bytes ]
//                [ auxv pairs ... AT_NULL 0 ]
//                [ envp[0..m-1], NULL ]
//                [ argv[0..n-1], NULL ]
//   sp ->        [ argc ]                       sp is 16-byte aligned
//
// Pure: builds bytes and addresses; the kernel copies them into the new stack.

import { Auxv } from '../abi/elf.js';
import { PAGE_SIZE } from '../abi/riscv.js';
import { LoadRefusal, Refusal } from './refusal.js';

export interface StackInput {
  argv: readonly string[];
  envp: readonly string[];
  /** AT_EXECFN: the path the program was started as. */
  execfn: string;
  /** 16 random bytes for AT_RANDOM. */
  random: Uint8Array;
  entry: number;
  phdrVa: number;
  phent: number;
  phnum: number;
}

export interface StackImage {
  /** The initial sp (16-byte aligned); the image covers [sp, stackTop). */
  sp: number;
  bytes: Uint8Array;
  /** Where argv[0] and envp[0] point, for tests and traces. */
  argvPointers: number[];
  envpPointers: number[];
}

/** Largest image accepted (Linux allows a quarter of the stack limit for arguments). */
export const MAX_STACK_IMAGE_BYTES = 2 * 1024 * 1024;

function auxvOf(input: StackInput, randomVa: number, execfnVa: number): [number, number][] {
  // Linux's order (fs/binfmt_elf.c create_elf_tables).
  return [
    [Auxv.PAGESZ, PAGE_SIZE], [Auxv.PHDR, input.phdrVa], [Auxv.PHENT, input.phent], [Auxv.PHNUM, input.phnum],
    [Auxv.ENTRY, input.entry],
    [Auxv.UID, 0], [Auxv.EUID, 0], [Auxv.GID, 0], [Auxv.EGID, 0], [Auxv.SECURE, 0],
    [Auxv.RANDOM, randomVa], [Auxv.EXECFN, execfnVa], [Auxv.NULL, 0],
  ];
}

/**
 * Lays out argc/argv/envp/auxv and their strings below `stackTop`. Throws LoadRefusal('too-many-arguments')
 * (E2BIG) when the image would pass MAX_STACK_IMAGE_BYTES.
 */
export function buildInitialStack(input: StackInput, stackTop: number): StackImage {
  const enc = new TextEncoder();
  const strings = [input.execfn, ...input.argv, ...input.envp].map((s) => enc.encode(s));
  const stringBytes = strings.reduce((n, s) => n + s.length + 1, 0);
  const randomVa = stackTop - stringBytes - 16;
  const words = 1 + input.argv.length + 1 + input.envp.length + 1 + 2 * 13;
  const sp = Math.floor((randomVa - words * 4) / 16) * 16;
  const size = stackTop - sp;
  if (size > MAX_STACK_IMAGE_BYTES) {
    throw new LoadRefusal(Refusal.TOO_MANY_ARGUMENTS, `arguments and environment need ${size} bytes, more than ${MAX_STACK_IMAGE_BYTES}`);
  }
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  const at = (va: number): number => va - sp;
  const addrs: number[] = [];
  let cursor = stackTop - stringBytes;
  for (const s of strings) {
    addrs.push(cursor);
    bytes.set(s, at(cursor));
    cursor += s.length + 1;
  }
  bytes.set(input.random.subarray(0, 16), at(randomVa));
  const argvPointers = addrs.slice(1, 1 + input.argv.length);
  const envpPointers = addrs.slice(1 + input.argv.length);
  const out = [input.argv.length, ...argvPointers, 0, ...envpPointers, 0];
  for (const [k, v] of auxvOf(input, randomVa, addrs[0])) out.push(k, v);
  out.forEach((w, i) => view.setUint32(i * 4, w >>> 0, true));
  return { sp, bytes, argvPointers, envpPointers };
}
